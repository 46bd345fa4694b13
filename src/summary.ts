import { hasProjects } from './services/administration/models.js';
import type { AdministrationPort } from './services/administration/port.js';
import { collect, type SeveraClient } from './services/severa/index.js';

/** What the client reads from a Severa organisation, as plain lines (until the full-screen app lands). */
export async function severaSummary(client: SeveraClient): Promise<string[]> {
  const organization = await client.organizationDetails();
  const statuses = await client.invoiceStatuses();
  const [customers, projects, invoices] = await Promise.all([
    collect(client.customers()),
    collect(client.projects()),
    collect(client.invoices()),
  ]);
  const lines = [
    `Severa organisation "${organization.name ?? '(no name)'}"`,
    `  ${customers.length} customers, ${projects.length} projects, ${invoices.length} invoices`,
  ];
  for (const status of statuses) {
    const count = invoices.filter((invoice) => invoice.status?.guid === status.guid).length;
    lines.push(`    ${status.name.padEnd(24)} ${String(count).padStart(4)} invoices`);
  }
  return lines;
}

/** What a port reads from an Administration company, as plain lines. */
export async function administrationSummary(port: AdministrationPort): Promise<string[]> {
  const info = await port.companyInfo();
  const customers = await port.listCustomers();
  const projects = !hasProjects(info.variant) ? undefined : await port.listProjects();
  const supplierInvoices = await port.listSupplierInvoices('1900-01-01', '2999-12-31');
  const payments = await port.listCustomerPayments('1900-01-01');
  return [
    `Administration company "${info.name}" (Visma Administration ${info.variant}, ADK ${info.adkVersion})`,
    `  ${customers.length} customers, ${projects ? `${projects.length} projects` : 'no project register (variant 500)'}, ` +
      `${supplierInvoices.length} supplier invoices, ${payments.length} customer payments`,
  ];
}
