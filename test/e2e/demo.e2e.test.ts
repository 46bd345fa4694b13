import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCompanyFile } from '../../src/sandbox/administration/demoCompanies.js';
import { EmbeddedCompany } from '../../src/sandbox/administration/embeddedCompany.js';
import { Ledger } from '../../src/services/transfer/ledger.js';
import { spawnApp } from '../helpers/pty.js';
import { TEST_NOW_MS } from '../helpers/clock.js';
import { daysBefore, localDay } from '../../src/clock.js';

const BACKSPACE = '\x7f';
let app: ReturnType<typeof spawnApp> | undefined;
afterEach(() => app?.kill());

describe('the demo in a real terminal', () => {
  it('transfers customers to Administration, settles conflicts with Update for the remaining, and restores the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-e2e-'));
    app = spawnApp(['demo', '--data-dir', dir, '--lang', 'en']);
    await app.waitFor('Customers in Severa');
    await app.waitFor(/0 of [1-9]\d* selected/);
    expect(app.bufferType()).toBe('alternate');
    expect(app.screen()).toContain('DEMO');
    expect(app.screen()).toMatch(/● Severa: Norrsken Konsult AB/);
    expect(app.screen()).toMatch(/● Administration: Övningsbolaget AB/);

    // Changed since far enough back for every Severa customer, then refresh.
    await app.keys('d', ...Array(10).fill(BACKSPACE), ...'2025-01-01', '\r');
    await app.waitFor('0 of 64 selected');
    await app.keys('r');
    await app.waitFor('0 of 64 selected');
    await app.keys('\x01');
    await app.waitFor('64 of 64 selected');
    await app.keys('t');
    const dialog = await app.waitFor('Already in Administration');
    // 15 customers are in both; 4 are already the same (their country is SE on both sides, "Sweden" or
    // "Sverige"), so 11 ask: the first says exactly 10 more to come.
    expect(dialog).toMatch(/Do this for the remaining 10 conflicts/);
    await app.keys(' ', '\r');
    await app.waitFor('Done: 49 transferred, 11 updated, 4 skipped, 0 failed');
    expect(app.screen()).toMatch(/✓ 1001 updated/);

    await app.keys('q');
    expect(await app.exited()).toBe(0);
    expect(app.bufferType()).toBe('normal');

    const company = EmbeddedCompany.open(demoCompanyFile(dir, 2000));
    const customers = await company.listCustomers();
    for (let n = 1001; n <= 1064; n++) expect(customers.some((c) => c.number === String(n))).toBe(true);
    await company.close();
    const ledger = new Ledger(join(dir, 'ledger.sqlite'), 'demo');
    expect(ledger.all().filter((e) => e.state === 'done')).toHaveLength(60);
    expect(ledger.inProgress()).toHaveLength(0);
    ledger.close();
  }, 60_000);

  it('keeps what was transferred across a restart, and works at 80×24', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-e2e-'));
    app = spawnApp(['demo', '--data-dir', dir, '--lang', 'en'], { cols: 80, rows: 24 });
    await app.waitFor(/0 of [1-9]\d* selected/);
    await app.keys('\x1b[C');
    await app.waitFor('0 of 23 selected');
    await app.keys('q');
    expect(await app.exited()).toBe(0);

    // Add a customer directly, as if transferred earlier; a restart must still show it.
    const company = EmbeddedCompany.open(demoCompanyFile(dir, 2000));
    await company.addCustomer({ number: '9999', name: 'Kvar Efter Omstart AB' });
    await company.close();
    app = spawnApp(['demo', '--data-dir', dir, '--lang', 'en'], { cols: 80, rows: 24 });
    await app.waitFor(/0 of [1-9]\d* selected/);
    await app.keys('\x1b[C', '/', ...'omstart');
    const filtered = await app.waitFor('9999');
    expect(filtered).toContain('Kvar Efter Oms');
    await app.keys('\x03');
    expect(await app.exited()).toBe(0);
    expect(app.bufferType()).toBe('normal');
  }, 60_000);

  it('opened 60 days after it was made (another SEVADM_NOW), opens on rows in every list with its own default dates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-e2e-'));
    app = spawnApp(['demo', '--data-dir', dir, '--lang', 'sv'], { cols: 80, rows: 24 });
    await app.waitFor(/0 av [1-9]\d* markerade/);
    await app.keys('q');
    expect(await app.exited()).toBe(0);

    const later = new Date(TEST_NOW_MS + 60 * 86_400_000).toISOString();
    const since = daysBefore(TEST_NOW_MS, 30);
    app = spawnApp(['demo', '--data-dir', dir, '--lang', 'en'], { env: { SEVADM_NOW: later } });
    await app.waitFor(/0 of [1-9]\d* selected/);
    expect(app.screen()).toContain(`Changed since: ${since}`);
    for (const [tab, header] of [
      ['2', `Changed since: ${since}`],
      ['3', 'Status: Ready for transfer'],
      ['4', `From: ${since}  To: ${localDay(Date.parse(later))}`],
      ['5', `Paid since: ${since}`],
    ] as const) {
      await app.keys(tab);
      await app.waitFor(header);
      await app.waitFor(/0 of [1-9]\d* selected/);
    }
    await app.keys('q');
    expect(await app.exited()).toBe(0);
  }, 60_000);

  it('ended by SIGINT from outside, it gives the terminal back and exits 130 so wrappers see it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-e2e-'));
    app = spawnApp(['demo', '--data-dir', dir, '--lang', 'en'], { cols: 80, rows: 24 });
    await app.waitFor(/0 of [1-9]\d* selected/);
    app.signal('SIGINT');
    expect(await app.exited()).toBe(130);
    expect(app.bufferType()).toBe('normal');
  }, 60_000);

  it('NO_COLOR: no colour at all, and the cursor row, active tab and marks still show', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-e2e-'));
    // Colour codes: foreground or background, the 8/16 colours, 256 and true colour.
    // eslint-disable-next-line no-control-regex -- escape codes are what it looks for
    const COLOUR = /\x1b\[(?:[\d;]*;)?(?:3[0-79]|4[0-79]|9[0-7]|10[0-7]|38;|48;)[\d;]*m/;
    app = spawnApp(['demo', '--data-dir', dir, '--lang', 'en'], { cols: 80, rows: 24, env: { NO_COLOR: '1' } });
    await app.waitFor(/0 of [1-9]\d* selected/);
    await app.keys(' ');
    await app.waitFor(/1 of [1-9]\d* selected/);
    expect(app.raw()).not.toMatch(COLOUR);
    expect(app.raw()).toContain('\x1b[7m');
    expect(app.screen()).toContain('›●');
    await app.keys('q');
    expect(await app.exited()).toBe(0);
    // The same app with colour on does use colour (so the check above can fail).
    app = spawnApp(['demo', '--data-dir', dir, '--lang', 'en'], { cols: 80, rows: 24 });
    await app.waitFor(/0 of [1-9]\d* selected/);
    expect(app.raw()).toMatch(COLOUR);
    await app.keys('q');
    expect(await app.exited()).toBe(0);
  }, 60_000);
});
