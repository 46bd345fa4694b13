import { hasProjects } from '../services/administration/models.js';
import { CONNECTION_FIELDS, type ConnectionField, ENV_OF, SECRET_FIELDS } from '../config/configurationStore.js';
import type { Translate } from '../i18n/index.js';
import type { CodeChoice } from '../services/setup/choices.js';
import { type MappingTable, type SettingChange, type SettingKey, VAT_CODES } from '../services/setup/settingChange.js';
import type { SettingsView } from '../services/setup/settingsService.js';
import { vatCodeFor } from '../services/transfer/invoiceRules.js';
import { ProductType } from '../services/severa/schemas/common.js';

/** What saving a row changes. */
export type ChangeTarget =
  | { kind: 'connection'; field: ConnectionField }
  | { kind: 'setting'; key: SettingKey }
  | { kind: 'mapping'; table: MappingTable; severa: string };

export interface PickOption {
  value: string | undefined;
  label: string;
}

export type RowEdit =
  | { kind: 'text'; secret: boolean; initial: string; target: ChangeTarget }
  | { kind: 'pick'; options: PickOption[]; target: ChangeTarget }
  | { kind: 'test' };

export type SettingsRow =
  | { kind: 'section'; label: string }
  | {
      kind: 'line';
      label: string;
      value: string;
      tone?: 'ok' | 'error' | 'dim';
      edit?: RowEdit;
      locked?: { reason: 'fixed' } | { reason: 'environment'; variable: string };
    };

export function changeFor(target: ChangeTarget, value: string | undefined): SettingChange {
  switch (target.kind) {
    case 'connection':
      return { kind: 'connection', field: target.field, value: value ?? '' };
    case 'setting':
      return { kind: 'setting', key: target.key, value };
    case 'mapping':
      return { kind: 'mapping', table: target.table, severa: target.severa, administration: value };
  }
}

const CONNECTION_LABEL: Record<ConnectionField, Parameters<Translate>[0]> = {
  'severa.baseUrl': 'settings.severaBaseUrl',
  'severa.clientId': 'settings.severaClientId',
  'severa.clientSecret': 'settings.severaClientSecret',
  'administration.bridgeUrl': 'settings.bridgeUrl',
  'administration.bridgeToken': 'settings.bridgeToken',
  'administration.commonFilesPath': 'settings.commonFilesPath',
  'administration.companyPath': 'settings.companyPath',
  'administration.adkLibrary': 'settings.adkLibrary',
  'administration.adkUser': 'settings.adkUser',
  'administration.adkPassword': 'settings.adkPassword',
};

function connectionRow(view: SettingsView, field: ConnectionField, t: Translate): SettingsRow {
  const secret = SECRET_FIELDS.includes(field);
  const overridden = view.connection.overridden.includes(field);
  const raw = secret ? (view.connection.secretsSet[field] ? t('settings.secretSet') : '') : (view.connection.values[field] ?? '');
  const value = (raw || t('settings.notSet')) + (overridden ? ` ${t('settings.fromEnv', { name: ENV_OF[field]! })}` : '');
  const editable = view.editable && !overridden;
  return {
    kind: 'line',
    label: t(CONNECTION_LABEL[field]),
    value,
    tone: raw ? undefined : 'dim',
    // A secret is never shown again: editing starts empty and replaces it.
    edit: editable
      ? { kind: 'text', secret, initial: secret ? '' : (view.connection.values[field] ?? ''), target: { kind: 'connection', field } }
      : undefined,
    locked: editable ? undefined : overridden ? { reason: 'environment', variable: ENV_OF[field]! } : { reason: 'fixed' },
  };
}

