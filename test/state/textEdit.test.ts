import { describe, expect, it } from 'vitest';
import { defaultDates } from '../../src/clock.js';
import { type Action, type AppState, initialState, reducer } from '../../src/state/app.js';
import type { KeyPress } from '../../src/state/keymap.js';
import { editField, withCaret } from '../../src/state/textEdit.js';
import { TEST_NOW_MS } from '../helpers/clock.js';

const key = (input: string, k: KeyPress = {}): Action => ({ type: 'key', input, key: k });
const press = (s: AppState, ...actions: Action[]) => actions.reduce(reducer, s);
const LEFT = key('', { leftArrow: true });
const RIGHT = key('', { rightArrow: true });
const HOME = key('', { home: true });
const END = key('', { end: true });

describe('a text field', () => {
  it('types, erases and takes back a word at the caret; ←/→, Home and End move it and stay inside the text', () => {
    let f = { text: 'Kund AB', back: 0 };
    const run = (command: Parameters<typeof editField>[1], typed = '') => (f = editField(f, command, typed)!);
    run('caretLeft');
    run('caretLeft');
    run('type', 'X');
    expect(withCaret(f.text, f.back)).toBe('Kund X▏AB');
    run('erase');
    run('erase');
    expect(f.text).toBe('KundAB');
    run('caretHome');
    run('caretLeft');
    expect(f.back).toBe(6);
    run('type', '>');
    expect(withCaret(f.text, f.back)).toBe('>▏KundAB');
    run('caretEnd');
    run('caretRight');
    expect(f.back).toBe(0);
    run('eraseWord');
    expect(f.text).toBe('');
    expect(editField({ text: 'a', back: 0 }, 'accept', '')).toBeUndefined();
  });

  it('in the list filter, ← and → move the caret (they do not switch sides) and typing goes where it is', () => {
    const start = initialState({ lang: 'en', demo: true, columns: 100, rows: 30, dates: defaultDates(TEST_NOW_MS) });
    let state = press(start, key('/'), ...[...'Kud'].map((c) => key(c)), LEFT, key('n'));
    expect(state.tables['severa-customers'].filter).toBe('Kund');
    expect(state.side).toBe('severa');
    state = press(state, HOME, key('x'), END, key('!'), RIGHT);
    expect(state.tables['severa-customers'].filter).toBe('xKund!');
    // Out of the field, the next field's caret starts at its end.
    state = press(state, key('', { return: true }), key('d'));
    state = press(state, LEFT, LEFT, LEFT, key('', { backspace: true }), key('9'));
    expect(state.dateDraft).toBe(`${start.defaults.since.slice(0, 6)}9${start.defaults.since.slice(7)}`);
  });
});
