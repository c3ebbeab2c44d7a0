import type { Cloud, ParsedPlan, PlanResource } from '@cloudwright/terraform-plan';
import type { Commitment, PriceCatalog } from '../catalog/catalog';
import { DEFAULT_REGIONS, Estimator, type CostEstimate } from '../engine/estimate';
import type { PricerRegistry } from '../engine/registry';
import { Money, type Currency } from '../money';
import { UsageFile } from '../usage/usage-file';
import {
  CLOUD_TRAITS,
  DATABASE_EQUIVALENTS,
  INSTANCE_EQUIVALENTS,
  SERVICE_EQUIVALENTS,
  databaseEquivalentOf,
  instanceEquivalentOf,
  type InstanceClass,
} from './equivalents';
import { syntheticPlan, type SyntheticResource } from './synthetic-plan';

export const CLOUDS: readonly Cloud[] = ['aws', 'azure', 'gcp'];

/** A cloud-neutral description of a workload. */
export interface Workload {
  compute?: readonly { name?: string; vcpu: number; memoryGb: number; count?: number; os?: 'linux' | 'windows'; class?: InstanceClass }[];
  kubernetes?: readonly { name?: string; nodes: number; vcpu: number; memoryGb: number }[];
  databases?: readonly { name?: string; engine: 'postgres' | 'mysql'; vcpu: number; memoryGb: number; storageGb: number; ha?: boolean }[];
  /** GB stored in standard object storage. */
  objectStorageGb?: number;
  loadBalancers?: number;
  natGateways?: number;
}

export interface CompareOptions {
  catalog?: PriceCatalog;
  registry?: PricerRegistry;
  currency?: Currency;
  commitment?: Commitment;
  /** Region per cloud (default: each cloud's first region). */
  regions?: Partial<Record<Cloud, string>>;
  clouds?: readonly Cloud[];
}

export interface ComparedItem {
  /** `compute web`, `database orders`… */
  item: string;
  /** The cloud's equivalent (`m6i.large ×3`). */
  equivalent: string;
  why: string;
  /** Null when the cloud's catalog or pricers cannot price it (see `unpriced`). */
  monthlyCost: Money | null;
  unpriced: string[];
  /** Addresses of the synthetic (or plan) resources. */
  resources: string[];
}

export interface CloudCost {
  cloud: Cloud;
  region: string;
  /** Sum of the priced items (see `complete`). */
  total: Money;
  /** Whether every item was priced. */
  complete: boolean;
  items: ComparedItem[];
  advantages: string[];
  disadvantages: string[];
  /** Where this column came from: the plan as-is, or the workload mapped through the equivalence table. */
  basis: 'workload' | 'plan' | 'plan-mapped';
  estimate: CostEstimate;
}

export interface CloudComparison {
  currency: Currency;
  clouds: CloudCost[];
  /** The cheapest cloud among those priced completely (null when none is). */
  cheapest: Cloud | null;
  /** Most expensive minus cheapest among the completely priced clouds, and that as percent of the cheapest. */
  spread: { absolute: Money; pct: string } | null;
  /** Plan resources that have no equivalent in the table (only for a plan). */
  unmapped: string[];
  notes: string[];
}

interface Built {
  item: string;
  equivalent: string;
  why: string;
  resources: SyntheticResource[];
  usage: Record<string, Record<string, number>>;
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');

function positive(value: number, what: string, whole = false): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value))) {
    throw new RangeError(`${what}: expected a positive ${whole ? 'whole number' : 'number'}, got ${String(value)}`);
  }
}

/** The smallest row of `rows` with at least the vCPU and memory asked, and why it was chosen. */
function pick<T extends { vcpu: number; memoryGb: number }>(rows: readonly T[], vcpu: number, memoryGb: number, what: string): { row: T; why: string } {
  const fit = rows.filter((r) => r.vcpu >= vcpu && r.memoryGb >= memoryGb).sort((a, b) => a.vcpu - b.vcpu || a.memoryGb - b.memoryGb)[0];
  if (!fit) throw new RangeError(`${what}: no equivalent with at least ${vcpu} vCPU and ${memoryGb} GiB in the equivalence table (largest: ${Math.max(...rows.map((r) => r.vcpu))} vCPU)`);
  const exact = fit.vcpu === vcpu && fit.memoryGb === memoryGb;
  return { row: fit, why: `${exact ? 'exact match' : 'smallest size above'}: ${fit.vcpu} vCPU / ${fit.memoryGb} GiB for ${vcpu} vCPU / ${memoryGb} GiB asked` };
}

