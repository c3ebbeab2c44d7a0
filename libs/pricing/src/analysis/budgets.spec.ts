import { Money } from '../money';
import { BUDGET_RUN_RATE_DAYS, evaluateBudget, type BudgetDefinition } from './budgets';

const budget = (over: Partial<BudgetDefinition> = {}): BudgetDefinition => ({ amount: '1000', currency: 'USD', thresholdsPct: [50, 80, 100], forecastOverrun: true, ...over });

/** `costs[i]` is the cost of the period's day i+1 in May 2025 (UTC). */
function may(costs: readonly string[], currency: 'USD' | 'EUR' = 'USD') {
  return costs.map((c, i) => ({ day: `2025-05-${String(i + 1).padStart(2, '0')}`, cost: Money.of(c, currency) }));
}
const MAY = { start: '2025-05-01', end: '2025-06-01' };

describe(evaluateBudget.name, () => {
  it('is ok when spend is under every threshold and the forecast under the budget', () => {
    const r = evaluateBudget(budget(), may(Array<string>(10).fill('10')), MAY, '2025-05-10');
    expect(r.spent.toDecimalString()).toBe('100');
    expect(r.budget.toDecimalString()).toBe('1000');
    expect(r.pctUsed).toBe('10.00');
    expect(r.crossedThresholdsPct).toEqual([]);
    // 100 spent + 10/day × 21 days left
    expect(r.forecastTotal.toDecimalString()).toBe('310');
    expect(r.forecastOverrun).toBe(false);
    expect(r.status).toBe('ok');
  });

  it('warns on a forecast overrun before any threshold is crossed', () => {
    const r = evaluateBudget(budget(), may(Array<string>(10).fill('40')), MAY, '2025-05-10');
    expect(r.pctUsed).toBe('40.00');
    expect(r.crossedThresholdsPct).toEqual([]);
    expect(r.forecastTotal.toDecimalString()).toBe('1240');
    expect(r.forecastOverrun).toBe(true);
    expect(r.status).toBe('warning');
  });

  it('does not report a forecast overrun when the definition does not ask for it', () => {
    const r = evaluateBudget(budget({ forecastOverrun: false }), may(Array<string>(10).fill('40')), MAY, '2025-05-10');
    expect(r.forecastTotal.toDecimalString()).toBe('1240');
    expect(r.forecastOverrun).toBe(false);
    expect(r.status).toBe('ok');
  });

  it('crosses thresholds at exactly the percentage, reported ascending and once', () => {
    const r = evaluateBudget(budget({ thresholdsPct: [80, 50, 50, 100] }), may(['300', '200']), MAY, '2025-05-02');
    expect(r.pctUsed).toBe('50.00');
    expect(r.crossedThresholdsPct).toEqual([50]);
    expect(r.status).toBe('warning');
    const r2 = evaluateBudget(budget(), may(['300', '199.99']), MAY, '2025-05-02');
    expect(r2.crossedThresholdsPct).toEqual([]);
    expect(r2.pctUsed).toBe('50.00');
  });

  it('is exceeded at 100 % and above, with thresholds over 100 supported', () => {
    const r = evaluateBudget(budget({ thresholdsPct: [50, 80, 100, 120] }), may(['600', '500']), MAY, '2025-05-02');
    expect(r.pctUsed).toBe('110.00');
    expect(r.crossedThresholdsPct).toEqual([50, 80, 100]);
    expect(r.status).toBe('exceeded');
    const exact = evaluateBudget(budget(), may(['1000']), MAY, '2025-05-01');
    expect(exact.status).toBe('exceeded');
  });

  it('keeps money exact (no float noise)', () => {
    const r = evaluateBudget(budget({ amount: '0.3' }), may(['0.1', '0.2']), MAY, '2025-05-02');
    expect(r.spent.toDecimalString()).toBe('0.3');
    expect(r.pctUsed).toBe('100.00');
    expect(r.status).toBe('exceeded');
  });

  it(`uses the mean of the last ${BUDGET_RUN_RATE_DAYS} complete days as the run rate`, () => {
    // 3 days at 100, then 7 days at 10: run rate 10/day, not the period mean 37
    const r = evaluateBudget(budget(), may(['100', '100', '100', ...Array<string>(7).fill('10')]), MAY, '2025-05-10');
    expect(r.spent.toDecimalString()).toBe('370');
    expect(r.forecastTotal.toDecimalString()).toBe('580');
  });

  it('counts a day without a row as no spend (in the total and the run rate)', () => {
    const daily = [{ day: '2025-05-01', cost: Money.of('70') }];
    const r = evaluateBudget(budget(), daily, MAY, '2025-05-07');
    expect(r.spent.toDecimalString()).toBe('70');
    // 70 / 7 days = 10/day × 24 days left
    expect(r.forecastTotal.toDecimalString()).toBe('310');
  });

  it('forecasts the spend itself before the first complete day and at the period end', () => {
    const before = evaluateBudget(budget(), [], MAY, '2025-04-30');
    expect(before.spent.isZero()).toBe(true);
    expect(before.forecastTotal.isZero()).toBe(true);
    expect(before.status).toBe('ok');
    const end = evaluateBudget(budget(), may(Array<string>(31).fill('40')), MAY, '2025-05-31');
    expect(end.forecastTotal.toDecimalString()).toBe('1240');
    expect(end.status).toBe('exceeded');
    const after = evaluateBudget(budget(), may(Array<string>(31).fill('1')), MAY, '2025-06-15');
    expect(after.forecastTotal.toDecimalString()).toBe('31');
  });

  it('works in the budget currency', () => {
    const r = evaluateBudget(budget({ currency: 'EUR', amount: '100' }), may(['20', '30'], 'EUR'), MAY, '2025-05-02');
    expect(r.spent.currency).toBe('EUR');
    expect(r.forecastTotal.currency).toBe('EUR');
    expect(r.crossedThresholdsPct).toEqual([50]);
  });

  it('handles a period that is not a calendar month', () => {
    const r = evaluateBudget(budget({ amount: '70' }), [{ day: '2024-02-28', cost: Money.of('10') }, { day: '2024-02-29', cost: Money.of('10') }], { start: '2024-02-28', end: '2024-03-06' }, '2024-02-29');
    // 7-day period, 2 complete, 5 left at 10/day
    expect(r.forecastTotal.toDecimalString()).toBe('70');
    expect(r.forecastOverrun).toBe(false);
  });

  describe('rejects bad input with a message that says what and where', () => {
    const ok = may(['1']);
    it.each([
      ['a non-decimal amount', () => evaluateBudget(budget({ amount: '1e3' }), ok, MAY, '2025-05-01'), /budget.amount: expected a positive decimal string, got "1e3"/],
      ['a zero amount', () => evaluateBudget(budget({ amount: '0' }), ok, MAY, '2025-05-01'), /budget.amount/],
      ['an unknown currency', () => evaluateBudget(budget({ currency: 'JPY' as 'USD' }), ok, MAY, '2025-05-01'), /budget.currency/],
      ['a negative threshold', () => evaluateBudget(budget({ thresholdsPct: [50, -1] }), ok, MAY, '2025-05-01'), /budget.thresholdsPct\[1\]: expected a positive percentage, got -1/],
      ['a NaN threshold', () => evaluateBudget(budget({ thresholdsPct: [Number.NaN] }), ok, MAY, '2025-05-01'), /thresholdsPct\[0\]/],
      ['an empty period', () => evaluateBudget(budget(), ok, { start: '2025-05-01', end: '2025-05-01' }, '2025-05-01'), /period: end 2025-05-01 must be after start/],
      ['a non-date period', () => evaluateBudget(budget(), ok, { start: '2025-02-30', end: '2025-05-01' }, '2025-05-01'), /period.start: 2025-02-30 is not a calendar date/],
      ['asOf long before the period', () => evaluateBudget(budget(), [], MAY, '2025-04-01'), /asOf 2025-04-01/],
      ['a day outside the period', () => evaluateBudget(budget(), [{ day: '2025-04-30', cost: Money.of('1') }], MAY, '2025-05-01'), /daily\[0\]: 2025-04-30 is outside the period/],
      ['a day after asOf', () => evaluateBudget(budget(), may(['1', '2', '3']), MAY, '2025-05-02'), /daily\[2\]: 2025-05-03 is after asOf 2025-05-02/],
      ['a day given twice', () => evaluateBudget(budget(), [...ok, ...ok], MAY, '2025-05-01'), /daily\[1\]: 2025-05-01 is given twice/],
      ['a cost in another currency', () => evaluateBudget(budget(), may(['1'], 'EUR'), MAY, '2025-05-01'), /daily\[0\] \(2025-05-01\): cost is in EUR, the budget is in USD/],
      ['a malformed day', () => evaluateBudget(budget(), [{ day: '2025-5-1', cost: Money.of('1') }], MAY, '2025-05-01'), /daily\[0\].day: expected a 'YYYY-MM-DD' date/],
    ])('%s', (_name, call, message) => {
      expect(call).toThrow(message);
    });
  });
});
