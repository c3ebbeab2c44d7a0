import Decimal from 'decimal.js';
import type { ComponentDraft, PricerContext, ResourcePricer } from '../../engine/pricer';
import { monthlyHours, usageLine } from '../helpers';
import { diskLine, machineLines, sustainedUseEligible } from './machine-types';

/** GKE node defaults (GKE node pool documentation; provider `node_config` defaults). */
const NODE_MACHINE_TYPE = 'e2-medium';
const NODE_DISK_GB = 100;
const NODE_DISK_TYPE = 'pd-balanced';
/** A regional cluster or node pool runs its nodes in 3 zones of the region unless node_locations says otherwise. */
const ZONES_OF_A_REGION = 3;

/** Zones a cluster or node pool runs nodes in: node_locations when known, else 3 for a region, 1 for a zone. */
function zoneCount(ctx: PricerContext, path: string, location: string | undefined): number {
  const locations = ctx.values.list(path);
  if (locations && locations.length > 0) return locations.length;
  if (location && /-[a-z]$/.test(location)) return 1;
  ctx.note({ attribute: path, assumed: String(ZONES_OF_A_REGION), cause: ctx.values.isUnknown(path) ? 'unknown at plan time' : 'not set', reason: 'a regional cluster runs its nodes in 3 zones of the region (GKE regional cluster default)' });
  return ZONES_OF_A_REGION;
}

interface PoolOptions {
  /** Attribute path of the pool (`''` for a google_container_node_pool, `node_pool[1]` inside a cluster). */
  readonly base: string;
  /** Path of the node_config block. */
  readonly config: string;
  readonly label: string;
  readonly zones: number;
  /** Per-zone node count when neither node_count, initial_node_count nor autoscaling gives one. */
  readonly defaultCount: number;
  readonly defaultCountReason: string;
}

/** VM and boot disk lines of one node pool: machine type × nodes per zone × zones. */
function poolLines(ctx: PricerContext, o: PoolOptions, totalNodes?: number): ComponentDraft[] {
  const p = (attr: string) => (o.base ? `${o.base}.${attr}` : attr);
  let nodes: number;
  if (totalNodes !== undefined) nodes = totalNodes;
  else {
    const known = ctx.values.number(p('node_count')) ?? ctx.values.number(p('initial_node_count'));
    const min = ctx.values.number(p('autoscaling[0].min_node_count')) ?? ctx.values.number(p('autoscaling[0].total_min_node_count'));
    const perZone = known ?? (min !== undefined ? ctx.assume(p('node_count'), min, 'autoscaling: the pool is assumed to run at its minimum node count') : ctx.assume(p('node_count'), o.defaultCount, o.defaultCountReason));
    nodes = ctx.values.number(p('autoscaling[0].total_min_node_count')) !== undefined && known === undefined ? perZone : perZone * o.zones;
  }
  const c = (attr: string) => `${o.config}.${attr}`;
  const machineType = ctx.assume(c('machine_type'), NODE_MACHINE_TYPE, 'GKE default node machine type e2-medium');
  const spot = ctx.values.boolean(c('spot')) === true || ctx.values.boolean(c('preemptible')) === true;
  const diskGb = ctx.assume(c('disk_size_gb'), NODE_DISK_GB, 'GKE default node boot disk size 100 GB');
  const diskType = ctx.assume(c('disk_type'), NODE_DISK_TYPE, 'GKE default node boot disk type pd-balanced (GKE 1.24 and later)');
  if (sustainedUseEligible(machineType, ctx.region)) {
    ctx.note({ attribute: c('machine_type'), assumed: 'no sustained-use discount', cause: 'priced at the on-demand list price', reason: `${machineType} nodes earn Google's automatic sustained-use discount; the estimate shows the list price before it` });
  }
  const label = `${o.label} (${nodes} node${nodes === 1 ? '' : 's'})`;
  return [
    ...machineLines(ctx, { machineType, count: nodes, spot, label }),
    { ...diskLine(ctx, diskType, new Decimal(diskGb).times(nodes), `${label}: Boot disks`) },
  ];
}

