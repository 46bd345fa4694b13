import envPaths from 'env-paths';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, win32 } from 'node:path';
import { UsageError } from './errors.js';

/**
 * The platform's data directory for sevadm: ~/.local/share/sevadm (XDG_DATA_HOME), ~/Library/Application
 * Support/sevadm on macOS, %APPDATA%\sevadm\Data on Windows (roaming, beside the profiles in …\Config).
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32' && env.APPDATA) return win32.join(env.APPDATA, 'sevadm', 'Data');
  return envPaths('sevadm', { suffix: '' }).data;
}

export function demoDataDir(base: string = defaultDataDir()): string {
  return join(base, 'demo');
}

/** Kernel file systems where a directory cannot hold data (and where Node's recursive mkdir can loop). */
const NO_DATA_ROOTS = ['/proc', '/sys', '/dev'];

/**
 * Refuses, naming the option, a data directory that cannot hold sevadm's files: under /proc, /sys or /dev, a
 * file rather than a directory, or somewhere not writable. Returns the directory as given.
 */
export function checkDataDir(dir: string, option = '--data-dir'): string {
  const full = resolve(dir);
  if (process.platform !== 'win32' && NO_DATA_ROOTS.some((root) => full === root || full.startsWith(`${root}/`)))
    throw new UsageError(`${option} ${dir} is on a kernel file system (${full.split('/')[1]}); give a directory on a disk`);
  // The nearest part of the path that exists must be a directory we may write in.
  let existing = full;
  while (!existsSync(existing)) {
    const up = dirname(existing);
    if (up === existing) break;
    existing = up;
  }
  if (existsSync(existing) && !statSync(existing).isDirectory())
    throw new UsageError(`${option} ${dir}: ${existing} is a file, not a directory`);
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw new UsageError(`${option} ${dir}: ${existing} is not writable by you; give a directory you may write in`);
  }
  return dir;
}
