import { awsEfsFileSystem, awsS3Bucket } from './storage';
import { lines, priceOne, unsupportedReason } from './test-plan';

describe(awsS3Bucket.types[0] ?? 'aws_s3_bucket', () => {
  it('lists Standard storage and requests at zero without usage', () => {
    const r = priceOne({ type: 'aws_s3_bucket', after: { bucket: 'logs' } });
    expect(Object.keys(lines(r))).toEqual(['Storage (Standard) (first 51,200 GB)', 'PUT, COPY, POST, LIST requests (Standard)', 'GET, SELECT and other requests (Standard)']);
    expect(r.monthlyCost.toDecimalString()).toBe('0');
    expect(r.components.every((c) => c.usageBased)).toBe(true);
  });

  it('prices Standard storage tiers and requests from usage', () => {
    const usage = 'version: 0.1\nresource_usage:\n  aws_s3_bucket.r0:\n    standard_storage_gb: 60000\n    standard_monthly_tier_1_requests: 1000000\n    standard_monthly_tier_2_requests: 10000000\n';
    expect(lines(priceOne({ type: 'aws_s3_bucket', after: {} }, { usage }))).toEqual({
      // 51,200 GB × $0.023 = $1,177.60; 8,800 GB × $0.022 = $193.60
      'Storage (Standard) (first 51,200 GB)': '1177.6',
      'Storage (Standard) (next 460,800 GB)': '193.6',
      // 1M / 1,000 × $0.005 = $5; 10M / 1,000 × $0.0004 = $4
      'PUT, COPY, POST, LIST requests (Standard)': '5',
      'GET, SELECT and other requests (Standard)': '4',
    });
  });

  it('adds the other storage classes that the usage file mentions', () => {
    const usage = 'version: 0.1\nresource_usage:\n  aws_s3_bucket.r0:\n    standard_ia_storage_gb: 1000\n    standard_ia_monthly_data_retrieval_gb: 100\n    glacier_deep_archive_storage_gb: 10000\n';
    const l = lines(priceOne({ type: 'aws_s3_bucket', after: {} }, { usage }));
    // Standard-IA $0.0125 × 1000 = $12.50; retrieval $0.01 × 100 = $1; Deep Archive $0.00099 × 10000 = $9.90
    expect(l).toMatchObject({ 'Storage (Standard-IA)': '12.5', 'Data retrieval (Standard-IA)': '1', 'Storage (Glacier Deep Archive)': '9.9' });
    expect(Object.keys(l).some((k) => k.includes('One Zone'))).toBe(false);
  });

  it('uses the eu-central-1 prices and is unsupported for a class it lacks there', () => {
    // 100 GB × $0.0245 = $2.45
    expect(priceOne({ type: 'aws_s3_bucket', after: {} }, { region: 'eu-central-1', usage: 'version: 0.1\nresource_usage:\n  aws_s3_bucket.r0:\n    standard_storage_gb: 100\n' }).monthlyCost.toDecimalString()).toBe('2.45');
    expect(unsupportedReason({ type: 'aws_s3_bucket', after: {} }, { region: 'eu-central-1', usage: 'version: 0.1\nresource_usage:\n  aws_s3_bucket.r0:\n    glacier_deep_archive_storage_gb: 1\n' })).toMatch(/s3:glacier-deep-archive:storage in eu-central-1/);
  });
});

describe(awsEfsFileSystem.types[0] ?? 'aws_efs_file_system', () => {
  it('prices Standard and IA storage from usage and provisioned throughput', () => {
    const usage = 'version: 0.1\nresource_usage:\n  aws_efs_file_system.r0:\n    storage_gb: 100\n    infrequent_access_storage_gb: 500\n    monthly_infrequent_access_read_gb: 50\n';
    const r = priceOne({ type: 'aws_efs_file_system', after: { throughput_mode: 'provisioned', provisioned_throughput_in_mibps: 10 } }, { usage });
    // $0.30 × 100 = $30; IA $0.016 × 500 = $8; IA reads $0.01 × 50 = $0.50; 10 MBps × $6.00 = $60
    expect(lines(r)).toEqual({ 'Storage (Standard)': '30', 'Storage (Infrequent Access)': '8', 'Read requests (Infrequent Access)': '0.5', 'Provisioned throughput': '60' });
  });

  it('prices One Zone storage and notes elastic throughput', () => {
    const r = priceOne({ type: 'aws_efs_file_system', after: { availability_zone_name: 'us-east-1a', throughput_mode: 'elastic' } }, { usage: 'version: 0.1\nresource_usage:\n  aws_efs_file_system.r0:\n    storage_gb: 100\n' });
    // One Zone $0.16 × 100 = $16
    expect(lines(r)).toEqual({ 'Storage (One Zone)': '16' });
    expect(r.assumptions.some((a) => a.attribute === 'throughput_mode')).toBe(true);
  });
});
