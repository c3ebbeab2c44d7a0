import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { parsePlan } from '@cloudwright/terraform-plan';
import { Money, compareSizingOptions, estimatePlan, forecastCosts, optimizeForCost } from '@cloudwright/pricing';
import { COST_TOOL_NAMES, createCostMcpServer } from './cost-tools';

/** A small plan priced with the shipped catalog and pricers: an on-demand m6i.xlarge with a gp2 root volume and a NAT gateway. */
const PLAN = {
  format_version: '1.2',
  resource_changes: [
    {
      address: 'aws_instance.web',
      mode: 'managed',
      type: 'aws_instance',
      name: 'web',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['create'], before: null, after: { instance_type: 'm6i.xlarge', region: 'us-east-1', root_block_device: [{ volume_size: 50, volume_type: 'gp2' }] }, after_unknown: {} },
    },
    { address: 'aws_nat_gateway.nat', mode: 'managed', type: 'aws_nat_gateway', name: 'nat', provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: ['create'], before: null, after: { region: 'us-east-1' }, after_unknown: {} } },
  ],
};

async function connect() {
  const server = createCostMcpServer();
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '1.0.0' });
  await server.connect(serverTransport);
  await client.connect(clientTransport);
  return { client, close: () => Promise.all([client.close(), server.close()]) };
}

const json = (result: unknown) => {
  const r = result as CallToolResult;
  expect(r.isError ?? false).toBe(false);
  const first = r.content[0];
  if (first?.type !== 'text') throw new Error('expected a text result');
  return JSON.parse(first.text) as Record<string, unknown>;
};
const errorText = (result: unknown) => {
  const r = result as CallToolResult;
  expect(r.isError).toBe(true);
  const first = r.content[0];
  return first?.type === 'text' ? first.text : '';
};

