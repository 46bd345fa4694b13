import { IncompleteTransfer } from './refusal.js';
import { createHash } from 'node:crypto';
import { type Direction, type FollowUp, type Ledger, LedgerError, type PendingFollowUp, type RecordKind } from './ledger.js';
import { TransferRefusal } from './refusal.js';

export type RowStatus =
  | { kind: 'queued' }
  | { kind: 'running' }
  | { kind: 'done'; targetKey: string; updated: boolean }
  | { kind: 'skipped'; reason: 'conflict' | 'cancelled' | 'already' | 'unchanged'; message?: string }
  | { kind: 'error'; message: string; detail?: string }
  /** A dry run's answer: what a real run would do with the row. */
  | { kind: 'planned'; action: 'create' | 'update'; targetKey: string | null };

export interface ConflictField {
  label: string;
  source: string;
  target: string;
  changes: boolean;
}

/** What the conflict dialog shows: both versions side by side. */
export interface ConflictView {
  title: string;
  fields: ConflictField[];
}

/** 'fail': the headless --on-conflict fail, a conflict counts as a failed row. */
export type ConflictDecision = 'update' | 'skip' | 'fail';

export interface ConflictQuestion {
  id: string;
  view: ConflictView;
  /** Conflicts still to come in this run after this one, counted live. */
  remaining: () => number;
}

export interface ConflictAnswer {
  decision: ConflictDecision;
  /** "Do this for the remaining N conflicts". */
  applyToRemaining: boolean;
}

/** How one kind of record moves in one direction. */
export interface TransferStep<T, E> {
  kind: RecordKind;
  direction: Direction;
  sourceId(item: T): string;
  /** How people know the record, for the log (number and name). */
  label?(item: T): string;
  /** The key the record will have on the target, when known before writing (customer number). */
  plannedKey(item: T): string | null;
  /**
   * Reads at once what the checks of all the run's rows need (invoices or customers by number, many per call), so
   * a run does not read them row by row. A failure here is not the run's: each row then reads for itself.
   */
  prepare?(items: readonly T[]): Promise<void>;
  /** Throws a user-readable error when the record cannot go at all (before anything is written). */
  check?(item: T): Promise<void> | void;
  /** The record already on the target side, if any. */
  find(item: T): Promise<E | null>;
  create(item: T): Promise<string>;
  update(item: T, existing: E): Promise<string>;
  conflictView(item: T, existing: E): ConflictView;
  /**
   * The target's records as listed when the run began, by planned key: which rows will ask is known ahead, so
   * "the remaining N conflicts" counts exactly those still to come.
   */
  known?: ReadonlyMap<string, E>;
  /**
   * The later writes the record will need once its own is made (the invoice's Severa status, the customer's
   * address), each with what making it needs: on the ledger from the start, pending until made.
   */
  followUps?(item: T): FollowUp[];
  /**
   * Makes one follow-up. `fresh`: right after the record's own write in this run, so the target is as this run left
   * it; otherwise (an earlier run died or was refused) it looks first. Throws IncompleteTransfer saying what is missing.
   */
  makeFollowUp?(followUp: PendingFollowUp, fresh: boolean): Promise<void>;
  /** After a crash: the target key if the record is on the target side, else null. */
  findByPlannedKey(sourceId: string, plannedKey: string | null): Promise<string | null>;
}

export type TransferEvent =
  | { type: 'status'; id: string; status: RowStatus }
  /** `stopped`: the run ends here (the ledger could not be written), said wherever the run reports. */
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string; stopped?: boolean }
  | { type: 'progress'; done: number; total: number }
  /** The source record as its side holds it now (an invoice whose Severa status the transfer moved). */
  | { type: 'record'; id: string; record: unknown };

export interface TransferSummary {
  transferred: number;
  updated: number;
  skipped: number;
  failed: number;
  cancelled: number;
}

export interface TransferOptions<T, E> {
  items: T[];
  step: TransferStep<T, E>;
  ledger: Ledger;
  concurrency?: number;
  onEvent: (event: TransferEvent) => void;
  askConflict: (question: ConflictQuestion) => Promise<ConflictAnswer>;
  /** Plan only: check and look up every row, write nothing (not even the ledger). */
  dryRun?: boolean;
  /** Short text for an error, for the status column (and its whole text for the details). */
  describeError?: (error: unknown) => { message: string; detail?: string; mayHaveBeenApplied?: boolean };
  /** How the log says a conflict was answered (in the user's language). */
  describeAnswer?: (label: string, decision: ConflictDecision, forTheRest: boolean) => string;
}

const defaultAnswer = (label: string, decision: ConflictDecision, forTheRest: boolean) =>
  `${label}: ${decision}${forTheRest ? ' (and the remaining conflicts)' : ''}`;