function buildItems(workload: Workload, cloud: Cloud, region: string): Built[] {
  const built: Built[] = [];
  const none = {};
  (workload.compute ?? []).forEach((c, i) => {
    const name = slug(c.name ?? `compute_${i}`);
    positive(c.vcpu, `compute[${i}].vcpu`);
    positive(c.memoryGb, `compute[${i}].memoryGb`);
    const count = c.count ?? 1;
    positive(count, `compute[${i}].count`, true);
    const klass = c.class ?? 'general';
    const { row, why } = pick(
      INSTANCE_EQUIVALENTS.filter((r) => r.class === klass),
      c.vcpu,
      c.memoryGb,
      `compute[${i}]`,
    );
    const size = row[cloud];
    const windows = c.os === 'windows';
    const resources = Array.from({ length: count }, (_, k): SyntheticResource => {
      const n = count === 1 ? name : `${name}_${k}`;
      if (cloud === 'aws') return { type: 'aws_instance', name: n, cloud, region, values: { instance_type: size, get_password_data: windows, root_block_device: [{ volume_size: 30, volume_type: 'gp3' }] } };
      if (cloud === 'azure') {
        return { type: windows ? 'azurerm_windows_virtual_machine' : 'azurerm_linux_virtual_machine', name: n, cloud, region, values: { size, os_disk: [{ storage_account_type: 'Premium_LRS', disk_size_gb: 30, caching: 'ReadWrite' }] } };
      }
      return { type: 'google_compute_instance', name: n, cloud, region, values: { machine_type: size, zone: `${region}-a`, boot_disk: [{ initialize_params: [{ size: 30, type: 'pd-balanced', image: windows ? 'windows-cloud/windows-2022' : 'debian-cloud/debian-12' }] }] } };
    });
    built.push({ item: `compute ${c.name ?? i}`, equivalent: `${size} ×${count}${windows ? ' (Windows)' : ''}`, why: `${klass} class, ${why}; 30 GB SSD boot disk`, resources, usage: none });
  });
  (workload.kubernetes ?? []).forEach((k, i) => {
    const name = slug(k.name ?? `cluster_${i}`);
    positive(k.nodes, `kubernetes[${i}].nodes`, true);
    const { row, why } = pick(INSTANCE_EQUIVALENTS.filter((r) => r.class === 'general'), k.vcpu, k.memoryGb, `kubernetes[${i}]`);
    const size = row[cloud];
    const plane = SERVICE_EQUIVALENTS.kubernetesControlPlane[cloud];
    let resources: SyntheticResource[];
    if (cloud === 'aws') {
      resources = [
        { type: 'aws_eks_cluster', name, cloud, region, values: { name } },
        { type: 'aws_eks_node_group', name: `${name}_nodes`, cloud, region, values: { instance_types: [size], capacity_type: 'ON_DEMAND', scaling_config: [{ desired_size: k.nodes, min_size: k.nodes, max_size: k.nodes }], disk_size: 20 } },
      ];
    } else if (cloud === 'azure') {
      resources = [{ type: 'azurerm_kubernetes_cluster', name, cloud, region, values: { sku_tier: 'Standard', default_node_pool: [{ name: 'default', vm_size: size, node_count: k.nodes }] } }];
    } else {
      resources = [
        { type: 'google_container_cluster', name, cloud, region, values: { location: `${region}-a`, remove_default_node_pool: true, initial_node_count: 1 } },
        { type: 'google_container_node_pool', name: `${name}_nodes`, cloud, region, values: { location: `${region}-a`, node_count: k.nodes, node_config: [{ machine_type: size, disk_size_gb: 100, disk_type: 'pd-balanced' }] } },
      ];
    }
    built.push({ item: `kubernetes ${k.name ?? i}`, equivalent: `${plane.label} + ${k.nodes} × ${size}`, why: `nodes: ${why}`, resources, usage: none });
  });
  (workload.databases ?? []).forEach((d, i) => {
    const name = slug(d.name ?? `db_${i}`);
    positive(d.storageGb, `databases[${i}].storageGb`, true);
    if (d.engine !== 'postgres' && d.engine !== 'mysql') throw new RangeError(`databases[${i}].engine: expected postgres or mysql, got ${JSON.stringify(d.engine)}`);
    const { row, why } = pick(DATABASE_EQUIVALENTS, d.vcpu, d.memoryGb, `databases[${i}]`);
    const ha = d.ha ?? false;
    const tier = row[cloud];
    let resource: SyntheticResource;
    if (cloud === 'aws') {
      resource = { type: 'aws_db_instance', name, cloud, region, values: { engine: d.engine, instance_class: tier, allocated_storage: d.storageGb, storage_type: 'gp3', multi_az: ha } };
    } else if (cloud === 'azure') {
      const type = d.engine === 'postgres' ? 'azurerm_postgresql_flexible_server' : 'azurerm_mysql_flexible_server';
      const storage = d.engine === 'postgres' ? { storage_mb: d.storageGb * 1024 } : { storage: [{ size_gb: d.storageGb }] };
      resource = { type, name, cloud, region, values: { sku_name: tier, ...storage, ...(ha ? { high_availability: [{ mode: 'ZoneRedundant' }] } : {}) } };
    } else {
      resource = {
        type: 'google_sql_database_instance',
        name,
        cloud,
        region,
        values: { database_version: d.engine === 'postgres' ? 'POSTGRES_16' : 'MYSQL_8_0', settings: [{ tier, edition: 'ENTERPRISE', availability_type: ha ? 'REGIONAL' : 'ZONAL', disk_size: d.storageGb, disk_type: 'PD_SSD' }] },
      };
    }
    built.push({ item: `database ${d.name ?? i}`, equivalent: `${tier} (${d.engine}${ha ? ', HA' : ''}, ${d.storageGb} GB)`, why, resources: [resource], usage: none });
  });
  if (workload.objectStorageGb !== undefined) {
    positive(workload.objectStorageGb, 'objectStorageGb');
    const svc = SERVICE_EQUIVALENTS.objectStorage[cloud];
    const values: Record<string, unknown> =
      cloud === 'aws'
        ? { bucket: 'objects' }
        : cloud === 'azure'
          ? { account_tier: 'Standard', account_replication_type: 'LRS', account_kind: 'StorageV2', access_tier: 'Hot' }
          : { storage_class: 'STANDARD', location: region.toUpperCase() };
    built.push({
      item: 'object storage',
      equivalent: `${svc.label}, ${workload.objectStorageGb} GB`,
      why: 'standard (hot) class, single region',
      resources: [{ type: svc.type, name: 'objects', cloud, region, values }],
      usage: { [`${svc.type}.objects`]: { [svc.usageKey]: workload.objectStorageGb } },
    });
  }
  const gateways = (count: number | undefined, key: 'loadBalancer' | 'natGateway', what: string, values: Record<Cloud, Record<string, unknown>>) => {
    if (count === undefined) return;
    positive(count, what, true);
    const svc = SERVICE_EQUIVALENTS[key][cloud];
    const resources = Array.from({ length: count }, (_, k): SyntheticResource => ({ type: svc.type, name: `${key}_${k}`, cloud, region, values: values[cloud] }));
    // Cloud NAT bills per VM using the gateway: every VM and node of the workload is assumed to use it.
    const vms = (workload.compute ?? []).reduce((n, c) => n + (c.count ?? 1), 0) + (workload.kubernetes ?? []).reduce((n, k) => n + k.nodes, 0);
    const usage = cloud === 'gcp' && key === 'natGateway' ? Object.fromEntries(resources.map((r) => [`${r.type}.${r.name}`, { assigned_vms: Math.max(1, vms) }])) : none;
    built.push({
      item: key === 'loadBalancer' ? 'load balancers' : 'NAT gateways',
      equivalent: `${svc.label} ×${count}`,
      why: `hourly charge${cloud === 'gcp' && key === 'natGateway' ? ` for ${Math.max(1, vms)} VMs using it` : ''}; data processed is usage-based and not included`,
      resources,
      usage,
    });
  };
  gateways(workload.loadBalancers, 'loadBalancer', 'loadBalancers', { aws: { load_balancer_type: 'application', internal: false }, azure: { sku: 'Standard' }, gcp: { load_balancing_scheme: 'EXTERNAL_MANAGED' } });
  gateways(workload.natGateways, 'natGateway', 'natGateways', { aws: { connectivity_type: 'public' }, azure: { sku_name: 'Standard' }, gcp: { nat_ip_allocate_option: 'AUTO_ONLY' } });
  return built;
}

