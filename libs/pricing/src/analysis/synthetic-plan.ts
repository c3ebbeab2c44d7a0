import { parsePlan, type Cloud, type ParsedPlan } from '@cloudwright/terraform-plan';

export interface SyntheticResource {
  readonly type: string;
  readonly name: string;
  readonly cloud: Cloud;
  readonly region: string;
  /** The resource's `after` attributes (Terraform provider attribute names). */
  readonly values: Readonly<Record<string, unknown>>;
  /** Action of the change; `create` by default. */
  readonly action?: 'create' | 'no-op';
}

const PROVIDERS: Readonly<Record<Cloud, string>> = {
  aws: 'registry.terraform.io/hashicorp/aws',
  azure: 'registry.terraform.io/hashicorp/azurerm',
  gcp: 'registry.terraform.io/hashicorp/google',
};

/**
 * A `terraform show -json` document with one change per resource, parsed by the real plan parser, so the Estimator
 * prices it exactly as a plan from Terraform. The region is set the way the provider's attributes carry it
 * (`region` on AWS and Google, `location` on Azure) unless the values set it already.
 */
export function syntheticPlan(resources: readonly SyntheticResource[]): ParsedPlan {
  const names = new Set<string>();
  const resource_changes = resources.map((r) => {
    const address = `${r.type}.${r.name}`;
    if (names.has(address)) throw new Error(`synthetic plan: ${address} is defined twice`);
    names.add(address);
    const regionAttr = r.cloud === 'azure' ? 'location' : r.values.zone !== undefined || r.values.location !== undefined ? undefined : 'region';
    const after = regionAttr && r.values[regionAttr] === undefined ? { ...r.values, [regionAttr]: r.region } : r.values;
    const actions = r.action === 'no-op' ? ['no-op'] : ['create'];
    return {
      address,
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider_name: PROVIDERS[r.cloud],
      change: { actions, before: r.action === 'no-op' ? after : null, after, after_unknown: {} },
    };
  });
  return parsePlan({ format_version: '1.2', terraform_version: '1.9.0', resource_changes });
}
