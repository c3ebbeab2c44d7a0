import { type BudgetVerdictV1 } from '@cloudwright/contracts';
import { Decimal } from '@cloudwright/pricing';

/** 30 days of actuals scaled to a 730-hour month (the pricing engine's month): × 730 / 720. */
export const RUN_RATE_DAYS = 30;

export interface VerdictInput {
  /** The estimate, in its currency. */
  estimate: { currency: string; monthly: Decimal; diffMonthly: Decimal };
  /** The stack/environment's monthly budget, when one is set. */
  budget?: { amount: Decimal; currency: string };
  /** Effective cost of the stack/environment over the last RUN_RATE_DAYS days of actuals, in the budget's currency; undefined when unknown. */
  actualLast30Days?: Decimal;
  /** Units of `currency` per 1 USD (the pricing catalog's dated FX table). */
  rate(currency: string): Decimal;
}

/** Monthly run-rate of 30 days of actual cost. */
export function monthlyRunRate(last30Days: Decimal): Decimal {
  // multiply first: 730 / 720 has no finite decimal expansion
  return last30Days.times(730).dividedBy(RUN_RATE_DAYS * 24);
}

const fmt = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed();

/**
 * The budget gate's verdict. Rule: the projected monthly cost of the stack/environment after the change is
 *  - its current actual run-rate (last 30 days of FOCUS actuals tagged with the stack and environment, scaled to a
 *    730-hour month) plus the estimate's monthly diff, when actuals are known (never below 0);
 *  - else the estimate's total monthly cost (the plan is taken as the whole stack).
 * `over` when the projection exceeds the monthly budget, `within` otherwise, `no-budget` when none is set. Amounts in
 * another currency are converted with the pricing catalog's FX table.
 */
export function budgetVerdict(input: VerdictInput): BudgetVerdictV1 {
  const { estimate, budget } = input;
  const currency = budget?.currency ?? estimate.currency;
  const convert = (amount: Decimal) =>
    estimate.currency === currency ? amount : amount.dividedBy(input.rate(estimate.currency)).times(input.rate(currency));
  let projected: Decimal;
  let basis: string;
  if (input.actualLast30Days !== undefined) {
    const runRate = monthlyRunRate(input.actualLast30Days);
    projected = Decimal.max(0, runRate.plus(convert(estimate.diffMonthly)));
    basis = `actual run-rate ${fmt(runRate)} ${currency} plus the change's diff ${fmt(convert(estimate.diffMonthly))} ${currency}`;
  } else {
    projected = convert(estimate.monthly);
    basis = `no actuals recorded: the estimate's monthly total ${fmt(projected)} ${currency}`;
  }
  if (!budget) {
    return { verdict: 'no-budget', projectedMonthly: fmt(projected), reason: `no budget for this stack and environment; projected ${fmt(projected)} ${currency} (${basis})` };
  }
  const pct = projected.dividedBy(budget.amount).times(100);
  const over = projected.greaterThan(budget.amount);
  return {
    verdict: over ? 'over' : 'within',
    budget: fmt(budget.amount),
    projectedMonthly: fmt(projected),
    thresholdPct: fmt(pct),
    reason: `projected ${fmt(projected)} ${currency} (${basis}) is ${fmt(pct)}% of the ${fmt(budget.amount)} ${currency} monthly budget${over ? ': over budget' : ''}`,
  };
}
