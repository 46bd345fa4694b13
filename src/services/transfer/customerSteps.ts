import { collect, firstMatch } from '../severa/index.js';
import type { AdmCustomer } from '../administration/models.js';
import type { AdministrationPort } from '../administration/port.js';
import type { SeveraClient } from '../severa/client.js';
import type { CustomerModel } from '../severa/schemas/index.js';
import {
  addressConflict,
  administrationAddress,
  administrationConflict,
  administrationToSevera,
  type SeveraReferenceData,
  severaConflict,
  severaToAdministration,
} from './customerMapping.js';
import type { TransferStep } from './engine.js';
import type { CustomerMappings } from './mappings.js';
import { TransferRefusal, IncompleteTransfer } from './refusal.js';
import { chunks, NUMBERS_PER_CALL } from './batches.js';

/** Severa customers into Administration; the customer number is the key on both sides. */
export function customersToAdministration(
  administration: AdministrationPort,
  maps: CustomerMappings,
  known: ReadonlyMap<string, AdmCustomer> = new Map(),
): TransferStep<CustomerModel, AdmCustomer> {
  return {
    kind: 'customers',
    direction: 'to-administration',
    sourceId: (c) => c.guid,
    label: (c) => `${c.number ?? '-'} ${c.name}`,
    plannedKey: (c) => (c.number == null ? null : String(c.number)),
    check(c) {
      if (c.number == null)
        throw new TransferRefusal(`"${c.name}" has no customer number in Severa`, { key: 'refusal.noNumber', params: { name: c.name } });
    },
    find: (c) => administration.getCustomer(String(c.number)),
    known,
    async create(c) {
      return (await administration.addCustomer(severaToAdministration(c, maps))).number;
    },
    async update(c, existing) {
      const { changes } = administrationConflict(severaToAdministration(c, maps), existing);
      if (Object.keys(changes).length === 0) return existing.number;
      return (await administration.updateCustomer(existing.number, changes)).number;
    },
    conflictView(c, existing) {
      return { title: `${c.number} ${c.name}`, fields: administrationConflict(severaToAdministration(c, maps), existing).fields };
    },
    async findByPlannedKey(_sourceId, key) {
      return key && (await administration.getCustomer(key)) ? key : null;
    },
  };
}

const NUMERIC = /^\d{1,15}$/;

const ADDRESS = 'head-office-address';

