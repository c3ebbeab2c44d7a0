import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CostQuerySubjects } from '@cloudwright/contracts';
import { Decimal, Money, forecastCosts } from '@cloudwright/pricing';
import { startCostTracker, type CostTrackerHarness } from '../__tests__/cost-tracker-harness';
import { focusCsv } from '../__tests__/focus-fixture';
import { type ServiceForecast } from './analyses.service';

const webStack = JSON.parse(readFileSync(join(__dirname, '../../../../examples/plans/web-stack.plan.json'), 'utf8')) as Record<string, unknown>;
const instance = (type: string) => ({
  format_version: '1.2',
  resource_changes: [
    {
      address: 'aws_instance.api',
      mode: 'managed',
      type: 'aws_instance',
      name: 'api',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['create'], before: null, after: { instance_type: type, ami: 'ami-0abcdef1234567890', availability_zone: 'us-east-1a' }, after_unknown: { id: true } },
    },
  ],
});

interface Recommendations {
  recommendations: { id: string; category: string; currentMonthlyCost: string; optimisedMonthlyCost: string; savedMonthlyCost: string }[];
}

describe('cost analyses served by the cost-tracker (HTTP and request/reply)', () => {
  let h: CostTrackerHarness;

  beforeAll(async () => {
    h = await startCostTracker('analyses');
  }, 180_000);

  afterAll(async () => {
    await h.dispose();
  });

  it('forecasts from a monthly cost with growth, as the library does, and says there was no history', async () => {
    const body = { monthlyCost: '1000', months: 12, growthRatePct: 2, startMonth: '2031-01' };
    const res = await h.http('POST', '/analyses/forecast', body);
    expect(res.status).toBe(200);
    const forecast = res.body as ServiceForecast & { months: { month: string; cost: string }[] };
    expect(forecast.historySource).toBe('none');
    expect(forecast.baselineSource).toBe('request');
    const expected = forecastCosts({ monthlyCost: Money.of('1000', 'USD'), months: 12, growthRatePct: 2, startMonth: '2031-01' });
    expect(forecast.months.map((m) => m.cost)).toEqual(expected.months.map((m) => m.cost.toJSON()));
    const viaQuery = await h.runtime.queryClient.request<unknown, typeof forecast>(CostQuerySubjects.Forecast, body);
    expect(viaQuery.months).toEqual(forecast.months);
  });

  it("forecasts a stack from its recorded monthly actuals, with prediction intervals, when no history is given", async () => {
    // four months of actuals for forecast/prod: 100, 110, 121, 133.1 per month (one row per month)
    const rows = [
      { day: '2031-01-15', cost: '100' },
      { day: '2031-02-15', cost: '110' },
      { day: '2031-03-15', cost: '121' },
      { day: '2031-04-15', cost: '133.1' },
    ].map((r) => ({ ...r, tags: { 'cloudwright:stack': 'forecast', 'cloudwright:environment': 'prod' } }));
    expect((await h.http('POST', '/imports?fileName=forecast.csv', focusCsv(rows), { 'content-type': 'text/csv' })).status).toBe(200);
    const res = await h.http('POST', '/analyses/forecast', { stack: 'forecast', environment: 'prod', months: 3, startMonth: '2031-05' });
    expect(res.status).toBe(200);
    const forecast = res.body as ServiceForecast & { months: { month: string; cost: string; interval80?: { low: string; high: string } }[] };
    expect(forecast.historySource).toBe('recorded');
    expect(forecast.baselineSource).toBe('recorded');
    expect(forecast.months.map((m) => m.month)).toEqual(['2031-05', '2031-06', '2031-07']);
    // 10 % a month: May ≈ 146.41
    expect(new Decimal(forecast.months[0]?.cost ?? 0).minus('146.41').abs().lessThan(1)).toBe(true);
    expect(forecast.months[0]?.interval80).toBeDefined();
  });

  it('answers a bad forecast request with every problem, and a stack without cost or estimate with what is missing', async () => {
    const bad = await h.http('POST', '/analyses/forecast', { months: 'twelve', currency: 'JPY', startMonth: '2031-13', history: [{ month: '2031-01', cost: '-5' }] });
    expect(bad.status).toBe(400);
    const problems = (bad.body as { details: { problems: string[] } }).details.problems;
    expect(problems).toEqual([
      'currency: "JPY" must be one of USD, EUR, GBP',
      'months: required, a whole number from 1 to 36',
      'startMonth: expected YYYY-MM, got "2031-13"',
      'history[0].cost: expected a non-negative decimal amount, got "-5"',
    ]);
    const range = await h.http('POST', '/analyses/forecast', { monthlyCost: 10, months: 40, startMonth: '2031-01' });
    expect(range).toMatchObject({ status: 400, body: { message: 'months: expected a whole number from 1 to 36, got 40' } });
    const unknown = await h.http('POST', '/analyses/forecast', { stack: 'nothing', environment: 'here', months: 3 });
    expect(unknown).toMatchObject({ status: 400, body: { message: 'monthlyCost: required — nothing/here has no recorded monthly cost (3 months are needed) and no estimate in USD' } });
  });

  it('recommends a smaller instance from low utilisation, over HTTP and request/reply', async () => {
    const body = { plan: instance('m5.4xlarge'), utilisation: { 'aws_instance.api': { cpuP95: 8, memP95: 15 } } };
    const res = await h.http('POST', '/analyses/optimize', body);
    expect(res.status).toBe(200);
    const rightsize = (res.body as Recommendations).recommendations.find((r) => r.id === 'rightsize:aws_instance.api');
    expect(rightsize?.category).toBe('cost');
    expect(new Decimal(rightsize?.savedMonthlyCost ?? 0).greaterThan(0)).toBe(true);
    const viaQuery = await h.runtime.queryClient.request<unknown, Recommendations>(CostQuerySubjects.Optimize, body);
    expect(viaQuery.recommendations.map((r) => r.id)).toEqual((res.body as Recommendations).recommendations.map((r) => r.id));
  });

  it('analyses one resource and prices it at other sizes; an unknown address or a bad plan is a 400 naming it', async () => {
    const resource = await h.http('POST', '/analyses/resource', { plan: webStack, address: 'aws_instance.web' });
    expect(resource.status).toBe(200);
    const sizing = await h.http('POST', '/analyses/sizing', { plan: instance('m5.xlarge'), address: 'aws_instance.api', sizes: ['m5.large', 'm5.2xlarge'] });
    expect(sizing.status).toBe(200);
    expect(JSON.stringify(sizing.body)).toContain('m5.2xlarge');
    const missing = await h.http('POST', '/analyses/resource', { plan: webStack, address: 'aws_instance.nope' });
    expect(missing.status).toBe(400);
    expect((missing.body as { message: string }).message).toMatch(/^resource aws_instance\.nope is not in the plan/);
    const badPlan = await h.http('POST', '/analyses/optimize', { plan: { format_version: '1.2', resource_changes: [{ address: 'a.b', change: { actions: 'create' } }] } });
    expect(badPlan.status).toBe(400);
    expect((badPlan.body as { details: { path: string } }).details.path).toMatch(/^\$\.resource_changes\[0\]/);
    const noAddress = await h.http('POST', '/analyses/sizing', { plan: instance('m5.xlarge') });
    expect(noAddress).toMatchObject({ status: 400, body: { message: 'invalid analysis request: address: required, the resource address (aws_instance.web)' } });
  });
});
