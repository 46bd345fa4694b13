import { parseArgs } from 'node:util';
import { intOption, langOption } from './cliOptions.js';
import { MAX_SCALE } from './sandbox/severa/seed.js';
import { openDemo, resetDemo } from './environments.js';
import { checkDataDir, demoDataDir } from './paths.js';
import { administrationSummary, severaSummary } from './summary.js';
import { runTui } from './tui.js';

/**
 * The built-in demo: the Severa sandbox on a free loopback port (reached over HTTP like a real Severa)
 * and the embedded Administration company, both keeping their state in the demo directory.
 */
export async function runDemoCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      reset: { type: 'boolean' },
      lang: { type: 'string' },
      summary: { type: 'boolean' },
      scale: { type: 'string' },
    },
    strict: true,
  });
  const lang = langOption(values.lang);
  const dir = values['data-dir'] === undefined ? demoDataDir() : checkDataDir(values['data-dir']);
  if (values.reset) resetDemo(dir);
  const demo = await openDemo(dir, undefined, intOption('scale', values.scale, 1, MAX_SCALE));
  try {
    if (values.summary || !process.stdout.isTTY) {
      // Without a terminal (or when asked): what both sides hold, as text.
      console.log(`sevadm ${demo.describe}`);
      for (const line of await severaSummary(demo.severa!)) console.log(line);
      for (const line of await administrationSummary(demo.administration!)) console.log(line);
      return;
    }
    await runTui(demo.session, { demo: true, lang });
  } finally {
    await demo.close();
  }
}
