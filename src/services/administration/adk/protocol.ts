import type { AdministrationErrorShape } from '../errors.js';
import type { AdkCompanyPaths } from './company.js';

/** What the ADK worker is started with. */
export interface AdkWorkerSetup extends AdkCompanyPaths {
  /** Adk.dll (or the test stand-in). */
  library: string;
}

export type AdkRequest = { id: number; op: 'open'; setup: AdkWorkerSetup } | { id: number; op: string; args: unknown[] };
export type AdkReply = { id: number; value: unknown } | { id: number; error: AdministrationErrorShape } | { id: number; failure: string };
