import { describe, expect, it } from 'vitest';
import { addressLines, administrationAddress, severaToAdministration } from '../../../src/services/transfer/customerMapping.js';
import { customersToSevera } from '../../../src/services/transfer/customerSteps.js';
import { TransferRun } from '../../../src/services/transfer/engine.js';
import { Ledger } from '../../../src/services/transfer/ledger.js';
import { DEMO_CUSTOMER_MAPPINGS } from '../../../src/services/transfer/mappings.js';
import { freshCompanies } from '../../helpers/administration.js';
import { clientFor, sandbox } from '../../helpers/severa.js';

describe('the head-office address', () => {
  it("splits Severa's address text into Administration's two lines, and back", () => {
    expect(addressLines('Storgatan 1\nBox 12\nPlan 3')).toEqual(['Storgatan 1', 'Box 12, Plan 3']);
    expect(addressLines(null)).toEqual([undefined, undefined]);
    const c = {
      guid: 'g',
      name: 'N',
      number: 1,
      headquarterAddress: { guid: 'a', addressline: 'Storgatan 1\nBox 12', postalCode: '111 22', city: 'Stockholm', country: 'Sweden' },
    };
    expect(severaToAdministration(c, DEMO_CUSTOMER_MAPPINGS)).toMatchObject({
      mailingAddress: 'Storgatan 1',
      mailingAddress2: 'Box 12',
      zipCode: '111 22',
      city: 'Stockholm',
    });
    expect(
      administrationAddress({ number: '1', name: 'N', mailingAddress: 'Storgatan 1', mailingAddress2: 'Box 12', timestamp: '' }, 'se'),
    ).toMatchObject({ addressline: 'Storgatan 1\nBox 12', country: { guid: 'se' }, isPostalAddress: true });
    expect(administrationAddress({ number: '1', name: 'N', timestamp: '' }, 'se')).toBeUndefined();
  });

  it('goes to Severa with a new customer (country by its code), and an Update changes it there', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    const { port } = await freshCompanies();
    await port.addCustomer({
      number: '6200',
      name: 'Ödeshögs Snickeri AB',
      mailingAddress: 'Hantverkargatan 7',
      zipCode: '599 31',
      city: 'Ödeshög',
      countryCode: 'SE',
      telephone: '0144-123 45',
      currencyCode: 'SEK',
    });
    const ref = { currencies: await client.currencies(), languages: [] };
    const first = await new TransferRun({
      items: [(await port.getCustomer('6200'))!],
      step: customersToSevera(client, DEMO_CUSTOMER_MAPPINGS, ref),
      ledger: new Ledger(':memory:', 'test'),
      onEvent: () => {},
      askConflict: async () => ({ decision: 'skip', applyToRemaining: true }),
    }).run();
    expect(first.transferred).toBe(1);
    const created = s.store.data.customers.find((c) => c.number === 6200)!;
    expect(created.headquarterAddress).toMatchObject({
      addressline: 'Hantverkargatan 7',
      postalCode: '599 31',
      city: 'Ödeshög',
      country: 'Sweden',
    });
    const [address] = await client.customerAddresses(created.guid);
    expect(address).toMatchObject({ phone: '0144-123 45', isPostalAddress: true, country: { englishName: 'Sweden' } });

    await port.updateCustomer('6200', { city: 'Mjölby', zipCode: '595 30' });
    const views: string[][] = [];
    const second = await new TransferRun({
      items: [(await port.getCustomer('6200'))!],
      step: customersToSevera(client, DEMO_CUSTOMER_MAPPINGS, ref),
      ledger: new Ledger(':memory:', 'test'),
      onEvent: () => {},
      askConflict: async (q) => (
        views.push(q.view.fields.filter((f) => f.changes).map((f) => f.label)),
        { decision: 'update', applyToRemaining: true }
      ),
    }).run();
    expect(second.updated).toBe(1);
    expect(views).toEqual([['postalCode', 'city']]);
    expect(s.store.data.customers.find((c) => c.number === 6200)!.headquarterAddress).toMatchObject({
      postalCode: '595 30',
      city: 'Mjölby',
      addressline: 'Hantverkargatan 7',
    });
    expect(await client.customerAddresses(created.guid)).toHaveLength(1);
  });

  it('the sandbox: unknown country and customer are refused, countries are found by code', async () => {
    const s = await sandbox();
    const client = clientFor(s);
    expect((await client.countryByCode2('se'))?.englishName).toBe('Sweden');
    expect(await client.countryByCode2('XX')).toBeNull();
    const customer = s.store.data.customers[0]!;
    await expect(client.createCustomerAddress(customer.guid, { city: 'X', country: { guid: 'no-such-country' } })).rejects.toThrow(
      /country.guid/,
    );
    await expect(client.createCustomerAddress('00000000-0000-4000-8000-000000000000', { city: 'X' })).rejects.toThrow(/404|not found/i);
    // Seeded customers have their head office as an address already.
    expect((await client.customerAddresses(customer.guid))[0]?.guid).toBe(customer.headquarterAddress?.guid);
  });
});

describe('conflict dialog labels', () => {
  it('every field a customer conflict can show has a label in both catalogues', async () => {
    const { isMessageKey, translator } = await import('../../../src/i18n/index.js');
    const { administrationConflict, severaConflict, addressConflict } = await import('../../../src/services/transfer/customerMapping.js');
    const customer = { guid: 'g', name: 'N', number: 1 };
    const labels = [
      ...administrationConflict({ number: '1', name: 'N' }, { number: '1', name: 'N', timestamp: '' }).fields,
      ...severaConflict({ name: 'N' }, customer, { currencies: [], languages: [] }).fields,
      ...addressConflict(undefined, customer).fields,
    ].map((f) => `field.${f.label}`);
    expect(labels.filter((k) => !isMessageKey(k))).toEqual([]);
    for (const k of labels) expect(translator('sv')(k as never)).not.toBe(k);
  });
});
