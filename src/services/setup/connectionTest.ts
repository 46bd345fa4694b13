import type { CompanyVariant } from '../administration/models.js';
import type { AdministrationPort } from '../administration/port.js';
import { SEVADM_SCOPES } from '../severa/environments.js';
import type { SeveraClient } from '../severa/index.js';

export const failureReason = (error: unknown) =>
  (error as { short?: string; message?: string })?.short ?? (error as Error)?.message ?? String(error);

export interface SeveraTest {
  /** The API answered its heartbeat (no token needed). */
  reachable: boolean;
  /** A token was issued for the client id and secret, and the organisation could be read with it. */
  authorized: boolean;
  organisation?: string;
  grantedScopes: string[];
  missingScopes: string[];
  error?: string;
}

/** Severa live: heartbeat, token, organisation, granted scopes — each step says where it stopped. */
export async function testSevera(severa: SeveraClient): Promise<SeveraTest> {
  const result: SeveraTest = { reachable: false, authorized: false, grantedScopes: [], missingScopes: [] };
  try {
    result.reachable = await severa.heartbeat();
    const organisation = await severa.organizationDetails();
    result.authorized = true;
    result.organisation = organisation.name ?? '?';
    result.grantedScopes = [...severa.auth.grantedScopes];
    const granted = new Set(result.grantedScopes);
    result.missingScopes = SEVADM_SCOPES.filter((s) => !granted.has(s));
  } catch (error) {
    result.error = failureReason(error);
  }
  return result;
}

export interface AdministrationTest {
  ok: boolean;
  name?: string;
  variant?: CompanyVariant;
  adkVersion?: string;
  error?: string;
}

/** Administration live: the company's name, variant and ADK version. */
export async function testAdministration(administration: AdministrationPort): Promise<AdministrationTest> {
  try {
    const info = await administration.companyInfo();
    return { ok: true, name: info.name, variant: info.variant, adkVersion: info.adkVersion };
  } catch (error) {
    return { ok: false, error: failureReason(error) };
  }
}
