import { type Cloud, type DeploymentRequestedV1 } from '@cloudwright/contracts';
import { Prng } from '@cloudwright/cloud-sim';

/** One resource of a generated plan: its type, name, values and the addresses it refers to. */
export interface BenchResource {
  type: string;
  name: string;
  values: Record<string, unknown>;
  refs: string[];
}

export const addressOf = (r: Pick<BenchResource, 'type' | 'name'>): string => `${r.type}.${r.name}`;

const PROVIDER: Record<Cloud, { key: string; source: string; region?: string }> = {
  aws: { key: 'aws', source: 'registry.terraform.io/hashicorp/aws', region: 'us-east-1' },
  azure: { key: 'azurerm', source: 'registry.terraform.io/hashicorp/azurerm' },
  gcp: { key: 'google', source: 'registry.terraform.io/hashicorp/google', region: 'us-central1' },
};

/** Fewest resources of one cloud: network, subnet, cluster, node pool and whatever the cloud needs around them. */
export const MIN_PER_CLOUD = 5;

const cloudOfType = (type: string): Cloud => (type.startsWith('aws_') ? 'aws' : type.startsWith('azurerm_') ? 'azure' : 'gcp');

/**
 * The resources of one cloud, `count` of them (at least 5): network → subnets → cluster → node pools, then a
 * database, buckets and extras, each referring to what it is built on, the way a real module wires them.
 */
