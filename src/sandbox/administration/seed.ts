import { BANK_GIRO_PAYMENT, type CompanyVariant, type SupplierInvoiceRowInput } from '../../services/administration/models.js';
import { severaInvoiceToAdministration } from '../../services/transfer/invoiceRules.js';
import type { InvoiceOutputModel } from '../../services/severa/schemas/index.js';
import { organisationNumber } from '../orgNumber.js';
import { SeededRandom } from '../random.js';
import { localDay } from '../../clock.js';
import { DEFAULT_SEED, SEED_COST_CENTERS, SEED_PRODUCTS, seedSeveraData } from '../severa/seed.js';
import { EmbeddedCompany } from './embeddedCompany.js';

const DAY = 86_400_000;
const isoDay = localDay;

const SUPPLIERS: [string, string][] = [
  ['201', 'Tryckeriet i Norr AB'],
  ['202', 'Underkonsult Öberg HB'],
  ['203', 'IT-Grossisten Sverige AB'],
  ['204', 'Resebolaget Fjäll AB'],
  ['205', 'Kontorsvaror Ek AB'],
  ['206', 'Hyrbilar Syd AB'],
];
const OWN_CUSTOMERS = [
  'Åre Fjällstugor AB',
  'Mälardalens Plåt AB',
  'Göta Kanal Café HB',
  'Smörgåsbordet i Ystad AB',
  'Öresunds Tolkbyrå AB',
  'Kiruna Snöskoter AB',
  'Hälsinge Gårdar Ekonomisk förening',
  'Bohusläns Sjöfart AB',
];

export const DEMO_COMPANIES: Partial<Record<CompanyVariant, string>> = {
  2000: 'Övningsbolaget AB',
  1000: 'Övningsbolaget 1000 AB',
  500: 'Lilla Verkstaden AB',
};

function seedRegisters(company: EmbeddedCompany, withProfitCentres: boolean): void {
  for (const [code, name, rate] of [
    ['SEK', 'Svensk krona', 1],
    ['EUR', 'Euro', 11.45],
    ['NOK', 'Norsk krona', 0.98],
    ['USD', 'US-dollar', 10.6],
  ] as const) {
    company.putRegister('currencies', code, { code, name, rate });
  }
  company.putRegister('languages', 'SV', { code: 'SV', text: 'Svenska' });
  company.putRegister('languages', 'EN', { code: 'EN', text: 'Engelska' });
  for (const days of [0, 10, 15, 20, 30]) {
    const code = String(days);
    company.putRegister('terms_of_payment', code, { code, text: days === 0 ? 'Kontant' : `${days} dagar netto`, days });
  }
  if (withProfitCentres) for (const [code, name] of SEED_COST_CENTERS) company.putRegister('profit_centres', code, { code, name });
  for (const p of SEED_PRODUCTS) {
    company.putRegister('articles', p.code, {
      number: p.code,
      name: p.name,
      unitCode: p.unit,
      price: p.price,
      accountingCode: p.type === 'FixedFees' ? '3041' : '3051',
      inactive: false,
    });
  }
  company.putRegister('articles', 'ADM-AVG', {
    number: 'ADM-AVG',
    name: 'Administrativ avgift',
    unitCode: 'st',
    price: 59,
    accountingCode: '3590',
    inactive: false,
  });
  for (const [number, name] of SUPPLIERS) {
    company.putRegister('suppliers', number, { number, name, organisationNumber: organisationNumber(`55${number}0${number}`) });
  }
}

/**
 * The demo's Administration company, variant 2000 (or 1000): the Severa sandbox's customers and
 * projects that were "transferred before" (some since changed on one side, so conflicts happen),
 * their invoices already booked, payments, suppliers and supplier invoices on several projects.
 */
/**
 * The demo company, booked as sevadm would have booked the Severa organisation's older work. `scale`: the same for
 * N times the Severa data (seedSeveraData's scale), with N copies of the company's own customers and supplier
 * invoices; scale 1 is the demo as it always was.
 */
