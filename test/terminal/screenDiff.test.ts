import xterm from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { ScreenDiff } from '../../src/terminal/screenDiff.js';
import { cells, parsed, seeded } from '../helpers/terminal.js';

const { Terminal } = xterm;

/** What a full repaint shows: the screen cleared, then the frame from the top (ink's way, autowrap off as ours). */
const repaint = (frame: string, rows: number) => `\x1b[?7l\x1b[H\x1b[2J${frame.split('\n').slice(0, rows).join('\r\n')}`;

describe('ScreenDiff', () => {
  it('sends nothing for a frame the screen already shows, and only the changed rows otherwise', () => {
    const diff = new ScreenDiff(5);
    const first = diff.next('a\nb\nc\nd\ne');
    expect(first).toContain('\x1b[2J');
    expect(diff.next('a\nb\nc\nd\ne')).toBe('');
    const second = diff.next('a\nB\nc\nd\ne');
    expect(second).toContain('\x1b[2H');
    expect(second).not.toContain('\x1b[1H');
    expect(second).not.toContain('\x1b[2J');
    diff.resize(5);
    expect(diff.next('a\nB\nc\nd\ne')).toContain('\x1b[2J');
  });

  it('has the terminal scroll a list that moved by a row, and sends only the row that came into view', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `row ${i} ${'x'.repeat(150)}`);
    const diff = new ScreenDiff(32);
    diff.next(['header', ...rows.slice(0, 30), 'status'].join('\n'));
    const scrolled = diff.next(['header', ...rows.slice(1, 30), 'row 30', 'status'].join('\n'));
    expect(scrolled).toContain('\x1b[2;31r\x1b[1S\x1b[r');
    expect(scrolled).toContain('row 30');
    expect(scrolled.length).toBeLessThan(100);
  });

  it('leaves the screen exactly as a full repaint would, over random frames, resizes and rows wider than the screen', async () => {
    const random = seeded(17);
    let columns = 30;
    let rows = 8;
    const diffed = new Terminal({ cols: columns, rows, allowProposedApi: true });
    const full = new Terminal({ cols: columns, rows, allowProposedApi: true });
    diffed.write('\x1b[?7l');
    const diff = new ScreenDiff(rows);
    const colours = ['', '\x1b[7m', '\x1b[32m', '\x1b[1m', '\x1b[44m'];
    const pieces = ['kund', 'Åsa', ' ', '1 234,00', '│', '●', 'faktura', '─'.repeat(12)];
    let frame: string[] = Array.from({ length: rows }, () => '');
    for (let step = 0; step < 400; step++) {
      if (step % 57 === 56) {
        columns = 20 + Math.floor(random() * 40);
        rows = 5 + Math.floor(random() * 10);
        diffed.resize(columns, rows);
        full.resize(columns, rows);
        diff.resize(rows);
      }
      // Change a few rows, sometimes the height too (a dialog, a shorter frame).
      const height = random() < 0.1 ? Math.max(1, rows - Math.floor(random() * 3)) : rows;
      // Now and then a block of rows moves up or down a few rows, as a list scrolls.
      const by = random() < 0.3 ? Math.floor(random() * 9) - 4 : 0;
      const top = Math.floor(random() * rows);
      const bottom = top + Math.floor(random() * (rows - top));
      const previous = frame;
      frame = Array.from({ length: height }, (_, i) => {
        if (by && i >= top && i <= bottom && previous[i + by] !== undefined) return previous[i + by]!;
        if (previous[i] !== undefined && random() < 0.8) return previous[i]!;
        let line = '';
        const parts = Math.floor(random() * 8);
        for (let p = 0; p < parts; p++) {
          const colour = colours[Math.floor(random() * colours.length)]!;
          const text = pieces[Math.floor(random() * pieces.length)]!;
          line += colour ? `${colour}${text}\x1b[0m` : text;
        }
        return line;
      });
      const text = frame.join('\n');
      diffed.write(diff.next(text));
      full.write(repaint(text, rows));
      await parsed(diffed);
      await parsed(full);
      expect(cells(diffed), `step ${step}`).toEqual(cells(full));
    }
  });
});
