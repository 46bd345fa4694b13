import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/app.js';
import type { ConflictAnswer, ConflictQuestion, TransferEvent, TransferSummary } from '../src/services/transfer/engine.js';
import type { Session } from '../src/session.js';
import { initialState, type ListId } from '../src/state/app.js';
import type { Action } from '../src/state/vocabulary.js';
import type { Difference } from '../src/services/compare/differences.js';
import { KEY, press, typeText, waitFor } from './helpers/ink.js';
import { defaultDates, ManualClock } from '../src/clock.js';
import { TEST_NOW, TEST_NOW_MS } from './helpers/clock.js';

afterEach(() => cleanup());

/** Canned records of each kind, shaped as the sides give them (the kinds' columns make the rows). */
function records(list: ListId, n: number, prefix = 'Kund'): unknown[] {
  return Array.from({ length: n }, (_, i) => {
    const number = 1000 + i + 1;
    const name = `${prefix} ${i + 1} AB`;
    const city = i % 2 ? 'Malmö' : 'Umeå';
    switch (list) {
      case 'severa-customers':
        return {
          guid: `id${i + 1}`,
          number,
          name,
          headquarterAddress: { city },
          email: `k${i + 1}@x.se`,
          lastUpdatedDateTime: '2026-11-01T10:00:00Z',
        };
      case 'administration-customers':
        return { number: String(number), name, city, email: `k${i + 1}@x.se`, timestamp: '2026-11-01 10:00:00' };
      case 'projects':
        return { guid: `p${i + 1}`, number, name, customer: { name }, startDate: '2026-01-01', deadline: '2026-12-31', isClosed: false };
      case 'invoices':
        return {
          guid: `i${i + 1}`,
          number,
          date: '2026-11-01',
          customer: { name },
          totalIncludingTax: { amount: 100 },
          currency: { code: 'SEK' },
          status: { name: 'Ready for transfer' },
        };
      case 'supplier-invoices':
        return { givenNumber: i + 1, supplierName: name, invoiceNumber: `F-${number}`, invoiceDate: '2026-11-01', total: 100, rows: [] };
      case 'payments':
        return { invoiceNumber: number, paid: 100, lastPaymentDate: '2026-11-01', payments: [] };
    }
  });
}

/** A session with canned lists; transfers ask a conflict for every even row. */
function fakeSession(count = 50) {
  const calls = {
    histories: [] as string[],
    loads: [] as { list: ListId; since: string }[],
    answers: [] as ConflictAnswer[],
    transferred: [] as string[],
  };
  const session = {
    connectSevera: async () => ({ state: 'connected', name: 'Norrsken' }),
    connectAdministration: async () => ({ state: 'connected', name: 'Övningsbolaget AB (2000)' }),
    load: async (list: ListId, filter: { since: string }) => {
      calls.loads.push({ list, since: filter.since });
      return { records: records(list, list === 'severa-customers' ? count : 3, list === 'severa-customers' ? 'Kund' : 'Adm') };
    },
    history: (since: string) => {
      calls.histories.push(since);
      return [
        {
          id: 1,
          time: '2026-11-27T10:00:00.000Z',
          profile: 'demo',
          kind: 'customers',
          direction: 'to-administration',
          sourceId: 'g1',
          label: '1001 Kund 1 AB',
          result: 'created',
          targetKey: '1001',
          reason: null,
        },
      ];
    },
    invoiceStatuses: async () => [
      { guid: 's1', name: 'Ready for transfer' },
      { guid: 's2', name: 'Transferred' },
    ],
    rememberAfterStatus: () => {},
    async transfer(
      _list: ListId,
      ids: string[],
      onEvent: (e: TransferEvent) => void,
      ask: (q: ConflictQuestion) => Promise<ConflictAnswer>,
    ): Promise<TransferSummary> {
      const summary = { transferred: 0, updated: 0, skipped: 0, failed: 0, cancelled: 0 };
      let standing: ConflictAnswer | undefined;
      const conflicts = ids.filter((_, i) => i % 2 === 1);
      for (const [i, id] of ids.entries()) {
        if (i % 2 === 1) {
          const answer =
            standing ??
            (await ask({
              id,
              view: { title: id, fields: [{ label: 'city', source: 'Umeå', target: 'Luleå', changes: true }] },
              remaining: () => conflicts.length - conflicts.indexOf(id) - 1,
            }));
          calls.answers.push(answer);
          if (answer.applyToRemaining) standing = answer;
          if (answer.decision === 'skip') {
            summary.skipped++;
            onEvent({ type: 'status', id, status: { kind: 'skipped', reason: 'conflict' } });
            continue;
          }
          summary.updated++;
          onEvent({ type: 'status', id, status: { kind: 'done', targetKey: id, updated: true } });
        } else {
          summary.transferred++;
          calls.transferred.push(id);
          onEvent({ type: 'status', id, status: { kind: 'done', targetKey: id, updated: false } });
        }
      }
      return summary;
    },
    cancel: () => {},
    onLog: () => () => {},
    details: (_list: ListId, id: string) => [
      ['Number', id],
      ['Name', `Kund ${id}`],
    ],
    clock: new ManualClock(TEST_NOW),
  };
  return { session: session as unknown as Session, calls };
}

