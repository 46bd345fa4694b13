import type { AdmSupplierInvoice, AdmSupplierInvoiceRow } from '../administration/models.js';
import { collect, type SeveraClient, firstMatch } from '../severa/index.js';
import type { ProjectFeeInputModel, ProductOutputModel, ProjectOutputModel } from '../severa/schemas/index.js';
import type { TransferStep } from './engine.js';
import type { Ledger } from './ledger.js';
import { isCostRow } from './postingRows.js';
import { refuse } from './refusal.js';
import type { TransferSettings } from './settings.js';

/** One supplier-invoice row: what becomes one Severa project fee. */
export interface SupplierInvoiceRowItem {
  invoice: AdmSupplierInvoice;
  row: AdmSupplierInvoiceRow;
}

export const rowId = (givenNumber: number, position: number) => `${givenNumber}/${position}`;

/** The reference written in the fee's description and looked up before writing: never the same row twice. */
export function feeReference(givenNumber: number, position: number): string {
  return `Lev.fakt ${givenNumber}/${position}`;
}

/** The row's project, else the head's. */
export function projectCodeOf(item: SupplierInvoiceRowItem): string | undefined {
  return item.row.project || item.invoice.project || undefined;
}

export function feeFor(
  item: SupplierInvoiceRowItem,
  project: ProjectOutputModel,
  product: ProductOutputModel | undefined,
  settings: TransferSettings,
): ProjectFeeInputModel {
  const { invoice, row } = item;
  const quantity = row.quantity && row.quantity > 0 ? row.quantity : 1;
  const unitCost = Math.round((row.amount / quantity) * 100) / 100;
  const currencyCode = invoice.currencyCode || 'SEK';
  return {
    project: { guid: project.guid },
    // Left out when there is none: the spec does not let product be null.
    product: product ? { guid: product.guid } : undefined,
    productType: product?.type ?? settings.supplierProductType,
    name: `Lev.faktura ${invoice.invoiceNumber} ${invoice.supplierName}`.slice(0, 100),
    description: `${feeReference(invoice.givenNumber, row.position)} ${row.text ?? ''}`.trim(),
    eventDate: invoice.invoiceDate,
    quantity,
    unitCost: { amount: unitCost, currencyCode },
    unitPrice: settings.supplierBillable
      ? { amount: Math.round(unitCost * (1 + settings.supplierMarkupPercent / 100) * 100) / 100, currencyCode }
      : { amount: 0, currencyCode },
    isBillable: settings.supplierBillable,
  };
}

/**
 * Supplier-invoice rows into Severa as project fees, on the row's project else the head's; the Severa
 * project is found through the ledger of project transfers, else by number.
 */
export function supplierInvoiceRowsToSevera(
  severa: SeveraClient,
  ledger: Ledger,
  settings: TransferSettings,
): TransferStep<SupplierInvoiceRowItem, never> {
  const projects = new Map<string, Promise<ProjectOutputModel | null>>();
  const products = new Map<string, Promise<ProductOutputModel | undefined>>();
  const projectFor = (code: string) => {
    if (!projects.has(code)) {
      projects.set(
        code,
        (async () => {
          const viaLedger = ledger.findByTarget('projects', 'to-administration', code);
          if (viaLedger) {
            const found = await severa.getProject(viaLedger.sourceId);
            if (found) return found;
          }
          if (!/^\d{1,15}$/.test(code)) return null;
          return firstMatch(severa.projects({ numbers: [Number(code)] }), (p) => String(p.number) === code);
          return null;
        })(),
      );
    }
    return projects.get(code)!;
  };
  const productFor = (article: string | undefined) => {
    if (!article) return Promise.resolve(undefined);
    if (!products.has(article))
      products.set(
        article,
        collect(severa.products({ code: article })).then((list) => list.find((p) => p.code === article)),
      );
    return products.get(article)!;
  };
  // A project's fees are listed once per run, not once per row: the run holds the lease, so no other sevadm adds
  // fees meanwhile, and the fees this run adds are put on the list as they are made.
  const feesOf = new Map<string, Promise<string[]>>();
  const descriptions = (project: ProjectOutputModel) => {
    if (!feesOf.has(project.guid))
      feesOf.set(
        project.guid,
        collect(severa.projectFeesOfProject(project.guid)).then((fees) => fees.map((f) => f.description ?? '')),
      );
    return feesOf.get(project.guid)!;
  };
  const existingFee = async (project: ProjectOutputModel, reference: string) =>
    (await descriptions(project)).some((d) => d === reference || d.startsWith(`${reference} `));
  const resolve = async (item: SupplierInvoiceRowItem) => {
    const code = projectCodeOf(item);
    if (!code) throw refuse('refusal.noProject', {}, 'no project on the row or the invoice');
    const project = await projectFor(code);
    if (!project) throw refuse('refusal.projectNotInSevera', { project: code }, `project ${code} is not in Severa`);
    return project;
  };
  return {
    kind: 'supplier-invoices',
    direction: 'to-severa',
    sourceId: (item) => rowId(item.invoice.givenNumber, item.row.position),
    label: (item) => `${rowId(item.invoice.givenNumber, item.row.position)} ${item.invoice.supplierName}`,
    plannedKey: () => null,
    async check(item) {
      const reference = feeReference(item.invoice.givenNumber, item.row.position);
      // The debt, VAT and rounding rows are the booking's other side, never a project's cost.
      if (!isCostRow(item.row))
        throw refuse(
          'refusal.notCostRow',
          { account: item.row.accountNumber ?? '' },
          `account ${item.row.accountNumber} is not a cost account`,
        );
      if (ledger.lastDone('supplier-invoices', 'to-severa', rowId(item.invoice.givenNumber, item.row.position))) {
        throw refuse('refusal.alreadyFee', { reference }, `already a fee (${reference})`, true);
      }
      const project = await resolve(item);
      if (await existingFee(project, reference)) throw refuse('refusal.alreadyFee', { reference }, `already a fee (${reference})`, true);
    },
    find: async () => null,
    async create(item) {
      const project = await resolve(item);
      const fee = await severa.createProjectFee(feeFor(item, project, await productFor(item.row.articleNumber), settings));
      (await descriptions(project)).push(fee.description ?? feeReference(item.invoice.givenNumber, item.row.position));
      return `${project.number ?? project.name}: ${fee.guid.slice(0, 8)}`;
    },
    update: async () => {
      throw new Error('fees are never updated');
    },
    conflictView: () => ({ title: '', fields: [] }),
    async findByPlannedKey(id) {
      const [given, position] = id.split('/').map(Number);
      const reference = feeReference(given!, position!);
      for await (const page of severa.projectFees({})) {
        const hit = page.find((f) => f.description === reference || f.description?.startsWith(`${reference} `));
        if (hit) return hit.guid;
      }
      return null;
    },
  };
}
