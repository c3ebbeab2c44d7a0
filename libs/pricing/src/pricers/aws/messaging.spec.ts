import { awsKinesisStream, awsSnsTopic, awsSqsQueue } from './messaging';
import { lines, priceOne } from './test-plan';

const usageFor = (address: string, values: Record<string, number>) => `version: 0.1\nresource_usage:\n  ${address}:\n${Object.entries(values).map(([k, v]) => `    ${k}: ${v}`).join('\n')}\n`;

describe(awsSqsQueue.types[0] ?? 'aws_sqs_queue', () => {
  it('prices standard and FIFO requests from usage', () => {
    // 10M × $0.40 per 1M = $4
    expect(priceOne({ type: 'aws_sqs_queue', after: {} }, { usage: usageFor('aws_sqs_queue.r0', { monthly_requests: 10_000_000 }) }).monthlyCost.toDecimalString()).toBe('4');
    // 10M × $0.50 per 1M = $5
    expect(priceOne({ type: 'aws_sqs_queue', after: { fifo_queue: true } }, { usage: usageFor('aws_sqs_queue.r0', { monthly_requests: 10_000_000 }) }).monthlyCost.toDecimalString()).toBe('5');
  });
});

describe(awsSnsTopic.types[0] ?? 'aws_sns_topic', () => {
  it('prices requests from usage', () => {
    // 3M × $0.50 per 1M = $1.50
    expect(priceOne({ type: 'aws_sns_topic', after: {} }, { usage: usageFor('aws_sns_topic.r0', { monthly_requests: 3_000_000 }) }).monthlyCost.toDecimalString()).toBe('1.5');
  });
});

describe(awsKinesisStream.types[0] ?? 'aws_kinesis_stream', () => {
  it('prices provisioned shards and PUT units', () => {
    const r = priceOne({ type: 'aws_kinesis_stream', after: { shard_count: 4 } }, { usage: usageFor('aws_kinesis_stream.r0', { monthly_put_units: 100_000_000 }) });
    // 4 shards × 730 × $0.015 = $43.80; 100M units × $0.014 per 1M = $1.40
    expect(lines(r)).toEqual({ 'Shards (4)': '43.8', 'PUT payload units': '1.4' });
  });

  it('prices an on-demand stream', () => {
    const r = priceOne({ type: 'aws_kinesis_stream', after: { stream_mode_details: [{ stream_mode: 'ON_DEMAND' }] } }, { usage: usageFor('aws_kinesis_stream.r0', { monthly_data_ingested_gb: 100, monthly_data_retrieved_gb: 200 }) });
    // $0.04 × 730 = $29.20; 100 GB × $0.08 = $8; 200 GB × $0.04 = $8
    expect(r.monthlyCost.toDecimalString()).toBe('45.2');
  });
});
