import {
  ansiCodesToString,
  diffAnsiCodes,
  reduceAnsiCodesIncremental,
  tokenize as tokenizeAnew,
  type AnsiCode,
  type StyledChar,
  type Token,
} from '@alcalzone/ansi-tokenize';

import { PLAIN } from './plain.js';

export * from '@alcalzone/ansi-tokenize';

const LIMIT = 5_000;
const codeTokens = new Map<string, Token[]>();
let tokensOf = new Map<string, Token[]>();
const charsOf = new WeakMap<Token[], StyledChar[]>();

/**
 * Ink splits every row of every frame into styled characters. A screen's rows repeat from frame to frame, so the
 * split of a row already seen is reused (ink only reads it). Bounded like the width memo.
 */
export function tokenize(text: string, endChar?: number): Token[] {
  if (endChar !== undefined) return tokenizeAnew(text, endChar);
  let tokens = tokensOf.get(text);
  if (!tokens) {
    tokens = PLAIN.test(text) ? tokenizePlain(text) : tokenizeAnew(text);
    if (tokensOf.size >= LIMIT) tokensOf = new Map();
    tokensOf.set(text, tokens);
  }
  return tokens;
}

/**
 * The library's tokens for text of plain one-column characters, without its grapheme segmentation (each character
 * is its own grapheme there); a colour code is split by the library itself, once per distinct code.
 */
function tokenizePlain(text: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x1b) {
      const end = text.indexOf('m', i);
      const code = text.slice(i, end + 1);
      let split = codeTokens.get(code);
      if (!split) codeTokens.set(code, (split = tokenizeAnew(code)));
      tokens.push(...split);
      i = end;
    } else tokens.push({ type: 'char', value: text[i]!, fullWidth: false });
  }
  return tokens;
}

/** As the library's, but characters in one run of styles share its list (nobody changes it), and it is remembered. */
export function styledCharsFromTokens(tokens: Token[]): StyledChar[] {
  const known = charsOf.get(tokens);
  if (known) return known;
  let codes: AnsiCode[] = [];
  const chars: StyledChar[] = [];
  for (const token of tokens) {
    if (token.type === 'ansi') codes = reduceAnsiCodesIncremental(codes, [token]);
    else chars.push({ ...token, styles: codes });
  }
  charsOf.set(tokens, chars);
  return chars;
}

/** As the library's, without working out the change between two characters whose styles are plainly the same. */
export function styledCharsToString(chars: StyledChar[]): string {
  let out = '';
  let previous: AnsiCode[] = [];
  for (let i = 0; i < chars.length; i++) {
    const { styles, value } = chars[i]!;
    if (i === 0) out += ansiCodesToString(styles);
    else if (styles !== previous && (styles.length > 0 || previous.length > 0)) out += ansiCodesToString(diffAnsiCodes(previous, styles));
    out += value;
    previous = styles;
  }
  if (chars.length > 0 && previous.length > 0) out += ansiCodesToString(diffAnsiCodes(previous, []));
  return out;
}
