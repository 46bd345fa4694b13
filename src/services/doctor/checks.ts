import { hasProjects } from '../administration/models.js';
import type { AdministrationPort } from '../administration/port.js';
import { collect, type SeveraClient } from '../severa/index.js';
import { type CustomerMappings, mappedCode } from '../transfer/mappings.js';
import { testAdministration, testSevera } from '../setup/connectionTest.js';
import type { TransferSettings } from '../transfer/settings.js';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  /** What to do about a failed check. */
  fix?: string;
}

/** Missing items of `wanted` in `have`, for a check's detail. */
export function missingFrom(wanted: Iterable<string>, have: ReadonlySet<string>): string[] {
  return [...new Set([...wanted].filter((w) => !have.has(w)))].sort();
}

/**
 * Everything sevadm needs from both sides, checked live: connections, scopes, the Administration variant,
 * mappings, product ↔ article and cost centre ↔ profit centre matches, and the configured invoice statuses.
 */
export async function runChecks(
  severa: SeveraClient | undefined,
  administration: AdministrationPort | undefined,
  mappings: CustomerMappings,
  settings: TransferSettings,
): Promise<Check[]> {
  const checks: Check[] = [];
  const add = (name: string, ok: boolean, detail: string, fix?: string) => checks.push({ name, ok, detail, fix: ok ? undefined : fix });

  let severaUp = false;
  if (!severa)
    add(
      'Severa connection',
      false,
      'not configured',
      'run sevadm setup, or set SEVADM_SEVERA_BASE_URL, SEVADM_SEVERA_CLIENT_ID and SEVADM_SEVERA_CLIENT_SECRET',
    );
  else {
    const test = await testSevera(severa);
    severaUp = test.authorized;
    if (!test.authorized)
      add(
        'Severa connection',
        false,
        test.error ?? '?',
        'check the base URL, the client id and secret, and that the REST API add-on is enabled',
      );
    else {
      add('Severa connection', true, `organisation "${test.organisation}"`);
      add(
        'Severa scopes',
        test.missingScopes.length === 0,
        test.missingScopes.length ? `missing: ${test.missingScopes.join(' ')}` : 'all granted',
        'grant them to the client credentials in Severa › Settings › Integrations › REST API',
      );
    }
  }

  let administrationUp = false;
  if (!administration)
    add(
      'Administration connection',
      false,
      'not configured',
      'run sevadm setup, or set SEVADM_BRIDGE_URL and SEVADM_BRIDGE_TOKEN (and run sevadm bridge on the Windows host), or on that host SEVADM_ADK_COMMON_FILES and SEVADM_ADK_COMPANY',
    );
  else {
    const test = await testAdministration(administration);
    administrationUp = test.ok;
    if (!test.ok)
      add(
        'Administration connection',
        false,
        test.error ?? '?',
        'start sevadm bridge on the Windows host and check the URL and the token; with the ADK, check the folders and Adk.dll (see the detail)',
      );
    else {
      add('Administration connection', true, `"${test.name}", ADK ${test.adkVersion}`);
      add(
        'Administration variant',
        test.variant !== undefined && hasProjects(test.variant),
        `Visma Administration ${test.variant}`,
        'projects need Administration 1000 or 2000; the other transfers work on 500',
      );
    }
  }
  if (!severaUp || !administrationUp) return checks;

  const [customers, products, costCenters, currencies, statuses] = await Promise.all([
    collect(severa!.customers()),
    collect(severa!.products({ isActive: true })),
    severa!.costCenters({ active: true }),
    severa!.currencies({ active: true }),
    severa!.invoiceStatuses(),
  ]);
  const [articles, profitCentres, terms, languages, admCurrencies] = await Promise.all([
    administration!.listArticles(),
    administration!.listProfitCentres(),
    administration!.listTermsOfPayment(),
    administration!.listLanguages(),
    administration!.listCurrencies(),
  ]);

  const mappedLanguages = new Set(
    mappings.languages.filter((l) => languages.some((a) => a.code === l.administration)).map((l) => l.severa),
  );
  const unmappedLanguages = missingFrom(
    customers.map((c) => c.language?.code).filter((c): c is string => Boolean(c)),
    mappedLanguages,
  );
  add(
    'Language mapping',
    unmappedLanguages.length === 0,
    unmappedLanguages.length ? `no Administration language for ${unmappedLanguages.join(', ')}` : 'every language used maps',
    'map them in the Settings tab (7) or sevadm setup',
  );

  const mappedDays = new Set(
    mappings.paymentTerms.filter((p) => terms.some((t) => t.code === p.administration)).map((p) => String(p.days)),
  );
  const unmappedDays = missingFrom(
    customers
      .map((c) => c.paymentTerm)
      .filter((d): d is number => d != null)
      .map(String),
    mappedDays,
  );
  add(
    'Payment terms mapping',
    unmappedDays.length === 0,
    unmappedDays.length ? `no terms code for ${unmappedDays.join(', ')} days` : 'every payment term used maps',
    'add the terms in Administration, or map them in the Settings tab (7)',
  );

  const missingCurrencies = missingFrom(
    currencies.map((c) => mappedCode(mappings.currencies, c.code)).filter((c): c is string => Boolean(c)),
    new Set(admCurrencies.map((c) => c.code)),
  );
  add(
    'Currencies',
    missingCurrencies.length === 0,
    missingCurrencies.length ? `not in Administration: ${missingCurrencies.join(', ')}` : 'every active Severa currency exists',
    'add them under Register › Valutor in Administration, or map them in the Settings tab (7)',
  );

  const missingArticles = missingFrom(
    products.map((p) => p.code).filter((c): c is string => Boolean(c)),
    new Set(articles.map((a) => a.number)),
  );
  add(
    'Products ↔ articles',
    missingArticles.length === 0,
    missingArticles.length
      ? `no article for product code ${missingArticles.join(', ')}`
      : `all ${products.length} product codes have an article`,
    'create articles with these numbers in Register › Artiklar och tjänster, or correct the codes in Severa',
  );

  const missingCentres = missingFrom(
    costCenters.map((c) => mappedCode(mappings.costCentres, c.identifier)!),
    new Set(profitCentres.map((p) => p.code)),
  );
  add(
    'Cost centres ↔ profit centres',
    missingCentres.length === 0,
    missingCentres.length ? `no profit centre for ${missingCentres.join(', ')}` : 'every cost centre identifier is a profit centre',
    'add them as Resultatenheter in Administration, or map them in the Settings tab (7)',
  );

  const statusNames = new Set(statuses.map((s) => s.name));
  const wanted = [settings.afterTransferStatus, settings.paidStatus].filter((s): s is string => Boolean(s));
  const missingStatuses = wanted.filter((s) => !statusNames.has(s));
  add(
    'Invoice statuses',
    missingStatuses.length === 0,
    missingStatuses.length ? `not in Severa: ${missingStatuses.join(', ')}` : `"${wanted.join('", "')}" exist`,
    'create them in Severa or choose others in the Settings tab (7)',
  );
  return checks;
}
