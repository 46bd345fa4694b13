import type { Command } from './keymap.js';

/** What a text command does to a field's text; undefined for a command that is no text edit. */
export function editText(text: string, command: Command, typed: string): string | undefined {
  switch (command) {
    case 'type':
      return text + typed;
    case 'erase':
      return text.slice(0, -1);
    case 'eraseWord':
      return text.replace(/\S*\s*$/, '');
    case 'clearField':
      return '';
    default:
      return undefined;
  }
}
