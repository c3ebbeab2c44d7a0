import Decimal from 'decimal.js';
import { HOURS_PER_MONTH } from '../money';
import type { ComponentDraft, PricerContext } from '../engine/pricer';

/** Monthly hours of `count` always-on units (730 per unit). */
export function monthlyHours(count: Decimal.Value = 1): Decimal {
  return HOURS_PER_MONTH.times(count);
}

/**
 * A usage-priced line: the quantity comes from the usage file key (times `scale`), and is 0 (still listed) when the
 * usage file does not give it.
 */
export function usageLine(ctx: PricerContext, key: string, draft: Omit<ComponentDraft, 'monthlyQuantity' | 'usageBased'>, scale: Decimal.Value = 1): ComponentDraft {
  const value = ctx.usage(key);
  return { ...draft, monthlyQuantity: value === undefined ? 0 : new Decimal(value).times(scale), usageBased: true };
}
