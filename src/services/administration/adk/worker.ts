import { AdministrationError } from '../errors.js';
import { AdkCompany } from './company.js';
import { AdkLibrary } from './library.js';
import type { AdkReply, AdkRequest } from './protocol.js';
import { libraryLoadError } from './locate.js';

/**
 * The one process that calls the ADK for a company: requests arrive over IPC and are handled one at a
 * time (each call is synchronous), so the ADK never sees two calls at once. The company is opened once
 * and closed when sevadm says so or goes away.
 */
let company: AdkCompany | undefined;

const reply = (message: AdkReply) => process.send?.(message);

process.on('message', (request: AdkRequest) => {
  try {
    if (request.op === 'open' && 'setup' in request) {
      const { library, ...paths } = request.setup;
      let adk: AdkLibrary;
      try {
        adk = new AdkLibrary(library);
      } catch (error) {
        throw libraryLoadError(library, (error as Error).message);
      }
      company = new AdkCompany(adk, paths);
      company.open();
      reply({ id: request.id, value: null });
      return;
    }
    if (!company) throw new Error('the company is not open');
    const args = 'args' in request ? request.args : [];
    const op = (company as unknown as Record<string, (...a: unknown[]) => unknown>)[request.op];
    if (typeof op !== 'function') throw new Error(`no ADK operation "${request.op}"`);
    const value = op.apply(company, args);
    reply({ id: request.id, value: value === undefined ? null : value });
    if (request.op === 'close') process.disconnect?.();
  } catch (error) {
    if (error instanceof AdministrationError)
      reply({ id: request.id, error: { code: error.code, table: error.table, field: error.field, detail: error.detail } });
    else reply({ id: request.id, failure: (error as Error)?.message ?? String(error) });
  }
});

// sevadm went away: let go of the company as AdkClose would.
process.on('disconnect', () => {
  company?.close();
  process.exit(0);
});
