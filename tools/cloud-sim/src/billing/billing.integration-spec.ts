import { Readable } from 'node:stream';
import { createTestContext, type TestContext } from '@cloudwright/devenv';
import { readFocus, type FocusRow } from '@cloudwright/focus';
import { Decimal } from '@cloudwright/pricing';
import { applyRequest } from '../__fixtures__/apply-requests';
import { SimCloud } from '../sim-cloud';
import { EstimatorHourlyPrices } from './hourly-price';

const HOUR = 3_600_000;

async function readBack(csv: string): Promise<FocusRow[]> {
  const rows: FocusRow[] = [];
  for await (const record of readFocus(Readable.from([csv]))) {
    if (!record.ok) throw new Error(`line ${record.error.line}: ${record.error.errors.join('; ')}`);
    rows.push(record.row);
  }
  return rows;
}

describe('SimCloud metering and billing export', () => {
  let ctx: TestContext;
  let sim: SimCloud;

  beforeAll(async () => {
    ctx = await createTestContext('cloud-sim-billing');
    sim = await SimCloud.open({ databaseUrl: ctx.databaseUrl, schema: ctx.schema, seed: 'billing' });
  });

  afterAll(async () => {
    await sim?.close();
    await ctx?.dispose();
  });

  it('moves the simulated clock for every process', async () => {
    const other = await SimCloud.open({ databaseUrl: ctx.databaseUrl, schema: ctx.schema });
    try {
      const before = await sim.now();
      await other.advance(2 * HOUR);
      const after = await sim.now();
      expect(after.getTime() - before.getTime()).toBeGreaterThanOrEqual(2 * HOUR);
      expect(after.getTime() - before.getTime()).toBeLessThan(2 * HOUR + 5_000);
      await expect(sim.advance(-1)).rejects.toThrow(/advance\.ms: must be a finite number ≥ 0/);
    } finally {
      await other.close();
    }
  });

  it('bills each resource per day it existed at its hourly list price, readable by libs/focus, with the stack tags', async () => {
    const start = await sim.now();
    const small = { instance_type: 'm5.large' };
    const large = { instance_type: 'm5.2xlarge' };
    await sim.apply(applyRequest('create', 'aws_instance.app', { stack: 'bill', environment: 'prod', deploymentId: 'dep-a', resource: { attributes: small } }));
    await sim.apply(applyRequest('create', 'aws_vpc.net', { stack: 'bill', environment: 'prod', deploymentId: 'dep-a' }));
    await sim.advance(30 * HOUR);
    await sim.apply(applyRequest('update', 'aws_instance.app', { stack: 'bill', environment: 'prod', deploymentId: 'dep-b', resource: { attributes: large } }));
    await sim.advance(20 * HOUR);
    await sim.apply(applyRequest('delete', 'aws_instance.app', { stack: 'bill', environment: 'prod', deploymentId: 'dep-c' }));
    const end = await sim.now();

    const csv = await sim.billingExport({ from: new Date(start.getTime() - 24 * HOUR), to: new Date(end.getTime() + 24 * HOUR) });
    const rows = (await readBack(csv)).filter((r) => r.tags['cw-stack'] === 'bill');
    const instance = rows.filter((r) => r.resourceType === 'aws_instance');
    const prices = new EstimatorHourlyPrices('USD');
    const p1 = prices.price({ type: 'aws_instance', cloud: 'aws', region: 'us-east-1', attributes: small }).hourly;
    const p2 = prices.price({ type: 'aws_instance', cloud: 'aws', region: 'us-east-1', attributes: large }).hourly;
    const total = instance.reduce((sum, r) => sum.plus(r.billedCost), new Decimal(0));
    const expected = p1.times(30).plus(p2.times(20));
    // the real time between calls (milliseconds) adds a sliver of an hour
    expect(total.minus(expected).abs().lessThan(p2.times(0.01))).toBe(true);
    const hours = instance.reduce((sum, r) => sum.plus(r.pricingQuantity ?? 0), new Decimal(0));
    expect(hours.minus(50).abs().lessThan(0.01)).toBe(true);
    // 50 hours span 3 or 4 UTC days, and the update starts a second period: at least 4 rows
    expect(instance.length).toBeGreaterThanOrEqual(4);
    expect(new Set(instance.map((r) => r.tags['cw-deployment']))).toEqual(new Set(['dep-a', 'dep-b']));
    expect(instance.every((r) => r.resourceId?.startsWith('arn:aws:ec2:us-east-1:') === true && r.tags['cw-environment'] === 'prod')).toBe(true);

    // the vpc is free and still running: billed 0 up to now, with the reason
    const vpc = rows.filter((r) => r.resourceType === 'aws_vpc');
    expect(vpc.length).toBeGreaterThanOrEqual(3);
    expect(vpc.every((r) => r.billedCost === '0')).toBe(true);
    expect(csv).toMatch(/,free: [^,]*AWS does not bill/);
  });

  it('converts to the requested currency and refuses a bad window or currency naming the field', async () => {
    const now = await sim.now();
    const from = new Date(now.getTime() - 72 * HOUR);
    const usd = await readBack(await sim.billingExport({ from, to: now }));
    const eur = await readBack(await sim.billingExport({ from: from.toISOString(), to: now.toISOString(), currency: 'EUR' }));
    expect(eur.every((r) => r.billingCurrency === 'EUR')).toBe(true);
    const sum = (rows: FocusRow[]) => rows.reduce((s, r) => s.plus(r.billedCost), new Decimal(0));
    expect(sum(usd).greaterThan(0)).toBe(true);
    expect(sum(eur).equals(sum(usd))).toBe(false);
    await expect(sim.billingExport({ from: 'yesterday', to: now })).rejects.toThrow(/^billingExport\.from: must be an ISO 8601 date-time/);
    await expect(sim.billingExport({ from: now, to: from })).rejects.toThrow(/^billingExport\.to: must be after/);
    await expect(sim.billingExport({ from, to: now, currency: 'XYZ' as 'USD' })).rejects.toThrow(/^billingExport\.currency: /);
  });
});
