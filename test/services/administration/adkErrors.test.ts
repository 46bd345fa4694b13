import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdkAdministration } from '../../../src/services/administration/adk/adapter.js';
import { type AdkCallError, AdkLibrary, fromAdkText, toAdkText } from '../../../src/services/administration/adk/library.js';
import { locateAdkLibrary, parseRegQuery } from '../../../src/services/administration/adk/locate.js';
import { AdministrationError } from '../../../src/services/administration/errors.js';
import { hasProjects } from '../../../src/services/administration/models.js';
import { fakeAdkLibrary, fakeCompanyFolders } from '../../helpers/fakeAdk.js';
import { adkError } from './portContract.js';

const CURRENCY_SEK: [number, Record<number, string | number>] = [17, { 0: 'SEK', 1: 'Sverige', 2: 1, 4: 1 }];

async function opened(setup: Parameters<typeof fakeCompanyFolders>[0], login?: { user: string; password: string }) {
  const folders = fakeCompanyFolders(setup);
  return AdkAdministration.open({ library: fakeAdkLibrary(), ...folders, login });
}

describe('ADK adapter: opening a company', () => {
  it('names a wrong Gemensamma filer folder (137) and a wrong company folder (116), with where to look', async () => {
    const library = fakeAdkLibrary();
    const folders = fakeCompanyFolders({ name: 'Övningsbolaget AB', variant: 2000 });
    const common = await adkError(AdkAdministration.open({ library, ...folders, commonFiles: join(folders.commonFiles, 'saknas') }), 137);
    expect(common.detail).toMatch(/is not the Gemensamma filer folder; .*Hjälp › Om Visma Administration › Systeminfo/);
    const company = await adkError(AdkAdministration.open({ library, ...folders, company: join(folders.company, '..', 'Okänt') }), 116);
    expect(company.detail).toContain('Okänt" is not a company folder');
  });

  it('refuses a DLL of another version than the installed program (132, 133, 223) and says what to copy', async () => {
    const library = fakeAdkLibrary();
    for (const [programVersion, code] of [
      ['2025.1', 132],
      ['2027.1', 133],
      ['2026.2', 223],
    ] as const) {
      const folders = fakeCompanyFolders({ name: 'Övningsbolaget AB', variant: 2000, programVersion });
      const error = await adkError(AdkAdministration.open({ library, ...folders }), code);
      expect(error.detail).toBe(
        `Adk.dll is version 2026.1, Visma Administration ${programVersion}: copy Adk.dll from the Administration program folder (or leave the library path empty to use the installed one)`,
      );
    }
  });

  it('names every variant Adk.h has; one without projects (500, 200, Förening, unknown) refuses them, never taken for 2000', async () => {
    for (const [setting, variant] of [
      [2000, 2000],
      [1000, 1000],
      [500, 500],
      [200, 200],
      [4, 'Förening'],
      [9, 'unknown'],
    ] as const) {
      const adk = await opened({ name: 'Bolaget AB', variant: setting });
      try {
        expect((await adk.companyInfo()).variant).toBe(variant);
        if (hasProjects(variant)) expect(await adk.listProjects()).toEqual([]);
        else await adkError(adk.listProjects(), 278);
      } finally {
        await adk.close();
      }
    }
  });

  it('says clearly when the library is missing or will not load', async () => {
    const missing = await adkError(
      AdkAdministration.open({ library: '/nowhere/Adk.dll', ...fakeCompanyFolders({ name: 'X', variant: 2000 }) }),
      -10,
    );
    expect(missing.detail).toContain('/nowhere/Adk.dll');
    expect(() => locateAdkLibrary('/nowhere/Adk.dll', { exists: () => false })).toThrow(AdministrationError);
    expect(() => locateAdkLibrary(undefined, { platform: 'linux' })).toThrow(/only on the Windows host/);
    expect(() => locateAdkLibrary(undefined, { platform: 'win32', registry: () => undefined })).toThrow(/not installed here/);
    const registered = 'C:\\Program Files (x86)\\SPCS\\SPCS Administration\\Adk.dll';
    expect(locateAdkLibrary(undefined, { platform: 'win32', registry: () => registered, exists: (p) => p === registered })).toBe(
      registered,
    );
    expect(() => locateAdkLibrary(undefined, { platform: 'win32', registry: () => registered, exists: () => false })).toThrow(
      /registry names .* no such file/,
    );
    expect(
      parseRegQuery(
        `\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\SpcsAdm.Exe\r\n    AdkDll    REG_SZ    ${registered}\r\n\r\n`,
      ),
    ).toBe(registered);
  });

  it('opens with AdkOpen2 when login is turned on: none (674), wrong (676), right', async () => {
    const setup = { name: 'Lösen AB', variant: 2000 as const, login: { user: 'anna', password: 'hemligt' } };
    await adkError(opened(setup), 674);
    await adkError(opened(setup, { user: 'anna', password: 'fel' }), 676);
    const adk = await opened(setup, { user: 'anna', password: 'hemligt' });
    expect((await adk.companyInfo()).name).toBe('Lösen AB');
    await adk.close();
  });
});

