import type { Cloud } from '@cloudwright/terraform-plan';

/**
 * Cross-cloud equivalence tables (data, not code): which instance size, managed database tier, Kubernetes control
 * plane, storage class and gateway of each cloud does the same job. Shapes are from the clouds' public instance-type
 * documentation (vCPU and GiB of memory); families are matched by purpose and generation (Intel Ice Lake / Cascade Lake
 * class: AWS 6th generation, Azure v5, Google N2).
 */

export type InstanceClass = 'general' | 'compute' | 'memory' | 'burstable';

export interface InstanceEquivalent {
  readonly class: InstanceClass;
  readonly vcpu: number;
  readonly memoryGb: number;
  readonly aws: string;
  readonly azure: string;
  readonly gcp: string;
}

export const INSTANCE_EQUIVALENTS: readonly InstanceEquivalent[] = [
  { class: 'burstable', vcpu: 2, memoryGb: 4, aws: 't3.medium', azure: 'Standard_B2s', gcp: 'e2-medium' },
  { class: 'burstable', vcpu: 2, memoryGb: 8, aws: 't3.large', azure: 'Standard_B2ms', gcp: 'e2-standard-2' },
  { class: 'compute', vcpu: 2, memoryGb: 4, aws: 'c6i.large', azure: 'Standard_F2s_v2', gcp: 'n2-custom-2-4096' },
  { class: 'compute', vcpu: 4, memoryGb: 8, aws: 'c6i.xlarge', azure: 'Standard_F4s_v2', gcp: 'n2-custom-4-8192' },
  { class: 'compute', vcpu: 8, memoryGb: 16, aws: 'c6i.2xlarge', azure: 'Standard_F8s_v2', gcp: 'n2-custom-8-16384' },
  { class: 'general', vcpu: 2, memoryGb: 8, aws: 'm6i.large', azure: 'Standard_D2s_v5', gcp: 'n2-standard-2' },
  { class: 'general', vcpu: 4, memoryGb: 16, aws: 'm6i.xlarge', azure: 'Standard_D4s_v5', gcp: 'n2-standard-4' },
  { class: 'general', vcpu: 8, memoryGb: 32, aws: 'm6i.2xlarge', azure: 'Standard_D8s_v5', gcp: 'n2-standard-8' },
  { class: 'general', vcpu: 16, memoryGb: 64, aws: 'm6i.4xlarge', azure: 'Standard_D16s_v5', gcp: 'n2-standard-16' },
  { class: 'general', vcpu: 32, memoryGb: 128, aws: 'm6i.8xlarge', azure: 'Standard_D32s_v5', gcp: 'n2-standard-32' },
  { class: 'memory', vcpu: 2, memoryGb: 16, aws: 'r6i.large', azure: 'Standard_E2s_v5', gcp: 'n2-highmem-2' },
  { class: 'memory', vcpu: 4, memoryGb: 32, aws: 'r6i.xlarge', azure: 'Standard_E4s_v5', gcp: 'n2-highmem-4' },
  { class: 'memory', vcpu: 8, memoryGb: 64, aws: 'r6i.2xlarge', azure: 'Standard_E8s_v5', gcp: 'n2-highmem-8' },
  { class: 'memory', vcpu: 16, memoryGb: 128, aws: 'r6i.4xlarge', azure: 'Standard_E16s_v5', gcp: 'n2-highmem-16' },
];

export interface DatabaseEquivalent {
  readonly vcpu: number;
  readonly memoryGb: number;
  /** aws_db_instance.instance_class */
  readonly aws: string;
  /** azurerm_{postgresql,mysql}_flexible_server.sku_name */
  readonly azure: string;
  /** google_sql_database_instance.settings.tier */
  readonly gcp: string;
}

export const DATABASE_EQUIVALENTS: readonly DatabaseEquivalent[] = [
  { vcpu: 2, memoryGb: 8, aws: 'db.m6i.large', azure: 'GP_Standard_D2ds_v5', gcp: 'db-custom-2-8192' },
  { vcpu: 2, memoryGb: 16, aws: 'db.r6i.large', azure: 'MO_Standard_E2ds_v5', gcp: 'db-custom-2-16384' },
  { vcpu: 4, memoryGb: 16, aws: 'db.m6i.xlarge', azure: 'GP_Standard_D4ds_v5', gcp: 'db-custom-4-16384' },
  { vcpu: 4, memoryGb: 32, aws: 'db.r6i.xlarge', azure: 'MO_Standard_E4ds_v5', gcp: 'db-custom-4-32768' },
  { vcpu: 8, memoryGb: 32, aws: 'db.m6i.2xlarge', azure: 'GP_Standard_D8ds_v5', gcp: 'db-custom-8-32768' },
  { vcpu: 16, memoryGb: 64, aws: 'db.m6i.4xlarge', azure: 'GP_Standard_D16ds_v5', gcp: 'db-custom-16-65536' },
];

