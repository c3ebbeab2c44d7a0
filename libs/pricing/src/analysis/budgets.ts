import Decimal from 'decimal.js';
import { Money, isCurrency, type Currency } from '../money';
import { dayNumber } from './days';

export interface BudgetDefinition {
  /** Budget for the whole period, a positive decimal string in `currency`. */
  amount: string;
  currency: Currency;
  /** Alert thresholds in percent of the budget (e.g. [50, 80, 100]); a threshold is crossed when spend reaches it. */
  thresholdsPct: number[];
  /** Warn when the forecast for the period exceeds the budget. */
  forecastOverrun: boolean;
}

export interface BudgetEvaluation {
  spent: Money;
  budget: Money;
  /** Spent as a percent of the budget, two decimals ('83.45'). */
  pctUsed: string;
  /** The thresholds the actual spend has reached, ascending. */
  crossedThresholdsPct: number[];
  /** Spent so far plus the run rate for the days left in the period. */
  forecastTotal: Money;
  /** True when the definition asks for it and the forecast is above the budget. */
  forecastOverrun: boolean;
  /** `exceeded`: spend reached 100 % of the budget; `warning`: a threshold is crossed or the forecast overruns; else `ok`. */
  status: 'ok' | 'warning' | 'exceeded';
}

/** Trailing days whose mean daily cost is the forecast's run rate. */
export const BUDGET_RUN_RATE_DAYS = 7;

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Evaluates a budget over a period part-way through.
 *
 * Method: `spent` is the sum of the daily costs up to and including `asOf` (the last complete UTC day). The forecast
 * is `spent + runRate × daysLeft`, where `runRate` is the mean daily cost of the last {@link BUDGET_RUN_RATE_DAYS}
 * complete days of the period (fewer at its start; a day with no row counts as zero spend) and `daysLeft` the days
 * after `asOf` up to the period's end. Before the first complete day the forecast is the spend (nothing to project).
 * Thresholds are crossed at `spent >= threshold% × budget`.
 *
 * @param daily actual cost per UTC day of the period so far (one row per day, in the budget's currency)
 * @param period `[start, end)` UTC dates 'YYYY-MM-DD'
 * @param asOf the last complete day: from the day before `start` (nothing complete yet) on; a date past the period means it is over
 */
export function evaluateBudget(def: BudgetDefinition, daily: { day: string; cost: Money }[], period: { start: string; end: string }, asOf: string): BudgetEvaluation {
  const budget = checkDefinition(def);
  const start = dayNumber(period.start, 'period.start');
  const end = dayNumber(period.end, 'period.end');
  if (end <= start) throw new RangeError(`period: end ${period.end} must be after start ${period.start} (the end is exclusive)`);
  const asOfDay = dayNumber(asOf, 'asOf');
  if (asOfDay < start - 1) throw new RangeError(`asOf ${asOf} is more than a day before the period's start ${period.start}`);
  const lastComplete = Math.min(asOfDay, end - 1);

  const byDay = new Map<number, Money>();
  daily.forEach((row, i) => {
    const n = dayNumber(row.day, `daily[${i}].day`);
    if (!(row.cost instanceof Money)) throw new TypeError(`daily[${i}] (${row.day}): cost must be a Money`);
    if (row.cost.currency !== def.currency) throw new TypeError(`daily[${i}] (${row.day}): cost is in ${row.cost.currency}, the budget is in ${def.currency}`);
    if (n < start || n >= end) throw new RangeError(`daily[${i}]: ${row.day} is outside the period [${period.start}, ${period.end})`);
    if (n > lastComplete) throw new RangeError(`daily[${i}]: ${row.day} is after asOf ${asOf} (the last complete day)`);
    if (byDay.has(n)) throw new RangeError(`daily[${i}]: ${row.day} is given twice (one row per day)`);
    byDay.set(n, row.cost);
  });

  const zero = Money.zero(def.currency);
  const spent = Money.sum([...byDay.values()], def.currency);
  const elapsed = lastComplete - start + 1;
  const daysLeft = end - 1 - lastComplete;
  let forecastTotal = spent;
  if (elapsed > 0 && daysLeft > 0) {
    const windowDays = Math.min(BUDGET_RUN_RATE_DAYS, elapsed);
    let window = zero;
    for (let n = lastComplete - windowDays + 1; n <= lastComplete; n++) window = window.plus(byDay.get(n) ?? zero);
    forecastTotal = spent.plus(window.dividedBy(windowDays).times(daysLeft));
  }

  const pct = spent.amount.dividedBy(budget.amount).times(100);
  const crossedThresholdsPct = [...new Set(def.thresholdsPct)]
    .sort((a, b) => a - b)
    .filter((t) => spent.amount.gte(budget.amount.times(t).dividedBy(100)));
  const forecastOverrun = def.forecastOverrun && forecastTotal.amount.gt(budget.amount);
  const exceeded = spent.amount.gte(budget.amount);
  const status = exceeded ? 'exceeded' : crossedThresholdsPct.length > 0 || forecastOverrun ? 'warning' : 'ok';
  return {
    spent,
    budget,
    pctUsed: pct.toFixed(2, Decimal.ROUND_HALF_UP),
    crossedThresholdsPct,
    forecastTotal,
    forecastOverrun,
    status,
  };
}

function checkDefinition(def: BudgetDefinition): Money {
  if (!isCurrency(def.currency)) throw new TypeError(`budget.currency: expected USD, EUR or GBP, got ${JSON.stringify(def.currency)}`);
  if (typeof def.amount !== 'string' || !DECIMAL.test(def.amount) || new Decimal(def.amount).isZero()) {
    throw new RangeError(`budget.amount: expected a positive decimal string, got ${JSON.stringify(def.amount)}`);
  }
  if (!Array.isArray(def.thresholdsPct)) throw new TypeError('budget.thresholdsPct: expected an array of percentages');
  def.thresholdsPct.forEach((t, i) => {
    if (typeof t !== 'number' || !Number.isFinite(t) || t <= 0) throw new RangeError(`budget.thresholdsPct[${i}]: expected a positive percentage, got ${String(t)}`);
  });
  return Money.of(def.amount, def.currency);
}