export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/** A conflict view with something to change asks; one where every field is already the same does not. */
const asks = (view: ConflictView) => !(view.fields.length > 0 && view.fields.every((f) => !f.changes));

const defaultDescribe = (error: unknown) => {
  const e = error as { short?: string; message?: string; mayHaveBeenApplied?: boolean };
  return { message: e?.short ?? e?.message ?? String(error), detail: e?.message, mayHaveBeenApplied: Boolean(e?.mayHaveBeenApplied) };
};

/**
 * One transfer run: the selected records through one step, a few at a time, with per-row events,
 * conflicts asked one at a time, and cancel that lets the rows in flight finish.
 */
export class TransferRun<T, E> {
  private cancelled = false;
  private standing: ConflictDecision | undefined;
  private conflictTurn: Promise<unknown> = Promise.resolve();
  /** Rows (by index) that will, or may still, ask about a conflict; settled as each one is answered or turns out not to. */
  private readonly unsettled = new Set<number>();
  private next = 0;
  private readonly summary: TransferSummary = { transferred: 0, updated: 0, skipped: 0, failed: 0, cancelled: 0 };

  /** Records an earlier run left half done, as this run's reconcile left them: finished, or still missing a write. */
  private finished = new Map<string, Finished>();

  constructor(private readonly options: TransferOptions<T, E>) {
    const { items, step, ledger } = options;
    // A record with a follow-up pending is finished, not asked about.
    const pending = new Set(ledger.pendingFollowUps(step.kind, step.direction).map((f) => f.sourceId));
    items.forEach((item, index) => {
      const key = step.plannedKey(item);
      const existing = key === null ? undefined : step.known?.get(key);
      if (existing && !pending.has(step.sourceId(item)) && asks(step.conflictView(item, existing))) this.unsettled.add(index);
    });
  }

  cancel(): void {
    this.cancelled = true;
  }

  private ledgerFailed = false;

  /** The ledger cannot be written: no row more is tried (it could not be recorded), and the run says why once. */
  private stopForLedger(error: LedgerError): void {
    this.cancelled = true;
    if (this.ledgerFailed) return;
    this.ledgerFailed = true;
    this.options.onEvent({ type: 'log', level: 'error', message: error.message, stopped: true });
  }

  /**
   * One record written through the ledger: in progress before the target is called, done after, then its
   * follow-ups. Done from there on, so a failing follow-up never discards the entry.
   */
  private async writeRecord(row: Writing, id: string, item: T, write: () => Promise<string>): Promise<string> {
    const { step, ledger } = this.options;
    const entry = ledger.begin(step.kind, step.direction, id, step.plannedKey(item), contentHash(item), step.followUps?.(item));
    row.entry = entry;
    const key = await write();
    ledger.done(entry, key);
    row.entry = undefined;
    await this.followUp(entry);
    return key;
  }

  /** Makes the follow-ups of a record this run has just written; the first that fails ends the row (IncompleteTransfer). */
  private async followUp(entry: number): Promise<void> {
    const { step, ledger } = this.options;
    for (const f of ledger.pendingFollowUps(step.kind, step.direction, entry)) {
      await step.makeFollowUp!(f, true);
      ledger.followUpDone(f.entryId, f.name);
    }
  }

  async run(): Promise<TransferSummary> {
    const { items, step, onEvent } = this.options;
    if (!this.options.dryRun) this.finished = await reconcile(step, this.options.ledger, onEvent);
    for (const item of items) onEvent({ type: 'status', id: step.sourceId(item), status: { kind: 'queued' } });
    await step.prepare?.(items).catch(() => undefined);
    const workers = Array.from({ length: Math.min(this.options.concurrency ?? 4, items.length) }, () => this.worker());
    await Promise.all(workers);
    onEvent({ type: 'progress', done: items.length, total: items.length });
    return this.summary;
  }

  /** The conflicts still to come after the one being asked. */
  private remainingConflicts(asking: number): number {
    let n = 0;
    for (const index of this.unsettled) if (index !== asking) n++;
    return n;
  }

