import { translator } from '../i18n/index.js';
import type { Command } from './keymap.js';
import { paletteMatches } from './hints.js';
import { editField } from './textEdit.js';
import { activeList, addEffects, type AppState, loadEffect } from './vocabulary.js';

/** The conflict dialog: Update or Skip, for this one or the remaining ones too. */
export function onConflictCommand(state: AppState, command: Command): AppState {
  const c = state.conflict!;
  const answer = (decision: 'update' | 'skip', applyToRemaining: boolean): AppState =>
    addEffects({ ...state, conflict: undefined }, { type: 'answerConflict', answer: { decision, applyToRemaining } });
  switch (command) {
    // ← is Update, → Skip: they do not wrap around.
    case 'chooseUpdate':
      return { ...state, conflict: { ...c, choice: 'update' } };
    case 'chooseSkip':
      return { ...state, conflict: { ...c, choice: 'skip' } };
    case 'toggleRemaining':
      return c.remaining > 0 ? { ...state, conflict: { ...c, applyToRemaining: !c.applyToRemaining } } : state;
    case 'accept':
      return answer(c.choice, c.applyToRemaining);
    case 'update':
      return answer('update', c.applyToRemaining);
    case 'skip':
      return answer('skip', c.applyToRemaining);
    case 'dismiss':
      return answer('skip', false);
    case 'quit':
      // Ctrl+C asks as q does; yes skips the rest and stops the run before the app ends.
      return { ...state, overlay: { kind: 'confirmQuit' } };
    default:
      return state;
  }
}

/** Quit or cancel while a transfer runs: y goes ahead, n or Esc closes. */
export function onConfirmCommand(state: AppState, command: Command): AppState {
  const closed: AppState = { ...state, overlay: { kind: 'none' } };
  if (command !== 'yes') return command === 'no' || command === 'dismiss' ? closed : state;
  // Cancelling answers a conflict still waiting with skip (see the app's cancelTransfer), so the dialog goes too.
  return state.overlay.kind === 'confirmQuit'
    ? addEffects({ ...closed, conflict: undefined, quit: true }, { type: 'cancelTransfer' })
    : addEffects({ ...closed, conflict: undefined }, { type: 'cancelTransfer' });
}

export function pickerOptions(state: AppState, purpose: 'status' | 'afterStatus'): { guid: string | undefined; name: string }[] {
  const statuses = state.invoiceStatuses.map((s) => ({ guid: s.guid as string | undefined, name: s.name }));
  // The after-transfer picker starts with "(none)".
  return purpose === 'afterStatus' ? [{ guid: undefined, name: translator(state.lang)('list.none') }, ...statuses] : statuses;
}

/** The invoice-status pickers: the status to list, or the one set after booking. */
export function onPickerCommand(state: AppState, command: Command): AppState {
  if (state.overlay.kind !== 'picker') return state;
  const picker = state.overlay;
  const options = pickerOptions(state, picker.purpose);
  const move = (cursor: number): AppState => ({
    ...state,
    overlay: { ...picker, cursor: Math.min(options.length - 1, Math.max(0, cursor)) },
  });
  switch (command) {
    case 'dismiss':
      return { ...state, overlay: { kind: 'none' } };
    case 'up':
      return move(picker.cursor - 1);
    case 'down':
      return move(picker.cursor + 1);
    case 'accept': {
      const chosen = options[picker.cursor];
      const closed: AppState = { ...state, overlay: { kind: 'none' } };
      if (picker.purpose === 'afterStatus') {
        const afterStatus = chosen?.guid ? chosen.name : undefined;
        return addEffects({ ...closed, afterStatus }, { type: 'remember', afterStatus });
      }
      if (!chosen?.guid) return closed;
      const next: AppState = { ...closed, invoiceStatus: chosen.guid };
      const list = activeList(next);
      return list ? addEffects(next, ...loadEffect(next, list)) : next;
    }
    default:
      return state;
  }
}

/** The command palette: type to narrow, Enter runs the command under the cursor. */
export function onPaletteCommand(state: AppState, command: Command, text: string, run: (s: AppState, c: Command) => AppState): AppState {
  if (state.overlay.kind !== 'palette') return state;
  const palette = state.overlay;
  const matches = paletteMatches(state, palette.query);
  switch (command) {
    case 'dismiss':
      return { ...state, overlay: { kind: 'none' } };
    case 'up':
      return { ...state, overlay: { ...palette, cursor: Math.max(0, palette.cursor - 1) } };
    case 'down':
      return { ...state, overlay: { ...palette, cursor: Math.min(matches.length - 1, palette.cursor + 1) } };
    case 'accept': {
      const chosen = matches[palette.cursor];
      const closed: AppState = { ...state, overlay: { kind: 'none' } };
      return chosen ? run(closed, chosen.command) : closed;
    }
    default: {
      const edited = editField({ text: palette.query, back: state.caretBack }, command, text);
      return edited === undefined
        ? state
        : {
            ...state,
            caretBack: edited.back,
            overlay: { ...palette, query: edited.text, cursor: edited.text === palette.query ? palette.cursor : 0 },
          };
    }
  }
}
