import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isAlive } from '../src/processes.js';

describe('isAlive', () => {
  it('counts a killed process its parent has not reaped yet (a zombie) as gone, and a running one as alive', () => {
    const child = spawn('true');
    // Busy for a moment, so the child has exited but this process has not reaped it.
    const until = Date.now() + 300;
    while (Date.now() < until);
    expect(isAlive(child.pid!)).toBe(process.platform !== 'linux');
    expect(isAlive(process.pid)).toBe(true);
  });
});
