import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('an unexpected error is one line naming the log file, never a stack trace, exit 1', () => {
    const data = mkdtempSync(join(tmpdir(), 'sevadm-msg-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      XDG_DATA_HOME: data,
      XDG_CONFIG_HOME: data,
      SEVADM_BRIDGE_URL: 'http://127.0.0.1:9',
      SEVADM_BRIDGE_TOKEN: 'x'.repeat(24),
    };
    delete env.CI;
    const ran = spawnSync(process.execPath, ['bin/sevadm.js', 'transfer', 'projects', '--select', 'all'], { env, encoding: 'utf8' });
    expect(ran.status).toBe(1);
    const lines = ran.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sevadm: .*\(details in .*sevadm-errors\.log\)$/);
    expect(ran.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(data, 'sevadm', 'sevadm-errors.log'), 'utf8')).toMatch(/sevadm transfer\n/);
  }, 30_000);

  it('a TLS file of the bridge that is missing or no PEM names its option', async () => {
    const { runBridgeCommand } = await import('../../src/bridge/main.js');
    const tls = (cert: string) => [
      '--listen',
      '0.0.0.0:0',
      '--allow-remote',
      '--tls-cert',
      cert,
      '--tls-key',
      cert,
      '--data-dir',
      mkdtempSync(join(tmpdir(), 'sevadm-msg-')),
    ];
    await expect(runBridgeCommand(tls('/nowhere/cert.pem'))).rejects.toThrow('--tls-cert /nowhere/cert.pem: no such file');
    const notPem = join(mkdtempSync(join(tmpdir(), 'sevadm-msg-')), 'cert.pem');
    writeFileSync(notPem, 'hello');
    await expect(runBridgeCommand(tls(notPem))).rejects.toThrow(`--tls-cert ${notPem} is not a PEM file`);
  });
});
