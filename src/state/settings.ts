import { type Lang, type Translate, translator } from '../i18n/index.js';
import type { SettingChange } from '../services/setup/settingChange.js';
import { ADK_FIELDS } from '../config/configurationStore.js';
import type { SettingsView } from '../services/setup/settingsService.js';
import type { Command } from './keymap.js';
import { editField } from './textEdit.js';
import { changeFor, selectable, type SettingsRow, settingsRows } from './settingsRows.js';

export interface SettingsScreenState {
  view: SettingsView | undefined;
  /** The lists and the live tests are being fetched. */
  loading: boolean;
  saving: boolean;
  cursor: number;
  offset: number;
  /** The draft being typed, and its caret counted from the end. */
  editing: { draft: string; back?: number } | undefined;
  picking: { cursor: number } | undefined;
  message: { text: string; error: boolean } | undefined;
  /** `sevadm setup`: the first-run wizard walks the connection lines. */
  setup: boolean;
}

export type SettingsEffect = { type: 'loadSettings' } | { type: 'saveSetting'; change: SettingChange; label: string };

export function emptySettings(setup = false): SettingsScreenState {
  return {
    view: undefined,
    loading: false,
    saving: false,
    cursor: 0,
    offset: 0,
    editing: undefined,
    picking: undefined,
    message: undefined,
    setup,
  };
}

/** The next row the cursor can stop on from `from` in `step` direction; stays put at the ends. */
function nextSelectable(rows: SettingsRow[], from: number, step: number): number {
  for (let i = from + step; i >= 0 && i < rows.length; i += step) if (selectable(rows[i])) return i;
  return from;
}

/** Keeps the cursor on a line and in the window. */
export function settle(s: SettingsScreenState, rows: SettingsRow[], height: number): SettingsScreenState {
  let cursor = Math.min(Math.max(0, s.cursor), rows.length - 1);
  if (!selectable(rows[cursor]))
    cursor = nextSelectable(rows, cursor, 1) === cursor ? nextSelectable(rows, cursor, -1) : nextSelectable(rows, cursor, 1);
  let offset = Math.min(s.offset, cursor);
  if (cursor >= offset + height) offset = cursor - height + 1;
  // Show the section heading above the first line when there is room.
  if (cursor > 0 && offset === cursor && rows[cursor - 1]?.kind === 'section') offset = cursor - 1;
  return { ...s, cursor, offset: Math.max(0, offset) };
}

export function currentLine(s: SettingsScreenState, rows: SettingsRow[]) {
  const row = rows[s.cursor];
  return row?.kind === 'line' ? row : undefined;
}

/**
 * A command on the settings screen (from the keymap's settings contexts); `text` is what was typed.
 * `handled: false` lets the app's global commands (tabs, quit, help) have it.
 */
