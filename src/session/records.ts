import type { AdmCustomer, AdmSupplierInvoice } from '../services/administration/models.js';
import type { CustomerModel, InvoiceOutputModel, ProjectOutputModel } from '../services/severa/schemas/index.js';
import type { HistoryEntry } from '../services/transfer/ledger.js';
import type { PaidInvoice } from '../services/transfer/paymentSteps.js';
import type { ListId } from '../state/app.js';

/** The records behind each list as last loaded, by row id: what a transfer of chosen rows takes. */
export class LoadedRecords {
  severaCustomers = new Map<string, CustomerModel>();
  administrationCustomers = new Map<string, AdmCustomer>();
  severaProjects = new Map<string, ProjectOutputModel>();
  severaInvoices = new Map<string, InvoiceOutputModel>();
  supplierInvoices = new Map<string, AdmSupplierInvoice>();
  payments = new Map<string, PaidInvoice>();
  history = new Map<string, HistoryEntry>();

  of(list: ListId): Map<string, object> {
    const byList: Record<ListId, Map<string, object>> = {
      severaCustomers: this.severaCustomers,
      administrationCustomers: this.administrationCustomers,
      severaProjects: this.severaProjects,
      severaInvoices: this.severaInvoices,
      supplierInvoices: this.supplierInvoices,
      payments: this.payments,
      history: this.history,
    };
    return byList[list];
  }
}

/** The records with these ids, in the order given (ids no longer loaded are left out). */
export function pick<T>(records: Map<string, T>, ids: string[]): T[] {
  return ids.map((id) => records.get(id)).filter((r): r is T => r !== undefined);
}
