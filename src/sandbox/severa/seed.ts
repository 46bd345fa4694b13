import type {
  CustomerModel,
  InvoiceOutputModel,
  InvoiceRowOutputModel,
  InvoiceStatusModel,
  ProductOutputModel,
  ProductType,
  ProjectFeeOutputModel,
  ProjectOutputModel,
  UserOutputModel,
} from '../../services/severa/schemas/index.js';
import { localDay } from '../../clock.js';
import { organisationNumber } from '../orgNumber.js';
import { SeededRandom } from '../random.js';
import type { SeveraData } from './data.js';

/** Demos made before their day was kept were seeded relative to this instant. */
export const LEGACY_SEED_ANCHOR = Date.parse('2026-11-01T08:00:00Z');
export const DEFAULT_SEED = 4711;

const DAY = 86_400_000;
// Calendar dates are the local day, as the user sees today: never a day ahead of it.
const isoDay = localDay;
const round2 = (n: number) => Math.round(n * 100) / 100;

const CITIES: [string, string][] = [
  ['Stockholm', '111 52'],
  ['Göteborg', '411 04'],
  ['Malmö', '211 20'],
  ['Uppsala', '753 20'],
  ['Västerås', '722 12'],
  ['Örebro', '702 10'],
  ['Linköping', '582 22'],
  ['Umeå', '903 26'],
  ['Jönköping', '553 18'],
  ['Luleå', '972 31'],
  ['Sundsvall', '852 30'],
  ['Gävle', '803 20'],
  ['Växjö', '352 30'],
  ['Norrköping', '602 24'],
];
const STREETS = [
  'Storgatan',
  'Kungsgatan',
  'Drottninggatan',
  'Sveavägen',
  'Östra Hamngatan',
  'Södra Förstadsgatan',
  'Åsgatan',
  'Järnvägsgatan',
  'Skolgatan',
  'Strandvägen',
];
const NAME_STEMS = [
  'Ångström',
  'Björk',
  'Öster',
  'Fjäll',
  'Sjöhav',
  'Älvdal',
  'Granlund',
  'Lindö',
  'Ekbacka',
  'Bergslag',
  'Dalkarl',
  'Strandhäll',
  'Norrsken',
  'Söderåsen',
  'Västanvind',
  'Hägerstrand',
];
const NAME_TRADES = ['Konsult', 'Bygg', 'Data', 'Teknik', 'Design', 'Logistik', 'Fastigheter', 'Media', 'Energi', 'Revision'];
const NAME_FORMS = ['AB', 'AB', 'AB', 'HB', '& Partner AB', 'Sverige AB'];
const USERS: [string, string, string][] = [
  ['Anna', 'Lindqvist', 'ALI'],
  ['Erik', 'Sjöberg', 'ESJ'],
  ['Märta', 'Åkesson', 'MÅK'],
  ['Lars', 'Öberg', 'LÖB'],
  ['Sofia', 'Ekström', 'SEK'],
  ['Johan', 'Bäckström', 'JBÄ'],
  ['Karin', 'Håkansson', 'KHÅ'],
  ['Per', 'Nyström', 'PNY'],
];
const CONTACTS = [
  'Maria Johansson',
  'Björn Karlsson',
  'Åsa Nilsson',
  'Göran Persson',
  'Linnéa Ström',
  'Ola Söderlund',
  'Elin Forsén',
  'Jörgen Wallin',
];
const PROJECT_KINDS = [
  'Webbplats',
  'Affärssystem',
  'Molnmigrering',
  'Utbildning',
  'Förstudie',
  'Support {year}',
  'Integration',
  'Dataanalys',
  'Säkerhetsgranskning',
  'Apputveckling',
  'Ekonomiöversyn',
];

