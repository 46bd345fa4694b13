import type { AdmCustomer, CustomerChanges, CustomerInput } from '../administration/models.js';
import type { AddressCreateModel, CustomerCreateModel, CustomerModel, PatchOperation } from '../severa/schemas/index.js';
import { replace } from '../severa/schemas/index.js';
import type { ConflictField } from './engine.js';
import { countryCode, swedishCountryName } from './countries.js';
import { type CustomerMappings, mappedCode } from './mappings.js';

type Defined<T> = { [K in keyof T]: Exclude<T[K], null> };
function compact<T extends object>(value: T): Defined<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Defined<T>;
}

/** "SE556036079301" → "556036-0793": Severa keeps no organisation number, its Swedish VAT number holds one. */
export function organisationNumberFromVat(vat: string | null | undefined): string | undefined {
  const m = /^SE(\d{6})(\d{4})01$/.exec((vat ?? '').replace(/\s/g, ''));
  return m ? `${m[1]}-${m[2]}` : undefined;
}

/** "Storgatan 1\nBox 12" → ["Storgatan 1", "Box 12"]; lines after the second join the second. */
export function addressLines(addressline: string | null | undefined): [string | undefined, string | undefined] {
  const lines = (addressline ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return [lines[0], lines.slice(1).join(', ') || undefined];
}

/** Severa customer → Administration customer (head-office address only). */
export function severaToAdministration(c: CustomerModel, maps: CustomerMappings): CustomerInput {
  const vat = c.vatNumber?.replace(/\s/g, '') || undefined;
  // The country by its code (from Severa's English name, else the VAT number's prefix), named in Swedish.
  const code = countryCode(c.headquarterAddress?.country) ?? (vat && /^[A-Z]{2}/.test(vat) ? vat.slice(0, 2) : undefined);
  return compact({
    number: String(c.number ?? ''),
    name: c.name,
    // Severa keeps the street as one text, maybe over two lines; Administration has two address lines.
    mailingAddress: addressLines(c.headquarterAddress?.addressline)[0],
    mailingAddress2: addressLines(c.headquarterAddress?.addressline)[1],
    zipCode: c.headquarterAddress?.postalCode ?? undefined,
    city: c.headquarterAddress?.city ?? undefined,
    country: code ? swedishCountryName(code) : (c.headquarterAddress?.country ?? undefined),
    countryCode: code,
    email: c.email ?? undefined,
    organisationNumber: organisationNumberFromVat(vat),
    vatNumber: vat,
    // VAT-free in Severa is Export in Administration.
    export: c.invoicingVat?.percentage === 0 ? true : undefined,
    currencyCode: mappedCode(maps.currencies, c.currency?.code),
    languageCode: maps.languages.find((l) => l.severa === c.language?.code)?.administration,
    termsOfPaymentCode: maps.paymentTerms.find((t) => t.days === c.paymentTerm)?.administration,
    notes: c.notes ?? undefined,
    inactive: c.isActive === false ? true : undefined,
  }) as CustomerInput;
}

const ADM_FIELDS = [
  'name',
  'mailingAddress',
  'mailingAddress2',
  'zipCode',
  'city',
  'country',
  'email',
  'organisationNumber',
  'vatNumber',
  'export',
  'currencyCode',
  'languageCode',
  'termsOfPaymentCode',
  'notes',
  'inactive',
] as const;

const show = (v: unknown) => (v === undefined || v === null || v === '' ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
const same = (a: unknown, b: unknown) => show(a) === show(b) || (a === false && b === undefined) || (a === undefined && b === false);
/** Yes/no fields: not set is "no", on both sides alike. */
const FLAGS = new Set<string>(['export', 'inactive']);

/** The fields an update of the Administration customer would change, and both sides for the dialog. */
export function administrationConflict(
  incoming: CustomerInput,
  existing: AdmCustomer,
): { fields: ConflictField[]; changes: CustomerChanges } {
  const changes: Record<string, unknown> = {};
  const fields = ADM_FIELDS.map((field) => {
    const source = incoming[field];
    const target = existing[field];
    // A country is the same when its code is ("Sweden" and "Sverige" are both SE): then nothing is written.
    const sameCountry =
      field === 'country' &&
      incoming.countryCode !== undefined &&
      incoming.countryCode === (existing.countryCode ?? countryCode(existing.country));
    // Only what Severa has is brought over; an empty Severa field does not wipe Administration's.
    const changesField = source !== undefined && !sameCountry && !same(source, target);
    if (changesField) {
      changes[field] = source;
      if (field === 'country') changes.countryCode = incoming.countryCode;
    }
    const shown = (v: unknown) => show(FLAGS.has(field) ? (v ?? false) : v);
    return { label: field, source: shown(source), target: shown(target), changes: changesField };
  });
  return { fields, changes: changes as CustomerChanges };
}

export interface SeveraReferenceData {
  currencies: { guid: string; code?: string | null; isActive?: boolean }[];
  /** Severa languages by code, as Severa customers carry them. */
  languages: { guid: string; code: string }[];
}

/** Administration customer → Severa customer. The number must be numeric: Severa takes no other. */
export function administrationToSevera(a: AdmCustomer, maps: CustomerMappings, ref: SeveraReferenceData): CustomerCreateModel {
  const severaCurrency = maps.currencies?.find((m) => m.administration === a.currencyCode)?.severa ?? a.currencyCode;
  const currency = ref.currencies.find((c) => c.code === severaCurrency && c.isActive !== false);
  const languageCode = maps.languages.find((l) => l.administration === a.languageCode)?.severa;
  const language = ref.languages.find((l) => l.code === languageCode);
  const days = maps.paymentTerms.find((t) => t.administration === a.termsOfPaymentCode)?.days;
  return compact({
    name: a.name,
    number: Number(a.number),
    email: a.email,
    vatNumber: a.vatNumber,
    notes: a.notes,
    isActive: !a.inactive,
    paymentTerm: days,
    currency: currency ? { guid: currency.guid } : undefined,
    language: language ? { guid: language.guid } : undefined,
  }) as CustomerCreateModel;
}

/** The fields an update of the Severa customer would change: the dialog's rows and the JSON Patch. */
export function severaConflict(
  incoming: CustomerCreateModel,
  existing: CustomerModel,
  ref: SeveraReferenceData,
): { fields: ConflictField[]; operations: PatchOperation[] } {
  const operations: PatchOperation[] = [];
  const codeOf = (guid: string | null | undefined, list: { guid: string; code?: string | null }[]) =>
    list.find((x) => x.guid === guid)?.code ?? '';
  const rows: [string, unknown, unknown, string][] = [
    ['name', incoming.name, existing.name, '/name'],
    ['email', incoming.email, existing.email, '/email'],
    ['vatNumber', incoming.vatNumber, existing.vatNumber, '/vatNumber'],
    ['notes', incoming.notes, existing.notes, '/notes'],
    ['inactive', incoming.isActive === false, existing.isActive === false, '/isActive'],
    ['paymentTerm', incoming.paymentTerm, existing.paymentTerm, '/paymentTerm'],
    ['currencyCode', codeOf(incoming.currency?.guid, ref.currencies), existing.currency?.code, '/currency/guid'],
    ['languageCode', codeOf(incoming.language?.guid, ref.languages), existing.language?.code, '/language/guid'],
  ];
  const fields = rows.map(([label, source, target, path]) => {
    const changes = source !== undefined && source !== '' && !same(source, target);
    if (changes) {
      const value =
        path === '/isActive'
          ? !source
          : path === '/currency/guid'
            ? incoming.currency!.guid
            : path === '/language/guid'
              ? incoming.language!.guid
              : source;
      operations.push(replace(path, value as string | number | boolean | null));
    }
    return { label, source: show(source), target: show(target), changes };
  });
  return { fields, operations };
}

/** The Administration customer's address as Severa's head office; undefined when it has none. */
export function administrationAddress(a: AdmCustomer, countryGuid: string | undefined): AddressCreateModel | undefined {
  const addressline = [a.mailingAddress, a.mailingAddress2].filter(Boolean).join('\n') || undefined;
  if (!addressline && !a.zipCode && !a.city && !a.telephone && !a.fax) return undefined;
  return compact({
    addressline,
    postalCode: a.zipCode,
    city: a.city,
    phone: a.telephone,
    fax: a.fax,
    country: countryGuid ? { guid: countryGuid } : undefined,
    // One address serves as head office: postal, billing and visiting.
    isPostalAddress: true,
    isBillingAddress: true,
    isVisitAddress: true,
  }) as AddressCreateModel;
}

/** What an update would change in the head-office address (the customer shows it read-only; the address is patched). */
export function addressConflict(
  incoming: AddressCreateModel | undefined,
  existing: CustomerModel,
): { fields: ConflictField[]; operations: PatchOperation[] } {
  const hq = existing.headquarterAddress;
  const rows: [string, string | null | undefined, string | null | undefined, string][] = [
    ['address', incoming?.addressline, hq?.addressline, '/addressline'],
    ['postalCode', incoming?.postalCode, hq?.postalCode, '/postalCode'],
    ['city', incoming?.city, hq?.city, '/city'],
  ];
  const operations: PatchOperation[] = [];
  const fields = rows.map(([label, source, target, path]) => {
    // As for the other fields: what Administration leaves empty does not blank Severa's.
    const changes = Boolean(source) && !same(source, target);
    if (changes) operations.push(replace(path, source));
    return { label, source: show(source), target: show(target), changes };
  });
  return { fields, operations };
}
