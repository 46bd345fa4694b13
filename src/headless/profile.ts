import { PROFILE_USAGE } from '../usage.js';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { Profile, ProfileStore, checkProfileName } from '../config/profiles.js';
import { resolveSeveraBaseUrl } from '../services/severa/environments.js';

function secretsFromStdin(): { clientSecret?: string; bridgeToken?: string; adkPassword?: string } {
  const [clientSecret, bridgeToken, adkPassword] = readFileSync(0, 'utf8').split(/\r?\n/);
  return {
    clientSecret: clientSecret?.trim() || undefined,
    bridgeToken: bridgeToken?.trim() || undefined,
    adkPassword: adkPassword || undefined,
  };
}

export async function runProfileCommand(
  argv: string[],
  out: (line: string) => void = console.log,
  store = new ProfileStore(),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      'severa-url': { type: 'string' },
      'client-id': { type: 'string' },
      'bridge-url': { type: 'string' },
      'adk-common': { type: 'string' },
      'adk-company': { type: 'string' },
      'adk-library': { type: 'string' },
      'adk-user': { type: 'string' },
      'secrets-from-stdin': { type: 'boolean' },
    },
  });
  const [action, rawName] = positionals;
  const name = rawName === undefined ? undefined : checkProfileName(rawName);
  switch (action) {
    case 'list': {
      const file = store.read();
      for (const [profileName, p] of Object.entries(file.profiles)) {
        const secret = p.severa?.clientSecret ? 'secret set' : 'no secret';
        const token = p.administration?.bridgeToken ? 'token set' : 'no token';
        const a = p.administration;
        const administration = a?.companyPath
          ? `ADK ${a.companyPath}${a.adkUser ? ` (login ${a.adkUser}, ${a.adkPassword ? 'password set' : 'no password'})` : ''}`
          : `bridge ${a?.bridgeUrl ?? '-'} (${token})`;
        out(
          `${profileName === file.defaultProfile ? '*' : ' '} ${profileName}: Severa ${p.severa?.baseUrl ?? '-'} (${p.severa?.clientId ?? '-'}, ${secret}); ${administration}`,
        );
      }
      if (Object.keys(file.profiles).length === 0) out('No profiles yet: sevadm profile add NAME …');
      out(`(${store.path})`);
      return 0;
    }
    case 'add': {
      if (!name) throw new UsageError('sevadm profile add needs a NAME');
      const secrets = values['secrets-from-stdin']
        ? secretsFromStdin()
        : {
            clientSecret: process.env.SEVADM_SEVERA_CLIENT_SECRET,
            bridgeToken: process.env.SEVADM_BRIDGE_TOKEN,
            adkPassword: process.env.SEVADM_ADK_PASSWORD,
          };
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
        administration:
          values['bridge-url'] || values['adk-company'] || values['adk-common']
            ? {
                bridgeUrl: values['bridge-url'],
                bridgeToken: values['bridge-url'] ? secrets.bridgeToken : undefined,
                commonFilesPath: values['adk-common'],
                companyPath: values['adk-company'],
                adkLibrary: values['adk-library'],
                adkUser: values['adk-user'],
                adkPassword: values['adk-user'] ? secrets.adkPassword : undefined,
              }
            : undefined,
      };
      if (Boolean(values['adk-common']) !== Boolean(values['adk-company']))
        throw new UsageError(
          '--adk-common and --adk-company go together (both folders are in Administration under Hjälp › Om › Systeminfo)',
        );
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

export { PROFILE_USAGE };
