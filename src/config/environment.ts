import { UsageError } from '../cliOptions.js';
import { resolveSeveraBaseUrl } from '../services/severa/environments.js';
import type { Profile } from './profiles.js';

export interface SeveraConnection {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

/**
 * The Severa connection from SEVADM_SEVERA_* variables; undefined when none is set. A partial or
 * malformed set is a usage error naming the variable, never a half-configured client.
 */
export function severaConnectionFromEnv(env: NodeJS.ProcessEnv = process.env, profile?: Profile): SeveraConnection | undefined {
  // The environment overrides the profile, field by field.
  const baseUrl = env.SEVADM_SEVERA_BASE_URL?.trim() || profile?.severa?.baseUrl;
  const clientId = env.SEVADM_SEVERA_CLIENT_ID?.trim() || profile?.severa?.clientId;
  const clientSecret = env.SEVADM_SEVERA_CLIENT_SECRET || profile?.severa?.clientSecret;
  if (!baseUrl && !clientId && !clientSecret) return undefined;
  const missing = [
    ['SEVADM_SEVERA_BASE_URL', baseUrl],
    ['SEVADM_SEVERA_CLIENT_ID', clientId],
    ['SEVADM_SEVERA_CLIENT_SECRET', clientSecret],
  ].filter(([, value]) => !value);
  if (missing.length) throw new UsageError(`${missing.map(([name]) => name).join(' and ')} must be set too (the Severa connection needs all three)`);
  try {
    return { baseUrl: resolveSeveraBaseUrl(baseUrl!), clientId: clientId!, clientSecret: clientSecret! };
  } catch (error) {
    throw new UsageError(`SEVADM_SEVERA_BASE_URL: ${(error as Error).message}`);
  }
}

export interface BridgeConnection {
  url: string;
  token: string;
}

/** The Administration bridge from SEVADM_BRIDGE_URL and SEVADM_BRIDGE_TOKEN; undefined when neither is set. */
export function bridgeConnectionFromEnv(env: NodeJS.ProcessEnv = process.env, profile?: Profile): BridgeConnection | undefined {
  const url = env.SEVADM_BRIDGE_URL?.trim() || profile?.administration?.bridgeUrl;
  const token = env.SEVADM_BRIDGE_TOKEN?.trim() || profile?.administration?.bridgeToken;
  if (!url && !token) return undefined;
  if (!url) throw new UsageError('SEVADM_BRIDGE_URL must be set too (the bridge token alone names no bridge)');
  if (!token) throw new UsageError('SEVADM_BRIDGE_TOKEN must be set too (the bridge refuses calls without its token)');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`SEVADM_BRIDGE_URL must be a URL such as http://127.0.0.1:7730, got "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`SEVADM_BRIDGE_URL must start with http:// or https://, got "${url}"`);
  return { url: parsed.href.replace(/\/+$/, ''), token };
}
