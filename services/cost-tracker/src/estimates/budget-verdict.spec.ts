import { Decimal } from '@cloudwright/pricing';
import { budgetVerdict, monthlyRunRate } from './budget-verdict';

const rates: Record<string, string> = { USD: '1', EUR: '0.9' };
const rate = (c: string) => new Decimal(rates[c] ?? 'NaN');
const estimate = { currency: 'USD', monthly: new Decimal('32.85'), diffMonthly: new Decimal('32.85') };

describe(budgetVerdict.name, () => {
  it('says no-budget and projects the estimate total when there is neither a budget nor actuals', () => {
    expect(budgetVerdict({ estimate, rate })).toEqual({
      verdict: 'no-budget',
      projectedMonthly: '32.85',
      reason: "no budget for this stack and environment; projected 32.85 USD (no actuals recorded: the estimate's monthly total 32.85 USD)",
    });
  });

  it('is within when the estimate total stays under the budget, with the percentage', () => {
    expect(budgetVerdict({ estimate, rate, budget: { amount: new Decimal(100), currency: 'USD' } })).toMatchObject({
      verdict: 'within',
      budget: '100',
      projectedMonthly: '32.85',
      thresholdPct: '32.85',
    });
  });

  it('adds the diff to the actual run-rate when actuals are known, and says over when it exceeds the budget', () => {
    // 720 over 30 days -> 730 per month; + 32.85 = 762.85 > 750
    const verdict = budgetVerdict({ estimate, rate, budget: { amount: new Decimal(750), currency: 'USD' }, actualLast30Days: new Decimal(720) });
    expect(verdict).toMatchObject({ verdict: 'over', projectedMonthly: '762.85', thresholdPct: '101.71' });
    expect(verdict.reason).toContain('actual run-rate 730 USD plus the change');
  });

  it('never projects below zero when the change removes more than the run-rate', () => {
    const removal = { currency: 'USD', monthly: new Decimal(0), diffMonthly: new Decimal(-500) };
    expect(budgetVerdict({ estimate: removal, rate, budget: { amount: new Decimal(100), currency: 'USD' }, actualLast30Days: new Decimal(72) }).projectedMonthly).toBe('0');
  });

  it('converts the estimate into the budget currency', () => {
    expect(budgetVerdict({ estimate: { ...estimate, monthly: new Decimal(100) }, rate, budget: { amount: new Decimal(90), currency: 'EUR' } })).toMatchObject({
      verdict: 'within',
      projectedMonthly: '90',
      thresholdPct: '100',
    });
  });
});

describe(monthlyRunRate.name, () => {
  it('scales 30 days to a 730-hour month', () => {
    expect(monthlyRunRate(new Decimal(720)).toString()).toBe('730');
  });
});
