import Decimal from 'decimal.js';
import { HOURS_PER_MONTH } from '../../money';
import { UnsupportedResource, type ComponentDraft, type PricerContext, type ResourcePricer } from '../../engine/pricer';
import { compatible, referencedOne, requirePrice, usagePer, type Referenced } from './common';

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

/** The size of one Fargate task. */
interface FargateTask {
  readonly vcpu: Decimal.Value;
  readonly memoryGb: Decimal.Value;
  readonly arch: 'x86_64' | 'arm64';
  readonly ephemeralStorageGb: number | undefined;
}

/** Whether a task definition is the one a service's `task_definition` (family, `family:revision` or ARN) names, when known. */
function namesTaskDefinition(own: string | undefined, family: string | undefined, revision: string | undefined, arn: string | undefined): boolean {
  if (own === undefined || family === undefined) return true;
  if (own === arn || own === family || own === `${family}:${revision ?? ''}`) return true;
  const fromArn = /:task-definition\/([^:]+)/.exec(own)?.[1];
  return compatible(fromArn ?? own.split(':')[0], family);
}

/**
 * The task size from the referenced `aws_ecs_task_definition`: `cpu` CPU units / 1024, `memory` MiB / 1024,
 * `runtime_platform` architecture and ephemeral storage. Undefined when its cpu or memory is not known at plan time.
 */
function taskFromDefinition(ref: Referenced): FargateTask | undefined {
  const { ctx, resource } = ref;
  const os = ctx.assume<string>('runtime_platform.0.operating_system_family', 'LINUX', 'runtime_platform.operating_system_family defaults to LINUX (ECS RegisterTaskDefinition API)');
  if (os !== 'LINUX') throw new UnsupportedResource(`${resource.address}: Fargate ${os} tasks are not priced yet (only Linux Fargate prices are in the catalog)`);
  const architecture = ctx.assume<string>('runtime_platform.0.cpu_architecture', 'X86_64', 'runtime_platform.cpu_architecture defaults to X86_64 (ECS RegisterTaskDefinition API)');
  if (architecture !== 'X86_64' && architecture !== 'ARM64') throw new UnsupportedResource(`${resource.address}: unknown cpu_architecture ${architecture} (expected X86_64 or ARM64)`);
  const cpu = ctx.values.number('cpu');
  const memory = ctx.values.number('memory');
  if (cpu === undefined || memory === undefined) return undefined;
  return {
    vcpu: new Decimal(cpu).dividedBy(1024),
    memoryGb: new Decimal(memory).dividedBy(1024),
    arch: architecture === 'ARM64' ? 'arm64' : 'x86_64',
    ephemeralStorageGb: ctx.values.number('ephemeral_storage.0.size_in_gib'),
  };
}

/** The task size from the usage file, undefined without task_vcpu and task_memory_gb. */
function taskFromUsage(ctx: PricerContext): FargateTask | undefined {
  const vcpu = ctx.usage('task_vcpu');
  const memory = ctx.usage('task_memory_gb');
  if (vcpu === undefined || memory === undefined) return undefined;
  return { vcpu, memoryGb: memory, arch: ctx.usage('arm64') === 1 ? 'arm64' : 'x86_64', ephemeralStorageGb: ctx.usage('task_ephemeral_storage_gb') };
}

/**
 * aws_ecs_service on Fargate: tasks × (vCPU-hours + GB-hours) by architecture, plus ephemeral storage above 20 GB. The
 * task size comes from the `aws_ecs_task_definition` the service refers to when it is in the plan, else from the usage
 * file. EC2-backed services cost nothing themselves. https://aws.amazon.com/fargate/pricing/
 */
export const awsEcsService: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_ecs_service'],
  usage: [
    { key: 'task_vcpu', unit: 'vCPU', description: 'vCPUs of one task (the task definition cpu / 1024), when the task definition is not in the plan' },
    { key: 'task_memory_gb', unit: 'GB', description: 'Memory of one task in GB (the task definition memory / 1024), when the task definition is not in the plan' },
    { key: 'task_ephemeral_storage_gb', unit: 'GB', description: 'Ephemeral storage of one task in GB (20 GB are included), when the task definition is not in the plan' },
    { key: 'arm64', unit: 'flag', description: '1 when the task definition runtime_platform cpu_architecture is ARM64, when the task definition is not in the plan' },
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
    const own = ctx.values.string('task_definition');
    const definition = referencedOne(ctx, 'aws_ecs_task_definition', (v) => namesTaskDefinition(own, v.string('family'), v.string('revision'), v.string('arn')));
    const fromDefinition = definition && taskFromDefinition(definition);
    const task = fromDefinition ?? taskFromUsage(ctx);
    if (!task) {
      throw new UnsupportedResource(
        definition
          ? `the cpu and memory of ${definition.resource.address} are not known at plan time and the usage file does not give task_vcpu and task_memory_gb for this service`
          : 'the Fargate task size is not in the usage file: set task_vcpu and task_memory_gb for this service (its task definition is not a resource of this plan)',
      );
    }
    if (definition && !fromDefinition) {
      ctx.note({ attribute: 'task_definition', assumed: 'task size from the usage file', cause: 'unknown at plan time', reason: `the cpu or memory of ${definition.resource.address} is not known at plan time` });
    }
    const { arch } = task;
    requirePrice(ctx, `fargate:vcpu:${arch}`, `Fargate ${arch === 'arm64' ? 'ARM64' : 'x86_64'} tasks`);
    const hours = HOURS_PER_MONTH.times(tasks);
    const drafts: ComponentDraft[] = [
      { name: `Fargate vCPU (${arch})`, unit: 'vCPU-hours', monthlyQuantity: hours.times(task.vcpu), sku: `fargate:vcpu:${arch}` },
      { name: `Fargate memory (${arch})`, unit: 'GB-hours', monthlyQuantity: hours.times(task.memoryGb), sku: `fargate:memory:${arch}` },
    ];
    const storage = task.ephemeralStorageGb;
    if (storage !== undefined && storage > FARGATE_FREE_STORAGE_GB) {
      drafts.push({ name: 'Fargate ephemeral storage (above 20 GB)', unit: 'GB-hours', monthlyQuantity: hours.times(storage - FARGATE_FREE_STORAGE_GB), sku: 'fargate:ephemeral-storage' });
    }
    return drafts;
  },
};
