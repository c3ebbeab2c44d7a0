import type Decimal from 'decimal.js';
import type { AttrPath, Cloud, PlanResource, ResourceValues } from '@cloudwright/terraform-plan';
import type { PriceTerm } from '../catalog/catalog';

/** One priced line of a resource, before the engine looks its price up. */
export interface ComponentDraft {
  /** `Instance usage (Linux/UNIX, m5.large)` */
  readonly name: string;
  /** Unit of the quantity; must equal the catalog entry's unit (`hours`, `GB`, `1M requests`…). */
  readonly unit: string;
  /** Quantity per month (730 hours per month for hourly components). */
  readonly monthlyQuantity: Decimal.Value;
  /** Catalog key. */
  readonly sku: string;
  /** Region of the price when it is not the resource's region (e.g. `global`). */
  readonly region?: string;
  /** Quantity comes from the usage file (0 when none was given). */
  readonly usageBased?: boolean;
  /** Price this line at a fixed term (e.g. `spot` for a spot instance) instead of the estimate's commitment. */
  readonly term?: PriceTerm;
  /** The line never takes commitment prices (e.g. storage under a compute savings plan). */
  readonly onDemandOnly?: boolean;
}

/** A usage value a pricer reads from the usage file. */
export interface UsageKey {
  readonly key: string;
  readonly unit: string;
  readonly description: string;
}

export interface Assumption {
  /** Attribute path (`root_block_device[0].volume_size`) or `region`, `usage.<key>`. */
  readonly attribute: string;
  readonly assumed: string;
  /** `unknown at plan time`, `not set`, or why. */
  readonly cause: string;
  readonly reason: string;
}

export interface PricerContext {
  readonly resource: PlanResource;
  readonly values: ResourceValues;
  /** Resolved region (the plan's, or a default that is then listed as an assumption). */
  readonly region: string;
  readonly side: 'before' | 'after';
  /**
   * The attribute's value when known, else `fallback`, recorded as an assumption with `reason` (cite the provider's
   * documented default). The fallback's type decides how the value is read.
   */
  assume<T extends string | number | boolean>(path: AttrPath, fallback: T, reason: string): T;
  /** A usage value for this resource from the usage file (address first, then type defaults). */
  usage(key: string): number | undefined;
  /** Records an assumption that is not one attribute. */
  note(assumption: Assumption): void;
  /** Whether the catalog has a price for `sku` in `region` (default: the resource's region). */
  hasPrice(sku: string, region?: string): boolean;
  /**
   * Other resources of the same plan that this one refers to in its configuration (`references` and `depends_on`),
   * optionally only of `type` — e.g. the `aws_launch_template` of an `aws_autoscaling_group`, whose id is unknown at
   * plan time. Instances of a `count`/`for_each` resource are all returned.
   */
  referenced(type?: string): readonly PlanResource[];
}

/** Thrown by a pricer when it cannot price this resource; the resource is listed as unsupported with `reason`. */
export class UnsupportedResource extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnsupportedResource';
  }
}

export interface ResourcePricer {
  readonly cloud: Cloud;
  readonly types: readonly string[];
  /** Usage values the pricer reads (validated in usage files). */
  readonly usage?: readonly UsageKey[];
  price(ctx: PricerContext): ComponentDraft[];
}
