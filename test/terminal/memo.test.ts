import measure from 'string-width';
import * as library from '@alcalzone/ansi-tokenize';
import { describe, expect, it } from 'vitest';
import stringWidth from '../../src/terminal/memo/stringWidth.js';
import { styledCharsFromTokens, styledCharsToString, tokenize } from '../../src/terminal/memo/ansiTokenize.js';
import { seeded } from '../helpers/terminal.js';

const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x24f],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2190, 0x21ff],
  [0x2500, 0x25fc],
];

/** Text as the app's rows hold it: names, amounts, marks, colours, and now and then a wide or combining character. */
function randomText(random: () => number): string {
  const pieces = [
    'Kund',
    'Åsa Öberg',
    ' ',
    '1 234,00',
    '│',
    '●',
    '›',
    '…',
    '\x1b[32m',
    '\x1b[39m',
    '\x1b[7m',
    '\x1b[27m',
    'e\u0301',
    '日本',
    '✓',
    '\u00ad',
    '\x1b[1m',
  ];
  let text = '';
  const n = Math.floor(random() * 12);
  for (let i = 0; i < n; i++) text += pieces[Math.floor(random() * pieces.length)]!;
  return text;
}

describe("ink's helpers through sevadm's memos", () => {
  it('counts every character of the fast path one column wide, as string-width does', () => {
    for (const [from, to] of RANGES)
      for (let c = from; c <= to; c++) expect(measure(String.fromCodePoint(c)), `U+${c.toString(16)}`).toBe(1);
    expect(measure('\u00ad')).toBe(0);
  });

  it('gives the widths string-width gives, the first time and when remembered', () => {
    const random = seeded(5);
    for (let i = 0; i < 3000; i++) {
      const text = randomText(random);
      expect(stringWidth(text), JSON.stringify(text)).toBe(measure(text));
      expect(stringWidth(text)).toBe(measure(text));
    }
  });

  it('splits and joins styled text as the library does', () => {
    const random = seeded(9);
    for (let i = 0; i < 2000; i++) {
      const text = randomText(random);
      expect(tokenize(text), JSON.stringify(text)).toEqual(library.tokenize(text));
      const chars = styledCharsFromTokens(tokenize(text));
      const theirs = library.styledCharsFromTokens(library.tokenize(text));
      expect(chars).toEqual(theirs);
      expect(styledCharsToString(chars), JSON.stringify(text)).toBe(library.styledCharsToString(theirs));
      // Rows are joined from pieces of several texts, blank cells between them.
      const blank = { type: 'char' as const, value: ' ', fullWidth: false, styles: [] };
      const mixed = [...chars, blank, ...styledCharsFromTokens(tokenize(randomText(random)))];
      expect(styledCharsToString(mixed)).toBe(library.styledCharsToString(mixed));
    }
  });
});
