import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CostQuerySubjects, isDomainError, type CostCompareCloudsReply } from '@cloudwright/contracts';
import { Decimal, compareCloudCosts } from '@cloudwright/pricing';
import { parsePlan } from '@cloudwright/terraform-plan';
import { startCostTracker, type CostTrackerHarness } from '../../__tests__/cost-tracker-harness';

const examplePlan = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, '../../../../../examples/plans', `${name}.plan.json`), 'utf8')) as Record<string, unknown>;

describe('CostQuerySubjects.CompareClouds', () => {
  let h: CostTrackerHarness;

  beforeAll(async () => {
    h = await startCostTracker('compare-clouds');
  }, 180_000);

  afterAll(async () => {
    await h.dispose();
  });

  const ask = (query: unknown) => h.runtime.queryClient.request<unknown, CostCompareCloudsReply>(CostQuerySubjects.CompareClouds, query);

  async function errorOf(query: unknown): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
    try {
      await ask(query);
    } catch (error) {
      if (isDomainError(error)) return { code: error.code, message: error.message, details: error.details };
      throw error;
    }
    throw new Error('the query was answered without an error');
  }

  it('prices the plan on each cloud: as-is on its own cloud, its mapped equivalents elsewhere', async () => {
    const plan = examplePlan('web-stack');
    const reply = await ask({ plan: { inline: plan } });
    expect(reply.currency).toBe('USD');
    expect(reply.clouds.map((c) => [c.cloud, c.basis])).toEqual([
      ['aws', 'plan'],
      ['azure', 'plan-mapped'],
      ['gcp', 'plan-mapped'],
    ]);
    const expected = compareCloudCosts({ plan: parsePlan(plan) });
    for (const column of reply.clouds) {
      expect(column.monthlyCost).toMatch(/^\d+\.\d{2}$/);
      const own = expected.clouds.find((c) => c.cloud === column.cloud);
      expect(new Decimal(column.monthlyCost).equals(own?.total.amount.toDecimalPlaces(2) ?? -1)).toBe(true);
      expect(column.complete).toBe(own?.complete);
    }
    expect(new Decimal(reply.clouds[0]?.monthlyCost ?? 0).greaterThan(0)).toBe(true);
    expect(reply.cheapest).toBe(expected.cheapest);
  });

  it('gives the cost of the resources priced on every cloud as the comparable figure', async () => {
    const plan = examplePlan('multi-cloud');
    const reply = await ask({ plan: { inline: plan } });
    const expected = compareCloudCosts({ plan: parsePlan(plan) });
    // aws holds most resources: its mapped ones are compared; its unmapped ones and every azure/gcp resource are not
    const azureAndGcp = parsePlan(plan).resources.filter((r) => r.cloud === 'azure' || r.cloud === 'gcp').map((r) => r.address);
    expect([...reply.unmapped].sort()).toEqual([...expected.unmapped, ...azureAndGcp].sort());
    const own = expected.clouds.find((c) => c.basis === 'plan');
    const compared = own?.items.filter((i) => i.resources.every((a) => a.startsWith('aws_') && !expected.unmapped.includes(a))) ?? [];
    expect(compared.map((i) => i.item).sort()).toEqual(['aws_lb.web', 'aws_nat_gateway.egress']);
    expect(reply.comparedResources).toBe(compared.length);
    expect(reply.comparedResources).toBeGreaterThan(0);
    const aws = reply.clouds.find((c) => c.cloud === 'aws');
    const comparable = compared.reduce((sum, i) => sum.plus(i.monthlyCost?.amount ?? 0), new Decimal(0));
    expect(new Decimal(aws?.comparableMonthlyCost ?? -1).equals(comparable.toDecimalPlaces(2))).toBe(true);
    expect(new Decimal(aws?.comparableMonthlyCost ?? 0).lessThan(new Decimal(aws?.monthlyCost ?? 0))).toBe(true);
    for (const column of reply.clouds.filter((c) => c.cloud !== 'aws')) expect(column.comparableMonthlyCost).toBe(column.monthlyCost);
  });

  it('honours currency and the list of clouds', async () => {
    const reply = await ask({ plan: { inline: examplePlan('web-stack') }, currency: 'EUR', clouds: ['aws', 'gcp'] });
    expect(reply.currency).toBe('EUR');
    expect(reply.clouds.map((c) => c.cloud)).toEqual(['aws', 'gcp']);
  });

  it('rejects bad input with the field named', async () => {
    await expect(errorOf({ plan: {} })).resolves.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('plan: exactly one of plan.inline') as unknown });
    await expect(errorOf({ plan: { inline: examplePlan('web-stack') }, currency: 'JPY', clouds: ['ibm'] })).resolves.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'invalid compare-clouds query: currency: "JPY" must be one of USD, EUR, GBP; clouds: must be a non-empty list of aws, azure, gcp',
    });
  });

  it('names the JSON path of a malformed plan, and reports a plan without cloud resources', async () => {
    await expect(errorOf({ plan: { inline: { format_version: '1.2', resource_changes: 'x' } } })).resolves.toMatchObject({ code: 'VALIDATION_FAILED', details: { path: '$.resource_changes' } });
    const noCloud = { format_version: '1.2', resource_changes: [{ address: 'random_id.x', mode: 'managed', type: 'random_id', name: 'x', change: { actions: ['create'], before: null, after: {} } }] };
    await expect(errorOf({ plan: { inline: noCloud } })).resolves.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('no AWS, Azure or Google Cloud resources') as unknown });
    await expect(errorOf({ plan: { ref: { uri: 'file:///nonexistent/plan.json', sha256: 'a'.repeat(64) } } })).resolves.toMatchObject({ code: 'NOT_FOUND', details: { path: '$.plan.ref.uri' } });
  });
});
