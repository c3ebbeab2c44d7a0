import Decimal from 'decimal.js';
import { Money } from '../money';
import { dayNumber } from './days';

export interface Anomaly {
  day: string;
  cost: Money;
  /** The trailing window's median: what the day was expected to cost. */
  expected: Money;
  /** cost − expected (negative for a drop). */
  deviation: Money;
  /** Robust z-score magnitude |cost − median| / σ̂ (see {@link detectAnomalies}), two decimals. */
  score: number;
  direction: 'spike' | 'drop';
  /** `critical` when the score is at least twice the threshold. */
  severity: 'warning' | 'critical';
}

export interface AnomalyOptions {
  /** Calendar days before each day that form its baseline (default 14, 3..366). */
  windowDays?: number;
  /** Robust z-score at or above which a day is anomalous (default 3.5, Iglewicz and Hoaglin's cut-off). */
  threshold?: number;
  /** Minimum |cost − expected| for a day to count, a decimal string in the series' currency (default '1'). */
  minAbsolute?: string;
}

export const ANOMALY_DEFAULTS = { windowDays: 14, threshold: 3.5, minAbsolute: '1' } as const;

/** 1 / Φ⁻¹(0.75): scales the median absolute deviation to a standard deviation for normal data. */
const MAD_TO_SIGMA = new Decimal('1.4826');
/** √(π/2): scales the mean absolute deviation to a standard deviation, used when the MAD is zero. */
const MEAN_AD_TO_SIGMA = new Decimal('1.2533');
/** When the baseline is perfectly flat, σ̂ is at least 1 % of the median (and 0.01 of the currency). */
const FLAT_SIGMA_FRACTION = new Decimal('0.01');
const FLAT_SIGMA_MIN = new Decimal('0.01');

/**
 * Daily cost anomalies by a robust z-score over a trailing window.
 *
 * For each day, the baseline is the costs of the days in the `windowDays` calendar days before it (missing days are
 * not zeros: they are left out). With at least half the window present (and at least 3 days), the day's score is
 * |cost − median| / σ̂, where σ̂ = 1.4826 × MAD (median absolute deviation), or 1.2533 × the mean absolute deviation
 * when the MAD is zero, floored at 1 % of |median| (0.01 minimum) so a perfectly flat baseline still has a scale.
 * A day is an anomaly when the score reaches `threshold` and |cost − median| reaches `minAbsolute`. Median and MAD
 * are not pulled by earlier anomalies in the window, so one spike does not hide the next.
 *
 * @param daily one row per UTC day ('YYYY-MM-DD'), any order, all in one currency
 * @returns the anomalies in day order
 */
export function detectAnomalies(daily: { day: string; cost: Money }[], options: AnomalyOptions = {}): Anomaly[] {
  const { windowDays, threshold, minAbsolute } = checkOptions(options);
  const rows = daily.map((row, i) => {
    if (!(row.cost instanceof Money)) throw new TypeError(`daily[${i}] (${row.day}): cost must be a Money`);
    return { n: dayNumber(row.day, `daily[${i}].day`), day: row.day, cost: row.cost, i };
  });
  rows.sort((a, b) => a.n - b.n);
  const first = rows[0];
  if (!first) return [];
  const currency = first.cost.currency;
  rows.forEach((row, k) => {
    if (row.cost.currency !== currency) throw new TypeError(`daily[${row.i}] (${row.day}): cost is in ${row.cost.currency}, the series is in ${currency}`);
    const prev = rows[k - 1];
    if (prev && prev.n === row.n) throw new RangeError(`daily[${row.i}]: ${row.day} is given twice (one row per day)`);
  });

  const minPoints = Math.max(3, Math.ceil(windowDays / 2));
  const minAbs = new Decimal(minAbsolute);
  const critical = threshold * 2;
  const anomalies: Anomaly[] = [];
  let from = 0;
  rows.forEach((row, k) => {
    while ((rows[from]?.n ?? Infinity) < row.n - windowDays) from++;
    const baseline = rows.slice(from, k).map((r) => r.cost.amount);
    if (baseline.length < minPoints) return;
    const med = median(baseline);
    const deviation = row.cost.amount.minus(med);
    if (deviation.abs().lt(minAbs) || deviation.isZero()) return;
    const sigma = robustSigma(baseline, med);
    const score = deviation.abs().dividedBy(sigma);
    if (score.lt(threshold)) return;
    const rounded = score.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
    anomalies.push({
      day: row.day,
      cost: row.cost,
      expected: Money.of(med, currency),
      deviation: Money.of(deviation, currency),
      score: rounded,
      direction: deviation.isPositive() ? 'spike' : 'drop',
      severity: score.gte(critical) ? 'critical' : 'warning',
    });
  });
  return anomalies;
}

function checkOptions(options: AnomalyOptions): Required<AnomalyOptions> {
  const windowDays = options.windowDays ?? ANOMALY_DEFAULTS.windowDays;
  const threshold = options.threshold ?? ANOMALY_DEFAULTS.threshold;
  const minAbsolute = options.minAbsolute ?? ANOMALY_DEFAULTS.minAbsolute;
  if (!Number.isInteger(windowDays) || windowDays < 3 || windowDays > 366) throw new RangeError(`options.windowDays: expected a whole number of days from 3 to 366, got ${String(windowDays)}`);
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold <= 0) throw new RangeError(`options.threshold: expected a positive number, got ${String(threshold)}`);
  if (typeof minAbsolute !== 'string' || !/^\d+(\.\d+)?$/.test(minAbsolute)) throw new RangeError(`options.minAbsolute: expected a non-negative decimal string, got ${JSON.stringify(minAbsolute)}`);
  return { windowDays, threshold, minAbsolute };
}

function median(values: readonly Decimal[]): Decimal {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? new Decimal(0);
  if (sorted.length % 2 === 1) return hi;
  const lo = sorted[mid - 1] ?? hi;
  return lo.plus(hi).dividedBy(2);
}

function robustSigma(values: readonly Decimal[], med: Decimal): Decimal {
  const absDev = values.map((v) => v.minus(med).abs());
  let sigma = median(absDev).times(MAD_TO_SIGMA);
  if (sigma.isZero()) sigma = absDev.reduce((a, b) => a.plus(b), new Decimal(0)).dividedBy(absDev.length).times(MEAN_AD_TO_SIGMA);
  return Decimal.max(sigma, med.abs().times(FLAT_SIGMA_FRACTION), FLAT_SIGMA_MIN);
}
