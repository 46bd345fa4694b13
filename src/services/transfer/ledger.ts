import type Database from 'better-sqlite3';
import { openSqlite } from '../../sqliteFile.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Clock, isoNow, processClock } from '../../clock.js';

/** What a ledger entry is of: the kind's one name, as the command line and the catalogues spell it too. */
export type RecordKind = 'customers' | 'projects' | 'invoices' | 'supplier-invoices' | 'payments';

/** The names ledgers kept before the kinds had one name each (schema version 0). */
const OLD_KIND_NAMES: [string, RecordKind][] = [
  ['customer', 'customers'],
  ['project', 'projects'],
  ['invoice', 'invoices'],
  ['supplierInvoiceRow', 'supplier-invoices'],
  ['payment', 'payments'],
];
const SCHEMA_VERSION = 1;
export type Direction = 'to-administration' | 'to-severa';

export type HistoryResult = 'created' | 'updated' | 'skipped' | 'failed';

export interface HistoryEntry {
  id: number;
  time: string;
  profile: string;
  kind: RecordKind;
  direction: Direction;
  sourceId: string;
  label: string;
  result: HistoryResult;
  targetKey: string | null;
  reason: string | null;
}

export interface LedgerEntry {
  id: number;
  kind: RecordKind;
  direction: Direction;
  sourceId: string;
  /** The key on the target side: planned at begin, confirmed at done. */
  targetKey: string | null;
  state: 'in-progress' | 'done';
  time: string;
  profile: string;
  hash: string;
}

/**
 * A later write of a record's transfer (an invoice's Severa status, a customer's address): named when the record's
 * entry begins, pending until made. `detail` is what making it needs, as the step wrote it.
 */
export interface FollowUp {
  name: string;
  detail: string;
}

/** A follow-up still to make, of a record whose own write is done. */
export interface PendingFollowUp extends FollowUp {
  entryId: number;
  sourceId: string;
  targetKey: string;
}

/** The ledger could not be written (disk full, read-only, I/O error): a run stops at once, saying where and why. */
export class LedgerError extends Error {
  readonly short: string;
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    const why = (cause as Error)?.message ?? String(cause);
    super(`the ledger ${file} could not be written (${why}); the transfer stopped here, nothing after this row was tried`, { cause });
    this.name = 'LedgerError';
    this.short = this.message;
  }
}

/**
 * What sevadm has written where. Write-ahead: an entry is in-progress before the target is called
 * and done after, so after a crash the in-progress entries name exactly what may have been written.
 */
export class Ledger {
  private readonly db: Database.Database;

  constructor(
    readonly file: string,
    readonly profile: string,
    private readonly clock: Clock = processClock(),
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = openSqlite(file, 'The ledger', (db) => Ledger.prepare(db));
  }

