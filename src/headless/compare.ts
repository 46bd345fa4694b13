import { parseArgs } from 'node:util';
import { isIsoDate } from '../clock.js';
import { langOption } from '../cliOptions.js';
import { UsageError } from '../errors.js';
import { translator } from '../i18n/index.js';
import { type CompareKind, COMPARE_KINDS } from '../services/compare/differences.js';
import { differenceText, differingFields } from '../session/compareText.js';
import { openFor } from './connect.js';

const csvCell = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** --kind: one or more kinds, comma-separated or repeated. */
function kindsOption(values: string[] | undefined): CompareKind[] | undefined {
  if (!values?.length) return undefined;
  const kinds = values.flatMap((v) => v.split(',')).map((k) => k.trim());
  for (const k of kinds)
    if (!(COMPARE_KINDS as readonly string[]).includes(k))
      throw new UsageError(`--kind must be one of ${COMPARE_KINDS.join(', ')}, got "${k}"`);
  return kinds as CompareKind[];
}

/**
 * `sevadm compare`: what differs between Severa and Administration, one line (or JSON object, or CSV row) per
 * difference, then a summary. Exit 0 when the two agree, 1 when differences were found (2: usage or configuration).
 */
export async function runCompareCommand(
  argv: string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      kind: { type: 'string', multiple: true },
      since: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      demo: { type: 'boolean' },
      'data-dir': { type: 'string' },
      profile: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  const t = translator(langOption(values.lang));
  const kinds = kindsOption(values.kind);
  if (values.since !== undefined && !isIsoDate(values.since))
    throw new UsageError(`--since must be a date YYYY-MM-DD, got "${values.since}"`);
  if (values.json && values.csv) throw new UsageError('--json and --csv do not go together');
  const env = await openFor(values);
  try {
    if (!env.severa)
      throw new UsageError('Severa is not configured: set SEVADM_SEVERA_BASE_URL, _CLIENT_ID and _CLIENT_SECRET, or add --demo');
    if (!env.administration)
      throw new UsageError('Administration is not configured: set SEVADM_BRIDGE_URL and SEVADM_BRIDGE_TOKEN, or add --demo');
    const interactive = process.stderr.isTTY && !values.json && !values.csv;
    const { differences } = await env.session.compare({
      kinds,
      since: values.since,
      // Progress on a terminal only: cron mails whatever reaches stderr.
      onProgress: interactive ? (what, count) => process.stderr.write(`\r${t('compare.reading', { what, count })}\x1b[K`) : undefined,
    });
    if (interactive) process.stderr.write('\r\x1b[K');
    const fixable = differences.filter((d) => d.fix).length;
    const summary = differences.length ? t('compare.summary', { count: differences.length, fixable }) : t('compare.inSync');
    if (values.json) {
      for (const d of differences) {
        const { reason, action } = differenceText(d, t);
        const { fix, ...rest } = d;
        out(JSON.stringify({ ...rest, reasonText: reason, action, fix: fix ? { list: fix.list, id: fix.id } : null }));
      }
      const byKind = Object.fromEntries(COMPARE_KINDS.map((k) => [k, differences.filter((d) => d.kind === k).length]));
      out(JSON.stringify({ summary: { differences: differences.length, fixable, byKind, writesNothing: true } }));
    } else if (values.csv) {
      out(['kind', 'reason', 'key', 'name', 'differs', 'date', 'action'].join(','));
      for (const d of differences) {
        const { reason, action } = differenceText(d, t);
        out([d.kind, reason, d.key, d.name, differingFields(d, t), d.date, action].map(csvCell).join(','));
      }
      err(`sevadm: ${summary} ${t('compare.writesNothing')}`);
    } else {
      for (const kind of COMPARE_KINDS) {
        const group = differences.filter((d) => d.kind === kind);
        if (!group.length) continue;
        out(`${t(`compare.kind.${kind}`)} (${group.length})`);
        for (const d of group) {
          const { reason, action } = differenceText(d, t);
          const fields = differingFields(d, t);
          out(`  ${d.key.padEnd(8)} ${d.name.slice(0, 34).padEnd(34)} ${reason}${fields ? `: ${fields}` : ''}`);
          if (action) out(`  ${''.padEnd(8)} → ${action}`);
        }
      }
      out(summary);
      out(t('compare.writesNothing'));
    }
    return differences.length ? 1 : 0;
  } finally {
    await env.close();
  }
}
