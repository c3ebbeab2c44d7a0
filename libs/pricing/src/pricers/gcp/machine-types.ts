import Decimal from 'decimal.js';
import { UnsupportedResource, type ComponentDraft, type PricerContext } from '../../engine/pricer';
import { monthlyHours } from '../helpers';

/**
 * Compute Engine machine types, billed as vCPU-hours plus GB-hours of memory at the family's SKU prices (Google bills
 * predefined types this way too: an n2-standard-4 is 4 "N2 Instance Core" hours plus 16 "N2 Instance Ram" GB-hours).
 */
export interface MachineShape {
  /** Catalog family key: `e2`, `n1`, `n2`, `n2-custom`, `e2-custom`. */
  readonly family: string;
  readonly vcpus: Decimal;
  readonly memoryGb: Decimal;
  readonly custom: boolean;
}

/** GB of memory per vCPU of the predefined classes (Compute Engine machine families resource and comparison guide). */
const MEMORY_PER_VCPU: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  n1: { standard: '3.75', highmem: '6.5', highcpu: '0.9' },
  n2: { standard: '4', highmem: '8', highcpu: '1' },
  e2: { standard: '4', highmem: '8', highcpu: '1' },
};

/** E2 shared-core types: fractional vCPU billed at the E2 core price (e2-micro 0.25, e2-small 0.5, e2-medium 1 vCPU). */
const E2_SHARED: Readonly<Record<string, { vcpus: string; memoryGb: string }>> = {
  'e2-micro': { vcpus: '0.25', memoryGb: '1' },
  'e2-small': { vcpus: '0.5', memoryGb: '2' },
  'e2-medium': { vcpus: '1', memoryGb: '4' },
};

/**
 * Parses a machine type (`n2-standard-4`, `e2-medium`, `custom-6-20480`, `n2-custom-4-8192-ext`), or throws
 * UnsupportedResource naming the type when the family or shape is not one the catalog prices.
 */
export function machineShape(machineType: string, region: string): MachineShape {
  const type = machineType.trim().toLowerCase().split('/').pop() ?? '';
  const shared = E2_SHARED[type];
  if (shared) return { family: 'e2', vcpus: new Decimal(shared.vcpus), memoryGb: new Decimal(shared.memoryGb), custom: false };
  const predefined = /^([a-z]\d+[a-z]?)-(standard|highmem|highcpu)-(\d+)$/.exec(type);
  if (predefined) {
    const [, family = '', klass = '', n = '0'] = predefined;
    const ratio = MEMORY_PER_VCPU[family]?.[klass];
    if (!ratio) throw new UnsupportedResource(`no list price for machine type ${machineType} in ${region}: the ${family.toUpperCase()} family is not in the catalog`);
    const vcpus = new Decimal(n);
    return { family, vcpus, memoryGb: vcpus.times(ratio), custom: false };
  }
  // custom-N-MB (N1), n2-custom-N-MB, e2-custom-N-MB, optional -ext (extended memory).
  const custom = /^(?:([a-z]\d+[a-z]?)-)?custom-(\d+)-(\d+)(-ext)?$/.exec(type);
  if (custom) {
    const [, family = 'n1', n = '0', mb = '0', ext] = custom;
    if (ext) throw new UnsupportedResource(`no list price for machine type ${machineType} in ${region}: extended-memory custom types are not in the catalog`);
    return { family: `${family}-custom`, vcpus: new Decimal(n), memoryGb: new Decimal(mb).dividedBy(1024), custom: true };
  }
  throw new UnsupportedResource(`no list price for machine type ${machineType} in ${region}: not a predefined or custom machine type the catalog knows`);
}

export interface MachineLineOptions {
  readonly machineType: string;
  /** Number of VMs running all month. */
  readonly count: Decimal.Value;
  readonly spot: boolean;
  /** Prefix of the line names (a GKE node pool's name). */
  readonly label?: string;
}

/** The vCPU and memory lines of `count` VMs of a machine type, or UnsupportedResource when the catalog lacks its price. */
export function machineLines(ctx: PricerContext, o: MachineLineOptions): ComponentDraft[] {
  const shape = machineShape(o.machineType, ctx.region);
  const vcpuSku = `compute:${shape.family}:vcpu`;
  const ramSku = `compute:${shape.family}:ram`;
  if (!ctx.hasPrice(vcpuSku) || !ctx.hasPrice(ramSku)) {
    throw new UnsupportedResource(`no list price for machine type ${o.machineType} in ${ctx.region}`);
  }
  const prefix = o.label ? `${o.label}: ` : '';
  const how = o.spot ? 'spot' : 'on-demand';
  const hours = monthlyHours(o.count);
  // Spot VMs take the spot price whatever commitment the estimate asks for; commitments do not cover spot VMs.
  const term = o.spot ? ({ term: 'spot' } as const) : {};
  return [
    {
      name: `${prefix}Instance vCPU (Linux/UNIX, ${how}, ${o.machineType}, ${shape.vcpus.toString()} vCPU)`,
      unit: 'hours',
      monthlyQuantity: hours.times(shape.vcpus),
      sku: vcpuSku,
      ...term,
    },
    {
      name: `${prefix}Instance memory (Linux/UNIX, ${how}, ${o.machineType}, ${shape.memoryGb.toString()} GB)`,
      unit: 'GB-hours',
      monthlyQuantity: hours.times(shape.memoryGb),
      sku: ramSku,
      ...term,
    },
  ];
}

/** Families on which Google applies sustained-use discounts automatically (Compute Engine SUD documentation). */
const SUD_FAMILIES = new Set(['n1', 'n2', 'n1-custom', 'n2-custom']);

export function sustainedUseEligible(machineType: string, region: string): boolean {
  try {
    return SUD_FAMILIES.has(machineShape(machineType, region).family);
  } catch {
    return false;
  }
}

/** A persistent disk line (GB-months) of a disk type; UnsupportedResource when the type has no price in the region. */
export function diskLine(ctx: PricerContext, type: string, sizeGb: Decimal.Value, label: string): ComponentDraft {
  const sku = `compute:disk:${type}`;
  if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for disk type ${type} in ${ctx.region}`);
  return { name: `${label} (${type})`, unit: 'GB', monthlyQuantity: new Decimal(sizeGb), sku, onDemandOnly: true };
}
