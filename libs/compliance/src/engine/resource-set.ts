import { ResourceValues, configAddressOf, type ParsedPlan } from '@cloudwright/terraform-plan';
import type { ComplianceResource, PlanCheckContext, ResourceCheckContext, StackContext } from '../model';

/**
 * The resources of one scan, indexed so rules can find a resource's companions (resources that refer to it) and
 * the resources it refers to without scanning the whole plan.
 */
export class ResourceSet {
  private readonly byType = new Map<string, ComplianceResource[]>();
  private readonly byConfigAddress = new Map<string, ComplianceResource[]>();
  /** config address → resources whose dependsOn lists it */
  private readonly referrers = new Map<string, ComplianceResource[]>();

  constructor(readonly resources: readonly ComplianceResource[]) {
    for (const resource of resources) {
      push(this.byType, resource.type, resource);
      push(this.byConfigAddress, resource.configAddress, resource);
      for (const dep of new Set(resource.dependsOn)) push(this.referrers, dep, resource);
    }
  }

  ofType(types: string | readonly string[]): ComplianceResource[] {
    if (typeof types === 'string') return this.byType.get(types) ?? [];
    return types.flatMap((type) => this.byType.get(type) ?? []);
  }

  /** Resources of `types` referring to `subject`; with count/for_each on both sides, the instance with the same index. */
  referencing(subject: ComplianceResource, types: string | readonly string[]): ComplianceResource[] {
    const wanted = typeof types === 'string' ? [types] : types;
    const found = (this.referrers.get(subject.configAddress) ?? []).filter((r) => wanted.includes(r.type));
    return sameIndex(subject, found);
  }

  /** Every resource that refers to `subject` (any type). */
  referrersOf(subject: ComplianceResource): readonly ComplianceResource[] {
    return this.referrers.get(subject.configAddress) ?? [];
  }

  /** Resources of `types` that `subject` refers to. */
  referenced(subject: ComplianceResource, types: string | readonly string[]): ComplianceResource[] {
    const wanted = typeof types === 'string' ? [types] : types;
    const found = subject.dependsOn.flatMap((dep) => (this.byConfigAddress.get(dep) ?? []).filter((r) => wanted.includes(r.type)));
    return sameIndex(subject, [...new Set(found)]);
  }

  contextFor(resource: ComplianceResource, stack: StackContext): ResourceCheckContext {
    return {
      resource,
      values: resource.values,
      stack,
      referencing: (types) => this.referencing(resource, types),
      referenced: (types) => this.referenced(resource, types),
      ofType: (types) => this.ofType(types),
    };
  }

  planContext(stack: StackContext): PlanCheckContext {
    return { resources: this.resources, stack, ofType: (types) => this.ofType(types), referrersOf: (resource) => this.referrersOf(resource) };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sameIndex(subject: ComplianceResource, found: ComplianceResource[]): ComplianceResource[] {
  if (subject.index === undefined || found.length < 2) return found;
  const matching = found.filter((r) => r.index === subject.index);
  return matching.length > 0 ? matching : found;
}

/**
 * The resources of a plan that exist after it is applied: managed resources being created, updated, replaced or left
 * unchanged. Deleted resources and data sources are not judged (they are counted in the scan's summary).
 */
export function resourcesFromPlan(plan: ParsedPlan): { resources: ComplianceResource[]; deleted: number; dataSources: number } {
  const resources: ComplianceResource[] = [];
  let deleted = 0;
  let dataSources = 0;
  for (const r of plan.resources) {
    if (r.mode === 'data') {
      dataSources += 1;
      continue;
    }
    if (r.action === 'delete' || !r.after) {
      deleted += 1;
      continue;
    }
    resources.push({
      address: r.address,
      configAddress: configAddressOf(r),
      moduleAddress: r.moduleAddress,
      type: r.type,
      name: r.name,
      index: r.index,
      cloud: r.cloud,
      region: r.region,
      values: r.after,
      dependsOn: r.dependsOn,
      action: r.action,
      path: r.path,
    });
  }
  return { resources, deleted, dataSources };
}

/** Builds a resource from plain values (inventory records, fixtures, MCP input). */
export function complianceResource(init: {
  address: string;
  type: string;
  values: Readonly<Record<string, unknown>>;
  unknown?: Readonly<Record<string, unknown>>;
  region?: string | null;
  dependsOn?: readonly string[];
  action?: ComplianceResource['action'];
}): ComplianceResource {
  const cloud = init.type.startsWith('aws_') ? 'aws' : init.type.startsWith('azurerm_') ? 'azure' : init.type.startsWith('google_') ? 'gcp' : null;
  const configAddress = configAddressOf({ address: init.address });
  const lastDot = configAddress.lastIndexOf('.');
  const moduleMatch = /^(.*)\.[^.]+\.[^.]+$/.exec(configAddress);
  const indexMatch = /\[("?)([^\]]*)\1\]$/.exec(init.address);
  return {
    address: init.address,
    configAddress,
    moduleAddress: moduleMatch?.[1] ?? null,
    type: init.type,
    name: configAddress.slice(lastDot + 1),
    index: indexMatch ? (indexMatch[1] === '"' ? indexMatch[2] : Number(indexMatch[2])) : undefined,
    cloud,
    region: init.region ?? null,
    values: new ResourceValues(init.values, init.unknown ?? false),
    dependsOn: init.dependsOn ?? [],
    action: init.action ?? 'create',
  };
}
