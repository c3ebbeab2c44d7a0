import Decimal from 'decimal.js';
import { configAddressOf, splitPath, type Cloud, type ParsedPlan, type PlanResource, type ResourceValues } from '@cloudwright/terraform-plan';
import { defaultCatalog, type Commitment, type PriceCatalog, type PriceEntry, type PriceTerm } from '../catalog/catalog';
import { HOURS_PER_MONTH, MONTHS_PER_YEAR, Money, type Currency } from '../money';
import { UsageFile } from '../usage/usage-file';
import { freeReason } from './free-types';
import { UnsupportedResource, type Assumption, type ComponentDraft, type PricerContext } from './pricer';
import { type PricerRegistry, defaultRegistry } from './registry';

export interface CostComponent {
  readonly name: string;
  readonly unit: string;
  readonly monthlyQuantity: Decimal;
  readonly unitPrice: Money;
  readonly monthlyCost: Money;
  readonly usageBased: boolean;
  readonly sku: string;
  readonly priceRegion: string;
  readonly term: PriceTerm;
  /** The catalog entry's source and as-of date. */
  readonly source: string;
  readonly asOf: string;
}

export interface ResourceCost {
  readonly address: string;
  readonly type: string;
  readonly cloud: Cloud;
  readonly region: string;
  readonly action: PlanResource['action'];
  readonly hourlyCost: Money;
  readonly monthlyCost: Money;
  /** Cost of the prior state (zero for a create). */
  readonly pastMonthlyCost: Money;
  readonly diffMonthlyCost: Money;
  readonly components: readonly CostComponent[];
  readonly pastComponents: readonly CostComponent[];
  readonly assumptions: readonly Assumption[];
}

export interface UnpricedResource {
  readonly address: string;
  readonly type: string;
  readonly reason: string;
}

export interface CostEstimate {
  readonly currency: Currency;
  readonly commitment: Commitment;
  readonly catalogVersion: string;
  readonly pricesAsOf: { readonly earliest: string; readonly latest: string };
  readonly fx: { readonly asOf: string; readonly rate: string; readonly source: string };
  readonly totalHourlyCost: Money;
  readonly totalMonthlyCost: Money;
  readonly totalYearlyCost: Money;
  readonly pastTotalMonthlyCost: Money;
  readonly diffTotalMonthlyCost: Money;
  readonly resources: readonly ResourceCost[];
  /** Resources that could not be priced, with the reason (never counted as $0). */
  readonly unsupported: readonly UnpricedResource[];
  /** Resources the clouds do not bill for, with the reason. */
  readonly free: readonly UnpricedResource[];
}

export interface EstimateOptions {
  readonly catalog?: PriceCatalog;
  readonly registry?: PricerRegistry;
  readonly usage?: UsageFile;
  readonly currency?: Currency;
  readonly commitment?: Commitment;
}

/** Region assumed when the plan does not say (the providers have no default region; these are the clouds' first regions). */
export const DEFAULT_REGIONS: Readonly<Record<Cloud, string>> = { aws: 'us-east-1', azure: 'eastus', gcp: 'us-central1' };

class Unpriceable extends Error {}

interface PricedSide {
  components: CostComponent[];
  monthly: Money;
}

export class Estimator {
  readonly catalog: PriceCatalog;
  readonly registry: PricerRegistry;
  readonly usage: UsageFile;
  readonly currency: Currency;
  readonly commitment: Commitment;
  private readonly rate: Decimal;
  private readonly prices = new Map<string, Money>();
  private readonly labels = new Map<string, string>();
  /** The plan being estimated, by configuration address (for `referenced`). */
  private byConfigAddress = new Map<string, PlanResource[]>();

  constructor(options: EstimateOptions = {}) {
    this.catalog = options.catalog ?? defaultCatalog();
    this.registry = options.registry ?? defaultRegistry();
    this.usage = options.usage ?? UsageFile.empty();
    this.currency = options.currency ?? 'USD';
    this.commitment = options.commitment ?? 'on-demand';
    this.rate = this.catalog.rate(this.currency);
  }

