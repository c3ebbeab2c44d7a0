import { type PriceListRule } from './price-list';

/*
 * Starting mappings from the clouds' price lists to the catalog keys the pricers use (libs/pricing/src/pricers/<cloud>/).
 * Deliberately small: each rule names the exact attributes that single out one list price, and the unit the list
 * must quote it in, so a change in the list shows up as skipped items rather than wrong prices. Extend per service.
 */

const lower = (value: string | undefined) => (value ?? '').toLowerCase();

/**
 * The usagetype after its region prefix (`USE2-`, `EU-`, `APN1-`; none in us-east-1). `IA-` (DynamoDB's Standard-IA
 * table class, `IA-ReadRequestUnits`) and `TS-` (the ALB trust store, `TS-LoadBalancerUsage`) are not regions.
 */
const REGION_PREFIX = '(?:(?!(?:IA|TS)-)[A-Z0-9]+-)?';
const usage = (pattern: string) => new RegExp(`^${REGION_PREFIX}${pattern}$`);
const azKey = (deploymentOption: string | undefined) => (deploymentOption === 'Multi-AZ' ? 'multi-az' : 'single-az');
/** Multi-AZ usagetypes carry `Multi-AZ` (`Multi-AZUsage:db.t3.micro`, `RDS:Multi-AZ-GP2-Storage`); both must agree. */
const azAgrees = (a: Readonly<Record<string, string>>) => /Multi-AZ/.test(a.usagetype ?? '') === (a.deploymentOption === 'Multi-AZ');

/*
 * AmazonRDS offer. Attribute names and values as in the offer's products (e.g. product 6ERZSWKKAH5TDEQ2, db.r5b.16xlarge
 * PostgreSQL Single-AZ, publicationDate 2023-03-28: databaseEngine, deploymentOption, licenseModel "No license required",
 * locationType "AWS Region", usagetype "InstanceUsage:db.r5b.16xl"). Storage products: productFamily "Database Storage",
 * volumeType "General Purpose" (gp2), "General Purpose-GP3", "Provisioned IOPS" (io1), "Magnetic", usagetypes
 * RDS:[Multi-AZ-]GP2-Storage / GP3-Storage / PIOPS-Storage / StorageUsage; provisioned IOPS: productFamily
 * "Provisioned IOPS", usagetypes RDS:[Multi-AZ-]PIOPS (io1) and RDS:[Multi-AZ-]GP3-PIOPS (gp3), per "IOPS-Mo";
 * backup: productFamily "Storage Snapshot", usagetype RDS:ChargedBackupUsage. SQL Server Multi-AZ ("Mirror"), Multi-AZ
 * DB cluster ("Cluster") and Aurora (Aurora:...) usagetypes do not match the patterns. SQL Server and Oracle instances
 * carry databaseEdition (Express, Web, Standard, Enterprise, Standard Two, …) and licenseModel "License included" or
 * "Bring your own license". Aurora: databaseEngine "Aurora MySQL" / "Aurora PostgreSQL", usagetypes InstanceUsage:db.…
 * (Standard) and InstanceUsageIOOptimized:db.… (I/O-Optimized), Aurora:StorageUsage (volumeType "General
 * Purpose-Aurora"), Aurora:BackupUsage.
 */
const RDS_ENGINES: Readonly<Record<string, string>> = { MySQL: 'mysql', PostgreSQL: 'postgres' };
const AURORA_ENGINES: Readonly<Record<string, string>> = { 'Aurora MySQL': 'mysql', 'Aurora PostgreSQL': 'postgresql' };
/** databaseEdition of licence-included SQL Server and Oracle → the pricer's engine key; Oracle BYOL has one key for all editions. */
const SQL_SERVER_EDITIONS: Readonly<Record<string, string>> = { Express: 'sqlserver-ex', Web: 'sqlserver-web', Standard: 'sqlserver-se', Enterprise: 'sqlserver-ee' };
const ORACLE_EDITIONS: Readonly<Record<string, string>> = { 'Standard Two': 'oracle-se2', 'Standard One': 'oracle-se1', Standard: 'oracle-se', Enterprise: 'oracle-ee' };

function rdsLicensedEngine(a: Readonly<Record<string, string>>): string | undefined {
  const edition = a.databaseEdition ?? '';
  if (a.databaseEngine === 'SQL Server') return a.licenseModel === 'License included' ? SQL_SERVER_EDITIONS[edition] : undefined;
  if (a.licenseModel === 'Bring your own license') return ORACLE_EDITIONS[edition] ? 'oracle-byol' : undefined;
  return ORACLE_EDITIONS[edition];
}
const RDS_STORAGE_TYPES: Readonly<Record<string, { usage: string; volumeType: string }>> = {
  gp2: { usage: 'GP2-Storage', volumeType: 'General Purpose' },
  gp3: { usage: 'GP3-Storage', volumeType: 'General Purpose-GP3' },
  io1: { usage: 'PIOPS-Storage', volumeType: 'Provisioned IOPS' },
  standard: { usage: 'StorageUsage', volumeType: 'Magnetic' },
};
const RDS_STORAGE_USAGE = usage(`RDS:(?:Multi-AZ-)?(${Object.values(RDS_STORAGE_TYPES).map((t) => t.usage).join('|')})`);
const RDS_IOPS_USAGE = usage('RDS:(?:Multi-AZ-)?(GP3-)?PIOPS');

