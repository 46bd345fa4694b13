import { describe, expect, it } from 'vitest';
import type { RowStatus } from '../src/services/transfer/engine.js';
import { Ledger } from '../src/services/transfer/ledger.js';
import { DEMO_CUSTOMER_MAPPINGS } from '../src/services/transfer/mappings.js';
import { Session } from '../src/session.js';
import { translator } from '../src/i18n/index.js';
import { demoSession } from './helpers/session.js';
import type { AdmCustomer } from '../src/services/administration/models.js';
import { freshCompanies } from './helpers/administration.js';
import { clientFor, sandbox } from './helpers/severa.js';

describe('session', () => {
  it("loads both lists changed since a date, and words refusals and ADK errors in the user's language", async () => {
    const s = await sandbox();
    const { port } = await freshCompanies();
    let session: Session | undefined;
    const log: string[] = [];
    const severa = clientFor(s, { onEvent: (e) => session?.severaEvent(e) });
    session = new Session({ severa, administration: port, ledger: new Ledger(':memory:', 't'), mappings: DEMO_CUSTOMER_MAPPINGS });
    session.onLog((_level, text) => log.push(text));
    expect(await session.connectSevera()).toEqual({ state: 'connected', name: 'Norrsken Konsult AB' });
    expect((await session.connectAdministration()).name).toBe('Övningsbolaget AB (2000)');
    expect((await session.load('severa-customers', { since: '2025-01-01' })).records).toHaveLength(64);
    const admCustomers = (await session.load('administration-customers', { since: '2000-01-01' })).records as AdmCustomer[];
    expect(admCustomers.map((c) => c.number)).toContain('K-200');

    const statuses = new Map<string, RowStatus>();
    await session.transfer(
      'administration-customers',
      ['K-200'],
      (e) => e.type === 'status' && statuses.set(e.id, e.status),
      async () => ({ decision: 'skip', applyToRemaining: false }),
      'sv',
    );
    expect(statuses.get('K-200')).toMatchObject({ kind: 'error', message: expect.stringContaining('inte numeriskt') });

    // A Severa customer whose name is too long for Administration: the ADK's own words, in Swedish.
    const long = s.store.data.customers.find((c) => !admCustomers.some((a) => a.number === String(c.number)))!;
    long.name = 'Ett mycket långt kundnamn som inte ryms i Administration AB';
    await session.load('severa-customers', { since: '2025-01-01' });
    await session.transfer(
      'severa-customers',
      [long.guid],
      (e) => e.type === 'status' && statuses.set(e.id, e.status),
      async () => ({ decision: 'skip', applyToRemaining: false }),
      'sv',
    );
    expect(statuses.get(long.guid)).toMatchObject({ kind: 'error', message: expect.stringContaining('För många tecken') });

    // The Severa client's retries reach the log.
    s.faults.set({ burst5xx: 1 });
    await session.load('severa-customers', { since: '2025-01-01' });
    expect(log.some((l) => /retry 1/.test(l))).toBe(true);
    expect(session.details('severa-customers', long.guid, { t: translator('sv'), loaded: undefined })).toEqual(
      expect.arrayContaining([['Namn', long.name]]),
    );

    // Both runs are in the history, newest first, failures included.
    const history = session.history('2000-01-01');
    expect(history.map((e) => e.result)).toEqual(['failed', 'failed']);
    expect(history[1]!.reason).toContain('inte numeriskt');
  });
});

describe('session: projects on a variant-500 company', () => {
  it('lists the Severa projects under a banner that says why they cannot go', async () => {
    const { session } = await demoSession('small');
    const result = await session.load('projects', { since: '2000-01-01' }, 'sv');
    expect(result.records).toHaveLength(44);
    expect(result.banner).toBe('Projekt kräver Visma Administration 1000 eller 2000; detta företag är 500.');
  });

  it('marks on load the projects that cannot go, with the reason', async () => {
    const s = await sandbox();
    const { port } = await freshCompanies();
    const session = new Session({
      severa: clientFor(s),
      administration: port,
      ledger: new Ledger(':memory:', 't'),
      mappings: DEMO_CUSTOMER_MAPPINGS,
    });
    const result = await session.load('projects', { since: '2000-01-01' });
    const closed = s.store.data.projects.find((p) => p.isClosed)!;
    expect(new Map(result.statuses).get(closed.guid)).toEqual({ kind: 'error', message: 'project is closed' });
    expect(result.banner).toBeUndefined();
  });
});
