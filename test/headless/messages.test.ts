import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProfileName, ProfileStore } from '../../src/config/profiles.js';
import { readSettingsFile } from '../../src/config/transferSettingsFile.js';
import { UsageError } from '../../src/errors.js';
import { runTransferCommand } from '../../src/headless/transfer.js';
import { SeveraStore } from '../../src/sandbox/severa/store.js';

const demo = () => ['--demo', '--data-dir', mkdtempSync(join(tmpdir(), 'sevadm-msg-'))];

describe('bad input names the option or file and what it takes', () => {
  it('--select that names no row, or thousands of unknown ones', async () => {
    for (const select of [',,,', '   ']) {
      await expect(runTransferCommand(['projects', '--select', select, ...demo()], () => {})).rejects.toThrow(
        new UsageError(`--select names no row ("${select}"): give all, or numbers/ids separated by commas`),
      );
    }
    const many = Array.from({ length: 10_000 }, (_, i) => String(900_000 + i)).join(',');
    const error = await runTransferCommand(['projects', '--select', many, ...demo()], () => {}).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^--select: no row 900000, 900001, .* and 9990 more in the list/);
    expect((error as Error).message.length).toBeLessThan(300);
  }, 30_000);

  it('a profile name that cannot be one', () => {
    for (const name of ['bad/name', '__proto__', 'constructor', '', 'x'.repeat(41)])
      expect(() => checkProfileName(name)).toThrow(/a profile name is 1–40 letters, digits, \. _ or -/);
    expect(checkProfileName('kund-a.2026')).toBe('kund-a.2026');
  });

  it('a damaged sandbox data file, naming the file and where it is damaged', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sevadm-msg-')), 'severa.json');
    writeFileSync(file, JSON.stringify({ version: 1, customers: [{}] }));
    expect(() => SeveraStore.open({ file, anchor: 0 })).toThrow(new RegExp(`^Severa sandbox data file ${file} is damaged at organization`));
  });

  it('a profiles file that is an array, or whose default names no profile; a settings file with a key it does not know', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevadm-msg-'));
    writeFileSync(join(dir, 'profiles.json'), '[]');
    expect(() => new ProfileStore({ cwd: dir }).read()).toThrow(/profiles\.json must hold an object \{"profiles": \{…\}\}, not an array/);
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify({ profiles: {}, defaultProfile: 'ghost' }));
    expect(() => new ProfileStore({ cwd: dir }).defaultName()).toThrow(/defaultProfile "ghost" names no profile/);
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ mappings: { vat: [] } }));
    expect(() => readSettingsFile(settings)).toThrow(new RegExp(`^${settings}: "mappings" Unrecognized key: "vat"`));
  });
});
