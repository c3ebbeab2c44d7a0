import { configAddressOf, type Cloud, type ParsedPlan, type PlanResource } from '@cloudwright/terraform-plan';
import type { Commitment, PriceCatalog } from '../catalog/catalog';
import { DEFAULT_REGIONS, Estimator } from '../engine/estimate';
import type { PricerRegistry } from '../engine/registry';
import { Money, type Currency } from '../money';
import { UsageFile } from '../usage/usage-file';
import { SIZE_LADDERS, currentGenerationOf, instanceEquivalentOf, smallerSize, type SizeLadder } from './equivalents';
import { syntheticPlan } from './synthetic-plan';

/** Observed utilisation of one resource, in percent (p95 over the observation window). */
export interface UtilisationMetrics {
  cpuP95?: number;
  memP95?: number;
  /** Days since the data of a bucket or disk was last read. */
  lastAccessDays?: number;
}

export interface OptimizeOptions {
  catalog?: PriceCatalog;
  registry?: PricerRegistry;
  usage?: UsageFile;
  currency?: Currency;
  /** Utilisation per resource address. */
  utilisation?: Readonly<Record<string, UtilisationMetrics>>;
}

export const RECOMMENDATION_CATEGORIES = ['cost', 'performance', 'availability', 'security', 'compliance'] as const;
export type RecommendationCategory = (typeof RECOMMENDATION_CATEGORIES)[number];
export type Level = 'low' | 'medium' | 'high';

export interface Recommendation {
  /** Stable: `<kind>:<address>` (e.g. `rightsize:aws_instance.web`). */
  id: string;
  kind: 'rightsize' | 'idle' | 'previous-generation' | 'commitment' | 'spot' | 'storage-class' | 'orphaned';
  category: RecommendationCategory;
  title: string;
  resourceAddress: string;
  currentMonthlyCost: Money;
  optimisedMonthlyCost: Money;
  savedMonthlyCost: Money;
  /** Size of the saving relative to the resource's cost: high ≥ 50 %, medium ≥ 20 %. */
  impact: Level;
  effort: Level;
  risk: Level;
  steps: string[];
  why: string;
}

export interface OptimizationReport {
  currency: Currency;
  currentMonthlyCost: Money;
  /** Sum over resources of the largest saving of each (recommendations on one resource are alternatives, not additive). */
  potentialMonthlySavings: Money;
  recommendations: Recommendation[];
  /** Resources that could not be priced, with the reason. */
  unpriced: string[];
  notes: string[];
}

/** Right-size down one step when both p95s are under these, two steps under half of them (percent). */
export const RIGHTSIZE_CPU_P95 = 40;
export const RIGHTSIZE_MEM_P95 = 50;
/** A resource at or under this p95 CPU (percent) is idle. */
export const IDLE_CPU_P95 = 2;
/** Data not read for this many days is cold. */
export const COLD_DAYS = 30;

/** Attribute holding the size of the sized types. */
const SIZE_ATTRIBUTE: Readonly<Record<string, string>> = {
  aws_instance: 'instance_type',
  aws_db_instance: 'instance_class',
  azurerm_linux_virtual_machine: 'size',
  azurerm_windows_virtual_machine: 'size',
  google_compute_instance: 'machine_type',
};

/** How to make a resource run on spot capacity (provider attribute names). */
const SPOT: Readonly<Record<string, (v: Record<string, unknown>) => Record<string, unknown>>> = {
  aws_instance: (v) => ({ ...v, instance_market_options: [{ market_type: 'spot' }] }),
  aws_eks_node_group: (v) => ({ ...v, capacity_type: 'SPOT' }),
  aws_autoscaling_group: (v) => ({ ...v, mixed_instances_policy: withDistribution(v) }),
  azurerm_linux_virtual_machine: (v) => ({ ...v, priority: 'Spot', eviction_policy: 'Deallocate' }),
  azurerm_linux_virtual_machine_scale_set: (v) => ({ ...v, priority: 'Spot', eviction_policy: 'Deallocate' }),
  azurerm_kubernetes_cluster_node_pool: (v) => ({ ...v, priority: 'Spot', eviction_policy: 'Delete' }),
  google_compute_instance: (v) => ({ ...v, scheduling: [{ provisioning_model: 'SPOT', preemptible: true, automatic_restart: false }] }),
  google_container_node_pool: (v) => ({ ...v, node_config: [{ ...firstBlock(v.node_config), spot: true }] }),
};
/** Types that are stateless by nature (pools of interchangeable nodes). */
const POOL_TYPES = new Set(['aws_autoscaling_group', 'aws_eks_node_group', 'azurerm_linux_virtual_machine_scale_set', 'azurerm_kubernetes_cluster_node_pool', 'google_container_node_pool']);
/** Types billed while they run all month, candidates for 1- or 3-year commitments. */
const STEADY_TYPES = new Set([...Object.keys(SIZE_ATTRIBUTE), 'aws_autoscaling_group', 'aws_eks_node_group', 'azurerm_kubernetes_cluster', 'azurerm_postgresql_flexible_server', 'azurerm_mysql_flexible_server', 'google_sql_database_instance', 'google_container_node_pool']);

