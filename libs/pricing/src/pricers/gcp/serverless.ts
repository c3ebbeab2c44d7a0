import Decimal from 'decimal.js';
import { UnsupportedResource, type ResourcePricer } from '../../engine/pricer';
import { HOURS_PER_MONTH } from '../../money';
import { usageLine } from '../helpers';

/** CPU clock of a Cloud Functions (1st gen) memory size (Cloud Functions pricing: compute time table). */
const FUNCTION_GHZ: Readonly<Record<number, string>> = { 128: '0.2', 256: '0.4', 512: '0.8', 1024: '1.4', 2048: '2.4', 4096: '4.8', 8192: '4.8' };

/** google_cloudfunctions_function: invocations, GB-seconds and GHz-seconds of compute time by memory size, outbound data. */
export const gcpCloudFunction: ResourcePricer = {
  cloud: 'gcp',
  types: ['google_cloudfunctions_function'],
  usage: [
    { key: 'monthly_invocations', unit: 'invocations', description: 'Function invocations per month' },
    { key: 'average_request_duration_ms', unit: 'ms', description: 'Average execution time of an invocation (rounded up to 100 ms by Google)' },
    { key: 'monthly_outbound_data_gb', unit: 'GB', description: 'Outbound data transfer per month' },
  ],
  price(ctx) {
    const memoryMb = ctx.assume('available_memory_mb', 256, 'provider default: available_memory_mb = 256');
    const ghz = FUNCTION_GHZ[memoryMb];
    if (!ghz) throw new UnsupportedResource(`no list price for a Cloud Function with ${memoryMb} MB: not one of Google's memory sizes`);
    const invocations = ctx.usage('monthly_invocations') ?? 0;
    const durationMs = ctx.usage('average_request_duration_ms') ?? 0;
    const seconds = new Decimal(invocations).times(new Decimal(durationMs).dividedBy(100).ceil().times(100)).dividedBy(1000);
    return [
      { name: `CPU (${ghz} GHz)`, unit: 'GHz-seconds', monthlyQuantity: seconds.times(ghz), sku: 'functions:cpu', usageBased: true },
      { name: `Memory (${memoryMb} MB)`, unit: 'GB-seconds', monthlyQuantity: seconds.times(memoryMb).dividedBy(1024), sku: 'functions:memory', usageBased: true },
      usageLine(ctx, 'monthly_invocations', { name: 'Invocations', unit: '1M requests', sku: 'functions:invocations' }, 1 / 1_000_000),
      usageLine(ctx, 'monthly_outbound_data_gb', { name: 'Outbound data transfer', unit: 'GB', sku: 'functions:egress' }),
    ];
  },
};

/** Kubernetes-style quantities of Cloud Run limits: `1000m`/`2` CPUs, `512Mi`/`1Gi`/`2G` memory. */
export function cpuOf(text: string): Decimal {
  return text.endsWith('m') ? new Decimal(text.slice(0, -1)).dividedBy(1000) : new Decimal(text);
}
export function gibOf(text: string): Decimal {
  const m = /^(\d+(?:\.\d+)?)(Mi|Gi|M|G)?$/.exec(text);
  if (!m) throw new UnsupportedResource(`cannot read Cloud Run memory limit ${text}`);
  const n = new Decimal(m[1] ?? 0);
  switch (m[2]) {
    case 'Mi':
      return n.dividedBy(1024);
    case 'M':
      return n.times(1_000_000).dividedBy(1024 ** 3);
    case 'G':
      return n.times(1_000_000_000).dividedBy(1024 ** 3);
    case 'Gi':
      return n;
    default:
      return n.dividedBy(1024 ** 3);
  }
}

/**
 * google_cloud_run_service: request-based billing (CPU throttled) bills vCPU- and GiB-seconds while requests are
 * served plus requests; instance-based billing (`run.googleapis.com/cpu-throttling: false`) bills every instance-second.
 */
export const gcpCloudRunService: ResourcePricer = {
  cloud: 'gcp',
  types: ['google_cloud_run_service'],
  usage: [
    { key: 'monthly_requests', unit: 'requests', description: 'Requests per month' },
    { key: 'average_request_duration_ms', unit: 'ms', description: 'Average request duration' },
    { key: 'concurrent_requests_per_instance', unit: 'requests', description: 'Requests served at once by an instance (default 1: no overlap assumed)' },
    { key: 'instances', unit: 'instances', description: 'Average running instances, for CPU-always-allocated services (default: min instances, at least 1)' },
  ],
  price(ctx) {
    const limits = 'template[0].spec[0].containers[0].resources[0].limits';
    const cpu = cpuOf(ctx.assume(`${limits}.cpu`, '1000m', 'Cloud Run default CPU limit: 1 vCPU'));
    const gib = gibOf(ctx.assume(`${limits}.memory`, '512Mi', 'Cloud Run default memory limit: 512 MiB'));
    const annotations = ctx.values.at('template[0].metadata[0].annotations').values;
    const alwaysOn = String(annotations['run.googleapis.com/cpu-throttling']) === 'false';
    const minScale = Number(annotations['autoscaling.knative.dev/minScale'] ?? 0) || 0;
    if (alwaysOn) {
      const instances = new Decimal(ctx.usage('instances') ?? Math.max(1, minScale));
      const seconds = instances.times(HOURS_PER_MONTH).times(3600);
      return [
        { name: 'CPU (instance-based, always allocated)', unit: 'vCPU-seconds', monthlyQuantity: seconds.times(cpu), sku: 'run:cpu:instance' },
        { name: 'Memory (instance-based, always allocated)', unit: 'GiB-seconds', monthlyQuantity: seconds.times(gib), sku: 'run:memory:instance' },
      ];
    }
    if (minScale > 0) {
      ctx.note({ attribute: 'autoscaling.knative.dev/minScale', assumed: 'idle instances not priced', cause: 'request-based billing', reason: `${minScale} idle minimum instance(s) are billed at Cloud Run's idle rate, which the catalog does not hold` });
    }
    const requests = ctx.usage('monthly_requests') ?? 0;
    const busySeconds = new Decimal(requests)
      .times(ctx.usage('average_request_duration_ms') ?? 0)
      .dividedBy(1000)
      .dividedBy(Math.max(1, ctx.usage('concurrent_requests_per_instance') ?? 1));
    return [
      { name: 'CPU (request-based)', unit: 'vCPU-seconds', monthlyQuantity: busySeconds.times(cpu), sku: 'run:cpu:request', usageBased: true },
      { name: 'Memory (request-based)', unit: 'GiB-seconds', monthlyQuantity: busySeconds.times(gib), sku: 'run:memory:request', usageBased: true },
      usageLine(ctx, 'monthly_requests', { name: 'Requests', unit: '1M requests', sku: 'run:requests' }, 1 / 1_000_000),
    ];
  },
};
