import { collect, type SeveraClient } from './services/severa/index.js';

/** What the client reads from a Severa organisation, as plain lines (until the full-screen app lands). */
export async function severaSummary(client: SeveraClient): Promise<string[]> {
  const organization = await client.organizationDetails();
  const statuses = await client.invoiceStatuses();
  const [customers, projects, invoices] = await Promise.all([collect(client.customers()), collect(client.projects()), collect(client.invoices())]);
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
