import { DOCTOR_USAGE } from '../usage.js';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { runChecks } from '../services/doctor/checks.js';
import { collect } from '../services/severa/index.js';
import { printable } from '../text.js';
import { openFor } from './connect.js';

export async function runDoctorCommand(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      demo: { type: 'boolean' },
      profile: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
      'probe-status-change': { type: 'string' },
      yes: { type: 'boolean' },
    },
  });
  const probe = values['probe-status-change'];
  if (probe !== undefined && !/^\d+$/.test(probe)) throw new UsageError(`--probe-status-change takes an invoice number, got "${probe}"`);
  const env = await openFor(values);
  try {
    const path = env.session.settings.invoiceStatusPath;
    if (probe !== undefined) {
      out(`Probe: PATCH invoice ${probe} with [{ op: Replace, path: ${path}, value: <the status it has> }]; nothing else is written.`);
      if (!values.yes) throw new UsageError('add --yes to run the probe (it patches that one invoice in Severa)');
      return await probeStatusChange(env, Number(probe), path, out);
    }
    const checks = await runChecks(env.severa, env.administration, env.session.mappings, env.session.settings);
    checks.push({
      name: 'invoice status change path',
      ok: true,
      detail: `${path} (an assumption: Severa's spec publishes no InvoiceInputModel)`,
      fix: 'sevadm doctor --probe-status-change INVOICE-NUMBER --yes tries it on one invoice',
    });
    for (const c of checks) {
      if (values.json) out(JSON.stringify(c));
      else out(`${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}${c.fix ? `\n    ${c.ok ? 'check' : 'fix'}: ${c.fix}` : ''}`);
    }
    return checks.every((c) => c.ok) ? 0 : 1;
  } finally {
    await env.close();
  }
}

async function probeStatusChange(env: Awaited<ReturnType<typeof openFor>>, number: number, path: string, out: (line: string) => void) {
  if (!env.severa) throw new UsageError('Severa is not configured: set it in a profile (sevadm setup), or add --demo');
  const [invoice] = (await collect(env.severa.invoices({ numbers: [number] }))).filter((i) => i.number === number);
  if (!invoice) throw new UsageError(`no Severa invoice ${number}`);
  if (!invoice.status?.guid) throw new UsageError(`Severa invoice ${number} has no status to set again`);
  try {
    const after = await env.severa.setInvoiceStatus(invoice.guid, invoice.status.guid, path);
    const same = after.status?.guid === invoice.status.guid;
    out(
      `✓ Severa accepted ${path} on invoice ${number}; its status is ${after.status?.name ?? '?'}${same ? ' as before' : ' (it changed!)'}`,
    );
    return same ? 0 : 1;
  } catch (error) {
    out(printable(`✗ Severa refused ${path} on invoice ${number}: ${(error as Error).message}`));
    return 1;
  }
}

export { DOCTOR_USAGE };
