const BEGIN_UPDATE = '\x1b[?2026h';
const END_UPDATE = '\x1b[?2026l';
const CLEAR = '\x1b[H\x1b[2J';

/** Moves to a row (0-based here, 1-based on the wire), resets the colours and blanks the row, ready for its text. */
const row = (index: number) => `\x1b[${index + 1}H\x1b[m\x1b[2K`;

/** Rows a list scrolls by at most in one step that the terminal is asked to move rather than be sent again. */
const MAX_SHIFT = 4;
/** Fewer rows than this moved are cheaper sent again than scrolled. */
const MIN_RUN = 4;

/** A block of rows that moved: new rows [from, to] show what rows [from + by, to + by] showed. */
interface Shift {
  from: number;
  to: number;
  by: number;
}

/** The longest block of rows that the new frame shows moved by up to MAX_SHIFT rows, if long enough to be worth it. */
function findShift(before: string[], after: string[]): Shift | undefined {
  let best: Shift | undefined;
  for (let by = -MAX_SHIFT; by <= MAX_SHIFT; by++) {
    if (by === 0) continue;
    let start = -1;
    for (let i = 0; i <= after.length; i++) {
      const j = i + by;
      const same = i < after.length && j >= 0 && j < before.length && after[i] === before[j] && after[i] !== before[i];
      if (same && start < 0) start = i;
      if (!same && start >= 0) {
        if (!best || i - start > best.to - best.from + 1) best = { from: start, to: i - 1, by };
        start = -1;
      }
    }
  }
  return best && best.to - best.from + 1 >= MIN_RUN ? best : undefined;
}

/**
 * What to send so the terminal shows a frame, given what it shows now: only the rows that changed. A full-screen
 * frame repainted whole is 9 KB at 200×60, so a cursor move over SSH costs that much; the two rows it changes cost a
 * few hundred bytes. A list scrolled by a row is moved by the terminal itself (a scroll region), and only the row
 * that came into view is sent. Rows are rewritten whole (erase, then text): erasing after the text would blank the
 * last column of a row that fills the width, where the cursor waits to wrap.
 */
export class ScreenDiff {
  /** The rows the terminal shows, as sent; undefined when unknown (start, resize): the next frame is sent whole. */
  private shown: string[] | undefined;

  constructor(private rows: number) {}

  /** The terminal changed size: what it shows is no longer known. */
  resize(rows: number): void {
    this.rows = rows;
    this.shown = undefined;
  }

  /** The bytes that turn the screen into `frame` (rows separated by newlines); '' when nothing changed. */
  next(frame: string): string {
    const lines = frame.split('\n').slice(0, this.rows);
    const before = this.shown;
    this.shown = lines;
    let out = '';
    if (!before) {
      out = CLEAR;
      lines.forEach((line, i) => {
        if (line !== '') out += `\x1b[${i + 1}H${line}`;
      });
    } else {
      const screen = [...before];
      const shift = findShift(before, lines);
      if (shift) out += scroll(screen, shift);
      const height = Math.max(lines.length, screen.length);
      for (let i = 0; i < height; i++) {
        const now = lines[i] ?? '';
        if (now !== (screen[i] ?? '')) out += row(i) + now;
      }
      if (out === '') return '';
    }
    // One synchronized update: terminals that know it show the frame at once, the others ignore it.
    return BEGIN_UPDATE + out + END_UPDATE;
  }
}

/** Moves a block of rows on the terminal (and in `screen`, what it shows): a scroll region, scrolled, then reset. */
function scroll(screen: string[], { from, to, by }: Shift): string {
  // The region holds the rows that move and the ones they leave; what scrolls in is blank (the colours reset first).
  const top = by > 0 ? from : from + by;
  const bottom = by > 0 ? to + by : to;
  const moved = screen.slice(top, bottom + 1);
  const blank = Array<string>(Math.abs(by)).fill('');
  const after = by > 0 ? [...moved.slice(by), ...blank] : [...blank, ...moved.slice(0, moved.length + by)];
  screen.splice(top, after.length, ...after);
  return `\x1b[m\x1b[${top + 1};${bottom + 1}r${by > 0 ? `\x1b[${by}S` : `\x1b[${-by}T`}\x1b[r`;
}
