import { UnsupportedResource, type ComponentDraft, type PricerContext, type ResourcePricer } from '../../engine/pricer';
import { HOURS_PER_MONTH } from '../../money';
import { monthlyHours, usageLine } from '../helpers';

/** Days in a 730-hour month: DTU databases are priced per day. */
const DAYS_PER_MONTH = HOURS_PER_MONTH.div(24);

/** DTU service objectives and their included storage (GB); extra storage is sold on Standard S3+ and Premium. */
const DTU_INCLUDED_GB: Readonly<Record<string, number>> = {
  Basic: 2,
  S0: 250, S1: 250, S2: 250, S3: 250, S4: 250, S6: 250, S7: 250, S9: 250, S12: 250,
  P1: 500, P2: 500, P4: 500, P6: 500, P11: 4096, P15: 4096,
};

/** azurerm `storage_account_type` (backup storage redundancy) → catalog key part. */
const BACKUP_REDUNDANCY: Readonly<Record<string, string>> = { Geo: 'geo', Local: 'local', Zone: 'zone' };

export interface VcoreSku {
  readonly tier: 'gp' | 'bc' | 'hs';
  readonly serverless: boolean;
  readonly family: string;
  readonly vcores: number;
}

/** Parses a vCore sku_name (`GP_Gen5_4`, `GP_S_Gen5_2`, `BC_Gen5_8`, `HS_Gen5_2`), or undefined when it is not one. */
export function parseVcoreSku(sku: string): VcoreSku | undefined {
  const m = /^(GP|BC|HS)_(S_)?([A-Za-z0-9]+)_(\d+)$/.exec(sku);
  if (!m?.[1] || !m[3] || !m[4]) return undefined;
  return { tier: m[1].toLowerCase() as VcoreSku['tier'], serverless: m[2] !== undefined, family: m[3], vcores: Number(m[4]) };
}

const USAGE = [
  { key: 'monthly_vcore_hours', unit: 'vCore-hours', description: 'vCore-hours used per month by a serverless database (billed per second of use)' },
  { key: 'long_term_retention_storage_gb', unit: 'GB', description: 'Long-term retention backup storage per month' },
  { key: 'backup_storage_gb', unit: 'GB', description: 'Point-in-time-restore backup storage above the free amount (100% of the max data size) per month' },
] as const;

function backupLines(ctx: PricerContext): ComponentDraft[] {
  const redundancy = ctx.assume<string>('storage_account_type', 'Geo', 'storage_account_type (backup storage redundancy) defaults to Geo (azurerm provider docs)');
  const key = BACKUP_REDUNDANCY[redundancy];
  if (!key) throw new UnsupportedResource(`SQL Database backup storage redundancy ${redundancy} is not priced yet (Geo, Local and Zone are)`);
  return [
    usageLine(ctx, 'long_term_retention_storage_gb', { name: `Long-term retention (${redundancy})`, unit: 'GB', sku: `mssql:backup:ltr:${key}`, onDemandOnly: true }),
    usageLine(ctx, 'backup_storage_gb', { name: `Point-in-time backup storage (${redundancy})`, unit: 'GB', sku: `mssql:backup:pitr:${key}`, onDemandOnly: true }),
  ];
}

