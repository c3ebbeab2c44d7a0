import { type FocusRow } from '@cloudwright/focus';
import { FocusAggregator } from './focus-aggregator';

function aRow(overrides: Partial<FocusRow> = {}): FocusRow {
  return {
    line: 2,
    billingAccountId: '123',
    billingCurrency: 'USD',
    billingPeriodStart: '2030-01-01T00:00:00Z',
    billingPeriodEnd: '2030-02-01T00:00:00Z',
    chargePeriodStart: '2030-01-05T10:00:00Z',
    chargePeriodEnd: '2030-01-05T11:00:00Z',
    chargeCategory: 'Usage',
    billedCost: '0.1',
    effectiveCost: '0.2',
    listCost: '0.3',
    contractedCost: null,
    providerName: 'AWS',
    publisherName: null,
    invoiceIssuerName: null,
    serviceName: 'Amazon EC2',
    serviceCategory: 'Compute',
    regionId: 'us-east-1',
    regionName: null,
    availabilityZone: null,
    resourceId: 'i-1',
    resourceName: null,
    resourceType: null,
    subAccountId: '456',
    subAccountName: null,
    skuId: null,
    pricingQuantity: null,
    pricingUnit: null,
    consumedQuantity: null,
    consumedUnit: null,
    tags: { 'cloudwright:stack': 'shop', 'cloudwright:environment': 'prod', 'cloudwright:deployment': 'd-1' },
    ...overrides,
  };
}

describe(FocusAggregator.name, () => {
  it('adds rows of the same day and dimensions without float drift, and keeps other days apart', () => {
    const aggregator = new FocusAggregator();
    for (let i = 0; i < 10; i++) aggregator.add(aRow());
    aggregator.add(aRow({ chargePeriodStart: '2030-01-06T00:00:00Z', listCost: null }));
    const facts = aggregator.drain();
    expect(facts).toHaveLength(2);
    expect(facts[0]).toMatchObject({ day: '2030-01-05', billedCost: '1', effectiveCost: '2', listCost: '3', rowCount: 10, stack: 'shop', environment: 'prod', deploymentId: 'd-1', resourceId: 'i-1' });
    expect(facts[1]).toMatchObject({ day: '2030-01-06', listCost: null, rowCount: 1 });
    expect(aggregator.pending).toBe(0);
    expect(aggregator.period()).toEqual({ start: '2030-01-05', end: '2030-01-06' });
    expect(aggregator.currencyTotals()).toEqual([{ currency: 'USD', billedCost: '1.1', effectiveCost: '2.2' }]);
  });

  it('keys rows by tags and resource too, whatever the tag order', () => {
    const aggregator = new FocusAggregator();
    aggregator.add(aRow({ tags: { a: '1', b: '2' } }));
    aggregator.add(aRow({ tags: { b: '2', a: '1' } }));
    aggregator.add(aRow({ resourceId: 'i-2' }));
    const facts = aggregator.drain();
    expect(facts.map((f) => f.rowCount)).toEqual([2, 1]);
    expect(facts[0].stack).toBeNull();
  });
});
