import { describe, expect, it } from 'vitest';
import { type ConflictQuestion, type RowStatus, type TransferStep, TransferRun } from '../../../src/services/transfer/engine.js';
import { Ledger, LedgerError } from '../../../src/services/transfer/ledger.js';
import { TransferRefusal } from '../../../src/services/transfer/refusal.js';

interface Item {
  id: string;
  value: string;
}

/** A target that is a Map, with a delay per call and a count of writes. */
function fakeTarget(existing: Record<string, string> = {}, delayMs = 5) {
  const store = new Map(Object.entries(existing));
  const stats = { inFlight: 0, maxInFlight: 0, writes: 0 };
  const slow = async <T>(fn: () => T): Promise<T> => {
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    await new Promise((r) => setTimeout(r, delayMs));
    stats.inFlight--;
    return fn();
  };
  const step: TransferStep<Item, string> = {
    kind: 'customers',
    direction: 'to-administration',
    sourceId: (i) => i.id,
    plannedKey: (i) => i.id,
    check: (i) => {
      if (i.value === 'bad') throw new TransferRefusal(`${i.id} cannot go`);
    },
    find: (i) => slow(() => store.get(i.id) ?? null),
    known: new Map(store),
    create: (i) => slow(() => (stats.writes++, store.set(i.id, i.value), i.id)),
    update: (i) => slow(() => (stats.writes++, store.set(i.id, i.value), i.id)),
    conflictView: (i, e) => ({ title: i.id, fields: [{ label: 'value', source: i.value, target: e, changes: i.value !== e }] }),
    findByPlannedKey: async (_s, key) => (key && store.has(key) ? key : null),
  };
  return { store, stats, step };
}

const items = (n: number, prefix = 'c') => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, value: `v${i}` }));

function collect() {
  const statuses = new Map<string, RowStatus>();
  const log: string[] = [];
  return {
    statuses,
    log,
    onEvent: (e: Parameters<ConstructorParameters<typeof TransferRun>[0]['onEvent']>[0]) => {
      if (e.type === 'status') statuses.set(e.id, e.status);
      if (e.type === 'log') log.push(e.message);
    },
  };
}

