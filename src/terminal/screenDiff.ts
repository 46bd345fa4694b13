const BEGIN_UPDATE = '\x1b[?2026h';
const END_UPDATE = '\x1b[?2026l';
const CLEAR = '\x1b[H\x1b[2J';

/** Moves to a row (1-based), resets the colours and blanks the row, ready for its new text. */
const row = (index: number) => `\x1b[${index + 1}H\x1b[m\x1b[2K`;

/**
 * What to send so the terminal shows a frame, given what it shows now: only the rows that changed. A full-screen
 * frame repainted whole is 9 KB at 200×60, so a cursor move over SSH costs that much; the two rows it changes cost a
 * few hundred bytes. Rows are rewritten whole (erase, then text): erasing after the text would blank the last
 * column of a row that fills the width, where the cursor waits to wrap.
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
      const height = Math.max(lines.length, before.length);
      for (let i = 0; i < height; i++) {
        const now = lines[i] ?? '';
        if (now !== (before[i] ?? '')) out += row(i) + now;
      }
      if (out === '') return '';
    }
    // One synchronized update: terminals that know it show the frame at once, the others ignore it.
    return BEGIN_UPDATE + out + END_UPDATE;
  }
}
