import { Estimator, syntheticPlan } from '@cloudwright/pricing';
import { EstimatorHourlyPrices } from './hourly-price';

describe(EstimatorHourlyPrices.name, () => {
  const prices = new EstimatorHourlyPrices('USD');

  it('prices a resource as the estimator prices the same one-resource plan', () => {
    const resource = { type: 'aws_instance', cloud: 'aws' as const, region: 'us-east-1', attributes: { instance_type: 'm5.large' } };
    const price = prices.price(resource);
    const expected = new Estimator().estimate(syntheticPlan([{ type: 'aws_instance', name: 'x', cloud: 'aws', region: 'us-east-1', values: { instance_type: 'm5.large' } }]));
    expect(price.note).toBeNull();
    expect(price.hourly.isZero()).toBe(false);
    expect(price.hourly.toFixed()).toBe(expected.resources[0]?.hourlyCost.amount.toFixed());
  });

  it('prices a larger instance higher', () => {
    const at = (instanceType: string) => prices.price({ type: 'aws_instance', cloud: 'aws', region: 'us-east-1', attributes: { instance_type: instanceType } }).hourly;
    expect(at('m5.2xlarge').greaterThan(at('m5.large'))).toBe(true);
  });

  it('bills free and unpriceable types 0 with the reason', () => {
    expect(prices.price({ type: 'aws_vpc', cloud: 'aws', region: 'us-east-1', attributes: {} })).toMatchObject({ note: expect.stringMatching(/^free: /) as unknown });
    const unknown = prices.price({ type: 'aws_made_up_thing', cloud: 'aws', region: null, attributes: {} });
    expect(unknown.hourly.isZero()).toBe(true);
    expect(unknown.note).toMatch(/^not priced: /);
  });
});
