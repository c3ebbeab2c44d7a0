import { Matches } from 'class-validator';

/** Decimal money amount as a string (never a float): `70.08`, `-3.5`, `0`. */
export const DECIMAL_PATTERN = /^-?\d{1,15}(\.\d{1,12})?$/;
export const DECIMAL_HINT = 'a decimal string such as "70.08" (no exponent, at most 12 decimals)';
/** Calendar day, `YYYY-MM-DD`. */
export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** ISO 4217 code. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
/** Currencies the pricing engine converts to. */
export const ESTIMATE_CURRENCIES = ['USD', 'EUR', 'GBP'] as const;
export type EstimateCurrency = (typeof ESTIMATE_CURRENCIES)[number];
export const ESTIMATE_COMMITMENTS = ['on-demand', '1y', '3y'] as const;
export type CommitmentTerm = (typeof ESTIMATE_COMMITMENTS)[number];

/** `@Matches(DECIMAL_PATTERN)` with a message naming the property. */
export function IsDecimalString(): PropertyDecorator {
  return Matches(DECIMAL_PATTERN, { message: ({ property }) => `${property} must be ${DECIMAL_HINT}` });
}
