import { parseArgs } from 'node:util';
import { runChecks } from '../services/doctor/checks.js';
import { openFor } from './connect.js';

export const DOCTOR_USAGE = `sevadm doctor [--demo [--data-dir DIR]] [--json]
  checks both connections, the Severa scopes, the Administration variant, the mappings, products ↔ articles,
  cost centres ↔ profit centres and the invoice statuses; exit code 0 only when all pass.`;

export async function runDoctorCommand(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { demo: { type: 'boolean' }, profile: { type: 'string' }, 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
  });
  const env = await openFor(values);
  try {
    const checks = await runChecks(env.severa, env.administration, env.session.mappings, env.session.settings);
    for (const c of checks) {
      if (values.json) out(JSON.stringify(c));
      else out(`${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}${c.fix ? `\n    fix: ${c.fix}` : ''}`);
    }
    return checks.every((c) => c.ok) ? 0 : 1;
  } finally {
    await env.close();
  }
}
