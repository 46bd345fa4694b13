import { type Clock, startOfDay } from '../clock.js';
import type { Lang, MessageKey, Translate } from '../i18n/index.js';
import type { AdministrationPort } from '../services/administration/port.js';
import type { SeveraClient } from '../services/severa/index.js';
import type { ConflictAnswer, ConflictQuestion, RowStatus, TransferEvent, TransferRun } from '../services/transfer/engine.js';
import type { Ledger, RecordKind } from '../services/transfer/ledger.js';
import type { DetailLine } from './details.js';
import type { Mappings } from '../services/transfer/mappings.js';
import type { TransferSettings } from '../services/transfer/settings.js';

export type Side = 'severa' | 'administration';

/** A kind's one name: on the command line, in the ledger and in the catalogues' keys. */
export type KindName = RecordKind;

/** The lists the app shows and the commands take: a kind of record read from one side. */
export type ListId = 'severa-customers' | 'administration-customers' | 'projects' | 'invoices' | 'supplier-invoices' | 'payments';

/** How a list is narrowed: a changed-since date, a From–To range, or a Severa invoice status. */
export type FilterType = 'since' | 'range' | 'status';

export interface LoadFilter {
  since: string;
  until?: string;
  statusGuid?: string;
}

export interface StatusOption {
  guid: string;
  name: string;
}

/** What a kind needs to load and transfer: both sides, the ledger and the settings as they are now. */
export interface KindContext {
  ledger: Ledger;
  /** The client, or an error saying why that side is not connected. */
  severa(): SeveraClient;
  administration(): AdministrationPort;
  settings: TransferSettings;
  mappings: Mappings;
  concurrency?: number;
  clock: Clock;
  invoiceStatuses(): Promise<StatusOption[]>;
}

/** What a cell may look at besides its record: the language, and the status the row had when it loaded. */
export interface CellView {
  t: Translate;
  loaded: RowStatus | undefined;
}

/** A column: its header and its cell side by side, so they cannot drift apart. */
export interface KindColumn<R> {
  header: MessageKey;
  weight: number;
  /** Columns that must not be cut (numbers, dates). */
  min?: number;
  /** Amounts line up on the right. */
  align?: 'right';
  cell(record: R, view: CellView): string;
}

/** A list as it loaded: the records, why none can go (a banner), and the statuses rows start with. */
export interface Loaded<R> {
  records: R[];
  banner?: string;
  statuses?: [string, RowStatus][];
}

/** Where a transfer run reports, and whether it only plans. */
export interface RunRequest {
  onEvent: (event: TransferEvent) => void;
  askConflict: (question: ConflictQuestion) => Promise<ConflictAnswer>;
  lang: Lang;
  dryRun?: boolean;
}

/** One kind of record as a list: everything about it in one place. */
export interface Kind<R> {
  list: ListId;
  name: KindName;
  /** Where its records come from; they go to the other side. */
  source: Side;
  filter: FilterType;
  /** The list's title, and what it says when a load finds nothing. */
  title: MessageKey;
  empty: MessageKey;
  /** What its date is called on screen (changed since, paid since); ranged lists say From and To. */
  dateLabel?: MessageKey;
  columns: KindColumn<R>[];
  /** The details view (Enter): every field worth reading, labelled in the user's language. */
  details(record: R, view: CellView): DetailLine[];
  /** The other lists a transfer of these records changes, listed anew after it. */
  affects?: ListId[];
  /** The row's id: what a selection and the statuses key on. */
  id(record: R): string;
  /** What `--select` takes for the record: its numbers as the list shows them. */
  keys(record: R): string[];
  /** `onPage`: told each page of records as it arrives, so a long list shows its first rows at once. */
  load(ctx: KindContext, filter: LoadFilter, t: Translate, onPage?: (page: R[]) => void): Promise<Loaded<R>>;
  /** The engine run that transfers these records to the other side (not started yet). */
  run(ctx: KindContext, records: R[], request: RunRequest): Promise<TransferRun<unknown, unknown>>;
}

/** The changed-since instant a filter's date (local midnight) means. */
export const changedSince = (filter: LoadFilter) => startOfDay(filter.since);