export function onSettingsCommand(
  s: SettingsScreenState,
  command: Command,
  text: string,
  t: Translate,
  height: number,
): { state: SettingsScreenState; effect?: SettingsEffect; handled: boolean } {
  const rows = settingsRows(s.view, t, s.loading);
  const line = currentLine(s, rows);
  const edit = line?.edit;
  const done = (state: SettingsScreenState, effect?: SettingsEffect) => ({ state, effect, handled: true });
  if (s.editing && edit?.kind === 'text') {
    switch (command) {
      case 'dismiss':
        return done({ ...s, editing: undefined });
      case 'accept':
        // The editor stays open until the value is saved: a refused one can be mended where it was typed.
        return done(
          { ...s, saving: true },
          { type: 'saveSetting', change: changeFor(edit.target, s.editing.draft), label: line!.label.trim() },
        );
      default: {
        const edited = editField({ text: s.editing.draft, back: s.editing.back ?? 0 }, command, text);
        return done(edited === undefined ? s : { ...s, editing: { draft: edited.text, back: edited.back } });
      }
    }
  }
  if (s.picking && edit?.kind === 'pick') {
    const last = edit.options.length - 1;
    const pick = (cursor: number) => done({ ...s, picking: { cursor: Math.min(last, Math.max(0, cursor)) } });
    switch (command) {
      case 'dismiss':
        return done({ ...s, picking: undefined });
      case 'up':
        return pick(s.picking.cursor - 1);
      case 'down':
        return pick(s.picking.cursor + 1);
      case 'pageUp':
        return pick(s.picking.cursor - height);
      case 'pageDown':
        return pick(s.picking.cursor + height);
      case 'accept': {
        const chosen = edit.options[s.picking.cursor];
        return done(
          { ...s, picking: undefined, saving: true },
          { type: 'saveSetting', change: changeFor(edit.target, chosen?.value), label: line!.label.trim() },
        );
      }
      default:
        return done(s);
    }
  }
  const move = (cursor: number) => done(settle({ ...s, cursor, message: undefined }, rows, height));
  const test = () => done({ ...s, loading: true, message: undefined }, { type: 'loadSettings' });
  switch (command) {
    case 'up':
      return move(nextSelectable(rows, s.cursor, -1));
    case 'down':
      return move(nextSelectable(rows, s.cursor, 1));
    case 'pageUp':
      return move(Math.max(0, s.cursor - height));
    case 'pageDown':
      return move(Math.min(rows.length - 1, s.cursor + height));
    case 'home':
      return move(0);
    case 'end':
      return move(rows.length - 1);
    case 'testConnections':
    case 'fetchLists':
      return test();
    case 'dismiss':
      return s.message ? done({ ...s, message: undefined }) : { state: s, handled: false };
    case 'accept': {
      if (edit?.kind === 'test') return test();
      if (!edit) {
        const locked = line?.locked;
        const why = !locked
          ? undefined
          : locked.reason === 'fixed'
            ? t('settings.readOnly', { where: s.view?.describe ?? '' })
            : t('settings.fromEnvLocked', { name: locked.variable });
        return done({ ...s, message: why ? { text: why, error: true } : undefined });
      }
      if (edit.kind === 'text') return done({ ...s, editing: { draft: edit.initial }, message: undefined });
      if (edit.options.length === 0) return done({ ...s, message: { text: t('settings.refreshHint'), error: true } });
      const current = edit.options.findIndex(
        (o) => o.label === line!.value || o.value === line!.value || (o.value !== undefined && line!.value.startsWith(`${o.value}  `)),
      );
      return done({ ...s, picking: { cursor: Math.max(0, current) }, message: undefined });
    }
    default:
      return { state: s, handled: false };
  }
}

/** The setup wizard's next step: the first connection line after `from` that is still empty, opened for typing. */
export function openNextEmpty(s: SettingsScreenState, rows: SettingsRow[], from: number, height: number): SettingsScreenState {
  for (let i = from + 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.kind !== 'line' || row.edit?.kind !== 'text' || row.edit.target.kind !== 'connection' || row.tone !== 'dim') continue;
    // On the Windows host the wizard asks for the ADK folders; elsewhere for the bridge. Library path and
    // login are optional (registry, login off) and left to the user.
    const field = row.edit.target.field;
    const adk = ADK_FIELDS.includes(field);
    if (
      adk !== (process.platform === 'win32') ||
      field === 'administration.adkLibrary' ||
      field === 'administration.adkUser' ||
      field === 'administration.adkPassword'
    )
      continue;
    return settle({ ...s, cursor: i, editing: { draft: row.edit.initial } }, rows, height);
  }
  return settle(s, rows, height);
}

/** After a save: the new view, and in the setup wizard the next empty connection line opened for typing. */
export function afterSave(
  s: SettingsScreenState,
  view: SettingsView,
  message: string,
  t: Translate,
  height: number,
  wasConnection: boolean,
): SettingsScreenState {
  const next: SettingsScreenState = { ...s, view, editing: undefined, saving: false, message: { text: message, error: false } };
  const rows = settingsRows(view, t, s.loading);
  return s.setup && wasConnection ? openNextEmpty(next, rows, s.cursor, height) : settle(next, rows, height);
}

/** A secret is being typed (the hint says it stays hidden). */
export function settingsSecretEdit(state: { settings: SettingsScreenState; lang: Lang }): boolean {
  if (!state.settings.editing) return false;
  const line = currentLine(state.settings, settingsRows(state.settings.view, translator(state.lang), state.settings.loading));
  return line?.edit?.kind === 'text' && line.edit.secret;
}
