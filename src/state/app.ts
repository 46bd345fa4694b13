import { onInput } from './keys.js';
import { onResult } from './results.js';
import type { Action, AppState } from './vocabulary.js';

export * from './vocabulary.js';
export { pickerOptions } from './dialogs.js';
export { helpGroups, hintLine, paletteMatches } from './hints.js';

/** The one reducer: keys go through the keymap, everything else is a result from the world. */
export function reducer(state: AppState, action: Action): AppState {
  return action.type === 'key' ? onInput(state, action.input, action.key) : onResult(state, action);
}
