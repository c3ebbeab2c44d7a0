import Decimal from 'decimal.js';
import { Money, type Currency } from '../money';

/** Named seasonal shapes (multipliers January..December, averaging exactly 1, so a year's total is kept). Illustrative shapes, not measured data. */
export const SEASONALITY_PATTERNS = {
  none: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  /** Retail: a Q4 peak (Black Friday, December), a January–February lull. */
  'retail-q4': [0.9, 0.88, 0.95, 0.95, 0.97, 0.97, 0.97, 0.98, 0.98, 1.03, 1.17, 1.25],
  /** Travel and leisure: a June–August peak. */
  'summer-peak': [0.9, 0.9, 0.95, 0.98, 1.02, 1.12, 1.2, 1.18, 1.0, 0.95, 0.9, 0.9],
  /** Education: the academic year, low in the northern summer holidays. */
  education: [1.02, 1.06, 1.06, 1.04, 1.0, 0.86, 0.78, 0.86, 1.08, 1.08, 1.08, 1.08],
} as const satisfies Record<string, readonly number[]>;
export type SeasonalityPattern = keyof typeof SEASONALITY_PATTERNS;

export interface ForecastInput {
  /** Current monthly cost without seasonality: the baseline for `startMonth`. Ignored for the level when `history` is given. */
  monthlyCost: Money;
  /** Months to project, 1..36. */
  months: number;
  /** Monthly compound growth in percent (may be negative, above -100); default 0. Ignored when `history` is given. */
  growthRatePct?: number;
  /** 12 multipliers (January..December) or a named pattern. */
  seasonality?: readonly number[] | SeasonalityPattern;
  /** First projected month, 'YYYY-MM'. */
  startMonth: string;
  /** Actual monthly costs before `startMonth` (at least 3 months); the trend is then fitted from them. */
  history?: readonly { month: string; cost: Money }[];
}

export interface ForecastInterval {
  low: Money;
  high: Money;
}

export interface ForecastMonth {
  month: string;
  cost: Money;
  /** The seasonal multiplier applied. */
  seasonalFactor: string;
  /** Prediction intervals (only with history). */
  interval80?: ForecastInterval;
  interval95?: ForecastInterval;
}

export interface ForecastYear {
  /** Projection year: 1 for the first 12 months. */
  year: number;
  from: string;
  to: string;
  total: Money;
}

export type ForecastMethod = 'compound-growth' | 'log-linear-regression' | 'linear-regression';

export interface ForecastFit {
  /** History months used. */
  points: number;
  /** Fitted baseline (without seasonality) for the first projected month. */
  baseline: Money;
  /** Residual standard error (log units for the log-linear fit, currency units for the linear one). */
  residualStdError: string;
  /** Coefficient of determination of the fit on the deseasonalised history, 4 decimals. */
  rSquared: string;
  /** Whether the slope differs from zero at the 95 % level (two-sided t-test). */
  slopeSignificant: boolean;
}

export interface CostForecast {
  currency: Currency;
  method: ForecastMethod;
  /** How the numbers were made, in one or two sentences. */
  methodDescription: string;
  /** Monthly compound growth used (given, or fitted), percent with 4 decimals. */
  monthlyGrowthRatePct: string;
  /** `flat` when growth is under {@link FLAT_GROWTH_PCT} % a month in size or, with history, not significant. */
  trend: 'growing' | 'flat' | 'shrinking';
  months: ForecastMonth[];
  yearlyTotals: ForecastYear[];
  total: Money;
  fit?: ForecastFit;
  notes: string[];
}

/** Growth below this size (percent per month) is reported as a flat trend. */
export const FLAT_GROWTH_PCT = 0.5;
export const MIN_HISTORY_MONTHS = 3;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Projects monthly costs.
 *
 * Without history: `cost(k) = monthlyCost × (1 + g)^k × season(month)` for the k-th month from `startMonth`.
 * With history (3+ months): the history is divided by its months' seasonal factors, then `ln(cost)` is fitted by
 * least squares on the month index (log-linear, i.e. constant compound growth), or `cost` itself when a month is zero
 * (linear). The projection extends the fit and multiplies the season back. Prediction intervals come from the
 * residual standard error with Student's t (n − 2 degrees of freedom) and widen with the distance from the
 * history's centre; the log-linear fit's intervals are exponentiated (asymmetric, never below zero).
 */