  estimate(plan: ParsedPlan): CostEstimate {
    this.byConfigAddress = new Map();
    for (const resource of plan.resources) {
      const key = configAddressOf(resource);
      const list = this.byConfigAddress.get(key);
      if (list) list.push(resource);
      else this.byConfigAddress.set(key, [resource]);
    }
    const resources: ResourceCost[] = [];
    const unsupported: UnpricedResource[] = [];
    const free: UnpricedResource[] = [];
    for (const resource of plan.resources) {
      if (resource.mode !== 'managed') continue;
      const outcome = this.priceResource(resource);
      if ('reason' in outcome) (outcome.free ? free : unsupported).push({ address: resource.address, type: resource.type, reason: outcome.reason });
      else resources.push(outcome);
    }
    const zero = Money.zero(this.currency);
    const total = resources.reduce((acc, r) => acc.plus(r.monthlyCost), zero);
    const past = resources.reduce((acc, r) => acc.plus(r.pastMonthlyCost), zero);
    return {
      currency: this.currency,
      commitment: this.commitment,
      catalogVersion: this.catalog.version,
      pricesAsOf: this.catalog.asOf,
      fx: { asOf: this.catalog.fx.asOf, rate: this.rate.toString(), source: this.catalog.fx.source },
      totalHourlyCost: total.dividedBy(HOURS_PER_MONTH),
      totalMonthlyCost: total,
      totalYearlyCost: total.times(MONTHS_PER_YEAR),
      pastTotalMonthlyCost: past,
      diffTotalMonthlyCost: total.minus(past),
      resources,
      unsupported,
      free,
    };
  }

  /** Prices one resource change: its components after and before the change, or why it cannot be priced. */
  priceResource(resource: PlanResource): ResourceCost | { reason: string; free: boolean } {
    const cloud = resource.cloud;
    const pricer = this.registry.get(resource.type);
    if (!pricer || !cloud) {
      const reason = freeReason(resource.type);
      if (reason) return { reason, free: true };
      return { reason: cloud ? `resource type ${resource.type} is not priced yet` : `provider of ${resource.type} is not AWS, Azure or Google Cloud`, free: false };
    }
    const assumptions: Assumption[] = [];
    let region = resource.region;
    if (!region) {
      region = DEFAULT_REGIONS[cloud];
      assumptions.push({ attribute: 'region', assumed: region, cause: 'not set', reason: `the plan does not say the region; priced in ${region}` });
    }
    const usage = this.usage.forResource(resource.address, resource.type);
    try {
      const after = resource.after && resource.action !== 'delete' ? this.priceSide(resource, resource.after, 'after', region, usage, assumptions) : undefined;
      const before = resource.before && resource.action !== 'create' ? this.priceSide(resource, resource.before, 'before', region, usage, []) : undefined;
      const zero = Money.zero(this.currency);
      const monthly = after?.monthly ?? zero;
      const pastMonthly = before?.monthly ?? zero;
      return {
        address: resource.address,
        type: resource.type,
        cloud,
        region,
        action: resource.action,
        hourlyCost: monthly.dividedBy(HOURS_PER_MONTH),
        monthlyCost: monthly,
        pastMonthlyCost: pastMonthly,
        diffMonthlyCost: monthly.minus(pastMonthly),
        components: after?.components ?? [],
        pastComponents: before?.components ?? [],
        assumptions: dedupe(assumptions),
      };
    } catch (err) {
      if (err instanceof UnsupportedResource || err instanceof Unpriceable) return { reason: err.message, free: false };
      return { reason: `internal error while pricing: ${err instanceof Error ? err.message : String(err)}`, free: false };
    }
  }

  private priceSide(
    resource: PlanResource,
    values: ResourceValues,
    side: 'before' | 'after',
    region: string,
    usage: Readonly<Record<string, number>>,
    assumptions: Assumption[],
  ): PricedSide {
    const cloud = resource.cloud as Cloud;
    const catalog = this.catalog;
    const ctx: PricerContext = {
      resource,
      values,
      region,
      side,
      assume<T extends string | number | boolean>(path: string | readonly (string | number)[], fallback: T, reason: string): T {
        const got = values.get(path);
        if (got.state === 'known') {
          const v = typeof fallback === 'number' ? values.number(path) : typeof fallback === 'boolean' ? values.boolean(path) : values.string(path);
          if (v !== undefined) return v as T;
        }
        assumptions.push({
          attribute: displayPath(path),
          assumed: String(fallback),
          cause: got.state === 'unknown' ? 'unknown at plan time' : got.state === 'absent' ? 'not set' : 'not a readable value',
          reason,
        });
        return fallback;
      },
      usage: (key) => usage[key],
      note: (a) => assumptions.push(a),
      hasPrice: (sku, r) => catalog.has(cloud, sku, r ?? region),
      referenced: (type) => resource.dependsOn.flatMap((address) => this.byConfigAddress.get(address) ?? []).filter((r) => type === undefined || r.type === type),
    };
    const drafts = this.registry.get(resource.type)?.price(ctx) ?? [];
    const components = drafts.flatMap((d) => this.component(cloud, region, d));
    return { components, monthly: components.reduce((acc, c) => acc.plus(c.monthlyCost), Money.zero(this.currency)) };
  }

