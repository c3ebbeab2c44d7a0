import { UnsupportedResource, type ComponentDraft, type PricerContext } from '../../engine/pricer';
import { monthlyHours } from '../helpers';

export type AzureOs = 'linux' | 'windows';

/** Catalog key of a VM size's hourly price: `vm:standard_d2s_v5:linux`. */
export function vmSku(size: string, os: AzureOs): string {
  return `vm:${size.toLowerCase()}:${os}`;
}

export interface VmLineOptions {
  readonly size: string;
  readonly os: AzureOs;
  readonly count: number;
  readonly spot?: boolean;
  /** Azure Hybrid Benefit: a Windows VM with its own licence is billed at the Linux (compute-only) rate. */
  readonly hybridBenefit?: boolean;
  readonly label?: string;
}

/** The hourly line of `count` VMs of one size, or UnsupportedResource when the catalog has no price for it. */
export function vmLine(ctx: PricerContext, o: VmLineOptions): ComponentDraft {
  const billedOs: AzureOs = o.os === 'windows' && o.hybridBenefit ? 'linux' : o.os;
  const sku = vmSku(o.size, billedOs);
  if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for VM size ${o.size} (${billedOs}) in ${ctx.region}`);
  const how = o.spot ? 'spot' : o.hybridBenefit && o.os === 'windows' ? 'hybrid benefit' : 'pay as you go';
  const osLabel = o.os === 'windows' ? 'Windows' : 'Linux';
  return {
    name: `${o.label ? `${o.label}: ` : ''}Instance usage (${osLabel}, ${how}, ${o.size})`,
    unit: 'hours',
    monthlyQuantity: monthlyHours(o.count),
    sku,
    ...(o.spot ? { term: 'spot' as const } : {}),
  };
}

/** Size tiers of Azure managed disks (GiB → tier number), smallest first. */
const DISK_TIERS: readonly (readonly [number, number])[] = [
  [4, 1],
  [8, 2],
  [16, 3],
  [32, 4],
  [64, 6],
  [128, 10],
  [256, 15],
  [512, 20],
  [1024, 30],
  [2048, 40],
  [4096, 50],
  [8192, 60],
  [16384, 70],
  [32767, 80],
];

const TIER_PREFIX: Readonly<Record<string, string>> = { Standard_LRS: 'S', StandardSSD_LRS: 'E', Premium_LRS: 'P', StandardSSD_ZRS: 'E', Premium_ZRS: 'P' };

/** `P10` for a 100 GiB Premium_LRS disk: the smallest tier that holds the size (Standard HDD starts at S4). */
export function diskTier(type: string, sizeGb: number): string {
  const prefix = TIER_PREFIX[type];
  if (!prefix) throw new UnsupportedResource(`managed disk type ${type} has no size tiers (expected Standard_LRS, StandardSSD_LRS, StandardSSD_ZRS, Premium_LRS or Premium_ZRS)`);
  const minimum = prefix === 'S' ? 32 : 0;
  const found = DISK_TIERS.find(([size]) => size >= Math.max(sizeGb, minimum));
  if (!found) throw new UnsupportedResource(`managed disk size ${sizeGb} GiB is above the largest ${type} tier (32,767 GiB)`);
  return `${prefix}${found[1]}`;
}

/** Catalog key of a tiered disk's monthly price: `managed-disk:premium_lrs:p10`. */
export function diskTierSku(type: string, tier: string): string {
  return `managed-disk:${type.toLowerCase()}:${tier.toLowerCase()}`;
}

export const DISK_OPERATIONS_USAGE = {
  key: 'monthly_disk_operations',
  unit: 'operations',
  description: 'Disk operations (reads and writes) per month, billed per 10K on Standard HDD and Standard SSD disks',
} as const;

/**
 * Lines of `count` tiered managed disks (OS disk of a VM, or a data disk): the size tier per month, plus the
 * per-10K transaction line for Standard HDD and Standard SSD (usage `monthly_disk_operations`, per disk).
 */
export function tieredDiskLines(ctx: PricerContext, type: string, sizeGb: number, count: number, label: string): ComponentDraft[] {
  const tier = diskTier(type, sizeGb);
  const sku = diskTierSku(type, tier);
  if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for managed disk ${type} ${tier} in ${ctx.region}`);
  const lines: ComponentDraft[] = [{ name: `${label}: Storage (${tier}, ${type})`, unit: 'months', monthlyQuantity: count, sku, onDemandOnly: true }];
  if (type.startsWith('Standard')) {
    const ops = ctx.usage(DISK_OPERATIONS_USAGE.key);
    lines.push({
      name: `${label}: Disk operations`,
      unit: '10K operations',
      monthlyQuantity: ops === undefined ? 0 : (ops / 10000) * count,
      sku: `managed-disk:${type.toLowerCase()}:operations`,
      usageBased: true,
      onDemandOnly: true,
    });
  }
  return lines;
}

/** Whether a VM size supports Premium storage (the `s` capability letter: D2s_v5, DS2_v2, B2ms, F2s_v2…). */
export function supportsPremiumStorage(size: string): boolean {
  const name = size.replace(/^standard_/i, '');
  if (/^DS\d|^GS\d/i.test(name)) return true;
  const m = /^[A-Z]+\d+(-\d+)?([a-z]*)/i.exec(name);
  return m?.[2]?.toLowerCase().includes('s') ?? false;
}
