import { linkSync, unlinkSync, writeFileSync } from 'node:fs';

/** Whether a process of this machine is still running (EPERM: it is, but another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes `text` to `file` only if no such file exists, all at once: written aside, then linked into place
 * (link fails if the name is taken, on network drives too). False when another got there first.
 */
export function createExclusive(file: string, text: string): boolean {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, text);
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}