function rdsStorageType(a: Readonly<Record<string, string>>): string | null {
  const suffix = RDS_STORAGE_USAGE.exec(a.usagetype ?? '')?.[1];
  const type = Object.entries(RDS_STORAGE_TYPES).find(([, t]) => t.usage === suffix);
  // the volume type must name the same storage as the usagetype, or the item is not what the key says
  return type && type[1].volumeType === a.volumeType && azAgrees(a) ? type[0] : null;
}

function awsRdsRules(): PriceListRule[] {
  return [
    {
      match: {
        productFamily: 'Database Instance',
        locationType: 'AWS Region',
        databaseEngine: Object.keys(RDS_ENGINES),
        deploymentOption: ['Single-AZ', 'Multi-AZ'],
        licenseModel: 'No license required',
        usagetype: usage('(?:InstanceUsage|Multi-AZUsage):db\\.[\\w.]+'),
      },
      sku: (a) => {
        const engine = RDS_ENGINES[a.databaseEngine ?? ''];
        return engine && a.instanceType && azAgrees(a) ? `rds:instance:${a.instanceType}:${engine}:${azKey(a.deploymentOption)}` : null;
      },
      unit: 'hours',
      sourceUnit: 'Hrs',
      description: (a) => `${a.instanceType} ${a.databaseEngine} ${a.deploymentOption}`,
    },
    {
      // licence-included SQL Server / Oracle and bring-your-own-licence Oracle; RDS Custom (deploymentModel Custom) is not RDS
      match: {
        productFamily: 'Database Instance',
        locationType: 'AWS Region',
        databaseEngine: ['SQL Server', 'Oracle'],
        deploymentOption: ['Single-AZ', 'Multi-AZ'],
        licenseModel: ['License included', 'Bring your own license'],
        usagetype: usage('(?:InstanceUsage|Multi-AZUsage):db\\.[\\w.]+'),
      },
      sku: (a) => {
        const engine = rdsLicensedEngine(a);
        return engine && a.instanceType && azAgrees(a) && a.deploymentModel !== 'Custom' ? `rds:instance:${a.instanceType}:${engine}:${azKey(a.deploymentOption)}` : null;
      },
      unit: 'hours',
      sourceUnit: 'Hrs',
      description: (a) => `${a.instanceType} ${a.databaseEngine} ${a.databaseEdition ?? ''} (${a.licenseModel}) ${a.deploymentOption}`,
    },
    {
      // Aurora Standard instances; the I/O-Optimized rows (InstanceUsageIOOptimized:…) are another price
      match: { productFamily: 'Database Instance', locationType: 'AWS Region', databaseEngine: Object.keys(AURORA_ENGINES), usagetype: usage('InstanceUsage:db\\.[\\w.]+') },
      sku: (a) => (a.instanceType ? `rds:aurora:${AURORA_ENGINES[a.databaseEngine ?? ''] ?? '?'}:${a.instanceType}` : null),
      unit: 'hours',
      sourceUnit: 'Hrs',
      description: (a) => `${a.instanceType} ${a.databaseEngine} (Aurora Standard)`,
    },
    {
      match: { productFamily: 'Database Storage', locationType: 'AWS Region', databaseEngine: Object.keys(AURORA_ENGINES), usagetype: usage('Aurora:StorageUsage') },
      sku: () => 'rds:aurora:storage',
      unit: 'GB',
      sourceUnit: 'GB-Mo',
      description: () => 'Aurora Standard storage per GB-month',
    },
    {
      match: { productFamily: 'Storage Snapshot', usagetype: usage('Aurora:BackupUsage') },
      sku: () => 'rds:aurora:backup',
      unit: 'GB',
      sourceUnit: 'GB-Mo',
      description: () => 'Aurora backup storage beyond the free allowance, per GB-month',
    },
    {
      match: { productFamily: 'Database Storage', locationType: 'AWS Region', databaseEngine: Object.keys(RDS_ENGINES), deploymentOption: ['Single-AZ', 'Multi-AZ'], usagetype: RDS_STORAGE_USAGE },
      sku: (a) => {
        const type = rdsStorageType(a);
        return type ? `rds:storage:${type}:${azKey(a.deploymentOption)}` : null;
      },
      unit: 'GB',
      sourceUnit: 'GB-Mo',
      description: (a) => `RDS ${a.volumeType} storage, ${a.deploymentOption}, per GB-month`,
    },
    {
      match: { productFamily: 'Provisioned IOPS', locationType: 'AWS Region', deploymentOption: ['Single-AZ', 'Multi-AZ'], usagetype: RDS_IOPS_USAGE },
      sku: (a) => (azAgrees(a) ? `rds:iops:${RDS_IOPS_USAGE.exec(a.usagetype ?? '')?.[1] ? 'gp3' : 'io1'}:${azKey(a.deploymentOption)}` : null),
      unit: 'IOPS',
      sourceUnit: 'IOPS-Mo',
      description: (a) => `RDS ${RDS_IOPS_USAGE.exec(a.usagetype ?? '')?.[1] ? 'gp3' : 'io1'} provisioned IOPS, ${a.deploymentOption}, per IOPS-month`,
    },
    {
      match: { productFamily: 'Storage Snapshot', usagetype: usage('RDS:ChargedBackupUsage') },
      sku: () => 'rds:backup',
      unit: 'GB',
      sourceUnit: 'GB-Mo',
      description: () => 'RDS backup storage beyond the free allowance, per GB-month',
    },
  ];
}