export function forecastCosts(input: ForecastInput): CostForecast {
  const currency = input.monthlyCost.currency;
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > 36) throw new RangeError(`months: expected a whole number from 1 to 36, got ${String(input.months)}`);
  const start = monthIndex(input.startMonth, 'startMonth');
  const season = seasonFactors(input.seasonality);
  const growth = input.growthRatePct ?? 0;
  if (typeof growth !== 'number' || !Number.isFinite(growth) || growth <= -100 || growth > 1000) throw new RangeError(`growthRatePct: expected a number above -100 and at most 1000 (percent per month), got ${String(growth)}`);
  if (input.monthlyCost.amount.isNegative()) throw new RangeError(`monthlyCost: must not be negative, got ${input.monthlyCost.toDecimalString()}`);
  const notes: string[] = [];
  const targets = Array.from({ length: input.months }, (_, k) => start + k);
  const factor = (m: number) => season[((m % 12) + 12) % 12] ?? new Decimal(1);

  let method: ForecastMethod;
  let methodDescription: string;
  let rate: Decimal;
  let months: ForecastMonth[];
  let fit: ForecastFit | undefined;
  let significant = true;
  if (!input.history) {
    method = 'compound-growth';
    rate = new Decimal(growth).dividedBy(100);
    methodDescription = `monthly cost ${input.monthlyCost.toDecimalString()} ${currency} compounded at ${growth} % a month${input.seasonality ? ', times the seasonal factors' : ''}; no history, so no confidence intervals`;
    const base = input.monthlyCost.amount;
    months = targets.map((m, k) => ({ month: monthString(m), cost: Money.of(base.times(rate.plus(1).pow(k)).times(factor(m)), currency), seasonalFactor: factor(m).toString() }));
  } else {
    const history = checkHistory(input.history, currency, start);
    const xs = history.map((h) => new Decimal(h.m - start));
    const deseason = history.map((h) => h.cost.amount.dividedBy(factor(h.m)));
    const useLog = deseason.every((c) => c.gt(0));
    method = useLog ? 'log-linear-regression' : 'linear-regression';
    const ys = useLog ? deseason.map((c) => c.ln()) : deseason;
    const reg = regress(xs, ys);
    const n = history.length;
    const t80 = studentT(n - 2, '80');
    const t95 = studentT(n - 2, '95');
    significant = reg.slopeStdError.isZero() ? !reg.slope.isZero() : reg.slope.abs().dividedBy(reg.slopeStdError).gte(t95);
    const atX = (x: Decimal) => reg.intercept.plus(reg.slope.times(x));
    const spread = (x: Decimal) => reg.s.times(new Decimal(1).plus(new Decimal(1).dividedBy(n)).plus(x.minus(reg.meanX).pow(2).dividedBy(reg.sxx)).sqrt());
    const toCost = (v: Decimal) => (useLog ? v.exp() : Decimal.max(v, 0));
    const interval = (y: Decimal, half: Decimal, f: Decimal): ForecastInterval => ({ low: Money.of(toCost(y.minus(half)).times(f), currency), high: Money.of(toCost(y.plus(half)).times(f), currency) });
    months = targets.map((m) => {
      const x = new Decimal(m - start);
      const y = atX(x);
      const f = factor(m);
      const se = spread(x);
      return { month: monthString(m), cost: Money.of(toCost(y).times(f), currency), seasonalFactor: f.toString(), interval80: interval(y, se.times(t80), f), interval95: interval(y, se.times(t95), f) };
    });
    const baselineAtStart = toCost(atX(new Decimal(0)));
    rate = useLog ? reg.slope.exp().minus(1) : baselineAtStart.isZero() ? new Decimal(0) : reg.slope.dividedBy(baselineAtStart);
    fit = {
      points: n,
      baseline: Money.of(baselineAtStart, currency),
      residualStdError: reg.s.toSignificantDigits(6).toString(),
      rSquared: reg.r2.toFixed(4, Decimal.ROUND_HALF_UP),
      slopeSignificant: significant,
    };
    methodDescription = useLog
      ? `least-squares fit of ln(cost) on the month over ${n} months of history${input.seasonality ? ' (deseasonalised)' : ''}: constant compound growth; intervals from the residual standard error with Student's t (${n - 2} degrees of freedom)`
      : `least-squares fit of cost on the month over ${n} months of history${input.seasonality ? ' (deseasonalised)' : ''} (linear: a month was zero, so no log fit); intervals from the residual standard error with Student's t (${n - 2} degrees of freedom); growth relative to the fitted first month`;
    notes.push('monthlyCost and growthRatePct were not used: the level and growth come from the history');
    if (n < 6) notes.push(`only ${n} months of history: the intervals are wide and the fit is sensitive to single months`);
  }

  const pct = rate.times(100);
  const trend = pct.abs().lt(FLAT_GROWTH_PCT) || !significant ? 'flat' : pct.isPositive() ? 'growing' : 'shrinking';
  if (!significant && pct.abs().gte(FLAT_GROWTH_PCT)) notes.push(`the fitted growth (${pct.toFixed(2)} % a month) is not significant at the 95 % level, so the trend is reported as flat`);
  const yearlyTotals: ForecastYear[] = [];
  for (let i = 0; i < months.length; i += 12) {
    const slice = months.slice(i, i + 12);
    yearlyTotals.push({ year: i / 12 + 1, from: slice[0]?.month ?? '', to: slice[slice.length - 1]?.month ?? '', total: Money.sum(slice.map((m) => m.cost), currency) });
  }
  return {
    currency,
    method,
    methodDescription,
    monthlyGrowthRatePct: pct.toFixed(4, Decimal.ROUND_HALF_UP),
    trend,
    months,
    yearlyTotals,
    total: Money.sum(months.map((m) => m.cost), currency),
    ...(fit ? { fit } : {}),
    notes,
  };
}

