import type { MessageKey } from '../i18n/index.js';
import { TABS } from './tabs.js';

export type Command =
  | 'tabNext'
  | 'tabPrev'
  // A tab by its number: `tab1` is the first.
  | `tab${number}`
  | 'pickStatus'
  | 'pickAfterStatus'
  | 'compareKind'
  | 'compareFix'
  | 'editUntil'
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'toggle'
  | 'selectAll'
  | 'range'
  | 'extendUp'
  | 'extendDown'
  | 'details'
  | 'refresh'
  | 'filter'
  | 'editSince'
  | 'switchSide'
  | 'transfer'
  | 'log'
  | 'help'
  | 'palette'
  | 'quit'
  | 'back'
  | 'cancelTransfer'
  // Typing into a field (the filter, a date, the palette, a setting) and taking a letter back.
  | 'type'
  | 'erase'
  | 'eraseWord'
  | 'clearField'
  | 'caretLeft'
  | 'caretRight'
  | 'caretHome'
  | 'caretEnd'
  | 'accept'
  | 'dismiss'
  | 'chooseUpdate'
  | 'chooseSkip'
  | 'update'
  | 'skip'
  | 'toggleRemaining'
  | 'yes'
  | 'no'
  | 'testConnections'
  | 'fetchLists';

/** The parts of ink's Key that bindings look at. */
export interface KeyPress {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  meta?: boolean;
}

/**
 * Where a binding applies. A key is looked up in the contexts of what has the keyboard, most specific
 * first (a dialog, a field being typed into, the screen), then the app-wide ones.
 */
export type Context =
  | 'always'
  | 'global'
  | 'list'
  | 'history'
  | 'transfer'
  | 'filter'
  | 'date'
  | 'conflict'
  | 'picker'
  | 'palette'
  | 'confirm'
  | 'help'
  | 'detail'
  | 'settings'
  | 'settingsEdit'
  | 'settingsPick';

type Named = 'up' | 'down' | 'left' | 'right' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'enter' | 'escape' | 'tab' | 'backspace' | 'f5';
interface KeySpec {
  named?: Named;
  input?: string;
  ctrl?: boolean;
  shift?: boolean;
  /** Any printable character: what typing into a field takes. */
  printable?: boolean;
}

/** Why a binding is off where it is, as a catalogue key; undefined when it is on. */
export type DisabledIf =
  'notRanged' | 'notDated' | 'notInvoices' | 'notCustomers' | 'notCompare' | 'secretLine' | 'plainLine' | 'noneRemaining';

export interface Binding {
  context: Context;
  command: Command;
  keys: KeySpec[];
  /** The keys as help and the hint line show them. */
  display: string;
  /** What it does, in help and the palette. */
  label: MessageKey;
  /** Its few words on the hint line; without, it is not shown there. */
  short?: MessageKey;
  /** When it is off, and the reason given for it (see disabledReason in hints.ts). */
  disabledIf?: DisabledIf;
}

const b = (
  context: Context,
  command: Command,
  keys: KeySpec[],
  display: string,
  label: MessageKey,
  more: Partial<Binding> = {},
): Binding => ({
  context,
  command,
  keys,
  display,
  label,
  ...more,
});
const TYPE: KeySpec[] = [{ printable: true }];
const ENTER: KeySpec[] = [{ named: 'enter' }];
const ESC: KeySpec[] = [{ named: 'escape' }];
const UP: KeySpec[] = [{ named: 'up' }, { input: 'k' }];
const DOWN: KeySpec[] = [{ named: 'down' }, { input: 'j' }];

/** Moving through rows, alike in a list, the history and Settings: ↑↓ (k j), a page, the first and last. */
const moving = (context: Context, short?: MessageKey): Binding[] => [
  b(context, 'up', UP, '↑ k', 'cmd.up', short ? { short } : {}),
  b(context, 'down', DOWN, '↓ j', 'cmd.down'),
  b(context, 'pageUp', [{ named: 'pageUp' }], 'PgUp', 'cmd.pageUp'),
  b(context, 'pageDown', [{ named: 'pageDown' }], 'PgDn', 'cmd.pageDown'),
  b(context, 'home', [{ named: 'home' }, { input: 'g' }], 'Home g', 'cmd.home'),
  b(context, 'end', [{ named: 'end' }, { input: 'G' }], 'End G', 'cmd.end'),
];