  private component(cloud: Cloud, resourceRegion: string, draft: ComponentDraft): CostComponent[] {
    const region = draft.region ?? resourceRegion;
    const entry = this.catalog.find(cloud, draft.sku, region);
    if (!entry) throw new Unpriceable(`no list price for ${draft.sku} in ${region} in catalog ${this.catalog.version}`);
    if (entry.unit !== draft.unit) throw new Error(`unit mismatch for ${draft.sku}: pricer says ${draft.unit}, catalog says ${entry.unit}`);
    const quantity = new Decimal(draft.monthlyQuantity);
    if (quantity.isNegative() || !quantity.isFinite()) throw new Unpriceable(`${draft.name}: quantity ${quantity.toString()} is not a non-negative number`);
    const { term, price } = this.priceOf(entry, draft);
    const base = {
      unit: draft.unit,
      usageBased: draft.usageBased ?? false,
      sku: draft.sku,
      priceRegion: entry.region,
      term,
      source: entry.source,
      asOf: entry.asOf,
    };
    if (!entry.tiers || term !== 'on-demand') {
      const unitPrice = this.unitPrice(price);
      return [{ ...base, name: draft.name, monthlyQuantity: quantity, unitPrice, monthlyCost: unitPrice.times(quantity) }];
    }
    // Volume tiers: one line per tier the quantity reaches (the first tier even at zero, to show the price).
    const lines: CostComponent[] = [];
    let lower = new Decimal(0);
    for (const tier of entry.tiers) {
      const upper = tier.upTo === null ? null : new Decimal(tier.upTo);
      const inTier = Decimal.max(0, (upper ? Decimal.min(quantity, upper) : quantity).minus(lower));
      if (inTier.gt(0) || lines.length === 0) {
        const unitPrice = this.unitPrice(tier.price);
        const label = this.tierLabel(lower, upper, draft.unit);
        lines.push({ ...base, name: label ? `${draft.name} (${label})` : draft.name, monthlyQuantity: inTier, unitPrice, monthlyCost: unitPrice.times(inTier) });
      }
      if (!upper || quantity.lte(upper)) break;
      lower = upper;
    }
    return lines;
  }

  private tierLabel(lower: Decimal, upper: Decimal | null, unit: string): string {
    const key = `${lower.toString()}|${upper?.toString() ?? ''}|${unit}`;
    let label = this.labels.get(key);
    if (label === undefined) {
      label = lower.isZero() ? (upper ? `first ${fmt(upper)} ${unit}` : '') : upper ? `next ${fmt(upper.minus(lower))} ${unit}` : `over ${fmt(lower)} ${unit}`;
      this.labels.set(key, label);
    }
    return label;
  }

  /** The catalog's USD price string in the estimate's currency (cached: a plan repeats the same prices). */
  private unitPrice(usd: string): Money {
    let money = this.prices.get(usd);
    if (!money) {
      money = Money.of(usd, 'USD').convert(this.currency, this.rate);
      this.prices.set(usd, money);
    }
    return money;
  }

  private priceOf(entry: PriceEntry, draft: ComponentDraft): { term: PriceTerm; price: string } {
    const wanted: PriceTerm = draft.term ?? (draft.onDemandOnly ? 'on-demand' : this.commitment);
    const byTerm: Record<PriceTerm, string | undefined> = { 'on-demand': entry.onDemand, '1y': entry.commit1y, '3y': entry.commit3y, spot: entry.spot };
    const price = byTerm[wanted];
    return price === undefined ? { term: 'on-demand', price: entry.onDemand } : { term: wanted, price };
  }
}

const fmt = (d: Decimal) => d.toNumber().toLocaleString('en-US');

function displayPath(path: string | readonly (string | number)[]): string {
  return splitPath(path)
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
}

function dedupe(assumptions: Assumption[]): Assumption[] {
  const seen = new Set<string>();
  return assumptions.filter((a) => {
    const key = `${a.attribute}|${a.assumed}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Prices a parsed plan with the shipped catalog and pricers (or the ones given). */
export function estimatePlan(plan: ParsedPlan, options: EstimateOptions = {}): CostEstimate {
  return new Estimator(options).estimate(plan);
}
