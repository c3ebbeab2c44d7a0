import { type ProviderCloud } from '@cloudwright/cloud-provider';
import { DEFAULT_REGIONS, Decimal, Estimator, syntheticPlan, type Currency } from '@cloudwright/pricing';
import { canonicalJson } from '../canonical-json';

export interface HourlyPrice {
  /** List price per hour in the export's currency; 0 when the resource could not be priced. */
  hourly: Decimal;
  /** Why the price is 0 or what it assumed (`free: …`, `not priced: …`); null for a normal price. */
  note: string | null;
}

export interface PricedResource {
  type: string;
  cloud: ProviderCloud;
  region: string | null;
  attributes: Readonly<Record<string, unknown>>;
}

/** Prices one resource per hour. */
export type HourlyPriceSource = (resource: PricedResource) => HourlyPrice;

/**
 * Hourly list prices from libs/pricing: each resource is priced as a one-resource synthetic plan, exactly as the
 * cost estimate of a plan prices it (same catalog, same defaults for usage), and cached per type, region and
 * attributes. A resource the estimator cannot price costs 0 with a note saying why; a free one, 0 with its reason.
 */
export class EstimatorHourlyPrices {
  private readonly estimator: Estimator;
  private readonly cache = new Map<string, HourlyPrice>();

  constructor(currency: Currency = 'USD', estimator?: Estimator) {
    this.estimator = estimator ?? new Estimator({ currency });
  }

  readonly price: HourlyPriceSource = (resource) => {
    const key = canonicalJson([resource.type, resource.cloud, resource.region, resource.attributes]);
    let price = this.cache.get(key);
    if (!price) {
      price = this.compute(resource);
      this.cache.set(key, price);
    }
    return price;
  };

  private compute(resource: PricedResource): HourlyPrice {
    const region = resource.region ?? DEFAULT_REGIONS[resource.cloud];
    try {
      const plan = syntheticPlan([{ type: resource.type, name: 'billed', cloud: resource.cloud, region, values: resource.attributes }]);
      const estimate = this.estimator.estimate(plan);
      const priced = estimate.resources[0];
      if (priced) return { hourly: priced.hourlyCost.amount, note: null };
      const free = estimate.free[0];
      if (free) return { hourly: new Decimal(0), note: `free: ${free.reason}` };
      const unsupported = estimate.unsupported[0];
      return { hourly: new Decimal(0), note: `not priced: ${unsupported?.reason ?? 'the estimator returned no price'}` };
    } catch (error) {
      return { hourly: new Decimal(0), note: `not priced: ${(error as Error).message}` };
    }
  }
}
