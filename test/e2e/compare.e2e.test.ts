import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnApp } from '../helpers/pty.js';

let app: ReturnType<typeof spawnApp> | undefined;
afterEach(() => app?.kill());

describe('the Compare tab in a real terminal', () => {
  it('fixes every difference a transfer can with t, answering the conflicts, and the compare after it lists only the ones for a person', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-e2e-compare-'));
    app = spawnApp(['demo', '--data-dir', dir, '--lang', 'en'], { cols: 160, rows: 45 });
    await app.waitFor(/0 of [1-9]\d* selected/);
    await app.keys('8');
    const listed = await app.waitFor(/Customers 68 · Projects 25 · Invoices 4 · Supplier invoices 34 · Payments 6/);
    expect(listed).toMatch(/0 of 137 selected/);
    // Only what a transfer can fix, all of it, then t: the customers ask first, then the projects.
    await app.keys('h', '\x01');
    await app.waitFor('130 of 130 selected');
    await app.keys('t');
    await app.waitFor('Already in Administration: 1001');
    await app.keys(' ', '\r');
    await app.waitFor('Already in Administration: 103');
    await app.keys(' ', '\r');
    await app.waitFor(/Done: \d+ transferred, \d+ updated, \d+ skipped, 1 failed/, 90_000);
    // The compare runs again by itself: nothing fixable is left, the seven differences for a person stay.
    const after = await app.waitFor(/Customers 1 · Projects 0 · Invoices 2 · Supplier invoices 3 · Payments 1/, 30_000);
    expect(after).toMatch(/row 0\/0/);
    await app.keys('h');
    const byHand = await app.waitFor('0 of 7 selected');
    for (const key of ['K-200', '10037', '10039', '8/1', '2/1', '68/1', '10057']) expect(byHand).toContain(key);
    await app.keys('q');
    expect(await app.exited()).toBe(0);
  }, 180_000);
});