/*
 * AmazonElastiCache offer: productFamily "Cache Instance", instanceType "cache.r5.large", cacheEngine "Redis" /
 * "Memcached" / "Valkey", usagetype "NodeUsage:cache.r5.large" (region-prefixed outside us-east-1). Extended Support
 * ("ExtendedSupportYr3-NodeUsage:…"), Valkey Sync Durability and Outposts rows share the node type at other prices and
 * do not match. The catalog's node prices are the Redis OSS (= Memcached) ones, so only cacheEngine Redis is taken.
 */
function awsElastiCacheRules(): PriceListRule[] {
  return [
    {
      match: { productFamily: 'Cache Instance', locationType: 'AWS Region', cacheEngine: 'Redis', usagetype: usage('NodeUsage:cache\\.[\\w.]+') },
      sku: (a) => (a.instanceType?.startsWith('cache.') ? `elasticache:node:${a.instanceType}` : null),
      unit: 'hours',
      sourceUnit: 'Hrs',
      description: (a) => `ElastiCache ${a.instanceType} node (Redis OSS / Memcached), on-demand`,
    },
    {
      // backup storage: usagetype ElastiCache:BackupUsage (as billing data names it), per GB-month
      match: { servicecode: 'AmazonElastiCache', usagetype: usage('ElastiCache:BackupUsage') },
      sku: () => 'elasticache:backup',
      unit: 'GB',
      sourceUnit: 'GB-Mo',
      description: () => 'ElastiCache backup storage per GB-month',
    },
  ];
}

/*
 * AmazonDynamoDB offer, on-demand capacity: productFamily "Amazon DynamoDB PayPerRequest Throughput", group
 * "DDB-ReadUnits" / "DDB-WriteUnits", usagetype "ReadRequestUnits" / "WriteRequestUnits" (region-prefixed, e.g.
 * "EU-ReadRequestUnits"), priced per request unit ("ReadRequestUnits" / "WriteRequestUnits"). Standard-IA table class
 * usagetypes ("IA-ReadRequestUnits") do not match.
 */
function awsDynamoDbRules(): PriceListRule[] {
  return (['Read', 'Write'] as const).map((kind) => ({
    match: { productFamily: 'Amazon DynamoDB PayPerRequest Throughput', group: `DDB-${kind}Units`, usagetype: usage(`${kind}RequestUnits`) },
    sku: () => `dynamodb:on-demand:${kind.toLowerCase()}`,
    unit: '1M requests',
    sourceUnit: `${kind}RequestUnits`,
    scale: '1000000',
    description: () => `DynamoDB on-demand ${kind.toLowerCase()} request units, per million`,
  }));
}

/*
 * AmazonEFS offer: productFamily "Storage", storageClass "General Purpose" (Standard, usagetype TimedStorage-ByteHrs),
 * "One Zone-General Purpose" (TimedStorage-Z-ByteHrs) and "Infrequent Access" (IATimedStorage-ByteHrs), per GB-Mo; productFamily "Provisioned Throughput", usagetype
 * ProvisionedTP-MiBpsHrs, per MiBps-Mo (the throughput included with storage is listed in the same family at $0 under
 * another usagetype). S3 lists Standard storage as storageClass "General Purpose" / TimedStorage-ByteHrs too, so the
 * rules require servicecode AmazonEFS.
 */
function awsEfsRules(): PriceListRule[] {
  return [
    {
      match: { servicecode: 'AmazonEFS', productFamily: 'Storage', storageClass: 'General Purpose', usagetype: usage('TimedStorage-ByteHrs') },
      sku: () => 'efs:standard:storage',
      unit: 'GB',
      sourceUnit: 'GB-Mo',
      description: () => 'EFS Standard (Regional) storage per GB-month',
    },
    {
      match: { servicecode: 'AmazonEFS', productFamily: 'Storage', storageClass: 'One Zone-General Purpose', usagetype: usage('TimedStorage-Z-ByteHrs') },
      sku: () => 'efs:one-zone:storage',
      unit: 'GB',
      sourceUnit: 'GB-Mo',
      description: () => 'EFS One Zone storage per GB-month',
    },
    {
      match: { servicecode: 'AmazonEFS', productFamily: 'Storage', storageClass: 'Infrequent Access', usagetype: usage('IATimedStorage-ByteHrs') },
      sku: () => 'efs:ia:storage',
      unit: 'GB',
      sourceUnit: 'GB-Mo',
      description: () => 'EFS Infrequent Access storage per GB-month',
    },
    {
      match: { servicecode: 'AmazonEFS', productFamily: 'Provisioned Throughput', usagetype: usage('ProvisionedTP-MiBpsHrs') },
      sku: () => 'efs:provisioned-throughput',
      unit: 'MBps',
      sourceUnit: 'MiBps-Mo',
      description: () => 'EFS provisioned throughput per MB/s-month',
    },
  ];
}

/*
 * AWSELB offer: productFamily "Load Balancer-Application" / "Load Balancer-Network" / "Load Balancer-Gateway" /
 * "Load Balancer" (Classic), operation LoadBalancing:Application / :Network / :Gateway / LoadBalancing, and a
 * groupDescription naming the charge ("LoadBalancer hourly usage by Application Load Balancer", "Used Application Load
 * Balancer capacity units-hr", …). Hours are per "Hrs", ALB capacity units per "LCU-Hrs" (usagetype LCUUsage), NLB ones
 * per "NLCU-Hrs" (NLCUUsage). Reserved capacity units, the ALB trust store (TS-) and Outposts rows do not match.
 */
