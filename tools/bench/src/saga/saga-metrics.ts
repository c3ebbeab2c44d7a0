import { type CallCount } from '@cloudwright/cloud-sim';
import { type DeploymentDetailDto, type DeploymentSummaryDto } from '@cloudwright/contracts';

const ms = (iso: string | null, what: string): number => {
  if (iso === null) throw new Error(`${what} is not set`);
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`${what} is not a timestamp: "${iso}"`);
  return t;
};

/** Requested → final status of each deployment (ms), from the records' requestedAt and finishedAt. */
export function endToEndMs(deployments: readonly DeploymentSummaryDto[]): number[] {
  return deployments.map((d) => ms(d.finishedAt, `deployment ${d.id} finishedAt`) - ms(d.requestedAt, `deployment ${d.id} requestedAt`));
}

export interface Phases {
  /** requestedAt → entering `provisioning` (intake, lock, analysis, cost and compliance gates), ms. */
  gatesMs: number;
  /** Entering `provisioning` → finishedAt (steps, verification, rollback), ms. */
  provisioningMs: number;
}

/** Where a finished deployment spent its time (undefined when it never reached provisioning). */
export function phasesOf(detail: DeploymentDetailDto): Phases | undefined {
  const provisioning = detail.timeline.find((t) => t.to === 'provisioning');
  if (!provisioning) return undefined;
  const at = ms(provisioning.at, `deployment ${detail.id} provisioning transition`);
  return { gatesMs: at - ms(detail.requestedAt, `deployment ${detail.id} requestedAt`), provisioningMs: ms(detail.finishedAt, `deployment ${detail.id} finishedAt`) - at };
}

/** startedAt → finishedAt of every finished forward step (provider call, waiting for a call slot, recording), ms. */
export function stepDurations(detail: DeploymentDetailDto): number[] {
  return detail.steps
    .filter((s) => s.phase === 'forward' && s.status !== 'skipped' && s.startedAt !== null && s.finishedAt !== null)
    .map((s) => ms(s.finishedAt, `step ${s.address} finishedAt`) - ms(s.startedAt, `step ${s.address} startedAt`));
}

export interface StepOverhead {
  deploymentId: string;
  address: string;
  /** The step's startedAt minus the moment it became runnable, ms. */
  overheadMs: number;
  /**
   * The same from the moment it could also get a slot under the deployment's parallel-step limit (the first moment
   * at or after becoming runnable when fewer than `maxParallel` of the steps dispatched before it were unfinished), ms. Equal to
   * overheadMs when no limit is given.
   */
  afterSlotMs: number;
  root: boolean;
}

/**
 * The coordinator's overhead per forward step: from the moment the step became runnable (its last dependency's
 * finishedAt, or the deployment's entry into `provisioning` for a step without dependencies) to its startedAt.
 * Steps never started (skipped, pending after a failure) are left out. With `maxParallel` (the environment policy's
 * maxParallelSteps), `afterSlotMs` also leaves out the time a runnable step waited for a free slot.
 */
export function stepOverheads(detail: DeploymentDetailDto, maxParallel?: number): StepOverhead[] {
  const provisioning = detail.timeline.find((t) => t.to === 'provisioning');
  const forward = detail.steps.filter((s) => s.phase === 'forward');
  const byId = new Map(forward.map((s) => [s.id, s]));
  const started = forward.filter((s) => s.startedAt !== null && s.status !== 'skipped');
  const intervals = started.map((s) => ({ id: s.id, start: ms(s.startedAt, `step ${s.address} startedAt`), end: s.finishedAt === null ? Number.POSITIVE_INFINITY : ms(s.finishedAt, `step ${s.address} finishedAt`) }));
  const out: StepOverhead[] = [];
  for (const step of started) {
    let runnable: number;
    if (step.dependsOn.length === 0) {
      if (!provisioning) throw new Error(`deployment ${detail.id}: step ${step.address} started but the timeline has no "provisioning" entry`);
      runnable = ms(provisioning.at, `deployment ${detail.id} provisioning transition`);
    } else {
      runnable = Math.max(
        ...step.dependsOn.map((id) => {
          const dep = byId.get(id);
          if (!dep) throw new Error(`deployment ${detail.id}: step ${step.address} depends on unknown step ${id}`);
          return ms(dep.finishedAt, `deployment ${detail.id}: dependency ${dep.address} of started step ${step.address}, finishedAt`);
        }),
      );
    }
    const startedAt = ms(step.startedAt, `step ${step.address} startedAt`);
    let slot = runnable;
    if (maxParallel !== undefined) {
      // steps dispatched before this one had the slots first; a slot frees when one of them finishes
      const before = intervals.filter((i) => i.id !== step.id && i.start <= startedAt);
      const candidates = [runnable, ...before.map((i) => i.end).filter((e) => e > runnable && e <= startedAt).sort((a, b) => a - b)];
      slot = candidates.find((t) => before.filter((i) => i.end > t).length < maxParallel) ?? startedAt;
    }
    out.push({ deploymentId: detail.id, address: step.address, overheadMs: startedAt - runnable, afterSlotMs: Math.max(0, startedAt - slot), root: step.dependsOn.length === 0 });
  }
  return out;
}

export interface CreateCheck {
  /** Addresses expected to have been created, with how often they were. */
  expected: number;
  createdOnce: number;
  /** `stack address ×n` for every address created more than once. */
  duplicates: string[];
  /** Expected addresses that were never created. */
  missing: string[];
  /** Addresses deleted more than once. */
  deletedTwice: string[];
}

/**
 * Checks the simulated cloud's counters for a set of stacks: every expected address created once (none twice),
 * and no address deleted more than once. `expected` maps a stack to its addresses that must exist (created exactly
 * once); `mayExist` addresses may have been created (at most once) — those of rolled-back deployments.
 */
export function checkCreates(counts: readonly CallCount[], expected: ReadonlyMap<string, readonly string[]>, mayExist: ReadonlyMap<string, readonly string[]> = new Map()): CreateCheck {
  const key = (stack: string, address: string) => `${stack} ${address}`;
  const creates = new Map<string, number>();
  const deletes = new Map<string, number>();
  for (const c of counts) {
    if (c.operation === 'create') creates.set(key(c.stack, c.address), c.count);
    if (c.operation === 'delete') deletes.set(key(c.stack, c.address), c.count);
  }
  const result: CreateCheck = { expected: 0, createdOnce: 0, duplicates: [], missing: [], deletedTwice: [] };
  for (const [stack, addresses] of expected) {
    for (const address of addresses) {
      result.expected++;
      const n = creates.get(key(stack, address)) ?? 0;
      if (n === 1) result.createdOnce++;
      else if (n === 0) result.missing.push(key(stack, address));
    }
  }
  const watched = new Set([...expected, ...mayExist].flatMap(([stack, addresses]) => addresses.map((a) => key(stack, a))));
  for (const [k, n] of creates) if (watched.has(k) && n > 1) result.duplicates.push(`${k} ×${n}`);
  for (const [k, n] of deletes) if (watched.has(k) && n > 1) result.deletedTwice.push(`${k} ×${n}`);
  return result;
}
