import { type MessageKey, type Translate, translator } from '../i18n/index.js';
import { kindOf, listsOf } from '../kinds/index.js';
import { type Binding, type Command, type Context, KEYMAP } from './keymap.js';
import { settingsSecretEdit } from './settings.js';
import { activeList, type AppState } from './vocabulary.js';

/** The screen on view, as the keymap's context for it: a list, the history or Settings. */
export function screenContext(state: Pick<AppState, 'tab'>): 'list' | 'history' | 'settings' {
  return state.tab === 'settings' ? 'settings' : state.tab === 'history' ? 'history' : 'list';
}

/** Where the keyboard is: the contexts a key is looked up in, most specific first. */
export function contextsOf(state: AppState): Context[] {
  // Asked to confirm (quitting from the conflict dialog too): that answer comes first.
  if (state.overlay.kind === 'confirmQuit' || state.overlay.kind === 'confirmCancel') return ['confirm', 'always'];
  if (state.conflict) return ['conflict', 'always'];
  switch (state.overlay.kind) {
    case 'help':
      return ['help', 'always'];
    case 'detail':
      return ['detail', 'always'];
    case 'palette':
      return ['palette', 'always'];
    case 'picker':
      return ['picker', 'always'];
    case 'none':
      break;
  }
  if (state.tab === 'settings') {
    if (state.settings.editing) return ['settingsEdit', 'always'];
    if (state.settings.picking) return ['settingsPick', 'always'];
    return ['settings', 'global', 'always'];
  }
  if (state.focus === 'filter') return ['filter', 'always'];
  if (state.focus === 'since' || state.focus === 'until') return ['date', 'always'];
  const screen = screenContext(state);
  return state.transfer ? ['transfer', screen, 'global', 'always'] : [screen, 'global', 'always'];
}

const REASON: Record<NonNullable<Binding['disabledIf']>, MessageKey> = {
  notRanged: 'off.notRanged',
  notDated: 'off.notDated',
  notInvoices: 'off.notInvoices',
  notCustomers: 'off.notCustomers',
  notCompare: 'off.notCompare',
  secretLine: 'off.secretLine',
  plainLine: 'off.plainLine',
  noneRemaining: 'off.noneRemaining',
};

/** What would load the list again or change how its transfer runs: held while a transfer runs on it. */
const CHANGES_THE_LIST = new Set<Command>(['refresh', 'editSince', 'editUntil', 'pickStatus', 'pickAfterStatus', 'switchSide']);

/** Why the binding is off here, in the user's language; undefined when it is on. */
export function disabledReason(state: AppState, binding: Binding): string | undefined {
  if (state.transfer && CHANGES_THE_LIST.has(binding.command)) return translator(state.lang)('off.transferRunning');
  const list = activeList(state);
  const filter = list ? kindOf(list).filter : undefined;
  const off = (() => {
    switch (binding.disabledIf) {
      case undefined:
        return false;
      case 'notRanged':
        return filter !== 'range';
      case 'notDated':
        return filter === 'status';
      case 'notInvoices':
        return filter !== 'status';
      case 'notCustomers':
        return !list || listsOf(kindOf(list).name).length < 2;
      case 'notCompare':
        return state.tab !== 'compare';
      case 'secretLine':
        return settingsSecretEdit(state);
      case 'plainLine':
        return !settingsSecretEdit(state);
      case 'noneRemaining':
        return (state.conflict?.remaining ?? 0) === 0;
    }
  })();
  return off && binding.disabledIf ? translator(state.lang)(REASON[binding.disabledIf]) : undefined;
}

/**
 * The hint line: each binding of the keyboard's contexts that has its few words and is on here, by its first
 * key. Too long for the width, the screen's last hints give way first: `?` help and `q` quit always stay.
 */
export function hintLine(state: AppState, width = Infinity): string {
  const t = translator(state.lang);
  const seen = new Set<string>();
  const parts: { text: string; stays: boolean }[] = [];
  for (const context of contextsOf(state)) {
    for (const b of KEYMAP) {
      if (b.context !== context || !b.short || seen.has(b.display) || disabledReason(state, b)) continue;
      seen.add(b.display);
      parts.push({ text: `${keyLabel(b.display, t).split(' ')[0]} ${t(b.short)}`, stays: context === 'global' });
    }
  }
  const line = () => parts.map((p) => p.text).join(' · ');
  while (line().length > width) {
    const last = parts.findLastIndex((p) => !p.stays);
    if (last < 0) break;
    parts.splice(last, 1);
  }
  return line();
}

/** The groups `?` shows: this screen's keys (and a running transfer's), then the app-wide ones. */
/** A key as the user's keyboard names it ("Mellanslag" on a Swedish one). */
export function keyLabel(display: string, t: Translate): string {
  return display.replace(/\bSpace\b/g, t('key.space')).replace(/\bShift\b/g, t('key.shift'));
}

export function helpGroups(state: AppState): { title: string; bindings: { display: string; text: string }[] }[] {
  const t = translator(state.lang);
  const screen: Context[] = state.transfer && screenContext(state) === 'list' ? ['transfer', 'list'] : [screenContext(state)];
  return [...screen, 'global' as const].map((context) => ({
    title: t(`context.${context}`),
    bindings: KEYMAP.filter((b) => b.context === context).map((b) => {
      const reason = disabledReason(state, b);
      return { display: keyLabel(b.display, t), text: reason ? `${t(b.label)} (${reason})` : t(b.label) };
    }),
  }));
}

/** The palette's commands: this screen's and the app-wide ones, matching the query; typing and dialogs left out. */
export function paletteMatches(state: AppState, query: string): Binding[] {
  const t = translator(state.lang);
  const q = query.trim().toLowerCase();
  const screen = screenContext(state);
  const seen = new Set<string>();
  return KEYMAP.filter((b) => {
    if ((b.context !== screen && b.context !== 'global') || seen.has(b.command)) return false;
    seen.add(b.command);
    return !q || `${t(b.label)} ${b.command} ${b.display}`.toLowerCase().includes(q);
  });
}