/** Terraform resource types (and fixed attributes) of the non-sized services, per cloud. */
export const SERVICE_EQUIVALENTS = {
  kubernetesControlPlane: {
    aws: { type: 'aws_eks_cluster', label: 'EKS cluster (standard support)' },
    azure: { type: 'azurerm_kubernetes_cluster', label: 'AKS cluster, Standard tier (uptime SLA, comparable to EKS and GKE)' },
    gcp: { type: 'google_container_cluster', label: 'GKE Standard cluster (zonal)' },
  },
  /** `usageKey`: the pricer's usage key for GB stored in the standard class. */
  objectStorage: {
    aws: { type: 'aws_s3_bucket', label: 'S3 Standard', usageKey: 'standard_storage_gb' },
    azure: { type: 'azurerm_storage_account', label: 'Blob storage, StorageV2 Standard LRS, Hot tier', usageKey: 'storage_gb' },
    gcp: { type: 'google_storage_bucket', label: 'Cloud Storage STANDARD, regional', usageKey: 'storage_gb' },
  },
  loadBalancer: {
    aws: { type: 'aws_lb', label: 'Application Load Balancer' },
    azure: { type: 'azurerm_lb', label: 'Load Balancer, Standard SKU' },
    gcp: { type: 'google_compute_forwarding_rule', label: 'External Application Load Balancer forwarding rule' },
  },
  natGateway: {
    aws: { type: 'aws_nat_gateway', label: 'NAT gateway' },
    azure: { type: 'azurerm_nat_gateway', label: 'NAT gateway, Standard SKU' },
    gcp: { type: 'google_compute_router_nat', label: 'Cloud NAT' },
  },
} as const satisfies Record<string, Record<Cloud, { type: string; label: string; usageKey?: string }>>;

/** Qualitative trade-offs of each cloud's equivalents, reported next to the numbers (public product documentation). */
export const CLOUD_TRAITS: Readonly<Record<Cloud, { advantages: readonly string[]; disadvantages: readonly string[] }>> = {
  aws: {
    advantages: ['widest choice of instance families and regions', 'Savings Plans apply across instance families and regions'],
    disadvantages: ['NAT gateway and load balancers bill per hour and per GB processed', 'EKS control plane is billed per cluster hour'],
  },
  azure: {
    advantages: ['AKS Free tier has no control-plane charge (no SLA)', 'Azure Hybrid Benefit reuses Windows Server and SQL Server licences'],
    disadvantages: ['managed database storage and HA standby are billed separately from compute'],
  },
  gcp: {
    advantages: ['sustained-use discounts apply automatically to N1/N2 VMs (not shown in list prices)', 'custom machine shapes avoid paying for unused vCPU or memory'],
    disadvantages: ['Cloud SQL HA (regional) doubles the instance price', 'fewer regions than AWS and Azure'],
  },
};

/** Sizes of a family from smallest to largest, for right-sizing one step down. */
export interface SizeLadder {
  readonly cloud: Cloud;
  /** Instance types of the family, smallest first. */
  readonly sizes: readonly string[];
}

