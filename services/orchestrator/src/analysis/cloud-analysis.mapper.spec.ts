import { scoreClouds } from '@cloudwright/cloud-scoring';
import { ResourceValues, type PlanResource } from '@cloudwright/terraform-plan';
import { complianceInput, costInput, toAnalyzedEvent, toFailedEvent } from './cloud-analysis.mapper';

const command = { deploymentId: 'd-1', stack: 'shop', environment: 'prod', targetClouds: ['aws' as const], plan: { format: 'terraform-plan-json' as const, inline: {} } };
const bucket = (address: string, region: string): PlanResource => ({
  address,
  moduleAddress: null,
  mode: 'managed',
  type: address.split('.')[0] ?? '',
  name: address.split('.')[1] ?? '',
  providerName: 'registry.terraform.io/hashicorp/aws',
  cloud: 'aws',
  action: 'create',
  before: null,
  after: new ResourceValues({}),
  region,
  regionSource: 'resource',
  dependsOn: [],
  path: '$.resource_changes[0]',
});

describe(costInput.name, () => {
  it('keeps completely priced clouds and names the partial ones', () => {
    const input = costInput({
      currency: 'USD',
      comparedResources: 2,
      unmapped: ['aws_vpc.main'],
      clouds: [
        { cloud: 'aws', monthlyCost: '12.00', comparableMonthlyCost: '10.50', complete: true, unpriced: [] },
        { cloud: 'gcp', monthlyCost: '3.00', comparableMonthlyCost: '3.00', complete: false, unpriced: ['a', 'b'] },
        { cloud: 'ibm', comparableMonthlyCost: '1.00', complete: true },
      ],
    });
    expect(input.values).toEqual({ aws: '10.50' });
    expect(input.reasons).toEqual([
      'cost compares the 2 resource(s) with an equivalent on every cloud; 1 other(s) are priced on their own cloud only (aws_vpc.main)',
      'cost of gcp left out: 2 item(s) could not be priced, so its total (3.00 USD) is partial',
      'cost-tracker answered an unreadable cost column ({"cloud":"ibm","comparableMonthlyCost":"1.00","complete":true}): left out',
    ]);
  });

  it('leaves cost out when nothing of the plan is comparable', () => {
    const input = costInput({ currency: 'USD', comparedResources: 0, unmapped: ['aws_s3_bucket.a'], clouds: [{ cloud: 'aws', monthlyCost: '1.00', comparableMonthlyCost: '0.00', complete: true, unpriced: [] }] });
    expect(input).toEqual({ values: {}, reasons: ['cost left out: no resource of the plan has an equivalent on the other clouds, so there is nothing to compare'] });
  });

  it('leaves cost out when the answer has no clouds list', () => {
    expect(costInput({ nope: true })).toEqual({ values: {}, reasons: ['cost-tracker answered without a clouds list: cost left out'] });
  });
});

describe(complianceInput.name, () => {
  it('keeps scored clouds and names the clouds no rule judged', () => {
    const input = complianceInput({ clouds: [{ cloud: 'aws', score: 72.5 }, { cloud: 'azure', score: null }, { cloud: 'gcp', score: 140 }] });
    expect(input.values).toEqual({ aws: 72.5 });
    expect(input.reasons).toEqual(['compliance of azure left out: no rule judged its resources', 'compliance of gcp left out: no rule judged its resources']);
  });
});

describe(toAnalyzedEvent.name, () => {
  it('puts the input reasons after the verdict and its blockers', () => {
    const result = scoreClouds({ resources: [bucket('aws_s3_bucket.a', 'eu-west-1'), { ...bucket('random_id.x', ''), cloud: null, region: null }], targetClouds: ['aws'], requirements: { residency: ['us'] } });
    const event = toAnalyzedEvent(command, result, ['cost-tracker did not answer within 5 s: its dimension is left out']);
    expect(event).toMatchObject({ deploymentId: 'd-1', stack: 'shop', environment: 'prod', status: 'analyzed', verdict: 'blocked', selectedClouds: [], recommendation: 'aws' });
    expect(event.reasons).toEqual([
      'blocked: 1 problem(s)',
      'aws_s3_bucket.a is in aws eu-west-1 (eu), outside the required residency (us)',
      'cost-tracker did not answer within 5 s: its dimension is left out',
      'not a cloud resource (no cloud deploys it): random_id.x',
    ]);
    expect(event.scores).toEqual([{ cloud: 'aws', score: 60, dimensions: { services: 100, regions: 0 }, reasons: expect.any(Array) as unknown }]);
  });
});

describe(toFailedEvent.name, () => {
  it('is failed and blocked with the error, cut to the contract limit', () => {
    const event = toFailedEvent(command, `x${'y'.repeat(5000)}`);
    expect(event).toMatchObject({ status: 'failed', verdict: 'blocked', scores: [], selectedClouds: [], recommendation: null });
    expect(event.error).toHaveLength(4096);
    expect(event.reasons[0]?.length).toBeLessThanOrEqual(1024);
  });
});