  private async worker(): Promise<void> {
    const { items, step, ledger } = this.options;
    const labels = new Map<string, string>();
    // Terminal outcomes also go to the history (not in a dry run, which writes nothing).
    const onEvent = (event: TransferEvent) => {
      if (event.type === 'status' && !this.options.dryRun && !this.ledgerFailed) {
        const s = event.status;
        const base = { kind: step.kind, direction: step.direction, sourceId: event.id, label: labels.get(event.id) ?? event.id };
        try {
          if (s.kind === 'done')
            ledger.record({ ...base, result: s.updated ? 'updated' : 'created', targetKey: s.targetKey, reason: null });
          else if (s.kind === 'skipped') ledger.record({ ...base, result: 'skipped', targetKey: null, reason: s.message ?? s.reason });
          else if (s.kind === 'error') ledger.record({ ...base, result: 'failed', targetKey: null, reason: s.detail ?? s.message });
        } catch (error) {
          if (!(error instanceof LedgerError)) throw error;
          this.options.onEvent(event);
          return this.stopForLedger(error);
        }
      }
      this.options.onEvent(event);
    };
    while (this.next < items.length) {
      const index = this.next++;
      const item = items[index]!;
      const id = step.sourceId(item);
      const label = step.label?.(item) ?? id;
      labels.set(id, label);
      if (this.cancelled) {
        this.unsettled.delete(index);
        this.summary.cancelled++;
        onEvent({ type: 'status', id, status: { kind: 'skipped', reason: 'cancelled' } });
        continue;
      }
      onEvent({ type: 'status', id, status: { kind: 'running' } });
      // The ledger entry while the target may be written, and whether it is a create: what a failure settles.
      const row: Writing = { entry: undefined, creating: false };
      try {
        const earlier = this.finished.get(id);
        if (earlier) {
          // Half done by an earlier run: reconcile finished it (or tried, and says what is still missing).
          if (earlier.error !== undefined) throw earlier.error;
          this.summary.updated++;
          onEvent({ type: 'status', id, status: { kind: 'done', targetKey: earlier.targetKey, updated: true } });
          continue;
        }
        await step.check?.(item);
        const existing = await step.find(item);
        if (existing) {
          const view = step.conflictView(item, existing);
          // The target already holds exactly this: nothing to ask and nothing to write.
          if (!asks(view)) {
            this.summary.skipped++;
            onEvent({ type: 'status', id, status: { kind: 'skipped', reason: 'unchanged' } });
            continue;
          }
          const decision = await this.decide(index, label, view, id);
          if (decision === 'skip') {
            this.summary.skipped++;
            onEvent({ type: 'status', id, status: { kind: 'skipped', reason: 'conflict' } });
            continue;
          }
          if (decision === 'fail') throw new TransferRefusal(`${label} exists on the target side already`);
          if (this.options.dryRun) {
            this.summary.updated++;
            onEvent({ type: 'status', id, status: { kind: 'planned', action: 'update', targetKey: step.plannedKey(item) } });
            continue;
          }
          const key = await this.writeRecord(row, id, item, () => step.update(item, existing));
          this.summary.updated++;
          onEvent({ type: 'status', id, status: { kind: 'done', targetKey: key, updated: true } });
        } else if (this.options.dryRun) {
          this.summary.transferred++;
          onEvent({ type: 'status', id, status: { kind: 'planned', action: 'create', targetKey: step.plannedKey(item) } });
        } else {
          row.creating = true;
          const key = await this.writeRecord(row, id, item, () => step.create(item));
          this.summary.transferred++;
          onEvent({ type: 'status', id, status: { kind: 'done', targetKey: key, updated: false } });
        }
      } catch (caught) {
        try {
          await this.settleFailure(caught, { id, item, label, entry: row.entry, creating: row.creating, onEvent });
        } catch (error) {
          // The ledger could not record what became of the row: the run stops here.
          if (!(error instanceof LedgerError)) throw error;
          this.summary.failed++;
          onEvent({ type: 'status', id, status: { kind: 'error', message: error.message } });
          this.stopForLedger(error);
        }
      } finally {
        // This row asks no more, whatever became of it.
        this.unsettled.delete(index);
        onEvent({
          type: 'progress',
          done: this.summary.transferred + this.summary.updated + this.summary.skipped + this.summary.failed,
          total: items.length,
        });
      }
    }
  }

