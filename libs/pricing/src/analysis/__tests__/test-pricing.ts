import Decimal from 'decimal.js';
import type { Cloud } from '@cloudwright/terraform-plan';
import { PriceCatalog, type FxTable, type PriceEntry } from '../../catalog/catalog';
import { UnsupportedResource, type ComponentDraft, type PricerContext, type ResourcePricer } from '../../engine/pricer';
import { PricerRegistry } from '../../engine/registry';

/**
 * Test pricers and a test catalog for the analyses, independent of the real ones being written: each pricer reads the
 * Terraform attributes the real provider documents, and the prices are round numbers so expectations are exact.
 */

export const TEST_FX: FxTable = { asOf: '2025-01-01', source: 'test rates', rates: { USD: '1', EUR: '0.5', GBP: '0.25' } };

type Prices = { onDemand: string; commit1y?: string; commit3y?: string; spot?: string };
const entry = (cloud: Cloud, sku: string, unit: string, prices: Prices, region = 'global'): PriceEntry => ({ cloud, sku, region, unit, description: sku, ...prices, source: 'test price list', asOf: '2025-01-01' });
const hourlyInstance = (cloud: Cloud, prefix: string, name: string, onDemand: string) => {
  const p = new Decimal(onDemand);
  return entry(cloud, `${prefix}:${name}`, 'hours', { onDemand, commit1y: p.times('0.6').toFixed(), commit3y: p.times('0.4').toFixed(), spot: p.times('0.3').toFixed() });
};

export const TEST_ENTRIES: readonly PriceEntry[] = [
  // AWS: 0.1 $/h per 2 vCPU general, m4 dearer than m6i, memory +30 %
  ...[['m6i.large', '0.1'], ['m6i.xlarge', '0.2'], ['m6i.2xlarge', '0.4'], ['m4.large', '0.12'], ['m4.xlarge', '0.24'], ['r6i.large', '0.13'], ['t3.medium', '0.04'], ['c6i.large', '0.09']].map(([n = '', p = '']) => hourlyInstance('aws', 'ec2', n, p)),
  // listed on-demand only: no commitment or spot price
  entry('aws', 'ec2:c5.large', 'hours', { onDemand: '0.085' }),
  entry('aws', 'ebs:gp2', 'GB-months', { onDemand: '0.1' }),
  entry('aws', 'ebs:gp3', 'GB-months', { onDemand: '0.08' }),
  entry('aws', 'eip:idle', 'hours', { onDemand: '0.005' }),
  entry('aws', 'eks:cluster', 'hours', { onDemand: '0.1' }),
  entry('aws', 'rds:db.m6i.large', 'hours', { onDemand: '0.2', commit1y: '0.13' }),
  entry('aws', 'rds:storage', 'GB-months', { onDemand: '0.1' }),
  entry('aws', 's3:STANDARD', 'GB-months', { onDemand: '0.02' }),
  entry('aws', 's3:STANDARD_IA', 'GB-months', { onDemand: '0.0125' }),
  entry('aws', 's3:GLACIER_IR', 'GB-months', { onDemand: '0.004' }),
  entry('aws', 'lb:application', 'hours', { onDemand: '0.02' }),
  entry('aws', 'nat', 'hours', { onDemand: '0.05' }),
  // Azure: a little dearer compute, no AKS control plane charge on Free
  ...[['Standard_D2s_v5', '0.11'], ['Standard_D4s_v5', '0.22'], ['Standard_E2s_v5', '0.14']].map(([n = '', p = '']) => hourlyInstance('azure', 'vm', n, p)),
  entry('azure', 'disk:Premium_LRS', 'GB-months', { onDemand: '0.15' }),
  entry('azure', 'aks:Standard', 'hours', { onDemand: '0.1' }),
  entry('azure', 'pg:GP_Standard_D2ds_v5', 'hours', { onDemand: '0.18' }),
  entry('azure', 'pg:storage', 'GB-months', { onDemand: '0.12' }),
  entry('azure', 'blob:Hot', 'GB-months', { onDemand: '0.018' }),
  entry('azure', 'blob:Cool', 'GB-months', { onDemand: '0.01' }),
  entry('azure', 'lb:Standard', 'hours', { onDemand: '0.025' }),
  entry('azure', 'nat', 'hours', { onDemand: '0.045' }),
  entry('azure', 'pip:Standard', 'hours', { onDemand: '0.005' }),
  // GCP: cheaper compute; no Cloud SQL price (to test unpriced items)
  ...[['n2-standard-2', '0.09'], ['n2-standard-4', '0.18'], ['n1-standard-2', '0.095']].map(([n = '', p = '']) => hourlyInstance('gcp', 'gce', n, p)),
  entry('gcp', 'pd:pd-balanced', 'GB-months', { onDemand: '0.1' }),
  entry('gcp', 'pd:pd-standard', 'GB-months', { onDemand: '0.04' }),
  entry('gcp', 'gke:cluster', 'hours', { onDemand: '0.1' }),
  entry('gcp', 'gcs:STANDARD', 'GB-months', { onDemand: '0.02' }),
  entry('gcp', 'gcs:NEARLINE', 'GB-months', { onDemand: '0.01' }),
  entry('gcp', 'lb:rule', 'hours', { onDemand: '0.025' }),
  entry('gcp', 'nat', 'hours', { onDemand: '0.044' }),
];

