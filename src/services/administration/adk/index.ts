import type { AdkConnection } from '../../../config/environment.js';
import { AdkAdministration } from './adapter.js';
import { locateAdkLibrary } from './locate.js';

/** The company an ADK connection names, opened in its own worker (the library found first). */
export function openAdkCompany(connection: AdkConnection): AdkAdministration {
  const library = locateAdkLibrary(connection.library);
  return new AdkAdministration({ library, commonFiles: connection.commonFiles, company: connection.company, login: connection.login });
}

export { AdkAdministration };
