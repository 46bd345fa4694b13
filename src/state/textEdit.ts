import type { Command } from './keymap.js';

/** A field's text and where its caret is, counted from the end (0: after the last character). */
export interface FieldText {
  text: string;
  back: number;
}

/**
 * What a text command does to a field: typing and erasing happen at the caret; ←/→, Home and End move it.
 * Undefined for a command that is no text edit.
 */
export function editField({ text, back }: FieldText, command: Command, typed: string): FieldText | undefined {
  const caret = Math.max(0, text.length - Math.min(back, text.length));
  const before = text.slice(0, caret);
  const after = text.slice(caret);
  switch (command) {
    case 'type':
      return { text: before + typed + after, back: after.length };
    case 'erase':
      return { text: before.slice(0, -1) + after, back: after.length };
    case 'eraseWord':
      return { text: before.replace(/\S*\s*$/, '') + after, back: after.length };
    case 'clearField':
      return { text: '', back: 0 };
    case 'caretLeft':
      return { text, back: Math.min(text.length, after.length + 1) };
    case 'caretRight':
      return { text, back: Math.max(0, after.length - 1) };
    case 'caretHome':
      return { text, back: text.length };
    case 'caretEnd':
      return { text, back: 0 };
    default:
      return undefined;
  }
}

/** The text with the caret drawn where it is. */
export function withCaret(text: string, back: number, caret = '▏'): string {
  const at = Math.max(0, text.length - Math.min(back, text.length));
  return text.slice(0, at) + caret + text.slice(at);
}