describe('transfer engine', () => {
  it('runs with bounded concurrency and records each row in the ledger', async () => {
    const { step, stats, store } = fakeTarget();
    const ledger = new Ledger(':memory:', 'test');
    const events = collect();
    const summary = await new TransferRun({
      items: items(20),
      step,
      ledger,
      concurrency: 3,
      onEvent: events.onEvent,
      askConflict: async () => ({ decision: 'skip', applyToRemaining: false }),
    }).run();
    expect(summary).toEqual({ transferred: 20, updated: 0, skipped: 0, failed: 0, cancelled: 0 });
    expect(stats.maxInFlight).toBe(3);
    expect(store.size).toBe(20);
    expect([...events.statuses.values()].every((s) => s.kind === 'done')).toBe(true);
    expect(ledger.all().filter((e) => e.state === 'done')).toHaveLength(20);
  });

  it('asks conflicts one at a time, counts the remaining ones, and an answer for the remaining settles the rest', async () => {
    const existing = Object.fromEntries(
      items(6)
        .filter((_, i) => i % 2 === 0)
        .map((i) => [i.id, 'old']),
    );
    const { step, store } = fakeTarget(existing);
    const ledger = new Ledger(':memory:', 'test');
    const asked: { id: string; remaining: number }[] = [];
    const askConflict = async (q: ConflictQuestion) => {
      asked.push({ id: q.id, remaining: q.remaining() });
      return asked.length === 1
        ? { decision: 'skip' as const, applyToRemaining: false }
        : { decision: 'update' as const, applyToRemaining: true };
    };
    const summary = await new TransferRun({ items: items(6), step, ledger, concurrency: 1, onEvent: () => {}, askConflict }).run();
    expect(asked).toEqual([
      { id: 'c0', remaining: 2 },
      { id: 'c2', remaining: 1 },
    ]);
    expect(summary).toEqual({ transferred: 3, updated: 2, skipped: 1, failed: 0, cancelled: 0 });
    expect(store.get('c0')).toBe('old');
    expect(store.get('c4')).toBe('v4');
  });

  it('counts exactly the conflicts still to come, with rows in flight and rows already the same left out', async () => {
    // c1 and c3 are already the same on the target (no question); c0, c2, c4 and c5 differ.
    const { step } = fakeTarget({ c0: 'old', c1: 'v1', c2: 'old', c3: 'v3', c4: 'old', c5: 'old' });
    const asked: [string, number][] = [];
    const askConflict = async (q: ConflictQuestion) => {
      asked.push([q.id, q.remaining()]);
      return { decision: 'skip' as const, applyToRemaining: false };
    };
    await new TransferRun({
      items: items(8),
      step,
      ledger: new Ledger(':memory:', 'test'),
      concurrency: 4,
      onEvent: () => {},
      askConflict,
    }).run();
    expect(asked).toEqual([
      ['c0', 3],
      ['c2', 2],
      ['c4', 1],
      ['c5', 0],
    ]);
  });

  it('a refused row fails with its reason and writes nothing', async () => {
    const { step, stats } = fakeTarget();
    const ledger = new Ledger(':memory:', 'test');
    const events = collect();
    const summary = await new TransferRun({
      items: [{ id: 'x', value: 'bad' }],
      step,
      ledger,
      onEvent: events.onEvent,
      askConflict: async () => ({ decision: 'skip', applyToRemaining: false }),
    }).run();
    expect(summary.failed).toBe(1);
    expect(events.statuses.get('x')).toEqual({ kind: 'error', message: 'x cannot go', detail: 'x cannot go' });
    expect(stats.writes).toBe(0);
    expect(ledger.all()).toHaveLength(0);
  });

  it('cancel stops after the rows in flight', async () => {
    const { step, store } = fakeTarget({}, 20);
    const ledger = new Ledger(':memory:', 'test');
    const events = collect();
    const run = new TransferRun({
      items: items(10),
      step,
      ledger,
      concurrency: 2,
      onEvent: events.onEvent,
      askConflict: async () => ({ decision: 'skip', applyToRemaining: false }),
    });
    const done = run.run();
    await new Promise((r) => setTimeout(r, 30));
    run.cancel();
    const summary = await done;
    expect(summary.transferred).toBe(2);
    expect(summary.cancelled).toBe(8);
    expect(store.size).toBe(2);
    expect([...events.statuses.values()].filter((s) => s.kind === 'skipped' && s.reason === 'cancelled')).toHaveLength(8);
  });

  it('after a crash between the target write and the done mark, reconciles without writing twice', async () => {
    const { step, stats, store } = fakeTarget();
    const ledger = new Ledger(':memory:', 'test');
    // The crash: c0 reached the target but its entry stayed in-progress; c1 never reached it.
    store.set('c0', 'v0');
    ledger.begin('customers', 'to-administration', 'c0', 'c0', 'h');
    ledger.begin('customers', 'to-administration', 'c1', 'c1', 'h');
    const events = collect();
    let asked = 0;
    const summary = await new TransferRun({
      items: [{ id: 'c1', value: 'v1' }],
      step,
      ledger,
      onEvent: events.onEvent,
      askConflict: async () => (asked++, { decision: 'skip', applyToRemaining: false }),
    }).run();
    expect(ledger.inProgress()).toHaveLength(0);
    expect(ledger.lastDone('customers', 'to-administration', 'c0')?.targetKey).toBe('c0');
    expect(summary.transferred).toBe(1);
    expect(stats.writes).toBe(1);
    expect(asked).toBe(0);
    expect(events.log.join('\n')).toMatch(/c0: an interrupted transfer had reached the target/);
  });

  it('keeps an entry in-progress when the write may have been applied', async () => {
    const { step } = fakeTarget();
    const uncertain = {
      ...step,
      create: async () =>
        Promise.reject(Object.assign(new Error('connection lost'), { short: 'may have been saved', mayHaveBeenApplied: true })),
    };
    const ledger = new Ledger(':memory:', 'test');
    await new TransferRun({
      items: items(1),
      step: uncertain,
      ledger,
      onEvent: () => {},
      askConflict: async () => ({ decision: 'skip', applyToRemaining: false }),
    }).run();
    expect(ledger.inProgress().map((e) => e.sourceId)).toEqual(['c0']);
  });

  it('stops at the first ledger write that fails, naming the file and why; what was written is found again next time', async () => {
    const { step, store } = fakeTarget({}, 1);
    const ledger = new Ledger(':memory:', 'test');
    // The disk fills up at the fourth "done".
    const done = ledger.done.bind(ledger);
    let dones = 0;
    ledger.done = (id, key, hash) => {
      if (++dones === 4) throw new LedgerError('/data/ledger.sqlite', new Error('database or disk is full'));
      done(id, key, hash);
    };
    const events = collect();
    const stops: string[] = [];
    const summary = await new TransferRun({
      items: items(20),
      step,
      ledger,
      concurrency: 1,
      onEvent: (e) => (events.onEvent(e), e.type === 'log' && e.stopped && stops.push(e.message)),
      askConflict: async () => ({ decision: 'skip', applyToRemaining: true }),
    }).run();
    expect(stops).toEqual([expect.stringMatching(/^the ledger \/data\/ledger\.sqlite could not be written \(database or disk is full\)/)]);
    expect(summary).toMatchObject({ transferred: 3, failed: 1, cancelled: 16 });
    expect(events.statuses.get('c3')).toMatchObject({ kind: 'error', message: expect.stringContaining('could not be written') });
    // c3 reached the target but not the ledger's "done": it is in progress, and the next run finds it there.
    expect(store.has('c3')).toBe(true);
    expect(ledger.inProgress().map((e) => e.sourceId)).toEqual(['c3']);
    ledger.done = done;
    const again = await new TransferRun({
      items: items(20),
      step,
      ledger,
      onEvent: () => {},
      askConflict: async () => ({ decision: 'skip', applyToRemaining: true }),
    }).run();
    expect(again.transferred).toBe(16);
    expect(ledger.inProgress()).toEqual([]);
    expect(store.size).toBe(20);
  });
});
