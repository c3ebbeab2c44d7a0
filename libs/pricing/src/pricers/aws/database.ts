import type Decimal from 'decimal.js';
import { UnsupportedResource, type ComponentDraft, type PricerContext, type ResourcePricer } from '../../engine/pricer';
import { HOURS_PER_MONTH } from '../../money';
import { monthlyHours, usageLine } from '../helpers';
import { hourly, required, usagePer } from './common';

/** Catalog engine key of an RDS engine (+ licence model), or undefined when not priced. https://aws.amazon.com/rds/pricing/ */
function rdsEngineKey(ctx: PricerContext, engine: string): { key: string; label: string } {
  switch (engine) {
    case 'mysql':
    case 'mariadb':
      // MariaDB lists at the MySQL price (Infracost golden db_instance_test: db.t3.large $99.28 for both).
      return { key: 'mysql', label: engine === 'mysql' ? 'MySQL' : 'MariaDB' };
    case 'postgres':
      return { key: 'postgres', label: 'PostgreSQL' };
    case 'sqlserver-ex':
    case 'sqlserver-web':
    case 'sqlserver-se':
    case 'sqlserver-ee':
      return { key: engine, label: `SQL Server ${engine.slice('sqlserver-'.length).toUpperCase()}, licence included` };
    case 'oracle-se2':
    case 'oracle-se1':
    case 'oracle-se':
    case 'oracle-ee':
    case 'oracle-se2-cdb':
    case 'oracle-ee-cdb': {
      const base = engine.replace(/-cdb$/, '');
      // Oracle EE is only sold bring-your-own-licence on RDS; SE2 defaults to licence included.
      const fallback = base === 'oracle-ee' ? 'bring-your-own-license' : 'license-included';
      const licence = ctx.assume<string>('license_model', fallback, `license_model not set: RDS uses ${fallback} for ${base} (RDS Oracle licensing docs)`);
      return licence === 'bring-your-own-license' ? { key: 'oracle-byol', label: `Oracle ${base.slice(7).toUpperCase()}, BYOL` } : { key: base, label: `Oracle ${base.slice(7).toUpperCase()}, licence included` };
    }
    default:
      throw new UnsupportedResource(`RDS engine ${engine} is not priced yet`);
  }
}

const AURORA_ENGINES: Readonly<Record<string, string>> = { aurora: 'mysql', 'aurora-mysql': 'mysql', 'aurora-postgresql': 'postgresql' };

/** gp3 storage on RDS includes 3,000 IOPS below 400 GB and 12,000 IOPS from 400 GB (most engines). https://aws.amazon.com/rds/pricing/ */
function gp3IncludedIops(sizeGb: number): number {
  return sizeGb >= 400 ? 12000 : 3000;
}

function dbStorageDrafts(ctx: PricerContext, az: 'single-az' | 'multi-az'): ComponentDraft[] {
  const iopsSet = ctx.values.get('iops').state !== 'absent';
  const type = ctx.assume<string>('storage_type', iopsSet ? 'io1' : 'gp2', 'storage_type not set: the provider default is io1 when iops is set, else gp2');
  const size = ctx.assume<number>('allocated_storage', 20, 'allocated_storage not set (e.g. from a snapshot or replica): 20 GB, the smallest general purpose allocation, assumed');
  const storage = (label: string, sku: string): ComponentDraft => ({ name: `Storage (${label})`, unit: 'GB', monthlyQuantity: size, sku, onDemandOnly: true });
  switch (type) {
    case 'gp2':
      return [storage('general purpose SSD, gp2', `rds:storage:gp2:${az}`)];
    case 'gp3': {
      const included = gp3IncludedIops(size);
      const iops = ctx.assume<number>('iops', included, 'iops not set: gp3 gives the included baseline IOPS (RDS gp3 docs)');
      const drafts = [storage('general purpose SSD, gp3', `rds:storage:gp3:${az}`)];
      if (iops > included) drafts.push({ name: `Provisioned IOPS (gp3, above ${included.toLocaleString('en-US')})`, unit: 'IOPS', monthlyQuantity: iops - included, sku: `rds:iops:gp3:${az}`, onDemandOnly: true });
      return drafts;
    }
    case 'io1': {
      const iops = ctx.assume<number>('iops', 1000, 'iops not set: 1,000 IOPS, the minimum for io1 on RDS');
      return [storage('provisioned IOPS SSD, io1', `rds:storage:io1:${az}`), { name: 'Provisioned IOPS (io1)', unit: 'IOPS', monthlyQuantity: iops, sku: `rds:iops:io1:${az}`, onDemandOnly: true }];
    }
    case 'standard':
      return [
        storage('magnetic', `rds:storage:standard:${az}`),
        usagePer(ctx, 'monthly_standard_io_requests', { name: 'I/O requests (magnetic)', unit: '1M requests', sku: 'rds:io:standard', onDemandOnly: true }, 1_000_000),
      ];
    default:
      throw new UnsupportedResource(`RDS storage type ${type} is not priced yet`);
  }
}

