import { awsCloudwatchLogGroup, awsKmsKey, awsRoute53Zone, awsSecretsmanagerSecret } from './management';
import { lines, priceOne } from './test-plan';

const usageFor = (address: string, values: Record<string, number>) => `version: 0.1\nresource_usage:\n  ${address}:\n${Object.entries(values).map(([k, v]) => `    ${k}: ${v}`).join('\n')}\n`;

describe(awsCloudwatchLogGroup.types[0] ?? 'aws_cloudwatch_log_group', () => {
  it('prices ingestion and storage by region and class', () => {
    const usage = usageFor('aws_cloudwatch_log_group.r0', { monthly_data_ingested_gb: 100, storage_gb: 1000 });
    // eu-central-1: 100 GB × $0.63 = $63; 1000 GB × $0.0324 = $32.40
    expect(lines(priceOne({ type: 'aws_cloudwatch_log_group', after: {} }, { usage, region: 'eu-central-1' }))).toEqual({ 'Data ingested': '63', 'Archival storage': '32.4' });
    // us-east-1 Infrequent Access: 100 GB × $0.25 = $25; 1000 × $0.03 = $30
    expect(priceOne({ type: 'aws_cloudwatch_log_group', after: { log_group_class: 'INFREQUENT_ACCESS' } }, { usage }).monthlyCost.toDecimalString()).toBe('55');
  });
});

describe(awsKmsKey.types[0] ?? 'aws_kms_key', () => {
  it('prices the key-month and requests', () => {
    // $1 + 1M requests / 10K × $0.03 = $3
    expect(priceOne({ type: 'aws_kms_key', after: {} }, { usage: usageFor('aws_kms_key.r0', { monthly_requests: 1_000_000 }) }).monthlyCost.toDecimalString()).toBe('4');
  });
});

describe(awsSecretsmanagerSecret.types[0] ?? 'aws_secretsmanager_secret', () => {
  it('prices the secret-month and API calls', () => {
    // $0.40 + 100K / 10K × $0.05 = $0.50
    expect(priceOne({ type: 'aws_secretsmanager_secret', after: {} }, { usage: usageFor('aws_secretsmanager_secret.r0', { monthly_requests: 100_000 }) }).monthlyCost.toDecimalString()).toBe('0.9');
  });
});

describe(awsRoute53Zone.types[0] ?? 'aws_route53_zone', () => {
  it('prices the hosted zone and query tiers at global prices in any region', () => {
    const r = priceOne({ type: 'aws_route53_zone', after: { name: 'example.com' } }, { region: 'ap-southeast-2', usage: usageFor('aws_route53_zone.r0', { monthly_standard_queries: 1_500_000_000 }) });
    // $0.50 + 1,000M × $0.40 per 1M = $400 + 500M × $0.20 per 1M = $100
    expect(r.monthlyCost.toDecimalString()).toBe('500.5');
  });
});
