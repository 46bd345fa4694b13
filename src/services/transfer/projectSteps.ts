import type { AdmProject } from '../administration/models.js';
import type { AdministrationPort } from '../administration/port.js';
import type { ProjectOutputModel } from '../severa/schemas/index.js';
import type { TransferStep } from './engine.js';
import { projectConflict, projectIneligibility, severaProjectToAdministration } from './projectRules.js';

/** Severa projects into Administration (1000/2000): closed, dateless or customer-less ones are refused. */
export function projectsToAdministration(
  administration: AdministrationPort,
  administrationCustomers: ReadonlySet<string>,
  known: ReadonlyMap<string, AdmProject> = new Map(),
): TransferStep<ProjectOutputModel, AdmProject> {
  return {
    kind: 'projects',
    direction: 'to-administration',
    sourceId: (p) => p.guid,
    label: (p) => `${p.number ?? '-'} ${p.name}`,
    plannedKey: (p) => (p.number == null ? null : String(p.number)),
    check(p) {
      const refusal = projectIneligibility(p, administrationCustomers);
      if (refusal) throw refusal;
    },
    find: (p) => administration.getProject(String(p.number)),
    known,
    async create(p) {
      return (await administration.addProject(severaProjectToAdministration(p))).code;
    },
    async update(p, existing) {
      const { changes } = projectConflict(severaProjectToAdministration(p), existing);
      if (Object.keys(changes).length === 0) return existing.code;
      return (await administration.updateProject(existing.code, changes)).code;
    },
    conflictView: (p, existing) => ({
      title: `${p.number} ${p.name}`,
      fields: projectConflict(severaProjectToAdministration(p), existing).fields,
    }),
    async findByPlannedKey(_id, key) {
      return key && (await administration.getProject(key)) ? key : null;
    },
  };
}
