import type {
  AddressModel,
  CostCenterModel,
  CountryModel,
  CurrencyOutputModel,
  CustomerModel,
  InvoiceOutputModel,
  InvoiceRowOutputModel,
  InvoiceStatusModel,
  OrganizationDetailsOutputModel,
  ProductOutputModel,
  ProjectFeeOutputModel,
  ProjectOutputModel,
  UserOutputModel,
  VatRateOutputModel,
} from '../../services/severa/schemas/index.js';

/** The whole state of one sandbox organisation, as Severa would answer it. */
export interface SeveraData {
  version: 1;
  seed: number;
  organization: OrganizationDetailsOutputModel;
  languages: { guid: string; name: string; englishName: string; code: string }[];
  users: UserOutputModel[];
  currencies: CurrencyOutputModel[];
  vatRates: VatRateOutputModel[];
  costCenters: CostCenterModel[];
  products: ProductOutputModel[];
  invoiceStatuses: InvoiceStatusModel[];
  customers: CustomerModel[];
  projects: ProjectOutputModel[];
  invoices: InvoiceOutputModel[];
  invoiceRows: InvoiceRowOutputModel[];
  projectFees: ProjectFeeOutputModel[];
  /** Customers' addresses (the head office shows on the customer, read-only). Missing in older files. */
  addresses?: AddressModel[];
  countries?: CountryModel[];
  counters: { nextCustomerNumber: number; nextProjectNumber: number; nextInvoiceNumber: number };
}