interface ProductSeed {
  code: string;
  name: string;
  type: ProductType;
  unit: string;
  price: number;
  cost: number;
}
/** Product codes double as article numbers in the Administration demo company. */
export const SEED_PRODUCTS: ProductSeed[] = [
  { code: 'KONS', name: 'Konsulttimme', type: 'FixedFees', unit: 'h', price: 1250, cost: 0 },
  { code: 'SENIOR', name: 'Seniorkonsult, timme', type: 'FixedFees', unit: 'h', price: 1550, cost: 0 },
  { code: 'PROJLED', name: 'Projektledning', type: 'FixedFees', unit: 'h', price: 1400, cost: 0 },
  { code: 'UTB', name: 'Utbildningsdag', type: 'FixedFees', unit: 'dag', price: 9500, cost: 0 },
  { code: 'SUPPORT', name: 'Supportavtal, månad', type: 'FixedFees', unit: 'mån', price: 2500, cost: 0 },
  { code: 'LIC-365', name: 'Licens Microsoft 365', type: 'Materials', unit: 'st', price: 129, cost: 99 },
  { code: 'HW-LAPTOP', name: 'Bärbar dator', type: 'Materials', unit: 'st', price: 14900, cost: 11200 },
  { code: 'RESA', name: 'Resekostnad', type: 'Materials', unit: 'st', price: 1, cost: 1 },
  { code: 'UNDERKONS', name: 'Underkonsult', type: 'Subcontracting', unit: 'h', price: 1150, cost: 950 },
  { code: 'TRYCK', name: 'Tryckeri och repro', type: 'Subcontracting', unit: 'st', price: 1, cost: 1 },
  { code: 'FRAKT', name: 'Frakt', type: 'Materials', unit: 'st', price: 295, cost: 240 },
];

export const SEED_COST_CENTERS: [string, string][] = [
  ['10', 'Stockholm'],
  ['20', 'Göteborg'],
  ['30', 'Malmö'],
  ['90', 'Gemensamt'],
];

export const SEED_INVOICE_STATUSES: Omit<InvoiceStatusModel, 'guid'>[] = [
  {
    name: 'Draft',
    isDefault: true,
    isActive: true,
    hasInvoiceNumber: false,
    isReadOnly: false,
    isSent: false,
    isWaitingPayment: false,
    isPaid: false,
    isDefaultForCreditNote: false,
    sortOrder: 1,
  },
  {
    name: 'Ready for transfer',
    isDefault: false,
    isActive: true,
    hasInvoiceNumber: true,
    isReadOnly: false,
    isSent: false,
    isWaitingPayment: false,
    isPaid: false,
    isDefaultForCreditNote: true,
    sortOrder: 2,
  },
  {
    name: 'Transferred',
    isDefault: false,
    isActive: true,
    hasInvoiceNumber: true,
    isReadOnly: true,
    isSent: true,
    isWaitingPayment: true,
    isPaid: false,
    isDefaultForCreditNote: false,
    sortOrder: 3,
  },
  {
    name: 'Paid',
    isDefault: false,
    isActive: true,
    hasInvoiceNumber: true,
    isReadOnly: true,
    isSent: true,
    isWaitingPayment: false,
    isPaid: true,
    isDefaultForCreditNote: false,
    sortOrder: 4,
  },
  {
    name: 'Cancelled',
    isDefault: false,
    isActive: false,
    hasInvoiceNumber: false,
    isReadOnly: true,
    isSent: false,
    isWaitingPayment: false,
    isPaid: false,
    isDefaultForCreditNote: false,
    sortOrder: 5,
  },
];

/** The fee whose amount differs from its supplier-invoice row's, in every demo. */
export const COMPARE_FEE_DIFFERS = 'Lev.fakt 2/1';

/** The largest --scale: 1,000 times the demo is 64,000 customers and 86,000 invoices. */
export const MAX_SCALE = 1000;

/**
 * A realistic Swedish consultancy, the same for the same seed and day: every date lies on or before
 * `anchor` (the day the data is made), as it would in an organisation that has been working up to then.
 * `scale` makes that many times the customers, projects, invoices and fees (for benchmarks and tests of large
 * lists); scale 1 is the demo exactly as it always was.
 */
