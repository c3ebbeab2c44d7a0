import { estimateOf, monthly, priced } from './test-plan';
import { gcpCloudFunction, gcpCloudRunService, gibOf } from './serverless';

describe(gcpCloudFunction.types[0], () => {
  it('prices GHz-seconds, GB-seconds, invocations and egress from usage', () => {
    const e = estimateOf([{ type: 'google_cloudfunctions_function', name: 'f', after: { region: 'us-central1', available_memory_mb: 512 } }], {
      usage: { 'google_cloudfunctions_function.f': { monthly_invocations: 10_000_000, average_request_duration_ms: 150, monthly_outbound_data_gb: 100 } },
    });
    // 150 ms rounds up to 200 ms: 10M × 0.2 s = 2,000,000 s; CPU 0.8 GHz × 2M = 1.6M GHz-s × $0.00001 = $16.00;
    // memory 0.5 GB × 2M = 1M GB-s × $0.0000025 = $2.50; 10M invocations × $0.40/M = $4.00; 100 GB × $0.12 = $12.00
    expect(monthly(e, 'google_cloudfunctions_function.f')).toBe('34.50');
  });

  it('lists zero usage lines and the memory assumption without a usage file', () => {
    const r = priced(estimateOf([{ type: 'google_cloudfunctions_function', name: 'f', after: { region: 'us-central1' } }]), 'google_cloudfunctions_function.f');
    expect(r.monthlyCost.toFixed(2)).toBe('0.00');
    expect(r.components).toHaveLength(4);
    expect(r.assumptions.map((a) => `${a.attribute}=${a.assumed}`)).toEqual(['available_memory_mb=256']);
  });
});

describe(gcpCloudRunService.types[0], () => {
  const limits = { cpu: '2', memory: '1Gi' };
  const svc = (annotations: Record<string, string>) => ({
    type: 'google_cloud_run_service',
    name: 's',
    after: { location: 'us-central1', template: [{ metadata: [{ annotations }], spec: [{ containers: [{ resources: [{ limits }] }] }] }] },
  });

  it('prices request-based billing from requests, duration and concurrency', () => {
    const e = estimateOf([svc({})], { usage: { 'google_cloud_run_service.s': { monthly_requests: 1_000_000, average_request_duration_ms: 500, concurrent_requests_per_instance: 2 } } });
    // busy seconds 1M × 0.5 s / 2 = 250,000; CPU 2 × 250,000 × $0.000024 = $12.00; memory 1 GiB × 250,000 × $0.0000025 = $0.625; requests 1M × $0.40/M
    expect(monthly(e, 'google_cloud_run_service.s')).toBe('13.03');
  });

  it('prices always-allocated CPU per instance-second at the instance-based price', () => {
    const e = estimateOf([svc({ 'run.googleapis.com/cpu-throttling': 'false', 'autoscaling.knative.dev/minScale': '1' })]);
    // 1 instance × 730 h × 3,600 s = 2,628,000 s; CPU 2 × 2,628,000 × $0.000018 = $94.608; memory 2,628,000 × $0.000002 = $5.256
    expect(monthly(e, 'google_cloud_run_service.s')).toBe('99.86');
  });

  it('reads memory limits in Mi, Gi and G', () => {
    expect(gibOf('512Mi').toString()).toBe('0.5');
    expect(gibOf('2Gi').toString()).toBe('2');
    expect(() => gibOf('lots')).toThrow('cannot read Cloud Run memory limit lots');
  });
});