describe('ADK adapter: text and calls', () => {
  it('keeps å, ä, ö and é both ways as Windows-1252 (one byte each: 50 Swedish letters fit a 50-byte name)', async () => {
    expect([...toAdkText('Åäöé')]).toEqual([0xc5, 0xe4, 0xf6, 0xe9, 0]);
    expect(fromAdkText(Buffer.from([0xd6, 0x72, 0x65, 0x62, 0x72, 0x6f, 0, 0x41]))).toBe('Örebro');
    const adk = await opened({ name: 'Åkeri & Café Ö AB', variant: 2000, registers: [CURRENCY_SEK] });
    try {
      expect((await adk.companyInfo()).name).toBe('Åkeri & Café Ö AB');
      const name = 'Åsa Öberg Café Ängelholm Ödeshög Älvsjö Åre Överum';
      const fifty = 'å'.repeat(25) + 'Ö'.repeat(25);
      await adk.addCustomer({
        number: '8001',
        name,
        city: 'Göteborg',
        currencyCode: 'SEK',
        notes: 'Fakturan går till ekonomiavdelningen – märk med PO',
      });
      await adk.addCustomer({ number: '8002', name: fifty });
      expect(await adk.getCustomer('8001')).toMatchObject({
        name,
        city: 'Göteborg',
        notes: 'Fakturan går till ekonomiavdelningen – märk med PO',
      });
      expect((await adk.getCustomer('8002'))?.name).toBe(fifty);
      await adkError(adk.addCustomer({ number: '8003', name: `${fifty}é` }), 180, 'name');
      // The ADK's own error text, Windows-1252 in the DLL, arrives readable.
      const missing = await adkError(adk.addCustomer({ number: '8004', name: 'Valuta AB', currencyCode: 'NOK' }), 43, 'currencyCode');
      expect(missing.detail).toBe('Ogiltig valutakod');
    } finally {
      await adk.close();
    }
  });

  it('takes many calls at once and runs them one at a time, none lost', async () => {
    const adk = await opened({ name: 'Samtidigt AB', variant: 2000 });
    try {
      const numbers = Array.from({ length: 40 }, (_, i) => String(9000 + i));
      await Promise.all(numbers.map((number) => adk.addCustomer({ number, name: `Kund ${number}` })));
      const listed = await adk.listCustomers();
      expect(listed.map((c) => c.number)).toEqual(numbers);
      expect(new Set(listed.map((c) => c.timestamp)).size).toBe(40);
    } finally {
      await adk.close();
    }
  });

  it('a worker that dies fails its call with "may have been saved", then answers 80', async () => {
    const adk = await opened({ name: 'Krasch AB', variant: 2000 });
    const call = adk.addCustomer({ number: '1', name: 'Kanske sparad AB' });
    // Killed in the same turn: the call is in flight when the worker goes.
    await Promise.resolve();
    (adk as unknown as { child: { kill(signal: string): void } }).child.kill('SIGKILL');
    const error = await call.then(
      () => undefined,
      (e: unknown) => e as AdministrationError,
    );
    expect(error?.code).toBe(-11);
    expect(error?.mayHaveBeenApplied).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    await adkError(adk.listCustomers(), 80);
  });

  it('reads its dates through the ADK both ways', () => {
    const lib = new AdkLibrary(fakeAdkLibrary());
    expect(lib.longToDate(lib.dateToLong('2026-11-28'))).toBe('2026-11-28');
    expect(lib.longToDateTime(lib.dateTimeToLong('2026-11-28 13:45:07'))).toBe('2026-11-28 13:45:07');
  });

  it("answers with Adk.h's closer codes: a bad date 138, a null data handle 107, a row index out of range 111", () => {
    const lib = new AdkLibrary(fakeAdkLibrary());
    const rc = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        return (error as AdkCallError).rc;
      }
      return 0;
    };
    expect(rc(() => lib.dateToLong('2026-02-30'))).toBe(138);
    expect(rc(() => lib.dateToLong('2028-02-29'))).toBe(0);
    expect(rc(() => lib.setSortOrder(null, 0))).toBe(107);
    const invoice = lib.createData(6);
    expect(rc(() => lib.getRow(invoice, 103, 5))).toBe(111);
    lib.deleteData(invoice);
  });
});