function seasonFactors(seasonality: ForecastInput['seasonality']): Decimal[] {
  if (seasonality === undefined) return SEASONALITY_PATTERNS.none.map((v) => new Decimal(v));
  if (typeof seasonality === 'string') {
    if (!Object.hasOwn(SEASONALITY_PATTERNS, seasonality)) throw new RangeError(`seasonality: unknown pattern ${JSON.stringify(seasonality)} (known: ${Object.keys(SEASONALITY_PATTERNS).join(', ')})`);
    return SEASONALITY_PATTERNS[seasonality].map((v) => new Decimal(v));
  }
  if (!Array.isArray(seasonality) || seasonality.length !== 12) throw new RangeError(`seasonality: expected 12 multipliers (January to December) or a pattern name, got ${Array.isArray(seasonality) ? `${seasonality.length} values` : JSON.stringify(seasonality)}`);
  return seasonality.map((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 10) throw new RangeError(`seasonality[${i}]: expected a multiplier above 0 and at most 10, got ${String(v)}`);
    return new Decimal(v);
  });
}

function checkHistory(history: readonly { month: string; cost: Money }[], currency: Currency, start: number): { m: number; cost: Money }[] {
  const seen = new Set<number>();
  const rows = history.map((h, i) => {
    const m = monthIndex(h.month, `history[${i}].month`);
    if (!(h.cost instanceof Money)) throw new TypeError(`history[${i}] (${h.month}): cost must be a Money`);
    if (h.cost.currency !== currency) throw new TypeError(`history[${i}] (${h.month}): cost is in ${h.cost.currency}, monthlyCost is in ${currency}`);
    if (h.cost.amount.isNegative()) throw new RangeError(`history[${i}] (${h.month}): cost must not be negative`);
    if (m >= start) throw new RangeError(`history[${i}]: ${h.month} is not before startMonth ${monthString(start)}`);
    if (seen.has(m)) throw new RangeError(`history[${i}]: ${h.month} is given twice`);
    seen.add(m);
    return { m, cost: h.cost.amount };
  });
  if (rows.length < MIN_HISTORY_MONTHS) throw new RangeError(`history: at least ${MIN_HISTORY_MONTHS} months are needed to fit a trend, got ${rows.length}`);
  return rows.sort((a, b) => a.m - b.m).map((r) => ({ m: r.m, cost: Money.of(r.cost, currency) }));
}

