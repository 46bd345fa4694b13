import { HISTORY_USAGE } from '../usage.js';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startOfDay } from '../clock.js';
import { UsageError } from '../errors.js';
import { ProfileStore } from '../config/profiles.js';
import { checkDataDir, defaultDataDir, demoDataDir } from '../paths.js';
import { type HistoryResult, Ledger } from '../services/transfer/ledger.js';
import { dateOption, kindOption } from './options.js';

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | null): string {
  const text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function runHistoryCommand(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      kind: { type: 'string' },
      since: { type: 'string' },
      result: { type: 'string' },
      csv: { type: 'boolean' },
      demo: { type: 'boolean' },
      'data-dir': { type: 'string' },
      profile: { type: 'string' },
    },
  });
  const kind = values.kind === undefined ? undefined : kindOption(values.kind);
  const since = values.since === undefined ? undefined : startOfDay(dateOption('since', values.since)!);
  const result = values.result as HistoryResult | undefined;
  if (result !== undefined && !['created', 'updated', 'skipped', 'failed'].includes(result)) {
    throw new UsageError(`--result must be created, updated, skipped or failed, got "${values.result}"`);
  }
  if (values['data-dir'] && !values.demo) throw new UsageError('--data-dir goes with --demo');
  const profile = values.demo ? 'demo' : (values.profile ?? new ProfileStore().defaultName() ?? 'environment');
  if (values.profile && !values.demo) new ProfileStore().get(values.profile);
  const ledger = new Ledger(
    join(
      values.demo ? (values['data-dir'] === undefined ? demoDataDir() : checkDataDir(values['data-dir'])) : defaultDataDir(),
      'ledger.sqlite',
    ),
    profile,
  );
  try {
    // Newest first, as the History tab lists them.
    const entries = ledger.history({ kind, since, result }).reverse();
    if (values.csv) {
      out('time,kind,direction,id,label,result,target,reason');
      for (const e of entries)
        out([e.time, e.kind, e.direction, e.sourceId, e.label, e.result, e.targetKey, e.reason].map(csvField).join(','));
    } else {
      for (const e of entries)
        out(
          `${e.time.slice(0, 19).replace('T', ' ')}  ${e.kind.padEnd(18)} ${e.result.padEnd(8)} ${e.label}${e.targetKey ? ` → ${e.targetKey}` : ''}${e.reason ? `  (${e.reason})` : ''}`,
        );
      if (entries.length === 0) out(values.since ? `No transfers recorded since ${values.since}.` : 'No transfers recorded yet.');
    }
    return 0;
  } finally {
    ledger.close();
  }
}

export { HISTORY_USAGE };