function firstBlock(value: unknown): Record<string, unknown> {
  return Array.isArray(value) && value[0] && typeof value[0] === 'object' ? (value[0] as Record<string, unknown>) : {};
}

function withDistribution(v: Record<string, unknown>): unknown[] {
  const policy = firstBlock(v.mixed_instances_policy);
  return [{ ...policy, instances_distribution: [{ ...firstBlock(policy.instances_distribution), on_demand_base_capacity: 0, on_demand_percentage_above_base_capacity: 0, spot_allocation_strategy: 'price-capacity-optimized' }] }];
}

/** Storage class changes that keep the data's durability: [type, attribute path, from, to, why]. */
const STORAGE_CLASS_CHANGES: readonly { type: string; path: readonly (string | number)[]; from: string; to: string; cold?: boolean; risk: Level; why: string }[] = [
  { type: 'aws_ebs_volume', path: ['type'], from: 'gp2', to: 'gp3', risk: 'low', why: 'gp3 costs less per GB than gp2 and gives a 3,000 IOPS / 125 MB/s baseline at any size' },
  { type: 'aws_instance', path: ['root_block_device', 0, 'volume_type'], from: 'gp2', to: 'gp3', risk: 'low', why: 'gp3 costs less per GB than gp2 and gives a 3,000 IOPS / 125 MB/s baseline at any size' },
  { type: 'google_compute_disk', path: ['type'], from: 'pd-ssd', to: 'pd-balanced', risk: 'medium', why: 'pd-balanced is SSD-backed at a lower price per GB; fewer IOPS per GB than pd-ssd' },
  { type: 'google_storage_bucket', path: ['storage_class'], from: 'STANDARD', to: 'NEARLINE', cold: true, risk: 'medium', why: `data not read for ${COLD_DAYS}+ days is cheaper in Nearline (30-day minimum, per-GB retrieval fee)` },
  { type: 'azurerm_storage_account', path: ['access_tier'], from: 'Hot', to: 'Cool', cold: true, risk: 'medium', why: `blobs not read for ${COLD_DAYS}+ days are cheaper in the Cool tier (30-day minimum, per-GB retrieval fee)` },
];

const ORPHAN_TYPES: Readonly<Record<string, { attached: readonly string[]; what: string }>> = {
  aws_eip: { attached: ['instance', 'network_interface', 'association_id'], what: 'Elastic IP' },
  aws_ebs_volume: { attached: [], what: 'EBS volume' },
  azurerm_public_ip: { attached: [], what: 'public IP' },
  azurerm_managed_disk: { attached: [], what: 'managed disk' },
  google_compute_address: { attached: ['users'], what: 'static IP address' },
  google_compute_disk: { attached: ['users'], what: 'persistent disk' },
};

type Values = Record<string, unknown>;

class Pricing {
  private readonly estimators = new Map<string, Estimator>();
  constructor(private readonly options: OptimizeOptions) {}

  private estimatorOptions(commitment: Commitment) {
    return { catalog: this.options.catalog, registry: this.options.registry, usage: this.options.usage, currency: this.options.currency, commitment };
  }

  /** The usage values of a resource from the usage file. */
  usageOf(resource: PlanResource): Readonly<Record<string, number>> {
    return (this.options.usage ?? UsageFile.empty()).forResource(resource.address, resource.type);
  }

