import xterm from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { runTui } from '../../src/tui.js';
import { demoSession } from '../helpers/session.js';
import { cells, FakeTerminal, parsed, seeded } from '../helpers/terminal.js';

const { Terminal } = xterm;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Keys a user presses, weighted towards moving and marking; never q or ctrl+c (the run ends on purpose below). */
const KEYS = [
  ...Array<string>(8).fill('\x1b[B'),
  ...Array<string>(3).fill('\x1b[A'),
  '\x1b[6~',
  '\x1b[5~',
  '\x1b[H',
  '\x1b[F',
  ' ',
  ' ',
  '\x01',
  '\t',
  '\x1b[Z',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '\r',
  '\x1b',
  '\x1b',
  '?',
  '/',
  'a',
  'e',
  '\x7f',
  'l',
  '\x10',
  '\x1b[C',
  '\x1b[D',
  't',
  'n',
  'y',
  'u',
  's',
];

describe('the app on a terminal, only changed rows sent', () => {
  it('shows after every key what a full repaint of the same frame shows: random keys, dialogs, resizes, the alternate screen', async () => {
    const { session } = await demoSession();
    const terminal = new FakeTerminal(100, 30);
    terminal.term.write('$ sevadm demo\r\n');
    await parsed(terminal.term);
    // The reference: each frame ink draws, painted whole on a terminal of its own.
    const full = new Terminal({ cols: 100, rows: 30, allowProposedApi: true });
    let frames = 0;
    const onFrame = (frame: string) => {
      frames++;
      full.write(`\x1b[?7l\x1b[H\x1b[2J${frame.split('\n').slice(0, full.rows).join('\r\n')}`);
    };
    const done = runTui(session, { demo: true, lang: 'en' }, terminal.io(onFrame));
    for (let i = 0; i < 100 && frames === 0; i++) await pause(20);
    await parsed(terminal.term);
    expect(terminal.term.buffer.active.type).toBe('alternate');
    const random = seeded(42);
    const same = async (what: string) => {
      // Both terminals take each frame at once; a frame that arrives while they parse is waited for too.
      let seen: number;
      do {
        seen = frames;
        await parsed(terminal.term);
        await parsed(full);
      } while (seen !== frames);
      expect(cells(terminal.term), what).toEqual(cells(full));
    };
    let sent = 0;
    for (let step = 0; step < 300; step++) {
      if (step % 60 === 59) {
        const columns = 60 + Math.floor(random() * 140);
        const rows = 16 + Math.floor(random() * 44);
        full.resize(columns, rows);
        terminal.resize(columns, rows);
        await pause(10);
        await same(`after resizing to ${columns}×${rows}`);
      }
      const key = KEYS[Math.floor(random() * KEYS.length)]!;
      terminal.stdin.write(key);
      sent++;
      await pause(random() < 0.2 ? 40 : 4);
      await same(`step ${step}, key ${JSON.stringify(key)}`);
    }
    expect(sent).toBe(300);
    // Leave: every layer closed, then quit (and confirm, should a transfer still be running).
    for (const key of ['\x1b', '\x1b', '\x1b', 'q', 'y']) {
      terminal.stdin.write(key);
      await pause(30);
    }
    await done;
    await parsed(terminal.term);
    expect(terminal.term.buffer.active.type).toBe('normal');
    expect(terminal.term.buffer.active.getLine(0)?.translateToString(true)).toBe('$ sevadm demo');
  }, 120_000);
});
