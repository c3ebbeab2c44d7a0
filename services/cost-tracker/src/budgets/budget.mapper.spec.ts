import { DomainError } from '@cloudwright/contracts';
import { DEFAULT_THRESHOLDS_PCT, toBudgetRow } from './budget.mapper';

describe(toBudgetRow.name, () => {
  it('applies the default thresholds and forecast overrun, sorted and without repeats', () => {
    expect(toBudgetRow({ stack: 'shop', environment: 'prod', amount: '500', currency: 'USD' })).toMatchObject({
      thresholdsPct: DEFAULT_THRESHOLDS_PCT,
      forecastOverrun: true,
      tagKey: '',
      period: 'monthly',
    });
    expect(toBudgetRow({ stack: 'shop', environment: 'prod', amount: '5', currency: 'EUR', thresholdsPct: [100, 80, 80] }).thresholdsPct).toEqual([80, 100]);
  });

  it('lists every problem at once', () => {
    let caught: unknown;
    try {
      toBudgetRow({ stack: 'Shop', environment: 'prod', amount: '-5', currency: 'JPY', thresholdsPct: [0], tagKey: 'team', colour: 'red' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).details?.problems).toEqual([
      'colour: unknown property',
      expect.stringContaining('stack must be'),
      'amount must be a positive decimal string such as "500" or "1250.50"',
      'currency must be USD, EUR or GBP',
      'thresholdsPct must be a non-empty list of integers from 1 to 1000',
      'tagKey and tagValue go together',
    ]);
  });
});
