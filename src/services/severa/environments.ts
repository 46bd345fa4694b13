import { hasCredentials, safeUrl } from '../../text.js';
export const SEVERA_ENVIRONMENTS = {
  production: 'https://api.severa.visma.com/rest-api',
  stage: 'https://api.severa.stag.visma.com/rest-api',
} as const;
export type SeveraEnvironmentName = keyof typeof SEVERA_ENVIRONMENTS;

/** Exactly what sevadm uses; asking for more would fail on credentials granted only these. */
export const SEVADM_SCOPES = [
  'customers:read',
  'customers:write',
  'projects:read',
  'invoices:read',
  'invoices:write',
  'settings:read',
  'fees:read',
  'fees:write',
  'organization:read',
  'users:read',
] as const;
export type SeveraScope = string;

/** Accepts an environment name or a base URL; the result never ends with a slash. */
export function resolveSeveraBaseUrl(environmentOrUrl: string): string {
  const named = (SEVERA_ENVIRONMENTS as Record<string, string>)[environmentOrUrl];
  const candidate = named ?? environmentOrUrl;
  if (hasCredentials(candidate))
    throw new Error(
      `Severa base URL "${safeUrl(candidate)}" must not carry a user name or password: the client id and secret are settings of their own`,
    );
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new Error(
      `Severa base URL "${environmentOrUrl}" is neither an environment (${Object.keys(SEVERA_ENVIRONMENTS).join(', ')}) nor an http(s) URL`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`Severa base URL "${environmentOrUrl}" must start with https:// (or http:// for a local sandbox)`);
  }
  return url.href.replace(/\/+$/, '');
}
