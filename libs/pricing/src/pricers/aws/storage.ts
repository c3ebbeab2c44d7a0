import { type ComponentDraft, type PricerContext, type ResourcePricer, type UsageKey } from '../../engine/pricer';
import { usagePer } from './common';

interface S3Class {
  /** Usage key prefix and catalog sku segment. */
  readonly usage: string;
  readonly sku: string;
  readonly label: string;
  readonly tier2: boolean;
  readonly retrieval: boolean;
}

/** S3 storage classes priced from usage. https://aws.amazon.com/s3/pricing/ */
const S3_CLASSES: readonly S3Class[] = [
  { usage: 'standard', sku: 'standard', label: 'Standard', tier2: true, retrieval: false },
  { usage: 'standard_ia', sku: 'standard-ia', label: 'Standard-IA', tier2: true, retrieval: true },
  { usage: 'onezone_ia', sku: 'onezone-ia', label: 'One Zone-IA', tier2: true, retrieval: true },
  { usage: 'glacier_instant_retrieval', sku: 'glacier-ir', label: 'Glacier Instant Retrieval', tier2: true, retrieval: true },
  { usage: 'glacier_flexible_retrieval', sku: 'glacier-flexible', label: 'Glacier Flexible Retrieval', tier2: false, retrieval: false },
  { usage: 'glacier_deep_archive', sku: 'glacier-deep-archive', label: 'Glacier Deep Archive', tier2: false, retrieval: false },
];

const S3_USAGE: UsageKey[] = S3_CLASSES.flatMap((c) => [
  { key: `${c.usage}_storage_gb`, unit: 'GB', description: `Average ${c.label} storage per month` },
  { key: `${c.usage}_monthly_tier_1_requests`, unit: 'requests', description: `${c.label} PUT, COPY, POST and LIST requests per month` },
  ...(c.tier2 ? [{ key: `${c.usage}_monthly_tier_2_requests`, unit: 'requests', description: `${c.label} GET, SELECT and other requests per month` }] : []),
  ...(c.retrieval ? [{ key: `${c.usage}_monthly_data_retrieval_gb`, unit: 'GB', description: `${c.label} data retrieved per month` }] : []),
]);

function s3ClassDrafts(ctx: PricerContext, c: S3Class): ComponentDraft[] {
  const drafts = [
    usagePer(ctx, `${c.usage}_storage_gb`, { name: `Storage (${c.label})`, unit: 'GB', sku: `s3:${c.sku}:storage` }),
    usagePer(ctx, `${c.usage}_monthly_tier_1_requests`, { name: `PUT, COPY, POST, LIST requests (${c.label})`, unit: '1K requests', sku: `s3:${c.sku}:tier1-requests` }, 1000),
  ];
  if (c.tier2) drafts.push(usagePer(ctx, `${c.usage}_monthly_tier_2_requests`, { name: `GET, SELECT and other requests (${c.label})`, unit: '1K requests', sku: `s3:${c.sku}:tier2-requests` }, 1000));
  if (c.retrieval) drafts.push(usagePer(ctx, `${c.usage}_monthly_data_retrieval_gb`, { name: `Data retrieval (${c.label})`, unit: 'GB', sku: `s3:${c.sku}:retrieval` }));
  return drafts;
}

/**
 * aws_s3_bucket: storage and requests per storage class, all from usage. Standard is always listed; other classes only
 * when the usage file gives one of their values.
 */
export const awsS3Bucket: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_s3_bucket'],
  usage: S3_USAGE,
  price(ctx) {
    return S3_CLASSES.filter((c) => c.usage === 'standard' || S3_USAGE.some((k) => k.key.startsWith(`${c.usage}_`) && ctx.usage(k.key) !== undefined)).flatMap((c) => s3ClassDrafts(ctx, c));
  },
};

/** aws_efs_file_system: storage by class (usage), One Zone, provisioned throughput. https://aws.amazon.com/efs/pricing/ */
export const awsEfsFileSystem: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_efs_file_system'],
  usage: [
    { key: 'storage_gb', unit: 'GB', description: 'Average storage in the Standard (or One Zone) class per month' },
    { key: 'infrequent_access_storage_gb', unit: 'GB', description: 'Average storage in the Infrequent Access class per month' },
    { key: 'monthly_infrequent_access_read_gb', unit: 'GB', description: 'Data read from the Infrequent Access class per month' },
  ],
  price(ctx) {
    const oneZone = ctx.values.string('availability_zone_name') !== undefined;
    const drafts: ComponentDraft[] = [
      oneZone
        ? usagePer(ctx, 'storage_gb', { name: 'Storage (One Zone)', unit: 'GB', sku: 'efs:one-zone:storage' })
        : usagePer(ctx, 'storage_gb', { name: 'Storage (Standard)', unit: 'GB', sku: 'efs:standard:storage' }),
    ];
    if (!oneZone && (ctx.usage('infrequent_access_storage_gb') !== undefined || ctx.usage('monthly_infrequent_access_read_gb') !== undefined)) {
      drafts.push(
        usagePer(ctx, 'infrequent_access_storage_gb', { name: 'Storage (Infrequent Access)', unit: 'GB', sku: 'efs:ia:storage' }),
        usagePer(ctx, 'monthly_infrequent_access_read_gb', { name: 'Read requests (Infrequent Access)', unit: 'GB', sku: 'efs:ia:read' }),
      );
    }
    const mode = ctx.assume<string>('throughput_mode', 'bursting', 'throughput_mode defaults to bursting (provider docs)');
    if (mode === 'provisioned') {
      const mibps = ctx.assume<number>('provisioned_throughput_in_mibps', 0, 'provisioned_throughput_in_mibps is required with throughput_mode = provisioned');
      drafts.push({ name: 'Provisioned throughput', unit: 'MBps', monthlyQuantity: mibps, sku: 'efs:provisioned-throughput' });
    } else if (mode === 'elastic') {
      ctx.note({ attribute: 'throughput_mode', assumed: 'elastic', cause: 'usage-based', reason: 'elastic throughput reads and writes are billed per GB transferred and are not priced yet' });
    }
    return drafts;
  },
};
