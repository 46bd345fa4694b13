import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../src/services/transfer/ledger.js';

describe('the ledger', () => {
  it('brings a ledger kept under the old kind names to the one name per kind, history and all', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sevadm-ledger-')), 'ledger.sqlite');
    // What sevadm wrote before the kinds had one name each.
    const old = new Database(file);
    old.exec(`CREATE TABLE ledger (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, direction TEXT NOT NULL, source_id TEXT NOT NULL,
      target_key TEXT, state TEXT NOT NULL, time TEXT NOT NULL, profile TEXT NOT NULL, hash TEXT NOT NULL)`);
    old.exec(`CREATE TABLE history (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, profile TEXT NOT NULL, kind TEXT NOT NULL,
      direction TEXT NOT NULL, source_id TEXT NOT NULL, label TEXT NOT NULL, result TEXT NOT NULL, target_key TEXT, reason TEXT)`);
    const entry = old.prepare(
      'INSERT INTO ledger (kind, direction, source_id, target_key, state, time, profile, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    entry.run('invoice', 'to-administration', 'g-1', '10028', 'done', '2026-11-20T10:00:00.000Z', 'kund-a', 'h');
    entry.run('supplierInvoiceRow', 'to-severa', '7/1', 'fee-1', 'done', '2026-11-20T10:00:00.000Z', 'kund-a', 'h');
    entry.run('customer', 'to-severa', '5001', null, 'in-progress', '2026-11-20T10:00:00.000Z', 'kund-a', 'h');
    const history = old.prepare(
      'INSERT INTO history (time, profile, kind, direction, source_id, label, result) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const kind of ['customer', 'project', 'invoice', 'supplierInvoiceRow', 'payment']) {
      history.run('2026-11-20T10:00:00.000Z', 'kund-a', kind, 'to-severa', 'x', `a ${kind}`, 'created');
    }
    old.close();

    const ledger = new Ledger(file, 'kund-a');
    expect(ledger.lastDone('invoices', 'to-administration', 'g-1')?.targetKey).toBe('10028');
    expect(ledger.lastDone('supplier-invoices', 'to-severa', '7/1')?.targetKey).toBe('fee-1');
    expect(ledger.inProgress('customers').map((e) => e.sourceId)).toEqual(['5001']);
    expect(ledger.history().map((e) => [e.kind, e.label])).toEqual([
      ['customers', 'a customer'],
      ['projects', 'a project'],
      ['invoices', 'a invoice'],
      ['supplier-invoices', 'a supplierInvoiceRow'],
      ['payments', 'a payment'],
    ]);
    ledger.close();
    // Opened again, nothing changes twice.
    const again = new Ledger(file, 'kund-a');
    expect(again.history({ kind: 'payments' })).toHaveLength(1);
    again.close();
  });
});

describe('a ledger file that cannot be used', () => {
  it('is named with what to do, whatever SQLite says', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const Database = (await import('better-sqlite3')).default;
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-ledger-'));
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database, just text that is long enough to look like a header page '.repeat(20));
    expect(() => new Ledger(junk, 'p')).toThrow(`The ledger ${junk} cannot be used: it is not a SQLite database`);
    const foreign = join(dir, 'foreign.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE ledger (id INTEGER PRIMARY KEY, kind TEXT)');
    db.close();
    expect(() => new Ledger(foreign, 'p')).toThrow(new RegExp(`The ledger ${foreign} cannot be used: no such column`));
  });
});
