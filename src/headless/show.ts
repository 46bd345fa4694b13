import { SHOW_USAGE } from '../usage.js';
import { parseArgs } from 'node:util';
import { isIsoDate, startOfDay } from '../clock.js';
import { type BookView, isBookView, showBooks } from './showBooks.js';
import { langOption } from '../cliOptions.js';
import { UsageError } from '../errors.js';
import { columnWidths, fit, fitRight } from '../text.js';
import { translator } from '../i18n/index.js';
import { cellsOf, kindOf as kindDef, listOf } from '../kinds/index.js';
import { openFor } from './connect.js';
import { filterOf, kindOf, LIST_OPTIONS, listDates, statusOption } from './options.js';

/** `sevadm show …`: either side's records without transferring anything. Returns the exit code. */
export async function runShowCommand(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { ...LIST_OPTIONS, side: { type: 'string' } },
  });
  const side = values.side;
  if (side !== 'severa' && side !== 'administration')
    throw new UsageError(`--side must be severa or administration${side ? `, got "${side}"` : ''}`);
  // The books as they stand: what sevadm wrote on either side, to check by hand.
  if (positionals[0] && isBookView(positionals[0], side)) {
    const view = `${positionals[0]}/${side}` as BookView;
    const env = await openFor(values);
    try {
      const since = values['changed-since'] ?? '2000-01-01';
      if (!isIsoDate(since)) throw new UsageError(`--changed-since must be a date YYYY-MM-DD, got "${since}"`);
      return await showBooks(view, env, since, Boolean(values.json), out);
    } finally {
      await env.close();
    }
  }
  if (positionals[0] === 'fees') throw new UsageError('sevadm show fees lists the Severa side: --side severa');
  const kind = kindOf(positionals[0], 'show');
  const list = listOf(kind, side);
  const isProjectsInAdministration = kind === 'projects' && side === 'administration';
  if (!list && !isProjectsInAdministration) throw new UsageError(`sevadm show ${kind} --side ${side} is not available yet`);
  const t = translator(langOption(values.lang));
  const datesFor = listDates(kind, values);
  if (filterOf(kind) === 'status' && !values.status)
    throw new UsageError('--status is required for invoices: the name of the Severa invoice status to list');

  const env = await openFor(values);
  try {
    const { since, until } = datesFor(env.session.defaultDates());
    if (isProjectsInAdministration) {
      if (!env.administration)
        throw new UsageError('Administration is not configured: set SEVADM_BRIDGE_URL and SEVADM_BRIDGE_TOKEN, or add --demo');
      const projects = await env.administration.listProjects({ changedSince: startOfDay(since) });
      for (const p of projects)
        out(
          values.json
            ? JSON.stringify(p)
            : `${fit(p.code, 10)} ${fit(p.name, 40)} ${fit(p.startDate ?? '', 11)} ${fit(p.endDate ?? '', 11)} ${p.customerName ?? ''}`.trimEnd(),
        );
      return 0;
    }
    let statusGuid: string | undefined;
    if (filterOf(kind) === 'status') {
      const statuses = await env.session.invoiceStatuses();
      statusGuid = statusOption('status', values.status!, statuses)!.guid;
    }
    const { records, statuses } = await env.session.load(list!, { since, until, statusGuid });
    if (values.json) {
      for (const record of records) out(JSON.stringify(record));
      return 0;
    }
    const definition = kindDef(list!);
    const loaded = new Map(statuses);
    const width = process.stdout.columns || 120;
    const widths = columnWidths(
      width,
      definition.columns.map((c) => c.weight),
      definition.columns.map((c) => c.min ?? 3),
    );
    const line = (cells: string[]) =>
      widths
        .map((w, i) => (definition.columns[i]?.align === 'right' ? fitRight : fit)(cells[i] ?? '', w - 1))
        .join(' ')
        .trimEnd();
    out(line(definition.columns.map((c) => t(c.header))));
    for (const record of records) out(line(cellsOf(definition, record, { t, loaded: loaded.get(definition.id(record)) })));
    return 0;
  } finally {
    await env.close();
  }
}

export { SHOW_USAGE };