export async function seedDemoCompany(company: EmbeddedCompany, anchor: number, seed = DEFAULT_SEED, scale = 1): Promise<void> {
  const severa = seedSeveraData(anchor, seed, scale);
  const year = new Date(anchor).getFullYear();
  const rnd = new SeededRandom(seed + 2000);
  seedRegisters(company, true);

  const booked = severa.invoices.filter((i) => i.status?.name === 'Transferred' || i.status?.name === 'Paid');
  const customerGuids = new Set([
    ...severa.customers.filter((_, i) => i % 64 < 10).map((c) => c.guid),
    ...booked.map((i) => i.customer!.guid!),
  ]);
  let n = 0;
  for (const c of severa.customers.filter((c) => customerGuids.has(c.guid))) {
    n++;
    const orgDigits = (c.vatNumber ?? '').slice(2, 12);
    const english = c.language?.code?.startsWith('en');
    await company.addCustomer({
      number: String(c.number),
      name: n % 7 === 3 ? c.name.replace(/ AB$/, ' Aktiebolag') : c.name,
      mailingAddress: c.headquarterAddress?.addressline ?? undefined,
      zipCode: c.headquarterAddress?.postalCode ?? undefined,
      city: n % 4 === 1 ? 'Sundbyberg' : (c.headquarterAddress?.city ?? undefined),
      country: 'Sverige',
      countryCode: 'SE',
      telephone: `0${rnd.int(8, 90)}-${rnd.int(100, 999)} ${rnd.int(10, 99)} ${rnd.int(10, 99)}`,
      email: n % 3 === 0 ? `ekonomi@${(c.email ?? 'x@kund.example').split('@')[1]}` : (c.email ?? undefined),
      organisationNumber: orgDigits ? `${orgDigits.slice(0, 6)}-${orgDigits.slice(6)}` : undefined,
      vatNumber: c.vatNumber ?? undefined,
      currencyCode: c.currency?.code ?? 'SEK',
      languageCode: english ? 'EN' : 'SV',
      termsOfPaymentCode: String(n % 5 === 2 ? 20 : (c.paymentTerm ?? 30)),
      inactive: c.isActive === false,
    });
  }
  for (let copy = 0; copy < scale; copy++)
    for (const [i, name] of OWN_CUSTOMERS.entries()) {
      await company.addCustomer({
        // One alphanumeric number: Severa takes numeric customer numbers only. Copies are numbered above Severa's.
        number: copy ? String(900001 + (copy - 1) * OWN_CUSTOMERS.length + i) : i === 5 ? 'K-200' : String(5001 + i),
        name: copy ? `${name} (${copy + 1})` : name,
        city: ['Åre', 'Västerås', 'Motala', 'Ystad', 'Malmö', 'Kiruna', 'Bollnäs', 'Uddevalla'][i],
        country: 'Sverige',
        countryCode: 'SE',
        organisationNumber: organisationNumber(`55${7000000 + i * 1111}`),
        currencyCode: 'SEK',
        languageCode: 'SV',
        termsOfPaymentCode: '30',
        email: `info@${name
          .split(' ')[0]!
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')}.example`,
        inactive: i === 7,
      });
    }

  const projectGuids = new Set([...booked.map((i) => i.projects![0]!.guid!)]);
  const transferredProjects = severa.projects.filter((p) => projectGuids.has(p.guid));
  for (const [i, p] of transferredProjects.entries()) {
    await company.addProject({
      code: String(p.number),
      name: i % 6 === 2 ? `${p.name} (etapp 1)` : p.name,
      startDate: p.startDate,
      endDate: p.deadline,
      customerNumber: String(p.customer!.number),
      responsible: p.projectOwner?.name ?? undefined,
      closed: p.isClosed ?? false,
      closureDate: p.closedDate,
    });
  }
  await company.addProject({ code: 'INTERN', name: 'Interna kostnader', startDate: `${year}-01-01`, endDate: `${year}-12-31` });

  // Booked as the transfer books them: through the same mapping, under Severa's numbers.
  const booking = {
    articles: new Set(SEED_PRODUCTS.map((p) => p.code)),
    customers: new Set((await company.listCustomers()).map((c) => c.number)),
    projects: new Set((await company.listProjects()).map((p) => p.code)),
    numberPolicy: 'severa' as const,
    today: isoDay(anchor),
  };
  const rowsOf = new Map<string, typeof severa.invoiceRows>();
  for (const row of severa.invoiceRows) rowsOf.set(row.invoiceGuid!, [...(rowsOf.get(row.invoiceGuid!) ?? []), row]);
  // The compare's known differences (the README lists them): one Transferred invoice never booked, one booked with
  // another amount, one booked twice, one "Ready for transfer" invoice booked all the same, one Paid invoice unpaid here.
  const newest = booked.filter((i) => i.status?.name === 'Transferred').sort((a, b) => b.date!.localeCompare(a.date!));
  const known = knownInvoiceDifferences(severa, booked, newest.slice(0, 5 * scale), booking);
  for (const invoice of booked) {
    if (invoice === known.missing) continue;
    const input = severaInvoiceToAdministration(invoice, rowsOf.get(invoice.guid) ?? [], booking);
    if (invoice === known.differs) input.rows[0] = { ...input.rows[0]!, unitPrice: input.rows[0]!.unitPrice + 100 };
    await company.addInvoice(input);
  }
  if (known.notMoved)
    await company.addInvoice(severaInvoiceToAdministration(known.notMoved, rowsOf.get(known.notMoved.guid) ?? [], booking));
  // Administration numbers its own invoices in a series apart from Severa's.
  company.setNextNumber('nextInvoiceNumber', 20001);
  const twice = severaInvoiceToAdministration(known.twice, rowsOf.get(known.twice.guid) ?? [], booking);
  await company.addInvoice({ ...twice, documentNumber: undefined });

  // Paid in Severa and in Administration, on Severa's payment day (but one).
  for (const invoice of booked.filter((i) => i.status?.name === 'Paid' && i !== known.unpaid)) {
    await company.addCustomerPayment({
      invoiceNumber: invoice.number!,
      date: invoice.paymentDate!,
      amount: invoice.totalIncludingTax?.amount ?? 0,
      ...BANK_GIRO_PAYMENT,
    });
  }
  // A few paid lately in Administration only, for the payments transfer: after the invoice, never after today.
  for (const invoice of newest.slice(0, 5 * scale)) {
    const invoiced = Date.parse(`${invoice.date!}T12:00:00`);
    await company.addCustomerPayment({
      invoiceNumber: invoice.number!,
      date: isoDay(Math.min(anchor, Math.max(invoiced + DAY, anchor - rnd.int(2, 20) * DAY))),
      amount: invoice.totalIncludingTax?.amount ?? 0,
      ...BANK_GIRO_PAYMENT,
    });
  }

  const projectCodes = transferredProjects.filter((p) => !p.isClosed).map((p) => String(p.number));
  const texts: [string, string, string | undefined][] = [
    ['Tryckning av broschyrer', '4010', 'TRYCK'],
    ['Underkonsult, systemutveckling', '4600', 'UNDERKONS'],
    ['Licenser', '5420', 'LIC-365'],
    ['Resa Stockholm–Luleå', '5800', undefined],
    ['Kontorsmaterial', '6110', undefined],
    ['Hyrbil', '5610', undefined],
    ['Hårdvara', '5410', 'HW-LAPTOP'],
  ];
  for (let i = 0; i < 18 * scale; i++) {
    const [supplierNumber] = SUPPLIERS[i % SUPPLIERS.length]!;
    const headProject = i % 3 === 1 ? undefined : rnd.pick(projectCodes);
    const rowCount = rnd.int(1, 4);
    const rows: SupplierInvoiceRowInput[] = Array.from({ length: rowCount }, (_, r) => {
      const [text, accountNumber, articleNumber] = texts[(i + r) % texts.length]!;
      // Some rows name a project of their own; a head without project has one on every row.
      const rowProject =
        headProject === undefined
          ? i % 18 === 7 && r === 0
            ? 'INTERN'
            : rnd.pick(projectCodes)
          : r === 1
            ? rnd.pick(projectCodes)
            : undefined;
      return {
        text,
        accountNumber,
        articleNumber,
        amount: rnd.int(5, 400) * 25,
        quantity: 1,
        project: rowProject,
        profitCentre: rnd.pick(SEED_COST_CENTERS)[0],
      };
    });
    // One credit invoice: the supplier credits what it charged, every amount the other way.
    const sign = i % 18 === CREDIT_SUPPLIER_INVOICE ? -1 : 1;
    for (const row of rows) row.amount *= sign;
    const { total, vatAmount } = postRows(rows, i % 5 === 2);
    // Every third lately, so the default From–To range always lists some.
    const date = anchor - (i % 3 === 0 ? rnd.int(1, 25) : rnd.int(30, 150)) * DAY;
    await company.addSupplierInvoice({
      supplierNumber,
      invoiceNumber: `${rnd.int(1000, 9999)}-${i + 1}`,
      invoiceDate: isoDay(date),
      dueDate: isoDay(date + 30 * DAY),
      currencyCode: 'SEK',
      total,
      vatAmount,
      project: headProject,
      cancelled: i % 18 === 11,
      rows,
    });
  }
}

