import { describe, expect, it } from 'vitest';
import { kindOf, type ListId } from '../../../src/kinds/index.js';
import { demoSession } from '../../helpers/session.js';

/** Transfers every row of a demo list and answers which Severa calls the transfer made (listing not counted). */
async function callsOfTransfer(list: ListId) {
  const { s, session } = await demoSession();
  const statuses = await session.invoiceStatuses();
  const ready = statuses.find((x) => x.name === session.settings.invoiceStatusToTransfer);
  const loaded = await session.load(list, { since: '2025-11-01', until: '2026-11-28', statusGuid: ready?.guid });
  const ids = loaded.records.map((r) => kindOf(list).id(r));
  const before = s.requests.length;
  const summary = await session.transfer(
    list,
    ids,
    () => {},
    async () => ({ decision: 'update', applyToRemaining: true }),
  );
  // Calls Severa answered; one it refused at the quota (429) and the client sent again is the same call.
  const calls = s.requests
    .slice(before)
    .filter((r) => r.status !== 429)
    .map((r) => `${r.method} ${r.path}`);
  return { ids, summary, calls };
}

const count = (calls: string[], pattern: RegExp) => calls.filter((c) => pattern.test(c)).length;

describe('calls to Severa per transferred row', () => {
  it('payments: the run reads its invoices in one call, never one per row, and moves each paid one once', async () => {
    const { ids, summary, calls } = await callsOfTransfer('payments');
    expect(ids.length).toBeGreaterThan(5);
    expect(summary.transferred).toBeGreaterThan(0);
    expect(count(calls, /^GET \/rest-api\/v1\/invoices$/)).toBe(1);
    expect(count(calls, /^PATCH \/rest-api\/v1\/invoices\//)).toBe(summary.transferred);
  });

  it("supplier invoices: each project's fees are listed once per run, not once per row", async () => {
    const { summary, calls } = await callsOfTransfer('supplier-invoices');
    const listings = calls.filter((c) => /^GET \/rest-api\/v1\/projects\/[^/]+\/projectfees/.test(c));
    expect(summary.transferred).toBeGreaterThan(listings.length);
    expect(new Set(listings).size).toBe(listings.length);
    expect(count(calls, /^POST \/rest-api\/v1\/projectfees$/)).toBe(summary.transferred);
  });

  it('customers to Severa: the run looks its customers up by number and by name in a few calls, not two per row', async () => {
    const { ids, summary, calls } = await callsOfTransfer('administration-customers');
    expect(ids.length).toBeGreaterThan(10);
    expect(summary.transferred + summary.updated).toBeGreaterThan(0);
    expect(count(calls, /^GET \/rest-api\/v1\/customers$/)).toBeLessThanOrEqual(2 * Math.ceil(ids.length / 50) + 1);
  });
});
