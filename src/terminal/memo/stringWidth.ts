import measure from 'string-width';
import { COLOUR_CODES, PLAIN } from './plain.js';

const LIMIT = 20_000;
let widths = new Map<string, number>();

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
    width = PLAIN.test(text) ? (text.includes('\x1b') ? text.replace(COLOUR_CODES, '') : text).length : measure(text);
    if (widths.size >= LIMIT) widths = new Map();
    widths.set(text, width);
  }
  return width;
}
