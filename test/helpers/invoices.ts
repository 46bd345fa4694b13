import { freshCompanies } from './administration.js';
import { clientFor, sandbox } from './severa.js';

/** A sandbox, the demo company, and what an invoice transfer needs to know of Administration (its registers). */
export async function invoiceSetup() {
  const s = await sandbox();
  const client = clientFor(s);
  const { port } = await freshCompanies();
  const statuses = await client.invoiceStatuses();
  const ready = statuses.find((x) => x.name === 'Ready for transfer')!;
  const transferred = statuses.find((x) => x.name === 'Transferred')!;
  const projects = new Set((await port.listProjects()).map((p) => p.code));
  const context = {
    articles: new Set((await port.listArticles()).map((a) => a.number)),
    customers: new Set((await port.listCustomers()).map((c) => c.number)),
    projects,
    numberPolicy: 'severa' as const,
    today: '2026-11-30',
  };
  return { s, client, port, ready, transferred, projects, context };
}