/**
 * The invoices the demo company holds wrong on purpose, for the compare: picked among the Transferred invoices no
 * credit note refers to and that get no payment, one "Ready for transfer" invoice whose customer and project the
 * company has, and the first Paid invoice.
 */
function knownInvoiceDifferences(
  severa: ReturnType<typeof seedSeveraData>,
  booked: InvoiceOutputModel[],
  paidHere: InvoiceOutputModel[],
  booking: { customers: Set<string>; projects: Set<string> },
) {
  const credited = new Set(severa.invoices.map((i) => i.reimburseInvoice?.guid).filter(Boolean));
  const plain = booked.filter((i) => i.status?.name === 'Transferred' && !credited.has(i.guid) && !paidHere.includes(i));
  // The last such invoice: the first ones are what the transfer tests book.
  const notMoved = severa.invoices.findLast(
    (i) =>
      i.status?.name === 'Ready for transfer' &&
      !i.isCreditNote &&
      booking.customers.has(String(i.customer?.number)) &&
      booking.projects.has(String(i.projects?.[0]?.number)),
  );
  return {
    missing: plain[0]!,
    differs: plain[1]!,
    twice: plain[2]!,
    notMoved,
    unpaid: booked.find((i) => i.status?.name === 'Paid')!,
  };
}

