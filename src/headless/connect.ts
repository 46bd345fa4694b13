import { parseArgs } from 'node:util';
import { UsageError } from '../cliOptions.js';
import { bridgeConnectionFromEnv, severaConnectionFromEnv } from '../config/environment.js';
import { type OpenEnvironment, openDemo, openFromEnvironment } from '../environments.js';

export type ParsedValues = ReturnType<typeof parseArgs>['values'];

/** --demo (with --data-dir) or the systems the environment names. */
export async function openFor(values: { demo?: boolean; 'data-dir'?: string }): Promise<OpenEnvironment> {
  if (values.demo) return openDemo(values['data-dir']);
  if (values['data-dir']) throw new UsageError('--data-dir goes with --demo');
  if (!severaConnectionFromEnv() && !bridgeConnectionFromEnv()) {
    throw new UsageError('nothing to connect to: set SEVADM_SEVERA_* and SEVADM_BRIDGE_* (see sevadm --help), or add --demo');
  }
  return openFromEnvironment();
}
