import { z } from 'zod';

const Code = z.string().trim().min(1);

/**
 * Severa ↔ Administration code tables, one per kind of code. Anything not listed here goes as it is
 * (currencies, cost centres) or by the built-in VAT table; languages and payment terms need a line.
 */
export const Mappings = z.object({
  /** Severa language code (e.g. sv-SE) ↔ Administration language code (e.g. SV). */
  languages: z.array(z.object({ severa: Code, administration: Code })),
  /** Severa payment term in days ↔ Administration terms-of-payment code. */
  paymentTerms: z.array(z.object({ days: z.number().int().min(0), administration: Code })),
  /** Severa VAT percentage ↔ Administration VAT code (0 none, 1 = 25 %, 2 = 12 %, 3 = 6 %). */
  vatCodes: z.array(z.object({ rate: z.number().min(0).max(100), administration: z.enum(['0', '1', '2', '3']) })).default([]),
  /** Severa currency code ↔ Administration currency code, where they differ. */
  currencies: z.array(z.object({ severa: Code, administration: Code })).default([]),
  /** Severa cost centre identifier ↔ Administration profit centre (resultatenhet) code. */
  costCentres: z.array(z.object({ severa: Code, administration: Code })).default([]),
});
export type Mappings = z.infer<typeof Mappings>;
/** The part customers use (older name, kept for the customer steps). */
export type CustomerMappings = Pick<Mappings, 'languages' | 'paymentTerms'> & Partial<Omit<Mappings, 'languages' | 'paymentTerms'>>;

export const DEMO_CUSTOMER_MAPPINGS: Mappings = {
  languages: [
    { severa: 'sv-SE', administration: 'SV' },
    { severa: 'en-GB', administration: 'EN' },
  ],
  paymentTerms: [0, 10, 15, 20, 30].map((days) => ({ days, administration: String(days) })),
  vatCodes: [],
  currencies: [],
  costCentres: [],
};

/** A code's counterpart in a severa → administration table, or the code itself when the table has no line. */
export function mappedCode(
  table: readonly { severa: string; administration: string }[] | undefined,
  severa: string | null | undefined,
): string | undefined {
  if (severa == null || severa === '') return undefined;
  return table?.find((m) => m.severa === severa)?.administration ?? severa;
}