function dtuLines(ctx: PricerContext, objective: string): ComponentDraft[] {
  const sku = `mssql:dtu:${objective.toLowerCase()}`;
  if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for SQL Database DTU service objective ${objective} in ${ctx.region}`);
  const included = DTU_INCLUDED_GB[objective] ?? 0;
  const maxSize = ctx.assume<number>('max_size_gb', included, `max_size_gb is not set: assumed the ${included} GB included in ${objective}`);
  const lines: ComponentDraft[] = [{ name: `Compute (DTU, ${objective})`, unit: 'days', monthlyQuantity: DAYS_PER_MONTH, sku, onDemandOnly: true }];
  const extra = Math.max(0, maxSize - included);
  if (extra > 0) {
    const edition = objective.startsWith('P') ? 'premium' : 'standard';
    lines.push({ name: 'Extra data storage', unit: 'GB', monthlyQuantity: extra, sku: `mssql:dtu:${edition}:extra-storage`, onDemandOnly: true });
  }
  return [...lines, ...backupLines(ctx)];
}

function vcoreLines(ctx: PricerContext, skuName: string, v: VcoreSku): ComponentDraft[] {
  if (v.tier === 'hs') throw new UnsupportedResource(`SQL Database Hyperscale (${skuName}) is not priced yet`);
  if (v.family !== 'Gen5') throw new UnsupportedResource(`SQL Database hardware ${v.family} (${skuName}) is not priced yet (Gen5 is)`);
  const tierLabel = v.tier === 'gp' ? 'General Purpose' : 'Business Critical';
  const zoneRedundant = ctx.assume<boolean>('zone_redundant', false, 'zone_redundant defaults to false (azurerm provider docs)');
  const maxSize = ctx.assume<number>('max_size_gb', 32, 'max_size_gb is not set: Azure creates vCore databases with a 32 GB max size');
  const lines: ComponentDraft[] = [];
  if (v.serverless) {
    if (v.tier !== 'gp') throw new UnsupportedResource(`serverless is only sold in General Purpose, not ${skuName}`);
    if (zoneRedundant) throw new UnsupportedResource(`zone-redundant serverless SQL Database (${skuName}) is not priced yet`);
    const sku = `mssql:gp-serverless:${v.family.toLowerCase()}:compute`;
    if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for SQL Database serverless ${skuName} in ${ctx.region}`);
    lines.push(usageLine(ctx, 'monthly_vcore_hours', { name: `Compute (serverless, ${skuName})`, unit: 'vCore-hours', sku, onDemandOnly: true }));
  } else {
    const sku = `mssql:${v.tier}:${v.family.toLowerCase()}:compute`;
    if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for SQL Database ${skuName} in ${ctx.region}`);
    const vcoreHours = monthlyHours(v.vcores);
    lines.push({ name: `Compute (${tierLabel}, ${skuName})`, unit: 'vCore-hours', monthlyQuantity: vcoreHours, sku });
    // Business Critical includes zone redundancy at no extra charge; General Purpose bills an add-on per vCore.
    if (zoneRedundant && v.tier === 'gp') lines.push({ name: `Zone redundancy (${skuName})`, unit: 'vCore-hours', monthlyQuantity: vcoreHours, sku: `mssql:gp:${v.family.toLowerCase()}:zone-redundancy` });
    const licence = ctx.assume<string>('license_type', 'LicenseIncluded', 'license_type is not set: the SQL licence is included (pay as you go)');
    if (licence !== 'BasePrice') lines.push({ name: `SQL license (${v.tier === 'gp' ? 'Standard' : 'Enterprise'} edition)`, unit: 'vCore-hours', monthlyQuantity: vcoreHours, sku: `mssql:${v.tier}:license` });
  }
  const storageSku = v.tier === 'gp' && zoneRedundant ? 'mssql:gp:storage-zone-redundant' : `mssql:${v.tier}:storage`;
  lines.push({ name: `Storage${v.tier === 'gp' && zoneRedundant ? ' (zone redundant)' : ''}`, unit: 'GB', monthlyQuantity: maxSize, sku: storageSku, onDemandOnly: true });
  return [...lines, ...backupLines(ctx)];
}

/**
 * `azurerm_mssql_database`: DTU service objectives (Basic/Standard/Premium, per day, plus extra storage), vCore General
 * Purpose and Business Critical (compute per vCore-hour, SQL licence unless license_type BasePrice, zone redundancy,
 * storage by max_size_gb), General Purpose serverless (vCore-hours from usage), backup storage from usage. Databases in
 * an elastic pool only bill backups here: their compute and storage are the pool's.
 */
export const azureMssqlDatabase: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_mssql_database'],
  usage: USAGE,
  price(ctx) {
    if (ctx.values.string('elastic_pool_id') !== undefined || ctx.values.isUnknown('elastic_pool_id')) {
      ctx.note({ attribute: 'elastic_pool_id', assumed: 'pooled', cause: 'set', reason: 'the database is in an elastic pool: compute and storage are billed on the pool' });
      return backupLines(ctx);
    }
    const skuName = ctx.assume<string>('sku_name', 'GP_S_Gen5_2', 'sku_name is computed by Azure when not set: assumed GP_S_Gen5_2, the serverless default');
    const vcore = parseVcoreSku(skuName);
    if (vcore) return vcoreLines(ctx, skuName, vcore);
    if (skuName in DTU_INCLUDED_GB) return dtuLines(ctx, skuName);
    throw new UnsupportedResource(`SQL Database sku_name ${skuName} is not a DTU objective (Basic, S0-S12, P1-P15) or a vCore sku (GP_Gen5_4, GP_S_Gen5_2, BC_Gen5_8)`);
  },
};

export const AZURE_SQL_PRICERS: readonly ResourcePricer[] = [azureMssqlDatabase];

