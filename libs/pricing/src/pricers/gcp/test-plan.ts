import { parsePlan } from '@cloudwright/terraform-plan';
import { loadCatalog, type Commitment } from '../../catalog/catalog';
import { estimatePlan, type CostEstimate, type ResourceCost } from '../../engine/estimate';
import { UsageFile } from '../../usage/usage-file';

/** One resource change of a test plan (Terraform `resource_changes[]` entry, trimmed to what the pricers read). */
export interface TestChange {
  readonly type: string;
  readonly name?: string;
  readonly actions?: readonly string[];
  readonly before?: Record<string, unknown> | null;
  readonly after?: Record<string, unknown> | null;
  readonly afterUnknown?: Record<string, unknown>;
}

/** A `terraform show -json` document holding the given changes (provider region us-central1). */
export function planDoc(changes: readonly TestChange[]): unknown {
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: changes.map((c, i) => ({
      address: `${c.type}.${c.name ?? `r${i}`}`,
      mode: 'managed',
      type: c.type,
      name: c.name ?? `r${i}`,
      provider_name: 'registry.terraform.io/hashicorp/google',
      change: { actions: c.actions ?? ['create'], before: c.before ?? null, after: c.after ?? null, after_unknown: c.afterUnknown ?? {} },
    })),
    configuration: { provider_config: { google: { name: 'google', expressions: { region: { constant_value: 'us-central1' } } } } },
  };
}

const catalog = loadCatalog();

export interface EstimateOf {
  readonly usage?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly commitment?: Commitment;
}

/** Prices the changes end to end (parsePlan → estimatePlan) with the shipped catalog. */
export function estimateOf(changes: readonly TestChange[], options: EstimateOf = {}): CostEstimate {
  const usage = options.usage ? new UsageFile(new Map(), new Map(Object.entries(options.usage))) : UsageFile.empty();
  return estimatePlan(parsePlan(planDoc(changes)), { catalog, usage, commitment: options.commitment ?? 'on-demand' });
}

/** The priced resource at `address`, failing with the unsupported reason when it was not priced. */
export function priced(estimate: CostEstimate, address: string): ResourceCost {
  const found = estimate.resources.find((r) => r.address === address);
  if (!found) {
    const why = estimate.unsupported.find((u) => u.address === address)?.reason ?? 'not in the estimate';
    throw new Error(`${address} was not priced: ${why}`);
  }
  return found;
}

/** Monthly cost of a resource rounded to cents. */
export function monthly(estimate: CostEstimate, address: string): string {
  return priced(estimate, address).monthlyCost.toFixed(2);
}
