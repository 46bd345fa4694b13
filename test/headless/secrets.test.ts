import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBridgeServer } from '../../src/services/administration/bridge/server.js';
import { freshCompanies } from '../helpers/administration.js';
import { sandbox } from '../helpers/severa.js';

const SECRET = 'top-secret-severa-Ö9x7';
const TOKEN = 'bridge-token-never-shown-4711';

function run(args: string[], env: Record<string, string>, stdin?: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/sevadm.js', ...args], {
      env: { ...process.env, ...env },
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('secrets', () => {
  it('the Severa secret and the bridge token appear in no output, log, ledger or history file', async () => {
    const s = await sandbox({ clientSecret: SECRET });
    const { port } = await freshCompanies();
    const bridge = await startBridgeServer({ company: port, token: TOKEN });
    const home = mkdtempSync(join(tmpdir(), 'sevadm-home-'));
    const env = {
      HOME: home,
      XDG_DATA_HOME: join(home, 'data'),
      SEVADM_SEVERA_BASE_URL: s.url,
      SEVADM_SEVERA_CLIENT_ID: s.clientId,
      SEVADM_SEVERA_CLIENT_SECRET: SECRET,
      SEVADM_BRIDGE_URL: bridge.url,
      SEVADM_BRIDGE_TOKEN: TOKEN,
    };
    try {
      const outputs = [
        await run(['transfer', 'customers', '--changed-since', '2000-01-01', '--select', 'all', '--json'], env),
        await run(['transfer', 'customers', '--direction', 'to-severa', '--changed-since', '2000-01-01', '--select', 'all'], env),
        await run(['doctor'], env),
        await run(['history', '--csv'], env),
        await run([], env),
        // A profile holding both secrets (entered on standard input), used without any SEVADM_* variable.
        await run(
          ['profile', 'add', 'kund', '--severa-url', s.url, '--client-id', s.clientId, '--bridge-url', bridge.url, '--secrets-from-stdin'],
          { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data') },
          `${SECRET}\n${TOKEN}\n`,
        ),
        await run(['transfer', 'customers', '--profile', 'kund', '--changed-since', '2000-01-01', '--select', 'all', '--dry-run'], {
          HOME: home,
          XDG_CONFIG_HOME: join(home, 'config'),
          XDG_DATA_HOME: join(home, 'data'),
          SEVADM_SEVERA_BASE_URL: '',
          SEVADM_SEVERA_CLIENT_ID: '',
          SEVADM_SEVERA_CLIENT_SECRET: '',
          SEVADM_BRIDGE_URL: '',
          SEVADM_BRIDGE_TOKEN: '',
        }),
        await run(['profile', 'list'], { HOME: home, XDG_CONFIG_HOME: join(home, 'config') }),
        // Wrong credentials: the error must still not echo what was sent.
        await run(['transfer', 'customers', '--select', 'all'], {
          ...env,
          SEVADM_SEVERA_CLIENT_SECRET: `${SECRET}-wrong`,
          SEVADM_BRIDGE_TOKEN: `${TOKEN}-wrong`,
        }),
      ];
      expect(outputs[0]!.code).toBe(0);
      expect(outputs[6]!.code).toBe(0);
      expect(outputs[6]!.output.trim().split('\n').at(-1)).toMatch(
        /^Plan: 0 would be created, 0 would be updated, \d+ skipped, 0 refused$/,
      );
      expect(outputs[8]!.code).not.toBe(0);
      for (const { output } of outputs) {
        expect(output).not.toContain(SECRET);
        expect(output).not.toContain(TOKEN);
      }
      const files = readdirSync(join(home, 'data'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const content = readFileSync(join(f.parentPath, f.name)).toString('latin1');
        expect(content).not.toContain(TOKEN);
        expect(content).not.toContain('top-secret-severa');
      }
    } finally {
      await bridge.close();
      await port.close();
    }
  }, 90_000);

  it.skipIf(process.platform === 'win32')(
    "everything sevadm writes is the user's alone: files 0600, directories 0700",
    async () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'sevadm-perm-')), 'demo');
      const { code } = await run(['transfer', 'projects', '--select', 'all', '--demo', '--data-dir', dir], {});
      expect(code).toBe(1);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      const files = readdirSync(dir).filter((f) => /\.(sqlite|json)$/.test(f));
      expect(files).toEqual(expect.arrayContaining(['ledger.sqlite', 'administration-2000.sqlite', 'severa.json']));
      for (const f of files) expect(statSync(join(dir, f)).mode & 0o077, f).toBe(0);
    },
    30_000,
  );
});