function priceBuilt(built: Built[], options: CompareOptions): { items: ComparedItem[]; estimate: CostEstimate } {
  const resources = built.flatMap((b) => b.resources);
  const byAddress = new Map(Object.entries(Object.assign({}, ...built.map((b) => b.usage)) as Record<string, Record<string, number>>));
  const estimate = new Estimator({ ...estimatorOptions(options), usage: new UsageFile(new Map(), byAddress) }).estimate(syntheticPlan(resources));
  const currency = estimate.currency;
  const items = built.map((b): ComparedItem => {
    const addresses = b.resources.map((r) => `${r.type}.${r.name}`);
    const unpriced = estimate.unsupported.filter((u) => addresses.includes(u.address)).map((u) => `${u.address}: ${u.reason}`);
    const priced = estimate.resources.filter((r) => addresses.includes(r.address));
    return { item: b.item, equivalent: b.equivalent, why: b.why, monthlyCost: unpriced.length > 0 ? null : Money.sum(priced.map((r) => r.monthlyCost), currency), unpriced, resources: addresses };
  });
  return { items, estimate };
}

function estimatorOptions(options: CompareOptions) {
  return { catalog: options.catalog, registry: options.registry, currency: options.currency, commitment: options.commitment };
}

/**
 * Prices the same workload on each cloud by building a synthetic Terraform plan per cloud from the equivalence table
 * and running the real Estimator on it. Items a cloud cannot price are listed with the reason, never counted as zero;
 * `cheapest` and `spread` only consider clouds priced completely. With `{ plan }`, the plan is priced as-is on its own
 * cloud and its main resources (instances, databases, Kubernetes, gateways) are mapped to the other clouds.
 */