  /** Monthly cost of the resource's type with `values`, priced as a synthetic create; null when it cannot be priced. */
  cost(resource: PlanResource, values: Values, commitment: Commitment = 'on-demand', usage?: Readonly<Record<string, number>>): { cost: Money } | { reason: string } {
    let est = usage ? new Estimator({ ...this.estimatorOptions(commitment), usage: new UsageFile(new Map(), new Map([[resource.address, usage]])) }) : this.estimators.get(commitment);
    if (!est) {
      est = new Estimator(this.estimatorOptions(commitment));
      this.estimators.set(commitment, est);
    }
    const cloud = resource.cloud as Cloud;
    const plan = syntheticPlan([{ type: resource.type, name: resource.name, cloud, region: resource.region ?? DEFAULT_REGIONS[cloud], values }]);
    const synthetic = plan.resources[0];
    if (!synthetic) return { reason: 'internal: empty synthetic plan' };
    // Usage is looked up by the real address (count/for_each index included).
    const outcome = est.priceResource({ ...synthetic, address: resource.address });
    if ('reason' in outcome) return outcome.free ? { cost: Money.zero(est.currency) } : { reason: outcome.reason };
    return { cost: outcome.monthlyCost };
  }
}

const level = (saved: Money, current: Money): Level => {
  if (current.isZero()) return 'low';
  const share = saved.amount.dividedBy(current.amount);
  return share.gte(0.5) ? 'high' : share.gte(0.2) ? 'medium' : 'low';
};

function setPath(values: Values, path: readonly (string | number)[], value: unknown): Values {
  const [head, ...rest] = path;
  if (head === undefined) return values;
  if (rest.length === 0) return { ...values, [head]: value };
  const child = values[head];
  if (typeof rest[0] === 'number') {
    const list = Array.isArray(child) ? [...(child as unknown[])] : [];
    const index = rest[0];
    list[index] = setPath((list[index] as Values | undefined) ?? {}, rest.slice(1), value);
    return { ...values, [head]: list };
  }
  return { ...values, [head]: setPath((child as Values | undefined) ?? {}, rest, value) };
}

function getPath(values: Values, path: readonly (string | number)[]): unknown {
  let node: unknown = values;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}

function isStateless(resource: PlanResource): boolean {
  if (POOL_TYPES.has(resource.type)) return true;
  const tags = resource.after?.value('tags') ?? resource.after?.value('labels');
  if (!tags || typeof tags !== 'object') return false;
  return Object.entries(tags as Record<string, unknown>).some(([k, v]) => (k.toLowerCase() === 'stateless' && String(v).toLowerCase() === 'true') || (/^(workload|role|tier)$/i.test(k) && String(v).toLowerCase() === 'stateless'));
}

/** Recommendations for one resource of a plan (see {@link optimizeForCost} for the rules). */
export function analyzeResource(plan: ParsedPlan, address: string, options: OptimizeOptions = {}): { address: string; type: string; monthlyCost: Money | null; unpriced?: string; recommendations: Recommendation[] } {
  const resource = plan.resources.find((r) => r.address === address);
  if (!resource) throw new RangeError(`resource ${address} is not in the plan (resources: ${plan.resources.slice(0, 10).map((r) => r.address).join(', ')}${plan.resources.length > 10 ? ', …' : ''})`);
  const pricing = new Pricing(options);
  return analyze(plan, resource, pricing, options);
}