function severaTestRow(view: SettingsView, t: Translate): SettingsRow {
  const test = view.severaTest;
  const edit: RowEdit = { kind: 'test' };
  if (!test)
    return {
      kind: 'line',
      label: t('settings.test'),
      value: view.problems.severa ?? t('settings.testHint'),
      tone: view.problems.severa ? 'error' : 'dim',
      edit,
    };
  if (test.error) {
    const stage = !test.reachable ? t('settings.unreachable') : t('settings.tokenRefused');
    return { kind: 'line', label: t('settings.test'), value: `✗ ${stage}: ${test.error}`, tone: 'error', edit };
  }
  const scopes = test.missingScopes.length
    ? t('settings.scopesMissing', { scopes: test.missingScopes.join(' ') })
    : t('settings.scopesAll', { count: test.grantedScopes.length });
  return {
    kind: 'line',
    label: t('settings.test'),
    value: `${test.missingScopes.length ? '✗' : '✓'} ${t('settings.severaOk', { organisation: test.organisation ?? '?' })} · ${scopes}`,
    tone: test.missingScopes.length ? 'error' : 'ok',
    edit,
  };
}

function administrationTestRow(view: SettingsView, t: Translate): SettingsRow {
  const test = view.administrationTest;
  const edit: RowEdit = { kind: 'test' };
  if (!test)
    return {
      kind: 'line',
      label: t('settings.test'),
      value: view.problems.administration ?? t('settings.testHint'),
      tone: view.problems.administration ? 'error' : 'dim',
      edit,
    };
  if (!test.ok) return { kind: 'line', label: t('settings.test'), value: `✗ ${test.error}`, tone: 'error', edit };
  const variant =
    test.variant !== undefined && !hasProjects(test.variant)
      ? t('settings.variant500', { variant: test.variant })
      : t('settings.variant', { variant: test.variant ?? '?' });
  return {
    kind: 'line',
    label: t('settings.test'),
    value: `✓ "${test.name}" · ${variant} · ADK ${test.adkVersion}`,
    tone: test.variant !== undefined && !hasProjects(test.variant) ? 'error' : 'ok',
    edit,
  };
}

const withNone = (t: Translate, options: PickOption[], none: Parameters<Translate>[0] = 'settings.notMapped'): PickOption[] => [
  { value: undefined, label: t(none) },
  ...options,
];
const codeOptions = (choices: CodeChoice[]): PickOption[] => choices.map((c) => ({ value: c.code, label: `${c.code}  ${c.name}` }));
const nameOf = (choices: CodeChoice[], code: string) => choices.find((c) => c.code === code)?.name;

