import { awsElb, awsLb } from './load-balancer';
import { lines, priceOne, unsupportedReason } from './test-plan';

describe(awsLb.types.join(', '), () => {
  it('prices an ALB by default and capacity units from usage', () => {
    const r = priceOne({ type: 'aws_lb', after: {} }, { usage: 'version: 0.1\nresource_usage:\n  aws_lb.r0:\n    capacity_units: 2\n' });
    // ALB $0.0225/h × 730 = $16.425 (Infracost golden lb_test: $16.42); 2 LCU × 730 h × $0.008 = $11.68
    expect(lines(r)).toEqual({ 'Application load balancer': '16.425', 'Load balancer capacity units (LCU)': '11.68' });
    expect(r.assumptions[0]).toMatchObject({ attribute: 'load_balancer_type', assumed: 'application' });
  });

  it('prices NLB and GWLB, and aws_alb as an ALB', () => {
    // NLB eu-west-1 $0.0252/h × 730 = $18.396
    expect(priceOne({ type: 'aws_lb', after: { load_balancer_type: 'network' } }, { region: 'eu-west-1' }).monthlyCost.toDecimalString()).toBe('18.396');
    // GWLB $0.0125/h × 730 = $9.125
    expect(priceOne({ type: 'aws_lb', after: { load_balancer_type: 'gateway' } }).monthlyCost.toDecimalString()).toBe('9.125');
    expect(priceOne({ type: 'aws_alb', after: {} }).components[0]?.name).toBe('Application load balancer');
  });

  it('is unsupported where the catalog has no price', () => {
    expect(unsupportedReason({ type: 'aws_lb', after: { load_balancer_type: 'application' } }, { region: 'eu-central-1' })).toMatch(/no list price for elb:alb:hours in eu-central-1/);
  });
});

describe(awsElb.types[0] ?? 'aws_elb', () => {
  it('prices a classic load balancer with data processed', () => {
    const r = priceOne({ type: 'aws_elb', after: {} }, { usage: 'version: 0.1\nresource_usage:\n  aws_elb.r0:\n    monthly_data_processed_gb: 1000\n' });
    // $0.025/h × 730 = $18.25; 1000 GB × $0.008 = $8
    expect(r.monthlyCost.toDecimalString()).toBe('26.25');
  });
});