  /** What a row that threw became: finished after all, saved despite a lost answer, skipped, or failed. */
  private async settleFailure(
    error: unknown,
    row: { id: string; item: T; label: string; entry: number | undefined; creating: boolean; onEvent: (event: TransferEvent) => void },
  ): Promise<void> {
    const { step, ledger } = this.options;
    const { id, item, label, creating, onEvent } = row;
    let { entry } = row;
    const describe = this.options.describeError ?? defaultDescribe;
    // Booked, but a later write of the record failed: done on the ledger (never written twice), failed here.
    if (error instanceof IncompleteTransfer && entry !== undefined) {
      ledger.done(entry, error.targetKey);
      entry = undefined;
    }
    // A write whose answer was lost or garbled is looked up before it is reported.
    if (entry !== undefined && creating && describe(error).mayHaveBeenApplied) {
      const found = await step.findByPlannedKey(id, step.plannedKey(item)).catch(() => null);
      if (found) {
        ledger.done(entry, found);
        this.summary.transferred++;
        onEvent({ type: 'status', id, status: { kind: 'done', targetKey: found, updated: false } });
        onEvent({
          type: 'log',
          level: 'warn',
          message: `${label}: saved as ${found} (its answer was lost or garbled: ${(error as Error).message})`,
        });
        return;
      }
    }
    // The entry stays as the ledger has it: in-progress if the target was called, so the next run looks the
    // record up before writing; nothing is discarded with a ledger that cannot write.
    if (error instanceof LedgerError) throw error;
    const { message, detail, mayHaveBeenApplied } = describe(error);
    if (error instanceof TransferRefusal && error.skip) {
      if (entry !== undefined) ledger.discard(entry);
      this.summary.skipped++;
      onEvent({ type: 'status', id, status: { kind: 'skipped', reason: 'already', message } });
      return;
    }
    // An entry that may have been written stays in-progress: the next run looks it up before writing.
    if (entry !== undefined && !mayHaveBeenApplied) ledger.discard(entry);
    this.summary.failed++;
    onEvent({ type: 'status', id, status: { kind: 'error', message, detail } });
    onEvent({ type: 'log', level: 'error', message: `${label}: ${detail ?? message}` });
  }

  /** Conflicts are asked one at a time; a "remaining" answer settles the rest of the run. */
  private decide(index: number, label: string, view: ConflictView, id: string): Promise<ConflictDecision> {
    // A row the listing did not foresee asks too (the target changed since): it counts until answered.
    this.unsettled.add(index);
    const turn = this.conflictTurn.then(async () => {
      try {
        if (this.standing) return this.standing;
        if (this.cancelled) return 'skip' as const;
        const answer = await this.options.askConflict({ id, view, remaining: () => this.remainingConflicts(index) });
        if (answer.applyToRemaining) this.standing = answer.decision;
        this.options.onEvent({
          type: 'log',
          level: 'info',
          message: (this.options.describeAnswer ?? defaultAnswer)(label, answer.decision, answer.applyToRemaining),
        });
        return answer.decision;
      } finally {
        this.unsettled.delete(index);
      }
    });
    this.conflictTurn = turn.catch(() => undefined);
    return turn;
  }
}

/** A row's ledger entry while its target may be written (cleared once done), and whether the write creates. */
interface Writing {
  entry: number | undefined;
  creating: boolean;
}

/** A record an earlier run left half done: finished now, or still missing a write (`error` says which and why). */
export interface Finished {
  targetKey: string;
  error?: unknown;
}

/**
 * Settles what earlier runs left: entries in progress at a crash (found on the target side means done, never written
 * again; not found means it never arrived, and the entry is dropped so the record can go again), then the follow-ups
 * of records whose own write is done (the status not moved, the address not added), made now without asking.
 */
export async function reconcile<T, E>(
  step: TransferStep<T, E>,
  ledger: Ledger,
  onEvent: (e: TransferEvent) => void,
): Promise<Map<string, Finished>> {
  for (const entry of ledger.inProgress(step.kind).filter((e) => e.direction === step.direction)) {
    const key = await step.findByPlannedKey(entry.sourceId, entry.targetKey);
    if (key) {
      ledger.done(entry.id, key);
      onEvent({
        type: 'log',
        level: 'warn',
        message: `${entry.sourceId}: an interrupted transfer had reached the target as ${key}; recorded, not written again`,
      });
    } else {
      ledger.discard(entry.id);
      onEvent({
        type: 'log',
        level: 'warn',
        message: `${entry.sourceId}: an interrupted transfer had not reached the target; it can be transferred again`,
      });
    }
  }
  const finished = new Map<string, Finished>();
  if (!step.makeFollowUp) return finished;
  for (const f of ledger.pendingFollowUps(step.kind, step.direction)) {
    // One missing write of a record is enough to say so; its later ones wait for the next run.
    if (finished.get(f.sourceId)?.error !== undefined) continue;
    try {
      await step.makeFollowUp(f, false);
      ledger.followUpDone(f.entryId, f.name);
      finished.set(f.sourceId, { targetKey: f.targetKey });
      onEvent({
        type: 'log',
        level: 'info',
        message: `${f.sourceId} (${f.targetKey}): finished what an earlier run left undone (${f.name})`,
      });
    } catch (error) {
      if (error instanceof LedgerError) throw error;
      finished.set(f.sourceId, { targetKey: f.targetKey, error });
      onEvent({ type: 'log', level: 'error', message: `${f.sourceId} (${f.targetKey}): ${(error as Error).message}` });
    }
  }
  return finished;
}
