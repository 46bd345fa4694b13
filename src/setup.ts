import { SETUP_USAGE } from './usage.js';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { langOption } from './cliOptions.js';
import { UsageError } from './errors.js';
import { ProfileStore } from './config/profiles.js';
import { openFromEnvironment } from './environments.js';
import { translator } from './i18n/index.js';
import { runTui } from './tui.js';

const NAME = /^[\w.-]{1,40}$/;

/** `sevadm setup`: the settings screen as a first-run wizard on a (new) profile. */
export async function runSetupCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { lang: { type: 'string' } }, allowPositionals: true, strict: true });
  const lang = langOption(values.lang);
  const t = translator(lang);
  if (!process.stdin.isTTY || !process.stdout.isTTY)
    throw new UsageError('sevadm setup needs a terminal; in scripts use sevadm profile add NAME … (sevadm profile --help)');
  if (positionals.length > 1) throw new UsageError(`sevadm setup takes one profile name, got ${positionals.length}`);
  const store = new ProfileStore();
  let name = positionals[0];
  while (name === undefined || !NAME.test(name)) {
    if (name !== undefined) console.error(t('setup.nameInvalid'));
    const suggestion = store.defaultName();
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      const answer = (await rl.question(`${t('setup.nameQuestion')}${suggestion ? ` [${suggestion}]` : ''}: `)).trim();
      name = answer || suggestion || '';
    } finally {
      rl.close();
      // readline leaves stdin paused; the app needs it live for its keys.
      process.stdin.resume();
    }
    if (name === '' && !suggestion) name = undefined;
  }
  const file = store.read();
  if (!file.profiles[name]) {
    store.put(name, {});
    if (!store.defaultName() || Object.keys(file.profiles).length === 0) store.setDefault(name);
  }
  const environment = openFromEnvironment(name, store);
  try {
    await runTui(environment.session, { demo: false, lang, profile: name, tab: 'settings', setup: true });
  } finally {
    await environment.close();
  }
  return 0;
}

export { SETUP_USAGE };
