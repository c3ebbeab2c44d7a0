import { parsePlan } from '@cloudwright/terraform-plan';
import { aTestCatalog, aTestRegistry } from '../__tests__/test-catalog';
import { parseUsageFile } from '../usage/usage-file';
import { estimateToJson } from '../output/estimate-json';
import { estimateToMarkdown, estimateToTable } from '../output/estimate-text';
import { Estimator, estimatePlan, type EstimateOptions } from './estimate';
import { PricerRegistry } from './registry';

type Change = { address: string; actions: string[]; before?: object | null; after?: object | null; unknown?: object; region?: string };

function planOf(...changes: Change[]) {
  return parsePlan({
    format_version: '1.2',
    resource_changes: changes.map((c) => {
      const [type = '', name = ''] = c.address.split('.');
      const withRegion = (v: object | null | undefined) => (v ? { region: c.region ?? 'us-east-1', ...v } : null);
      return { address: c.address, mode: 'managed', type, name, change: { actions: c.actions, before: withRegion(c.before), after: withRegion(c.after), after_unknown: c.unknown ?? {} } };
    }),
  });
}

const options = (extra: EstimateOptions = {}): EstimateOptions => ({ catalog: aTestCatalog(), registry: aTestRegistry(), ...extra });
const vm = (size: string, disk = 10) => ({ instance_type: size, root_block_device: [{ volume_size: disk }] });

