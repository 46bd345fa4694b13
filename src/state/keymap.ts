import type { MessageKey } from '../i18n/index.js';

export type Command =
  | 'tabNext'
  | 'tabPrev'
  | 'tab1'
  | 'tab2'
  | 'tab3'
  | 'tab4'
  | 'tab5'
  | 'tab6'
  | 'tab7'
  | 'pickStatus'
  | 'pickAfterStatus'
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
  | 'back';

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

type Named = 'up' | 'down' | 'left' | 'right' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'enter' | 'escape' | 'tab' | 'f5';
interface KeySpec {
  named?: Named;
  input?: string;
  ctrl?: boolean;
  shift?: boolean;
}

export interface Binding {
  command: Command;
  keys: KeySpec[];
  /** As shown in help. */
  display: string;
  label: MessageKey;
}

/** Every action and its keys: the key router, the help overlay and the command palette read this one table. */
export const KEYMAP: Binding[] = [
  { command: 'tab1', keys: [{ input: '1' }], display: '1', label: 'cmd.tab1' },
  { command: 'tab2', keys: [{ input: '2' }], display: '2', label: 'cmd.tab2' },
  { command: 'tab3', keys: [{ input: '3' }], display: '3', label: 'cmd.tab3' },
  { command: 'tab4', keys: [{ input: '4' }], display: '4', label: 'cmd.tab4' },
  { command: 'tab5', keys: [{ input: '5' }], display: '5', label: 'cmd.tab5' },
  { command: 'tab6', keys: [{ input: '6' }], display: '6', label: 'cmd.tab6' },
  { command: 'tab7', keys: [{ input: '7' }], display: '7', label: 'cmd.tab7' },
  { command: 'tabNext', keys: [{ named: 'tab' }], display: 'Tab', label: 'cmd.tabNext' },
  { command: 'tabPrev', keys: [{ named: 'tab', shift: true }], display: 'Shift+Tab', label: 'cmd.tabPrev' },
  { command: 'extendUp', keys: [{ named: 'up', shift: true }], display: 'Shift+↑', label: 'cmd.extendUp' },
  { command: 'extendDown', keys: [{ named: 'down', shift: true }], display: 'Shift+↓', label: 'cmd.extendDown' },
  { command: 'up', keys: [{ named: 'up' }, { input: 'k' }], display: '↑ k', label: 'cmd.up' },
  { command: 'down', keys: [{ named: 'down' }, { input: 'j' }], display: '↓ j', label: 'cmd.down' },
  { command: 'pageUp', keys: [{ named: 'pageUp' }], display: 'PgUp', label: 'cmd.pageUp' },
  { command: 'pageDown', keys: [{ named: 'pageDown' }], display: 'PgDn', label: 'cmd.pageDown' },
  { command: 'home', keys: [{ named: 'home' }, { input: 'g' }], display: 'Home g', label: 'cmd.home' },
  { command: 'end', keys: [{ named: 'end' }, { input: 'G' }], display: 'End G', label: 'cmd.end' },
  { command: 'toggle', keys: [{ input: ' ' }], display: 'Space', label: 'cmd.toggle' },
  { command: 'selectAll', keys: [{ input: 'a', ctrl: true }], display: 'Ctrl+A', label: 'cmd.selectAll' },
  { command: 'range', keys: [{ input: 'v' }], display: 'v', label: 'cmd.range' },
  { command: 'details', keys: [{ named: 'enter' }], display: 'Enter', label: 'cmd.details' },
  { command: 'refresh', keys: [{ input: 'r' }, { named: 'f5' }], display: 'r F5', label: 'cmd.refresh' },
  { command: 'filter', keys: [{ input: '/' }], display: '/', label: 'cmd.filter' },
  { command: 'editSince', keys: [{ input: 'd' }], display: 'd', label: 'cmd.editSince' },
  { command: 'editUntil', keys: [{ input: 'e' }], display: 'e', label: 'cmd.editUntil' },
  { command: 'pickStatus', keys: [{ input: 's' }], display: 's', label: 'cmd.pickStatus' },
  { command: 'pickAfterStatus', keys: [{ input: 'a' }], display: 'a', label: 'cmd.pickAfterStatus' },
  { command: 'switchSide', keys: [{ named: 'left' }, { named: 'right' }], display: '← →', label: 'cmd.switchSide' },
  { command: 'transfer', keys: [{ input: 't' }], display: 't', label: 'cmd.transfer' },
  { command: 'log', keys: [{ input: 'l' }], display: 'l', label: 'cmd.log' },
  { command: 'help', keys: [{ input: '?' }], display: '?', label: 'cmd.help' },
  { command: 'palette', keys: [{ input: 'p', ctrl: true }, { input: ':' }], display: 'Ctrl+P :', label: 'cmd.palette' },
  { command: 'quit', keys: [{ input: 'q' }, { input: 'c', ctrl: true }], display: 'q Ctrl+C', label: 'cmd.quit' },
  { command: 'back', keys: [{ named: 'escape' }], display: 'Esc', label: 'cmd.back' },
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
    // ink has no F-key flags; F5 arrives as the rest of its escape sequence.
    case 'f5':
      return input === '[15~' || input === '\x1b[15~';
  }
}

function specMatches(spec: KeySpec, input: string, key: KeyPress): boolean {
  if (spec.named) return namedMatches(spec.named, input, key) && Boolean(spec.shift) === Boolean(key.shift) && !key.ctrl;
  if (spec.ctrl) return Boolean(key.ctrl) && input === spec.input;
  return !key.ctrl && !key.meta && input === spec.input;
}

export function commandFor(input: string, key: KeyPress): Command | undefined {
  return KEYMAP.find((b) => b.keys.some((spec) => specMatches(spec, input, key)))?.command;
}

export function bindingOf(command: Command): Binding {
  return KEYMAP.find((b) => b.command === command)!;
}
