import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import type { SettingsView } from '../../src/services/setup/settingsService.js';
import { DEMO_CUSTOMER_MAPPINGS } from '../../src/services/transfer/mappings.js';
import { DEMO_TRANSFER_SETTINGS } from '../../src/services/transfer/settings.js';
import { type Action, type AppState, helpGroups, hintLine, initialState, reducer } from '../../src/state/app.js';
import { defaultDates } from '../../src/clock.js';
import { TEST_NOW_MS } from '../helpers/clock.js';
import type { KeyPress } from '../../src/state/keymap.js';
import { currentLine } from '../../src/state/settings.js';
import { settingsRows } from '../../src/state/settingsRows.js';

const t = translator('en');
const empty: SettingsView = {
  describe: 'profile acme',
  editable: true,
  connection: { values: {}, secretsSet: {}, overridden: [] },
  settings: DEMO_TRANSFER_SETTINGS,
  mappings: DEMO_CUSTOMER_MAPPINGS,
  problems: {},
};
const withChoices: SettingsView = {
  ...empty,
  connection: {
    values: { 'severa.baseUrl': 'stage', 'severa.clientId': 'id' },
    secretsSet: { 'severa.clientSecret': true },
    overridden: [],
  },
  choices: {
    severa: {
      languages: ['en-GB', 'fi-FI', 'sv-SE'],
      paymentTermDays: [30],
      vatRates: [0, 25],
      currencies: ['EUR', 'SEK'],
      costCentres: [{ code: '10', name: 'Sälj' }],
      invoiceStatuses: ['Draft', 'Ready for transfer', 'Transferred', 'Paid'],
    },
    administration: {
      languages: [
        { code: 'SV', name: 'Svenska' },
        { code: 'EN', name: 'Engelska' },
      ],
      termsOfPayment: [{ code: '30', name: '30 dagar (30)' }],
      currencies: [{ code: 'SEK', name: 'Kronor' }],
      profitCentres: [{ code: '10', name: 'Sälj' }],
    },
    productsWithoutArticle: [{ code: 'NYTT-01', name: 'Nytt' }],
    problems: {},
  },
};

const key = (input: string, k: KeyPress = {}): Action => ({ type: 'key', input, key: k });
const ENTER = key('', { return: true });
const DOWN = key('', { downArrow: true });
const press = (s: AppState, ...actions: Action[]) => actions.reduce(reducer, s);
const start = (view: SettingsView, setup = false) =>
  press(
    initialState({
      lang: 'en',
      demo: false,
      columns: 100,
      rows: 40,
      dates: defaultDates(TEST_NOW_MS),
      tab: 'settings',
      setup,
      profile: 'acme',
    }),
    { type: 'settingsView', view, loading: false },
  );
const lineOf = (s: AppState) => currentLine(s.settings, settingsRows(s.settings.view, t, false));

describe('the settings screen', () => {
  it('shows what is mapped, what is missing and the unmapped product codes', () => {
    const rows = settingsRows(withChoices, t, false).flatMap((r) => (r.kind === 'line' ? [`${r.label.trim()} = ${r.value}`] : []));
    expect(rows).toContain('sv-SE = SV  Svenska');
    expect(rows).toContain('fi-FI = ✗ (not mapped)');
    expect(rows).toContain('EUR = ✗ not in Administration');
    expect(rows).toContain('SEK = same code');
    expect(rows).toContain('25 = 1  25 % (built-in)');
    expect(rows).toContain('NYTT-01 = ✗ Nytt: no article with this number (invoices with it are refused)');
    expect(rows).toContain('Client secret = set (hidden)');
  });

  it('the wizard opens the first empty line, types it hidden when secret, and saves it on Enter', () => {
    let s = start(empty, true);
    expect(lineOf(s)?.label).toBe('Base URL');
    expect(s.settings.editing).toEqual({ draft: '' });
    s = press(s, key('stage\r'));
    expect(s.effects.at(-1)).toEqual({
      type: 'saveSetting',
      change: { kind: 'connection', field: 'severa.baseUrl', value: 'stage' },
      label: 'Base URL',
    });
    // Saved: the wizard moves on to the next empty line.
    s = press(s, {
      type: 'settingSaved',
      view: { ...empty, connection: { values: { 'severa.baseUrl': 'stage' }, secretsSet: {}, overridden: [] } },
      label: 'Base URL',
      reconnecting: true,
    });
    expect(lineOf(s)?.label).toBe('Client id');
    expect(s.settings.editing).toEqual({ draft: '' });
  });

  it('picks a mapping from the other side’s list, and (not mapped) removes it', () => {
    let s = start(withChoices);
    while (lineOf(s)?.label.trim() !== 'fi-FI') s = press(s, DOWN);
    s = press(s, ENTER);
    expect(s.settings.picking).toEqual({ cursor: 0 });
    s = press(s, DOWN, DOWN, ENTER);
    expect(s.effects.at(-1)).toMatchObject({
      type: 'saveSetting',
      change: { kind: 'mapping', table: 'languages', severa: 'fi-FI', administration: 'EN' },
    });
  });

  it('a bad value is shown with its reason and the screen stays usable; tab keys still work', () => {
    let s = start(withChoices);
    s = press(s, { type: 'settingRefused', error: 'supplierMarkupPercent: a percentage from 0 to 1000' });
    expect(s.settings.message).toEqual({ text: 'supplierMarkupPercent: a percentage from 0 to 1000', error: true });
    s = press(s, key('1'));
    expect(s.tab).toBe('customers');
  });

  it('a refused value keeps its editor open with the draft, so it can be mended; a saved one closes it', () => {
    let s = start(withChoices);
    const isSettingText = (e: ReturnType<typeof lineOf>) => e?.edit?.kind === 'text' && e.edit.target.kind === 'setting';
    while (!isSettingText(lineOf(s))) s = press(s, DOWN);
    s = press(s, ENTER, key('', { backspace: true }), ...[...'abc'].map((c) => key(c)), ENTER);
    expect(s.effects.at(-1)).toMatchObject({ type: 'saveSetting' });
    const draft = s.settings.editing?.draft;
    expect(draft).toMatch(/abc$/);
    const refused = press(s, { type: 'settingRefused', error: 'supplierMarkupPercent: a percentage from 0 to 1000' });
    expect(refused.settings.editing).toMatchObject({ draft });
    expect(refused.settings.message?.error).toBe(true);
    const saved = press(s, { type: 'settingSaved', view: withChoices, label: 'Markup', reconnecting: false });
    expect(saved.settings.editing).toBeUndefined();
  });

  it('says where to edit a connection that is fixed (demo or environment)', () => {
    const s = press(start({ ...withChoices, editable: false, describe: '/tmp/settings.json' }), ENTER);
    expect(s.settings.editing).toBeUndefined();
    expect(s.settings.message?.text).toMatch(/fixed here \(\/tmp\/settings.json\); sevadm setup/);
  });
});

