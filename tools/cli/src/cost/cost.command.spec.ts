import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCatalogDir } from '@cloudwright/pricing';
import { runCost } from './cost.command';

const dir = mkdtempSync(join(tmpdir(), 'cost-cli-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const nat = {
  address: 'aws_nat_gateway.egress',
  mode: 'managed',
  type: 'aws_nat_gateway',
  name: 'egress',
  change: { actions: ['create'], before: null, after: { connectivity_type: 'public', availability_zone: 'us-east-1a' }, after_unknown: { id: true } },
};
const planPath = write('plan.json', JSON.stringify({ format_version: '1.2', resource_changes: [nat, { ...nat, address: 'aws_vpc.main', type: 'aws_vpc', name: 'main' }] }));

describe('cloudwright cost', () => {
  it('prints the estimate as JSON with decimal strings', () => {
    const run = runCost(['estimate', '--plan', planPath, '--output', 'json']);
    expect(run.exitCode).toBe(0);
    const json = JSON.parse(run.stdout) as { totalMonthlyCost: string; resources: { address: string; components: { name: string; usageBased: boolean }[] }[]; free: unknown[] };
    // NAT gateway us-east-1 $0.045/h × 730 = $32.85 (AWS VPC pricing)
    expect(json.totalMonthlyCost).toBe('32.85');
    expect(json.resources[0]?.components.map((c) => [c.name, c.usageBased])).toEqual([
      ['NAT gateway', false],
      ['Data processed', true],
    ]);
    expect(json.free).toHaveLength(1);
  });

  it('takes usage from a usage file and prints a table and Markdown', () => {
    const usage = write('usage.yml', 'version: 0.1\nresource_usage:\n  aws_nat_gateway.egress:\n    monthly_data_processed_gb: 100\n');
    const table = runCost(['estimate', '--plan', planPath, '--usage', usage]);
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toContain('$37.35'); // 32.85 + 100 GB × $0.045
    const markdown = runCost(['estimate', '--plan', planPath, '--output', 'markdown', '--currency', 'gbp']);
    expect(markdown.stdout).toContain('### 💰 Cloudwright cost estimate');
    expect(markdown.stdout).toContain('£');
  });

  it.each<[string, string[], string]>([
    ['a missing --plan', ['estimate'], '--plan <plan.json> is required'],
    ['an unknown currency', ['estimate', '--plan', planPath, '--currency', 'JPY'], '--currency must be one of USD, EUR, GBP (got "JPY")'],
    ['an unknown commitment', ['estimate', '--plan', planPath, '--commitment', '5y'], '--commitment must be one of on-demand, 1y, 3y (got "5y")'],
    ['an unknown output', ['estimate', '--plan', planPath, '--output', 'xml'], '--output must be one of table, json, markdown'],
    ['a missing file', ['estimate', '--plan', join(dir, 'nope.json')], 'cannot read the plan'],
    ['a malformed plan', ['estimate', '--plan', write('bad.json', '{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","name":"b","change":{"actions":"create"}}]}')], '$.resource_changes[0].change.actions: expected a non-empty array of actions, got "create"'],
    ['an invalid usage file', ['estimate', '--plan', planPath, '--usage', write('bad.yml', 'resource_usage:\n  aws_nat_gateway.egress:\n    monthly_data_processed_gb: many\n')], 'bad.yml:3:32: resource_usage.aws_nat_gateway.egress.monthly_data_processed_gb: expected a non-negative number of GB, got "many"'],
    ['an unknown subcommand', ['price'], 'unknown subcommand "price"'],
  ])('exits 1 on %s with a clear message', (_case, argv, message) => {
    const run = runCost(argv);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(message);
  });

  it('refreshes a copy of the catalog from an AWS offer file: a dry run first, then --write', () => {
    const catalog = join(dir, 'catalog');
    cpSync(defaultCatalogDir(), catalog, { recursive: true });
    const offer = join(__dirname, '../../../../libs/pricing/src/loaders/__fixtures__/aws-ec2-offer.json');
    const before = readFileSync(join(catalog, 'aws/ec2.json'), 'utf8');
    const dry = runCost(['catalog', 'refresh', '--aws', offer, '--catalog', catalog]);
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toMatch(/^aws\/ec2\.json:$/m);
    expect(dry.stdout).toContain('dry run: nothing written (add --write to update the catalog files)');
    expect(readFileSync(join(catalog, 'aws/ec2.json'), 'utf8')).toBe(before);
    const written = runCost(['catalog', 'refresh', '--aws', offer, '--catalog', catalog, '--write']);
    expect(written.stdout).toContain('wrote aws/ebs.json, aws/ec2.json');
    expect(readFileSync(join(catalog, 'aws/ec2.json'), 'utf8')).toContain('AWS Price List Bulk API, AmazonEC2 offer');
    expect(runCost(['catalog', 'check', '--catalog', catalog]).exitCode).toBe(0);
  });

  it('asks for a price list to refresh from', () => {
    const run = runCost(['catalog', 'refresh']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('catalog refresh needs at least one price list: --aws, --azure or --gcp <file>');
  });

  it('checks the catalog', () => {
    const run = runCost(['catalog', 'check']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^catalog catalog-[0-9a-f]{8}: \d+ prices \(.*\), each with its source and as-of date/);
  });
});
