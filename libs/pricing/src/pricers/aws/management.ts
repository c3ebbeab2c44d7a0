import { type ResourcePricer } from '../../engine/pricer';
import { usagePer } from './common';

/** aws_cloudwatch_log_group: ingestion and storage (usage). https://aws.amazon.com/cloudwatch/pricing/ */
export const awsCloudwatchLogGroup: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_cloudwatch_log_group'],
  usage: [
    { key: 'monthly_data_ingested_gb', unit: 'GB', description: 'Log data ingested per month' },
    { key: 'storage_gb', unit: 'GB', description: 'Archived (compressed) log storage' },
  ],
  price(ctx) {
    const cls = ctx.assume<string>('log_group_class', 'STANDARD', 'log_group_class defaults to STANDARD (provider docs)');
    const ia = cls === 'INFREQUENT_ACCESS';
    return [
      usagePer(ctx, 'monthly_data_ingested_gb', { name: ia ? 'Data ingested (Infrequent Access)' : 'Data ingested', unit: 'GB', sku: ia ? 'logs:infrequent-access:ingestion' : 'logs:standard:ingestion' }),
      usagePer(ctx, 'storage_gb', { name: 'Archival storage', unit: 'GB', sku: 'logs:storage' }),
    ];
  },
};

/** aws_kms_key: key-month and requests (usage). https://aws.amazon.com/kms/pricing/ */
export const awsKmsKey: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_kms_key'],
  usage: [{ key: 'monthly_requests', unit: 'requests', description: 'Cryptographic and other API requests per month (symmetric keys)' }],
  price(ctx) {
    const spec = ctx.assume<string>('customer_master_key_spec', 'SYMMETRIC_DEFAULT', 'customer_master_key_spec defaults to SYMMETRIC_DEFAULT (provider docs)');
    if (spec !== 'SYMMETRIC_DEFAULT') {
      ctx.note({ attribute: 'customer_master_key_spec', assumed: 'symmetric request price', cause: spec, reason: 'asymmetric and HMAC key requests have their own prices, not in the catalog; the symmetric price is used' });
    }
    return [
      { name: 'Customer managed key', unit: 'months', monthlyQuantity: 1, sku: 'kms:key' },
      usagePer(ctx, 'monthly_requests', { name: 'Requests', unit: '10K requests', sku: 'kms:requests' }, 10_000),
    ];
  },
};

/** aws_secretsmanager_secret: secret-month and API calls (usage). https://aws.amazon.com/secrets-manager/pricing/ */
export const awsSecretsmanagerSecret: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_secretsmanager_secret'],
  usage: [{ key: 'monthly_requests', unit: 'requests', description: 'API calls per month' }],
  price(ctx) {
    return [
      { name: 'Secret', unit: 'months', monthlyQuantity: 1, sku: 'secretsmanager:secret' },
      usagePer(ctx, 'monthly_requests', { name: 'API requests', unit: '10K requests', sku: 'secretsmanager:api' }, 10_000),
    ];
  },
};

/** aws_route53_zone: hosted zone-month and standard queries (usage); global prices. https://aws.amazon.com/route53/pricing/ */
export const awsRoute53Zone: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_route53_zone'],
  usage: [{ key: 'monthly_standard_queries', unit: 'queries', description: 'Standard DNS queries per month' }],
  price(ctx) {
    return [
      { name: 'Hosted zone', unit: 'months', monthlyQuantity: 1, sku: 'route53:hosted-zone', region: 'global' },
      usagePer(ctx, 'monthly_standard_queries', { name: 'Standard queries', unit: '1M requests', sku: 'route53:queries:standard', region: 'global' }, 1_000_000),
    ];
  },
};