/** Ctrl+W takes back a word, Ctrl+U the whole field: in every field one types into. */
const editing = (context: Context): Binding[] => [
  b(context, 'eraseWord', [{ input: 'w', ctrl: true }], 'Ctrl+W', 'cmd.eraseWord'),
  b(context, 'clearField', [{ input: 'u', ctrl: true }], 'Ctrl+U', 'cmd.clearField'),
  b(context, 'caretLeft', [{ named: 'left' }], '←', 'cmd.caretLeft'),
  b(context, 'caretRight', [{ named: 'right' }], '→', 'cmd.caretRight'),
  b(context, 'caretHome', [{ named: 'home' }], 'Home', 'cmd.caretHome'),
  b(context, 'caretEnd', [{ named: 'end' }], 'End', 'cmd.caretEnd'),
];

/**
 * Every key of every mode in one table: the key router, the hint line, `?` help and the command palette
 * are all read from it.
 */
export const KEYMAP: Binding[] = [
  b('always', 'quit', [{ input: 'c', ctrl: true }], 'Ctrl+C', 'cmd.quit'),

  // A number key per tab, as many as there are tabs (a new kind's tab gets the next).
  ...TABS.map((tab, i) => b('global', `tab${i + 1}`, [{ input: String(i + 1) }], String(i + 1), `tab.${tab}`)),
  b('global', 'tabNext', [{ named: 'tab' }], 'Tab', 'cmd.tabNext'),
  b('global', 'tabPrev', [{ named: 'tab', shift: true }], 'Shift+Tab', 'cmd.tabPrev'),
  b('global', 'log', [{ input: 'l' }], 'l', 'cmd.log'),
  b('global', 'help', [{ input: '?' }], '?', 'cmd.help', { short: 'short.help' }),
  b('global', 'palette', [{ input: 'p', ctrl: true }, { input: ':' }], 'Ctrl+P :', 'cmd.palette'),
  b('global', 'quit', [{ input: 'q' }], 'q', 'cmd.quit', { short: 'short.quit' }),

  b('transfer', 'cancelTransfer', ESC, 'Esc', 'cmd.cancelTransfer', { short: 'short.cancel' }),
  b('transfer', 'log', [{ input: 'l' }], 'l', 'cmd.log', { short: 'short.log' }),

  b('list', 'toggle', [{ input: ' ' }], 'Space', 'cmd.toggle', { short: 'short.mark' }),
  b('list', 'selectAll', [{ input: 'a', ctrl: true }], 'Ctrl+A', 'cmd.selectAll', { short: 'short.all' }),
  b('list', 'transfer', [{ input: 't' }], 't', 'cmd.transfer', { short: 'short.transfer' }),
  b('list', 'pickStatus', [{ input: 's' }], 's', 'cmd.pickStatus', { short: 'short.status', disabledIf: 'notInvoices' }),
  b('list', 'pickAfterStatus', [{ input: 'a' }], 'a', 'cmd.pickAfterStatus', { short: 'short.afterStatus', disabledIf: 'notInvoices' }),
  b('list', 'refresh', [{ input: 'r' }, { named: 'f5' }], 'r F5', 'cmd.refresh', { short: 'short.refresh' }),
  b('list', 'filter', [{ input: '/' }], '/', 'cmd.filter', { short: 'short.filter' }),
  b('list', 'editSince', [{ input: 'd' }], 'd', 'cmd.editSince', { short: 'short.date', disabledIf: 'notDated' }),
  b('list', 'editUntil', [{ input: 'e' }], 'e', 'cmd.editUntil', { short: 'short.to', disabledIf: 'notRanged' }),
  b('list', 'switchSide', [{ named: 'left' }, { named: 'right' }], '←/→', 'cmd.switchSide', {
    short: 'short.side',
    disabledIf: 'notCustomers',
  }),
  b('list', 'compareKind', [{ input: 'f' }], 'f', 'cmd.compareKind', { short: 'short.kind', disabledIf: 'notCompare' }),
  b('list', 'compareFix', [{ input: 'h' }], 'h', 'cmd.compareFix', { short: 'short.fixable', disabledIf: 'notCompare' }),
  b('list', 'extendUp', [{ named: 'up', shift: true }], 'Shift+↑', 'cmd.extendUp'),
  b('list', 'extendDown', [{ named: 'down', shift: true }], 'Shift+↓', 'cmd.extendDown'),
  ...moving('list'),
  b('list', 'range', [{ input: 'v' }], 'v', 'cmd.range'),
  b('list', 'details', ENTER, 'Enter', 'cmd.details'),
  b('list', 'back', ESC, 'Esc', 'cmd.back'),

  b('history', 'refresh', [{ input: 'r' }, { named: 'f5' }], 'r F5', 'cmd.refresh', { short: 'short.refresh' }),
  b('history', 'filter', [{ input: '/' }], '/', 'cmd.filter', { short: 'short.filter' }),
  b('history', 'editSince', [{ input: 'd' }], 'd', 'cmd.editSince', { short: 'short.date' }),
  b('history', 'details', ENTER, 'Enter', 'cmd.details', { short: 'short.details' }),
  ...moving('history'),
  b('history', 'back', ESC, 'Esc', 'cmd.back'),

  b('filter', 'type', TYPE, 'abc', 'cmd.typeFilter', { short: 'short.typeFilter' }),
  b('filter', 'erase', [{ named: 'backspace' }], '⌫', 'cmd.erase'),
  ...editing('filter'),
  b('filter', 'accept', ENTER, 'Enter', 'cmd.keepFilter', { short: 'short.keep' }),
  b('filter', 'dismiss', ESC, 'Esc', 'cmd.clearFilter', { short: 'short.clear' }),

  b('date', 'type', TYPE, 'YYYY-MM-DD', 'cmd.typeDate', { short: 'short.typeDate' }),
  b('date', 'erase', [{ named: 'backspace' }], '⌫', 'cmd.erase'),
  ...editing('date'),
  b('date', 'accept', ENTER, 'Enter', 'cmd.applyDate', { short: 'short.apply' }),
  b('date', 'dismiss', ESC, 'Esc', 'cmd.cancelEdit', { short: 'short.cancel' }),

  // Ctrl+C in the dialog asks first, as q does elsewhere.
  b('conflict', 'quit', [{ input: 'c', ctrl: true }], 'Ctrl+C', 'cmd.quitConflict'),
  // ← is Update, → (or Tab) Skip: they do not wrap around.
  b('conflict', 'chooseUpdate', [{ named: 'left' }], '←', 'cmd.chooseUpdate', { short: 'short.update' }),
  b('conflict', 'chooseSkip', [{ named: 'right' }, { named: 'tab' }], '→', 'cmd.chooseSkip', { short: 'short.skip' }),
  b('conflict', 'toggleRemaining', [{ input: ' ' }], 'Space', 'cmd.toggleRemaining', { short: 'short.tick', disabledIf: 'noneRemaining' }),
  b('conflict', 'accept', ENTER, 'Enter', 'cmd.confirmChoice', { short: 'short.confirm' }),
  b('conflict', 'update', [{ input: 'u' }, { input: 'U' }], 'u', 'cmd.update'),
  b('conflict', 'skip', [{ input: 's' }, { input: 'S' }], 's', 'cmd.skip'),
  b('conflict', 'dismiss', ESC, 'Esc', 'cmd.skipThis', { short: 'short.skip' }),

  b('picker', 'up', [{ named: 'up' }], '↑', 'cmd.up'),
  b('picker', 'down', [{ named: 'down' }], '↓', 'cmd.down'),
  b('picker', 'accept', ENTER, 'Enter', 'cmd.choose', { short: 'short.choose' }),
  b('picker', 'dismiss', ESC, 'Esc', 'cmd.close', { short: 'short.close' }),

  b('palette', 'type', TYPE, 'abc', 'cmd.typeCommand', { short: 'short.typeFilter' }),
  b('palette', 'erase', [{ named: 'backspace' }], '⌫', 'cmd.erase'),
  ...editing('palette'),
  b('palette', 'up', [{ named: 'up' }], '↑', 'cmd.up'),
  b('palette', 'down', [{ named: 'down' }], '↓', 'cmd.down'),
  b('palette', 'accept', ENTER, 'Enter', 'cmd.runCommand', { short: 'short.run' }),
  b('palette', 'dismiss', ESC, 'Esc', 'cmd.close', { short: 'short.close' }),

  b('confirm', 'yes', [{ input: 'y' }, { input: 'Y' }, { input: 'j' }, { input: 'J' }], 'y', 'cmd.yes', { short: 'short.yes' }),
  b('confirm', 'no', [{ input: 'n' }, { input: 'N' }], 'n', 'cmd.no', { short: 'short.no' }),
  b('confirm', 'dismiss', ESC, 'Esc', 'cmd.no'),

  b('help', 'dismiss', [...ESC, { input: '?' }], 'Esc ?', 'cmd.close', { short: 'short.close' }),
  b('detail', 'dismiss', [...ESC, ...ENTER], 'Esc Enter', 'cmd.close', { short: 'short.close' }),

  ...moving('settings', 'short.move'),
  b('settings', 'accept', ENTER, 'Enter', 'cmd.editSetting', { short: 'short.edit' }),
  b('settings', 'testConnections', [{ input: 't' }], 't', 'cmd.testConnections', { short: 'short.test' }),
  b('settings', 'fetchLists', [{ input: 'r' }, { named: 'f5' }], 'r F5', 'cmd.fetchLists', { short: 'short.fetchLists' }),
  b('settings', 'dismiss', ESC, 'Esc', 'cmd.clearMessage'),

  b('settingsEdit', 'type', TYPE, 'abc', 'cmd.typeSetting', { short: 'short.type', disabledIf: 'secretLine' }),
  b('settingsEdit', 'type', TYPE, 'abc', 'cmd.typeSecret', { short: 'short.typeHidden', disabledIf: 'plainLine' }),
  b('settingsEdit', 'erase', [{ named: 'backspace' }], '⌫', 'cmd.erase'),
  ...editing('settingsEdit'),
  b('settingsEdit', 'accept', ENTER, 'Enter', 'cmd.saveSetting', { short: 'short.save' }),
  b('settingsEdit', 'dismiss', ESC, 'Esc', 'cmd.cancelEdit', { short: 'short.cancelKeep' }),

  b('settingsPick', 'up', UP, '↑ k', 'cmd.up'),
  b('settingsPick', 'down', DOWN, '↓ j', 'cmd.down'),
  b('settingsPick', 'pageUp', [{ named: 'pageUp' }], 'PgUp', 'cmd.pageUp'),
  b('settingsPick', 'pageDown', [{ named: 'pageDown' }], 'PgDn', 'cmd.pageDown'),
  b('settingsPick', 'accept', ENTER, 'Enter', 'cmd.choose', { short: 'short.choose' }),
  b('settingsPick', 'dismiss', ESC, 'Esc', 'cmd.close', { short: 'short.close' }),
];

