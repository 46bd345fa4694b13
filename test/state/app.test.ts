import { describe, expect, it } from 'vitest';
import { defaultDates } from '../../src/clock.js';
import { type Action, type AppState, hintLine, initialState, reducer } from '../../src/state/app.js';
import type { KeyPress } from '../../src/state/keymap.js';
import { TEST_NOW_MS } from '../helpers/clock.js';

const key = (input: string, k: KeyPress = {}): Action => ({ type: 'key', input, key: k });
const press = (s: AppState, ...actions: Action[]) => actions.reduce(reducer, s);
const connected = (side: 'severa' | 'administration'): Action => ({
  type: 'connection',
  side,
  connection: { state: 'connected', name: side },
});
const type = (text: string) => [...text].map((ch) => key(ch));

describe('the reducer: every effect goes through it', () => {
  it('starts by connecting; each side, once there, loads its customers and Severa its invoice statuses', () => {
    const start = initialState({ lang: 'en', demo: true, columns: 100, rows: 30, dates: defaultDates(TEST_NOW_MS) });
    expect(start.effects).toEqual([{ type: 'connect' }]);
    const next = press({ ...start, effects: [] }, connected('severa'), connected('administration'));
    expect(next.effects).toEqual([
      { type: 'loadStatuses' },
      { type: 'load', list: 'severa-customers', filter: { since: start.defaults.since, until: undefined, statusGuid: undefined } },
      { type: 'load', list: 'administration-customers', filter: { since: start.defaults.since, until: undefined, statusGuid: undefined } },
    ]);
  });

  it('after a connection setting is saved, the lists reload with the date on screen, not the one sevadm started with', () => {
    const start = initialState({ lang: 'en', demo: false, columns: 100, rows: 30, dates: defaultDates(TEST_NOW_MS) });
    let state = press({ ...start, effects: [] }, connected('severa'), connected('administration'));
    // The user widens the date.
    state = press(
      { ...state, effects: [] },
      key('d'),
      ...Array(10).fill(key('', { backspace: true })),
      ...type('2025-06-01'),
      key('', { return: true }),
    );
    expect(state.since['severa-customers']).toBe('2025-06-01');
    // Saving a connection line reconnects both sides.
    state = press({ ...state, effects: [] }, { type: 'reconnected' });
    expect(state.effects).toContainEqual({ type: 'connect' });
    state = press({ ...state, effects: [] }, connected('severa'));
    expect(state.effects).toContainEqual({
      type: 'load',
      list: 'severa-customers',
      filter: { since: '2025-06-01', until: undefined, statusGuid: undefined },
    });
  });
});

describe('typing into fields', () => {
  const opened = () => {
    const start = initialState({ lang: 'en', demo: true, columns: 100, rows: 30, dates: defaultDates(TEST_NOW_MS) });
    return press({ ...start, effects: [] }, connected('severa'), connected('administration'));
  };

  it('a held Backspace (several DELs in one read) takes back as many letters and inserts nothing', () => {
    const state = press(opened(), key('/'), key('kunde'), key('\x7f\x7f\x7f'));
    expect(state.tables['severa-customers'].filter).toBe('ku');
    const single = press(opened(), key('/'), key('ab'), key('\x7f'));
    expect(single.tables['severa-customers'].filter).toBe('a');
  });

  it('Ctrl+W takes back a word and Ctrl+U the whole field', () => {
    const word = press(opened(), key('/'), key('kund ab'), key('w', { ctrl: true }));
    expect(word.tables['severa-customers'].filter).toBe('kund ');
    const all = press(word, key('u', { ctrl: true }));
    expect(all.tables['severa-customers'].filter).toBe('');
  });

  it('a date pasted over the field as it opened replaces it, and Enter applies it', () => {
    const state = press(opened(), key('d'), key('2025-06-01'), key('', { return: true }));
    expect(state.since['severa-customers']).toBe('2025-06-01');
    expect(state.effects).toContainEqual({
      type: 'load',
      list: 'severa-customers',
      filter: { since: '2025-06-01', until: undefined, statusGuid: undefined },
    });
  });

  it("more than a date's 10 characters is refused with a notice, not dropped silently", () => {
    const state = press(opened(), key('d'), key('2025-06-011'));
    expect(state.dateDraft).toBe('2025-06-01');
    expect(state.dateError).toMatch(/A date has 10 characters/);
  });
});

describe('the hint line at any width', () => {
  it("gives up the screen's last hints first: ? help and q quit always stay", () => {
    const start = initialState({ lang: 'sv', demo: true, columns: 80, rows: 24, dates: defaultDates(TEST_NOW_MS) });
    const full = hintLine(start);
    expect(full.length).toBeGreaterThan(79);
    const narrow = hintLine(start, 79);
    expect(narrow.length).toBeLessThanOrEqual(79);
    // Keys named as a Swedish keyboard names them.
    expect(narrow).toMatch(/^Mellanslag markera/);
    expect(narrow.endsWith('? hjälp · q avsluta')).toBe(true);
  });
});

describe('after a transfer', () => {
  it("lists anew what it changed elsewhere: the other side's customers and the history, where they were loaded", () => {
    const start = initialState({ lang: 'en', demo: true, columns: 100, rows: 30, dates: defaultDates(TEST_NOW_MS) });
    let state = press({ ...start, effects: [] }, connected('severa'), connected('administration'));
    for (const table of ['severa-customers', 'administration-customers'] as const)
      state = press(state, { type: 'loaded', table, filter: { since: state.defaults.since }, rows: [] });
    state = press({ ...state, effects: [] }, { type: 'transferStarted', list: 'severa-customers', total: 1 });
    const summary = { transferred: 1, updated: 0, skipped: 0, failed: 0, cancelled: 0 };
    state = press(state, { type: 'transferFinished', summary });
    expect(state.effects.filter((e) => e.type === 'load')).toEqual([
      { type: 'load', list: 'administration-customers', filter: { since: state.defaults.since, until: undefined, statusGuid: undefined } },
    ]);
    // Projects change nothing listed here; the history, once open, is listed anew.
    state = press({ ...state, effects: [] }, { type: 'loaded', table: 'history', filter: { since: state.defaults.since }, rows: [] });
    state = press(state, { type: 'transferStarted', list: 'projects', total: 1 }, { type: 'transferFinished', summary });
    expect(state.effects.map((e) => e.type)).toEqual(['loadHistory']);
  });

  it('a row whose record the transfer changed shows it as it is now, keeping its mark and result', () => {
    const start = initialState({ lang: 'en', demo: true, columns: 100, rows: 30, dates: defaultDates(TEST_NOW_MS) });
    const invoice = { guid: 'g1', number: 10028, status: { guid: 's1', name: 'Ready for transfer' } };
    let state = press(start, {
      type: 'loaded',
      table: 'invoices',
      filter: { since: '2026-01-01' },
      rows: [{ id: 'g1', cells: ['10028', 'Ready for transfer'] }],
    });
    state = press(
      state,
      { type: 'statuses', list: 'invoices', updates: [['g1', { kind: 'done', targetKey: '10028', updated: false }]] },
      { type: 'recordChanged', list: 'invoices', id: 'g1', record: { ...invoice, status: { guid: 's2', name: 'Transferred' } } },
    );
    const row = state.tables.invoices.rows[0]!;
    expect(row.cells).toContain('Transferred');
    // The Transferred column shows the number it got in Administration.
    expect(row.cells.filter((c) => c === '10028')).toHaveLength(2);
    expect(state.tables.invoices.statuses.get('g1')).toMatchObject({ kind: 'done' });
  });
});
