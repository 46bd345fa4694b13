import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from '../cliOptions.js';
import { Profile, ProfileStore } from '../config/profiles.js';
import { resolveSeveraBaseUrl } from '../services/severa/environments.js';

export const PROFILE_USAGE = `sevadm profile list
sevadm profile add NAME --severa-url production|stage|URL --client-id ID --bridge-url URL [--secrets-from-stdin]
sevadm profile remove NAME
sevadm profile default NAME
  One profile per client company. Secrets (the Severa client secret, the bridge token) are never given on the
  command line: they come from SEVADM_SEVERA_CLIENT_SECRET and SEVADM_BRIDGE_TOKEN, or with --secrets-from-stdin
  as two lines on standard input; they are stored in the profiles file (mode 0600) and never shown again.`;

function secretsFromStdin(): { clientSecret?: string; bridgeToken?: string } {
  const [clientSecret, bridgeToken] = readFileSync(0, 'utf8').split(/\r?\n/);
  return { clientSecret: clientSecret?.trim() || undefined, bridgeToken: bridgeToken?.trim() || undefined };
}

export async function runProfileCommand(argv: string[], out: (line: string) => void = console.log, store = new ProfileStore()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { 'severa-url': { type: 'string' }, 'client-id': { type: 'string' }, 'bridge-url': { type: 'string' }, 'secrets-from-stdin': { type: 'boolean' } },
  });
  const [action, name] = positionals;
  switch (action) {
    case 'list': {
      const file = store.read();
      for (const [profileName, p] of Object.entries(file.profiles)) {
        const secret = p.severa?.clientSecret ? 'secret set' : 'no secret';
        const token = p.administration?.bridgeToken ? 'token set' : 'no token';
        out(`${profileName === file.defaultProfile ? '*' : ' '} ${profileName}: Severa ${p.severa?.baseUrl ?? '-'} (${p.severa?.clientId ?? '-'}, ${secret}); bridge ${p.administration?.bridgeUrl ?? '-'} (${token})`);
      }
      if (Object.keys(file.profiles).length === 0) out('No profiles yet: sevadm profile add NAME …');
      out(`(${store.path})`);
      return 0;
    }
    case 'add': {
      if (!name) throw new UsageError('sevadm profile add needs a NAME');
      const secrets = values['secrets-from-stdin'] ? secretsFromStdin() : { clientSecret: process.env.SEVADM_SEVERA_CLIENT_SECRET, bridgeToken: process.env.SEVADM_BRIDGE_TOKEN };
      let severaUrl: string | undefined;
      if (values['severa-url']) {
        try {
          severaUrl = resolveSeveraBaseUrl(values['severa-url']);
        } catch (error) {
          throw new UsageError(`--severa-url: ${(error as Error).message}`);
        }
      }
      if (Boolean(severaUrl) !== Boolean(values['client-id'])) throw new UsageError('--severa-url and --client-id go together');
      const profile: Profile = {
        severa: severaUrl ? { baseUrl: severaUrl, clientId: values['client-id']!, clientSecret: secrets.clientSecret } : undefined,
        administration: values['bridge-url'] ? { bridgeUrl: values['bridge-url'], bridgeToken: secrets.bridgeToken } : undefined,
      };
      const checked = Profile.safeParse(profile);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        // Never echo the value: it may be a secret.
        throw new UsageError(`profile ${name}: "${issue.path.join('.')}" ${issue.message}`);
      }
      store.put(name, checked.data);
      out(`profile ${name} saved in ${store.path}`);
      return 0;
    }
    case 'remove':
      if (!name) throw new UsageError('sevadm profile remove needs a NAME');
      store.remove(name);
      out(`profile ${name} removed`);
      return 0;
    case 'default':
      if (!name) throw new UsageError('sevadm profile default needs a NAME');
      store.setDefault(name);
      out(`profile ${name} is the default`);
      return 0;
    default:
      throw new UsageError(`sevadm profile list|add|remove|default${action ? ` (got "${action}")` : ''}`);
  }
}
