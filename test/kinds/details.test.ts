import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { demoSession } from '../helpers/session.js';
import { kindOf, LIST_IDS } from '../../src/kinds/index.js';
import type { AdmSupplierInvoice } from '../../src/services/administration/models.js';

// What the API calls its fields: none of it may reach the details view.
const RAW = /\bguid\b|isInternal|isActive|lastUpdatedDateTime|createdDateTime|sourceId|to-severa|to-administration|\w+: \w+, \w+:|\[object/;

describe('the details view of every list', () => {
  it("labels each field in the user's language, never with the API's own keys", async () => {
    const { session } = await demoSession();
    const statuses = await session.invoiceStatuses();
    for (const list of LIST_IDS) {
      // Invoices in a status that has invoice numbers (a draft has none yet).
      let records: unknown[] = [];
      for (const status of list === 'invoices' ? statuses : [undefined]) {
        records = (await session.load(list, { since: '2000-01-01', until: '2100-01-01', statusGuid: status?.guid })).records;
        if (records.length && (list !== 'invoices' || (records[0] as { number?: number }).number)) break;
      }
      expect(records.length, list).toBeGreaterThan(0);
      for (const lang of ['en', 'sv'] as const) {
        const t = translator(lang);
        const id = kindOf(list).id(records[0] as never);
        const lines = session.details(list, id, { t, loaded: undefined });
        expect(lines.length, `${list} ${lang}`).toBeGreaterThan(2);
        for (const [label, value] of lines) {
          expect(`${label} ${value}`, `${list} ${lang}`).not.toMatch(RAW);
          expect(value, `${list} ${lang}: ${label}`).not.toBe('');
        }
        const labels = lines.map(([label]) => label).filter(Boolean);
        // Swedish screens say it in Swedish: the labels differ from the English ones.
        if (lang === 'sv')
          expect(labels).toContain(list === 'payments' ? 'Faktura' : list === 'supplier-invoices' ? 'Löpnummer' : 'Nummer');
        else expect(labels, list).toContain(list === 'payments' ? 'Invoice' : list === 'supplier-invoices' ? 'Given number' : 'Number');
      }
    }
  });

  it('shows a supplier invoice with one line per row: text, account, project, article and amount', async () => {
    const { session } = await demoSession();
    const { records } = await session.load('supplier-invoices', { since: '2000-01-01', until: '2100-01-01' });
    const invoice = (records as AdmSupplierInvoice[]).find((i) => i.rows.length > 1)!;
    const lines = session.details('supplier-invoices', String(invoice.givenNumber), { t: translator('sv'), loaded: undefined });
    const first = lines.findIndex(([label]) => label === 'Rader');
    const rowLines = lines.slice(first, first + invoice.rows.length);
    expect(rowLines).toHaveLength(invoice.rows.length);
    invoice.rows.forEach((row, i) => {
      const [label, text] = rowLines[i]!;
      expect(label).toBe(i === 0 ? 'Rader' : '');
      expect(text).toContain(`${row.position}.`);
      if (row.accountNumber) expect(text).toContain(`konto ${row.accountNumber}`);
      if (row.articleNumber) expect(text).toContain(`artikel ${row.articleNumber}`);
      expect(text).toContain(row.amount.toLocaleString('sv-SE', { minimumFractionDigits: 2 }));
    });
  });
});
