import type { AdmProject, ProjectInput } from '../administration/models.js';
import type { ProjectOutputModel } from '../severa/schemas/index.js';
import type { ConflictField } from './engine.js';
import { refuse, type TransferRefusal } from './refusal.js';

/** Why a Severa project cannot go to Administration, before anything is tried; undefined when it can. */
export function projectIneligibility(p: ProjectOutputModel, administrationCustomers: ReadonlySet<string>): TransferRefusal | undefined {
  if (p.isClosed) return refuse('refusal.closed', {}, 'project is closed');
  if (!p.startDate || !p.deadline) {
    const key = !p.startDate && !p.deadline ? 'refusal.noDates' : !p.startDate ? 'refusal.noStartDate' : 'refusal.noEndDate';
    const missing = !p.startDate && !p.deadline ? 'start date and end date' : !p.startDate ? 'start date' : 'end date';
    return refuse(key, {}, `project has no ${missing}`);
  }
  const customer = p.customer?.number;
  if (customer == null || !administrationCustomers.has(String(customer))) {
    return refuse(
      'refusal.customerMissing',
      { number: String(customer ?? '?') },
      `customer ${customer ?? '?'} is not in Administration: transfer the customer first`,
    );
  }
  return undefined;
}

/** Project code in Administration = Severa project number. */
export function severaProjectToAdministration(p: ProjectOutputModel): ProjectInput {
  return {
    code: String(p.number ?? ''),
    name: p.name,
    startDate: p.startDate ?? null,
    endDate: p.deadline ?? null,
    customerNumber: p.customer?.number == null ? undefined : String(p.customer.number),
    customerName: p.customer?.name ?? undefined,
    responsible: p.projectOwner?.name ?? ([p.projectOwner?.firstName, p.projectOwner?.lastName].filter(Boolean).join(' ') || undefined),
  };
}

const FIELDS = ['name', 'startDate', 'endDate', 'customerNumber', 'customerName', 'responsible'] as const;

export function projectConflict(incoming: ProjectInput, existing: AdmProject): { fields: ConflictField[]; changes: Partial<ProjectInput> } {
  const changes: Record<string, unknown> = {};
  const fields = FIELDS.map((field) => {
    const source = incoming[field] ?? '';
    const target = existing[field] ?? '';
    const differs = source !== '' && String(source) !== String(target);
    if (differs) changes[field] = incoming[field];
    return { label: field, source: String(source), target: String(target), changes: differs };
  });
  return { fields, changes };
}