async function start(count = 50, lang: 'en' | 'sv' = 'en') {
  const fake = fakeSession(count);
  const initial = initialState({ lang, demo: true, columns: 100, rows: 20, dates: defaultDates(Date.parse('2026-11-28T12:00:00')) });
  const r = render(<App session={fake.session} initial={initial} />);
  await waitFor(() => (r.lastFrame() ?? '').includes(lang === 'sv' ? `av ${count} markerade` : `of ${count} selected`), 'the Severa list');
  await waitFor(() => fake.calls.loads.length >= 2, 'both customer lists');
  return { ...r, ...fake };
}

/** The app on a session of the test's own, at 100×20, once its three customer rows are there. */
async function mount(session: Session) {
  const r = render(
    <App session={session} initial={initialState({ lang: 'en', demo: true, columns: 100, rows: 20, dates: defaultDates(TEST_NOW_MS) })} />,
  );
  await waitFor(() => (r.lastFrame() ?? '').includes('of 3 selected'), 'the list');
  return r;
}

const cursorLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('›')) ?? '';

describe('the app', () => {
  it('opens on Customers with both sides connected and 30 days back as the default date', async () => {
    const r = await start();
    const frame = r.lastFrame()!;
    expect(frame).toContain('Customers in Severa');
    expect(frame).toContain('Changed since: 2026-10-29');
    expect(frame).toContain('● Severa: Norrsken');
    expect(frame).toContain('● Administration: Övningsbolaget AB (2000)');
    expect(r.calls.loads.map((l) => l.since)).toEqual(['2026-10-29', '2026-10-29']);
  });

  it('moves the cursor with arrows, PgDn, End and Home, drawing only the rows in view', async () => {
    const r = await start(500);
    await press(r.stdin, KEY.down, KEY.down);
    expect(cursorLine(r.lastFrame()!)).toContain('1003');
    await press(r.stdin, KEY.pgDn);
    const afterPage = Number(/›\s+(\d+)/.exec(cursorLine(r.lastFrame()!))![1]);
    expect(afterPage).toBeGreaterThan(1003);
    await press(r.stdin, KEY.end);
    expect(cursorLine(r.lastFrame()!)).toContain('1500');
    expect(r.lastFrame()).not.toContain(' 1001 ');
    await press(r.stdin, KEY.home);
    expect(cursorLine(r.lastFrame()!)).toContain('1001');
    expect((r.lastFrame()!.match(/Kund \d+ AB/g) ?? []).length).toBeLessThan(20);
  });

  it('space marks a row, ctrl+a all, ctrl+a again none, v a range', async () => {
    const r = await start();
    await press(r.stdin, KEY.space);
    expect(r.lastFrame()).toContain('1 of 50 selected');
    await press(r.stdin, KEY.ctrlA);
    expect(r.lastFrame()).toContain('50 of 50 selected');
    await press(r.stdin, KEY.ctrlA);
    expect(r.lastFrame()).toContain('0 of 50 selected');
    await press(r.stdin, 'v', KEY.down, KEY.down, KEY.down, 'v');
    expect(r.lastFrame()).toContain('4 of 50 selected');
    // Shift+↓ marks the row under the cursor (row 4 already is) and moves on.
    await press(r.stdin, KEY.shiftDown, KEY.shiftDown);
    expect(r.lastFrame()).toContain('5 of 50 selected');
  });

  it('/ filters as you type; Esc clears the filter', async () => {
    const r = await start();
    await press(r.stdin, '/');
    await typeText(r.stdin, 'kund 4');
    const frame = r.lastFrame()!;
    expect(frame).toContain('Kund 4 AB');
    expect(frame).toContain('Kund 45 AB');
    expect(frame).not.toContain('Kund 3 AB');
    await press(r.stdin, KEY.esc);
    expect(r.lastFrame()).toContain('Kund 3 AB');
  });

  it("an empty list says what it looked for and how to widen it, in the user's language", async () => {
    const r = await start(0);
    await waitFor(() => (r.lastFrame() ?? '').includes('No customers changed since 2026-10-29 (d changes the date)'), 'the empty list');
    await press(r.stdin, 'd', ...Array(10).fill(KEY.backspace));
    await typeText(r.stdin, '2026-11-20');
    await press(r.stdin, KEY.enter);
    await waitFor(() => (r.lastFrame() ?? '').includes('No customers changed since 2026-11-20'), 'the reloaded empty list');
    expect(r.lastFrame()).not.toContain('Press r');
    cleanup();
    const sv = await start(0, 'sv');
    await waitFor(
      () => (sv.lastFrame() ?? '').includes('Inga kunder ändrade sedan 2026-10-29 (d byter datum)'),
      'the empty list in Swedish',
    );
  });

  it('refuses a changed-since that is not a real date, naming what is allowed; a good one reloads', async () => {
    const r = await start();
    await press(r.stdin, 'd', ...Array(10).fill(KEY.backspace));
    await typeText(r.stdin, '2026-02-30');
    await press(r.stdin, KEY.enter);
    expect(r.lastFrame()).toContain('Changed since must be a date YYYY-MM-DD');
    expect(r.calls.loads).toHaveLength(2);
    await press(r.stdin, KEY.backspace, KEY.backspace);
    await typeText(r.stdin, '28');
    await press(r.stdin, KEY.enter);
    await waitFor(() => r.calls.loads.length === 3, 'the reload');
    expect(r.calls.loads[2]).toEqual({ list: 'severa-customers', since: '2026-02-28' });
    expect(r.lastFrame()).not.toContain('must be a date');
  });

  it('the conflict dialog shows the remaining N, and Update for the remaining settles the rest', async () => {
    const r = await start(8);
    await press(r.stdin, KEY.ctrlA, 't');
    await waitFor(() => (r.lastFrame() ?? '').includes('Already in Administration'), 'the conflict dialog');
    expect(r.lastFrame()).toContain('[ ] Do this for the remaining 3 conflicts');
    expect(r.lastFrame()).toMatch(/\* City\s+Umeå\s+Luleå/);
    // The dialog's footer is its own keys from the keymap: Esc skips; no log or help offered there.
    expect(r.lastFrame()).toContain('Esc skip');
    expect(r.lastFrame()).not.toMatch(/Esc cancel|l log|\? help/);
    // The chosen button is bracketed (visible without colour); ← on Update stays there, → goes to Skip and stays.
    expect(r.lastFrame()).toContain('[Update]  Skip');
    await press(r.stdin, KEY.left);
    expect(r.lastFrame()).toContain('[Update]  Skip');
    await press(r.stdin, KEY.right, KEY.right);
    expect(r.lastFrame()).toContain(' Update  [Skip]');
    await press(r.stdin, KEY.left, KEY.space);
    expect(r.lastFrame()).toContain('[x] Do this for the remaining 3 conflicts');
    await press(r.stdin, KEY.enter);
    await waitFor(() => (r.lastFrame() ?? '').includes('Done: 4 transferred, 4 updated'), 'the summary');
    expect(r.calls.answers).toHaveLength(4);
    expect(r.calls.answers.every((a) => a.decision === 'update')).toBe(true);
    expect(r.lastFrame()).toContain('✓ id2 updated');
  });

  it('in the conflict dialog q does nothing and Esc skips one conflict at a time', async () => {
    const r = await start(8);
    let cancelled = 0;
    (r.session as unknown as { cancel: () => void }).cancel = () => cancelled++;
    await press(r.stdin, KEY.ctrlA, 't');
    await waitFor(() => (r.lastFrame() ?? '').includes('Already in Administration'), 'the conflict dialog');
    await press(r.stdin, 'q');
    expect(r.lastFrame()).toContain('Already in Administration');
    await press(r.stdin, KEY.enter);
    await waitFor(() => (r.lastFrame() ?? '').includes('Already in Administration'), 'the second conflict');
    expect(r.lastFrame()).toContain('remaining 2 conflicts');
    await press(r.stdin, KEY.esc);
    await waitFor(
      () =>
        (r.lastFrame() ?? '').includes('Already in Administration') &&
        (r.lastFrame() ?? '').includes('Do this for the remaining conflict too'),
      'the third conflict',
    );
    await press(r.stdin, KEY.esc);
    // The last conflict: no remaining box, and Space does nothing there.
    await waitFor(() => (r.lastFrame() ?? '').includes('Already in Administration: id8'), 'the last conflict');
    expect(r.lastFrame()).not.toContain('Do this for the remaining');
    expect(r.lastFrame()).not.toContain('Space tick');
    await press(r.stdin, KEY.esc);
    await waitFor(() => (r.lastFrame() ?? '').includes('Done:'), 'the end of the run');
    expect(cancelled).toBe(0);
  });

  it('ctrl+a marks the rows as they are: a reload keeps only marks of rows still listed; a filter counts and transfers what it shows', async () => {
    const r = await start(9);
    await press(r.stdin, KEY.ctrlA);
    expect(r.lastFrame()).toContain('9 of 9 selected');
    // The date widened: 12 rows now, the 3 new ones unmarked (never "12 of 12").
    const session = r.session as unknown as { load: (list: ListId) => Promise<unknown> };
    session.load = async (list: ListId) => ({ records: records(list, 12) });
    await press(r.stdin, 'r');
    await waitFor(() => (r.lastFrame() ?? '').includes('of 12 selected'), 'the reloaded list');
    expect(r.lastFrame()).toContain('9 of 12 selected');
    // With a filter on, the status bar counts the marked rows shown, and t takes only those.
    await press(r.stdin, '/');
    await typeText(r.stdin, 'kund 1');
    await press(r.stdin, KEY.enter);
    expect(r.lastFrame()).toContain('1 of 4 selected');
    await press(r.stdin, 't');
    await waitFor(() => (r.lastFrame() ?? '').includes('Done:'), 'the transfer');
    expect(r.calls.transferred).toEqual(['id1']);
  });

  it('t while the list is loading says so and transfers nothing', async () => {
    const r = await start(5);
    await press(r.stdin, KEY.ctrlA);
    const session = r.session as unknown as { load: () => Promise<unknown> };
    session.load = () => new Promise(() => {});
    await press(r.stdin, 'r');
    await waitFor(() => (r.lastFrame() ?? '').includes('Loading'), 'the load');
    await press(r.stdin, 't');
    expect(r.lastFrame()).toContain('The list is still loading');
    expect(r.calls.transferred).toHaveLength(0);
  });

  it('while a transfer runs, keys that would change the list under it are refused and the results stay', async () => {
    const fake = fakeSession(3);
    let release: () => void = () => {};
    const session = {
      ...(fake.session as unknown as Record<string, unknown>),
      cancel: () => release(),
      transfer: (_l: ListId, ids: string[], onEvent: (e: TransferEvent) => void) =>
        new Promise<TransferSummary>((resolve) => {
          onEvent({ type: 'status', id: ids[0]!, status: { kind: 'error', message: 'invoice 10003 refused' } });
          release = () => resolve({ transferred: 0, updated: 0, skipped: 0, failed: 1, cancelled: ids.length - 1 });
        }),
    } as unknown as Session;
    const r = await mount(session);
    await press(r.stdin, KEY.ctrlA, 't');
    await waitFor(() => (r.lastFrame() ?? '').includes('invoice 10003 refused'), 'the failed row');
    const loads = fake.calls.loads.length;
    for (const k of ['r', 'd', KEY.right, '4']) {
      await press(r.stdin, k);
      expect(r.lastFrame()).toContain('wait: a transfer is running');
      expect(r.lastFrame()).toContain('invoice 10003 refused');
    }
    expect(fake.calls.loads).toHaveLength(loads);
    expect(r.lastFrame()).toContain('Customers in Severa');
    // The hint line does not offer them meanwhile.
    expect(r.lastFrame()).not.toMatch(/r refresh|d date/);
    release();
  });

  it('ctrl+c in the conflict dialog asks as q does; no keeps the dialog, yes skips the rest and quits', async () => {
    const r = await start(8);
    let cancelled = 0;
    (r.session as unknown as { cancel: () => void }).cancel = () => cancelled++;
    await press(r.stdin, KEY.ctrlA, 't');
    await waitFor(() => (r.lastFrame() ?? '').includes('Already in Administration'), 'the conflict dialog');
    await press(r.stdin, KEY.ctrlC);
    expect(r.lastFrame()).toContain('A transfer is running. Quit anyway?');
    await press(r.stdin, 'n');
    expect(r.lastFrame()).toContain('Already in Administration');
    expect(cancelled).toBe(0);
    await press(r.stdin, KEY.ctrlC, 'y');
    await waitFor(() => cancelled === 1, 'the cancel');
    expect(r.calls.answers.at(-1)).toEqual({ decision: 'skip', applyToRemaining: true });
  });

  it('asks before cancelling a running transfer and before quitting during one', async () => {
    const fake = fakeSession(3);
    let release: () => void = () => {};
    let cancelled = 0;
    const session = {
      ...(fake.session as unknown as Record<string, unknown>),
      cancel: () => (cancelled++, release()),
      transfer: (_l: ListId, ids: string[], onEvent: (e: TransferEvent) => void) =>
        new Promise<TransferSummary>((resolve) => {
          for (const id of ids) onEvent({ type: 'status', id, status: { kind: 'running' } });
          release = () => resolve({ transferred: 0, updated: 0, skipped: 0, failed: 0, cancelled: ids.length });
        }),
    } as unknown as Session;
    const r = await mount(session);
    await press(r.stdin, KEY.ctrlA, 't');
    await waitFor(() => (r.lastFrame() ?? '').includes('running'), 'the running rows');
    await press(r.stdin, 'q');
    expect(r.lastFrame()).toContain('A transfer is running. Quit anyway?');
    await press(r.stdin, 'n', KEY.esc);
    expect(r.lastFrame()).toContain('Cancel the transfer after the rows in flight?');
    await press(r.stdin, 'y');
    await waitFor(() => (r.lastFrame() ?? '').includes('3 cancelled'), 'the summary');
    expect(cancelled).toBe(1);
  });

  it('follows a resize', async () => {
    const r = await start(50);
    Object.defineProperty(r.stdout, 'rows', { value: 12, configurable: true });
    Object.defineProperty(r.stdout, 'columns', { value: 100, configurable: true });
    r.stdout.emit('resize');
    await waitFor(() => (r.lastFrame() ?? '').split('\n').length <= 12, 'the smaller frame');
    expect((r.lastFrame()!.match(/Kund \d+ AB/g) ?? []).length).toBe(7);
  });

  it('Esc in the conflict dialog skips that one', async () => {
    const r = await start(4);
    await press(r.stdin, KEY.ctrlA, 't');
    await waitFor(() => (r.lastFrame() ?? '').includes('Already in Administration'), 'the conflict dialog');
    await press(r.stdin, KEY.esc);
    await waitFor(
      () => (r.lastFrame() ?? '').includes('Already in Administration') || (r.lastFrame() ?? '').includes('Done:'),
      'the next step',
    );
    expect(r.calls.answers[0]).toEqual({ decision: 'skip', applyToRemaining: false });
  });

  it('asks to select rows first, and switches sides with the arrows', async () => {
    const r = await start();
    await press(r.stdin, 't');
    expect(r.lastFrame()).toContain('Select rows first');
    await press(r.stdin, KEY.right);
    expect(r.lastFrame()).toContain('Adm 1 AB');
  });

  it('? shows help from the keymap; the palette filters commands and runs one', async () => {
    const r = await start();
    await press(r.stdin, '?');
    expect(r.lastFrame()).toMatch(/Ctrl\+A\s+Mark all rows/);
    await press(r.stdin, KEY.esc);
    await press(r.stdin, KEY.ctrlP);
    await typeText(r.stdin, 'mark all');
    expect(r.lastFrame()).toContain('Ctrl+A');
    expect(r.lastFrame()).not.toContain('Cursor down');
    await press(r.stdin, KEY.enter);
    expect(r.lastFrame()).toContain('50 of 50 selected');
  });

  it('switches tabs with number keys and Tab, and speaks Swedish when asked', async () => {
    const r = await start(5, 'sv');
    expect(r.lastFrame()).toContain('Kunder i Severa');
    // The tab names fit whole or as short forms ("Inst."), never cut mid-word.
    const tabs = r.lastFrame()!.split('\n')[0]!;
    expect(tabs).toMatch(/7 (Inställningar|Inst\.) /);
    expect(tabs).not.toMatch(/Inställn(?!ingar)|…/);
    await press(r.stdin, '3');
    expect(r.lastFrame()).toContain('Fakturor i Severa');
    expect(r.lastFrame()).toContain('Välj en fakturastatus med s');
    await press(r.stdin, KEY.tab);
    await waitFor(() => (r.lastFrame() ?? '').includes('Leverantörsfakturor i Administration'), 'the supplier invoices tab');
    await waitFor(() => r.calls.loads.some((l) => l.list === 'supplier-invoices'), 'the supplier-invoice load');
  });

  it('the Invoices tab lists the status picked with s, and remembers the after-transfer status picked with a', async () => {
    const r = await start(5);
    await press(r.stdin, '3', 's');
    await waitFor(() => (r.lastFrame() ?? '').includes('List the invoices in status'), 'the status picker');
    await press(r.stdin, KEY.enter);
    await waitFor(() => r.calls.loads.some((l) => l.list === 'invoices'), 'the invoice load');
    expect(r.lastFrame()).toContain('Status: Ready for transfer');
    // Amounts line up on the right; no two columns share a name.
    await waitFor(() => (r.lastFrame() ?? '').includes('100,00'), 'the invoice rows');
    expect(r.lastFrame()).toMatch(/ {5}100,00 SEK/);
    const header = r
      .lastFrame()!
      .split('\n')
      .find((l) => l.includes('Date') && l.includes('Customer'))!;
    expect(header).toContain('In Severa');
    expect(header.match(/Status/g)).toHaveLength(1);
    await press(r.stdin, 'a', KEY.down, KEY.down, KEY.enter);
    expect(r.lastFrame()).toContain('After transfer: Transferred');
  });

  it('refuses a supplier-invoice range whose From is after its To', async () => {
    const r = await start(5);
    await press(r.stdin, '4', 'd', ...Array(10).fill(KEY.backspace));
    await typeText(r.stdin, '2099-01-01');
    await press(r.stdin, KEY.enter);
    expect(r.lastFrame()).toMatch(/From \(2099-01-01\) is after To/);
  });

  it('the History tab is a screen of its own: past transfers, read only, its hints and help from the keymap', async () => {
    const r = await start(5);
    await press(r.stdin, '6');
    await waitFor(() => r.calls.histories.length === 1, 'the history load');
    await waitFor(() => (r.lastFrame() ?? '').includes('1001 Kund 1 AB'), 'the history row');
    const frame = r.lastFrame()!;
    expect(frame).toContain('Transfer history');
    expect(frame).toContain('Customer →');
    // Nothing to mark or transfer here, and nothing offers it.
    expect(frame).not.toMatch(/t transfer|Space mark/);
    expect(frame).toMatch(/r refresh · \/ filter · d date · Enter details · \? help · q quit/);
    await press(r.stdin, KEY.ctrlA, 't');
    expect(r.calls.transferred).toHaveLength(0);
    expect(r.lastFrame()).not.toMatch(/selected/);
    await press(r.stdin, '?');
    expect(r.lastFrame()).toContain('History');
    expect(r.lastFrame()).not.toContain('Transfer the marked rows');
  });

  it('the hint line follows the list: invoices offer status keys, supplier invoices From and To, customers the side', async () => {
    const r = await start(5);
    expect(r.lastFrame()).toContain('Space mark · Ctrl+A all · t transfer · r refresh · / filter · d date · ←/→ side · ? help · q quit');
    await press(r.stdin, '3');
    await waitFor(() => (r.lastFrame() ?? '').includes('s status · a after transfer'), 'the invoice hints');
    expect(r.lastFrame()).not.toMatch(/d date|←\/→ side/);
    // A key that is off here says why.
    await press(r.stdin, 'd');
    expect(r.lastFrame()).toContain('invoices are listed by status: s picks it');
    await press(r.stdin, '4');
    await waitFor(() => (r.lastFrame() ?? '').includes('d date · e to'), 'the supplier-invoice hints');
  });

  it('the log panel toggles and shows what happened', async () => {
    const r = await start();
    await press(r.stdin, 'l');
    expect(r.lastFrame()).toContain('── Log ──');
    expect(r.lastFrame()).toContain('Customers in Severa: 50 rows');
    await press(r.stdin, 'l');
    expect(r.lastFrame()).not.toContain('── Log ──');
  });
});

