import { translator } from '../i18n/index.js';
import { runCommand, onFieldCommand } from './commands.js';
import { onConfirmCommand, onConflictCommand, onPaletteCommand, onPickerCommand } from './dialogs.js';
import { contextsOf } from './hints.js';
import { bindingFor, type Command, type KeyPress } from './keymap.js';
import { onSettingsCommand } from './settings.js';
import { type AppState, tableHeight } from './vocabulary.js';

/** Several printable keys in one chunk (fast typing, tmux, a paste) arrive as one input: they are replayed one by one. */
export function onInput(state: AppState, input: string, key: KeyPress): AppState {
  if (input.length > 1 && !key.ctrl && !key.meta && !input.startsWith('[') && !input.startsWith('\x1b')) {
    // A pasted line may end with Enter: that one is a key of its own.
    // A held Backspace arrives as several DELs in one read: each is a Backspace.
    return [...input].reduce(
      (s, ch) =>
        ch === '\r' || ch === '\n'
          ? onKey(s, '', { return: true })
          : ch === '\x7f' || ch === '\b'
            ? onKey(s, '', { backspace: true })
            : onKey(s, ch, { ...key, return: false, shift: /[A-ZÅÄÖ]/.test(ch) }),
      state,
    );
  }
  return onKey(state, input, key);
}

const TEXT_CONTEXTS = new Set(['filter', 'date', 'palette', 'settingsEdit']);

/** One key: the keymap names the command in the contexts that have the keyboard; the context's handler does it. */
function onKey(state: AppState, input: string, key: KeyPress): AppState {
  const binding = bindingFor(contextsOf(state), input, key);
  if (!binding) return state;
  const { command, context } = binding;
  // A caret belongs to the field it was moved in: any key outside a field puts the next one's at its end.
  if (state.caretBack && !TEXT_CONTEXTS.has(context)) state = { ...state, caretBack: 0 };
  switch (context) {
    case 'always':
      return runCommand({ ...state, focus: 'list', overlay: { kind: 'none' } }, command);
    case 'conflict':
      return onConflictCommand(state, command);
    case 'confirm':
      return onConfirmCommand(state, command);
    case 'help':
    case 'detail':
      return { ...state, overlay: { kind: 'none' } };
    case 'palette':
      return onPaletteCommand(state, command, input, runOnScreen);
    case 'picker':
      return onPickerCommand(state, command);
    case 'filter':
    case 'date':
      return onFieldCommand(state, command, input);
    case 'settings':
    case 'settingsEdit':
    case 'settingsPick':
      return onSettings(state, command, input).state;
    default:
      return runCommand(state, command);
  }
}

function onSettings(state: AppState, command: Command, text: string): { state: AppState; handled: boolean } {
  const result = onSettingsCommand(state.settings, command, text, translator(state.lang), tableHeight(state));
  return {
    state: { ...state, settings: result.state, effects: result.effect ? [...state.effects, result.effect] : state.effects },
    handled: result.handled,
  };
}

/** A command from the palette, done by the screen it was chosen on (Settings has commands of its own). */
function runOnScreen(state: AppState, command: Command): AppState {
  if (state.tab === 'settings') {
    const result = onSettings(state, command, '');
    if (result.handled) return result.state;
  }
  return runCommand(state, command);
}