function auroraInstanceDraft(ctx: PricerContext, engine: string, instanceClass: string, count: Decimal.Value = 1): ComponentDraft {
  const family = AURORA_ENGINES[engine];
  if (!family) throw new UnsupportedResource(`Aurora engine ${engine} is not priced yet`);
  const sku = `rds:aurora:${family}:${instanceClass}`;
  if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for Aurora ${family === 'mysql' ? 'MySQL' : 'PostgreSQL'} instance class ${instanceClass} in ${ctx.region}`);
  return { name: `Database instance (Aurora ${family === 'mysql' ? 'MySQL' : 'PostgreSQL'}, ${instanceClass})`, unit: 'hours', monthlyQuantity: monthlyHours(count), sku };
}

/** aws_db_instance: instance class by engine/licence and deployment, storage, IOPS and backup storage. https://aws.amazon.com/rds/pricing/ */
export const awsDbInstance: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_db_instance'],
  usage: [
    { key: 'additional_backup_storage_gb', unit: 'GB', description: 'Backup storage beyond the free allowance (the size of the provisioned storage)' },
    { key: 'monthly_standard_io_requests', unit: 'requests', description: 'I/O requests per month (magnetic storage only)' },
  ],
  price(ctx) {
    const instanceClass = required(ctx, 'instance_class', 'database instance');
    const engine = required(ctx, 'engine', 'database instance');
    if (AURORA_ENGINES[engine]) return [auroraInstanceDraft(ctx, engine, instanceClass)];
    const multiAz = ctx.assume<boolean>('multi_az', false, 'multi_az defaults to false (provider docs)');
    const az = multiAz ? 'multi-az' : 'single-az';
    const { key, label } = rdsEngineKey(ctx, engine);
    const sku = `rds:instance:${instanceClass}:${key}:${az}`;
    if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for ${instanceClass} ${label} ${multiAz ? 'Multi-AZ' : 'Single-AZ'} in ${ctx.region}`);
    return [
      hourly(`Database instance (${label}, ${multiAz ? 'Multi-AZ' : 'Single-AZ'}, ${instanceClass})`, sku),
      ...dbStorageDrafts(ctx, az),
      usagePer(ctx, 'additional_backup_storage_gb', { name: 'Additional backup storage', unit: 'GB', sku: 'rds:backup', onDemandOnly: true }),
    ];
  },
};

/** aws_rds_cluster: Aurora storage, I/O and backup (usage); the instances are aws_rds_cluster_instance resources. https://aws.amazon.com/rds/aurora/pricing/ */
export const awsRdsCluster: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_rds_cluster'],
  usage: [
    { key: 'storage_gb', unit: 'GB', description: 'Average database storage per month' },
    { key: 'monthly_io_requests', unit: 'requests', description: 'I/O requests per month (Aurora Standard)' },
    { key: 'backup_snapshot_size_gb', unit: 'GB', description: 'Backup storage beyond the free allowance' },
  ],
  price(ctx) {
    const engine = ctx.assume<string>('engine', 'aurora', 'engine not set: the provider default is aurora (MySQL compatible)');
    if (!AURORA_ENGINES[engine]) throw new UnsupportedResource(`aws_rds_cluster engine ${engine} (Multi-AZ DB cluster) is not priced yet`);
    const mode = ctx.assume<string>('engine_mode', 'provisioned', 'engine_mode defaults to provisioned (provider docs)');
    if (mode !== 'provisioned') throw new UnsupportedResource(`Aurora engine_mode ${mode} (Serverless v1) is not priced: it reached end of life; use Serverless v2 instances`);
    const storageType = ctx.values.string('storage_type') ?? '';
    if (storageType === 'aurora-iopt1') throw new UnsupportedResource('Aurora I/O-Optimized (storage_type aurora-iopt1) is not in the catalog yet');
    return [
      usagePer(ctx, 'storage_gb', { name: 'Storage (Aurora Standard)', unit: 'GB', sku: 'rds:aurora:storage', onDemandOnly: true }),
      usagePer(ctx, 'monthly_io_requests', { name: 'I/O requests', unit: '1M requests', sku: 'rds:aurora:io', onDemandOnly: true }, 1_000_000),
      usagePer(ctx, 'backup_snapshot_size_gb', { name: 'Backup storage', unit: 'GB', sku: 'rds:aurora:backup', onDemandOnly: true }),
    ];
  },
};

