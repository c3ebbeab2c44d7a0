import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CostEstimatedV1, CostOptimizerEstimateV1, CostQuerySubjects, type CloudEvent } from '@cloudwright/contracts';
import { anEstimateCommand } from '@cloudwright/contracts/testing';
import { Decimal } from '@cloudwright/pricing';
import { startCostTracker, waitFor, type CostTrackerHarness } from '../__tests__/cost-tracker-harness';

/** Two NAT gateways in us-east-1: priced from the repository's catalog (libs/pricing/catalog/aws/vpc.json). */
function natGatewayPlan(count: number): Record<string, unknown> {
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: Array.from({ length: count }, (_, i) => ({
      address: `aws_nat_gateway.gw${i}`,
      mode: 'managed',
      type: 'aws_nat_gateway',
      name: `gw${i}`,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['create'], before: null, after: { allocation_id: 'eipalloc-1', subnet_id: 'subnet-1', connectivity_type: 'public' } },
    })),
    configuration: { provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } } } },
  };
}

const catalogPrice = (sku: string, region: string): Decimal => {
  const file = JSON.parse(readFileSync(resolve(__dirname, '../../../../libs/pricing/catalog/aws/vpc.json'), 'utf8')) as { entries: { sku: string; region: string; onDemand: string }[] };
  const entry = file.entries.find((e) => e.sku === sku && e.region === region);
  if (!entry) throw new Error(`test setup: no ${sku} in ${region} in vpc.json`);
  return new Decimal(entry.onDemand);
};

