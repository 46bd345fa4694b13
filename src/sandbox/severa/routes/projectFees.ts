import { randomUUID } from 'node:crypto';
import { type ProjectFeeInputModel, type ProjectFeeOutputModel } from '../../../services/severa/schemas/index.js';
import { tokenPage } from '../paging.js';
import { invalidOperation, invalidParameter } from '../respond.js';
import { changedSince, findOr404, bodyOf } from './helpers.js';
import type { Route } from './types.js';

export const projectFeeRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/projectfees',
    scope: 'fees:write',
    writes: true,
    handle({ data, body, clock }) {
      const input = bodyOf<ProjectFeeInputModel>(body);
      const project = data.projects.find((p) => p.guid === input.project.guid);
      if (!project) throw invalidParameter('RequestBody', 'project.guid', `Project '${input.project.guid}' was not found.`);
      if (project.isClosed) throw invalidOperation(`Project ${project.number} '${project.name}' is closed; fees cannot be added.`);
      const product = input.product?.guid ? data.products.find((p) => p.guid === input.product!.guid) : undefined;
      if (input.product?.guid && !product)
        throw invalidParameter('RequestBody', 'product.guid', `Product '${input.product.guid}' was not found.`);
      for (const field of ['unitCost', 'unitPrice'] as const) {
        const code = input[field]?.currencyCode;
        if (code && !data.currencies.some((c) => c.code === code && c.isActive)) {
          throw invalidParameter('RequestBody', `${field}.currencyCode`, `Currency '${code}' is not active in the organization.`);
        }
      }
      const user = input.user?.guid ? data.users.find((u) => u.guid === input.user!.guid) : undefined;
      if (input.user?.guid && !user) throw invalidParameter('RequestBody', 'user.guid', `User '${input.user.guid}' was not found.`);
      const now = clock.now();
      const fee: ProjectFeeOutputModel = {
        guid: randomUUID(),
        project: { guid: project.guid, name: project.name, companyGuid: null },
        customer: project.customer ? { guid: project.customer.guid, name: project.customer.name, number: project.customer.number } : null,
        product: product ? { guid: product.guid, name: product.name, code: product.code } : null,
        productType: input.productType ?? product?.type ?? null,
        name: input.name ?? product?.name ?? null,
        description: input.description ?? null,
        eventDate: input.eventDate ?? now.slice(0, 10),
        quantity: input.quantity ?? 1,
        measurementUnit: input.measurementUnit ?? product?.measurementUnit ?? null,
        unitCost: input.unitCost ? { amount: input.unitCost.amount ?? null, currencyCode: input.unitCost.currencyCode } : null,
        unitPrice: input.unitPrice ? { amount: input.unitPrice.amount ?? null, currencyCode: input.unitPrice.currencyCode } : null,
        isBillable: input.isBillable ?? true,
        vatRate: input.vatRate ?? product?.vatRate ?? null,
        user: user ? { guid: user.guid, name: `${user.firstName} ${user.lastName}`, code: user.code, companyGuid: null } : null,
        billingSchedule: input.billingSchedule ?? 'Immediately',
        plannedBillingDate: input.plannedBillingDate ?? null,
        hasVolumePricing: input.hasVolumePricing ?? false,
        invoice: null,
        invoiceRowDescription: input.invoiceRowDescription ?? null,
        invoiceRowComment: input.invoiceRowComment ?? null,
        isRecurrenceRule: false,
        createdDateTime: now,
        lastUpdatedDateTime: now,
      };
      data.projectFees.push(fee);
      // Severa answers this POST with an array of created fees.
      return { status: 201, body: [fee] };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/projectfees',
    scope: 'fees:read',
    handle({ data, query, path }) {
      const { page, headers } = tokenPage(path, query, changedSince(data.projectFees, query.dateTime('changedSince')));
      return { status: 200, body: page, headers };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/projects/:projectGuid/projectfees',
    scope: 'fees:read',
    handle({ data, params, query, path }) {
      findOr404(data.projects, params.projectGuid);
      const productType = query.string('productType');
      const isBillable = query.bool('isBillable');
      const isBilled = query.bool('isBilled');
      const rows = data.projectFees.filter(
        (f) =>
          f.project?.guid === params.projectGuid &&
          (!productType || f.productType === productType) &&
          (isBillable === undefined || Boolean(f.isBillable) === isBillable) &&
          (isBilled === undefined || Boolean(f.invoice) === isBilled),
      );
      const { page, headers } = tokenPage(path, query, rows);
      return { status: 200, body: page, headers };
    },
  },
];
