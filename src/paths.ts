import envPaths from 'env-paths';
import { join } from 'node:path';

/** The platform's data directory for sevadm (as conf uses): ~/.local/share/sevadm, %APPDATA%\sevadm\Data, … */
export function defaultDataDir(): string {
  return envPaths('sevadm', { suffix: '' }).data;
}

export function demoDataDir(base: string = defaultDataDir()): string {
  return join(base, 'demo');
}