export const testCatalog = (entries: readonly PriceEntry[] = TEST_ENTRIES): PriceCatalog => new PriceCatalog(entries, TEST_FX, 'test');

const HOURS = 730;

function line(ctx: PricerContext, sku: string, unit: string, quantity: Decimal.Value, extra: Partial<ComponentDraft> = {}): ComponentDraft {
  if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for ${sku} in ${ctx.region}`);
  return { name: sku, unit, monthlyQuantity: quantity, sku, ...extra };
}

const pricer = (cloud: Cloud, types: string[], price: (ctx: PricerContext) => ComponentDraft[], usage: ResourcePricer['usage'] = []): ResourcePricer => ({ cloud, types, usage, price });
const need = (ctx: PricerContext, path: string): string => {
  const v = ctx.values.string(path);
  if (v === undefined) throw new UnsupportedResource(`${path} is not set`);
  return v;
};
const storageUsage = [{ key: 'storage_gb', unit: 'GB', description: 'stored' }];

export const TEST_PRICERS: readonly ResourcePricer[] = [
  pricer('aws', ['aws_instance'], (ctx) => {
    const spot = ctx.values.string('instance_market_options[0].market_type') === 'spot';
    const root = ctx.values.number('root_block_device[0].volume_size') ?? 8;
    return [line(ctx, `ec2:${need(ctx, 'instance_type')}`, 'hours', HOURS, spot ? { term: 'spot' } : {}), line(ctx, `ebs:${ctx.values.string('root_block_device[0].volume_type') ?? 'gp2'}`, 'GB-months', root, { onDemandOnly: true })];
  }),
  pricer('aws', ['aws_ebs_volume'], (ctx) => [line(ctx, `ebs:${ctx.values.string('type') ?? 'gp2'}`, 'GB-months', ctx.values.number('size') ?? 8, { onDemandOnly: true })]),
  pricer('aws', ['aws_eip'], (ctx) => [line(ctx, 'eip:idle', 'hours', HOURS, { onDemandOnly: true })]),
  pricer('aws', ['aws_eks_cluster'], (ctx) => [line(ctx, 'eks:cluster', 'hours', HOURS, { onDemandOnly: true })]),
  pricer('aws', ['aws_eks_node_group'], (ctx) => [line(ctx, `ec2:${need(ctx, 'instance_types[0]')}`, 'hours', HOURS * (ctx.values.number('scaling_config[0].desired_size') ?? 1))]),
  pricer('aws', ['aws_db_instance'], (ctx) => [
    line(ctx, `rds:${need(ctx, 'instance_class')}`, 'hours', HOURS * (ctx.values.boolean('multi_az') ? 2 : 1)),
    line(ctx, 'rds:storage', 'GB-months', (ctx.values.number('allocated_storage') ?? 20) * (ctx.values.boolean('multi_az') ? 2 : 1), { onDemandOnly: true }),
  ]),
  pricer(
    'aws',
    ['aws_s3_bucket'],
    (ctx) => [
      line(ctx, 's3:STANDARD', 'GB-months', ctx.usage('standard_storage_gb') ?? 0, { usageBased: true }),
      ...(['standard_ia', 'glacier_instant_retrieval'] as const).flatMap((c) => {
        const gb = ctx.usage(`${c}_storage_gb`);
        return gb === undefined ? [] : [line(ctx, c === 'standard_ia' ? 's3:STANDARD_IA' : 's3:GLACIER_IR', 'GB-months', gb, { usageBased: true })];
      }),
    ],
    ['standard', 'standard_ia', 'glacier_instant_retrieval'].map((c) => ({ key: `${c}_storage_gb`, unit: 'GB', description: c })),
  ),
  pricer('aws', ['aws_lb'], (ctx) => [line(ctx, `lb:${ctx.values.string('load_balancer_type') ?? 'application'}`, 'hours', HOURS)]),
  pricer('aws', ['aws_nat_gateway'], (ctx) => [line(ctx, 'nat', 'hours', HOURS)]),
  pricer('azure', ['azurerm_linux_virtual_machine'], (ctx) => [
    line(ctx, `vm:${need(ctx, 'size')}`, 'hours', HOURS, ctx.values.string('priority') === 'Spot' ? { term: 'spot' } : {}),
    line(ctx, `disk:${ctx.values.string('os_disk[0].storage_account_type') ?? 'Premium_LRS'}`, 'GB-months', ctx.values.number('os_disk[0].disk_size_gb') ?? 30, { onDemandOnly: true }),
  ]),
  pricer('azure', ['azurerm_managed_disk'], (ctx) => [line(ctx, `disk:${ctx.values.string('storage_account_type') ?? 'Premium_LRS'}`, 'GB-months', ctx.values.number('disk_size_gb') ?? 32, { onDemandOnly: true })]),
  pricer('azure', ['azurerm_public_ip'], (ctx) => [line(ctx, `pip:${ctx.values.string('sku') ?? 'Standard'}`, 'hours', HOURS)]),
  pricer('azure', ['azurerm_kubernetes_cluster'], (ctx) => {
    const tier = ctx.values.string('sku_tier') ?? 'Free';
    return [...(tier === 'Free' ? [] : [line(ctx, `aks:${tier}`, 'hours', HOURS, { onDemandOnly: true })]), line(ctx, `vm:${need(ctx, 'default_node_pool[0].vm_size')}`, 'hours', HOURS * (ctx.values.number('default_node_pool[0].node_count') ?? 1))];
  }),
  pricer('azure', ['azurerm_postgresql_flexible_server'], (ctx) => {
    const ha = ctx.values.string('high_availability[0].mode') !== undefined ? 2 : 1;
    return [line(ctx, `pg:${need(ctx, 'sku_name')}`, 'hours', HOURS * ha), line(ctx, 'pg:storage', 'GB-months', new Decimal(ctx.values.number('storage_mb') ?? 32768).dividedBy(1024).times(ha), { onDemandOnly: true })];
  }),
  pricer('azure', ['azurerm_storage_account'], (ctx) => [line(ctx, `blob:${ctx.values.string('access_tier') ?? 'Hot'}`, 'GB-months', ctx.usage('storage_gb') ?? 0, { usageBased: true })], storageUsage),
  pricer('azure', ['azurerm_lb'], (ctx) => [line(ctx, `lb:${ctx.values.string('sku') ?? 'Basic'}`, 'hours', HOURS)]),
  pricer('azure', ['azurerm_nat_gateway'], (ctx) => [line(ctx, 'nat', 'hours', HOURS)]),
  pricer('gcp', ['google_compute_instance'], (ctx) => [
    line(ctx, `gce:${need(ctx, 'machine_type')}`, 'hours', HOURS, ctx.values.boolean('scheduling[0].preemptible') || ctx.values.string('scheduling[0].provisioning_model') === 'SPOT' ? { term: 'spot' } : {}),
    line(ctx, `pd:${ctx.values.string('boot_disk[0].initialize_params[0].type') ?? 'pd-standard'}`, 'GB-months', ctx.values.number('boot_disk[0].initialize_params[0].size') ?? 10, { onDemandOnly: true }),
  ]),
  pricer('gcp', ['google_compute_disk'], (ctx) => [line(ctx, `pd:${ctx.values.string('type') ?? 'pd-standard'}`, 'GB-months', ctx.values.number('size') ?? 10, { onDemandOnly: true })]),
  pricer('gcp', ['google_container_cluster'], (ctx) => [line(ctx, 'gke:cluster', 'hours', HOURS, { onDemandOnly: true })]),
  pricer('gcp', ['google_container_node_pool'], (ctx) => [line(ctx, `gce:${need(ctx, 'node_config[0].machine_type')}`, 'hours', HOURS * (ctx.values.number('node_count') ?? 1))]),
  pricer('gcp', ['google_sql_database_instance'], (ctx) => [line(ctx, `sql:${need(ctx, 'settings[0].tier')}`, 'hours', HOURS)]),
  pricer('gcp', ['google_storage_bucket'], (ctx) => [line(ctx, `gcs:${ctx.values.string('storage_class') ?? 'STANDARD'}`, 'GB-months', ctx.usage('storage_gb') ?? 0, { usageBased: true })], storageUsage),
  pricer('gcp', ['google_compute_forwarding_rule'], (ctx) => [line(ctx, 'lb:rule', 'hours', HOURS)]),
  pricer('gcp', ['google_compute_router_nat'], (ctx) => [line(ctx, 'nat', 'hours', HOURS)]),
];

export const testRegistry = (): PricerRegistry => new PricerRegistry(TEST_PRICERS);
export const testOptions = () => ({ catalog: testCatalog(), registry: testRegistry() });
