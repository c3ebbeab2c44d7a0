import { randomUUID } from 'node:crypto';
import { type ResourceSpec } from '@cloudwright/cloud-provider';
import { type StepAction } from '@cloudwright/contracts';
import { configAddressOf, type ParsedPlan, type PlanResource, type ResourceValues } from '@cloudwright/terraform-plan';

/** One forward step of a deployment and the compensation that undoes it (both recorded before anything runs). */
export interface PlannedStep {
  id: string;
  /** Position in plan order (1-based), for display. */
  ordinal: number;
  address: string;
  resourceType: string;
  cloud: ResourceSpec['cloud'] | null;
  region: string | null;
  action: StepAction;
  /** What the provider is asked to make true (null for a skipped, non-cloud step). */
  spec: ResourceSpec | null;
  /** Ids of the steps that must succeed first. */
  dependsOn: string[];
  /** Why nothing is dispatched (non-cloud resource), else null. */
  skip: string | null;
  compensation: { id: string; action: StepAction; spec: ResourceSpec } | null;
}

/** Resource values as plain attributes: unknown-at-plan-time values are left for the provider to fill. */
export function knownAttributes(values: ResourceValues | null): Record<string, unknown> {
  if (!values) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values.values)) if (v !== undefined && !values.isUnknown(k)) out[k] = v;
  return out;
}

function specOf(resource: PlanResource, values: ResourceValues | null, dependsOn: string[]): ResourceSpec {
  if (!resource.cloud) throw new Error(`${resource.address} is not a cloud resource`);
  return { address: resource.address, type: resource.type, cloud: resource.cloud, region: resource.region, attributes: knownAttributes(values), dependsOn };
}

/**
 * Turns a parsed plan into the saga's steps: one per created, updated or deleted managed resource (a replace is a
 * delete then a create, as Terraform does by default), each depending on the steps of the resources it refers to
 * (configuration references and `depends_on`, across modules and clouds). Deletes run in reverse: a resource is
 * deleted after the resources that refer to it. Resources of non-cloud providers (random, null, tls, time) are
 * steps skipped with the reason.
 */
export function planSteps(plan: ParsedPlan): PlannedStep[] {
  const managed = plan.resources.filter((r) => r.mode === 'managed' && r.action !== 'read');
  const changed = managed.filter((r) => r.action !== 'no-op');
  // instance addresses by configuration address, for resolving references
  const byConfig = new Map<string, PlanResource[]>();
  for (const r of managed) {
    const key = configAddressOf(r);
    byConfig.set(key, [...(byConfig.get(key) ?? []), r]);
  }
  const referenced = (r: PlanResource): PlanResource[] => r.dependsOn.flatMap((a) => byConfig.get(a) ?? []).filter((d) => d.address !== r.address);
  /** Addresses that exist after the plan and that `r` needs. */
  const liveDependencies = (r: PlanResource) => referenced(r).filter((d) => d.action !== 'delete' && d.cloud !== null).map((d) => d.address);

  const steps: PlannedStep[] = [];
  const createOf = new Map<string, PlannedStep>();
  const deleteOf = new Map<string, PlannedStep>();
  let ordinal = 0;
  const add = (r: PlanResource, action: StepAction, values: ResourceValues | null, compensation: PlannedStep['compensation']): PlannedStep => {
    const step: PlannedStep = {
      id: randomUUID(),
      ordinal: ++ordinal,
      address: r.address,
      resourceType: r.type,
      cloud: r.cloud,
      region: r.region,
      action,
      spec: r.cloud ? specOf(r, values, action === 'delete' ? [] : liveDependencies(r)) : null,
      dependsOn: [],
      skip: r.cloud ? null : `not a cloud resource (provider ${r.providerName}): nothing to provision`,
      compensation: r.cloud ? compensation : null,
    };
    steps.push(step);
    return step;
  };
  for (const r of changed) {
    const before = r.before;
    const after = r.after;
    const restore = () => (r.cloud ? specOf(r, before, []) : null);
    if (r.action === 'create') {
      createOf.set(r.address, add(r, 'create', after, r.cloud ? { id: randomUUID(), action: 'delete', spec: specOf(r, after, []) } : null));
    } else if (r.action === 'update') {
      const spec = restore();
      createOf.set(r.address, add(r, 'update', after, spec ? { id: randomUUID(), action: 'update', spec: { ...spec, dependsOn: liveDependencies(r) } } : null));
    } else if (r.action === 'delete') {
      const spec = restore();
      deleteOf.set(r.address, add(r, 'delete', before, spec ? { id: randomUUID(), action: 'create', spec } : null));
    } else if (r.action === 'replace') {
      const spec = restore();
      const del = add(r, 'delete', before, spec ? { id: randomUUID(), action: 'create', spec } : null);
      deleteOf.set(r.address, del);
      const create = add(r, 'create', after, r.cloud ? { id: randomUUID(), action: 'delete', spec: specOf(r, after, []) } : null);
      create.dependsOn.push(del.id);
      createOf.set(r.address, create);
    }
  }
  for (const r of changed) {
    const forward = createOf.get(r.address);
    if (forward) for (const d of referenced(r)) {
      const dep = createOf.get(d.address);
      if (dep && !forward.dependsOn.includes(dep.id)) forward.dependsOn.push(dep.id);
    }
    // r refers to d: when both are deleted, r goes first (d's delete waits for r's)
    const own = deleteOf.get(r.address);
    if (own) for (const d of referenced(r)) {
      const depDelete = deleteOf.get(d.address);
      if (depDelete && !depDelete.dependsOn.includes(own.id)) depDelete.dependsOn.push(own.id);
    }
  }
  assertAcyclic(steps);
  return steps;
}