interface Regression {
  intercept: Decimal;
  slope: Decimal;
  /** Residual standard error. */
  s: Decimal;
  slopeStdError: Decimal;
  meanX: Decimal;
  sxx: Decimal;
  r2: Decimal;
}

/** Ordinary least squares y = a + b·x. */
function regress(xs: readonly Decimal[], ys: readonly Decimal[]): Regression {
  const n = xs.length;
  const meanX = Decimal.sum(...xs).dividedBy(n);
  const meanY = Decimal.sum(...ys).dividedBy(n);
  let sxx = new Decimal(0);
  let sxy = new Decimal(0);
  let syy = new Decimal(0);
  xs.forEach((x, i) => {
    const dx = x.minus(meanX);
    const dy = (ys[i] ?? meanY).minus(meanY);
    sxx = sxx.plus(dx.pow(2));
    sxy = sxy.plus(dx.times(dy));
    syy = syy.plus(dy.pow(2));
  });
  const slope = sxy.dividedBy(sxx);
  const intercept = meanY.minus(slope.times(meanX));
  const sse = Decimal.max(syy.minus(slope.times(sxy)), 0);
  const s = sse.dividedBy(n - 2).sqrt();
  return { intercept, slope, s, slopeStdError: s.dividedBy(sxx.sqrt()), meanX, sxx, r2: syy.isZero() ? new Decimal(1) : new Decimal(1).minus(sse.dividedBy(syy)) };
}

/** Two-sided Student's t critical values (t₀.₉₀ for 80 %, t₀.₉₇₅ for 95 %) by degrees of freedom; larger df use the next lower row (conservative). */
const T_TABLE: readonly [number, string, string][] = [
  [1, '3.078', '12.706'], [2, '1.886', '4.303'], [3, '1.638', '3.182'], [4, '1.533', '2.776'], [5, '1.476', '2.571'],
  [6, '1.440', '2.447'], [7, '1.415', '2.365'], [8, '1.397', '2.306'], [9, '1.383', '2.262'], [10, '1.372', '2.228'],
  [11, '1.363', '2.201'], [12, '1.356', '2.179'], [13, '1.350', '2.160'], [14, '1.345', '2.145'], [15, '1.341', '2.131'],
  [16, '1.337', '2.120'], [17, '1.333', '2.110'], [18, '1.330', '2.101'], [19, '1.328', '2.093'], [20, '1.325', '2.086'],
  [21, '1.323', '2.080'], [22, '1.321', '2.074'], [23, '1.319', '2.069'], [24, '1.318', '2.064'], [25, '1.316', '2.060'],
  [26, '1.315', '2.056'], [27, '1.314', '2.052'], [28, '1.313', '2.048'], [29, '1.311', '2.045'], [30, '1.310', '2.042'],
  [40, '1.303', '2.021'], [60, '1.296', '2.000'], [120, '1.289', '1.980'],
];

export function studentT(df: number, level: '80' | '95'): Decimal {
  let row = T_TABLE[0];
  for (const r of T_TABLE) if (r[0] <= df) row = r;
  if (!row) throw new Error('empty t table');
  return new Decimal(level === '80' ? row[1] : row[2]);
}

function monthIndex(month: string, what: string): number {
  const m = typeof month === 'string' ? MONTH.exec(month) : null;
  if (!m) throw new RangeError(`${what}: expected a 'YYYY-MM' month, got ${JSON.stringify(month)}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

function monthString(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