/** aws_rds_cluster_instance: Aurora instance hours, or Serverless v2 ACU-hours (usage) for db.serverless. */
export const awsRdsClusterInstance: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_rds_cluster_instance'],
  usage: [{ key: 'average_acus', unit: 'ACUs', description: 'Average Aurora capacity units of a Serverless v2 instance (db.serverless) over the month' }],
  price(ctx) {
    const instanceClass = required(ctx, 'instance_class', 'cluster instance');
    const engine = ctx.assume<string>('engine', 'aurora', 'engine not set: the provider default is aurora (MySQL compatible)');
    if (instanceClass === 'db.serverless') {
      // average ACUs × 730 hours
      return [usageLine(ctx, 'average_acus', { name: 'Aurora Serverless v2 capacity', unit: 'ACU-hours', sku: 'rds:aurora:serverless-v2' }, HOURS_PER_MONTH)];
    }
    return [auroraInstanceDraft(ctx, engine, instanceClass)];
  },
};

/** aws_dynamodb_table: on-demand request units or provisioned RCU/WCU, and storage. https://aws.amazon.com/dynamodb/pricing/ */
export const awsDynamodbTable: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_dynamodb_table'],
  usage: [
    { key: 'monthly_write_request_units', unit: 'WRU', description: 'Write request units per month (on-demand tables)' },
    { key: 'monthly_read_request_units', unit: 'RRU', description: 'Read request units per month (on-demand tables)' },
    { key: 'storage_gb', unit: 'GB', description: 'Table storage' },
  ],
  price(ctx) {
    const mode = ctx.assume<string>('billing_mode', 'PROVISIONED', 'billing_mode defaults to PROVISIONED (provider docs)');
    const drafts: ComponentDraft[] = [];
    if (mode === 'PAY_PER_REQUEST') {
      drafts.push(
        usagePer(ctx, 'monthly_write_request_units', { name: 'Write request units (on-demand)', unit: '1M requests', sku: 'dynamodb:on-demand:write' }, 1_000_000),
        usagePer(ctx, 'monthly_read_request_units', { name: 'Read request units (on-demand)', unit: '1M requests', sku: 'dynamodb:on-demand:read' }, 1_000_000),
      );
    } else {
      const wcu = ctx.assume<number>('write_capacity', 0, 'write_capacity not set (e.g. managed by auto scaling)');
      const rcu = ctx.assume<number>('read_capacity', 0, 'read_capacity not set (e.g. managed by auto scaling)');
      drafts.push(
        { name: 'Write capacity units (provisioned)', unit: 'WCU-hours', monthlyQuantity: monthlyHours(wcu), sku: 'dynamodb:provisioned:wcu' },
        { name: 'Read capacity units (provisioned)', unit: 'RCU-hours', monthlyQuantity: monthlyHours(rcu), sku: 'dynamodb:provisioned:rcu' },
      );
    }
    drafts.push(usagePer(ctx, 'storage_gb', { name: 'Storage', unit: 'GB', sku: 'dynamodb:storage' }));
    if (ctx.values.blocks('replica').length > 0) {
      ctx.note({ attribute: 'replica', assumed: 'not priced', cause: 'global table', reason: 'replicated write units and replica storage of global tables are not priced yet' });
    }
    return drafts;
  },
};