  private static prepare(db: Database.Database): void {
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE IF NOT EXISTS ledger (
      id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, direction TEXT NOT NULL, source_id TEXT NOT NULL,
      target_key TEXT, state TEXT NOT NULL, time TEXT NOT NULL, profile TEXT NOT NULL, hash TEXT NOT NULL)`);
    db.exec('CREATE INDEX IF NOT EXISTS ledger_source ON ledger (profile, kind, direction, source_id)');
    // Every row's outcome, failures and skips included: what the history shows.
    db.exec(`CREATE TABLE IF NOT EXISTS history (
      id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, profile TEXT NOT NULL, kind TEXT NOT NULL, direction TEXT NOT NULL,
      source_id TEXT NOT NULL, label TEXT NOT NULL, result TEXT NOT NULL, target_key TEXT, reason TEXT)`);
    // Each later write of a record's transfer: pending from the entry's begin, done when made.
    db.exec(`CREATE TABLE IF NOT EXISTS follow_up (
      entry_id INTEGER NOT NULL, name TEXT NOT NULL, detail TEXT NOT NULL, state TEXT NOT NULL, time TEXT NOT NULL,
      PRIMARY KEY (entry_id, name))`);
    // A table of the same name from something else (or an older sevadm) is named now, not at the first write.
    db.prepare('SELECT id, kind, direction, source_id, target_key, state, time, profile, hash FROM ledger LIMIT 0').all();
    db.prepare('SELECT id, time, profile, kind, direction, source_id, label, result, target_key, reason FROM history LIMIT 0').all();
    db.prepare('SELECT entry_id, name, detail, state, time FROM follow_up LIMIT 0').all();
    Ledger.migrate(db);
  }

  /** Brings an older ledger's entries to today's kind names, in one transaction: no history is lost. */
  private static migrate(db: Database.Database): void {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version >= SCHEMA_VERSION) return;
    db.transaction(() => {
      for (const table of ['ledger', 'history']) {
        const rename = db.prepare(`UPDATE ${table} SET kind = ? WHERE kind = ?`);
        for (const [old, current] of OLD_KIND_NAMES) rename.run(current, old);
      }
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  }

  /** A write, or the LedgerError that says which file failed and why. */
  private write<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      throw new LedgerError(this.file, error);
    }
  }

  record(entry: Omit<HistoryEntry, 'id' | 'time' | 'profile'>): void {
    this.write(() =>
      this.db
        .prepare(
          'INSERT INTO history (time, profile, kind, direction, source_id, label, result, target_key, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          isoNow(this.clock),
          this.profile,
          entry.kind,
          entry.direction,
          entry.sourceId,
          entry.label,
          entry.result,
          entry.targetKey,
          entry.reason,
        ),
    );
  }

  history(filter: { kind?: RecordKind; since?: string; result?: HistoryResult } = {}): HistoryEntry[] {
    const where = ['profile = ?'];
    const params: unknown[] = [this.profile];
    for (const [column, value] of [
      ['kind = ?', filter.kind],
      ['time >= ?', filter.since],
      ['result = ?', filter.result],
    ] as const) {
      if (value === undefined) continue;
      where.push(column);
      params.push(value);
    }
    const rows = this.db.prepare(`SELECT * FROM history WHERE ${where.join(' AND ')} ORDER BY id`).all(...params) as Record<
      string,
      unknown
    >[];
    return rows.map((r) => ({
      id: r.id as number,
      time: r.time as string,
      profile: r.profile as string,
      kind: r.kind as RecordKind,
      direction: r.direction as Direction,
      sourceId: r.source_id as string,
      label: r.label as string,
      result: r.result as HistoryResult,
      targetKey: (r.target_key as string | null) ?? null,
      reason: (r.reason as string | null) ?? null,
    }));
  }

  /** The entry, in progress, and the follow-ups its record will need once written: one transaction. */
  begin(
    kind: RecordKind,
    direction: Direction,
    sourceId: string,
    plannedKey: string | null,
    hash: string,
    followUps: FollowUp[] = [],
  ): number {
    return this.write(() =>
      this.db.transaction(() => {
        const info = this.db
          .prepare(
            'INSERT INTO ledger (kind, direction, source_id, target_key, state, time, profile, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(kind, direction, sourceId, plannedKey, 'in-progress', isoNow(this.clock), this.profile, hash);
        const id = Number(info.lastInsertRowid);
        const add = this.db.prepare("INSERT INTO follow_up (entry_id, name, detail, state, time) VALUES (?, ?, ?, 'pending', ?)");
        for (const f of followUps) add.run(id, f.name, f.detail, isoNow(this.clock));
        return id;
      })(),
    );
  }

  /** Follow-ups still to make of records whose own write is done (a run died or the target refused them). */
  pendingFollowUps(kind: RecordKind, direction: Direction, entryId?: number): PendingFollowUp[] {
    const rows = this.db
      .prepare(
        `SELECT f.entry_id, f.name, f.detail, l.source_id, l.target_key FROM follow_up f JOIN ledger l ON l.id = f.entry_id
         WHERE l.profile = ? AND l.kind = ? AND l.direction = ? AND l.state = 'done' AND f.state = 'pending'${entryId === undefined ? '' : ' AND l.id = ?'}
         ORDER BY f.entry_id, f.rowid`,
      )
      .all(this.profile, kind, direction, ...(entryId === undefined ? [] : [entryId])) as Record<string, unknown>[];
    return rows.map((r) => ({
      entryId: r.entry_id as number,
      name: r.name as string,
      detail: r.detail as string,
      sourceId: r.source_id as string,
      targetKey: (r.target_key as string | null) ?? '',
    }));
  }

  followUpDone(entryId: number, name: string): void {
    this.write(() =>
      this.db
        .prepare("UPDATE follow_up SET state = 'done', time = ? WHERE entry_id = ? AND name = ?")
        .run(isoNow(this.clock), entryId, name),
    );
  }

  done(id: number, targetKey: string, hash?: string): void {
    this.write(() =>
      this.db
        .prepare("UPDATE ledger SET state = 'done', target_key = ?, time = ?, hash = coalesce(?, hash) WHERE id = ?")
        .run(targetKey, isoNow(this.clock), hash ?? null, id),
    );
  }

  /** The target was certainly not written (refused, skipped): forget the attempt. */
  discard(id: number): void {
    this.write(() =>
      this.db.transaction(() => {
        this.db.prepare('DELETE FROM follow_up WHERE entry_id = ?').run(id);
        this.db.prepare('DELETE FROM ledger WHERE id = ?').run(id);
      })(),
    );
  }

  inProgress(kind?: RecordKind): LedgerEntry[] {
    return this.select(`state = 'in-progress'${kind ? ' AND kind = ?' : ''}`, ...(kind ? [kind] : []));
  }

  /** The latest done entry for a source record, if any. */
  lastDone(kind: RecordKind, direction: Direction, sourceId: string): LedgerEntry | undefined {
    return this.select(
      "state = 'done' AND kind = ? AND direction = ? AND source_id = ? ORDER BY id DESC LIMIT 1",
      kind,
      direction,
      sourceId,
    )[0];
  }

  /** The latest done entry that wrote this key on the target side (e.g. which Severa project became project 104). */
  findByTarget(kind: RecordKind, direction: Direction, targetKey: string): LedgerEntry | undefined {
    return this.select(
      "state = 'done' AND kind = ? AND direction = ? AND target_key = ? ORDER BY id DESC LIMIT 1",
      kind,
      direction,
      targetKey,
    )[0];
  }

  all(): LedgerEntry[] {
    return this.select('1 = 1 ORDER BY id');
  }

  close(): void {
    this.db.close();
  }

  private select(where: string, ...params: unknown[]): LedgerEntry[] {
    const rows = this.db.prepare(`SELECT * FROM ledger WHERE profile = ? AND ${where}`).all(this.profile, ...params) as Record<
      string,
      unknown
    >[];
    return rows.map((r) => ({
      id: r.id as number,
      kind: r.kind as RecordKind,
      direction: r.direction as Direction,
      sourceId: r.source_id as string,
      targetKey: (r.target_key as string | null) ?? null,
      state: r.state as LedgerEntry['state'],
      time: r.time as string,
      profile: r.profile as string,
      hash: r.hash as string,
    }));
  }
}
