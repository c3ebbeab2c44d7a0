import Decimal from 'decimal.js';
import { splitPath, type AttrPath, type PlanResource, type ResourceValues } from '@cloudwright/terraform-plan';
import { UnsupportedResource, type ComponentDraft, type PricerContext } from '../../engine/pricer';
import { monthlyHours } from '../helpers';

/** EBS volume types and how they are billed. https://aws.amazon.com/ebs/pricing/ */
export const EBS_VOLUME_TYPES = ['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard'] as const;
export type EbsVolumeType = (typeof EBS_VOLUME_TYPES)[number];

const EBS_LABEL: Readonly<Record<EbsVolumeType, string>> = {
  gp2: 'general purpose SSD, gp2',
  gp3: 'general purpose SSD, gp3',
  io1: 'provisioned IOPS SSD, io1',
  io2: 'provisioned IOPS SSD, io2',
  st1: 'throughput optimized HDD, st1',
  sc1: 'cold HDD, sc1',
  standard: 'magnetic',
};

/** gp3 includes 3,000 IOPS and 125 MB/s; only the provisioned amount above that is billed. */
export const GP3_INCLUDED_IOPS = 3000;
export const GP3_INCLUDED_THROUGHPUT = 125;

export function isEbsVolumeType(value: string): value is EbsVolumeType {
  return (EBS_VOLUME_TYPES as readonly string[]).includes(value);
}

/** Reads a value that lives in a nested block (`root_block_device[0].volume_size`) through `ctx.assume`, so the assumption names the full path. */
export interface VolumeSpec {
  /** Component name prefix, e.g. `root_block_device` or `ebs_block_device[1]`; empty for a standalone volume. */
  readonly label: string;
  readonly type: string;
  readonly sizeGb: number;
  readonly iops?: number;
  readonly throughput?: number;
}

/**
 * Lines of one EBS volume: storage GB, plus IOPS (gp3 above 3,000, io1/io2 all) and throughput (gp3 above 125 MB/s),
 * and magnetic I/O requests from usage. `count` multiplies every line (e.g. node groups).
 */
export function ebsVolumeDrafts(ctx: PricerContext, volume: VolumeSpec, count: Decimal.Value = 1, ioUsageKey = 'monthly_standard_io_requests'): ComponentDraft[] {
  if (!isEbsVolumeType(volume.type)) {
    throw new UnsupportedResource(`unknown EBS volume type ${volume.type}${volume.label ? ` in ${volume.label}` : ''} (expected one of ${EBS_VOLUME_TYPES.join(', ')})`);
  }
  const type = volume.type;
  const prefix = volume.label ? `${volume.label}: ` : '';
  const n = new Decimal(count);
  const drafts: ComponentDraft[] = [
    { name: `${prefix}Storage (${EBS_LABEL[type]})`, unit: 'GB', monthlyQuantity: n.times(volume.sizeGb), sku: `ebs:${type}:storage`, onDemandOnly: true },
  ];
  if (type === 'gp3') {
    const iops = Math.max(0, (volume.iops ?? GP3_INCLUDED_IOPS) - GP3_INCLUDED_IOPS);
    const throughput = Math.max(0, (volume.throughput ?? GP3_INCLUDED_THROUGHPUT) - GP3_INCLUDED_THROUGHPUT);
    if (iops > 0) drafts.push({ name: `${prefix}Provisioned IOPS (gp3, above 3,000)`, unit: 'IOPS', monthlyQuantity: n.times(iops), sku: 'ebs:gp3:iops', onDemandOnly: true });
    if (throughput > 0) drafts.push({ name: `${prefix}Provisioned throughput (gp3, above 125 MBps)`, unit: 'MBps', monthlyQuantity: n.times(throughput), sku: 'ebs:gp3:throughput', onDemandOnly: true });
  }
  if (type === 'io1' || type === 'io2') {
    drafts.push({ name: `${prefix}Provisioned IOPS (${type})`, unit: 'IOPS', monthlyQuantity: n.times(volume.iops ?? 0), sku: `ebs:${type}:iops`, onDemandOnly: true });
  }
  if (type === 'standard') {
    const requests = ctx.usage(ioUsageKey);
    drafts.push({
      name: `${prefix}I/O requests (magnetic)`,
      unit: '1M requests',
      monthlyQuantity: requests === undefined ? 0 : n.times(requests).dividedBy(1_000_000),
      sku: 'ebs:standard:io',
      usageBased: true,
      onDemandOnly: true,
    });
  }
  return drafts;
}

