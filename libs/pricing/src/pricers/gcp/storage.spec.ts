import { estimateOf, monthly, priced } from './test-plan';
import { gcpStorageBucket } from './storage';

const bucket = (after: Record<string, unknown>) => ({ type: 'google_storage_bucket', name: 'b', after: { name: 'b', ...after } });

describe(gcpStorageBucket.types[0], () => {
  it('prices Standard storage and operations in a region from usage', () => {
    const e = estimateOf([bucket({ location: 'US-CENTRAL1' })], {
      usage: { 'google_storage_bucket.b': { storage_gb: 1000, monthly_class_a_operations: 100000, monthly_class_b_operations: 1000000 } },
    });
    // 1,000 GB × $0.02 = $20.00; 10 × 10K Class A × $0.05 = $0.50; 100 × 10K Class B × $0.004 = $0.40
    expect(monthly(e, 'google_storage_bucket.b')).toBe('20.90');
  });

  it('prices the US and EU multi-regions', () => {
    const usage = { 'google_storage_bucket.b': { storage_gb: 150 } };
    // US multi-region Standard 150 GB × $0.026 = $3.90
    expect(monthly(estimateOf([bucket({ location: 'US' })], { usage }), 'google_storage_bucket.b')).toBe('3.90');
    // EU multi-region Coldline 150 GB × $0.007 = $1.05
    expect(monthly(estimateOf([bucket({ location: 'EU', storage_class: 'COLDLINE' })], { usage }), 'google_storage_bucket.b')).toBe('1.05');
  });

  it('prices operations in a multi-region at the dual-region/multi-region rates of the pricing page', () => {
    const usage = { 'google_storage_bucket.b': { storage_gb: 100, monthly_class_a_operations: 100000, monthly_class_b_operations: 1000000 } };
    // US Nearline: 100 GB × $0.015 = $1.50; 10 × 10K Class A × $0.20 ($0.02 per 1,000) = $2.00; 100 × 10K Class B × $0.01 ($0.001 per 1,000) = $1.00
    expect(monthly(estimateOf([bucket({ location: 'US', storage_class: 'NEARLINE' })], { usage }), 'google_storage_bucket.b')).toBe('4.50');
    const ops = { 'google_storage_bucket.b': { monthly_class_a_operations: 20000, monthly_class_b_operations: 20000 } };
    // EU Archive: 2 × 10K Class A × $1.00 ($0.10 per 1,000) = $2.00; 2 × 10K Class B × $0.50 ($0.05 per 1,000) = $1.00
    expect(monthly(estimateOf([bucket({ location: 'EU', storage_class: 'ARCHIVE' })], { usage: ops }), 'google_storage_bucket.b')).toBe('3.00');
    // EU Coldline: 2 × 10K Class A × $0.40 ($0.04 per 1,000) = $0.80; 2 × 10K Class B × $0.10 ($0.01 per 1,000) = $0.20
    expect(monthly(estimateOf([bucket({ location: 'EU', storage_class: 'COLDLINE' })], { usage: ops }), 'google_storage_bucket.b')).toBe('1.00');
  });

  it('adds retrieval for Nearline and lists usage lines at zero without a usage file', () => {
    const e = estimateOf([bucket({ location: 'EUROPE-WEST1', storage_class: 'NEARLINE' })], { usage: { 'google_storage_bucket.b': { storage_gb: 100, monthly_data_retrieval_gb: 50 } } });
    // 100 GB × $0.01 = $1.00; retrieval 50 GB × $0.01 = $0.50
    expect(monthly(e, 'google_storage_bucket.b')).toBe('1.50');
    const none = priced(estimateOf([bucket({ location: 'US' })]), 'google_storage_bucket.b');
    expect(none.components.every((c) => c.usageBased && c.monthlyQuantity.isZero())).toBe(true);
    expect(none.assumptions.map((a) => a.attribute)).toEqual(['storage_class']);
  });

  it('prices the ASIA multi-region', () => {
    const usage = { 'google_storage_bucket.b': { storage_gb: 1000, monthly_class_a_operations: 10000, monthly_data_retrieval_gb: 100 } };
    // ASIA Coldline: 1,000 GB × $0.00875 = $8.75; 1 × 10K Class A × $0.40 ($0.04 per 1,000) = $0.40; retrieval 100 GB × $0.02 = $2.00
    expect(monthly(estimateOf([bucket({ location: 'ASIA', storage_class: 'COLDLINE' })], { usage }), 'google_storage_bucket.b')).toBe('11.15');
  });

  it('reports a location without prices as unsupported', () => {
    const e = estimateOf([bucket({ location: 'NAM4' })]);
    expect(e.unsupported[0]?.reason).toBe('no list price for Cloud Storage standard in location nam4');
  });
});
