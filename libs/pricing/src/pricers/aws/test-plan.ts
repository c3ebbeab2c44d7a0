import { parsePlan, type ParsedPlan } from '@cloudwright/terraform-plan';
import { estimatePlan, type CostEstimate, type ResourceCost, type EstimateOptions } from '../../engine/estimate';
import { parseUsageFile } from '../../usage/usage-file';
import { defaultRegistry } from '../../engine/registry';

/** One resource change of a test plan. */
export interface TestChange {
  readonly type: string;
  readonly name?: string;
  readonly actions?: readonly string[];
  readonly before?: Record<string, unknown> | null;
  readonly after?: Record<string, unknown> | null;
  readonly afterUnknown?: Record<string, unknown>;
  /** `count`/`for_each` index: the address is `type.name[index]`, its configuration address `type.name`. */
  readonly index?: number | string;
  /**
   * Configuration expressions of the resource (`{ launch_template: [{ id: { references: ['aws_launch_template.web.id'] } }] }`),
   * from which the plan knows what it refers to. Instances of one resource share the first one's.
   */
  readonly expressions?: Record<string, unknown>;
}

const addressOf = (c: TestChange, name: string) => `${c.type}.${name}${c.index === undefined ? '' : typeof c.index === 'number' ? `[${c.index}]` : `["${c.index}"]`}`;

/** Configuration address → expressions: instances of one resource share the first expressions given. */
function configExpressions(changes: readonly TestChange[]): Map<string, Record<string, unknown>> {
  const config = new Map<string, Record<string, unknown>>();
  changes.forEach((c, i) => {
    const address = `${c.type}.${c.name ?? `r${i}`}`;
    if (!config.get(address) || Object.keys(config.get(address) ?? {}).length === 0) config.set(address, c.expressions ?? {});
  });
  return config;
}

/** A `terraform show -json` plan with the AWS provider in `region` and the given changes (create by default). */
export function awsPlan(changes: readonly TestChange[], region: string | null = 'us-east-1'): ParsedPlan {
  return parsePlan({
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: changes.map((c, i) => {
      const name = c.name ?? `r${i}`;
      const actions = c.actions ?? ['create'];
      return {
        address: addressOf(c, name),
        mode: 'managed',
        type: c.type,
        name,
        ...(c.index === undefined ? {} : { index: c.index }),
        provider_name: 'registry.terraform.io/hashicorp/aws',
        change: {
          actions,
          before: c.before ?? null,
          after: actions.includes('delete') && !actions.includes('create') ? null : (c.after ?? {}),
          after_unknown: c.afterUnknown ?? {},
        },
      };
    }),
    configuration: {
      provider_config: region ? { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: { constant_value: region } } } } : {},
      root_module: {
        resources: [...configExpressions(changes).entries()].map(([address, expressions]) => ({ address, expressions })),
      },
    },
  });
}

/** Prices a one-resource plan and returns its cost (throws when the resource is unsupported, with the reason). */
export function priceOne(change: TestChange, options: { region?: string | null; usage?: string; commitment?: EstimateOptions['commitment'] } = {}): ResourceCost {
  const estimate = estimateOf([change], options);
  const [resource] = estimate.resources;
  if (!resource) throw new Error(`not priced: ${estimate.unsupported.map((u) => u.reason).join('; ')}`);
  return resource;
}

/** The reason a one-resource plan is unsupported (throws when it was priced). */
export function unsupportedReason(change: TestChange, options: { region?: string | null; usage?: string } = {}): string {
  const estimate = estimateOf([change], options);
  const [unpriced] = estimate.unsupported;
  if (!unpriced) throw new Error(`expected unsupported, got ${estimate.totalMonthlyCost.toDecimalString()}`);
  return unpriced.reason;
}

export function estimateOf(changes: readonly TestChange[], options: { region?: string | null; usage?: string; commitment?: EstimateOptions['commitment'] } = {}): CostEstimate {
  const usage = options.usage === undefined ? undefined : parseUsageFile(options.usage, 'usage.yml', defaultRegistry().usageKeys());
  return estimatePlan(awsPlan(changes, options.region === undefined ? 'us-east-1' : options.region), { usage, commitment: options.commitment });
}

/** `{ name: monthly cost }` of a priced resource's components, for compact assertions. */
export function lines(resource: ResourceCost): Record<string, string> {
  return Object.fromEntries(resource.components.map((c) => [c.name, c.monthlyCost.toDecimalString()]));
}
