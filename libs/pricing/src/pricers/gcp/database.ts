import Decimal from 'decimal.js';
import { UnsupportedResource, type ComponentDraft, type ResourcePricer } from '../../engine/pricer';
import { monthlyHours, usageLine } from '../helpers';

interface SqlTier {
  readonly shared?: string;
  readonly vcpus?: Decimal;
  readonly memoryGb?: Decimal;
}

/** Memory per vCPU of the legacy db-n1 tiers (Cloud SQL machine types). */
const N1_TIER_RATIO: Readonly<Record<string, string>> = { standard: '3.75', highmem: '6.5' };

/** Parses a Cloud SQL tier: shared core (db-f1-micro, db-g1-small), db-custom-N-MB, or legacy db-n1-standard/highmem-N. */
export function sqlTier(tier: string, region: string): SqlTier {
  const t = tier.toLowerCase();
  if (t === 'db-f1-micro' || t === 'db-g1-small') return { shared: t };
  const custom = /^db-custom-(\d+)-(\d+)$/.exec(t);
  if (custom) return { vcpus: new Decimal(custom[1] ?? 0), memoryGb: new Decimal(custom[2] ?? 0).dividedBy(1024) };
  const n1 = /^db-n1-(standard|highmem)-(\d+)$/.exec(t);
  if (n1) {
    const vcpus = new Decimal(n1[2] ?? 0);
    return { vcpus, memoryGb: vcpus.times(N1_TIER_RATIO[n1[1] ?? 'standard'] ?? '3.75') };
  }
  throw new UnsupportedResource(`no list price for Cloud SQL tier ${tier} in ${region}`);
}

/** SQL Server licence edition of a database_version (`SQLSERVER_2019_STANDARD` → standard; Express is free). */
function sqlServerEdition(version: string): string | undefined {
  const m = /^SQLSERVER_\d+_([A-Z]+)$/.exec(version.toUpperCase());
  return m ? m[1]?.toLowerCase() : undefined;
}

/**
 * google_sql_database_instance: vCPU and memory hours (Enterprise edition, zonal or regional HA), shared-core tiers,
 * storage by disk type, SQL Server licence per vCPU, backups from usage.
 */
export const gcpSqlDatabaseInstance: ResourcePricer = {
  cloud: 'gcp',
  types: ['google_sql_database_instance'],
  usage: [{ key: 'backup_storage_gb', unit: 'GB', description: 'Backup storage beyond the free allowance (GB per month)' }],
  price(ctx) {
    const tierName = ctx.assume('settings[0].tier', 'db-f1-micro', 'settings.tier is required by the provider; the smallest tier is assumed');
    const edition = ctx.assume('settings[0].edition', 'ENTERPRISE', 'provider default: settings.edition = ENTERPRISE').toUpperCase();
    if (edition === 'ENTERPRISE_PLUS') throw new UnsupportedResource(`no list price for Cloud SQL Enterprise Plus in ${ctx.region}: the edition is not in the catalog`);
    const availability = ctx.assume('settings[0].availability_type', 'ZONAL', 'provider default: settings.availability_type = ZONAL').toUpperCase();
    const ha = availability === 'REGIONAL' ? 'regional' : 'zonal';
    const version = ctx.assume('database_version', 'POSTGRES_15', 'database_version is required by the provider; PostgreSQL assumed (same price as MySQL)');
    const tier = sqlTier(tierName, ctx.region);
    const hours = monthlyHours();
    const lines: ComponentDraft[] = [];
    if (tier.shared) {
      const sku = `sql:shared:${tier.shared}`;
      if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for Cloud SQL tier ${tier.shared} in ${ctx.region}`);
      // Shared-core instances have no HA price of their own; a REGIONAL one runs a second (standby) instance.
      const instances = ha === 'regional' ? 2 : 1;
      lines.push({ name: `Instance (${tier.shared}, ${ha})`, unit: 'hours', monthlyQuantity: hours.times(instances), sku, onDemandOnly: true });
    } else if (tier.vcpus && tier.memoryGb) {
      const vcpuSku = `sql:enterprise:${ha}:vcpu`;
      const ramSku = `sql:enterprise:${ha}:ram`;
      if (!ctx.hasPrice(vcpuSku) || !ctx.hasPrice(ramSku)) throw new UnsupportedResource(`no list price for Cloud SQL tier ${tierName} (${ha}) in ${ctx.region}`);
      lines.push(
        { name: `vCPUs (${tier.vcpus.toString()}, ${ha})`, unit: 'hours', monthlyQuantity: hours.times(tier.vcpus), sku: vcpuSku },
        { name: `Memory (${tier.memoryGb.toString()} GB, ${ha})`, unit: 'GB-hours', monthlyQuantity: hours.times(tier.memoryGb), sku: ramSku },
      );
      const licence = sqlServerEdition(version);
      if (licence && licence !== 'express') {
        const sku = `sql:sqlserver-license:${licence}`;
        if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for the SQL Server ${licence} licence`);
        // The licence is charged per vCPU of the primary; a regional standby does not need its own licence (Cloud SQL for SQL Server pricing).
        lines.push({ name: `SQL Server ${licence} licence (${tier.vcpus.toString()} vCPUs)`, unit: 'hours', monthlyQuantity: hours.times(tier.vcpus), sku, onDemandOnly: true });
      }
    }
    const diskType = ctx.assume('settings[0].disk_type', 'PD_SSD', 'provider default: settings.disk_type = PD_SSD').toUpperCase() === 'PD_HDD' ? 'hdd' : 'ssd';
    const diskGb = ctx.assume('settings[0].disk_size', 10, 'provider default: settings.disk_size = 10 GB');
    const diskSku = `sql:storage:${ha}:${diskType}`;
    if (!ctx.hasPrice(diskSku)) throw new UnsupportedResource(`no list price for Cloud SQL ${diskType.toUpperCase()} storage (${ha}) in ${ctx.region}`);
    lines.push({ name: `Storage (${diskType.toUpperCase()}, ${ha})`, unit: 'GB', monthlyQuantity: diskGb, sku: diskSku, onDemandOnly: true });
    lines.push(usageLine(ctx, 'backup_storage_gb', { name: 'Backups', unit: 'GB', sku: 'sql:backup', onDemandOnly: true }));
    return lines;
  },
};
