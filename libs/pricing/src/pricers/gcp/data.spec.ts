import { estimateOf, monthly, priced } from './test-plan';
import { gcpBigqueryDataset, gcpKmsCryptoKey, gcpPubsubTopic, gcpRedisInstance } from './data';

describe(gcpRedisInstance.types[0], () => {
  it('prices Basic and Standard HA by capacity band', () => {
    const e = estimateOf([
      { type: 'google_redis_instance', name: 'basic', after: { region: 'us-central1', memory_size_gb: 5 } },
      { type: 'google_redis_instance', name: 'ha', after: { region: 'us-central1', tier: 'STANDARD_HA', memory_size_gb: 1 } },
    ]);
    // Basic M2 (5–10 GB): 5 GB × 730 h × $0.027 = $98.55
    expect(monthly(e, 'google_redis_instance.basic')).toBe('98.55');
    // Standard M1: 1 GB × 730 h × $0.064 = $46.72
    expect(monthly(e, 'google_redis_instance.ha')).toBe('46.72');
    expect(priced(e, 'google_redis_instance.basic').assumptions.map((a) => a.attribute)).toEqual(['tier']);
  });

  it('reports regions without Memorystore prices as unsupported', () => {
    const e = estimateOf([{ type: 'google_redis_instance', name: 'eu', after: { region: 'europe-west1', memory_size_gb: 5 } }]);
    expect(e.unsupported[0]?.reason).toBe('no list price for Memorystore basic M2 in europe-west1');
  });
});

describe(gcpPubsubTopic.types[0], () => {
  it('prices message throughput and retained storage from usage', () => {
    const e = estimateOf([{ type: 'google_pubsub_topic', name: 't', after: { name: 't' } }], { usage: { 'google_pubsub_topic.t': { monthly_message_data_tib: 10, storage_gb: 100 } } });
    // 10 TiB × $40 = $400.00; 100 GiB × $0.27 = $27.00
    expect(monthly(e, 'google_pubsub_topic.t')).toBe('427.00');
  });
});

describe(gcpBigqueryDataset.types[0], () => {
  it('prices storage and on-demand queries in the US multi-region from usage', () => {
    const e = estimateOf([{ type: 'google_bigquery_dataset', name: 'd', after: { location: 'US' } }], {
      usage: { 'google_bigquery_dataset.d': { active_storage_gb: 1000, long_term_storage_gb: 2000, monthly_query_data_tib: 100.3 } },
    });
    // 1,000 GB × $0.02 = $20.00; 2,000 GB × $0.01 = $20.00; 100.3 TiB × $6.25 = $626.875
    expect(monthly(e, 'google_bigquery_dataset.d')).toBe('666.88');
  });

  it('prices storage at the us-central1 region list prices, not the US multi-region ones', () => {
    const e = estimateOf([{ type: 'google_bigquery_dataset', name: 'd', after: { location: 'us-central1' } }], {
      usage: { 'google_bigquery_dataset.d': { active_storage_gb: 1000, long_term_storage_gb: 2000 } },
    });
    // Billing Catalog SKUs 'Active Logical Storage (us-central1)' $0.023 and 'Long Term Logical Storage (us-central1)' $0.016 per GB:
    // 1,000 GB × $0.023 = $23.00; 2,000 GB × $0.016 = $32.00
    expect(monthly(e, 'google_bigquery_dataset.d')).toBe('55.00');
  });
});

describe(gcpKmsCryptoKey.types[0], () => {
  it('prices software key versions and operations', () => {
    const e = estimateOf([{ type: 'google_kms_crypto_key', name: 'k', after: { name: 'k' } }], { usage: { 'google_kms_crypto_key.k': { monthly_key_operations: 10000 } } });
    // 1 version × $0.06 = $0.06; 1 × 10K operations × $0.03 = $0.03
    expect(monthly(e, 'google_kms_crypto_key.k')).toBe('0.09');
  });

  it('prices HSM key versions in volume tiers', () => {
    const e = estimateOf([{ type: 'google_kms_crypto_key', name: 'k', after: { name: 'k', version_template: [{ protection_level: 'HSM' }] } }], {
      usage: { 'google_kms_crypto_key.k': { key_versions: 5000, monthly_key_operations: 10000 } },
    });
    // first 2,000 × $2.50 = $5,000; next 3,000 × $1.00 = $3,000; 10K HSM operations × $0.15
    expect(monthly(e, 'google_kms_crypto_key.k')).toBe('8000.15');
  });
});
