import { EventEmitter } from 'node:events';

/** A keyboard for ink without a terminal: `write` hands it a key (or a burst) as a TTY's raw mode would. */
export function fakeStdin(): EventEmitter & { isTTY: true; write(data: string): void } {
  let pending: string | null = null;
  const input = new EventEmitter();
  return Object.assign(input, {
    isTTY: true as const,
    write(data: string) {
      pending = data;
      input.emit('readable');
      input.emit('data', data);
    },
    read: () => {
      const data = pending;
      pending = null;
      return data;
    },
    setEncoding() {},
    setRawMode() {},
    resume() {},
    pause() {},
    ref() {},
    unref() {},
  });
}
