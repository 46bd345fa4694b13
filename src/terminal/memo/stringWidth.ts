import measure from 'string-width';

const LIMIT = 20_000;
let widths = new Map<string, number>();

/**
 * Characters one column wide whatever follows them: ASCII, Latin-1 and Latin Extended-A/B (Swedish names), the
 * punctuation, arrows, box drawing and shapes the app draws with. The test checks each against string-width.
 * U+00AD (soft hyphen) is left out: it takes no column.
 */
const NARROW = /^(?:[\x20-\x7e\xa0-\xac\xae-\u024f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25fc]|\x1b\[[0-9;]*m)*$/;
const STYLES = /\x1b\[[0-9;]*m/g;

/**
 * string-width, remembered, with a fast path: ink measures every row of every frame, and a row with one "å" or
 * "›" in it takes string-width's slow path (grapheme segmentation). The rows of one screen repeat from frame to
 * frame, so most answers are known; a new row of plain narrow characters is counted directly. Bounded: the memory
 * is dropped whole when it grows past LIMIT strings.
 */
export default function stringWidth(text: string, options?: Parameters<typeof measure>[1]): number {
  if (options) return measure(text, options);
  let width = widths.get(text);
  if (width === undefined) {
    width = NARROW.test(text) ? (text.includes('\x1b') ? text.replace(STYLES, '') : text).length : measure(text);
    if (widths.size >= LIMIT) widths = new Map();
    widths.set(text, width);
  }
  return width;
}