export function compareCloudCosts(input: Workload | { plan: ParsedPlan }, options: CompareOptions = {}): CloudComparison {
  const clouds = options.clouds ?? CLOUDS;
  const regionOf = (cloud: Cloud) => options.regions?.[cloud] ?? DEFAULT_REGIONS[cloud];
  const notes: string[] = [];
  let unmapped: string[] = [];
  const columns: CloudCost[] = [];
  const traits = (cloud: Cloud) => ({ advantages: [...CLOUD_TRAITS[cloud].advantages], disadvantages: [...CLOUD_TRAITS[cloud].disadvantages] });

  if ('plan' in input) {
    const mapped = workloadFromPlan(input.plan);
    unmapped = mapped.unmapped;
    const own = mapped.cloud;
    if (!own) throw new RangeError('plan: it has no AWS, Azure or Google Cloud resources to compare');
    notes.push(`the plan is priced as-is on ${own}; the other clouds price the equivalents of its ${mapped.mappedCount} mapped resources`);
    if (unmapped.length > 0) notes.push(`${unmapped.length} resources have no equivalent in the table and are only in the ${own} column`);
    for (const cloud of clouds) {
      if (cloud === own) {
        const estimate = new Estimator(estimatorOptions(options)).estimate(input.plan);
        const items: ComparedItem[] = [
          ...estimate.resources.map((r) => ({ item: r.address, equivalent: r.type, why: 'as planned', monthlyCost: r.monthlyCost, unpriced: [], resources: [r.address] })),
          ...estimate.unsupported.map((u) => ({ item: u.address, equivalent: u.type, why: 'as planned', monthlyCost: null, unpriced: [`${u.address}: ${u.reason}`], resources: [u.address] })),
        ];
        columns.push({ cloud, region: input.plan.resources.find((r) => r.cloud === own && r.region)?.region ?? regionOf(cloud), total: estimate.totalMonthlyCost, complete: estimate.unsupported.length === 0, items, ...traits(cloud), basis: 'plan', estimate });
      } else {
        const region = regionOf(cloud);
        const { items, estimate } = priceBuilt(buildItems(mapped.workload, cloud, region), options);
        columns.push(column(cloud, region, items, estimate, 'plan-mapped', traits(cloud)));
      }
    }
  } else {
    for (const cloud of clouds) {
      const region = regionOf(cloud);
      const built = buildItems(input, cloud, region);
      if (built.length === 0) throw new RangeError('workload: nothing to price (give compute, kubernetes, databases, objectStorageGb, loadBalancers or natGateways)');
      const { items, estimate } = priceBuilt(built, options);
      columns.push(column(cloud, region, items, estimate, 'workload', traits(cloud)));
    }
  }

  const currency = options.currency ?? 'USD';
  const complete = columns.filter((c) => c.complete).sort((a, b) => a.total.amount.comparedTo(b.total.amount));
  const cheapest = complete[0];
  const dearest = complete[complete.length - 1];
  const spread =
    cheapest && dearest && complete.length > 1
      ? { absolute: dearest.total.minus(cheapest.total), pct: cheapest.total.isZero() ? '0.00' : dearest.total.amount.minus(cheapest.total.amount).dividedBy(cheapest.total.amount).times(100).toFixed(2) }
      : null;
  for (const c of columns) if (!c.complete) notes.push(`${c.cloud}: ${c.items.filter((i) => i.monthlyCost === null).length} items could not be priced; its total is partial and it is not ranked`);
  // Per-item winners become advantages, computed from the numbers.
  if ('plan' in input === false) {
    const itemNames = columns[0]?.items.map((i) => i.item) ?? [];
    for (const name of itemNames) {
      const priced = columns.flatMap((c) => {
        const cost = c.items.find((i) => i.item === name)?.monthlyCost;
        return cost ? [{ c, cost }] : [];
      });
      if (priced.length < 2) continue;
      priced.sort((a, b) => a.cost.amount.comparedTo(b.cost.amount));
      const low = priced[0];
      const high = priced[priced.length - 1];
      if (low && high && !low.cost.amount.eq(high.cost.amount)) {
        low.c.advantages.unshift(`cheapest for ${name} (${low.cost.format()} a month)`);
        high.c.disadvantages.unshift(`most expensive for ${name} (${high.cost.format()} a month)`);
      }
    }
  }
  return { currency, clouds: columns, cheapest: cheapest?.cloud ?? null, spread, unmapped, notes };
}