describe(Estimator.name, () => {
  it('prices components at 730 hours per month and sums them without float drift', () => {
    const estimate = estimatePlan(planOf({ address: 'aws_instance.a', actions: ['create'], after: vm('small', 10) }), options());
    // 0.1 × 730 = 73.00; 10 GB × 0.08 = 0.80
    expect(estimate.resources[0]?.components.map((c) => [c.name, c.monthlyCost.toDecimalString()])).toEqual([
      ['VM (small)', '73'],
      ['Disk', '0.8'],
    ]);
    expect(estimate.totalMonthlyCost.toDecimalString()).toBe('73.8');
    expect(estimate.totalHourlyCost.toDecimalString()).toBe('0.101096'); // 73.8 / 730 = 0.1010958…
    expect(estimate.totalYearlyCost.toDecimalString()).toBe('885.6');
  });

  it('gives cost before, after and the diff for update, replace, delete and no-op', () => {
    const estimate = estimatePlan(
      planOf(
        { address: 'aws_instance.up', actions: ['update'], before: vm('small'), after: vm('large') },
        { address: 'aws_instance.re', actions: ['delete', 'create'], before: vm('small', 10), after: vm('small', 20) },
        { address: 'aws_instance.del', actions: ['delete'], before: vm('small'), after: null },
        { address: 'aws_instance.same', actions: ['no-op'], before: vm('small'), after: vm('small') },
      ),
      options(),
    );
    const rows = estimate.resources.map((r) => [r.address, r.pastMonthlyCost.toDecimalString(), r.monthlyCost.toDecimalString(), r.diffMonthlyCost.toDecimalString()]);
    expect(rows).toEqual([
      ['aws_instance.up', '73.8', '292.8', '219'], // 0.4 × 730 + 0.8
      ['aws_instance.re', '73.8', '74.6', '0.8'],
      ['aws_instance.del', '73.8', '0', '-73.8'],
      ['aws_instance.same', '73.8', '73.8', '0'],
    ]);
    expect(estimate.pastTotalMonthlyCost.toDecimalString()).toBe('295.2');
    expect(estimate.diffTotalMonthlyCost.toDecimalString()).toBe('146'); // 441.2 − 295.2
  });

  it('assumes documented defaults for unknown and unset values and lists them', () => {
    const estimate = estimatePlan(
      planOf({ address: 'aws_instance.a', actions: ['create'], after: { instance_type: 'small', root_block_device: [{ volume_size: null }] }, unknown: { root_block_device: [{ volume_size: true }] } }),
      options(),
    );
    expect(estimate.resources[0]?.assumptions).toEqual([{ attribute: 'root_block_device[0].volume_size', assumed: '8', cause: 'unknown at plan time', reason: 'test default disk' }]);
    expect(estimate.totalMonthlyCost.toDecimalString()).toBe('73.64');
  });

  it('applies commitment prices where the catalog has them, never to on-demand-only lines, and spot when asked', () => {
    const plan = planOf({ address: 'aws_instance.a', actions: ['create'], after: vm('small', 10) }, { address: 'aws_instance.b', actions: ['create'], after: vm('large', 10) });
    const oneYear = estimatePlan(plan, options({ commitment: '1y' }));
    expect(oneYear.resources.map((r) => r.components.map((c) => `${c.term}:${c.monthlyCost.toDecimalString()}`))).toEqual([
      ['1y:43.8', 'on-demand:0.8'], // 0.06 × 730
      ['on-demand:292', 'on-demand:0.8'], // large has no 1y price: on-demand, and the line says so
    ]);
    const spot = estimatePlan(planOf({ address: 'aws_instance.s', actions: ['create'], after: { ...vm('small', 10), instance_market_options: [{ market_type: 'spot' }] } }), options());
    expect(spot.resources[0]?.components[0]?.term).toBe('spot');
    expect(spot.resources[0]?.components[0]?.monthlyCost.toDecimalString()).toBe('21.9'); // 0.03 × 730
  });

  it('converts to EUR and GBP through the dated rate table', () => {
    const eur = estimatePlan(planOf({ address: 'aws_instance.a', actions: ['create'], after: vm('small', 10) }), options({ currency: 'EUR' }));
    expect(eur.currency).toBe('EUR');
    expect(eur.totalMonthlyCost.toDecimalString()).toBe('66.42'); // 73.8 × 0.9
    expect(eur.resources[0]?.components[0]?.unitPrice.toDecimalString()).toBe('0.09');
    expect(eur.fx).toEqual({ asOf: '2025-01-02', rate: '0.9', source: 'test rates' });
  });

  it('lists an unpriceable resource with the reason and never counts it as $0', () => {
    const estimate = estimatePlan(
      planOf({ address: 'aws_instance.a', actions: ['create'], after: vm('huge') }, { address: 'aws_instance.b', actions: ['create'], after: vm('small'), region: 'mars-1' }, { address: 'aws_dynamo_thing.c', actions: ['create'], after: {} }, { address: 'aws_vpc.d', actions: ['create'], after: {} }),
      options(),
    );
    expect(estimate.resources).toEqual([]);
    expect(estimate.unsupported).toEqual([
      { address: 'aws_instance.a', type: 'aws_instance', reason: 'no list price for test:vm:huge in us-east-1 in catalog test-catalog' },
      { address: 'aws_instance.b', type: 'aws_instance', reason: 'no list price for test:vm:small in mars-1 in catalog test-catalog' },
      { address: 'aws_dynamo_thing.c', type: 'aws_dynamo_thing', reason: 'resource type aws_dynamo_thing is not priced yet' },
    ]);
    expect(estimate.free).toEqual([{ address: 'aws_vpc.d', type: 'aws_vpc', reason: 'no charge: AWS does not bill for this resource itself' }]);
  });

  it('splits tiered prices into one line per tier reached, and lists usage-based lines at 0 without usage', () => {
    const plan = planOf({ address: 'aws_s3_bucket.b', actions: ['create'], after: {} });
    const none = estimatePlan(plan, options());
    expect(none.resources[0]?.components.map((c) => [c.name, c.monthlyQuantity.toString(), c.usageBased])).toEqual([['Storage (first 100 GB)', '0', true]]);
    const usage = parseUsageFile('version: 0.1\nresource_usage:\n  aws_s3_bucket.b:\n    storage_gb: 1000\n', 'usage.yml', aTestRegistry().usageKeys());
    const tiered = estimatePlan(plan, options({ usage }));
    // 100 × 0.023 + 400 × 0.022 + 500 × 0.021 = 2.3 + 8.8 + 10.5
    expect(tiered.resources[0]?.components.map((c) => [c.name, c.monthlyQuantity.toString(), c.monthlyCost.toDecimalString()])).toEqual([
      ['Storage (first 100 GB)', '100', '2.3'],
      ['Storage (next 400 GB)', '400', '8.8'],
      ['Storage (over 500 GB)', '500', '10.5'],
    ]);
    expect(tiered.totalMonthlyCost.toDecimalString()).toBe('21.6');
  });

  it('assumes the first region of the cloud when the plan gives none, and says so', () => {
    const plan = parsePlan({ format_version: '1.2', resource_changes: [{ address: 'aws_instance.a', mode: 'managed', type: 'aws_instance', name: 'a', change: { actions: ['create'], before: null, after: vm('small') } }] });
    const estimate = estimatePlan(plan, options());
    expect(estimate.resources[0]?.region).toBe('us-east-1');
    expect(estimate.resources[0]?.assumptions[0]).toMatchObject({ attribute: 'region', assumed: 'us-east-1', cause: 'not set' });
  });

  it('treats a unit mismatch between pricer and catalog as a bug, reported on the resource', () => {
    const registry = new PricerRegistry([{ cloud: 'aws', types: ['aws_instance'], price: () => [{ name: 'x', unit: 'GB', monthlyQuantity: 1, sku: 'test:vm:small' }] }]);
    const estimate = estimatePlan(planOf({ address: 'aws_instance.a', actions: ['create'], after: vm('small') }), options({ registry }));
    expect(estimate.unsupported[0]?.reason).toBe('internal error while pricing: unit mismatch for test:vm:small: pricer says GB, catalog says hours');
  });

  it('renders JSON with decimal strings, a table and Markdown for PR comments', () => {
    const estimate = estimatePlan(
      planOf({ address: 'aws_instance.up', actions: ['update'], before: vm('small'), after: vm('large') }, { address: 'aws_foo.x', actions: ['create'], after: {} }),
      options(),
    );
    const json = estimateToJson(estimate);
    expect(json).toMatchObject({ currency: 'USD', totalMonthlyCost: '292.8', pastTotalMonthlyCost: '73.8', diffTotalMonthlyCost: '219', unsupported: [{ address: 'aws_foo.x' }] });
    expect(json.resources[0]?.components[0]).toMatchObject({ name: 'VM (large)', unit: 'hours', monthlyQuantity: '730', unitPrice: '0.4', monthlyCost: '292', usageBased: false });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    const table = estimateToTable(estimate);
    expect(table).toContain('aws_instance.up (update)');
    expect(table).toContain('$292.80');
    expect(table).toContain('Not priced (1)');
    const markdown = estimateToMarkdown(estimate);
    expect(markdown).toContain('Monthly cost will increase by **$219.00** ($73.80 → **$292.80**');
    expect(markdown).toContain('| `aws_instance.up` | update | $73.80 | $292.80 | +$219.00 |');
  });
});