const ELB_KINDS = [
  { key: 'alb', family: 'Load Balancer-Application', operation: 'LoadBalancing:Application', name: 'Application Load Balancer', lcu: { usage: 'LCUUsage', unit: 'LCU-Hrs' } },
  { key: 'nlb', family: 'Load Balancer-Network', operation: 'LoadBalancing:Network', name: 'Network Load Balancer', lcu: { usage: 'NLCUUsage', unit: 'NLCU-Hrs' } },
  { key: 'gwlb', family: 'Load Balancer-Gateway', operation: 'LoadBalancing:Gateway', name: 'Gateway Load Balancer', lcu: undefined },
  { key: 'classic', family: 'Load Balancer', operation: 'LoadBalancing', name: 'Classic Load Balancer', lcu: undefined },
] as const;

function awsElbRules(): PriceListRule[] {
  return ELB_KINDS.flatMap((kind): PriceListRule[] => [
    {
      match: { productFamily: kind.family, operation: kind.operation, groupDescription: `LoadBalancer hourly usage by ${kind.name}`, usagetype: usage('LoadBalancerUsage') },
      sku: () => `elb:${kind.key}:hours`,
      unit: 'hours',
      sourceUnit: 'Hrs',
      description: () => `${kind.name} per hour`,
    },
    ...(kind.lcu
      ? [
          {
            match: { productFamily: kind.family, operation: kind.operation, groupDescription: `Used ${kind.name} capacity units-hr`, usagetype: usage(kind.lcu.usage) },
            sku: () => `elb:${kind.key}:capacity-units`,
            unit: 'LCU-hours',
            sourceUnit: kind.lcu.unit,
            description: () => `${kind.name} capacity units per hour`,
          },
        ]
      : []),
  ]);
}

/*
 * AmazonKinesis offer, productFamily "Kinesis Streams": provisioned shard hours (group "Provisioned shard hour",
 * operation shardHourStorage, usagetype Storage-ShardHour, per "ShardHour") and on-demand data ingested (group
 * "OnDemand", usagetype OnDemand-BilledIncomingBytes, per GB).
 */
function awsKinesisRules(): PriceListRule[] {
  return [
    {
      match: { productFamily: 'Kinesis Streams', operation: 'shardHourStorage', usagetype: usage('Storage-ShardHour') },
      sku: () => 'kinesis:provisioned:shard',
      unit: 'hours',
      sourceUnit: 'ShardHour',
      description: () => 'Kinesis Data Streams provisioned shard hour',
    },
    {
      match: { productFamily: 'Kinesis Streams', group: 'OnDemand', usagetype: usage('OnDemand-BilledIncomingBytes') },
      sku: () => 'kinesis:on-demand:data-in',
      unit: 'GB',
      sourceUnit: 'GB',
      description: () => 'Kinesis Data Streams on-demand data ingested per GB',
    },
  ];
}

/*
 * AmazonCloudWatch offer, CloudWatch Logs: standard ingestion is productFamily "Data Payload", group "Ingested Logs",
 * usagetype DataProcessing-Bytes, per GB (vended logs, VendedLog-Bytes-…, are tiered and do not match), Infrequent
 * Access ingestion usagetype DataProcessingIA-Bytes (operation PutLogEvents), per GB; archived storage
 * is productFamily "Storage Snapshot", usagetype TimedStorage-ByteHrs, per GB-Mo (us-east-1 lists it both unprefixed,
 * "legacy", and as USE1-, at one price).
 */
function awsCloudWatchLogsRules(): PriceListRule[] {
  return [
    {
      match: { servicecode: 'AmazonCloudWatch', productFamily: 'Data Payload', group: 'Ingested Logs', usagetype: usage('DataProcessing-Bytes') },
      sku: () => 'logs:standard:ingestion',
      unit: 'GB',
      sourceUnit: 'GB',
      description: () => 'CloudWatch Logs Standard class data ingested per GB',
    },
    {
      // Infrequent Access log class ingestion (operation PutLogEvents), flat per GB
      match: { servicecode: 'AmazonCloudWatch', usagetype: usage('DataProcessingIA-Bytes') },
      sku: () => 'logs:infrequent-access:ingestion',
      unit: 'GB',
      sourceUnit: 'GB',
      description: () => 'CloudWatch Logs Infrequent Access class data ingested per GB',
    },
    {
      match: { servicecode: 'AmazonCloudWatch', productFamily: 'Storage Snapshot', usagetype: usage('TimedStorage-ByteHrs') },
      sku: () => 'logs:storage',
      unit: 'GB',
      sourceUnit: 'GB-Mo',
      description: () => 'CloudWatch Logs archived storage per GB-month (compressed)',
    },
  ];
}