const MANAGEMENT_FEE: ComponentDraft = { name: 'Cluster management fee', unit: 'hours', monthlyQuantity: monthlyHours(), sku: 'gke:cluster-management', onDemandOnly: true };

/**
 * google_container_cluster: the cluster management fee (Standard and Autopilot), the default node pool and inline
 * node pools of a Standard cluster, and Autopilot pod resources from usage.
 */
export const gcpContainerCluster: ResourcePricer = {
  cloud: 'gcp',
  types: ['google_container_cluster'],
  usage: [
    { key: 'autopilot_vcpu', unit: 'vCPU', description: 'Average vCPU requested by Autopilot pods over the month' },
    { key: 'autopilot_memory_gb', unit: 'GB', description: 'Average memory (GB) requested by Autopilot pods over the month' },
    { key: 'autopilot_ephemeral_storage_gb', unit: 'GB', description: 'Average ephemeral storage (GB) requested by Autopilot pods over the month' },
  ],
  price(ctx) {
    ctx.note({ attribute: 'cluster management fee', assumed: 'no free-tier credit', cause: 'billing-account credit', reason: 'GKE credits $74.40 a month per billing account against one zonal or Autopilot cluster; not applied per cluster' });
    if (ctx.assume('enable_autopilot', false, 'provider default: enable_autopilot = false (a Standard cluster)')) {
      const hours = monthlyHours();
      return [
        { ...MANAGEMENT_FEE, name: 'Cluster management fee (Autopilot)' },
        usageLine(ctx, 'autopilot_vcpu', { name: 'Autopilot pod vCPU', unit: 'hours', sku: 'gke:autopilot:vcpu' }, hours),
        usageLine(ctx, 'autopilot_memory_gb', { name: 'Autopilot pod memory', unit: 'GB-hours', sku: 'gke:autopilot:memory' }, hours),
        usageLine(ctx, 'autopilot_ephemeral_storage_gb', { name: 'Autopilot pod ephemeral storage', unit: 'GB-hours', sku: 'gke:autopilot:ephemeral-storage', onDemandOnly: true }, hours),
      ];
    }
    const location = ctx.values.string('location');
    const zones = zoneCount(ctx, 'node_locations', location);
    const lines: ComponentDraft[] = [MANAGEMENT_FEE];
    if (!ctx.assume('remove_default_node_pool', false, 'provider default: remove_default_node_pool = false')) {
      const count = ctx.assume('initial_node_count', 3, 'GKE default node pool size of 3 nodes per zone');
      lines.push(...poolLines(ctx, { base: '', config: 'node_config[0]', label: 'Default pool', zones, defaultCount: count, defaultCountReason: '' }, count * zones));
    }
    ctx.values.blocks('node_pool').forEach((_pool, i) => {
      const name = ctx.values.string(`node_pool[${i}].name`) ?? `node_pool[${i}]`;
      lines.push(...poolLines(ctx, { base: `node_pool[${i}]`, config: `node_pool[${i}].node_config[0]`, label: name, zones, defaultCount: 1, defaultCountReason: 'node_count not set: 1 node per zone assumed' }));
    });
    return lines;
  },
};

/** google_container_node_pool: machine type × nodes per zone × zones, plus boot disks. */
export const gcpContainerNodePool: ResourcePricer = {
  cloud: 'gcp',
  types: ['google_container_node_pool'],
  usage: [{ key: 'nodes', unit: 'nodes', description: 'Total nodes of the pool across its zones (overrides node_count × zones, e.g. for autoscaling)' }],
  price(ctx) {
    const location = ctx.values.string('location');
    const zones = zoneCount(ctx, 'node_locations', location);
    const nodes = ctx.usage('nodes');
    const name = ctx.values.string('name') ?? 'Node pool';
    return poolLines(ctx, { base: '', config: 'node_config[0]', label: name, zones, defaultCount: 1, defaultCountReason: 'node_count not set: 1 node per zone assumed (provider: initial_node_count)' }, nodes);
  },
};
