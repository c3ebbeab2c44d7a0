import { awsEcsService, awsLambdaFunction } from './serverless';
import { lines, priceOne, unsupportedReason } from './test-plan';

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

  it('costs nothing itself on EC2 and is unsupported on Fargate without a task size', () => {
    expect(priceOne({ type: 'aws_ecs_service', after: { desired_count: 2 } }).components).toEqual([]);
    expect(unsupportedReason({ type: 'aws_ecs_service', after: { launch_type: 'FARGATE', desired_count: 2 } })).toMatch(/task_vcpu and task_memory_gb/);
  });
});
