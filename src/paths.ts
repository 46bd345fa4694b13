import envPaths from 'env-paths';
import { join, win32 } from 'node:path';

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