export function seedSeveraData(anchor: number, seed: number = DEFAULT_SEED, scale = 1): SeveraData {
  const rnd = new SeededRandom(seed);
  const stamp = (daysAgo: number) => new Date(anchor - daysAgo * DAY).toISOString();
  const audit = (daysAgo: number) => ({ createdDateTime: stamp(daysAgo + rnd.int(0, 30)), lastUpdatedDateTime: stamp(daysAgo) });

  const sek = {
    guid: rnd.guid(),
    code: 'SEK',
    name: 'Svensk krona',
    symbol: 'kr',
    rate: 1,
    isActive: true,
    isOrganizationCurrency: true,
    ...audit(900),
  };
  const eur = {
    guid: rnd.guid(),
    code: 'EUR',
    name: 'Euro',
    symbol: '€',
    rate: 11.45,
    isActive: true,
    isOrganizationCurrency: false,
    ...audit(900),
  };
  const nok = {
    guid: rnd.guid(),
    code: 'NOK',
    name: 'Norsk krone',
    symbol: 'kr',
    rate: 0.98,
    isActive: false,
    isOrganizationCurrency: false,
    ...audit(900),
  };
  const sweden = { guid: rnd.guid(), name: 'Sverige', englishName: 'Sweden', code: 'SE' };
  const swedish = { guid: rnd.guid(), name: 'Svenska', englishName: 'Swedish', code: 'sv-SE' };
  const english = { guid: rnd.guid(), name: 'Engelska', englishName: 'English', code: 'en-GB' };

  const vatRates = [25, 12, 6, 0].map((percentage) => ({
    guid: rnd.guid(),
    percentage,
    code: `MOMS${percentage}`,
    isActive: true,
    isDefault: percentage === 25,
    countryGuid: sweden.guid,
    ...audit(900),
  }));
  const costCenters = SEED_COST_CENTERS.map(([identifier, name]) => ({
    guid: rnd.guid(),
    identifier,
    name,
    isActive: true,
    isDefault: identifier === '10',
    ...audit(800),
  }));
  const businessUnit = { guid: rnd.guid(), name: 'Norrsken Konsult AB', code: 'NK' };

  const users: UserOutputModel[] = USERS.map(([firstName, lastName, code], i) => ({
    guid: rnd.guid(),
    firstName,
    lastName,
    code,
    email:
      `${firstName}.${lastName}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '') + '@norrsken.example',
    title: i === 0 ? 'VD' : 'Konsult',
    isActive: i !== USERS.length - 1,
    businessUnit,
    userType: 'FullUser',
    ...audit(700),
  }));
  const userRef = (u: UserOutputModel) => ({
    guid: u.guid,
    name: `${u.firstName} ${u.lastName}`,
    firstName: u.firstName,
    lastName: u.lastName,
    code: u.code,
  });

  const products: ProductOutputModel[] = SEED_PRODUCTS.map((p) => ({
    guid: rnd.guid(),
    name: p.name,
    code: p.code,
    type: p.type,
    measurementUnit: p.unit,
    vatRate: 25,
    isActive: true,
    unitPrice: { amount: p.price, currencyCode: 'SEK' },
    unitCost: { amount: p.cost, currencyCode: 'SEK' },
    ...audit(rnd.int(200, 600)),
  }));
  const invoiceStatuses: InvoiceStatusModel[] = SEED_INVOICE_STATUSES.map((s) => ({ guid: rnd.guid(), ...s, ...audit(1000) }));
  const statusByName = (name: string) => invoiceStatuses.find((s) => s.name === name)!;

  // Customers: unique stem × trade names, 60 active and 4 inactive (in each 64 when scaled; the names of the
  // copies carry the copy's number, as the stems and trades would run out).
  const customers: CustomerModel[] = [];
  const usedNames = new Set<string>();
  for (let i = 0; customers.length < 64 * scale; i++) {
    const copy = Math.floor(customers.length / 64);
    const name = `${rnd.pick(NAME_STEMS)} ${rnd.pick(NAME_TRADES)}${copy ? ` ${copy + 1}` : ''} ${rnd.pick(NAME_FORMS)}`;
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    const [city, postalCode] = rnd.pick(CITIES);
    const orgNo = organisationNumber(`556${String(rnd.int(100000, 999999))}`);
    const foreign = customers.length % 11 === 5;
    const slug = name
      .split(' ')[0]!
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    customers.push({
      guid: rnd.guid(),
      name,
      number: 1001 + customers.length,
      isActive: customers.length % 64 < 60,
      isInternal: false,
      notes: rnd.chance(0.2) ? 'Fakturor via e-post.' : null,
      email: `faktura@${slug}.example`,
      website: `https://www.${slug}.example`,
      vatNumber: `SE${orgNo.replace('-', '')}01`,
      kvkNumber: null,
      numberOfEmployees: rnd.int(2, 400),
      annualRevenue: null,
      language: foreign ? english : swedish,
      currency: foreign
        ? { guid: eur.guid, name: eur.name, code: eur.code, symbol: eur.symbol }
        : { guid: sek.guid, name: sek.name, code: sek.code, symbol: sek.symbol },
      owner: userRef(rnd.pick(users)),
      industry: null,
      headquarterAddress: { guid: rnd.guid(), addressline: `${rnd.pick(STREETS)} ${rnd.int(1, 88)}`, postalCode, city, country: 'Sweden' },
      timezone: { guid: null, name: 'W. Europe Standard Time' },
      pricelist: null,
      paymentTerm: rnd.pick([10, 15, 30, 30, 30]),
      overdueInterest: 8,
      invoicingVat: { guid: vatRates[0]!.guid, percentage: 25, code: 'MOMS25' },
      eInvoiceAddress: null,
      eInvoiceOperator: null,
      invoiceTemplate: null,
      // Every fourth changed lately, so the default "changed since" always finds some.
      ...audit(customers.length % 4 === 0 ? rnd.int(1, 25) : rnd.int(30, 400)),
    });
  }
  const customerByGuid = new Map(customers.map((c) => [c.guid, c]));

  const projects: ProjectOutputModel[] = [];
  for (let i = 0; i < 44 * scale; i++) {
    const customer = customers[((i % 44) % 40) + 64 * Math.floor(i / 44)]!;
    const owner = rnd.pick(users.slice(0, 7));
    const start = anchor - rnd.int(30, 330) * DAY;
    const closed = i % 8 === 3;
    const missing = i % 9 === 7 ? (i % 2 === 0 ? 'start' : 'deadline') : undefined;
    const center = rnd.pick(costCenters);
    projects.push({
      guid: rnd.guid(),
      name: `${customer.name.split(' ')[0]} – ${PROJECT_KINDS[i % PROJECT_KINDS.length]!.replace('{year}', String(new Date(anchor).getFullYear()))}`,
      number: 101 + i,
      description: null,
      isInternal: false,
      isClosed: closed,
      closedDate: closed ? isoDay(anchor - rnd.int(1, 25) * DAY) : null,
      startDate: missing === 'start' ? null : isoDay(start),
      deadline: missing === 'deadline' ? null : isoDay(start + rnd.int(30, 240) * DAY),
      customer: { guid: customer.guid, name: customer.name, number: customer.number },
      projectOwner: userRef(owner),
      salesPerson: userRef(users[0]!),
      businessUnit: { guid: businessUnit.guid, name: businessUnit.name, code: businessUnit.code },
      currency:
        customer.currency?.code === 'EUR'
          ? { guid: eur.guid, code: 'EUR', name: eur.name, symbol: eur.symbol }
          : { guid: sek.guid, code: 'SEK', name: sek.name, symbol: sek.symbol },
      costCenter: { guid: center.guid, identifier: center.identifier, name: center.name },
      projectStatus: { guid: rnd.guid(), name: closed ? 'Avslutat' : 'Pågående', description: null, projectStatusTypeGuid: null },
      paymentTerm: customer.paymentTerm,
      ourReference: `${owner.firstName} ${owner.lastName}`,
      yourReference: rnd.pick(CONTACTS),
      orderNumber: rnd.chance(0.4) ? `PO-${rnd.int(10000, 99999)}` : null,
      ...audit(i % 3 === 0 ? rnd.int(1, 25) : rnd.int(30, 200)),
    });
  }

  let nextInvoiceNumber = 10001;
  const invoices: InvoiceOutputModel[] = [];
  const invoiceRows: InvoiceRowOutputModel[] = [];
  const statusPlan = [
    ...Array(16 * scale).fill('Draft'),
    ...Array(30 * scale).fill('Ready for transfer'),
    ...Array(26 * scale).fill('Transferred'),
    ...Array(10 * scale).fill('Paid'),
  ] as string[];
  /** Whole days between the project's start and the anchor: nothing is invoiced before a project starts. */
  const daysRunning = (project: ProjectOutputModel) => Math.floor((anchor - Date.parse(`${project.startDate}T00:00:00`)) / DAY);
  const makeInvoice = (project: ProjectOutputModel, statusName: string, wantedDaysAgo: number, credit?: InvoiceOutputModel) => {
    const daysAgo = Math.min(wantedDaysAgo, daysRunning(project));
    const status = statusByName(statusName);
    const customer = customerByGuid.get(project.customer!.guid!)!;
    const euro = customer.currency?.code === 'EUR';
    const date = anchor - daysAgo * DAY;
    const guid = rnd.guid();
    const rows: InvoiceRowOutputModel[] = [];
    const source = credit ? invoiceRows.filter((r) => r.invoiceGuid === credit.guid) : undefined;
    const rowCount = source ? source.length : rnd.int(1, 5);
    for (let r = 0; r < rowCount; r++) {
      const product = source ? products.find((p) => p.code === source[r]!.code?.[0])! : rnd.pick(products);
      const seedProduct = SEED_PRODUCTS.find((p) => p.code === product.code)!;
      const quantity = source ? -(source[r]!.quantity ?? 0) : seedProduct.unit === 'h' ? rnd.int(2, 60) : rnd.int(1, 12);
      const sekPrice = seedProduct.price === 1 ? rnd.int(400, 6000) : seedProduct.price;
      const price = source ? source[r]!.unitPrice!.amount! : euro ? round2(sekPrice / 11.45) : sekPrice;
      const center = project.costCenter!;
      rows.push({
        guid: rnd.guid(),
        invoiceGuid: guid,
        rowType: seedProduct.type === 'FixedFees' && seedProduct.unit === 'h' ? 'Hours' : 'ProjectFees',
        category: seedProduct.type === 'FixedFees' && seedProduct.unit === 'h' ? 'Hours' : 'ProjectFees',
        description:
          seedProduct.price === 1
            ? `${product.name}, ${rnd.pick(['Stockholm–Göteborg', 'material', 'broschyrer', 'Malmö t/r'])}`
            : product.name,
        quantity,
        unitPrice: { amount: price, currencyCode: euro ? 'EUR' : 'SEK' },
        measurementUnit: seedProduct.unit,
        vatRate: euro ? 0 : 25,
        sortOrder: r + 1,
        salesAccount: { number: seedProduct.type === 'FixedFees' ? '3041' : '3051', name: 'Försäljning tjänster' },
        costCenter: { number: center.identifier ?? null, name: center.name ?? null },
        hasInvoiceComment: false,
        code: [product.code!],
        ...audit(daysAgo),
      });
    }
    const net = round2(rows.reduce((sum, row) => sum + (row.quantity ?? 0) * (row.unitPrice?.amount ?? 0), 0));
    const tax = round2(rows.reduce((sum, row) => sum + (row.quantity ?? 0) * (row.unitPrice?.amount ?? 0) * ((row.vatRate ?? 0) / 100), 0));
    const money = (amount: number) => ({ amount, currencyCode: euro ? 'EUR' : 'SEK' });
    const numbered = status.hasInvoiceNumber === true;
    const number = numbered ? nextInvoiceNumber++ : null;
    const invoice: InvoiceOutputModel = {
      guid,
      number,
      referenceNumber: number ? `${number}${(number * 7) % 10}` : null,
      status: {
        guid: status.guid,
        name: status.name,
        isSent: status.isSent,
        isWaitingPayment: status.isWaitingPayment,
        isPaid: status.isPaid,
      },
      customer: { guid: customer.guid, name: customer.name, number: customer.number },
      billingCustomer: { guid: customer.guid, name: customer.name, number: customer.number },
      projects: [{ guid: project.guid, name: project.name, number: project.number }],
      date: isoDay(date),
      dueDate: isoDay(date + (customer.paymentTerm ?? 30) * DAY),
      paymentDate: statusName === 'Paid' ? isoDay(Math.min(date + rnd.int(5, 30) * DAY, anchor)) : null,
      entryDate: numbered ? isoDay(date) : null,
      paymentTerm: customer.paymentTerm ?? 30,
      overdueInterest: 8,
      ourReference: project.ourReference,
      yourReference: project.yourReference,
      orderNumber: project.orderNumber,
      currency: euro
        ? { guid: eur.guid, code: 'EUR', name: eur.name, symbol: eur.symbol }
        : { guid: sek.guid, code: 'SEK', name: sek.name, symbol: sek.symbol },
      currencyRate: euro ? 11.45 : 1,
      totalExcludingTax: money(net),
      totalTax: money(tax),
      totalIncludingTax: money(round2(net + tax)),
      workHoursTotalExcludingTax: money(
        round2(rows.filter((r) => r.rowType === 'Hours').reduce((s, r) => s + (r.quantity ?? 0) * (r.unitPrice?.amount ?? 0), 0)),
      ),
      projectFeesTotalExcludingTax: money(
        round2(rows.filter((r) => r.rowType === 'ProjectFees').reduce((s, r) => s + (r.quantity ?? 0) * (r.unitPrice?.amount ?? 0), 0)),
      ),
      receiverCustomerName: customer.name,
      receiverAddress: {
        addressline: customer.headquarterAddress?.addressline ?? null,
        postalCode: customer.headquarterAddress?.postalCode ?? null,
        city: customer.headquarterAddress?.city ?? null,
        state: null,
        country: 'Sweden',
      },
      receiverVatNumber: customer.vatNumber,
      senderName: 'Norrsken Konsult AB',
      isCreditNote: Boolean(credit),
      reimburseInvoice: credit ? { guid: credit.guid, number: credit.number } : null,
      creditNoteInvoice: null,
      notes: null,
      canBeDeleted: !numbered,
      ...audit(daysAgo),
    };
    if (credit) credit.creditNoteInvoice = { guid: invoice.guid, number: invoice.number };
    invoices.push(invoice);
    invoiceRows.push(...rows);
    return invoice;
  };
  const invoiceable = projects.filter((p) => p.startDate);
  statusPlan.forEach((statusName, i) => {
    const daysAgo = statusName === 'Draft' ? rnd.int(0, 20) : statusName === 'Paid' ? rnd.int(60, 200) : rnd.int(5, 120);
    // Booked invoices sit on the older projects, which the demo company already has.
    const booked = statusName === 'Transferred' || statusName === 'Paid';
    makeInvoice(invoiceable[i % (booked ? 15 * scale : invoiceable.length)]!, statusName, daysAgo);
  });
  // Credit notes for a few already transferred invoices.
  for (const original of invoices.filter((inv) => inv.status?.name === 'Transferred').slice(0, 4 * scale)) {
    const project = projects.find((p) => p.guid === original.projects![0]!.guid)!;
    makeInvoice(project, 'Ready for transfer', rnd.int(1, 10), original);
  }

  const projectFees: ProjectFeeOutputModel[] = [];
  for (let i = 0; i < 24 * scale; i++) {
    const project = invoiceable[(i * 3) % invoiceable.length]!;
    const product = rnd.pick(products.filter((p) => p.type !== 'FixedFees'));
    const cost = rnd.int(300, 9000);
    const user = rnd.pick(users);
    projectFees.push({
      guid: rnd.guid(),
      project: { guid: project.guid, name: project.name, companyGuid: null },
      customer: project.customer ? { guid: project.customer.guid, name: project.customer.name, number: project.customer.number } : null,
      product: { guid: product.guid, name: product.name, code: product.code },
      productType: product.type,
      name: product.name,
      description: `${product.name} ${rnd.pick(['inköp', 'vidarefakturering', 'resa'])}`,
      eventDate: isoDay(anchor - Math.min(rnd.int(5, 200), daysRunning(project)) * DAY),
      quantity: 1,
      measurementUnit: product.measurementUnit,
      unitCost: { amount: cost, currencyCode: 'SEK' },
      unitPrice: { amount: Math.round(cost * 1.15), currencyCode: 'SEK' },
      isBillable: rnd.chance(0.5),
      vatRate: 25,
      user: { guid: user.guid, name: `${user.firstName} ${user.lastName}`, code: user.code, companyGuid: null },
      billingSchedule: 'Immediately',
      hasVolumePricing: false,
      invoice: null,
      isRecurrenceRule: false,
      ...audit(rnd.int(5, 200)),
    });
  }

  // Two fees that do not match the books (the compare's known differences; see the README): one on a supplier
  // invoice row with another amount than the row, one on a row that Administration does not have.
  const template = projectFees[0]!;
  projectFees.push(
    {
      ...template,
      guid: rnd.guid(),
      description: `${COMPARE_FEE_DIFFERS} Underkonsult`,
      quantity: 1,
      unitCost: { amount: 1, currencyCode: 'SEK' },
    },
    {
      ...template,
      guid: rnd.guid(),
      description: `Lev.fakt ${18 * scale + 50}/1 Kontorsmaterial`,
      quantity: 1,
      unitCost: { amount: 500, currencyCode: 'SEK' },
    },
  );

  return {
    version: 1,
    seed,
    organization: {
      guid: rnd.guid(),
      name: 'Norrsken Konsult AB',
      vatNumber: `SE${organisationNumber('556677889').replace('-', '')}01`,
      isVatRegistered: true,
      registeredOffice: 'Stockholm',
      address: 'Sveavägen 44',
      postalCode: '111 34',
      city: 'Stockholm',
      phone: '08-123 456 00',
      country: { guid: sweden.guid, name: sweden.name, englishName: sweden.englishName, code: sweden.code },
      currency: { guid: sek.guid, code: sek.code, name: sek.name, symbol: sek.symbol },
      language: { guid: swedish.guid, name: swedish.name, code: swedish.code },
      formatting: { guid: swedish.guid, name: 'Svenska (Sverige)', code: 'sv-SE' },
      timezone: { guid: null, name: 'W. Europe Standard Time' },
      activeCompanies: [
        {
          guid: rnd.guid(),
          name: 'Norrsken Konsult AB',
          rootBusinessUnitGuid: businessUnit.guid,
          currencyGuid: sek.guid,
          currencyCode: 'SEK',
          currencySymbol: 'kr',
          currencyRate: 1,
          country: { guid: sweden.guid, name: sweden.name, englishName: sweden.englishName, code3: 'SWE' },
        },
      ],
      activeAddons: ['RestApi'],
    },
    languages: [swedish, english],
    users,
    currencies: [sek, eur, nok],
    vatRates,
    costCenters,
    products,
    invoiceStatuses,
    customers,
    projects,
    invoices,
    invoiceRows,
    projectFees,
    counters: { nextCustomerNumber: 1001 + customers.length, nextProjectNumber: 101 + projects.length, nextInvoiceNumber },
  };
}
