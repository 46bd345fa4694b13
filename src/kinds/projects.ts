import { hasProjects } from '../services/administration/models.js';
import { dayAndTime, detailLines, joined } from './details.js';
import type { RowStatus } from '../services/transfer/engine.js';
import type { ProjectOutputModel } from '../services/severa/schemas/index.js';
import { projectIneligibility } from '../services/transfer/projectRules.js';
import { projectsToAdministration } from '../services/transfer/projectSteps.js';
import { runOf } from './run.js';
import { collect } from '../services/severa/index.js';
import { changedSince, type Kind } from './types.js';

/** Severa's projects to Administration (1000/2000 only); the ones that cannot go are marked as they load. */
export const projects: Kind<ProjectOutputModel> = {
  list: 'projects',
  name: 'projects',
  source: 'severa',
  filter: 'since',
  title: 'list.projects',
  empty: 'empty.projects',
  columns: [
    { header: 'col.number', weight: 2, min: 5, cell: (p) => String(p.number ?? '') },
    { header: 'col.name', weight: 6, cell: (p) => p.name },
    { header: 'col.customer', weight: 5, cell: (p) => p.customer?.name ?? '' },
    { header: 'col.start', weight: 3, min: 11, cell: (p) => p.startDate ?? '' },
    { header: 'col.end', weight: 3, min: 11, cell: (p) => p.deadline ?? '' },
    { header: 'col.state', weight: 2, min: 7, cell: (p, { t }) => t(p.isClosed ? 'state.closed' : 'state.open') },
  ],
  details: (p, { t }) =>
    detailLines(t, [
      ['field.number', p.number],
      ['field.name', p.name],
      ['field.customer', joined(' ', p.customer?.number != null ? String(p.customer.number) : '', p.customer?.name)],
      ['field.startDate', p.startDate],
      ['field.endDate', p.deadline],
      ['field.state', t(p.isClosed ? 'state.closed' : 'state.open')],
      ['field.projectStatus', p.projectStatus?.name],
      ['field.owner', p.projectOwner?.name ?? joined(' ', p.projectOwner?.firstName, p.projectOwner?.lastName)],
      ['field.currencyCode', p.currency?.code],
      ['field.orderNumber', p.orderNumber],
      ['field.internal', p.isInternal],
      ['field.description', p.description],
      ['field.changed', dayAndTime(p.lastUpdatedDateTime)],
    ]),
  id: (p) => p.guid,
  keys: (p) => [String(p.number ?? '')],
  async load(ctx, filter, t, onPage) {
    const records = await collect(ctx.severa().projects({ changedSince: changedSince(filter) }), onPage);
    const administration = ctx.administration();
    const info = await administration.companyInfo();
    if (!hasProjects(info.variant)) return { records, banner: t('refusal.projectsNeed1000', { variant: String(info.variant) }) };
    // Rows that cannot go are marked with the reason before any transfer.
    const customers = new Set((await administration.listCustomers()).map((c) => c.number));
    const statuses: [string, RowStatus][] = [];
    for (const p of records) {
      const refusal = projectIneligibility(p, customers);
      if (refusal?.reason) statuses.push([p.guid, { kind: 'error', message: t(refusal.reason.key, refusal.reason.params) }]);
    }
    return { records, statuses };
  },
  async run(ctx, records, request) {
    const administration = ctx.administration();
    const customers = new Set((await administration.listCustomers()).map((c) => c.number));
    const known = new Map((await administration.listProjects()).map((p) => [p.code, p]));
    return runOf(ctx, request, records, projectsToAdministration(administration, customers, known));
  },
};
