import xterm from '@xterm/headless';
import pty from 'node-pty';
import { TEST_NOW } from './clock.js';

const { Terminal } = xterm;

/** The real app in a pseudo-terminal, read back through a headless xterm. */
export function spawnApp(args: string[], options: { cols?: number; rows?: number; env?: Record<string, string> } = {}) {
  const cols = options.cols ?? 100;
  const rows = options.rows ?? 30;
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  // CI=true turns ink non-interactive; the child must see a normal terminal session, on the suite's day.
  const child = pty.spawn(process.execPath, ['bin/sevadm.js', ...args], {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: process.cwd(),
    env: { ...process.env, CI: '0', CONTINUOUS_INTEGRATION: '0', FORCE_COLOR: '1', SEVADM_NOW: TEST_NOW, ...options.env } as Record<
      string,
      string
    >,
  });
  let exitCode: number | undefined;
  let raw = '';
  child.onData((d) => {
    raw += d;
    term.write(d);
  });
  child.onExit((e) => (exitCode = e.exitCode));

  const screen = () => {
    const b = term.buffer.active;
    return Array.from({ length: rows }, (_, i) => b.getLine(b.viewportY + i)?.translateToString(true) ?? '').join('\n');
  };
  /** Lines drawn inverse from their second column on (the cursor line of a list), below the tab bar. */
  const inverseLines = () => {
    const b = term.buffer.active;
    const out: string[] = [];
    for (let i = 1; i < rows; i++) {
      const line = b.getLine(b.viewportY + i);
      if (line?.getCell(1)?.isInverse()) out.push(line.translateToString(true));
    }
    return out;
  };
  return {
    term,
    screen,
    /** Everything the app wrote, escape sequences and all. */
    raw: () => raw,
    inverseLines,
    exitCode: () => exitCode,
    bufferType: () => term.buffer.active.type,
    async waitFor(pattern: RegExp | string, timeoutMs = 20_000): Promise<string> {
      const start = Date.now();
      for (;;) {
        const text = screen();
        if (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)) return text;
        if (exitCode !== undefined) throw new Error(`the app exited (${exitCode}) while waiting for ${pattern}:\n${text}`);
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${pattern}; the screen:\n${text}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async keys(...keys: string[]): Promise<void> {
      for (const k of keys) {
        child.write(k);
        await new Promise((r) => setTimeout(r, 40));
      }
    },
    async exited(timeoutMs = 10_000): Promise<number> {
      const start = Date.now();
      while (exitCode === undefined) {
        if (Date.now() - start > timeoutMs) throw new Error('the app did not exit');
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 100));
      return exitCode;
    },
    kill: () => {
      if (exitCode === undefined) child.kill();
    },
    /** Sends the app a signal, as `kill -INT` from another shell would. */
    signal: (name: string) => child.kill(name),
  };
}
