import { type ComponentDraft, type ResourcePricer } from '../../engine/pricer';
import { hourly, usagePer } from './common';

/** aws_sqs_queue: requests (usage), standard or FIFO. https://aws.amazon.com/sqs/pricing/ */
export const awsSqsQueue: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_sqs_queue'],
  usage: [{ key: 'monthly_requests', unit: 'requests', description: 'API requests per month (each 64 KB chunk of a payload is one request)' }],
  price(ctx) {
    const fifo = ctx.assume<boolean>('fifo_queue', false, 'fifo_queue defaults to false (provider docs)');
    return [usagePer(ctx, 'monthly_requests', { name: fifo ? 'Requests (FIFO)' : 'Requests (standard)', unit: '1M requests', sku: fifo ? 'sqs:fifo:requests' : 'sqs:standard:requests' }, 1_000_000)];
  },
};

/** aws_sns_topic: API requests (usage). https://aws.amazon.com/sns/pricing/ */
export const awsSnsTopic: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_sns_topic'],
  usage: [{ key: 'monthly_requests', unit: 'requests', description: 'Publish and other API requests per month (64 KB chunks)' }],
  price(ctx) {
    return [usagePer(ctx, 'monthly_requests', { name: 'API requests', unit: '1M requests', sku: 'sns:requests' }, 1_000_000)];
  },
};

/** aws_kinesis_stream: provisioned shard hours and PUT units, or on-demand stream hours and GB in/out. https://aws.amazon.com/kinesis/data-streams/pricing/ */
export const awsKinesisStream: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_kinesis_stream'],
  usage: [
    { key: 'monthly_put_units', unit: 'units', description: 'PUT payload units (25 KB each) per month (provisioned mode)' },
    { key: 'monthly_data_ingested_gb', unit: 'GB', description: 'Data written per month (on-demand mode)' },
    { key: 'monthly_data_retrieved_gb', unit: 'GB', description: 'Data read per month (on-demand mode)' },
  ],
  price(ctx) {
    const mode = ctx.assume<string>('stream_mode_details.0.stream_mode', 'PROVISIONED', 'stream_mode defaults to PROVISIONED (provider docs)');
    if (mode === 'ON_DEMAND') {
      return [
        hourly('Stream (on-demand)', 'kinesis:on-demand:stream'),
        usagePer(ctx, 'monthly_data_ingested_gb', { name: 'Data ingested', unit: 'GB', sku: 'kinesis:on-demand:data-in' }),
        usagePer(ctx, 'monthly_data_retrieved_gb', { name: 'Data retrieved', unit: 'GB', sku: 'kinesis:on-demand:data-out' }),
      ];
    }
    const shards = ctx.assume<number>('shard_count', 1, 'shard_count is required in provisioned mode; 1 assumed');
    const drafts: ComponentDraft[] = [
      hourly(`Shards (${shards})`, 'kinesis:provisioned:shard', shards),
      usagePer(ctx, 'monthly_put_units', { name: 'PUT payload units', unit: '1M units', sku: 'kinesis:provisioned:put-units' }, 1_000_000),
    ];
    return drafts;
  },
};