describe('row statuses of a large transfer', () => {
  it('draws 20,000 queued rows as one batch, and the later statuses in order, a frame at a time', async () => {
    const count = 20_000;
    const fake = fakeSession(count);
    const actions: Action[] = [];
    let finish: () => void = () => {};
    const session = {
      ...(fake.session as unknown as Record<string, unknown>),
      transfer: (_l: ListId, ids: string[], onEvent: (e: TransferEvent) => void) =>
        new Promise<TransferSummary>((resolve) => {
          for (const id of ids) onEvent({ type: 'status', id, status: { kind: 'queued' } });
          finish = () => {
            onEvent({ type: 'status', id: ids[0]!, status: { kind: 'running' } });
            onEvent({ type: 'status', id: ids[0]!, status: { kind: 'error', message: 'refused' } });
            onEvent({ type: 'log', level: 'error', message: 'row 1 refused' });
            resolve({ transferred: 0, updated: 0, skipped: 0, failed: 1, cancelled: count - 1 });
          };
        }),
    } as unknown as Session;
    const r = render(
      <App
        session={session}
        onAction={(a) => actions.push(a)}
        initial={initialState({ lang: 'en', demo: true, columns: 100, rows: 20, dates: defaultDates(TEST_NOW_MS) })}
      />,
    );
    await waitFor(() => (r.lastFrame() ?? '').includes(`of ${count} selected`), 'the list');
    const started = performance.now();
    await press(r.stdin, KEY.ctrlA, 't');
    await waitFor(() => (r.lastFrame() ?? '').includes('queued'), 'the queued rows');
    expect(performance.now() - started).toBeLessThan(2000);
    const batches = actions.filter((a) => a.type === 'statuses');
    expect(batches).toHaveLength(1);
    expect(batches[0]!.type === 'statuses' && batches[0]!.updates.length).toBe(count);
    finish();
    await waitFor(() => (r.lastFrame() ?? '').includes('1 failed'), 'the summary');
    // The error status reached the screen before the log line and the summary that came after it.
    const order = actions.map((a) => a.type).filter((t) => ['statuses', 'log', 'transferFinished'].includes(t));
    expect(order.slice(-3)).toEqual(['statuses', 'log', 'transferFinished']);
    expect(r.lastFrame()).toContain('refused');
  });
});