function namedMatches(named: Named, input: string, key: KeyPress): boolean {
  switch (named) {
    case 'up':
      return Boolean(key.upArrow);
    case 'down':
      return Boolean(key.downArrow);
    case 'left':
      return Boolean(key.leftArrow);
    case 'right':
      return Boolean(key.rightArrow);
    case 'pageUp':
      return Boolean(key.pageUp);
    case 'pageDown':
      return Boolean(key.pageDown);
    case 'home':
      return Boolean(key.home);
    case 'end':
      return Boolean(key.end);
    case 'enter':
      return Boolean(key.return);
    case 'escape':
      return Boolean(key.escape);
    case 'tab':
      return Boolean(key.tab);
    case 'backspace':
      return Boolean(key.backspace || key.delete) || input === '\x7f' || input === '\b';
    // ink has no F-key flags; F5 arrives as the rest of its escape sequence.
    case 'f5':
      return input === '[15~' || input === '\x1b[15~';
  }
}

// DEL (0x7f) and the C1 controls are no text, whatever a terminal sends them for.
export const isPrintable = (input: string, key: KeyPress) =>
  input.length === 1 && !key.ctrl && !key.meta && input >= ' ' && !(input >= '\x7f' && input <= '\x9f');

function specMatches(spec: KeySpec, input: string, key: KeyPress): boolean {
  if (spec.printable) return isPrintable(input, key) && !key.return && !key.tab;
  if (spec.named) return namedMatches(spec.named, input, key) && Boolean(spec.shift) === Boolean(key.shift) && !key.ctrl;
  if (spec.ctrl) return Boolean(key.ctrl) && input === spec.input;
  return !key.ctrl && !key.meta && input === spec.input;
}

/** The first binding of these contexts (in order) the key matches. */
export function bindingFor(contexts: readonly Context[], input: string, key: KeyPress): Binding | undefined {
  for (const context of contexts) {
    const found = KEYMAP.find((b) => b.context === context && b.keys.some((spec) => specMatches(spec, input, key)));
    if (found) return found;
  }
  return undefined;
}