/** Reads a volume block (`root_block_device[0]`, `ebs_block_device[2]`) with the provider's documented defaults. */
export function volumeFromBlock(ctx: PricerContext, path: string, label: string, defaults: { sizeGb: number; type: string; sizeReason: string; typeReason: string }): VolumeSpec {
  const type = ctx.assume(`${path}.volume_type`, defaults.type, defaults.typeReason);
  const sizeGb = ctx.assume(`${path}.volume_size`, defaults.sizeGb, defaults.sizeReason);
  return { label, type, sizeGb, ...provisioned(ctx, path, type) };
}

/** IOPS and throughput of a volume: gp3 defaults (3,000 / 125) are included; io1/io2 need `iops`. */
export function provisioned(ctx: PricerContext, path: string, type: string): { iops?: number; throughput?: number } {
  const at = (attr: string) => (path ? `${path}.${attr}` : attr);
  if (type === 'gp3') {
    return {
      iops: ctx.assume(at('iops'), GP3_INCLUDED_IOPS, 'gp3 volumes default to the 3,000 IOPS included in the price (AWS EBS docs; provider: iops defaults to the volume type default)'),
      throughput: ctx.assume(at('throughput'), GP3_INCLUDED_THROUGHPUT, 'gp3 volumes default to the 125 MB/s included in the price (AWS EBS docs; provider: throughput defaults to the volume type default)'),
    };
  }
  if (type === 'io1' || type === 'io2') {
    return { iops: ctx.assume(at('iops'), 100, `${type} requires iops; 100 is the minimum AWS allows (AWS EBS docs)`) };
  }
  return {};
}

/** One always-on hourly line. */
export function hourly(name: string, sku: string, count: Decimal.Value = 1, extra: Partial<ComponentDraft> = {}): ComponentDraft {
  return { name, unit: 'hours', monthlyQuantity: monthlyHours(count), sku, ...extra };
}

/** A usage line whose quantity is the usage value divided by `per` (e.g. requests per 1M). */
export function usagePer(ctx: PricerContext, key: string, draft: Omit<ComponentDraft, 'monthlyQuantity' | 'usageBased'>, per: Decimal.Value = 1): ComponentDraft {
  const value = ctx.usage(key);
  return { ...draft, monthlyQuantity: value === undefined ? 0 : new Decimal(value).dividedBy(per), usageBased: true };
}

/** A required string attribute: unsupported (with the reason) when unknown at plan time or missing. */
export function required(ctx: PricerContext, path: string, what: string): string {
  const got = ctx.values.get(path);
  if (got.state === 'unknown') throw new UnsupportedResource(`${path} is unknown at plan time, so the ${what} cannot be priced`);
  const value = ctx.values.string(path);
  if (value === undefined || value === '') throw new UnsupportedResource(`${path} is not set, so the ${what} cannot be priced`);
  return value;
}

/** Throws the standard `no list price for …` reason when the catalog lacks a sku in the resource's region. */
export function requirePrice(ctx: PricerContext, sku: string, what: string, region?: string): void {
  if (!ctx.hasPrice(sku, region)) throw new UnsupportedResource(`no list price for ${what} in ${region ?? ctx.region}`);
}

/** `a.0.b` → `a[0].b`, as the engine names attributes in assumptions. */
function displayPath(path: AttrPath): string {
  return splitPath(path)
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
}

/**
 * The values of another resource of the plan on the side being priced. The before side of a resource that the plan
 * creates does not exist; its after side is used (the price of the change is then not visible in the diff).
 */
