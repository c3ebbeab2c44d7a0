import { parsePlan, type ParsedPlan } from '@cloudwright/terraform-plan';
import { loadCatalog } from '../../../catalog/catalog';
import { estimatePlan, type CostEstimate, type EstimateOptions, type ResourceCost } from '../../../engine/estimate';
import { defaultRegistry } from '../../../engine/registry';
import { parseUsageFile } from '../../../usage/usage-file';

export interface Change {
  readonly address: string;
  readonly actions?: string[];
  readonly before?: Record<string, unknown> | null;
  readonly after?: Record<string, unknown> | null;
  readonly unknown?: Record<string, unknown>;
  /** Azure location (default eastus). */
  readonly location?: string;
}

/** A tiny azurerm plan with the given resource changes (location eastus unless said). */
export function azurePlan(...changes: Change[]): ParsedPlan {
  return parsePlan({
    format_version: '1.2',
    resource_changes: changes.map((c) => {
      const [type = '', name = ''] = c.address.split('.');
      const side = (v: Record<string, unknown> | null | undefined) => (v ? { location: c.location ?? 'eastus', ...v } : null);
      return {
        address: c.address,
        mode: 'managed',
        type,
        name,
        change: { actions: c.actions ?? ['create'], before: side(c.before), after: side(c.after), after_unknown: c.unknown ?? {} },
      };
    }),
  });
}

const catalog = loadCatalog();

/** Prices a plan with the shipped catalog and pricers, with an optional usage file (YAML). */
export function estimate(plan: ParsedPlan, usageYaml?: string, options: EstimateOptions = {}): CostEstimate {
  const registry = defaultRegistry();
  const usage = usageYaml ? parseUsageFile(usageYaml, 'usage.yml', registry.usageKeys()) : undefined;
  return estimatePlan(plan, { catalog, registry, ...(usage ? { usage } : {}), ...options });
}

/** The one priced resource at `address`, failing with the unsupported reason when it was not priced. */
export function priced(e: CostEstimate, address: string): ResourceCost {
  const found = e.resources.find((r) => r.address === address);
  if (!found) throw new Error(`${address} not priced: ${e.unsupported.find((u) => u.address === address)?.reason ?? 'absent'}`);
  return found;
}

export function monthly(e: CostEstimate, address: string): string {
  return priced(e, address).monthlyCost.toDecimalString();
}

export function lines(e: CostEstimate, address: string): [string, string][] {
  return priced(e, address).components.map((c) => [c.name, c.monthlyCost.toDecimalString()]);
}

export function reasonOf(e: CostEstimate, address: string): string | undefined {
  return e.unsupported.find((u) => u.address === address)?.reason;
}