function analyze(plan: ParsedPlan, resource: PlanResource, pricing: Pricing, options: OptimizeOptions): { address: string; type: string; monthlyCost: Money | null; unpriced?: string; recommendations: Recommendation[] } {
  const base = { address: resource.address, type: resource.type };
  if (!resource.cloud || resource.mode !== 'managed' || !resource.after || resource.action === 'delete') return { ...base, monthlyCost: null, unpriced: 'not a managed resource of AWS, Azure or Google Cloud that exists after the plan', recommendations: [] };
  const values = { ...resource.after.values };
  const current = pricing.cost(resource, values);
  if ('reason' in current) return { ...base, monthlyCost: null, unpriced: current.reason, recommendations: [] };
  const recs: Recommendation[] = [];
  const util = options.utilisation?.[resource.address];
  const add = (kind: Recommendation['kind'], optimised: Money, r: Omit<Recommendation, 'id' | 'kind' | 'resourceAddress' | 'currentMonthlyCost' | 'optimisedMonthlyCost' | 'savedMonthlyCost' | 'impact' | 'category'> & { category?: RecommendationCategory }) => {
    const saved = current.cost.minus(optimised);
    // under a cent a month is no saving (a term the catalog has no price for falls back to on-demand: saved 0, which
    // decimal.js counts as positive)
    if (!saved.amount.toDecimalPlaces(2).gt(0)) return;
    recs.push({ id: `${kind}:${resource.address}`, kind, category: r.category ?? 'cost', resourceAddress: resource.address, currentMonthlyCost: current.cost, optimisedMonthlyCost: optimised, savedMonthlyCost: saved, impact: level(saved, current.cost), ...r });
  };
  const priced = (v: Values, commitment?: Commitment) => {
    const out = pricing.cost(resource, v, commitment);
    return 'cost' in out ? out.cost : undefined;
  };
  const zero = Money.zero(current.cost.currency);

  // Idle: (near) zero CPU over the observation window.
  const idle = util?.cpuP95 !== undefined && util.cpuP95 <= IDLE_CPU_P95;
  if (idle) {
    add('idle', zero, {
      title: `Remove or stop idle ${resource.type} ${resource.name}`,
      effort: 'low',
      risk: 'medium',
      why: `p95 CPU is ${util.cpuP95} % (at most ${IDLE_CPU_P95} % counts as idle)`,
      steps: ['Confirm with the owner that nothing depends on it', 'Snapshot or back up its data', `Remove ${resource.address} from the configuration and apply`],
    });
  }

  // Right-sizing and previous generation (sized types).
  const sizeAttr = SIZE_ATTRIBUTE[resource.type];
  const size = sizeAttr ? resource.after.string(sizeAttr) : undefined;
  if (sizeAttr && size && !idle && util?.cpuP95 !== undefined && util.memP95 !== undefined && util.cpuP95 < RIGHTSIZE_CPU_P95 && util.memP95 < RIGHTSIZE_MEM_P95) {
    const steps = util.cpuP95 < RIGHTSIZE_CPU_P95 / 2 && util.memP95 < RIGHTSIZE_MEM_P95 / 2 ? 2 : 1;
    const target = smallerSize(resource.cloud, size, steps) ?? smallerSize(resource.cloud, size, 1);
    const cost = target ? priced({ ...values, [sizeAttr]: target }) : undefined;
    if (target && cost) {
      add('rightsize', cost, {
        title: `Right-size ${resource.address} from ${size} to ${target}`,
        effort: 'medium',
        risk: 'medium',
        why: `p95 CPU ${util.cpuP95} % and memory ${util.memP95} % are under ${RIGHTSIZE_CPU_P95} % / ${RIGHTSIZE_MEM_P95} %: ${steps === 2 ? 'two sizes' : 'one size'} down in the same family halves capacity per step`,
        steps: [`Set ${sizeAttr} = "${target}"`, 'Apply in a maintenance window (the resource restarts)', 'Watch p95 CPU and memory for a week; revert if they pass 80 %'],
      });
    }
  }
  const next = size ? currentGenerationOf(resource.cloud, size.replace(/^db\./, '')) : undefined;
  if (sizeAttr && size && next) {
    const target = size.startsWith('db.') ? `db.${next.type}` : next.type;
    const cost = priced({ ...values, [sizeAttr]: target });
    if (cost) {
      add('previous-generation', cost, {
        title: `Move ${resource.address} from previous-generation ${size} to ${target}`,
        effort: 'medium',
        risk: 'low',
        why: next.note,
        steps: [`Set ${sizeAttr} = "${target}"`, 'Check the image/drivers support the newer generation (ENA/NVMe on AWS)', 'Apply in a maintenance window'],
      });
    }
  }

  // Commitments for steady, always-on resources (not idle, not spot, not to be right-sized away).
  if (STEADY_TYPES.has(resource.type) && !idle && !isStateless(resource)) {
    const oneYear = priced(values, '1y');
    const threeYear = priced(values, '3y');
    if (oneYear) {
      add('commitment', oneYear, {
        title: `Commit to 1 year for ${resource.address}`,
        effort: 'low',
        risk: 'low',
        why: `runs all month; the 1-year commitment price is lower than on-demand${threeYear && threeYear.amount.lt(oneYear.amount) ? ` (3 years: ${threeYear.format()} a month)` : ''}`,
        steps: ['Check the resource will run for the whole term', `Buy a 1-year ${resource.cloud === 'aws' ? 'Savings Plan or Reserved Instance' : resource.cloud === 'azure' ? 'reservation or savings plan' : 'committed use discount'} covering it`, 'Track its utilisation in the billing console'],
      });
    }
  }

  // Spot for stateless compute.
  const toSpot = SPOT[resource.type];
  if (toSpot && isStateless(resource) && !idle) {
    const cost = priced(toSpot(values));
    if (cost) {
      add('spot', cost, {
        title: `Run stateless ${resource.address} on spot capacity`,
        effort: 'medium',
        risk: POOL_TYPES.has(resource.type) ? 'medium' : 'high',
        why: 'stateless capacity can be interrupted and replaced; spot prices are a fraction of on-demand',
        steps: ['Make sure instances drain within the 2-minute (AWS) / 30-second (Azure, Google) notice', 'Spread over several instance types and zones', 'Apply the spot setting'],
      });
    }
  }

  // Storage classes.
  for (const change of STORAGE_CLASS_CHANGES) {
    if (change.type !== resource.type) continue;
    const currentClass = getPath(values, change.path) ?? (change.type === 'google_storage_bucket' ? 'STANDARD' : change.type === 'azurerm_storage_account' ? 'Hot' : undefined);
    if (currentClass !== change.from) continue;
    if (change.cold && !(util?.lastAccessDays !== undefined && util.lastAccessDays >= COLD_DAYS)) continue;
    const cost = priced(setPath(values, change.path, change.to));
    if (cost) {
      add('storage-class', cost, {
        title: `Change ${resource.address} from ${change.from} to ${change.to}`,
        effort: 'low',
        risk: change.risk,
        why: change.why,
        steps: [`Set ${change.path.join('.')} = "${change.to}"`, change.cold ? 'Or add a lifecycle rule that moves objects after 30 days' : 'Apply: the change is online, no downtime'],
      });
    }
  }

  // S3 lifecycle: cold Standard data moves to Standard-IA (30+ days) or Glacier Instant Retrieval (90+ days).
  if (resource.type === 'aws_s3_bucket' && util?.lastAccessDays !== undefined && util.lastAccessDays >= COLD_DAYS) {
    const usage = pricing.usageOf(resource);
    const standard = usage.standard_storage_gb;
    if (standard !== undefined && standard > 0) {
      const glacier = util.lastAccessDays >= 90;
      const target = glacier ? 'glacier_instant_retrieval' : 'standard_ia';
      const moved = { ...usage, standard_storage_gb: 0, [`${target}_storage_gb`]: (usage[`${target}_storage_gb`] ?? 0) + standard };
      const out = pricing.cost(resource, values, 'on-demand', moved);
      if ('cost' in out) {
        add('storage-class', out.cost, {
          title: `Add a lifecycle rule moving ${resource.address} objects to ${glacier ? 'Glacier Instant Retrieval' : 'Standard-IA'}`,
          effort: 'low',
          risk: 'medium',
          why: `objects not read for ${util.lastAccessDays} days: ${standard} GB priced in ${glacier ? 'Glacier Instant Retrieval (90-day minimum)' : 'Standard-IA (30-day minimum)'} instead of Standard; retrievals are billed per GB`,
          steps: [`Add an aws_s3_bucket_lifecycle_configuration with a transition to ${glacier ? 'GLACIER_IR after 90' : 'STANDARD_IA after 30'} days`, 'Exclude objects under 128 KB (billed as 128 KB in IA classes)', 'Watch retrieval charges for a month'],
        });
      }
    }
  }

  // Orphaned: unattached addresses and disks.
  const orphan = ORPHAN_TYPES[resource.type];
  if (orphan && isOrphaned(plan, resource, orphan.attached)) {
    add('orphaned', zero, {
      title: `Delete unattached ${orphan.what} ${resource.address}`,
      effort: 'low',
      risk: 'medium',
      why: `no resource in the plan refers to it${orphan.attached.length ? ` and ${orphan.attached.join(', ')} ${orphan.attached.length > 1 ? 'are' : 'is'} not set` : ''}: it is billed while unused`,
      steps: ['Confirm it is not used outside this configuration', resource.type.includes('disk') || resource.type.includes('volume') ? 'Snapshot it if the data is needed' : 'Release it', `Remove ${resource.address}`],
    });
  }
  return { ...base, monthlyCost: current.cost, recommendations: recs };
}