describe('a long list loading', () => {
  it('shows each page as it arrives, refuses a transfer until all is in, and drops the pages of a load begun before a refresh', async () => {
    const fake = fakeSession(0);
    const all = records('severa-customers', 300) as { guid: string }[];
    const gates: (() => void)[] = [];
    let loads = 0;
    const session = {
      ...(fake.session as unknown as Record<string, unknown>),
      load: async (list: ListId, _filter: unknown, _lang: string, onPage?: (page: unknown[]) => void) => {
        if (list !== 'severa-customers') return { records: [] };
        const mine = ++loads;
        // The first load's pages say "Old"; the one after the refresh brings the real rows.
        const pages = [0, 100, 200].map((at) => all.slice(at, at + 100).map((r) => (mine === 1 ? { ...r, name: `Old ${r.guid}` } : r)));
        for (const page of pages) {
          await new Promise<void>((resolve) => gates.push(resolve));
          onPage?.(page);
        }
        return { records: pages.flat() };
      },
    } as unknown as Session;
    const r = render(
      <App
        session={session}
        initial={initialState({ lang: 'en', demo: true, columns: 100, rows: 20, dates: defaultDates(TEST_NOW_MS) })}
      />,
    );
    const open = async () => {
      await waitFor(() => gates.length > 0, 'a page asked for');
      gates.shift()!();
    };
    await open();
    await waitFor(() => (r.lastFrame() ?? '').includes('Old id1'), 'the first page of the first load');
    // A refresh starts over; what the first load still brings is dropped.
    await press(r.stdin, 'r');
    await waitFor(() => loads === 2, 'the second load');
    await open();
    await open();
    await waitFor(() => (r.lastFrame() ?? '').includes('Kund 1 AB'), "the second load's first page");
    expect(r.lastFrame()).not.toContain('Old');
    expect(r.lastFrame()).toContain('of 100 selected');
    await press(r.stdin, KEY.ctrlA, 't');
    expect(r.lastFrame()).toContain('still loading');
    // The rest of both loads' pages; only the second load's land.
    for (let i = 0; i < 100 && !(r.lastFrame() ?? '').includes('of 300 selected'); i++) {
      gates.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await waitFor(() => (r.lastFrame() ?? '').includes('of 300 selected'), 'the whole list');
    expect(r.lastFrame()).not.toContain('Old');
  });
});

describe('the Compare tab', () => {
  const diff = (kind: Difference['kind'], reason: Difference['reason'], key: string, fix: boolean): Difference => ({
    id: `${kind}:${reason}:${key}`,
    kind,
    reason,
    key,
    name: `Name ${key}`,
    fields: [{ field: 'city', severa: 'Umeå', administration: 'Malmö', differs: true }],
    date: '2026-11-20',
    fix: fix ? { list: 'severa-customers', id: `g${key}`, record: {} } : undefined,
  });
  const found = [
    diff('customers', 'customerDiffers', '1001', true),
    diff('customers', 'onlyInSevera', '1002', true),
    diff('invoices', 'invoiceTwice', '10039', false),
  ];

  it('lists the differences with counts, filters by kind and by fix, shows both sides, and t fixes only what a transfer can', async () => {
    const fake = fakeSession(3);
    const fixed: string[][] = [];
    const compares: { since?: string }[] = [];
    const session = {
      ...(fake.session as unknown as Record<string, unknown>),
      compare: async (request: { since?: string }) => {
        compares.push(request);
        return { differences: found, read: {} };
      },
      fix: async (chosen: Difference[], onEvent: (e: TransferEvent) => void) => {
        fixed.push(chosen.map((d) => d.id));
        for (const d of chosen) onEvent({ type: 'status', id: d.id, status: { kind: 'done', targetKey: d.key, updated: false } });
        return { transferred: chosen.length, updated: 0, skipped: 0, failed: 0, cancelled: 0 };
      },
    } as unknown as Session;
    const r = render(
      <App
        session={session}
        initial={initialState({ lang: 'en', demo: true, columns: 160, rows: 20, dates: defaultDates(TEST_NOW_MS), tab: 'compare' })}
      />,
    );
    await waitFor(() => (r.lastFrame() ?? '').includes('of 3 selected'), 'the differences');
    expect(compares[0]!.since).toBe('2000-01-01');
    expect(r.lastFrame()).toMatch(/Customers 2 · Projects 0 · Invoices 1/);
    expect(r.lastFrame()).toContain('≠ City');
    expect(r.lastFrame()).toContain('by hand: credit the extra invoice');
    // f: one kind at a time; h: fixable, then for a person.
    await press(r.stdin, 'f', 'f', 'f');
    expect(r.lastFrame()).toContain('of 1 selected');
    expect(r.lastFrame()).toContain('10039');
    await press(r.stdin, 'f', 'f', 'f', 'h');
    expect(r.lastFrame()).toContain('Fix: fixable by a transfer');
    expect(r.lastFrame()).toContain('of 2 selected');
    await press(r.stdin, 'h', 'h', KEY.enter);
    expect(r.lastFrame()).toMatch(/≠ City\s+Severa: Umeå\s+Administration: Malmö/);
    await press(r.stdin, KEY.esc, KEY.ctrlA, 't');
    await waitFor(() => fixed.length === 1, 'the fix');
    expect(fixed[0]).toEqual(['customers:customerDiffers:1001', 'customers:onlyInSevera:1002']);
    await waitFor(() => compares.length === 2, 'the compare again after the fixes');
  });
});
