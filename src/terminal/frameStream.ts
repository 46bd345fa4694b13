import { EventEmitter } from 'node:events';
import { ScreenDiff } from './screenDiff.js';

const HIDE_CURSOR = '\x1b[?25l';
/**
 * Autowrap off: a row wider than the screen (one frame drawn for the old width while a resize is under way) is cut
 * at the edge instead of spilling onto the next row, so the screen always holds what the last frames say.
 */
const NO_WRAP = '\x1b[?7l';
/** Sent when the app ends (the runner's restore), with the cursor shown again. */
export const WRAP = '\x1b[?7h';

/**
 * The stdout ink draws to: it takes whole frames (ink's debug mode writes each frame as it is, with no erasing) and
 * passes on to the terminal only what changed. It mirrors the terminal's size and its resizes, so ink and the app
 * lay out for the real screen.
 */
export class FrameStream extends EventEmitter {
  readonly isTTY = true;
  readonly writable = true;
  columns: number;
  rows: number;
  private readonly diff: ScreenDiff;

  constructor(
    private readonly terminal: NodeJS.WriteStream,
    private readonly onFrame?: (frame: string) => void,
  ) {
    super();
    this.columns = terminal.columns || 80;
    this.rows = terminal.rows || 24;
    this.diff = new ScreenDiff(this.rows);
    terminal.on('resize', this.resized);
    this.send(HIDE_CURSOR + NO_WRAP);
  }

  write(chunk: string | Uint8Array, encoding?: BufferEncoding | (() => void), done?: () => void): boolean {
    const frame = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const bytes = this.diff.next(frame);
    if (bytes) this.send(bytes);
    this.onFrame?.(frame);
    const callback = typeof encoding === 'function' ? encoding : done;
    callback?.();
    return true;
  }

  /** Stops following the terminal's resizes. */
  close(): void {
    this.terminal.off('resize', this.resized);
  }

  private send(bytes: string): void {
    this.terminal.write(bytes);
  }

  private readonly resized = () => {
    this.columns = this.terminal.columns || this.columns;
    this.rows = this.terminal.rows || this.rows;
    this.diff.resize(this.rows);
    this.emit('resize');
  };
}