export function cloudResources(cloud: Cloud, stack: string, count: number, prng: Prng): BenchResource[] {
  if (!Number.isInteger(count) || count < MIN_PER_CLOUD) throw new Error(`cloudResources(${cloud}): count must be an integer ≥ ${MIN_PER_CLOUD} (got ${count})`);
  const tags = { stack, env: 'bench' };
  const out: BenchResource[] = [];
  const add = (type: string, name: string, values: Record<string, unknown>, refs: string[]): string => {
    out.push({ type, name, values, refs });
    return `${type}.${name}`;
  };
  const subnetsWanted = 1 + prng.int(Math.min(3, count - 3));
  if (cloud === 'aws') {
    const vpc = add('aws_vpc', 'main', { cidr_block: '10.0.0.0/16', tags }, []);
    const subnets = Array.from({ length: subnetsWanted }, (_, i) =>
      add('aws_subnet', `private_${i}`, { cidr_block: `10.0.${i}.0/24`, availability_zone: `us-east-1${'abc'[i]}`, tags }, [vpc]),
    );
    const cluster = add('aws_eks_cluster', 'main', { name: `${stack}-eks`, version: '1.34', tags }, subnets);
    const extras: (() => void)[] = [
      () => add('aws_eks_node_group', `pool_${out.length}`, { cluster_name: `${stack}-eks`, instance_types: ['m5.large'], capacity_type: 'ON_DEMAND', disk_size: 50, tags }, [cluster]),
      () => add('aws_db_instance', `db_${out.length}`, { engine: 'postgres', engine_version: '16.3', instance_class: 'db.t3.medium', allocated_storage: 50, storage_encrypted: true, tags }, [subnets[0]]),
      () => add('aws_s3_bucket', `bucket_${out.length}`, { bucket: `${stack}-b${out.length}`, tags }, []),
      () => add('aws_security_group', `sg_${out.length}`, { name: `${stack}-sg${out.length}`, description: 'app', tags }, [vpc]),
      () => add('aws_lb', `lb_${out.length}`, { load_balancer_type: 'application', internal: true, tags }, subnets),
    ];
    extras[0](); // every cluster gets a node pool
    while (out.length < count) extras[prng.int(extras.length)]();
  } else if (cloud === 'azure') {
    const location = 'eastus';
    const rg = add('azurerm_resource_group', 'main', { name: `${stack}-rg`, location, tags }, []);
    const vnet = add('azurerm_virtual_network', 'main', { name: `${stack}-vnet`, location, address_space: ['10.1.0.0/16'], tags }, [rg]);
    const subnets = Array.from({ length: Math.max(1, subnetsWanted - 1) }, (_, i) =>
      add('azurerm_subnet', `app_${i}`, { name: `app-${i}`, address_prefixes: [`10.1.${i}.0/24`] }, [vnet]),
    );
    const cluster = add('azurerm_kubernetes_cluster', 'main', { name: `${stack}-aks`, location, sku_tier: 'Standard', tags }, [rg, ...subnets]);
    const extras: (() => void)[] = [
      () => add('azurerm_kubernetes_cluster_node_pool', `pool${out.length}`, { name: `pool${out.length}`, vm_size: 'Standard_D2s_v5', node_count: 2 }, [cluster]),
      () => add('azurerm_storage_account', `sa${out.length}`, { name: `${stack.replace(/[^a-z0-9]/g, '')}sa${out.length}`, location, account_tier: 'Standard', account_replication_type: 'LRS', min_tls_version: 'TLS1_2', tags }, [rg]),
      () => add('azurerm_postgresql_flexible_server', `db${out.length}`, { name: `${stack}-db${out.length}`, location, sku_name: 'GP_Standard_D2s_v3', storage_mb: 32768, version: '16', tags }, [rg, subnets[0]]),
      () => add('azurerm_public_ip', `ip${out.length}`, { name: `${stack}-ip${out.length}`, location, sku: 'Standard', allocation_method: 'Static', tags }, [rg]),
    ];
    extras[0](); // every cluster gets a node pool
    while (out.length < count) extras[prng.int(extras.length)]();
  } else {
    const network = add('google_compute_network', 'main', { name: `${stack}-net`, auto_create_subnetworks: false }, []);
    const subnets = Array.from({ length: subnetsWanted }, (_, i) =>
      add('google_compute_subnetwork', `sub_${i}`, { name: `${stack}-sub${i}`, region: 'us-central1', ip_cidr_range: `10.2.${i}.0/24` }, [network]),
    );
    const cluster = add('google_container_cluster', 'main', { name: `${stack}-gke`, location: 'us-central1', remove_default_node_pool: true, initial_node_count: 1 }, subnets);
    const extras: (() => void)[] = [
      () => add('google_container_node_pool', `pool_${out.length}`, { name: `pool-${out.length}`, location: 'us-central1', node_count: 2 }, [cluster]),
      () => add('google_sql_database_instance', `db_${out.length}`, { name: `${stack}-db${out.length}`, region: 'us-central1', database_version: 'POSTGRES_16' }, [network]),
      () => add('google_storage_bucket', `bucket_${out.length}`, { name: `${stack}-b${out.length}`, location: 'US', storage_class: 'STANDARD', uniform_bucket_level_access: true }, []),
      () => add('google_compute_firewall', `fw_${out.length}`, { name: `${stack}-fw${out.length}`, direction: 'INGRESS' }, [network]),
    ];
    extras[0](); // every cluster gets a node pool
    while (out.length < count) extras[prng.int(extras.length)]();
  }
  if (out.length !== count) throw new Error(`cloudResources(${cloud}): built ${out.length} resources instead of ${count}`);
  return out;
}

/** Splits `total` resources over 1–3 clouds (seeded), at least MIN_PER_CLOUD per cloud used. */
export function cloudSplit(total: number, prng: Prng): [Cloud, number][] {
  const all: Cloud[] = ['aws', 'azure', 'gcp'];
  const used = all.filter((_, i) => i === 0 || prng.int(2) === 1);
  if (prng.int(4) === 0) used.splice(0, used.length, all[prng.int(3)]);
  while (used.length > 1 && total < MIN_PER_CLOUD * used.length) used.pop();
  if (total < MIN_PER_CLOUD) throw new Error(`cloudSplit: ${total} resources are fewer than the ${MIN_PER_CLOUD} of one cloud's network, subnet, cluster and node pool`);
  const counts = used.map(() => MIN_PER_CLOUD);
  for (let left = total - MIN_PER_CLOUD * used.length; left > 0; left--) counts[prng.int(used.length)]++;
  return used.map((c, i) => [c, counts[i]]);
}