function isOrphaned(plan: ParsedPlan, resource: PlanResource, attached: readonly string[]): boolean {
  if (attached.some((a) => resource.after?.get(a).state !== 'absent' && resource.after?.value(a) !== null && !(Array.isArray(resource.after?.value(a)) && (resource.after?.value(a) as unknown[]).length === 0))) return false;
  const own = configAddressOf(resource);
  return !plan.resources.some((r) => r !== resource && r.dependsOn.includes(own));
}

/**
 * Cost recommendations for a plan, each priced by the real Estimator on a modified copy of the resource (a synthetic
 * plan resource with the changed attribute): right-sizing from utilisation (one or two sizes down the family ladder),
 * idle resources, previous-generation types, 1-year commitments for steady resources, spot for stateless ones,
 * cheaper storage classes (gp2→gp3, pd-ssd→pd-balanced; Nearline / Cool for cold data), and unattached disks and
 * addresses. Only changes that save money are returned, largest saving first.
 */
export function optimizeForCost(plan: ParsedPlan, options: OptimizeOptions = {}): OptimizationReport {
  const pricing = new Pricing(options);
  const currency = options.currency ?? 'USD';
  let current = Money.zero(currency);
  let potential = Money.zero(currency);
  const recommendations: Recommendation[] = [];
  const unpriced: string[] = [];
  for (const resource of plan.resources) {
    if (resource.mode !== 'managed' || !resource.cloud || !resource.after || resource.action === 'delete') continue;
    const result = analyze(plan, resource, pricing, options);
    if (!result.monthlyCost) {
      unpriced.push(`${resource.address}: ${result.unpriced ?? 'not priced'}`);
      continue;
    }
    current = current.plus(result.monthlyCost);
    const best = result.recommendations.reduce<Money | undefined>((m, r) => (!m || r.savedMonthlyCost.amount.gt(m.amount) ? r.savedMonthlyCost : m), undefined);
    if (best) potential = potential.plus(best);
    recommendations.push(...result.recommendations);
  }
  for (const address of Object.keys(options.utilisation ?? {})) {
    if (!plan.resources.some((r) => r.address === address)) throw new RangeError(`utilisation.${address}: no such resource in the plan`);
  }
  recommendations.sort((a, b) => b.savedMonthlyCost.amount.comparedTo(a.savedMonthlyCost.amount) || a.id.localeCompare(b.id));
  const notes = ['recommendations on the same resource are alternatives: potentialMonthlySavings counts the largest one per resource'];
  if (!options.utilisation) notes.push('no utilisation given: no right-sizing or idle checks');
  return { currency, currentMonthlyCost: current, potentialMonthlySavings: potential, recommendations, unpriced, notes };
}

