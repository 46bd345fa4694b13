import { describe, expect, it } from 'vitest';
import { fetchChoices } from '../../../src/services/setup/choices.js';
import { testAdministration, testSevera } from '../../../src/services/setup/connectionTest.js';
import { SEVADM_SCOPES } from '../../../src/services/severa/environments.js';
import { DEMO_CUSTOMER_MAPPINGS } from '../../../src/services/transfer/mappings.js';
import { freshCompanies } from '../../helpers/administration.js';
import { clientFor, sandbox } from '../../helpers/severa.js';

describe('what the settings screen offers from both sides', () => {
  it('lists each side’s codes and reports product codes with no article', async () => {
    const s = await sandbox();
    s.store.data.products[0]!.code = 'NYTT-01';
    s.store.data.customers[0]!.paymentTerm = 45;
    const { port } = await freshCompanies();
    const choices = await fetchChoices(clientFor(s), port, DEMO_CUSTOMER_MAPPINGS);
    expect(choices.problems).toEqual({});
    expect(choices.severa.languages).toEqual(['en-GB', 'sv-SE']);
    expect(choices.severa.paymentTermDays).toContain(45);
    expect(choices.severa.vatRates).toEqual([0, 6, 12, 25]);
    expect(choices.severa.invoiceStatuses).toContain('Ready for transfer');
    expect(choices.severa.invoiceStatuses).not.toContain('Cancelled');
    expect(choices.severa.costCentres.map((c) => c.code)).toEqual(s.store.data.costCenters.map((c) => c.identifier));
    expect(choices.administration.languages.map((l) => l.code)).toEqual(expect.arrayContaining(['SV', 'EN']));
    expect(choices.administration.profitCentres.length).toBeGreaterThan(0);
    expect(choices.productsWithoutArticle.map((p) => p.code)).toEqual(['NYTT-01']);
    await port.close();
  });

  it('leaves a side it cannot read empty, with the reason, and still reads the other', async () => {
    const { port } = await freshCompanies();
    const choices = await fetchChoices(undefined, port, DEMO_CUSTOMER_MAPPINGS);
    expect(choices.problems.severa).toBe('not configured');
    expect(choices.administration.currencies.length).toBeGreaterThan(0);
    await port.close();
  });

  it('tests Severa step by step: reachable, token, organisation, granted scopes', async () => {
    const s = await sandbox({ grantedScopes: SEVADM_SCOPES.filter((x) => x !== 'fees:write') });
    const ok = await testSevera(clientFor(s, { scopes: SEVADM_SCOPES.filter((x) => x !== 'fees:write') }));
    expect(ok).toMatchObject({ reachable: true, authorized: true, organisation: 'Norrsken Konsult AB', missingScopes: ['fees:write'] });
    const refused = await testSevera(clientFor(s, { clientSecret: 'wrong' }));
    expect(refused.reachable).toBe(true);
    expect(refused.authorized).toBe(false);
    expect(refused.error).toBeTruthy();
    expect(JSON.stringify(refused)).not.toContain('wrong');
    const { small } = await freshCompanies();
    expect(await testAdministration(small)).toMatchObject({ ok: true, variant: 500, name: 'Lilla Verkstaden AB' });
    await small.close();
    expect(await testAdministration(small)).toMatchObject({ ok: false });
  });
});
