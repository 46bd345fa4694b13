import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { historyRows } from '../../src/screens/history.js';
import type { HistoryEntry } from '../../src/services/transfer/ledger.js';

const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  id: 1,
  time: '2026-11-28T12:05:00.000Z',
  profile: 'p',
  kind: 'supplier-invoices',
  direction: 'to-severa',
  sourceId: '7/1',
  label: '7/1 Tryckeriet i Norr AB',
  result: 'created',
  targetKey: '106: 1a2b3c4d',
  reason: null,
  ...over,
});

describe('the history rows', () => {
  it("say kind, direction, result and target in the user's words, at the user's local time", () => {
    const [row] = historyRows([entry({})], translator('sv'));
    const local = new Date('2026-11-28T12:05:00.000Z');
    expect(row!.cells[0]).toBe(`2026-11-28 ${String(local.getHours()).padStart(2, '0')}:05`);
    expect(row!.cells.slice(1, 3)).toEqual(['Leverantörsfakturarad → Severa', 'skapad']);
    expect(row!.cells[4]).toBe('kostnad på 106');
    const [en] = historyRows(
      [entry({ kind: 'payments', result: 'skipped', targetKey: null, reason: 'already paid in Severa' })],
      translator('en'),
    );
    expect(en!.cells.slice(1, 3)).toEqual(['Payment → Severa', 'skipped']);
    expect(en!.cells.join(' ')).not.toMatch(/to-severa|payments/);
    const [skipped] = historyRows([entry({ result: 'skipped', targetKey: null, reason: 'conflict' })], translator('sv'));
    expect(skipped!.cells[5]).toBe('överhoppad vid konflikten');
  });
});
