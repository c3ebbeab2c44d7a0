import Decimal from 'decimal.js';
import { HOURS_PER_MONTH } from '../../money';
import { UnsupportedResource, type ComponentDraft, type ResourcePricer } from '../../engine/pricer';
import { usagePer } from './common';

/** Ephemeral storage included with every Lambda function. */
const LAMBDA_FREE_EPHEMERAL_MB = 512;

/** aws_lambda_function: requests and GB-seconds by architecture (usage), ephemeral storage above 512 MB. https://aws.amazon.com/lambda/pricing/ */
export const awsLambdaFunction: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_lambda_function'],
  usage: [
    { key: 'monthly_requests', unit: 'requests', description: 'Invocations per month' },
    { key: 'request_duration_ms', unit: 'ms', description: 'Average duration of an invocation in milliseconds' },
  ],
  price(ctx) {
    const memoryMb = ctx.assume<number>('memory_size', 128, 'memory_size defaults to 128 MB (provider docs)');
    const arch = ctx.assume<string>('architectures.0', 'x86_64', 'architectures defaults to ["x86_64"] (provider docs)');
    if (arch !== 'x86_64' && arch !== 'arm64') throw new UnsupportedResource(`Lambda architecture ${arch} is not priced (expected x86_64 or arm64)`);
    const ephemeralMb = ctx.assume<number>('ephemeral_storage.0.size', LAMBDA_FREE_EPHEMERAL_MB, 'ephemeral_storage.size defaults to 512 MB (provider docs)');
    const requests = ctx.usage('monthly_requests');
    const durationMs = ctx.usage('request_duration_ms');
    const seconds = requests === undefined || durationMs === undefined ? undefined : new Decimal(requests).times(durationMs).dividedBy(1000);
    const drafts: ComponentDraft[] = [
      usagePer(ctx, 'monthly_requests', { name: 'Requests', unit: '1M requests', sku: 'lambda:requests' }, 1_000_000),
      {
        name: `Duration (${arch})`,
        unit: 'GB-seconds',
        monthlyQuantity: seconds ? seconds.times(memoryMb).dividedBy(1024) : 0,
        sku: `lambda:duration:${arch}`,
        usageBased: true,
      },
    ];
    if (ephemeralMb > LAMBDA_FREE_EPHEMERAL_MB) {
      drafts.push({
        name: 'Ephemeral storage (above 512 MB)',
        unit: 'GB-seconds',
        monthlyQuantity: seconds ? seconds.times(ephemeralMb - LAMBDA_FREE_EPHEMERAL_MB).dividedBy(1024) : 0,
        sku: 'lambda:ephemeral-storage',
        usageBased: true,
      });
    }
    return drafts;
  },
};

/** Fargate includes 20 GB of ephemeral storage per task. */
const FARGATE_FREE_STORAGE_GB = 20;

/**
 * aws_ecs_service on Fargate: tasks × (vCPU-hours + GB-hours). The task size comes from the usage file (the pricer only
 * sees the service's own values, not its task definition). EC2-backed services cost nothing themselves.
 * https://aws.amazon.com/fargate/pricing/
 */
export const awsEcsService: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_ecs_service'],
  usage: [
    { key: 'task_vcpu', unit: 'vCPU', description: 'vCPUs of one task (the task definition cpu / 1024)' },
    { key: 'task_memory_gb', unit: 'GB', description: 'Memory of one task in GB (the task definition memory / 1024)' },
    { key: 'task_ephemeral_storage_gb', unit: 'GB', description: 'Ephemeral storage of one task in GB (20 GB are included)' },
    { key: 'arm64', unit: 'flag', description: '1 when the task definition runtime_platform cpu_architecture is ARM64' },
  ],
  price(ctx) {
    const strategies = ctx.values.blocks('capacity_provider_strategy');
    const provider = strategies[0]?.string('capacity_provider');
    const launchType = provider?.startsWith('FARGATE') ? 'FARGATE' : ctx.assume<string>('launch_type', 'EC2', 'launch_type defaults to EC2 (provider docs)');
    if (launchType !== 'FARGATE') {
      ctx.note({ attribute: 'launch_type', assumed: launchType, cause: 'not Fargate', reason: 'tasks run on the cluster EC2 instances, which are priced as their own resources' });
      return [];
    }
    if (provider === 'FARGATE_SPOT') throw new UnsupportedResource('Fargate Spot prices are not in the catalog yet');
    const tasks = ctx.assume<number>('desired_count', 0, 'desired_count defaults to 0 (provider docs)');
    const vcpu = ctx.usage('task_vcpu');
    const memory = ctx.usage('task_memory_gb');
    if (vcpu === undefined || memory === undefined) {
      throw new UnsupportedResource('the Fargate task size is not in the usage file: set task_vcpu and task_memory_gb for this service (its task definition is not visible to the pricer)');
    }
    const arch = ctx.usage('arm64') === 1 ? 'arm64' : 'x86_64';
    const drafts: ComponentDraft[] = [
      { name: `Fargate vCPU (${arch})`, unit: 'vCPU-hours', monthlyQuantity: HOURS_PER_MONTH.times(tasks).times(vcpu), sku: `fargate:vcpu:${arch}` },
      { name: `Fargate memory (${arch})`, unit: 'GB-hours', monthlyQuantity: HOURS_PER_MONTH.times(tasks).times(memory), sku: `fargate:memory:${arch}` },
    ];
    const storage = ctx.usage('task_ephemeral_storage_gb');
    if (storage !== undefined && storage > FARGATE_FREE_STORAGE_GB) {
      drafts.push({ name: 'Fargate ephemeral storage (above 20 GB)', unit: 'GB-hours', monthlyQuantity: HOURS_PER_MONTH.times(tasks).times(storage - FARGATE_FREE_STORAGE_GB), sku: 'fargate:ephemeral-storage' });
    }
    return drafts;
  },
};
