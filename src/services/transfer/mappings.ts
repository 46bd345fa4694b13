/** Severa ↔ Administration code tables for customers; the demo's defaults until mappings are editable. */
export interface CustomerMappings {
  /** Severa language code (e.g. sv-SE) ↔ Administration language code (e.g. SV). */
  languages: { severa: string; administration: string }[];
  /** Severa payment term in days ↔ Administration terms-of-payment code. */
  paymentTerms: { days: number; administration: string }[];
}

export const DEMO_CUSTOMER_MAPPINGS: CustomerMappings = {
  languages: [
    { severa: 'sv-SE', administration: 'SV' },
    { severa: 'en-GB', administration: 'EN' },
  ],
  paymentTerms: [0, 10, 15, 20, 30].map((days) => ({ days, administration: String(days) })),
};
