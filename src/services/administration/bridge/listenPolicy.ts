import { isIP } from 'node:net';

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1';
  return false;
}

/**
 * The bridge hands out a company's books: loopback only, unless the operator asks for remote access
 * and gives a TLS certificate and key. Returns the reason when refused.
 */
export function listenRefusal(host: string, options: { allowRemote?: boolean; tls?: boolean }): string | undefined {
  if (isLoopback(host)) return undefined;
  if (!options.allowRemote) {
    return `refusing to listen on ${host}: the bridge serves the company's books, so it listens on 127.0.0.1 only. Reach it from another machine through "ssh -L", or pass --allow-remote with --tls-cert and --tls-key`;
  }
  if (!options.tls) return `--allow-remote needs --tls-cert FILE and --tls-key FILE: the bridge never serves a remote address without TLS`;
  return undefined;
}

/** "127.0.0.1:7730", "[::1]:7730" or "7730" → host and port. */
export function parseListen(value: string): { host: string; port: number } | undefined {
  const m = /^(?:(\[[^\]]+\]|[^:]+):)?(\d{1,5})$/.exec(value.trim());
  if (!m) return undefined;
  const port = Number(m[2]);
  if (port > 65535) return undefined;
  return { host: (m[1] ?? '127.0.0.1').replace(/^\[|\]$/g, ''), port };
}
