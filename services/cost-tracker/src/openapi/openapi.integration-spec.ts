import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { startCostTracker, type CostTrackerHarness } from '../__tests__/cost-tracker-harness';
import { days, focusCsv } from '../__tests__/focus-fixture';
import { buildCostTrackerOpenApi } from './cost-tracker-openapi';

const webStack = JSON.parse(readFileSync(join(__dirname, '../../../../examples/plans/web-stack.plan.json'), 'utf8')) as Record<string, unknown>;

describe('the cost-tracker API answers as its OpenAPI document says', () => {
  let h: CostTrackerHarness;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(buildCostTrackerOpenApi(), 'https://cloudwright.test/cost-tracker.json');
  const problems = (component: string, value: unknown): string[] => {
    const check = ajv.getSchema(`https://cloudwright.test/cost-tracker.json#/components/schemas/${component}`);
    if (!check) throw new Error(`no component ${component}`);
    return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  };

  beforeAll(async () => {
    h = await startCostTracker('openapi');
  }, 180_000);

  afterAll(async () => {
    await h.dispose();
  });

  it('serves the document without a token', async () => {
    const res = await h.http('GET', '/openapi.json', undefined, { authorization: '' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(buildCostTrackerOpenApi())));
  });

  it('answers estimates, budgets, imports, costs and errors in the documented shapes', async () => {
    const estimate = await h.http('POST', '/estimates', { plan: webStack, stack: 'oas', environment: 'prod' });
    expect(estimate.status).toBe(200);
    expect(problems('OnDemandEstimate', estimate.body)).toEqual([]);

    const budget = await h.http('PUT', '/budgets', { stack: 'oas', environment: 'prod', amount: '500', currency: 'USD' });
    expect(budget.status).toBe(200);
    expect(problems('BudgetStatus', budget.body)).toEqual([]);
    const budgets = await h.http('GET', '/budgets?stack=oas');
    expect((budgets.body as unknown[]).flatMap((b) => problems('BudgetStatus', b))).toEqual([]);

    const csv = focusCsv(days('2031-03-01', 3).map((day) => ({ day, cost: '2.5', tags: { 'cloudwright:stack': 'oas', 'cloudwright:environment': 'prod' } })));
    const imported = await h.http('POST', '/imports?fileName=oas.csv', csv, { 'content-type': 'text/csv' });
    expect(imported.status).toBe(200);
    expect(problems('ImportResult', imported.body)).toEqual([]);
    const imports = await h.http('GET', '/imports?limit=5');
    expect((imports.body as unknown[]).flatMap((i) => problems('ImportResult', i))).toEqual([]);

    const costs = await h.http('GET', '/costs?dimension=stack&from=2031-03-01&to=2031-04-01&granularity=month');
    expect(costs.status).toBe(200);
    expect(problems('Costs', costs.body)).toEqual([]);

    const bad = await h.http('GET', '/costs?dimension=colour');
    expect(bad.status).toBe(400);
    expect(problems('Error', bad.body)).toEqual([]);
    const deleted = await h.http('DELETE', `/budgets/${(budget.body as { id: string }).id}`);
    expect(problems('Deleted', deleted.body)).toEqual([]);
  });
});