describe(createCostMcpServer.name, () => {
  let client: Client;
  let close: () => Promise<unknown>;
  beforeAll(async () => {
    ({ client, close } = await connect());
  });
  afterAll(async () => {
    await close();
  });

  it('lists the six cost tools with input schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...COST_TOOL_NAMES].sort());
    const forecast = tools.find((t) => t.name === 'forecast_costs');
    expect(forecast?.inputSchema.required).toEqual(expect.arrayContaining(['monthlyCost', 'months', 'startMonth']));
  });

  it('calculate_infrastructure_cost returns the estimate of a plan given inline, and of one given by path', async () => {
    const expected = estimatePlan(parsePlan(PLAN));
    const out = json(await client.callTool({ name: 'calculate_infrastructure_cost', arguments: { plan: PLAN } }));
    expect(expected.totalMonthlyCost.isZero()).toBe(false);
    expect(JSON.stringify(out)).toContain(expected.totalMonthlyCost.toDecimalString());
    const dir = mkdtempSync(join(tmpdir(), 'cw-mcp-'));
    const path = join(dir, 'plan.json');
    writeFileSync(path, JSON.stringify(PLAN));
    expect(json(await client.callTool({ name: 'calculate_infrastructure_cost', arguments: { planPath: path } }))).toEqual(out);
  });

  it('calculate_infrastructure_cost applies the usage file, currency and commitment', async () => {
    const usage = 'version: 0.1\nresource_usage:\n  aws_nat_gateway.nat:\n    monthly_data_processed_gb: 1000\n';
    const withUsage = json(await client.callTool({ name: 'calculate_infrastructure_cost', arguments: { plan: PLAN, usage, currency: 'EUR', commitment: '1y' } }));
    const text = JSON.stringify(withUsage);
    expect(text).toContain('EUR');
    expect(text).toContain('1y');
    expect(text).toMatch(/Data processed/);
  });

  it('forecast_costs matches the library', async () => {
    const args = { monthlyCost: '1000', months: 3, growthRatePct: 10, startMonth: '2025-01' };
    const out = json(await client.callTool({ name: 'forecast_costs', arguments: args }));
    const expected = forecastCosts({ monthlyCost: Money.of('1000'), months: 3, growthRatePct: 10, startMonth: '2025-01' });
    expect(out.total).toBe(expected.total.toDecimalString());
    expect(out.total).toBe('3310');
    expect(out.trend).toBe('growing');
  });

  it('forecast_costs fits history', async () => {
    const history = [{ month: '2024-10', cost: '100' }, { month: '2024-11', cost: '110' }, { month: '2024-12', cost: '121' }];
    const out = json(await client.callTool({ name: 'forecast_costs', arguments: { monthlyCost: '0', months: 2, startMonth: '2025-01', history, seasonality: 'none' } }));
    expect(out.method).toBe('log-linear-regression');
    expect(out.monthlyGrowthRatePct).toBe('10.0000');
  });

  it('compare_cloud_costs prices a workload on the three clouds', async () => {
    const out = json(await client.callTool({ name: 'compare_cloud_costs', arguments: { workload: { compute: [{ name: 'web', vcpu: 2, memoryGb: 8, count: 2 }], natGateways: 1 } } }));
    const clouds = out.clouds as { cloud: string; items: { equivalent: string }[]; total: string }[];
    expect(clouds.map((c) => c.cloud)).toEqual(['aws', 'azure', 'gcp']);
    expect(clouds[0]?.items[0]?.equivalent).toBe('m6i.large ×2');
    expect(clouds[1]?.items[0]?.equivalent).toBe('Standard_D2s_v5 ×2');
    expect(out).toHaveProperty('spread');
  });

  it('compare_cloud_costs maps a plan to the other clouds', async () => {
    const out = json(await client.callTool({ name: 'compare_cloud_costs', arguments: { plan: PLAN, clouds: ['aws', 'gcp'] } }));
    const clouds = out.clouds as { cloud: string; basis: string; items: { equivalent: string }[] }[];
    expect(clouds.map((c) => [c.cloud, c.basis])).toEqual([['aws', 'plan'], ['gcp', 'plan-mapped']]);
    expect(clouds[1]?.items[0]?.equivalent).toBe('n2-standard-4 ×1');
  });

  it('optimize_for_cost, analyze_resource and compare_sizing_options match the library', async () => {
    const utilisation = { 'aws_instance.web': { cpuP95: 10, memP95: 15 } };
    const plan = parsePlan(PLAN);
    const expected = optimizeForCost(plan, { utilisation });
    const out = json(await client.callTool({ name: 'optimize_for_cost', arguments: { plan: PLAN, utilisation } }));
    expect((out.recommendations as { id: string }[]).map((r) => r.id)).toEqual(expected.recommendations.map((r) => r.id));
    expect(out.recommendations).not.toEqual([]);
    expect(out.potentialMonthlySavings).toBe(expected.potentialMonthlySavings.toDecimalString());

    const one = json(await client.callTool({ name: 'analyze_resource', arguments: { plan: PLAN, address: 'aws_instance.web', utilisation } }));
    expect((one.recommendations as { kind: string }[]).map((r) => r.kind)).toContain('rightsize');

    const sizes = json(await client.callTool({ name: 'compare_sizing_options', arguments: { plan: PLAN, address: 'aws_instance.web' } }));
    const lib = compareSizingOptions(plan, 'aws_instance.web');
    expect((sizes.options as { size: string; monthlyCost: string | null }[]).map((o) => [o.size, o.monthlyCost])).toEqual(lib.options.map((o) => [o.size, o.monthlyCost?.toDecimalString() ?? null]));
  });

  describe('reports bad input as a tool error with the message', () => {
    it.each([
      ['no plan', 'calculate_infrastructure_cost', {}, /give the Terraform plan as plan \(JSON object\) or planPath/],
      ['an unreadable plan path', 'calculate_infrastructure_cost', { planPath: '/nonexistent/plan.json' }, /planPath: cannot read \/nonexistent\/plan.json/],
      ['a plan that is not a plan', 'calculate_infrastructure_cost', { plan: { hello: 1 } }, /format_version/],
      ['a bad usage file', 'calculate_infrastructure_cost', { plan: PLAN, usage: 'version: 0.1\nresource_usage:\n  aws_nat_gateway.nat:\n    bogus_key: 1\n' }, /bogus_key/],
      ['an unknown currency', 'calculate_infrastructure_cost', { plan: PLAN, currency: 'JPY' }, /currency/],
      ['37 months', 'forecast_costs', { monthlyCost: '1', months: 37, startMonth: '2025-01' }, /months/],
      ['a bad start month', 'forecast_costs', { monthlyCost: '1', months: 3, startMonth: '2025-13' }, /startMonth: expected a 'YYYY-MM' month/],
      ['a non-decimal cost', 'forecast_costs', { monthlyCost: '1e3', months: 3, startMonth: '2025-01' }, /decimal string/],
      ['a workload and a plan', 'compare_cloud_costs', { workload: { natGateways: 1 }, plan: PLAN }, /either workload or a plan/],
      ['an empty workload', 'compare_cloud_costs', { workload: {} }, /workload: nothing to price/],
      ['an unknown address', 'analyze_resource', { plan: PLAN, address: 'aws_instance.ghost' }, /resource aws_instance.ghost is not in the plan/],
      ['a resource without a size', 'compare_sizing_options', { plan: PLAN, address: 'aws_nat_gateway.nat' }, /has no size to compare/],
      ['utilisation of a missing resource', 'optimize_for_cost', { plan: PLAN, utilisation: { 'aws_instance.x': { cpuP95: 1 } } }, /utilisation.aws_instance.x: no such resource/],
    ])('%s', async (_name, tool, args, message) => {
      expect(errorText(await client.callTool({ name: tool, arguments: args }))).toMatch(message);
    });
  });
});
