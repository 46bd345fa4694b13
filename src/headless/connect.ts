import { printable } from '../text.js';
import { checkDataDir } from '../paths.js';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { adkConnectionFromEnv, bridgeConnectionFromEnv, severaConnectionFromEnv } from '../config/environment.js';
import { type OpenEnvironment, openDemo, openFromEnvironment } from '../environments.js';
import { ProfileStore } from '../config/profiles.js';

export type ParsedValues = ReturnType<typeof parseArgs>['values'];

/** --demo (with --data-dir) or the systems the environment names. */
export async function openFor(values: { demo?: boolean; 'data-dir'?: string; profile?: string }): Promise<OpenEnvironment> {
  const env = await open(values);
  // Headless, what the app's log panel shows as an error (a record left out of a list) goes to stderr; retries
  // do not (cron would mail them).
  env.session.onLog((level, text) => level === 'error' && process.stderr.write(`sevadm: ${printable(text)}\n`));
  return env;
}

async function open(values: { demo?: boolean; 'data-dir'?: string; profile?: string }): Promise<OpenEnvironment> {
  if (values.demo) {
    if (values.profile) throw new UsageError('--profile and --demo do not go together');
    return openDemo(values['data-dir'] === undefined ? undefined : checkDataDir(values['data-dir']));
  }
  if (values['data-dir']) throw new UsageError('--data-dir goes with --demo');
  const store = new ProfileStore();
  if (!values.profile && !store.defaultName() && !severaConnectionFromEnv() && !adkConnectionFromEnv() && !bridgeConnectionFromEnv()) {
    throw new UsageError(
      'nothing to connect to: name a --profile (sevadm setup or sevadm profile add), set SEVADM_SEVERA_* and SEVADM_BRIDGE_* (or SEVADM_ADK_* on the Windows host), or add --demo',
    );
  }
  return openFromEnvironment(values.profile, store);
}