/** The demo's credit supplier invoice (by its place in the seed). */
export const CREDIT_SUPPLIER_INVOICE = 15;

/**
 * A supplier invoice's other posting rows, as Administration books it: input VAT at 25 % on 2640, öre rounding on
 * 3740 when the total is rounded to whole kronor, and the supplier debt on 2440 (credit, so negative), after the
 * cost rows. Returns the total and VAT the head carries.
 */
function postRows(rows: SupplierInvoiceRowInput[], roundToKronor: boolean): { total: number; vatAmount: number } {
  const net = rows.reduce((s, r) => s + r.amount, 0);
  const vatAmount = Math.round(net * 25) / 100;
  const exact = Math.round((net + vatAmount) * 100) / 100;
  const total = roundToKronor ? Math.round(exact) : exact;
  rows.push({ text: 'Ingående moms', accountNumber: '2640', amount: vatAmount });
  const rounding = Math.round((total - exact) * 100) / 100;
  if (rounding !== 0) rows.push({ text: 'Öresavrundning', accountNumber: '3740', amount: rounding });
  rows.push({ text: 'Leverantörsskuld', accountNumber: '2440', amount: -total });
  return { total, vatAmount };
}

/** The small variant-500 company: no project register, so the project transfer is refused there. */
export async function seedSmallCompany(company: EmbeddedCompany, anchor: number, seed = DEFAULT_SEED): Promise<void> {
  const severa = seedSeveraData(anchor, seed);
  seedRegisters(company, false);
  for (const c of severa.customers.slice(0, 6)) {
    await company.addCustomer({
      number: String(c.number),
      name: c.name,
      city: c.headquarterAddress?.city ?? undefined,
      countryCode: 'SE',
      currencyCode: 'SEK',
      languageCode: 'SV',
      termsOfPaymentCode: '30',
    });
  }
  await company.addSupplierInvoice({
    supplierNumber: '205',
    invoiceNumber: 'K-1001',
    invoiceDate: isoDay(anchor - 20 * DAY),
    total: 1250,
    vatAmount: 250,
    rows: [
      { text: 'Kontorsmaterial', accountNumber: '6110', amount: 1000 },
      { text: 'Ingående moms', accountNumber: '2640', amount: 250 },
      { text: 'Leverantörsskuld', accountNumber: '2440', amount: -1250 },
    ],
  });
}