/** Administration customers into Severa: numeric numbers only, and a name no other Severa customer has. */
export function customersToSevera(
  severa: SeveraClient,
  maps: CustomerMappings,
  ref: SeveraReferenceData,
  known: ReadonlyMap<string, CustomerModel> = new Map(),
): TransferStep<AdmCustomer, CustomerModel> {
  // Countries by ISO code, looked up once per run.
  const countries = new Map<string, Promise<string | undefined>>();
  const countryGuid = (code: string | undefined): Promise<string | undefined> => {
    if (!code) return Promise.resolve(undefined);
    if (!countries.has(code))
      countries.set(
        code,
        severa.countryByCode2(code).then((c) => c?.guid),
      );
    return countries.get(code)!;
  };
  // The Severa customer as this run last wrote it, for its address (no second read).
  const written = new Map<string, CustomerModel>();
  const byNumber = async (number: string): Promise<CustomerModel | null> => {
    // Every page is read: the one it is on need not be the first.
    return firstMatch(severa.customers({ numbers: [Number(number)] }), (c) => String(c.number) === number);
  };
  // What prepare read for the whole run: Severa's customers by number (null: none) and by lower-cased name.
  const numbered = new Map<string, CustomerModel | null>();
  const named = new Map<string, CustomerModel[]>();
  return {
    kind: 'customers',
    direction: 'to-severa',
    sourceId: (a) => a.number,
    label: (a) => `${a.number} ${a.name}`,
    plannedKey: (a) => a.number,
    async check(a) {
      if (!NUMERIC.test(a.number)) {
        throw new TransferRefusal(`customer number "${a.number}" is not numeric; Severa takes numeric customer numbers only`, {
          key: 'refusal.notNumeric',
          params: { number: a.number },
        });
      }
      const sameName = (c: CustomerModel) => c.name.toLowerCase() === a.name.toLowerCase() && String(c.number) !== a.number;
      const read = named.get(a.name.toLowerCase());
      const other = read ? read.find(sameName) : await firstMatch(severa.customers({ customerNames: [a.name] }), sameName);
      if (other) {
        const otherId = String(other.number ?? other.guid);
        throw new TransferRefusal(`the name "${a.name}" belongs to Severa customer ${otherId}; names must be unique in Severa`, {
          key: 'refusal.nameTaken',
          params: { name: a.name, other: otherId },
        });
      }
    },
    async prepare(items) {
      const numbers = [...new Set(items.map((a) => a.number).filter((n) => NUMERIC.test(n)))];
      for (const batch of chunks(numbers, NUMBERS_PER_CALL)) {
        const found = new Map((await collect(severa.customers({ numbers: batch.map(Number) }))).map((c) => [String(c.number), c]));
        for (const n of batch) numbered.set(n, found.get(n) ?? null);
      }
      const names = [...new Set(items.map((a) => a.name))];
      for (const batch of chunks(names, NUMBERS_PER_CALL)) {
        const found = await collect(severa.customers({ customerNames: batch }));
        for (const name of batch) named.set(name.toLowerCase(), []);
        for (const c of found) named.get(c.name.toLowerCase())?.push(c);
      }
    },
    find: (a) => (numbered.has(a.number) ? Promise.resolve(numbered.get(a.number)!) : byNumber(a.number)),
    known,
    async create(a) {
      const created = await severa.createCustomer(administrationToSevera(a, maps, ref));
      written.set(a.number, created);
      return String(created.number ?? created.guid);
    },
    async update(a, existing) {
      const { operations } = severaConflict(administrationToSevera(a, maps, ref), existing, ref);
      written.set(a.number, existing);
      if (!operations.length) return String(existing.number);
      return String((await severa.updateCustomer(existing.guid, operations)).number);
    },
    // The head office is an address of its own, added or brought up to date once the customer is written: a step of
    // its own on the ledger, so a run that dies between the two writes, or a refused address, is finished next run.
    followUps: (a) => [{ name: ADDRESS, detail: JSON.stringify(a) }],
    async makeFollowUp(f, fresh) {
      const a = JSON.parse(f.detail) as AdmCustomer;
      let adding = true;
      try {
        const customer = (fresh ? written.get(a.number) : undefined) ?? (await byNumber(f.targetKey));
        const address = administrationAddress(a, await countryGuid(a.countryCode));
        if (!customer || !address) return;
        adding = !customer.headquarterAddress?.guid;
        if (adding) await severa.createCustomerAddress(customer.guid, address);
        else {
          const { operations } = addressConflict(address, customer);
          if (operations.length) await severa.updateAddress(customer.headquarterAddress!.guid!, operations);
        }
      } catch (error) {
        const why = (error as Error).message;
        throw new IncompleteTransfer(
          f.targetKey,
          adding
            ? `created as customer ${f.targetKey}, but its address was not added: ${why}`
            : `updated customer ${f.targetKey}, but its address was not brought up to date: ${why}`,
          { key: adding ? 'refusal.addressNotAdded' : 'refusal.addressNotUpdated', params: { number: f.targetKey } },
          error,
        );
      } finally {
        written.delete(a.number);
      }
    },
    conflictView(a, existing) {
      const customer = severaConflict(administrationToSevera(a, maps, ref), existing, ref).fields;
      const address = addressConflict(administrationAddress(a, undefined), existing).fields;
      return { title: `${a.number} ${a.name}`, fields: [...customer, ...address] };
    },
    async findByPlannedKey(_sourceId, key) {
      return key && (await byNumber(key)) ? key : null;
    },
  };
}