/** A Terraform plan JSON (`terraform show -json` shape) creating `resources`, with configuration references. */
export function terraformPlan(resources: BenchResource[]): Record<string, unknown> {
  const clouds = [...new Set(resources.map((r) => cloudOfType(r.type)))];
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: resources.map((r) => ({
      address: addressOf(r),
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider_name: PROVIDER[cloudOfType(r.type)].source,
      change: { actions: ['create'], before: null, after: r.values, after_unknown: { id: true } },
    })),
    configuration: {
      provider_config: Object.fromEntries(
        clouds.map((c) => {
          const p = PROVIDER[c];
          return [p.key, { name: p.key, full_name: p.source, ...(p.region ? { expressions: { region: { constant_value: p.region } } } : {}) }];
        }),
      ),
      root_module: {
        resources: resources.map((r) => ({
          address: addressOf(r),
          mode: 'managed',
          type: r.type,
          name: r.name,
          provider_config_key: PROVIDER[cloudOfType(r.type)].key,
          expressions: Object.fromEntries(r.refs.map((ref, i) => [`ref_${i}`, { references: [`${ref}.id`, ref] }])),
        })),
      },
    },
  };
}

export interface BenchDeployment {
  stack: string;
  resources: BenchResource[];
  clouds: Cloud[];
  request: DeploymentRequestedV1;
  /** The address whose create is made to fail (chaos runs), else null. */
  faultAddress: string | null;
}

export interface GenerateOptions {
  count: number;
  resourcesPerPlan: number;
  environment: string;
  seed: string;
  /** Share of deployments (0..1) given a failing resource; the failing one is never a root of the graph. */
  faultShare?: number;
  /** Distinguishes runs: part of every stack name and request key. */
  runId: string;
}

/** `count` deployment requests, each a different stack with `resourcesPerPlan` resources over 1–3 clouds (seeded). */
export function generateDeployments(o: GenerateOptions): BenchDeployment[] {
  if (!Number.isInteger(o.count) || o.count < 1) throw new Error(`generateDeployments: count must be an integer ≥ 1 (got ${o.count})`);
  if (!Number.isInteger(o.resourcesPerPlan) || o.resourcesPerPlan < MIN_PER_CLOUD) {
    throw new Error(`generateDeployments: resourcesPerPlan must be an integer ≥ ${MIN_PER_CLOUD} (got ${o.resourcesPerPlan})`);
  }
  const share = o.faultShare ?? 0;
  if (!(share >= 0 && share <= 1)) throw new Error(`generateDeployments: faultShare must be within 0..1 (got ${share})`);
  const faulty = Math.round(o.count * share);
  const prng = Prng.keyed(o.seed, 'bench-saga-plans');
  const faultPick = Prng.keyed(o.seed, 'bench-saga-faults');
  // which deployments fail: a seeded choice of `faulty` indexes
  const order = Array.from({ length: o.count }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = faultPick.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const faultySet = new Set(order.slice(0, faulty));
  return Array.from({ length: o.count }, (_, i) => {
    const stack = `bench-${o.runId}-${String(i).padStart(3, '0')}`;
    const resources = cloudSplit(o.resourcesPerPlan, prng).flatMap(([cloud, n]) => cloudResources(cloud, stack, n, prng));
    const clouds = [...new Set(resources.map((r) => cloudOfType(r.type)))];
    const dependent = resources.filter((r) => r.refs.length > 0);
    const faultAddress = faultySet.has(i) && dependent.length ? addressOf(dependent[faultPick.int(dependent.length)]) : null;
    const runId = `${o.runId}-${i}`;
    const request: DeploymentRequestedV1 = {
      requestKey: `cli:cloudwright/bench:${runId}:${stack}:${o.environment}`,
      stack,
      environment: o.environment,
      targetClouds: clouds,
      plan: { format: 'terraform-plan-json', inline: terraformPlan(resources) },
      ci: { provider: 'cli', runId, commit: 'b0b0b0b0b0b0', actor: 'bench', repository: 'cloudwright/bench' },
      labels: { bench: 'saga' },
    };
    return { stack, resources, clouds, request, faultAddress };
  });
}
