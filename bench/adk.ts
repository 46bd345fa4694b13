import { AdkAdministration } from '../src/services/administration/adk/adapter.js';
import { fakeAdkLibrary, fakeCompanyFolders } from '../test/helpers/fakeAdk.js';

/**
 * What one ADK call costs through the worker (IPC to the process that owns the library, FFI, Windows-1252),
 * measured on the stand-in library: the adapter's own overhead, not the real Adk.dll's database work.
 */
export async function printAdkBench(customers: number): Promise<void> {
  const adk = await AdkAdministration.open({ library: fakeAdkLibrary(), ...fakeCompanyFolders({ name: 'Mätbolaget AB', variant: 2000 }) });
  try {
    let started = performance.now();
    for (let i = 0; i < customers; i++) await adk.addCustomer({ number: String(100000 + i), name: `Kund ${i} Åkeri AB`, city: 'Örebro' });
    const addMs = performance.now() - started;
    started = performance.now();
    const listed = await adk.listCustomers();
    const listMs = performance.now() - started;
    started = performance.now();
    for (let i = 0; i < 200; i++) await adk.getCustomer(String(100000 + ((i * 37) % customers)));
    const getMs = performance.now() - started;
    console.log(
      `  add one customer (read back): ${(addMs / customers).toFixed(2)} ms each (${Math.round((customers * 1000) / addMs)}/s, ${customers} in a row)`,
    );
    console.log(`  list ${listed.length} customers: ${listMs.toFixed(0)} ms`);
    console.log(`  get one customer by number: ${(getMs / 200).toFixed(2)} ms each`);
  } finally {
    await adk.close();
  }
}