function column(cloud: Cloud, region: string, items: ComparedItem[], estimate: CostEstimate, basis: CloudCost['basis'], traits: { advantages: string[]; disadvantages: string[] }): CloudCost {
  const total = Money.sum(
    items.flatMap((i) => (i.monthlyCost ? [i.monthlyCost] : [])),
    estimate.currency,
  );
  return { cloud, region, total, complete: items.every((i) => i.monthlyCost !== null), items, ...traits, basis, estimate };
}

/** The workload a plan's main resources describe, through the equivalence table (reverse lookup of sizes). */
export function workloadFromPlan(plan: ParsedPlan): { cloud: Cloud | null; workload: Workload; unmapped: string[]; mappedCount: number } {
  const counts = new Map<Cloud, number>();
  for (const r of plan.resources) if (r.cloud && r.mode === 'managed') counts.set(r.cloud, (counts.get(r.cloud) ?? 0) + 1);
  const cloud = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const compute: NonNullable<Workload['compute']>[number][] = [];
  const databases: NonNullable<Workload['databases']>[number][] = [];
  const kubernetes: NonNullable<Workload['kubernetes']>[number][] = [];
  let loadBalancers = 0;
  let natGateways = 0;
  const unmapped: string[] = [];
  let mappedCount = 0;
  const live = plan.resources.filter((r) => r.mode === 'managed' && r.cloud === cloud && r.action !== 'delete' && r.after);
  for (const r of live) {
    const v = r.after;
    if (!v || !cloud) continue;
    const mapped = mapResource(r, cloud);
    if (!mapped) {
      unmapped.push(r.address);
      continue;
    }
    mappedCount++;
    if (mapped.kind === 'compute') compute.push({ name: r.address, ...mapped.shape, class: mapped.class });
    else if (mapped.kind === 'database') databases.push({ name: r.address, ...mapped.db });
    else if (mapped.kind === 'kubernetes') kubernetes.push({ name: r.address, ...mapped.nodes });
    else if (mapped.kind === 'lb') loadBalancers++;
    else natGateways++;
  }
  return {
    cloud,
    unmapped,
    mappedCount,
    workload: {
      ...(compute.length ? { compute } : {}),
      ...(databases.length ? { databases } : {}),
      ...(kubernetes.length ? { kubernetes } : {}),
      ...(loadBalancers ? { loadBalancers } : {}),
      ...(natGateways ? { natGateways } : {}),
    },
  };
}

