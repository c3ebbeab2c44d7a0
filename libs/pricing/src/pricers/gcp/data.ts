import Decimal from 'decimal.js';
import { UnsupportedResource, type ResourcePricer } from '../../engine/pricer';
import { monthlyHours, usageLine } from '../helpers';

/** Memorystore capacity bands (Memorystore for Redis pricing): M1 1–4 GB, M2 5–10, M3 11–35, M4 36–100, M5 over 100. */
export function redisBand(gb: number): string {
  if (gb <= 4) return 'm1';
  if (gb <= 10) return 'm2';
  if (gb <= 35) return 'm3';
  if (gb <= 100) return 'm4';
  return 'm5';
}

/** google_redis_instance: provisioned GB × hours at the tier's (Basic / Standard HA) price for the capacity band. */
export const gcpRedisInstance: ResourcePricer = {
  cloud: 'gcp',
  types: ['google_redis_instance'],
  price(ctx) {
    const tier = ctx.assume('tier', 'BASIC', 'provider default: tier = BASIC').toUpperCase() === 'STANDARD_HA' ? 'standard' : 'basic';
    const gb = ctx.assume('memory_size_gb', 1, 'memory_size_gb is required by the provider; the 1 GB minimum is assumed');
    const band = redisBand(gb);
    const sku = `redis:${tier}:${band}`;
    if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for Memorystore ${tier} ${band.toUpperCase()} in ${ctx.region}`);
    return [{ name: `Redis instance (${tier}, ${band.toUpperCase()}, ${gb} GB)`, unit: 'GB-hours', monthlyQuantity: monthlyHours(gb), sku }];
  },
};

/** google_pubsub_topic: message delivery throughput and retained-message storage, from usage. */
export const gcpPubsubTopic: ResourcePricer = {
  cloud: 'gcp',
  types: ['google_pubsub_topic'],
  usage: [
    { key: 'monthly_message_data_tib', unit: 'TiB', description: 'Message data published and delivered per month' },
    { key: 'storage_gb', unit: 'GB', description: 'Retained message storage (average GiB per month)' },
  ],
  price(ctx) {
    return [
      usageLine(ctx, 'monthly_message_data_tib', { name: 'Message delivery throughput', unit: 'TiB', sku: 'pubsub:throughput', region: 'global' }),
      usageLine(ctx, 'storage_gb', { name: 'Retained message storage', unit: 'GB', sku: 'pubsub:storage', region: 'global' }),
    ];
  },
};

/** google_bigquery_dataset: active and long-term storage and on-demand queries, from usage. */
export const gcpBigqueryDataset: ResourcePricer = {
  cloud: 'gcp',
  types: ['google_bigquery_dataset'],
  usage: [
    { key: 'active_storage_gb', unit: 'GB', description: 'Active logical storage (GB per month)' },
    { key: 'long_term_storage_gb', unit: 'GB', description: 'Long-term logical storage (GB per month)' },
    { key: 'monthly_query_data_tib', unit: 'TiB', description: 'Data scanned by on-demand queries per month' },
  ],
  price(ctx) {
    ctx.note({ attribute: 'free tier', assumed: 'not applied', cause: 'billing-account allowance', reason: 'the first 1 TiB of queries and 10 GB of storage per month are free per billing account, not per dataset' });
    return [
      usageLine(ctx, 'active_storage_gb', { name: 'Active storage', unit: 'GB', sku: 'bigquery:storage:active' }),
      usageLine(ctx, 'long_term_storage_gb', { name: 'Long-term storage', unit: 'GB', sku: 'bigquery:storage:long-term' }),
      usageLine(ctx, 'monthly_query_data_tib', { name: 'Queries (on-demand)', unit: 'TiB', sku: 'bigquery:query:on-demand' }),
    ];
  },
};

/** google_kms_crypto_key: key versions per month by protection level (SOFTWARE / HSM) and operations, versions and operations from usage. */
export const gcpKmsCryptoKey: ResourcePricer = {
  cloud: 'gcp',
  types: ['google_kms_crypto_key'],
  usage: [
    { key: 'key_versions', unit: 'versions', description: 'Active key versions (default 1; rotation adds one per period)' },
    { key: 'monthly_key_operations', unit: 'operations', description: 'Cryptographic operations per month' },
  ],
  price(ctx) {
    const level = ctx.assume('version_template[0].protection_level', 'SOFTWARE', 'provider default: version_template.protection_level = SOFTWARE').toUpperCase();
    const kind = level === 'HSM' ? 'hsm' : level === 'SOFTWARE' ? 'software' : undefined;
    if (!kind) throw new UnsupportedResource(`no list price for Cloud KMS protection level ${level}`);
    const versions = ctx.usage('key_versions');
    if (versions === undefined) ctx.note({ attribute: 'usage.key_versions', assumed: '1', cause: 'not in the usage file', reason: 'one active key version' });
    return [
      { name: `Key versions (${kind})`, unit: 'months', monthlyQuantity: new Decimal(versions ?? 1), sku: `kms:key-version:${kind}`, region: 'global' },
      usageLine(ctx, 'monthly_key_operations', { name: `Operations (${kind})`, unit: '10K requests', sku: `kms:operations:${kind}`, region: 'global' }, 1 / 10000),
    ];
  },
};
