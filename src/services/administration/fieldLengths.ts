/**
 * Text lengths the embedded company enforces (error 180). Real limits come from AdkGetLength on the
 * installed version; these follow what public ADK code allots and keep the demo honest about truncation.
 */
export const FIELD_LENGTHS = {
  customer: {
    number: 16,
    name: 50,
    shortName: 10,
    mailingAddress: 35,
    mailingAddress2: 35,
    zipCode: 10,
    city: 24,
    country: 24,
    countryCode: 2,
    telephone: 20,
    fax: 20,
    email: 80,
    reference: 50,
    organisationNumber: 15,
    vatNumber: 20,
    currencyCode: 3,
    languageCode: 3,
    termsOfPaymentCode: 3,
    notes: 2000,
  },
  project: { code: 16, name: 50, customerNumber: 16, customerName: 50, responsible: 50 },
  invoice: {
    customerNumber: 16,
    ourReference: 50,
    yourReference: 50,
    orderNumber: 20,
    currencyCode: 3,
    termsOfPaymentCode: 3,
    projectCode: 16,
    profitCentre: 6,
    externalReference: 80,
  },
  invoiceRow: { articleNumber: 16, text: 60, unit: 4, profitCentre: 6, project: 16, accountNumber: 6 },
  supplierInvoice: { supplierNumber: 16, invoiceNumber: 20, currencyCode: 3, project: 16, profitCentre: 6 },
  supplierInvoiceRow: { text: 60, accountNumber: 6, articleNumber: 16, project: 16, profitCentre: 6 },
} as const;
