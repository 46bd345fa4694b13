import { readFileSync, linkSync, unlinkSync, writeFileSync } from 'node:fs';

/** Whether a process of this machine is still running (EPERM: it is, but another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A process killed whose parent has not reaped it yet (a zombie) still takes signals, but serves nothing.
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    // No /proc (Windows, macOS) or already gone: kill(0) answered.
    return false;
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