/** AWS Price List Bulk API (offers AmazonEC2, AmazonS3, AmazonVPC, AWSLambda, AmazonRDS, AmazonElastiCache, AmazonDynamoDB, AmazonEFS, AWSELB, AmazonKinesis, AmazonCloudWatch). */
export const AWS_DEFAULT_RULES: readonly PriceListRule[] = [
  // first: EFS Standard storage shares storageClass and usagetype with S3 Standard; these rules require servicecode AmazonEFS
  ...awsEfsRules(),
  {
    match: { productFamily: 'Compute Instance', operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used', licenseModel: 'No License required' },
    sku: (a) => (a.instanceType ? `ec2:instance:${a.instanceType}:linux` : null),
    unit: 'hours',
    sourceUnit: 'Hrs',
    description: (a) => `${a.instanceType} Linux/UNIX, shared tenancy`,
  },
  {
    match: { productFamily: 'Compute Instance', operatingSystem: 'Windows', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used', licenseModel: 'License Included' },
    sku: (a) => (a.instanceType ? `ec2:instance:${a.instanceType}:windows` : null),
    unit: 'hours',
    sourceUnit: 'Hrs',
    description: (a) => `${a.instanceType} Windows, shared tenancy`,
  },
  {
    match: { productFamily: 'Storage', volumeApiName: ['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard'] },
    sku: (a) => `ebs:${a.volumeApiName}:storage`,
    unit: 'GB',
    sourceUnit: 'GB-Mo',
    description: (a) => `EBS ${a.volumeApiName} volume storage, per GB-month`,
  },
  {
    match: { productFamily: 'Storage', volumeType: 'Standard', usagetype: /(^|-)TimedStorage-ByteHrs$/ },
    sku: () => 's3:standard:storage',
    unit: 'GB',
    sourceUnit: 'GB-Mo',
    description: () => 'S3 Standard storage per GB-month',
  },
  {
    match: { productFamily: 'NAT Gateway', usagetype: /(^|-)NatGateway-Hours$/ },
    sku: () => 'vpc:nat-gateway:hours',
    unit: 'hours',
    sourceUnit: 'Hrs',
    description: () => 'NAT gateway hour',
  },
  {
    match: { productFamily: 'NAT Gateway', usagetype: /(^|-)NatGateway-Bytes$/ },
    sku: () => 'vpc:nat-gateway:data-processed',
    unit: 'GB',
    sourceUnit: 'GB',
    description: () => 'NAT gateway data processed',
  },
  {
    match: { productFamily: 'Serverless', group: 'AWS-Lambda-Requests' },
    sku: () => 'lambda:requests',
    unit: '1M requests',
    sourceUnit: 'Requests',
    scale: '1000000',
    description: () => 'Lambda requests, per million',
  },
  ...awsRdsRules(),
  ...awsElastiCacheRules(),
  ...awsDynamoDbRules(),
  ...awsElbRules(),
  ...awsKinesisRules(),
  ...awsCloudWatchLogsRules(),
];

/*
 * Azure managed disks (serviceName "Storage"): productName "Standard HDD Managed Disks" / "Standard SSD Managed Disks" /
 * "Premium SSD Managed Disks", skuName "P10 LRS", meterName "P10 LRS Disk", priced per "1/Month". Other meters of these
 * products (disk mounts, operations, bursting) are not named "<tier> <redundancy> Disk".
 */
const DISK_PRODUCTS: Readonly<Record<string, { type: string; prefix: string }>> = {
  'Standard HDD Managed Disks': { type: 'standard', prefix: 'S' },
  'Standard SSD Managed Disks': { type: 'standardssd', prefix: 'E' },
  'Premium SSD Managed Disks': { type: 'premium', prefix: 'P' },
};
const DISK_SKU = /^([SEP])(\d+) (LRS|ZRS)$/;

function diskSku(a: Readonly<Record<string, string>>): string | null {
  const product = DISK_PRODUCTS[a.productName ?? ''];
  const m = DISK_SKU.exec(a.skuName ?? '');
  if (!product || !m || m[1] !== product.prefix || a.meterName !== `${a.skuName} Disk`) return null;
  return `managed-disk:${product.type}_${lower(m[3])}:${lower(m[1])}${m[2]}`;
}

/** App Service plan sizes as the catalog writes them: `P1 v3` → `p1v3`, `P1mv3` → `p1mv3`. */
const planSize = (name: string | undefined) => lower(name).replace(/\s+/g, '');

/*
 * Azure Retail Prices API items of the services below, as read from API responses: App Service plans (productName
 * "Azure App Service Premium v3 Plan" for Windows, "… Plan - Linux" for Linux, skuName "P1 v3", meterName "P1 v3 App" or
 * "B1", per "1 Hour"); Azure SQL Database vCore (productName "SQL Database Single/Elastic Pool General Purpose - Compute
 * Gen5", skuName "vCore" or "1 vCore", meterName "vCore"; zone redundancy skuName "vCore ZR Zone Redundancy", meterName
 * "Zone Redundancy vCore"; storage meterName "General Purpose Data Stored" per "1 GB/Month"; DTU databases per "1/Day");
 * PostgreSQL/MySQL flexible server storage ("Storage Data Stored") and backup ("Backup Storage LRS Data Stored") per
 * "1 GB/Month", MySQL Burstable compute (skuName "Standard_B4ms", meterName "B4MS"); Azure Cache for Redis (productName
 * "Azure Redis Cache Basic" / "… Standard", skuName "C1", meterName "C1 Cache" for the whole cache; "Azure Redis Cache
 * Premium", skuName "P1", meterName "P1 Cache Instance", per node: a shard of a primary and a replica is two of them,
 * the catalog's price per shard).
 */
const AZURE_SERVICE_RULES: readonly PriceListRule[] = [
  {
    match: { serviceName: 'Storage', productName: Object.keys(DISK_PRODUCTS), skuName: DISK_SKU, meterName: / Disk$/ },
    sku: diskSku,
    unit: 'months',
    sourceUnit: '1/Month',
    description: (a) => `${a.productName} ${a.skuName} per month, ${a.armRegionName}`,
  },
  {
    match: { serviceName: 'Azure App Service', productName: /^Azure App Service .+ Plan( - Linux)?$/ },
    sku: (a) =>
      planSize(a.skuName) !== '' && planSize((a.meterName ?? '').replace(/ App$/, '')) === planSize(a.skuName)
        ? `app-service:${/ - Linux$/.test(a.productName ?? '') ? 'linux' : 'windows'}:${planSize(a.skuName)}`
        : null,
    unit: 'hours',
    sourceUnit: '1 Hour',
    description: (a) => `App Service plan ${a.skuName} (${/ - Linux$/.test(a.productName ?? '') ? 'Linux' : 'Windows'}) per instance-hour`,
  },
  {
    match: { serviceName: 'SQL Database', productName: 'SQL Database Single/Elastic Pool General Purpose - Compute Gen5', skuName: ['vCore', '1 vCore'], meterName: 'vCore' },
    sku: () => 'mssql:gp:gen5:compute',
    unit: 'vCore-hours',
    sourceUnit: '1 Hour',
    description: () => 'SQL Database General Purpose provisioned Gen5 compute per vCore-hour (without SQL licence)',
  },
  {
    match: { serviceName: 'SQL Database', productName: 'SQL Database Single/Elastic Pool General Purpose - Compute Gen5', skuName: 'vCore ZR Zone Redundancy', meterName: 'Zone Redundancy vCore' },
    sku: () => 'mssql:gp:gen5:zone-redundancy',
    unit: 'vCore-hours',
    sourceUnit: '1 Hour',
    description: () => 'SQL Database General Purpose zone redundancy add-on per vCore-hour',
  },
  {
    match: { serviceName: 'SQL Database', productName: 'SQL Database Single/Elastic Pool Business Critical - Compute Gen5', skuName: ['vCore', '1 vCore'], meterName: 'vCore' },
    sku: () => 'mssql:bc:gen5:compute',
    unit: 'vCore-hours',
    sourceUnit: '1 Hour',
    description: () => 'SQL Database Business Critical provisioned Gen5 compute per vCore-hour (without SQL licence)',
  },
  {
    match: {
      serviceName: 'SQL Database',
      productName: ['SQL Database Single/Elastic Pool General Purpose - Storage', 'SQL Database Single/Elastic Pool Business Critical - Storage'],
      meterName: ['General Purpose Data Stored', 'General Purpose Zone Redundancy Data Stored', 'Business Critical Data Stored'],
    },
    sku: (a) => {
      const key = { 'General Purpose Data Stored': 'gp:storage', 'General Purpose Zone Redundancy Data Stored': 'gp:storage-zone-redundant', 'Business Critical Data Stored': 'bc:storage' }[a.meterName ?? ''];
      const tierAgrees = (a.productName ?? '').includes(key?.startsWith('gp') ? 'General Purpose' : 'Business Critical');
      return key && tierAgrees ? `mssql:${key}` : null;
    },
    unit: 'GB',
    sourceUnit: '1 GB/Month',
    description: (a) => `SQL Database ${a.meterName} per GB-month`,
  },
  {
    match: { serviceName: 'SQL Database', productName: ['SQL Database Single Standard', 'SQL Database Single Premium'], skuName: /^[SP]\d+$/ },
    sku: (a) => `mssql:dtu:${lower(a.skuName)}`,
    unit: 'days',
    sourceUnit: '1/Day',
    description: (a) => `SQL Database DTU ${a.skuName} single database per day`,
  },
  ...(['PostgreSQL', 'MySQL'] as const).flatMap((engine): PriceListRule[] => {
    const key = `${lower(engine)}-flexible`;
    return [
      {
        match: { serviceName: `Azure Database for ${engine}`, productName: new RegExp(`^(Az DB|Azure Database) for ${engine} Flex(ible)? Server Storage$`), skuName: 'Storage', meterName: 'Storage Data Stored' },
        sku: () => `${key}:storage`,
        unit: 'GB',
        sourceUnit: '1 GB/Month',
        description: () => `${engine} flexible server storage per GB-month`,
      },
      {
        match: { serviceName: `Azure Database for ${engine}`, productName: `Azure Database for ${engine} Flexible Server Backup Storage`, meterName: 'Backup Storage LRS Data Stored' },
        sku: () => `${key}:backup-storage`,
        unit: 'GB',
        sourceUnit: '1 GB/Month',
        description: () => `${engine} flexible server additional backup storage per GB-month`,
      },
    ];
  }),
  {
    match: { serviceName: 'Azure Database for MySQL', productName: 'Azure Database for MySQL Flexible Server Burstable BS Series Compute', skuName: /^Standard_B\w+$/ },
    sku: (a) => (lower(a.meterName) === lower(a.skuName).slice('standard_'.length) ? `mysql-flexible:compute:b_${lower(a.skuName)}` : null),
    unit: 'hours',
    sourceUnit: '1 Hour',
    description: (a) => `MySQL flexible server B_${a.skuName} compute`,
  },
  {
    // Basic and Standard: the "C1 Cache" meter is the whole cache (both nodes of a Standard one); "C1 Cache Instance" is one node
    match: { serviceName: 'Redis Cache', productName: ['Azure Redis Cache Basic', 'Azure Redis Cache Standard'], skuName: /^C\d$/, meterName: /^C\d Cache$/ },
    sku: (a) => (a.meterName === `${a.skuName} Cache` ? `redis:${lower(a.productName).replace('azure redis cache ', '')}:${lower(a.skuName)}` : null),
    unit: 'hours',
    sourceUnit: '1 Hour',
    description: (a) => `Azure Cache for Redis ${(a.productName ?? '').replace('Azure Redis Cache ', '')} ${a.skuName}, per cache-hour`,
  },
  {
    match: { serviceName: 'Redis Cache', productName: 'Azure Redis Cache Premium', skuName: /^P\d+$/ },
    sku: (a) => (a.meterName === `${a.skuName} Cache Instance` ? `redis:premium:${lower(a.skuName)}` : null),
    unit: 'hours',
    sourceUnit: '1 Hour',
    scale: '2',
    description: (a) => `Azure Cache for Redis Premium ${a.skuName}, per shard-hour (primary + one replica)`,
  },
];

/** Azure Retail Prices API: Virtual Machines (pay-as-you-go, Spot and 1/3-year reservations) and the services of AZURE_SERVICE_RULES. */
export const AZURE_DEFAULT_RULES: readonly PriceListRule[] = [
  {
    match: { serviceName: 'Virtual Machines', productName: /Windows/, unitOfMeasure: '1 Hour' },
    sku: (a) => (a.armSkuName ? `vm:${lower(a.armSkuName)}:windows` : null),
    unit: 'hours',
    sourceUnit: '1 Hour',
    description: (a) => `${a.armSkuName} Windows pay-as-you-go, ${a.armRegionName}`,
  },
  {
    // Linux meters carry no OS in the product name; reservations (compute only) are listed under the same products
    match: { serviceName: 'Virtual Machines', productName: /^Virtual Machines (?!.*Windows)/, unitOfMeasure: '1 Hour' },
    sku: (a) => (a.armSkuName ? `vm:${lower(a.armSkuName)}:linux` : null),
    unit: 'hours',
    sourceUnit: '1 Hour',
    description: (a) => `${a.armSkuName} Linux pay-as-you-go, ${a.armRegionName}`,
  },
  ...AZURE_SERVICE_RULES,
];

const GCP_FAMILIES: Readonly<Record<string, string>> = { E2: 'e2', N2: 'n2', 'N2D AMD': 'n2d' };
/** On-demand and spot SKUs ("E2 Instance Core running in Americas") and CUDs ("Commitment v1: E2 Cpu in Americas for 1 Year"). */
const GCP_CORE = /^(?:(?:Spot Preemptible )?(E2|N2|N2D AMD) Instance Core running in |Commitment v1: (E2|N2|N2D AMD) Cpu in )/;
const GCP_RAM = /^(?:(?:Spot Preemptible )?(E2|N2|N2D AMD) Instance Ram running in |Commitment v1: (E2|N2|N2D AMD) Ram in )/;

function gcpFamily(pattern: RegExp, description: string | undefined): string | null {
  const m = pattern.exec(description ?? '');
  const family = m?.[1] ?? m?.[2];
  return family === undefined ? null : (GCP_FAMILIES[family] ?? null);
}

/*
 * Cloud SQL (serviceDisplayName "Cloud SQL"): "Cloud SQL for PostgreSQL: Zonal - vCPU in Americas", "… Regional - RAM in
 * London", "… Zonal - Standard storage in Montreal" (SSD), "… Zonal - Low cost storage in …" (HDD), "Cloud SQL for MySQL:
 * Zonal - Micro instance in London" (db-f1-micro), "Cloud SQL: Backups in Mumbai". Enterprise Plus and N4/C4 SKUs
 * ("Zonal - Enterprise Plus C4 vCPU in …") and SQL Server do not match.
 */
const CLOUD_SQL = /^Cloud SQL for (?:PostgreSQL|MySQL): (Zonal|Regional) - (vCPU|RAM|Standard storage|Low cost storage) in /;
const cloudSqlPart = (a: Readonly<Record<string, string>>) => {
  const m = CLOUD_SQL.exec(a.description ?? '');
  return m ? { ha: lower(m[1]), part: m[2] ?? '' } : null;
};
/** Memorystore for Redis capacity: "Redis Capacity Basic M1 London" (per GiBy.h); cluster node SKUs do not match. */
const MEMORYSTORE = /^Redis Capacity (Basic|Standard) (M[1-5]) /;

const GCP_SERVICE_RULES: readonly PriceListRule[] = [
  {
    match: { serviceDisplayName: 'Cloud SQL', description: /^Cloud SQL for (PostgreSQL|MySQL): (Zonal|Regional) - vCPU in / },
    sku: (a) => `sql:enterprise:${cloudSqlPart(a)?.ha ?? '?'}:vcpu`,
    unit: 'hours',
    sourceUnit: 'h',
    description: (a) => `Cloud SQL Enterprise ${cloudSqlPart(a)?.ha ?? '?'} vCPU hour`,
  },
  {
    match: { serviceDisplayName: 'Cloud SQL', description: /^Cloud SQL for (PostgreSQL|MySQL): (Zonal|Regional) - RAM in / },
    sku: (a) => `sql:enterprise:${cloudSqlPart(a)?.ha ?? '?'}:ram`,
    unit: 'GB-hours',
    sourceUnit: 'GiBy.h',
    description: (a) => `Cloud SQL Enterprise ${cloudSqlPart(a)?.ha ?? '?'} RAM GB-hour`,
  },
  {
    match: { serviceDisplayName: 'Cloud SQL', description: /^Cloud SQL for (PostgreSQL|MySQL): (Zonal|Regional) - (Standard|Low cost) storage in / },
    sku: (a) => {
      const part = cloudSqlPart(a);
      return part ? `sql:storage:${part.ha}:${part.part === 'Standard storage' ? 'ssd' : 'hdd'}` : null;
    },
    unit: 'GB',
    sourceUnit: 'GiBy.mo',
    description: (a) => `Cloud SQL ${cloudSqlPart(a)?.ha ?? '?'} ${cloudSqlPart(a)?.part === 'Standard storage' ? 'SSD' : 'HDD'} storage GB-month`,
  },
  {
    match: { serviceDisplayName: 'Cloud SQL', description: /^Cloud SQL for (PostgreSQL|MySQL): Zonal - Micro instance in / },
    sku: () => 'sql:shared:db-f1-micro',
    unit: 'hours',
    sourceUnit: 'h',
    description: () => 'Cloud SQL db-f1-micro (shared core) instance hour',
  },
  {
    match: { serviceDisplayName: 'Cloud SQL', description: /^Cloud SQL: Backups in / },
    sku: () => 'sql:backup',
    unit: 'GB',
    sourceUnit: 'GiBy.mo',
    description: () => 'Cloud SQL backups GB-month',
  },
  {
    match: { serviceDisplayName: 'Cloud Memorystore for Redis', description: MEMORYSTORE },
    sku: (a) => {
      const m = MEMORYSTORE.exec(a.description ?? '');
      return m ? `redis:${lower(m[1])}:${lower(m[2])}` : null;
    },
    unit: 'GB-hours',
    sourceUnit: 'GiBy.h',
    description: (a) => `Memorystore for Redis ${MEMORYSTORE.exec(a.description ?? '')?.slice(1).join(' ') ?? '?'} capacity GB-hour`,
  },
  {
    // GKE Standard cluster management fee, the same for zonal and regional clusters, listed for serviceRegions ["global"]
    match: { serviceDisplayName: 'Kubernetes Engine', description: /^(Zonal|Regional) Kubernetes Clusters$/ },
    sku: () => 'gke:cluster-management',
    unit: 'hours',
    sourceUnit: 'h',
    description: () => 'GKE cluster management fee per cluster-hour',
  },
  {
    // "Autopilot Pod Memory Requests (us-east1)"; Spot, Balanced and Scale-Out pods are other SKUs
    match: { serviceDisplayName: 'Kubernetes Engine', description: /^Autopilot Pod Memory Requests \(/ },
    sku: () => 'gke:autopilot:memory',
    unit: 'GB-hours',
    sourceUnit: 'GiBy.h',
    description: () => 'GKE Autopilot pod memory GB-hour',
  },
  {
    match: { serviceDisplayName: 'Kubernetes Engine', description: /^Autopilot Pod Ephemeral Storage Requests \(/ },
    sku: () => 'gke:autopilot:ephemeral-storage',
    unit: 'GB-hours',
    sourceUnit: 'GiBy.h',
    description: () => 'GKE Autopilot pod ephemeral storage GB-hour',
  },
];

/**
 * Google Cloud Billing Catalog API: Compute Engine predefined vCPU and RAM (on-demand, spot, 1/3-year CUDs),
 * Cloud Storage at-rest storage, and the Cloud SQL, Memorystore and GKE SKUs of GCP_SERVICE_RULES. Google's price
 * pages quote GiB prices as "GB"; the catalog's GB follows the pages, so GiBy.h and GiBy.mo prices are taken per GB as
 * they are (scale 1), not converted by 10^9/2^30.
 */
export const GCP_DEFAULT_RULES: readonly PriceListRule[] = [
  {
    match: { serviceDisplayName: 'Compute Engine', resourceFamily: 'Compute', description: GCP_CORE },
    sku: (a) => {
      const family = gcpFamily(GCP_CORE, a.description);
      return family ? `compute:${family}:vcpu` : null;
    },
    unit: 'hours',
    sourceUnit: 'h',
    description: (a) => `${gcpFamily(GCP_CORE, a.description)?.toUpperCase() ?? '?'} predefined instance vCPU hour`,
  },
  {
    match: { serviceDisplayName: 'Compute Engine', resourceFamily: 'Compute', description: GCP_RAM },
    sku: (a) => {
      const family = gcpFamily(GCP_RAM, a.description);
      return family ? `compute:${family}:ram` : null;
    },
    unit: 'GB-hours',
    sourceUnit: 'GiBy.h',
    description: (a) => `${gcpFamily(GCP_RAM, a.description)?.toUpperCase() ?? '?'} predefined instance RAM GB-hour`,
  },
  {
    match: { serviceDisplayName: 'Cloud Storage', resourceFamily: 'Storage', usageType: 'OnDemand', description: /^(Standard|Nearline|Coldline|Archive) Storage / },
    sku: (a) => `gcs:storage:${lower(/^(\w+)/.exec(a.description ?? '')?.[1])}`,
    unit: 'GB',
    sourceUnit: 'GiBy.mo',
    description: (a) => `Cloud Storage ${lower(/^(\w+)/.exec(a.description ?? '')?.[1])} storage GB-month`,
  },
  ...GCP_SERVICE_RULES,
];