describe('cost-optimizer agent', () => {
  let h: CostTrackerHarness;
  const expectedMonthly = (count: number) => catalogPrice('vpc:nat-gateway:hours', 'us-east-1').times(730).times(count);

  beforeAll(async () => {
    h = await startCostTracker('estimates');
  });

  afterAll(async () => {
    await h.dispose();
  });

  async function answerFor(deploymentId: string): Promise<CloudEvent<CostEstimatedV1>> {
    let found: CloudEvent<CostEstimatedV1> | undefined;
    await waitFor(`cost.estimated.v1 for ${deploymentId}`, async () => {
      found = (await h.events<CostEstimatedV1>('cw.evt.cost.estimated.v1')).find((e) => e.data.deploymentId === deploymentId);
      return found !== undefined;
    });
    return found!;
  }

  it('answers cost-optimizer.estimate.v1 with cost.estimated.v1 carrying the totals and a no-budget verdict', async () => {
    const deploymentId = randomUUID();
    const command = await h.runtime.publisher.publish(CostOptimizerEstimateV1, anEstimateCommand({ deploymentId, stack: 'shop', environment: 'prod', plan: { format: 'terraform-plan-json', inline: natGatewayPlan(2) } }));
    const answer = await answerFor(deploymentId);
    const monthly = expectedMonthly(2);
    expect(answer.correlationid).toBe(command.correlationid);
    expect(answer.causationid).toBe(command.id);
    expect(answer.subject).toBe(deploymentId);
    expect(answer.data).toMatchObject({ status: 'priced', stack: 'shop', environment: 'prod', currency: 'USD', resourceCount: 2, unsupportedCount: 0 });
    expect(new Decimal(answer.data.totals!.monthly).equals(monthly)).toBe(true);
    expect(new Decimal(answer.data.totals!.yearly).equals(monthly.times(12))).toBe(true);
    expect(new Decimal(answer.data.totals!.diffMonthly).equals(monthly)).toBe(true);
    expect(answer.data.budget).toMatchObject({ verdict: 'no-budget', projectedMonthly: monthly.toDecimalPlaces(2).toFixed() });
    expect(answer.data.catalogVersion).toMatch(/^catalog-/);

    const stored = await h.http('GET', `/estimates/by-deployment/${deploymentId}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ deploymentId, status: 'priced', resourceCount: 2, totals: { monthly: answer.data.totals!.monthly } });
    const resources: { address: string; monthly: string }[] = await h.dataSource.query(
      `SELECT r.address, r.monthly::text AS monthly FROM "${h.ctx.schema}".cost_estimate_resources r JOIN "${h.ctx.schema}".cost_estimates e ON e.id = r.estimate_id WHERE e.deployment_id = $1 ORDER BY 1`,
      [deploymentId],
    );
    expect(resources.map((r) => r.address)).toEqual(['aws_nat_gateway.gw0', 'aws_nat_gateway.gw1']);
    expect(resources.every((r) => new Decimal(r.monthly).equals(expectedMonthly(1)))).toBe(true);
  });

  it('says over when the projection exceeds the stack budget, and within after the budget is raised', async () => {
    const monthly = expectedMonthly(2);
    const put = await h.http('PUT', '/budgets', { stack: 'web', environment: 'prod', amount: monthly.dividedBy(2).toFixed(2), currency: 'USD' });
    expect(put.status).toBe(200);
    const overId = randomUUID();
    await h.runtime.publisher.publish(CostOptimizerEstimateV1, anEstimateCommand({ deploymentId: overId, stack: 'web', environment: 'prod', plan: { format: 'terraform-plan-json', inline: natGatewayPlan(2) } }));
    expect((await answerFor(overId)).data.budget).toMatchObject({ verdict: 'over', thresholdPct: '200' });

    await h.http('PUT', '/budgets', { stack: 'web', environment: 'prod', amount: monthly.times(4).toFixed(2), currency: 'USD' });
    const withinId = randomUUID();
    await h.runtime.publisher.publish(CostOptimizerEstimateV1, anEstimateCommand({ deploymentId: withinId, stack: 'web', environment: 'prod', plan: { format: 'terraform-plan-json', inline: natGatewayPlan(2) } }));
    expect((await answerFor(withinId)).data.budget).toMatchObject({ verdict: 'within', thresholdPct: '25' });
  });

  it('answers status failed with the JSON path for a plan that cannot be read, without retrying or dead-lettering', async () => {
    const deploymentId = randomUUID();
    const bad = { format_version: '1.2', resource_changes: [{ address: 'aws_nat_gateway.x', type: 'aws_nat_gateway', change: { actions: 'create' } }] };
    await h.runtime.publisher.publish(CostOptimizerEstimateV1, anEstimateCommand({ deploymentId, plan: { format: 'terraform-plan-json', inline: bad } }));
    const answer = await answerFor(deploymentId);
    expect(answer.data).toMatchObject({ status: 'failed', resourceCount: 0, error: { code: 'VALIDATION_FAILED' } });
    expect(answer.data.error!.path).toMatch(/^\$\.resource_changes\[0\]/);
    expect(answer.data.totals).toBeUndefined();
    const info = await h.runtime.jsm.consumers.info(h.runtime.topology.streams.commands, 'cost-tracker__cost-optimizer-estimate');
    expect(info.num_redelivered).toBe(0);
    const dlq = await h.runtime.jsm.streams.info(h.runtime.topology.streams.deadLetters);
    expect(dlq.state.messages).toBe(0);
  });

  it('prices a plan on demand over HTTP and over the estimate query', async () => {
    const http = await h.http('POST', '/estimates', natGatewayPlan(1));
    expect(http.status).toBe(200);
    expect(new Decimal((http.body as { totals: { monthly: string } }).totals.monthly).equals(expectedMonthly(1))).toBe(true);
    const viaQuery = await h.runtime.queryClient.request<unknown, { totals: { monthly: string }; resourceCount: number }>(CostQuerySubjects.Estimate, { plan: natGatewayPlan(3), currency: 'USD' });
    expect(viaQuery.resourceCount).toBe(3);
    expect(new Decimal(viaQuery.totals.monthly).equals(expectedMonthly(3))).toBe(true);
    const invalid = await h.http('POST', '/estimates', { plan: { format_version: '1.2', resource_changes: 'x' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { path: '$.resource_changes' } });
  });
});
