export const KEY = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  pgUp: '\x1b[5~',
  pgDn: '\x1b[6~',
  home: '\x1b[H',
  end: '\x1b[F',
  tab: '\t',
  esc: '\x1b',
  enter: '\r',
  space: ' ',
  ctrlA: '\x01',
  ctrlP: '\x10',
  ctrlC: '\x03',
  backspace: '\x7f',
  shiftDown: '\x1b[1;2B',
};

const tick = () => new Promise((r) => setImmediate(r));

/** Sends keys one at a time, letting ink flush a lone Esc and render between them. */
export async function press(stdin: { write(s: string): void }, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    stdin.write(k);
    await tick();
    await tick();
  }
}

export async function typeText(stdin: { write(s: string): void }, text: string): Promise<void> {
  for (const ch of text) await press(stdin, ch);
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
