import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ADK, AdministrationError } from '../errors.js';

/** Where Visma Administration publishes its Adk.dll. */
export const ADK_REGISTRY_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\SpcsAdm.Exe';

/** The AdkDll value out of `reg query … /v AdkDll` output. */
export function parseRegQuery(output: string): string | undefined {
  const line = output.split(/\r?\n/).find((l) => /^\s+AdkDll\s+REG_(EXPAND_)?SZ\s+/i.test(l));
  return line?.replace(/^\s+AdkDll\s+REG_(EXPAND_)?SZ\s+/i, '').trim() || undefined;
}

/** Reads the registry with Windows' own reg.exe (both views: 32-bit Administration installs under WOW6432Node). */
function readRegistry(): string | undefined {
  for (const view of ['/reg:64', '/reg:32']) {
    try {
      const found = parseRegQuery(
        execFileSync('reg', ['query', ADK_REGISTRY_KEY, '/v', 'AdkDll', view], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
          windowsHide: true,
        }),
      );
      if (found) return found;
    } catch {
      // not in this view
    }
  }
  return undefined;
}

export interface LocateOptions {
  platform?: NodeJS.Platform;
  registry?: () => string | undefined;
  exists?: (path: string) => boolean;
}

/**
 * Adk.dll: the configured path (profile or SEVADM_ADK_LIBRARY), else the registry value
 * App Paths\SpcsAdm.Exe → AdkDll. A missing file is an error saying where it looked and what to do.
 */
export function locateAdkLibrary(configured: string | undefined, options: LocateOptions = {}): string {
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? existsSync;
  if (configured) {
    if (exists(configured)) return configured;
    throw new AdministrationError({
      code: ADK.ADK_LIBRARY,
      table: 'company',
      field: 'adkLibrary',
      detail: `no file at "${configured}"; copy Adk.dll from the Visma Administration program folder there, or leave the path empty to use the one the registry names`,
    });
  }
  if (platform !== 'win32') {
    throw new AdministrationError({
      code: ADK.ADK_LIBRARY,
      table: 'company',
      field: 'adkLibrary',
      detail:
        'Adk.dll exists only on the Windows host where Visma Administration is installed: run sevadm (or sevadm bridge) there, or name the library path',
    });
  }
  const fromRegistry = (options.registry ?? readRegistry)();
  if (!fromRegistry) {
    throw new AdministrationError({
      code: ADK.ADK_LIBRARY,
      table: 'company',
      field: 'adkLibrary',
      detail: `Visma Administration is not installed here (no AdkDll under ${ADK_REGISTRY_KEY}); install it or name the path to Adk.dll`,
    });
  }
  if (!exists(fromRegistry)) {
    throw new AdministrationError({
      code: ADK.ADK_LIBRARY,
      table: 'company',
      field: 'adkLibrary',
      detail: `the registry names "${fromRegistry}" but there is no such file; repair the Visma Administration installation`,
    });
  }
  return fromRegistry;
}

/** A library that would not load: the usual cause on Windows is 32-bit Adk.dll under 64-bit Node. */
export function libraryLoadError(path: string, reason: string): AdministrationError {
  const bitness = /not a valid Win32 application|wrong ELF class|%1|193/i.test(reason)
    ? ' — Adk.dll is 32-bit before Visma Administration 2023.1: run a 32-bit (x86) Node.js 20, or use the 64-bit ADK of 2023.1 and later'
    : '';
  return new AdministrationError({ code: ADK.ADK_LIBRARY, table: 'company', field: 'adkLibrary', detail: `${path}: ${reason}${bitness}` });
}
