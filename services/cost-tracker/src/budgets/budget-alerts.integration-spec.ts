import { randomUUID } from 'node:crypto';
import { type AlertRaisedV1, type AlertResolvedV1 } from '@cloudwright/contracts';
import { startCostTracker, waitFor, type CostTrackerHarness } from '../__tests__/cost-tracker-harness';
import { days, focusCsv } from '../__tests__/focus-fixture';
import { type BudgetStatusDto } from './budget.mapper';

const tags = (stack: string, environment: string) => ({ 'cloudwright:stack': stack, 'cloudwright:environment': environment });

describe('cost-tracking agent: budgets and anomalies', () => {
  let h: CostTrackerHarness;

  beforeAll(async () => {
    h = await startCostTracker('budgets');
  });

  afterAll(async () => {
    await h.dispose();
  });

  const upload = (csv: string) => h.http('POST', `/imports?fileName=${randomUUID()}.csv`, csv, { 'content-type': 'text/csv' });
  const alertsFor = async (prefix: string) => {
    const raised = (await h.events<AlertRaisedV1>('cw.evt.alert.raised.v1')).filter((e) => e.data.dedupKey.startsWith(prefix));
    const resolved = (await h.events<AlertResolvedV1>('cw.evt.alert.resolved.v1')).filter((e) => e.data.dedupKey.startsWith(prefix));
    return { raised: raised.map((e) => e.data), resolved: resolved.map((e) => e.data) };
  };

  it('raises one alert at 80% and one at 100% as actuals arrive, and resolves both when the budget is raised', async () => {
    const put = await h.http('PUT', '/budgets', { stack: 'shop', environment: 'prod', amount: '120', currency: 'USD', thresholdsPct: [80, 100], forecastOverrun: false });
    expect(put.status).toBe(200);
    const budget = put.body as BudgetStatusDto;
    const prefix = `cost-budget:shop:prod:${budget.id}:`;

    // 10 days × 10 USD = 100 of 120: 83.33%
    expect((await upload(focusCsv(days('2030-01-01', 10).map((day) => ({ day, cost: '10', tags: tags('shop', 'prod') }))))).status).toBe(200);
    await waitFor('the 80% alert', async () => (await alertsFor(prefix)).raised.length === 1);
    expect((await alertsFor(prefix)).raised[0]).toMatchObject({
      dedupKey: `${prefix}80:2030-01`,
      kind: 'cost-budget',
      severity: 'warning',
      stack: 'shop',
      environment: 'prod',
      source: 'cost-tracker',
      labels: expect.objectContaining({ thresholdPct: '80', spent: '100' }) as unknown,
    });

    // 2 more days × 15 = 130 of 120: 108.33%
    await upload(focusCsv(days('2030-01-11', 2).map((day) => ({ day, cost: '15', tags: tags('shop', 'prod') }))));
    await waitFor('the 100% alert', async () => (await alertsFor(prefix)).raised.length === 2);
    const { raised } = await alertsFor(prefix);
    expect(raised.map((a) => [a.dedupKey, a.severity])).toEqual([
      [`${prefix}80:2030-01`, 'warning'],
      [`${prefix}100:2030-01`, 'critical'],
    ]);
    const status = await h.http('GET', `/budgets/${budget.id}`);
    expect(status.body).toMatchObject({ status: { spent: '130', pctUsed: '108.33', crossedThresholdsPct: [80, 100], status: 'exceeded', asOf: '2030-01-12' } });

    const raisedBudget = await h.http('PUT', '/budgets', { stack: 'shop', environment: 'prod', amount: '1000', currency: 'USD', thresholdsPct: [80, 100], forecastOverrun: false });
    expect(raisedBudget.body).toMatchObject({ id: budget.id, amount: '1000', status: { crossedThresholdsPct: [], status: 'ok' } });
    await waitFor('both alerts resolved', async () => (await alertsFor(prefix)).resolved.length === 2);
    const after = await alertsFor(prefix);
    expect(after.resolved.map((a) => a.dedupKey).sort()).toEqual([`${prefix}100:2030-01`, `${prefix}80:2030-01`]);
    expect(after.raised).toHaveLength(2);

    const listed = await h.http('GET', '/budgets?stack=shop');
    expect((listed.body as BudgetStatusDto[]).map((b) => b.id)).toEqual([budget.id]);
  });

  it('raises an anomaly alert for a daily spike of one service', async () => {
    const history = days('2030-02-01', 20).map((day, i) => ({ day, cost: (10 + (i % 3) * 0.5).toFixed(2), service: 'Amazon RDS', tags: tags('ledger', 'prod') }));
    await upload(focusCsv([...history, { day: '2030-02-21', cost: '95', service: 'Amazon RDS', tags: tags('ledger', 'prod') }]));
    const prefix = 'cost-anomaly:ledger:prod:amazon-rds:';
    await waitFor('the anomaly alert', async () => (await alertsFor(prefix)).raised.length === 1);
    expect((await alertsFor(prefix)).raised[0]).toMatchObject({
      dedupKey: `${prefix}2030-02-21`,
      kind: 'cost-anomaly',
      severity: 'critical',
      labels: expect.objectContaining({ service: 'Amazon RDS', day: '2030-02-21', direction: 'spike', cost: '95' }) as unknown,
    });
    // evaluating again raises nothing new
    await upload(focusCsv([{ day: '2030-02-21', cost: '0.01', service: 'Other', tags: tags('ledger', 'prod') }]));
    await waitFor('the outbox to be published', async () => (await h.runtime.outboxRelay!.backlog()) === 0);
    expect((await alertsFor(prefix)).raised).toHaveLength(1);
  });
});