export interface SizingOption {
  size: string;
  vcpu?: number;
  memoryGb?: number;
  monthlyCost: Money | null;
  /** Against the current size (negative = cheaper). */
  diffMonthlyCost: Money | null;
  unpriced?: string;
  current: boolean;
}

/**
 * The resource priced at each size of its family ladder (or at the sizes given; the current size is always included),
 * each by the real Estimator on a synthetic copy of the resource.
 */
export function compareSizingOptions(plan: ParsedPlan, address: string, options: OptimizeOptions & { sizes?: readonly string[] } = {}): { address: string; attribute: string; current: string; options: SizingOption[] } {
  const resource = plan.resources.find((r) => r.address === address);
  if (!resource) throw new RangeError(`resource ${address} is not in the plan`);
  const attribute = SIZE_ATTRIBUTE[resource.type];
  if (!attribute || !resource.cloud || !resource.after) throw new RangeError(`${address}: ${resource.type} has no size to compare (supported: ${Object.keys(SIZE_ATTRIBUTE).join(', ')})`);
  const current = resource.after.string(attribute);
  if (!current) throw new RangeError(`${address}: ${attribute} is not known in the plan`);
  const cloud = resource.cloud;
  const sizes = options.sizes && options.sizes.length > 0 ? [...options.sizes] : [...(ladderOf(cloud, current)?.sizes ?? [])];
  if (!sizes.includes(current)) sizes.unshift(current);
  const pricing = new Pricing(options);
  const values = { ...resource.after.values };
  const priceOf = (size: string) => pricing.cost(resource, { ...values, [attribute]: size });
  const base = priceOf(current);
  return {
    address,
    attribute,
    current,
    options: sizes.map((size) => {
      const out = priceOf(size);
      const shape = instanceEquivalentOf(cloud, size);
      const cost = 'cost' in out ? out.cost : null;
      return {
        size,
        ...(shape ? { vcpu: shape.vcpu, memoryGb: shape.memoryGb } : {}),
        monthlyCost: cost,
        diffMonthlyCost: cost && 'cost' in base ? cost.minus(base.cost) : null,
        ...('reason' in out ? { unpriced: out.reason } : {}),
        current: size === current,
      };
    }),
  };
}

function ladderOf(cloud: Cloud, size: string): SizeLadder | undefined {
  return SIZE_LADDERS.find((l) => l.cloud === cloud && l.sizes.includes(size));
}