type Mapped =
  | { kind: 'compute'; shape: { vcpu: number; memoryGb: number }; class: InstanceClass }
  | { kind: 'database'; db: { engine: 'postgres' | 'mysql'; vcpu: number; memoryGb: number; storageGb: number; ha: boolean } }
  | { kind: 'kubernetes'; nodes: { nodes: number; vcpu: number; memoryGb: number } }
  | { kind: 'lb' }
  | { kind: 'nat' };

function mapResource(r: PlanResource, cloud: Cloud): Mapped | undefined {
  const v = r.after;
  if (!v) return undefined;
  const instance = (type: string | undefined): Mapped | undefined => {
    const row = type ? instanceEquivalentOf(cloud, type) : undefined;
    return row ? { kind: 'compute', shape: { vcpu: row.vcpu, memoryGb: row.memoryGb }, class: row.class } : undefined;
  };
  switch (r.type) {
    case 'aws_instance':
      return instance(v.string('instance_type'));
    case 'azurerm_linux_virtual_machine':
    case 'azurerm_windows_virtual_machine':
      return instance(v.string('size'));
    case 'google_compute_instance':
      return instance(v.string('machine_type'));
    case 'aws_db_instance': {
      const row = databaseEquivalentOf('aws', v.string('instance_class') ?? '');
      const engine = v.string('engine') ?? '';
      if (!row || !/postgres|mysql|mariadb/.test(engine)) return undefined;
      return { kind: 'database', db: { engine: engine.includes('postgres') ? 'postgres' : 'mysql', vcpu: row.vcpu, memoryGb: row.memoryGb, storageGb: v.number('allocated_storage') ?? 20, ha: v.boolean('multi_az') ?? false } };
    }
    case 'azurerm_postgresql_flexible_server':
    case 'azurerm_mysql_flexible_server': {
      const row = databaseEquivalentOf('azure', v.string('sku_name') ?? '');
      if (!row) return undefined;
      const storageGb = r.type === 'azurerm_postgresql_flexible_server' ? (v.number('storage_mb') ?? 32768) / 1024 : (v.number('storage[0].size_gb') ?? 20);
      return { kind: 'database', db: { engine: r.type.includes('postgresql') ? 'postgres' : 'mysql', vcpu: row.vcpu, memoryGb: row.memoryGb, storageGb, ha: v.string('high_availability[0].mode') !== undefined } };
    }
    case 'google_sql_database_instance': {
      const row = databaseEquivalentOf('gcp', v.string('settings[0].tier') ?? '');
      if (!row) return undefined;
      return {
        kind: 'database',
        db: { engine: (v.string('database_version') ?? '').startsWith('MYSQL') ? 'mysql' : 'postgres', vcpu: row.vcpu, memoryGb: row.memoryGb, storageGb: v.number('settings[0].disk_size') ?? 10, ha: v.string('settings[0].availability_type') === 'REGIONAL' },
      };
    }
    case 'aws_eks_node_group': {
      const row = instanceEquivalentOf('aws', v.string('instance_types[0]') ?? 't3.medium');
      const nodes = v.number('scaling_config[0].desired_size');
      return row && nodes ? { kind: 'kubernetes', nodes: { nodes, vcpu: row.vcpu, memoryGb: row.memoryGb } } : undefined;
    }
    case 'azurerm_kubernetes_cluster': {
      const row = instanceEquivalentOf('azure', v.string('default_node_pool[0].vm_size') ?? '');
      const nodes = v.number('default_node_pool[0].node_count');
      return row && nodes ? { kind: 'kubernetes', nodes: { nodes, vcpu: row.vcpu, memoryGb: row.memoryGb } } : undefined;
    }
    case 'google_container_node_pool': {
      const row = instanceEquivalentOf('gcp', v.string('node_config[0].machine_type') ?? 'e2-medium');
      const nodes = v.number('node_count');
      return row && nodes ? { kind: 'kubernetes', nodes: { nodes, vcpu: row.vcpu, memoryGb: row.memoryGb } } : undefined;
    }
    case 'aws_lb':
    case 'aws_alb':
    case 'azurerm_lb':
    case 'google_compute_forwarding_rule':
      return { kind: 'lb' };
    case 'aws_nat_gateway':
    case 'azurerm_nat_gateway':
    case 'google_compute_router_nat':
      return { kind: 'nat' };
    default:
      return undefined;
  }
}
