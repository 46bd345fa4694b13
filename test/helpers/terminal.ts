import { EventEmitter } from 'node:events';
import xterm from '@xterm/headless';
import { fakeStdin } from './fakeStdin.js';

const { Terminal } = xterm;
type Term = InstanceType<typeof Terminal>;

/** A deterministic pseudo-random source, so a failure can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every cell of the visible screen with its colours and attributes, row by row, for comparing two terminals. */
export function cells(term: Term): string[] {
  const b = term.buffer.active;
  const out: string[] = [];
  for (let y = 0; y < term.rows; y++) {
    const line = b.getLine(b.viewportY + y);
    let row = '';
    for (let x = 0; x < term.cols; x++) {
      const c = line?.getCell(x);
      if (!c) continue;
      row += `${c.getChars() || ' '}${c.getFgColorMode()}:${c.getFgColor()}/${c.getBgColorMode()}:${c.getBgColor()}`;
      row += `${c.isBold()}${c.isDim()}${c.isInverse()}${c.isUnderline()}${c.isItalic()}|`;
    }
    out.push(row);
  }
  return out;
}

/** Lets a terminal parse everything written to it so far. */
export const parsed = (term: Term) => new Promise<void>((resolve) => term.write('', resolve));

/** A terminal for the app: xterm behind a TTY-like stdout and stdin, resizable, counting the bytes it is sent. */
export class FakeTerminal {
  readonly term: Term;
  readonly stdout: EventEmitter & { isTTY: true; columns: number; rows: number; write(data: string): boolean };
  readonly stdin: EventEmitter & { isTTY: true; write(data: string): void };
  bytes = 0;

  constructor(columns: number, rows: number) {
    this.term = new Terminal({ cols: columns, rows, allowProposedApi: true });
    const stdout = Object.assign(new EventEmitter(), {
      isTTY: true as const,
      columns,
      rows,
      write: (data: string) => {
        this.bytes += Buffer.byteLength(data);
        this.term.write(data);
        return true;
      },
    });
    this.stdout = stdout;
    this.stdin = fakeStdin();
  }

  resize(columns: number, rows: number): void {
    this.term.resize(columns, rows);
    this.stdout.columns = columns;
    this.stdout.rows = rows;
    this.stdout.emit('resize');
  }

  /** What runTui takes. */
  io(onFrame?: (frame: string) => void) {
    return { stdin: this.stdin as unknown as NodeJS.ReadStream, stdout: this.stdout as unknown as NodeJS.WriteStream, onFrame };
  }
}
