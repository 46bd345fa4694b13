import type { z } from 'zod';
import { ADK, AdministrationError, type AdministrationTable, wrongInputCode } from '../../services/administration/errors.js';
import { luhnCheckDigit } from '../orgNumber.js';

export const VAT_RATES: Record<string, number> = { '0': 0, '1': 25, '2': 12, '3': 6 };

export function fail(code: number, table: AdministrationTable, field?: string, detail?: string): never {
  throw new AdministrationError({ code, table, field, detail });
}

/**
 * Parses port input; a value of the wrong type is ADK's "wrong data type" (103), a date that is none its "bad date"
 * (138, as AdkDateToLong answers), naming the field.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, table: AdministrationTable): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  fail(wrongInputCode(issue.message), table, issue.path.join('.') || undefined, issue.message);
}

/** Adk.h's codes for a customer payment missing what it must carry (402, 404, 406, 408). */
export function checkPayment(payment: { rowType: string; paymentCode: string; account: string; amount: number }): void {
  if (!payment.rowType.trim()) fail(ADK.PAYMENT_ROW_TYPE_MISSING, 'customerPayment', 'rowType');
  if (!payment.paymentCode.trim()) fail(ADK.PAYMENT_CODE_MISSING, 'customerPayment', 'paymentCode');
  if (!payment.account.trim()) fail(ADK.PAYMENT_ACCOUNT_MISSING, 'customerPayment', 'account');
  if (!payment.amount) fail(ADK.PAYMENT_AMOUNT_MISSING, 'customerPayment', 'amount');
}

/** Error 180 for the first text longer than its field. */
export function checkLengths(table: AdministrationTable, record: Record<string, unknown>, lengths: Record<string, number>): void {
  for (const [field, max] of Object.entries(lengths)) {
    const value = record[field];
    if (typeof value === 'string' && value.length > max) {
      fail(ADK.TOO_MANY_SIGNS, table, field, `${value.length} characters, at most ${max} allowed`);
    }
  }
}

/**
 * A Swedish organisation or personal number (10 digits, or 12 with the century) whose last digit is
 * the Luhn check digit of the nine before it. Dashes and spaces are allowed.
 */
export function organisationNumberValid(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{10}(\d{2})?$/.test(digits)) return false;
  const ten = digits.slice(-10);
  return luhnCheckDigit(ten.slice(0, 9)) === Number(ten[9]);
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

/** Row amount as Administration computes it: quantity × price less the discount percentage. */
export function rowAmount(quantity: number, unitPrice: number, discount = 0): number {
  return round2(quantity * unitPrice * (1 - discount / 100));
}