const awsLadder = (family: string): SizeLadder => ({ cloud: 'aws', sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'].map((s) => `${family}.${s}`) });
const azureLadder = (pattern: (n: number) => string, ns: readonly number[]): SizeLadder => ({ cloud: 'azure', sizes: ns.map(pattern) });
const gcpLadder = (family: string): SizeLadder => ({ cloud: 'gcp', sizes: [2, 4, 8, 16, 32, 48, 64, 80].map((n) => `${family}-${n}`) });

export const SIZE_LADDERS: readonly SizeLadder[] = [
  ...['m6i', 'm5', 'm4', 'c6i', 'c5', 'c4', 'r6i', 'r5', 'r4', 'm7i', 'c7i', 'r7i', 'm6a', 'm6g', 'm7g'].map(awsLadder),
  { cloud: 'aws', sizes: ['t3.nano', 't3.micro', 't3.small', 't3.medium', 't3.large', 't3.xlarge', 't3.2xlarge'] },
  { cloud: 'aws', sizes: ['t2.nano', 't2.micro', 't2.small', 't2.medium', 't2.large', 't2.xlarge', 't2.2xlarge'] },
  azureLadder((n) => `Standard_D${n}s_v5`, [2, 4, 8, 16, 32, 48, 64, 96]),
  azureLadder((n) => `Standard_D${n}s_v4`, [2, 4, 8, 16, 32, 48, 64]),
  azureLadder((n) => `Standard_D${n}s_v3`, [2, 4, 8, 16, 32, 48, 64]),
  azureLadder((n) => `Standard_E${n}s_v5`, [2, 4, 8, 16, 20, 32, 48, 64, 96]),
  azureLadder((n) => `Standard_F${n}s_v2`, [2, 4, 8, 16, 32, 48, 64, 72]),
  azureLadder((n) => `Standard_B${n}ms`, [1, 2, 4, 8, 12, 16, 20]),
  ...['n2-standard', 'n2-highmem', 'n2-highcpu', 'n1-standard', 'n1-highmem', 'e2-standard', 'e2-highmem', 'n2d-standard'].map(gcpLadder),
  { cloud: 'aws', sizes: ['db.m6i.large', 'db.m6i.xlarge', 'db.m6i.2xlarge', 'db.m6i.4xlarge', 'db.m6i.8xlarge'] },
  { cloud: 'aws', sizes: ['db.m5.large', 'db.m5.xlarge', 'db.m5.2xlarge', 'db.m5.4xlarge', 'db.m5.8xlarge'] },
  { cloud: 'aws', sizes: ['db.r6i.large', 'db.r6i.xlarge', 'db.r6i.2xlarge', 'db.r6i.4xlarge', 'db.r6i.8xlarge'] },
];

/** Previous-generation types and their current-generation replacement with the same shape (prefix → prefix). */
export const PREVIOUS_GENERATION: readonly { readonly cloud: Cloud; readonly from: RegExp; readonly to: (match: RegExpExecArray) => string; readonly note: string }[] = [
  { cloud: 'aws', from: /^m4\.(\w+)$/, to: (m) => `m6i.${m[1] ?? ''}`, note: 'M4 (Haswell/Broadwell, 2015) → M6i (Ice Lake): same vCPU and memory' },
  { cloud: 'aws', from: /^c4\.(\w+)$/, to: (m) => `c6i.${m[1] ?? ''}`, note: 'C4 → C6i: C6i has 4 GiB of memory per 2 vCPU instead of 3.75' },
  { cloud: 'aws', from: /^r4\.(\w+)$/, to: (m) => `r6i.${m[1] ?? ''}`, note: 'R4 → R6i: same vCPU, 16 GiB per 2 vCPU instead of 15.25' },
  { cloud: 'aws', from: /^t2\.(\w+)$/, to: (m) => `t3.${m[1] ?? ''}`, note: 'T2 → T3: same shape, Nitro, unlimited mode by default' },
  { cloud: 'aws', from: /^m5\.(\w+)$/, to: (m) => `m6i.${m[1] ?? ''}`, note: 'M5 → M6i: same shape, newer generation' },
  { cloud: 'azure', from: /^Standard_D(\d+)s_v3$/, to: (m) => `Standard_D${m[1] ?? ''}s_v5`, note: 'Dsv3 → Dsv5: same vCPU and memory' },
  { cloud: 'azure', from: /^Standard_DS(\d)_v2$/, to: (m) => `Standard_D${{ '1': '2', '2': '2', '3': '4', '4': '8', '5': '16' }[m[1] ?? ''] ?? ''}s_v5`, note: 'DSv2 → Dsv5: at least the same vCPU, more memory' },
  { cloud: 'gcp', from: /^n1-(standard|highmem|highcpu)-(\d+)$/, to: (m) => `n2-${m[1] ?? ''}-${m[2] ?? ''}`, note: 'N1 → N2: same vCPU, slightly more memory, faster cores' },
];

/** The equivalence row of an instance type of any cloud. */
export function instanceEquivalentOf(cloud: Cloud, type: string): InstanceEquivalent | undefined {
  return INSTANCE_EQUIVALENTS.find((row) => row[cloud] === type);
}

export function databaseEquivalentOf(cloud: Cloud, tier: string): DatabaseEquivalent | undefined {
  return DATABASE_EQUIVALENTS.find((row) => row[cloud] === tier);
}

/** The next smaller size of the same family, when the ladder knows the type. */
export function smallerSize(cloud: Cloud, type: string, steps = 1): string | undefined {
  for (const ladder of SIZE_LADDERS) {
    if (ladder.cloud !== cloud) continue;
    const i = ladder.sizes.indexOf(type);
    if (i >= 0) return i - steps >= 0 ? ladder.sizes[i - steps] : undefined;
  }
  return undefined;
}

/** The current-generation replacement of a previous-generation type. */
export function currentGenerationOf(cloud: Cloud, type: string): { type: string; note: string } | undefined {
  for (const rule of PREVIOUS_GENERATION) {
    if (rule.cloud !== cloud) continue;
    const m = rule.from.exec(type);
    if (m) return { type: rule.to(m), note: rule.note };
  }
  return undefined;
}
