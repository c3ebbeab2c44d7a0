import { awsEcsService, awsLambdaFunction } from './serverless';
import type { CostEstimate } from '../../engine/estimate';
import { estimateOf, lines, priceOne, unsupportedReason, type TestChange } from './test-plan';

describe(awsLambdaFunction.types[0] ?? 'aws_lambda_function', () => {
  it('lists requests and duration at zero without usage', () => {
    const r = priceOne({ type: 'aws_lambda_function', after: { function_name: 'f' } });
    expect(lines(r)).toEqual({ Requests: '0', 'Duration (x86_64) (first 6,000,000,000 GB-seconds)': '0' });
  });

  it('prices requests and GB-seconds from usage by architecture and ephemeral storage', () => {
    const usage = 'version: 0.1\nresource_usage:\n  aws_lambda_function.r0:\n    monthly_requests: 10000000\n    request_duration_ms: 200\n';
    const r = priceOne({ type: 'aws_lambda_function', after: { memory_size: 1024, architectures: ['arm64'], ephemeral_storage: [{ size: 1536 }] } }, { usage });
    expect(lines(r)).toEqual({
      // 10M × $0.20 per 1M = $2
      Requests: '2',
      // 10M × 0.2 s × 1 GB = 2,000,000 GB-s × $0.0000133334 = $26.6668
      'Duration (arm64) (first 7,500,000,000 GB-seconds)': '26.6668',
      // 2,000,000 s × 1 GB above 512 MB × $0.0000000309 = $0.0618
      'Ephemeral storage (above 512 MB)': '0.0618',
    });
  });

  it('uses the x86 price with 128 MB by default', () => {
    const usage = 'version: 0.1\nresource_type_default_usage:\n  aws_lambda_function:\n    monthly_requests: 1000000\n    request_duration_ms: 1000\n';
    // 1M × 1 s × 0.125 GB = 125,000 GB-s × $0.0000166667 = $2.0833375; requests $0.20
    expect(priceOne({ type: 'aws_lambda_function', after: {} }, { usage }).monthlyCost.toDecimalString()).toBe('2.283338');
  });
});

