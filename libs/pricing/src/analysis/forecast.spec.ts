import Decimal from 'decimal.js';
import { Money } from '../money';
import { SEASONALITY_PATTERNS, forecastCosts, studentT, type ForecastInput } from './forecast';

const usd = (v: Decimal.Value) => Money.of(v, 'USD');
const input = (over: Partial<ForecastInput> = {}): ForecastInput => ({ monthlyCost: usd('100'), months: 3, growthRatePct: 0, startMonth: '2025-01', ...over });

/** Monthly history ending the month before 2025-01, oldest first. */
function historyOf(values: readonly Decimal.Value[]) {
  const first = 2025 * 12 - values.length;
  return values.map((v, i) => ({ month: `${Math.floor((first + i) / 12)}-${String(((first + i) % 12) + 1).padStart(2, '0')}`, cost: usd(v) }));
}

describe(forecastCosts.name, () => {
  describe('without history', () => {
    it('compounds the growth rate month by month, exactly', () => {
      const f = forecastCosts(input({ growthRatePct: 10 }));
      expect(f.method).toBe('compound-growth');
      expect(f.months.map((m) => [m.month, m.cost.toDecimalString()])).toEqual([['2025-01', '100'], ['2025-02', '110'], ['2025-03', '121']]);
      expect(f.total.toDecimalString()).toBe('331');
      expect(f.monthlyGrowthRatePct).toBe('10.0000');
      expect(f.trend).toBe('growing');
      expect(f.months[0]?.interval80).toBeUndefined();
      expect(f.fit).toBeUndefined();
    });

    it('shrinks with a negative rate and calls a small rate flat', () => {
      const down = forecastCosts(input({ growthRatePct: -10 }));
      expect(down.months.map((m) => m.cost.toDecimalString())).toEqual(['100', '90', '81']);
      expect(down.trend).toBe('shrinking');
      expect(forecastCosts(input({ growthRatePct: 0.3 })).trend).toBe('flat');
      expect(forecastCosts(input({ growthRatePct: -0.49 })).trend).toBe('flat');
    });

    it('applies a named seasonal pattern by calendar month, across a year end', () => {
      const f = forecastCosts(input({ startMonth: '2025-11', seasonality: 'retail-q4' }));
      expect(f.months.map((m) => [m.month, m.seasonalFactor, m.cost.toDecimalString()])).toEqual([
        ['2025-11', '1.17', '117'],
        ['2025-12', '1.25', '125'],
        ['2026-01', '0.9', '90'],
      ]);
    });

    it('applies 12 custom multipliers', () => {
      const custom = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5];
      const f = forecastCosts(input({ startMonth: '2025-12', months: 2, seasonality: custom }));
      expect(f.months.map((m) => m.cost.toDecimalString())).toEqual(['50', '200']);
    });

    it('keeps a year total under every named pattern (factors average 1)', () => {
      for (const [name, factors] of Object.entries(SEASONALITY_PATTERNS)) {
        expect([name, Decimal.sum(...factors).toString()]).toEqual([name, '12']);
        const f = forecastCosts(input({ months: 12, seasonality: name as keyof typeof SEASONALITY_PATTERNS, startMonth: '2025-04' }));
        expect([name, f.total.toDecimalString()]).toEqual([name, '1200']);
      }
    });

    it('totals each projection year and the whole horizon', () => {
      const f = forecastCosts(input({ months: 36, growthRatePct: 1, startMonth: '2025-07' }));
      expect(f.yearlyTotals.map((y) => [y.year, y.from, y.to])).toEqual([[1, '2025-07', '2026-06'], [2, '2026-07', '2027-06'], [3, '2027-07', '2028-06']]);
      // geometric series: 100 × (1.01^12 − 1) / 0.01
      expect(f.yearlyTotals[0]?.total.toFixed(6)).toBe(new Decimal(1.01).pow(12).minus(1).dividedBy(0.01).times(100).toFixed(6));
      expect(f.total.toDecimalString()).toBe(Money.sum(f.yearlyTotals.map((y) => y.total)).toDecimalString());
      const partial = forecastCosts(input({ months: 13 }));
      expect(partial.yearlyTotals.map((y) => [y.year, y.total.toDecimalString()])).toEqual([[1, '1200'], [2, '100']]);
    });

    it('keeps the currency', () => {
      const f = forecastCosts(input({ monthlyCost: Money.of('50', 'EUR') }));
      expect(f.currency).toBe('EUR');
      expect(f.total.currency).toBe('EUR');
    });
  });

  describe('with history', () => {
    it('recovers exact compound growth with a log-linear fit and zero-width intervals', () => {
      const history = historyOf(Array.from({ length: 12 }, (_, k) => new Decimal(100).times(new Decimal(1.05).pow(k))));
      const f = forecastCosts(input({ history, months: 2, monthlyCost: usd('1'), growthRatePct: 50 }));
      expect(f.method).toBe('log-linear-regression');
      expect(f.monthlyGrowthRatePct).toBe('5.0000');
      expect(f.trend).toBe('growing');
      expect(f.fit?.points).toBe(12);
      expect(f.fit?.rSquared).toBe('1.0000');
      expect(f.fit?.slopeSignificant).toBe(true);
      const next = new Decimal(100).times(new Decimal(1.05).pow(12));
      expect(f.months[0]?.cost.toFixed(6)).toBe(next.toFixed(6));
      expect(f.months[1]?.cost.toFixed(6)).toBe(next.times(1.05).toFixed(6));
      expect(f.months[0]?.interval95?.low.toFixed(4)).toBe(next.toFixed(4));
      expect(f.months[0]?.interval95?.high.toFixed(4)).toBe(next.toFixed(4));
      expect(f.notes.join(' ')).toMatch(/monthlyCost and growthRatePct were not used/);
    });

    it('gives intervals that contain the forecast, 95 % wider than 80 %, widening with the horizon', () => {
      const noisy = [100, 108, 103, 115, 112, 121, 118, 130, 126, 137, 133, 145];
      const f = forecastCosts(input({ history: historyOf(noisy), months: 12 }));
      const width = (m: (typeof f.months)[number] | undefined, level: 'interval80' | 'interval95') => m?.[level]?.high.minus(m[level].low).amount ?? new Decimal(0);
      for (const m of f.months) {
        expect(m.interval95?.low.amount.lte(m.interval80?.low.amount ?? 0)).toBe(true);
        expect(m.interval80?.low.amount.lt(m.cost.amount)).toBe(true);
        expect(m.interval80?.high.amount.gt(m.cost.amount)).toBe(true);
        expect(m.interval95?.high.amount.gte(m.interval80?.high.amount ?? Infinity)).toBe(true);
      }
      expect(width(f.months[11], 'interval95').gt(width(f.months[0], 'interval95'))).toBe(true);
      expect(width(f.months[0], 'interval95').gt(width(f.months[0], 'interval80'))).toBe(true);
      expect(Number(f.monthlyGrowthRatePct)).toBeGreaterThan(2.5);
      expect(Number(f.monthlyGrowthRatePct)).toBeLessThan(4);
      expect(f.trend).toBe('growing');
      expect(Number(f.fit?.rSquared)).toBeGreaterThan(0.9);
    });

    it('calls a noisy history without a significant slope flat, and says why', () => {
      const f = forecastCosts(input({ history: historyOf([100, 130, 90, 120, 95, 125, 92, 118, 101, 128]) }));
      expect(f.fit?.slopeSignificant).toBe(false);
      expect(f.trend).toBe('flat');
    });

    it('falls back to a linear fit when a month cost nothing', () => {
      const f = forecastCosts(input({ history: historyOf([0, 10, 20, 30]), months: 2 }));
      expect(f.method).toBe('linear-regression');
      expect(f.months.map((m) => m.cost.toDecimalString())).toEqual(['40', '50']);
      expect(f.fit?.baseline.toDecimalString()).toBe('40');
      // slope 10 relative to the fitted first month (40)
      expect(f.monthlyGrowthRatePct).toBe('25.0000');
    });

    it('deseasonalises the history before fitting and puts the season back', () => {
      const retail = SEASONALITY_PATTERNS['retail-q4'];
      // 2024-01..2024-12 at a flat baseline of 200, shaped by the retail pattern
      const history = historyOf(retail.map((f) => new Decimal(200).times(f)));
      const f = forecastCosts(input({ history, months: 12, seasonality: 'retail-q4' }));
      expect(f.monthlyGrowthRatePct).toBe('0.0000');
      expect(f.trend).toBe('flat');
      expect(f.months.map((m) => m.cost.toFixed(6))).toEqual(retail.map((v) => new Decimal(200).times(v).toFixed(6)));
    });

    it('accepts history with gaps and in any order', () => {
      const history = historyOf([100, 110, 121, 133.1]).filter((_, i) => i !== 1).reverse();
      const f = forecastCosts(input({ history, months: 1 }));
      expect(f.monthlyGrowthRatePct).toBe('10.0000');
      expect(f.months[0]?.cost.toFixed(4)).toBe('146.4100');
      expect(f.notes.join(' ')).toMatch(/only 3 months of history/);
    });
  });

  describe(studentT.name, () => {
    it('reads the table and is conservative between rows', () => {
      expect(studentT(1, '95').toString()).toBe('12.706');
      expect(studentT(10, '80').toString()).toBe('1.372');
      expect(studentT(45, '95').toString()).toBe('2.021');
      expect(studentT(1000, '95').toString()).toBe('1.98');
    });
  });

  describe('rejects bad input with a message that says what and where', () => {
    it.each([
      ['0 months', input({ months: 0 }), /months: expected a whole number from 1 to 36, got 0/],
      ['37 months', input({ months: 37 }), /got 37/],
      ['fractional months', input({ months: 1.5 }), /got 1.5/],
      ['growth of -100 %', input({ growthRatePct: -100 }), /growthRatePct: expected a number above -100/],
      ['11 multipliers', input({ seasonality: Array<number>(11).fill(1) }), /seasonality: expected 12 multipliers \(January to December\) or a pattern name, got 11 values/],
      ['a zero multiplier', input({ seasonality: [1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1] }), /seasonality\[3\]: expected a multiplier above 0 and at most 10, got 0/],
      ['a NaN multiplier', input({ seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, Number.NaN] }), /seasonality\[11\]/],
      ['an unknown pattern', input({ seasonality: 'lunar' as 'none' }), /seasonality: unknown pattern "lunar" \(known: none, retail-q4, summer-peak, education\)/],
      ['a bad start month', input({ startMonth: '2025-13' }), /startMonth: expected a 'YYYY-MM' month, got "2025-13"/],
      ['a negative cost', input({ monthlyCost: usd('-1') }), /monthlyCost: must not be negative/],
      ['too little history', input({ history: historyOf([1, 2]) }), /history: at least 3 months are needed to fit a trend, got 2/],
      ['history at the start month', input({ history: [...historyOf([1, 2, 3]), { month: '2025-01', cost: usd(4) }] }), /history\[3\]: 2025-01 is not before startMonth 2025-01/],
      ['a month given twice', input({ history: [...historyOf([1, 2, 3]), { month: '2024-12', cost: usd(4) }] }), /history\[3\]: 2024-12 is given twice/],
      ['history in another currency', input({ history: [...historyOf([1, 2]), { month: '2024-01', cost: Money.of(3, 'GBP') }] }), /history\[2\] \(2024-01\): cost is in GBP, monthlyCost is in USD/],
    ])('%s', (_name, bad, message) => {
      expect(() => forecastCosts(bad)).toThrow(message);
    });
  });
});