describe('a connection line set by the environment', () => {
  it('is shown with its variable and not edited here', () => {
    const view: SettingsView = {
      ...withChoices,
      connection: { values: { 'severa.baseUrl': 'stage' }, secretsSet: {}, overridden: ['severa.baseUrl'] },
    };
    const s = press(start(view), ENTER);
    expect(lineOf(s)?.value).toBe('stage (from SEVADM_SEVERA_BASE_URL)');
    expect(s.settings.editing).toBeUndefined();
    expect(s.settings.message?.text).toMatch(/SEVADM_SEVERA_BASE_URL is set in the environment/);
  });
});

describe('the keymap on the settings screen', () => {
  it("? lists the settings keys (t tests, r fetches), not the lists' transfer; the hint line is the settings one", () => {
    const state = start(withChoices);
    const help = helpGroups(state);
    const texts = help.flatMap((g) => g.bindings.map((b) => b.text));
    expect(help[0]!.title).toBe('Settings');
    expect(texts).toContain('Test both connections again');
    expect(texts).toContain('Fetch the lists of both sides again');
    expect(texts).not.toContain('Transfer the marked rows');
    expect(hintLine(state)).toBe('↑ move · Enter edit/choose · t test connections · r fetch lists · ? help · q quit');
  });
});

describe('the palette on the settings screen', () => {
  it('runs the settings commands: "test" tests both connections again', () => {
    const state = start(withChoices);
    const opened = press({ ...state, effects: [] }, key('p', { ctrl: true }), ...[...'test both'].map((c) => key(c)), ENTER);
    expect(opened.overlay.kind).toBe('none');
    expect(opened.effects).toContainEqual({ type: 'loadSettings' });
  });
});

describe('t and r on the settings screen', () => {
  it('say that they run, and what came back from each side', () => {
    let s = start(withChoices);
    s = press(s, key('t'));
    expect(s.settings.loading).toBe(true);
    expect(s.effects.at(-1)).toEqual({ type: 'loadSettings' });
    const ok = press(s, {
      type: 'settingsView',
      view: {
        ...withChoices,
        severaTest: { reachable: true, authorized: true, organisation: 'Norrsken Konsult AB', grantedScopes: [], missingScopes: [] },
        administrationTest: { ok: true, name: 'Övningsbolaget AB', variant: 2000 },
      },
      loading: false,
    });
    expect(ok.settings.message).toEqual({
      text: 'Tested: Severa ✓ Norrsken Konsult AB · Administration ✓ Övningsbolaget AB (2000)',
      error: false,
    });
    const failed = press(press(ok, key('r')), {
      type: 'settingsView',
      view: { ...withChoices, administrationTest: { ok: false, error: 'the bridge refused the token' } },
      loading: false,
    });
    expect(failed.settings.message).toEqual({ text: 'Tested: Severa – · Administration ✗ the bridge refused the token', error: true });
  });
});
