import { administrationCustomers } from './administrationCustomers.js';
import { invoices } from './invoices.js';
import { payments } from './payments.js';
import { projects } from './projects.js';
import { severaCustomers } from './severaCustomers.js';
import { supplierInvoices } from './supplierInvoices.js';
import type { Translate } from '../i18n/index.js';
import type { CellView, Kind, KindName, ListId, Side } from './types.js';

export type * from './types.js';

/**
 * Every list, in the order of the tabs: a new kind is a module of its own and a line here (and its texts
 * in the catalogues). Two lists of one kind (customers) share a tab, one per side.
 */
export const KINDS: readonly Kind<never>[] = [
  severaCustomers,
  administrationCustomers,
  projects,
  invoices,
  supplierInvoices,
  payments,
] as Kind<never>[];

const BY_LIST = new Map<ListId, Kind<unknown>>(KINDS.map((k) => [k.list, k as Kind<unknown>]));

export const LIST_IDS: readonly ListId[] = KINDS.map((k) => k.list);

/** The kinds' names, each once, in tab order: what the command line takes. */
export const KIND_NAMES: readonly KindName[] = [...new Set(KINDS.map((k) => k.name))];

export function kindOf(list: ListId): Kind<unknown> {
  return BY_LIST.get(list)!;
}

/** The list of a kind read from one side, if there is one. */
export function listOf(name: KindName, source: Side): ListId | undefined {
  return KINDS.find((k) => k.name === name && k.source === source)?.list;
}

/** The lists of one kind, one per side it is read from. */
export function listsOf(name: KindName): ListId[] {
  return KINDS.filter((k) => k.name === name).map((k) => k.list);
}

/** A record's cells, in column order. */
export function cellsOf(kind: Kind<unknown>, record: unknown, view: CellView): string[] {
  return kind.columns.map((c) => c.cell(record, view));
}

/** A record in a sentence: its first two cells (number and name), as the headless commands print it. */
export function labelOf(kind: Kind<unknown>, record: unknown, t: Translate): string {
  return cellsOf(kind, record, { t, loaded: undefined }).slice(0, 2).join(' ').trim();
}