/** Every line of the settings screen, in order; pure so the screen and the key handling agree. */
export function settingsRows(view: SettingsView | undefined, t: Translate, loading: boolean): SettingsRow[] {
  if (!view) return [{ kind: 'line', label: t('list.loading'), value: '' }];
  const rows: SettingsRow[] = [];
  const section = (label: string) => rows.push({ kind: 'section', label });
  const line = (row: Omit<Extract<SettingsRow, { kind: 'line' }>, 'kind'>) => rows.push({ kind: 'line', ...row });
  const choices = view.choices;
  const s = view.settings;

  section(t('settings.sectionSevera'));
  for (const field of CONNECTION_FIELDS.filter((f) => f.startsWith('severa.'))) rows.push(connectionRow(view, field, t));
  rows.push(severaTestRow(view, t));
  section(t('settings.sectionAdministration'));
  for (const field of CONNECTION_FIELDS.filter((f) => f.startsWith('administration.'))) {
    rows.push(connectionRow(view, field, t));
  }
  rows.push(administrationTestRow(view, t));

  const statuses = (choices?.severa.invoiceStatuses ?? []).map((name) => ({ value: name, label: name }));
  const statusLine = (key: 'invoiceStatusToTransfer' | 'afterTransferStatus' | 'paidStatus', label: Parameters<Translate>[0]) => {
    const current = s[key];
    const missing = current && choices && !choices.problems.severa && !choices.severa.invoiceStatuses.includes(current);
    line({
      label: t(label),
      value: current ? (missing ? `✗ ${current} ${t('settings.notInSevera')}` : current) : t('list.none'),
      tone: missing ? 'error' : current ? undefined : 'dim',
      edit: {
        kind: 'pick',
        options: key === 'paidStatus' ? statuses : withNone(t, statuses, 'list.none'),
        target: { kind: 'setting', key },
      },
    });
  };
  section(t('settings.sectionStatuses'));
  statusLine('invoiceStatusToTransfer', 'settings.statusToTransfer');
  statusLine('afterTransferStatus', 'settings.statusTransferred');
  statusLine('paidStatus', 'settings.statusPaid');
  line({
    label: t('settings.statusPath'),
    value: s.invoiceStatusPath,
    edit: { kind: 'text', secret: false, initial: s.invoiceStatusPath, target: { kind: 'setting', key: 'invoiceStatusPath' } },
  });

  section(t('settings.sectionChoices'));
  const policies: PickOption[] = [
    { value: 'severa', label: t('settings.numbersSevera') },
    { value: 'administration', label: t('settings.numbersAdministration') },
  ];
  line({
    label: t('settings.numberPolicy'),
    value: policies.find((p) => p.value === s.invoiceNumberPolicy)!.label,
    edit: { kind: 'pick', options: policies, target: { kind: 'setting', key: 'invoiceNumberPolicy' } },
  });
  line({
    label: t('settings.productType'),
    value: s.supplierProductType,
    edit: {
      kind: 'pick',
      options: ProductType.options.map((p) => ({ value: p, label: p })),
      target: { kind: 'setting', key: 'supplierProductType' },
    },
  });
  const yesNo: PickOption[] = [
    { value: 'true', label: t('settings.yes') },
    { value: 'false', label: t('settings.no') },
  ];
  line({
    label: t('settings.billable'),
    value: t(s.supplierBillable ? 'settings.yes' : 'settings.no'),
    edit: { kind: 'pick', options: yesNo, target: { kind: 'setting', key: 'supplierBillable' } },
  });
  line({
    label: t('settings.markup'),
    value: `${s.supplierMarkupPercent} %`,
    edit: {
      kind: 'text',
      secret: false,
      initial: String(s.supplierMarkupPercent),
      target: { kind: 'setting', key: 'supplierMarkupPercent' },
    },
  });

  const unavailable = () => {
    const problems = [
      choices?.problems.severa && `Severa: ${choices.problems.severa}`,
      choices?.problems.administration && `Administration: ${choices.problems.administration}`,
    ].filter(Boolean);
    if (!choices) line({ label: loading ? t('settings.fetching') : t('settings.refreshHint'), value: '', tone: 'dim' });
    else if (problems.length) line({ label: t('settings.listsUnavailable'), value: problems.join(' · '), tone: 'error' });
  };
  const adm = choices?.administration;
  // Without Severa's lists the lines already mapped are still shown (and editable).
  const fromSevera = <T>(live: (c: NonNullable<typeof choices>) => T[], mapped: T[]): T[] =>
    choices && !choices.problems.severa ? live(choices) : mapped;
  const mapLines = (
    table: MappingTable,
    severaCodes: string[],
    mapped: (code: string) => string | undefined,
    options: PickOption[],
    fallback: (code: string) => { text: string; tone?: 'error' | 'dim' },
  ) => {
    for (const code of severaCodes) {
      const to = mapped(code);
      const shown = to ? { text: to, tone: undefined } : fallback(code);
      line({
        label: `  ${code}`,
        value: shown.text,
        tone: shown.tone,
        edit: { kind: 'pick', options, target: { kind: 'mapping', table, severa: code } },
      });
    }
  };

  section(t('settings.sectionLanguages'));
  unavailable();
  mapLines(
    'languages',
    fromSevera(
      (c) => c.severa.languages,
      view.mappings.languages.map((l) => l.severa),
    ),
    (code) => {
      const to = view.mappings.languages.find((l) => l.severa === code)?.administration;
      return to && `${to}${adm && nameOf(adm.languages, to) ? `  ${nameOf(adm.languages, to)}` : ''}`;
    },
    withNone(t, codeOptions(adm?.languages ?? [])),
    () => ({ text: `✗ ${t('settings.notMapped')}`, tone: 'error' }),
  );

  section(t('settings.sectionPaymentTerms'));
  mapLines(
    'paymentTerms',
    fromSevera(
      (c) => c.severa.paymentTermDays,
      view.mappings.paymentTerms.map((p) => p.days),
    ).map(String),
    (days) => {
      const to = view.mappings.paymentTerms.find((p) => String(p.days) === days)?.administration;
      return to && `${to}${adm && nameOf(adm.termsOfPayment, to) ? `  ${nameOf(adm.termsOfPayment, to)}` : ''}`;
    },
    withNone(t, codeOptions(adm?.termsOfPayment ?? [])),
    () => ({ text: `✗ ${t('settings.notMapped')}`, tone: 'error' }),
  );

  section(t('settings.sectionVat'));
  const vatOptions = withNone(
    t,
    VAT_CODES.map((c) => ({ value: c, label: `${c}  ${t(`settings.vat${c}`)}` })),
    'settings.builtIn',
  );
  mapLines(
    'vatCodes',
    fromSevera(
      (c) => c.severa.vatRates,
      view.mappings.vatCodes.map((v) => v.rate),
    ).map(String),
    (rate) => {
      const to = view.mappings.vatCodes.find((v) => String(v.rate) === rate)?.administration;
      return to && `${to}  ${t(`settings.vat${to}`)}`;
    },
    vatOptions,
    (rate) => {
      const code = vatCodeFor(Number(rate));
      return { text: `${code}  ${t(`settings.vat${code}`)} ${t('settings.builtInShort')}`, tone: 'dim' };
    },
  );

  section(t('settings.sectionCurrencies'));
  mapLines(
    'currencies',
    fromSevera(
      (c) => c.severa.currencies,
      view.mappings.currencies.map((c) => c.severa),
    ),
    (code) => view.mappings.currencies.find((c) => c.severa === code)?.administration,
    withNone(t, codeOptions(adm?.currencies ?? []), 'settings.sameCode'),
    (code) =>
      adm && !adm.currencies.some((c) => c.code === code) && !choices?.problems.administration
        ? { text: `✗ ${t('settings.notInAdministration')}`, tone: 'error' }
        : { text: t('settings.sameCode'), tone: 'dim' },
  );

  section(t('settings.sectionCostCentres'));
  const centreCodes = fromSevera(
    (c) => c.severa.costCentres.map((x) => x.code),
    view.mappings.costCentres.map((c) => c.severa),
  );
  mapLines(
    'costCentres',
    centreCodes,
    (code) => {
      const to = view.mappings.costCentres.find((c) => c.severa === code)?.administration;
      return to && `${to}${adm && nameOf(adm.profitCentres, to) ? `  ${nameOf(adm.profitCentres, to)}` : ''}`;
    },
    withNone(t, codeOptions(adm?.profitCentres ?? []), 'settings.sameCode'),
    (code) =>
      adm && !adm.profitCentres.some((c) => c.code === code) && !choices?.problems.administration
        ? { text: `✗ ${t('settings.notInAdministration')}`, tone: 'error' }
        : { text: t('settings.sameCode'), tone: 'dim' },
  );

  section(t('settings.sectionProducts'));
  if (choices && !choices.problems.severa && !choices.problems.administration) {
    if (choices.productsWithoutArticle.length === 0) line({ label: t('settings.allProductsHaveArticles'), value: '', tone: 'ok' });
    for (const p of choices.productsWithoutArticle)
      line({ label: `  ${p.code}`, value: `✗ ${p.name}: ${t('settings.noArticle')}`, tone: 'error' });
  } else unavailable();
  return rows;
}

/** Rows the cursor can stop on. */
export const selectable = (row: SettingsRow | undefined) => row?.kind === 'line';