export function sideValues(ctx: PricerContext, other: PlanResource): ResourceValues | null {
  return (ctx.side === 'before' ? (other.before ?? other.after) : (other.after ?? other.before)) ?? null;
}

/**
 * A context that reads another resource of the plan (a launch template, a task definition) with the helpers written for
 * a resource's own values (`assume`, `volumeFromBlock`…). Assumptions and notes stay on the priced resource, their
 * attribute prefixed with the other resource's address (`aws_launch_template.web.block_device_mappings[0].ebs.volume_size`);
 * usage, region and prices are the priced resource's.
 */
export function referencedContext(ctx: PricerContext, other: PlanResource, values: ResourceValues): PricerContext {
  const prefixed = (attribute: string) => `${other.address}.${attribute}`;
  return {
    resource: other,
    values,
    region: ctx.region,
    side: ctx.side,
    assume<T extends string | number | boolean>(path: AttrPath, fallback: T, reason: string): T {
      const got = values.get(path);
      if (got.state === 'known') {
        const v = typeof fallback === 'number' ? values.number(path) : typeof fallback === 'boolean' ? values.boolean(path) : values.string(path);
        if (v !== undefined) return v as T;
      }
      ctx.note({
        attribute: prefixed(displayPath(path)),
        assumed: String(fallback),
        cause: got.state === 'unknown' ? 'unknown at plan time' : got.state === 'absent' ? 'not set' : 'not a readable value',
        reason,
      });
      return fallback;
    },
    usage: (key) => ctx.usage(key),
    note: (a) => ctx.note({ ...a, attribute: prefixed(a.attribute) }),
    hasPrice: (sku, region) => ctx.hasPrice(sku, region),
    referenced: (type) => ctx.referenced(type),
  };
}

/** A referenced resource of the plan, with a context that reads its values (see `referencedContext`). */
export interface Referenced {
  readonly resource: PlanResource;
  readonly ctx: PricerContext;
}

/**
 * The one resource of `type` this resource refers to in its configuration, or undefined when there is none in the plan
 * (e.g. it comes from a data source or another state). `matches` drops candidates that this resource's known values rule
 * out (e.g. `launch_template.id` known and different from the template's id). Of the instances of a `count`/`for_each`
 * resource, the one with this resource's index is taken; when several candidates remain the resource is unsupported,
 * since which one it uses is not in the plan.
 */
export function referencedOne(ctx: PricerContext, type: string, matches: (values: ResourceValues) => boolean = () => true): Referenced | undefined {
  const candidates = ctx.referenced(type).flatMap((resource) => {
    const values = sideValues(ctx, resource);
    return values && matches(values) ? [{ resource, values }] : [];
  });
  let chosen = candidates;
  if (chosen.length > 1 && ctx.resource.index !== undefined) {
    const sameIndex = chosen.filter((c) => c.resource.index === ctx.resource.index);
    if (sameIndex.length > 0) chosen = sameIndex;
  }
  if (chosen.length > 1) {
    throw new UnsupportedResource(
      `${ctx.resource.address} refers to ${chosen.length} ${type} resources (${chosen.map((c) => c.resource.address).join(', ')}) and the plan does not say which one it uses`,
    );
  }
  const [one] = chosen;
  return one ? { resource: one.resource, ctx: referencedContext(ctx, one.resource, one.values) } : undefined;
}

/**
 * Whether a nested block is set: plans write an unset block as `[]` (or null), so a block is set when it has an element
 * or is unknown at plan time.
 */
export function hasBlock(values: ResourceValues, path: AttrPath): boolean {
  return values.blocks(path).length > 0 || values.get(path).state === 'unknown';
}

/** Whether a string attribute is set: known and not empty, or unknown at plan time (e.g. the name of a resource created with it). */
export function hasString(values: ResourceValues, path: AttrPath): boolean {
  const got = values.get(path);
  return got.state === 'unknown' || (values.string(path) ?? '') !== '';
}

/** False only when both values are known and differ: for `matches` of `referencedOne`. */
export function compatible(own: string | undefined, theirs: string | undefined): boolean {
  return own === undefined || theirs === undefined || own === theirs;
}
