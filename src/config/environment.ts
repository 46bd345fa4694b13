import { hasCredentials, safeUrl } from '../text.js';
import { UsageError } from '../errors.js';
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
  if (missing.length)
    throw new UsageError(`${missing.map(([name]) => name).join(' and ')} must be set too (the Severa connection needs all three)`);
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
  if (hasCredentials(url))
    throw new UsageError(
      `SEVADM_BRIDGE_URL must not carry a user name or password (${safeUrl(url)}): the bridge takes its token from SEVADM_BRIDGE_TOKEN`,
    );
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`SEVADM_BRIDGE_URL must be a URL such as http://127.0.0.1:7730, got "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new UsageError(`SEVADM_BRIDGE_URL must start with http:// or https://, got "${url}"`);
  return { url: parsed.href.replace(/\/+$/, ''), token };
}

export interface AdkConnection {
  commonFiles: string;
  company: string;
  /** Adk.dll; undefined: the one the registry names. */
  library: string | undefined;
  login?: { user: string; password: string };
}

/**
 * The ADK (Visma Administration on this Windows host) from SEVADM_ADK_* or the profile; undefined when
 * neither path is set. Both folders are needed; login needs user and password together.
 */
export function adkConnectionFromEnv(env: NodeJS.ProcessEnv = process.env, profile?: Profile): AdkConnection | undefined {
  const a = profile?.administration;
  const commonFiles = env.SEVADM_ADK_COMMON_FILES?.trim() || a?.commonFilesPath;
  const company = env.SEVADM_ADK_COMPANY?.trim() || a?.companyPath;
  const library = env.SEVADM_ADK_LIBRARY?.trim() || a?.adkLibrary;
  const user = env.SEVADM_ADK_USER?.trim() || a?.adkUser;
  const password = env.SEVADM_ADK_PASSWORD || a?.adkPassword;
  if (!commonFiles && !company) return undefined;
  if (!commonFiles)
    throw new UsageError(
      'SEVADM_ADK_COMMON_FILES (the Gemensamma filer folder) must be set too; Administration shows it under Hjälp › Om › Systeminfo',
    );
  if (!company)
    throw new UsageError(
      'SEVADM_ADK_COMPANY (the company folder under Företag) must be set too; Administration shows it under Hjälp › Om › Systeminfo',
    );
  if (Boolean(user) !== Boolean(password))
    throw new UsageError('SEVADM_ADK_USER and SEVADM_ADK_PASSWORD go together (the Administration login)');
  return { commonFiles, company, library, login: user && password ? { user, password } : undefined };
}