describe(awsEcsService.types[0] ?? 'aws_ecs_service', () => {
  it('prices Fargate tasks from the task size in the usage file', () => {
    const usage = 'version: 0.1\nresource_usage:\n  aws_ecs_service.r0:\n    task_vcpu: 1\n    task_memory_gb: 2\n';
    const r = priceOne({ type: 'aws_ecs_service', after: { launch_type: 'FARGATE', desired_count: 2 } }, { usage });
    // 2 tasks × 1 vCPU × 730 h × $0.04048 = $59.1008; 2 × 2 GB × 730 × $0.004445 = $12.9794 (golden ecs_service_test: $59.10 / $12.98)
    expect(lines(r)).toEqual({ 'Fargate vCPU (x86_64)': '59.1008', 'Fargate memory (x86_64)': '12.9794' });
  });

  const serviceOf = (estimate: CostEstimate) => {
    const found = estimate.resources.find((r) => r.type === 'aws_ecs_service');
    if (!found) throw new Error(`service not priced: ${estimate.unsupported.map((u) => u.reason).join('; ')}`);
    return found;
  };
  /** `task_definition = aws_ecs_task_definition.app.arn` as the configuration writes it. */
  const service = (after: Record<string, unknown>): TestChange => ({
    type: 'aws_ecs_service',
    name: 'app',
    after: { launch_type: 'FARGATE', ...after },
    afterUnknown: { task_definition: true },
    expressions: { task_definition: { references: ['aws_ecs_task_definition.app.arn', 'aws_ecs_task_definition.app'] }, cluster: { references: ['aws_ecs_cluster.main.id', 'aws_ecs_cluster.main'] } },
  });
  const taskDefinition = (after: Record<string, unknown>, afterUnknown: Record<string, unknown> = {}): TestChange => ({
    type: 'aws_ecs_task_definition',
    name: 'app',
    after: { family: 'app', requires_compatibilities: ['FARGATE'], network_mode: 'awsvpc', ...after },
    afterUnknown: { arn: true, revision: true, ...afterUnknown },
  });

  it('prices the task size of the task definition it refers to × desired_count', () => {
    const r = serviceOf(estimateOf([service({ desired_count: 2 }), taskDefinition({ cpu: '1024', memory: '2048' }), { type: 'aws_ecs_cluster', name: 'main', after: { name: 'main' } }]));
    // cpu 1024 units = 1 vCPU, memory 2048 MiB = 2 GB: 2 × 1 × 730 × $0.04048 = $59.1008; 2 × 2 × 730 × $0.004445 = $12.9794
    expect(lines(r)).toEqual({ 'Fargate vCPU (x86_64)': '59.1008', 'Fargate memory (x86_64)': '12.9794' });
    expect(r.assumptions).toEqual(expect.arrayContaining([expect.objectContaining({ attribute: 'aws_ecs_task_definition.app.runtime_platform[0].cpu_architecture', assumed: 'X86_64', cause: 'not set' })]));
  });

  it('prices ARM64 tasks at the Graviton price with ephemeral storage above 20 GB, and prefers the task definition to the usage file', () => {
    const usage = 'version: 0.1\nresource_usage:\n  aws_ecs_service.app:\n    task_vcpu: 4\n    task_memory_gb: 8\n';
    const r = serviceOf(
      estimateOf(
        [
          service({ desired_count: 3 }),
          taskDefinition({ cpu: 512, memory: 1024, runtime_platform: [{ cpu_architecture: 'ARM64', operating_system_family: 'LINUX' }], ephemeral_storage: [{ size_in_gib: 50 }] }),
        ],
        { usage },
      ),
    );
    expect(lines(r)).toEqual({
      // 3 tasks × 0.5 vCPU × 730 h × $0.03238 = $35.4561
      'Fargate vCPU (arm64)': '35.4561',
      // 3 × 1 GB × 730 × $0.00356 = $7.7964
      'Fargate memory (arm64)': '7.7964',
      // 3 × (50 − 20) GB × 730 × $0.000111 = $7.2927
      'Fargate ephemeral storage (above 20 GB)': '7.2927',
    });
  });

  it('falls back to the usage file when the task size is unknown at plan time, and is unsupported without it', () => {
    const plan = [service({ desired_count: 1 }), taskDefinition({}, { cpu: true, memory: true })];
    const usage = 'version: 0.1\nresource_usage:\n  aws_ecs_service.app:\n    task_vcpu: 0.25\n    task_memory_gb: 0.5\n';
    const r = serviceOf(estimateOf(plan, { usage }));
    // 0.25 × 730 × $0.04048 = $7.3876; 0.5 × 730 × $0.004445 = $1.622425
    expect(lines(r)).toEqual({ 'Fargate vCPU (x86_64)': '7.3876', 'Fargate memory (x86_64)': '1.622425' });
    expect(r.assumptions).toEqual(expect.arrayContaining([expect.objectContaining({ attribute: 'task_definition', assumed: 'task size from the usage file', cause: 'unknown at plan time' })]));
    expect(estimateOf(plan).unsupported.map((u) => u.reason)).toEqual([
      'the cpu and memory of aws_ecs_task_definition.app are not known at plan time and the usage file does not give task_vcpu and task_memory_gb for this service',
    ]);
  });

  it('picks the task definition a known task_definition names among those it refers to', () => {
    const worker: TestChange = { type: 'aws_ecs_task_definition', name: 'worker', after: { family: 'worker', revision: 2, cpu: '2048', memory: '4096' }, afterUnknown: { arn: true } };
    const r = serviceOf(
      estimateOf([
        {
          ...service({ desired_count: 1, task_definition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/worker:2' }),
          afterUnknown: {},
          expressions: { task_definition: { references: ['var.use_worker', 'aws_ecs_task_definition.worker.arn', 'aws_ecs_task_definition.app.arn'] } },
        },
        taskDefinition({ cpu: '256', memory: '512' }),
        worker,
      ]),
    );
    // worker: 2 vCPU × 730 × $0.04048 = $59.1008; 4 GB × 730 × $0.004445 = $12.9794
    expect(lines(r)).toEqual({ 'Fargate vCPU (x86_64)': '59.1008', 'Fargate memory (x86_64)': '12.9794' });
  });

  it('is unsupported for Windows Fargate tasks and where the catalog has no Fargate price', () => {
    expect(estimateOf([service({ desired_count: 1 }), taskDefinition({ cpu: '1024', memory: '2048', runtime_platform: [{ cpu_architecture: 'ARM64' }] })], { region: 'ap-southeast-2' }).unsupported.map((u) => u.reason)).toEqual([
      'no list price for Fargate ARM64 tasks in ap-southeast-2',
    ]);
    const estimate = estimateOf([service({ desired_count: 1 }), taskDefinition({ cpu: '1024', memory: '2048', runtime_platform: [{ operating_system_family: 'WINDOWS_SERVER_2022_CORE', cpu_architecture: 'X86_64' }] })]);
    expect(estimate.unsupported.map((u) => u.reason)).toEqual(['aws_ecs_task_definition.app: Fargate WINDOWS_SERVER_2022_CORE tasks are not priced yet (only Linux Fargate prices are in the catalog)']);
  });

  it('costs nothing itself on EC2 and is unsupported on Fargate without a task size', () => {
    expect(priceOne({ type: 'aws_ecs_service', after: { desired_count: 2 } }).components).toEqual([]);
    expect(unsupportedReason({ type: 'aws_ecs_service', after: { launch_type: 'FARGATE', desired_count: 2 } })).toMatch(/task_vcpu and task_memory_gb/);
  });
});
