import { UsageError } from '../cliOptions.js';
import type { ListId } from '../state/app.js';
import { isIsoDate } from '../state/dates.js';

export const KINDS = ['customers', 'projects', 'invoices', 'supplier-invoices', 'payments'] as const;
export type Kind = (typeof KINDS)[number];

export function kindOf(raw: string | undefined, command: string): Kind {
  if (!raw || !(KINDS as readonly string[]).includes(raw)) {
    throw new UsageError(`sevadm ${command} needs what to ${command === 'show' ? 'list' : 'transfer'}: ${KINDS.join(', ')}${raw ? ` (got "${raw}")` : ''}`);
  }
  return raw as Kind;
}

/** The list a kind and a direction (transfer) or side (show) mean. */
export function listFor(kind: Kind, source: 'severa' | 'administration'): ListId | undefined {
  switch (kind) {
    case 'customers':
      return source === 'severa' ? 'severaCustomers' : 'administrationCustomers';
    case 'projects':
      return source === 'severa' ? 'severaProjects' : undefined;
    case 'invoices':
      return source === 'severa' ? 'severaInvoices' : undefined;
    case 'supplier-invoices':
      return source === 'administration' ? 'supplierInvoices' : undefined;
    case 'payments':
      return source === 'administration' ? 'payments' : undefined;
  }
}

export function dateOption(name: string, raw: string | undefined, fallback: string): string {
  if (raw === undefined) return fallback;
  if (!isIsoDate(raw)) throw new UsageError(`--${name} must be a date YYYY-MM-DD, got "${raw}"`);
  return raw;
}

/** The options every list-reading command shares: filters, output and where to connect. */
export const LIST_OPTIONS = {
  'changed-since': { type: 'string' },
  status: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  json: { type: 'boolean' },
  demo: { type: 'boolean' },
  profile: { type: 'string' },
  'data-dir': { type: 'string' },
  lang: { type: 'string' },
} as const;
