import { UnsupportedResource, type ComponentDraft, type PricerContext, type ResourcePricer } from '../../engine/pricer';
import { monthlyHours, usageLine } from '../helpers';

const TIERS: Readonly<Record<string, string>> = { B: 'Burstable', GP: 'General Purpose', MO: 'Memory Optimized' };

/** Splits a flexible server sku_name (`GP_Standard_D4s_v3`) into its tier and size, or says what is wrong. */
export function parseFlexibleSku(engine: string, sku: string): { tier: string; size: string } {
  const m = /^(B|GP|MO)_(Standard_.+)$/.exec(sku);
  if (!m?.[1] || !m[2]) throw new UnsupportedResource(`${engine} flexible server sku_name ${sku} is not of the form B_Standard_B1ms, GP_Standard_D2ds_v4 or MO_Standard_E4ds_v4`);
  return { tier: TIERS[m[1]] ?? m[1], size: m[2] };
}

const BACKUP_USAGE = { key: 'additional_backup_storage_gb', unit: 'GB', description: 'Backup storage above the free amount (100% of provisioned storage) per month' } as const;

function flexibleLines(ctx: PricerContext, engine: 'postgresql' | 'mysql', storageGb: number, extraIops: number): ComponentDraft[] {
  const label = engine === 'postgresql' ? 'PostgreSQL' : 'MySQL';
  const skuName = ctx.assume<string>('sku_name', engine === 'postgresql' ? 'GP_Standard_D2s_v3' : 'GP_Standard_D2ds_v4', 'sku_name is unknown: assumed the smallest General Purpose size');
  const { tier, size } = parseFlexibleSku(label, skuName);
  const computeSku = `${engine}-flexible:compute:${skuName.toLowerCase()}`;
  if (!ctx.hasPrice(computeSku)) throw new UnsupportedResource(`no list price for ${label} flexible server ${skuName} in ${ctx.region}`);
  // Zone-redundant or same-zone HA runs a standby of the same size with its own storage: compute and storage are billed twice.
  const haMode = ctx.values.string('high_availability[0].mode');
  const copies = haMode ? 2 : 1;
  const ha = haMode ? ` × 2 for ${haMode} HA` : '';
  const lines: ComponentDraft[] = [
    { name: `Compute (${tier}, ${size}${ha})`, unit: 'hours', monthlyQuantity: monthlyHours(copies), sku: computeSku },
    { name: `Storage${ha}`, unit: 'GB', monthlyQuantity: storageGb * copies, sku: `${engine}-flexible:storage`, onDemandOnly: true },
  ];
  if (extraIops > 0) lines.push({ name: 'Additional IOPS', unit: 'IOPS', monthlyQuantity: extraIops * copies, sku: `${engine}-flexible:iops`, onDemandOnly: true });
  lines.push(usageLine(ctx, BACKUP_USAGE.key, { name: 'Additional backup storage', unit: 'GB', sku: `${engine}-flexible:backup-storage`, onDemandOnly: true }));
  return lines;
}

/** `azurerm_postgresql_flexible_server`: vCore compute by tier and size, provisioned storage, HA, backup storage (usage). */
export const azurePostgresqlFlexibleServer: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_postgresql_flexible_server'],
  usage: [BACKUP_USAGE],
  price(ctx) {
    const storageMb = ctx.assume<number>('storage_mb', 32768, 'storage_mb defaults to 32768 (azurerm provider docs)');
    return flexibleLines(ctx, 'postgresql', storageMb / 1024, 0);
  },
};

/** `azurerm_mysql_flexible_server`: compute, storage[0].size_gb, IOPS above the free 300 + 3 per GB, HA, backup (usage). */
export const azureMysqlFlexibleServer: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_mysql_flexible_server'],
  usage: [BACKUP_USAGE],
  price(ctx) {
    const sizeGb = ctx.assume<number>('storage[0].size_gb', 20, 'storage.size_gb defaults to 20 (azurerm provider docs)');
    const free = 300 + 3 * sizeGb;
    const autoIo = ctx.values.boolean('storage[0].io_scaling_enabled') ?? false;
    if (autoIo) throw new UnsupportedResource('MySQL flexible server with io_scaling_enabled is billed per million IO operations, which is not priced yet');
    const iops = ctx.assume<number>('storage[0].iops', free, 'storage.iops defaults to the free IOPS (300 + 3 per GB, Azure docs)');
    return flexibleLines(ctx, 'mysql', sizeGb, Math.max(0, iops - free));
  },
};

export const AZURE_DATABASE_PRICERS: readonly ResourcePricer[] = [azurePostgresqlFlexibleServer, azureMysqlFlexibleServer];
