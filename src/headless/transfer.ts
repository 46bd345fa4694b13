import { TRANSFER_USAGE } from '../usage.js';
import { summaryText } from '../i18n/summary.js';
import { parseArgs } from 'node:util';
import { langOption } from '../cliOptions.js';
import { UsageError } from '../errors.js';
import type { OpenEnvironment } from '../environments.js';
import { translator } from '../i18n/index.js';
import type { ConflictAnswer, RowStatus } from '../services/transfer/engine.js';
import { openFor } from './connect.js';
import { printable } from '../text.js';
import { leaseWords } from '../session.js';
import { filterOf, filterOptions, kindOf, LIST_OPTIONS, listDates, selected, statusOption, transferList } from './options.js';
import { kindOf as kindDef, labelOf } from '../kinds/index.js';
import { type TransferRowLine, TransferSummaryLine } from './result.js';

/** --wait alone waits as long as it takes; --wait=SECONDS at most that long. */
function waitOption(value: string | undefined): number {
  if (value === undefined) return 0;
  if (value === 'forever') return Infinity;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(seconds)) throw new UsageError(`--wait takes a number of seconds, got "${value}"`);
  return seconds * 1000;
}

function lineOf(kind: string, id: string, label: string, status: RowStatus): TransferRowLine {
  switch (status.kind) {
    case 'done':
      return { kind, id, label, result: status.updated ? 'updated' : 'created', targetKey: status.targetKey, reason: null };
    case 'planned':
      return {
        kind,
        id,
        label,
        result: status.action === 'create' ? 'would-create' : 'would-update',
        targetKey: status.targetKey,
        reason: null,
      };
    case 'skipped':
      return { kind, id, label, result: 'skipped', targetKey: null, reason: status.message ?? status.reason };
    case 'error':
      return { kind, id, label, result: 'failed', targetKey: null, reason: status.message };
    default:
      return { kind, id, label, result: 'failed', targetKey: null, reason: 'did not finish' };
  }
}

/** `sevadm transfer …`: the TUI's engine and ledger, for cron. Returns the exit code. */
export async function runTransferCommand(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv.map((a) => (a === '--wait' ? '--wait=forever' : a)),
    allowPositionals: true,
    strict: true,
    options: {
      ...LIST_OPTIONS,
      select: { type: 'string' },
      direction: { type: 'string' },
      'set-status': { type: 'string' },
      'on-conflict': { type: 'string' },
      'dry-run': { type: 'boolean' },
      wait: { type: 'string' },
    },
  });
  const waitMs = waitOption(values.wait);
  const kind = kindOf(positionals[0], 'transfer');
  const lang = langOption(values.lang);
  const t = translator(lang);
  const list = transferList(kind, values.direction);
  const byStatus = filterOf(kind) === 'status';
  const onConflict = values['on-conflict'] ?? 'skip';
  if (!['skip', 'update', 'fail'].includes(onConflict))
    throw new UsageError(`--on-conflict must be skip, update or fail, got "${onConflict}"`);
  if (!values.select) throw new UsageError('--select is required: all, or a comma-separated list of numbers/ids');
  if (byStatus && !values.status)
    throw new UsageError(`--status is required for ${kind}: the name of the Severa invoice status to take invoices from`);
  if (values['set-status'] && !byStatus) throw new UsageError('--set-status goes with a list by status (invoices)');
  const datesFor = listDates(kind, values);

  const env: OpenEnvironment = await openFor(values);
  try {
    const { since, until } = datesFor(env.session.defaultDates());
    let statusGuid: string | undefined;
    if (byStatus) {
      const statuses = await env.session.invoiceStatuses();
      statusGuid = statusOption('status', values.status!, statuses)!.guid;
      const setStatus = values['set-status'];
      if (setStatus) {
        const target = statusOption('set-status', setStatus, statuses, true);
        env.session.settings = { ...env.session.settings, afterTransferStatus: target?.name };
      }
    }
    const { records, banner } = await env.session.load(list, { since, until, statusGuid }, lang);
    // Nothing in the list can go (projects on Administration 500): one configuration error, not a failure per row.
    if (banner) throw new UsageError(banner);
    const definition = kindDef(list);
    const chosen = selected(definition, records, values.select, filterOptions(kind));
    const ids = chosen.map((r) => definition.id(r));
    const labels = new Map(chosen.map((r) => [definition.id(r), labelOf(definition, r, t)]));
    const final = new Map<string, RowStatus>();
    const progress = process.stderr.isTTY && !values.json;
    // Each row is printed as it ends (a run stopped halfway has told what it did); the rest at the end.
    const printed = new Set<string>();
    const print = (id: string, status: RowStatus) => {
      printed.add(id);
      const line = lineOf(kind, id, labels.get(id) ?? id, status);
      if (progress) process.stderr.write('\r\x1b[K');
      if (values.json) out(JSON.stringify(line));
      else
        out(
          printable(
            `${line.result.padEnd(12)} ${line.label}${line.targetKey ? ` → ${line.targetKey}` : ''}${line.reason ? `  (${line.reason})` : ''}`,
          ),
        );
    };
    const answer: ConflictAnswer = { decision: onConflict as ConflictAnswer['decision'], applyToRemaining: true };
    const summary = await env.session.transfer(
      list,
      ids,
      (event) => {
        if (event.type === 'status') {
          final.set(event.id, event.status);
          if (event.status.kind !== 'queued' && event.status.kind !== 'running' && !printed.has(event.id)) print(event.id, event.status);
        } else if (event.type === 'progress' && progress) process.stderr.write(`\r${event.done}/${event.total}`);
        // What went wrong beside a row (a lease taken over, a warning) reaches the operator too.
        else if (event.type === 'log' && (event.level === 'warn' || event.stopped))
          process.stderr.write(`sevadm: ${printable(event.message)}\n`);
      },
      async () => answer,
      lang,
      {
        dryRun: values['dry-run'],
        waitMs,
        onWaiting: (holder) => process.stderr.write(`sevadm: ${t('lease.waiting', leaseWords(holder, t))}\n`),
      },
    );
    if (progress) process.stderr.write('\n');
    for (const id of ids) if (!printed.has(id)) print(id, final.get(id) ?? { kind: 'queued' });
    const exitCode = summary.failed > 0 ? 1 : 0;
    const closing = TransferSummaryLine.parse({
      summary: {
        kind,
        dryRun: Boolean(values['dry-run']),
        transferred: summary.transferred,
        updated: summary.updated,
        skipped: summary.skipped,
        failed: summary.failed,
      },
      exitCode,
    });
    if (values.json) out(JSON.stringify(closing));
    // A dry run wrote nothing: its last line is the plan, never "Done".
    else out(values['dry-run'] ? t('transfer.plan', { ...summary }) : summaryText(t, summary));
    return exitCode;
  } finally {
    await env.close();
  }
}

export { TRANSFER_USAGE };