function assertAcyclic(steps: PlannedStep[]): void {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const state = new Map<string, 1 | 2>();
  const visit = (s: PlannedStep, path: string[]): void => {
    if (state.get(s.id) === 2) return;
    if (state.get(s.id) === 1) throw new Error(`the plan's dependencies form a cycle: ${[...path, s.address].join(' → ')}`);
    state.set(s.id, 1);
    for (const d of s.dependsOn) {
      const dep = byId.get(d);
      if (dep) visit(dep, [...path, s.address]);
    }
    state.set(s.id, 2);
  };
  for (const s of steps) visit(s, []);
}

/**
 * Steps that restore an earlier revision: from the resources present now (`current`) to the ones the revision
 * recorded (`target`) — create what is missing, update what differs, delete what the revision did not have.
 */
export function restoreSteps(current: ResourceSpec[], target: ResourceSpec[]): PlannedStep[] {
  const now = new Map(current.map((r) => [r.address, r]));
  const want = new Map(target.map((r) => [r.address, r]));
  const steps: PlannedStep[] = [];
  const forAddress = new Map<string, PlannedStep>();
  let ordinal = 0;
  const add = (spec: ResourceSpec, action: StepAction, compensation: PlannedStep['compensation']) => {
    const step: PlannedStep = { id: randomUUID(), ordinal: ++ordinal, address: spec.address, resourceType: spec.type, cloud: spec.cloud, region: spec.region, action, spec, dependsOn: [], skip: null, compensation };
    steps.push(step);
    forAddress.set(`${action === 'delete' ? 'd' : 'c'}:${spec.address}`, step);
    return step;
  };
  for (const spec of target) {
    const existing = now.get(spec.address);
    if (!existing) add(spec, 'create', { id: randomUUID(), action: 'delete', spec: { ...spec, dependsOn: [] } });
    else if (JSON.stringify(existing.attributes) !== JSON.stringify(spec.attributes)) add(spec, 'update', { id: randomUUID(), action: 'update', spec: existing });
  }
  for (const spec of current) if (!want.has(spec.address)) add({ ...spec, dependsOn: [] }, 'delete', { id: randomUUID(), action: 'create', spec });
  for (const step of steps) {
    if (step.action !== 'delete') {
      for (const d of step.spec?.dependsOn ?? []) {
        const dep = forAddress.get(`c:${d}`);
        if (dep) step.dependsOn.push(dep.id);
      }
    } else {
      // delete after everything that depends on it is deleted
      for (const other of current) {
        if (other.dependsOn.includes(step.address)) {
          const dependent = forAddress.get(`d:${other.address}`);
          if (dependent) step.dependsOn.push(dependent.id);
        }
      }
    }
  }
  assertAcyclic(steps);
  return steps;
}
