import type { AdministrationPort } from '../administration/port.js';
import { collect, type SeveraClient } from '../severa/index.js';
import type { Mappings } from '../transfer/mappings.js';
import { failureReason } from './connectionTest.js';

export interface CodeChoice {
  code: string;
  name: string;
}

/** What each side offers, for the mapping pickers; a side that could not be read is left empty with its problem. */
export interface SettingsChoices {
  severa: {
    /** Language codes Severa customers carry. */
    languages: string[];
    /** Payment terms (days) Severa customers carry. */
    paymentTermDays: number[];
    vatRates: number[];
    currencies: string[];
    costCentres: CodeChoice[];
    invoiceStatuses: string[];
  };
  administration: {
    languages: CodeChoice[];
    termsOfPayment: CodeChoice[];
    currencies: CodeChoice[];
    profitCentres: CodeChoice[];
  };
  /** Active Severa products whose code has no Administration article (invoices with them are refused). */
  productsWithoutArticle: CodeChoice[];
  problems: { severa?: string; administration?: string };
}

const sortedUnique = <T>(values: T[]) => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Reads every list the settings offer from both sides; what is already mapped is offered too. */
export async function fetchChoices(
  severa: SeveraClient | undefined,
  administration: AdministrationPort | undefined,
  mappings: Mappings,
): Promise<SettingsChoices> {
  const choices: SettingsChoices = {
    severa: { languages: [], paymentTermDays: [], vatRates: [], currencies: [], costCentres: [], invoiceStatuses: [] },
    administration: { languages: [], termsOfPayment: [], currencies: [], profitCentres: [] },
    productsWithoutArticle: [],
    problems: {},
  };
  let productCodes: CodeChoice[] | undefined;
  const severaPart = (async () => {
    if (!severa) return void (choices.problems.severa = 'not configured');
    const [customers, vatRates, currencies, costCentres, statuses, products] = await Promise.all([
      collect(severa.customers()),
      severa.vatRates({ active: true }),
      severa.currencies({ active: true }),
      severa.costCenters({ active: true }),
      severa.invoiceStatuses(),
      collect(severa.products({ isActive: true })),
    ]);
    choices.severa = {
      languages: sortedUnique(
        [...customers.map((c) => c.language?.code ?? ''), ...mappings.languages.map((l) => l.severa)].filter(Boolean),
      ),
      paymentTermDays: sortedUnique([
        ...customers.map((c) => c.paymentTerm).filter((d): d is number => d != null),
        ...mappings.paymentTerms.map((p) => p.days),
      ]),
      vatRates: sortedUnique([...vatRates.map((v) => v.percentage), ...mappings.vatCodes.map((v) => v.rate)]),
      currencies: sortedUnique(currencies.map((c) => c.code ?? '').filter(Boolean)),
      costCentres: costCentres.map((c) => ({ code: c.identifier, name: c.name })),
      invoiceStatuses: statuses.filter((s) => s.isActive !== false).map((s) => s.name),
    };
    productCodes = products.filter((p) => p.code).map((p) => ({ code: p.code!, name: p.name }));
  })().catch((error: unknown) => void (choices.problems.severa = failureReason(error)));
  let articles: Set<string> | undefined;
  const administrationPart = (async () => {
    if (!administration) return void (choices.problems.administration = 'not configured');
    const [languages, terms, currencies, centres, articleList] = await Promise.all([
      administration.listLanguages(),
      administration.listTermsOfPayment(),
      administration.listCurrencies(),
      administration.listProfitCentres(),
      administration.listArticles(),
    ]);
    choices.administration = {
      languages: languages.map((l) => ({ code: l.code, name: l.text })),
      termsOfPayment: terms.map((t) => ({ code: t.code, name: `${t.text} (${t.days})` })),
      currencies: currencies.map((c) => ({ code: c.code, name: c.name })),
      profitCentres: centres.map((c) => ({ code: c.code, name: c.name })),
    };
    articles = new Set(articleList.map((a) => a.number));
  })().catch((error: unknown) => void (choices.problems.administration = failureReason(error)));
  await Promise.all([severaPart, administrationPart]);
  if (productCodes && articles) choices.productsWithoutArticle = productCodes.filter((p) => !articles!.has(p.code));
  return choices;
}
