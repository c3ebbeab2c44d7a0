import { randomUUID } from 'node:crypto';
import { CostOptimizerEstimateV1, CostQuerySubjects } from '@cloudwright/contracts';
import { anEstimateCommand } from '@cloudwright/contracts/testing';
import { Decimal } from '@cloudwright/pricing';
import { TEST_TOKENS, startCostTracker, waitFor, type CostTrackerHarness } from '../__tests__/cost-tracker-harness';
import { days, focusCsv } from '../__tests__/focus-fixture';
import { type VarianceDto } from './costs.service';

const natGateway = {
  format_version: '1.2',
  resource_changes: [
    {
      address: 'aws_nat_gateway.main',
      mode: 'managed',
      type: 'aws_nat_gateway',
      name: 'main',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['create'], before: null, after: { connectivity_type: 'public' } },
    },
  ],
};

describe('cost-tracker queries and operations surface', () => {
  let h: CostTrackerHarness;

  beforeAll(async () => {
    h = await startCostTracker('costs');
  });

  afterAll(async () => {
    await h.dispose();
  });

  it('reports actual vs estimate for a deployment from actuals tagged with its id', async () => {
    const deploymentId = randomUUID();
    await h.runtime.publisher.publish(CostOptimizerEstimateV1, anEstimateCommand({ deploymentId, plan: { format: 'terraform-plan-json', inline: natGateway } }));
    await waitFor('the estimate to be stored', async () => (await h.http('GET', `/estimates/by-deployment/${deploymentId}`)).status === 200);
    const estimate = (await h.http('GET', `/estimates/by-deployment/${deploymentId}`)).body as { totals: { monthly: string } };
    const csv = focusCsv(days('2030-06-01', 10).map((day) => ({ day, cost: '1.5', tags: { 'cloudwright:deployment': deploymentId } })));
    expect((await h.http('POST', '/imports?fileName=june.csv', csv, { 'content-type': 'text/csv' })).status).toBe(200);

    const variance = (await h.http('GET', `/variance/${deploymentId}?from=2030-06-01&to=2030-06-11`)).body as VarianceDto;
    const forPeriod = new Decimal(estimate.totals.monthly).times(10 * 24).dividedBy(730);
    expect(variance).toMatchObject({ deploymentId, period: { days: 10 }, actual: [{ currency: 'USD', cost: '15', daysWithCost: 10, rows: 10 }] });
    expect(variance.estimate.forPeriod).toBe(forPeriod.toDecimalPlaces(2).toFixed());
    expect(variance.variance).toBe(new Decimal(15).minus(forPeriod).toDecimalPlaces(2).toFixed());
    const viaQuery = await h.runtime.queryClient.request<unknown, VarianceDto>(CostQuerySubjects.Variance, { deploymentId, from: '2030-06-01', to: '2030-06-11' });
    expect(viaQuery.variance).toBe(variance.variance);

    const byTag = await h.http('GET', `/costs?dimension=tag:cloudwright:deployment&from=2030-06-01&to=2030-07-01&granularity=month`);
    expect((byTag.body as { rows: unknown[] }).rows).toEqual([expect.objectContaining({ period: '2030-06', key: deploymentId, effectiveCost: '15' })]);
  });

  it('answers a bad cost query with every problem, and an unknown deployment with 404', async () => {
    const bad = await h.http('GET', '/costs?dimension=colour&from=2030-13-01');
    expect(bad.status).toBe(400);
    expect((bad.body as { details: { problems: string[] } }).details.problems).toEqual([
      expect.stringContaining('dimension "colour" must be one of'),
      'from must be a YYYY-MM-DD date',
      'to must be a YYYY-MM-DD date',
    ]);
    expect((await h.http('GET', `/variance/${randomUUID()}?from=2030-06-01&to=2030-06-11`)).status).toBe(404);
    expect((await h.http('GET', `/estimates/by-deployment/${randomUUID()}`)).status).toBe(404);
  });

  it('asks for a bearer token on its API and a role that allows the route, but not for /health and /metrics', async () => {
    const none = { authorization: '' };
    const noToken = await h.http('GET', '/costs?dimension=provider&from=2030-06-01&to=2030-07-01', undefined, none);
    expect(noToken.status).toBe(401);
    expect(noToken.body).toMatchObject({ code: 'UNAUTHENTICATED', message: 'the Authorization header must be "Bearer <token>"' });
    const unknown = await h.http('GET', '/budgets', undefined, { authorization: 'Bearer not-a-token-of-this-service' });
    expect(unknown).toMatchObject({ status: 401, body: { message: 'unknown API token' } });
    const asViewer = { authorization: `Bearer ${TEST_TOKENS.viewer}` };
    expect((await h.http('GET', '/budgets', undefined, asViewer)).status).toBe(200);
    const put = await h.http('PUT', '/budgets', { stack: 'auth', environment: 'prod', amount: '100', currency: 'USD', period: 'month' }, asViewer);
    expect(put).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', message: 'PUT /budgets needs role admin; token "test-viewer" has role viewer' } });
    const imported = await h.http('POST', '/imports', { path: '/etc/hostname' }, { authorization: `Bearer ${TEST_TOKENS.operator}` });
    expect(imported.status).toBe(403);
    expect((await h.http('GET', '/health', undefined, none)).status).toBe(200);
    expect((await h.http('GET', '/metrics', undefined, none)).status).toBe(200);
  });

  it('serves /health with postgres and nats up and /metrics in Prometheus format', async () => {
    const health = await h.http('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'up', details: { postgres: { status: 'up' }, nats: { status: 'up', consumers: 1 } } });
    const metrics = await h.http('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('cw_cost_tracker_');
  });
});
