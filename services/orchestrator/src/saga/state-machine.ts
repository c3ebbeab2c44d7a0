import { type DeploymentStatus } from '@cloudwright/contracts';

/**
 * The deployment saga's state machine: every allowed transition, with what causes it. The coordinator refuses any
 * other transition (a bug, never a silent state change); docs/saga.md draws this table (`npm run saga:diagram`).
 */
export const TRANSITIONS: readonly { from: DeploymentStatus; to: DeploymentStatus; on: string }[] = [
  { from: 'queued', to: 'analyzing', on: 'lock acquired' },
  { from: 'queued', to: 'provisioning', on: 'lock acquired (rollback to a revision: no gates)' },
  { from: 'queued', to: 'cancelled', on: 'cancel' },
  { from: 'analyzing', to: 'estimating', on: 'analysis passed' },
  { from: 'analyzing', to: 'blocked', on: 'analysis blocked / failed / no answer' },
  { from: 'estimating', to: 'scanning', on: 'cost passed' },
  { from: 'estimating', to: 'blocked', on: 'over budget / estimate failed / no answer' },
  { from: 'scanning', to: 'awaiting-approval', on: 'compliance passed, approval required' },
  { from: 'scanning', to: 'provisioning', on: 'compliance passed, no approval required' },
  { from: 'scanning', to: 'blocked', on: 'blocking findings / scan failed / no answer' },
  { from: 'awaiting-approval', to: 'provisioning', on: 'approvals reached' },
  { from: 'awaiting-approval', to: 'rejected', on: 'rejected / deadline passed' },
  { from: 'provisioning', to: 'verifying', on: 'every step succeeded' },
  { from: 'provisioning', to: 'rolling-back', on: 'step failed / cancel / deployment timeout' },
  { from: 'provisioning', to: 'failed', on: 'step failed (environment pauses on failure)' },
  { from: 'verifying', to: 'succeeded', on: 'health checks passed' },
  { from: 'verifying', to: 'rolling-back', on: 'health check failed / cancel / deployment timeout' },
  { from: 'failed', to: 'provisioning', on: 'retry' },
  { from: 'failed', to: 'rolling-back', on: 'cancel' },
  { from: 'rolling-back', to: 'rolled-back', on: 'every compensation succeeded' },
  { from: 'rolling-back', to: 'cancelled', on: 'every compensation succeeded (after a cancel)' },
  { from: 'rolling-back', to: 'rollback-failed', on: 'a compensation failed after its retries' },
  { from: 'rollback-failed', to: 'rolling-back', on: 'retry' },
  { from: 'rollback-failed', to: 'cancelled', on: 'cancel (abandon: the environment needs manual repair)' },
  ...(['analyzing', 'estimating', 'scanning', 'awaiting-approval'] as const).map((from) => ({ from, to: 'cancelled' as const, on: 'cancel' })),
];

const allowed = new Map<DeploymentStatus, Set<DeploymentStatus>>();
for (const t of TRANSITIONS) {
  const set = allowed.get(t.from) ?? new Set<DeploymentStatus>();
  set.add(t.to);
  allowed.set(t.from, set);
}

export function canTransition(from: DeploymentStatus, to: DeploymentStatus): boolean {
  return allowed.get(from)?.has(to) ?? false;
}

export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';
  constructor(
    readonly deploymentId: string,
    readonly from: DeploymentStatus,
    readonly to: DeploymentStatus,
  ) {
    super(`deployment ${deploymentId}: no transition from ${from} to ${to}`);
  }
}

export function assertTransition(deploymentId: string, from: DeploymentStatus, to: DeploymentStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(deploymentId, from, to);
}

/** Statuses in which the deployment holds its stack/environment lock. */
export const LOCK_HOLDING: readonly DeploymentStatus[] = [
  'analyzing',
  'estimating',
  'scanning',
  'awaiting-approval',
  'provisioning',
  'verifying',
  'failed',
  'rolling-back',
  'rollback-failed',
];

/** Statuses waiting for a gate's answer (the answer's consumer advances them; the deadline blocks them). */
export const GATE_STATUSES = { analyzing: 'analysis', estimating: 'cost', scanning: 'compliance', 'awaiting-approval': 'approval' } as const;

/** The state machine as a Mermaid diagram (docs/saga.md). */
export function stateDiagram(): string {
  const id = (s: DeploymentStatus) => s.replace(/-/g, '_');
  const lines = ['stateDiagram-v2', '  [*] --> queued: deployment.requested'];
  for (const t of TRANSITIONS) lines.push(`  ${id(t.from)} --> ${id(t.to)}: ${t.on.replace(/:/g, ' -')}`);
  for (const s of ['succeeded', 'blocked', 'rejected', 'rolled_back', 'cancelled']) lines.push(`  ${s} --> [*]`);
  return lines.join('\n');
}
