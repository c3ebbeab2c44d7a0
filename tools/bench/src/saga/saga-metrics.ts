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

export interface StepGap {
  deploymentId: string;
  address: string;
  root: boolean;
  /**
   * The time the coordinator stood between the cloud and this step: from the provider's answer to the last step it
   * depends on (for a root step: the deployment entering `provisioning`) to the start of its own provider call, ms.
   */
  gapMs: number;
  /** Of which: that answer waiting to be recorded (dependency callFinishedAt → finishedAt), ms; 0 for a root step. */
  recordMs: number;
  /** Recorded → this step dispatched (startedAt), ms; for a root step the whole wait from `provisioning` to dispatch. */
  dispatchMs: number;
  /** Dispatched → its provider call started (commit, then waiting for a call slot), ms. */
  callWaitMs: number;
}

/**
 * Where each forward step's time went between provider calls, from the deployment record (the step timeline's
 * callStartedAt/callFinishedAt are the provider call of the latest attempt). Steps whose call never started
 * (skipped, pending after a failure) are left out.
 */
export function stepGaps(detail: DeploymentDetailDto): StepGap[] {
  const provisioning = detail.timeline.find((t) => t.to === 'provisioning');
  const forward = detail.steps.filter((s) => s.phase === 'forward');
  const byId = new Map(forward.map((s) => [s.id, s]));
  const out: StepGap[] = [];
  for (const step of forward) {
    if (step.status === 'skipped' || step.callStartedAt === null) continue;
    const what = `deployment ${detail.id}: step ${step.address}`;
    const called = ms(step.callStartedAt, `${what} callStartedAt`);
    const dispatched = ms(step.startedAt, `${what} startedAt`);
    if (step.dependsOn.length === 0) {
      if (!provisioning) throw new Error(`${what} started but the timeline has no "provisioning" entry`);
      const runnable = ms(provisioning.at, `deployment ${detail.id} provisioning transition`);
      out.push({ deploymentId: detail.id, address: step.address, root: true, gapMs: called - runnable, recordMs: 0, dispatchMs: dispatched - runnable, callWaitMs: called - dispatched });
      continue;
    }
    const deps = step.dependsOn.map((id) => {
      const dep = byId.get(id);
      if (!dep) throw new Error(`${what} depends on unknown step ${id}`);
      const where = `${what}: dependency ${dep.address}`;
      return { answered: ms(dep.callFinishedAt, `${where} callFinishedAt`), recorded: ms(dep.finishedAt, `${where} finishedAt`) };
    });
    const last = deps.reduce((a, b) => (b.answered > a.answered ? b : a));
    const recorded = Math.max(...deps.map((d) => d.recorded));
    out.push({ deploymentId: detail.id, address: step.address, root: false, gapMs: called - last.answered, recordMs: recorded - last.answered, dispatchMs: dispatched - recorded, callWaitMs: called - dispatched });
  }
  return out;
}

/** Quantiles of a Prometheus summary from a /metrics text (e.g. `cw_saga_step_overhead_seconds`), seconds in ms (or times `scale`), with its count. */
export function summaryMs(metricsText: string, name: string, scale = 1000): { quantiles: Map<number, number>; count: number } {
  const quantiles = new Map<number, number>();
  let count = Number.NaN;
  for (const line of metricsText.split('\n')) {
    const q = new RegExp(`^${name}\\{quantile="([0-9.]+)"\\} (\\S+)$`).exec(line);
    if (q) quantiles.set(Number(q[1]), Number(q[2]) * scale);
    const c = new RegExp(`^${name}_count (\\S+)$`).exec(line);
    if (c) count = Number(c[1]);
  }
  if (!quantiles.size || Number.isNaN(count)) throw new Error(`the metrics have no summary ${name}`);
  return { quantiles, count };
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