describe('PricerContext.referenced', () => {
  it('gives a pricer the resources its configuration refers to', () => {
    const seen: string[][] = [];
    const registry = new PricerRegistry([
      {
        cloud: 'aws',
        types: ['aws_autoscaling_group'],
        price(ctx) {
          seen.push(ctx.referenced('aws_launch_template').map((r) => `${r.address}:${r.after?.string('instance_type') ?? '?'}`));
          return [];
        },
      },
    ]);
    const plan = parsePlan({
      format_version: '1.2',
      configuration: {
        root_module: {
          resources: [
            { address: 'aws_autoscaling_group.web', expressions: { launch_template: [{ id: { references: ['aws_launch_template.web.id', 'aws_launch_template.web'] } }], vpc_zone_identifier: { references: ['aws_subnet.a'] } } },
            { address: 'aws_launch_template.web', expressions: {} },
          ],
        },
      },
      resource_changes: [
        { address: 'aws_autoscaling_group.web', mode: 'managed', type: 'aws_autoscaling_group', name: 'web', change: { actions: ['create'], before: null, after: { region: 'us-east-1' }, after_unknown: {} } },
        { address: 'aws_launch_template.web', mode: 'managed', type: 'aws_launch_template', name: 'web', change: { actions: ['create'], before: null, after: { instance_type: 'm5.large' }, after_unknown: { id: true } } },
      ],
    });
    estimatePlan(plan, options({ registry }));
    expect(seen).toEqual([['aws_launch_template.web:m5.large']]);
  });
});
