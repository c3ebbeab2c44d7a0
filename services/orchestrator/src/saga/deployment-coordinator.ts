import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type ApplyResult, type HealthResult, type ResourceSpec } from '@cloudwright/cloud-provider';
import {
  AlertRaisedV1,
  AlertResolvedV1,
  CloudAnalyzerAnalyzeV1,
  ComplianceOrchestratorScanV1,
  CostOptimizerEstimateV1,
  DeploymentApprovalGivenV1,
  DeploymentApprovalRequestedV1,
  DeploymentCancelledV1,
  DeploymentFailedV1,
  DeploymentGateBlockedV1,
  DeploymentGatePassedV1,
  DeploymentQueuedV1,
  DeploymentRejectedV1,
  DeploymentRollbackFailedV1,
  DeploymentRolledBackV1,
  DeploymentRollingBackV1,
  DeploymentStartedV1,
  DeploymentStepFailedV1,
  DeploymentStepStartedV1,
  DeploymentStepSucceededV1,
  DeploymentSucceededV1,
  DomainError,
  ErrorCode,
  type AlertSeverity,
  type CloudAnalyzedV1,
  type CloudEvent,
  type ComplianceScannedV1,
  type CostEstimatedV1,
  type DeploymentEventBaseV1,
  type DeploymentRequestedV1,
  type DeploymentStatus,
  type EnvironmentPolicyBody,
  type EventClass,
  type GateName,
  type RollbackReason,
} from '@cloudwright/contracts';
import { type Transaction } from '@cloudwright/messaging';
import { loadPlanSource, type ParsedPlan } from '@cloudwright/terraform-plan';
import { type Actor } from '../deployments/deployment-operations';
import { DEFAULT_POLICY } from './environment-policy';
import { SagaStore, type DeploymentBody, type DeploymentPatch, type DeploymentRow, type NewStep, type StepRow } from './saga-store';
import { GATE_STATUSES, assertTransition } from './state-machine';
import { planSteps, restoreSteps, type PlannedStep, knownAttributes } from './step-plan';

export const SAGA_SCHEMA = Symbol('SAGA_SCHEMA');

/** Work the coordinator asks the driver to do outside any transaction (talk to the cloud). */
export type Activity =
  | { kind: 'step'; deploymentId: string; stack: string; environment: string; step: StepRow; idempotencyKey: string; timeoutMs: number }
  | { kind: 'verify'; deploymentId: string; stack: string; environment: string; addresses: string[] };

/** The provider call of a step attempt; the idempotency key names the deployment, the step and the attempt. */
function stepActivity(dep: DeploymentRow, step: StepRow, attempt: number, policy: EnvironmentPolicyBody): Activity {
  return { kind: 'step', deploymentId: dep.id, stack: dep.stack, environment: dep.environment, step, idempotencyKey: `${dep.id}:${step.id}:${attempt}`, timeoutMs: policy.stepTimeoutSeconds * 1000 };
}

/** What the provider answered for a step, and when the call began and answered (epoch ms). */
export type StepOutcome = ({ ok: true; result: ApplyResult } | { ok: false; code: string; message: string; retryable: boolean }) & { calledAt: number; answeredAt: number };

/** What the provider answered for a deployment since its previous round. */
export interface Answers {
  steps: ReadonlyMap<string, StepOutcome>;
  verification?: HealthResult[] | { error: string };
  /** Record the answers only, dispatch nothing (the process is shutting down). */
  recordOnly?: boolean;
}
const NO_ANSWERS: Answers = { steps: new Map() };

/** A deployment's steps as read in a round's transaction: changed in memory, written back together at the end. */
class StepLog {
  private readonly dirty = new Set<StepRow>();
  constructor(private rows: StepRow[]) {}
  get all(): StepRow[] {
    return this.rows;
  }
  replace(rows: StepRow[]): void {
    this.rows = rows;
    this.dirty.clear();
  }
  find(id: string): StepRow | undefined {
    return this.rows.find((s) => s.id === id);
  }
  set(step: StepRow, patch: Partial<StepRow>): void {
    Object.assign(step, patch);
    this.dirty.add(step);
  }
  /** The next dispatch order number. */
  nextSeq(): number {
    return this.rows.reduce((max, s) => Math.max(max, s.seq ?? 0), 0) + 1;
  }
  /** The rows changed since the last call (they are written back by the caller). */
  takeChanged(): StepRow[] {
    const rows = [...this.dirty];
    this.dirty.clear();
    return rows;
  }
}

/** One deployment's part of a round: its id and what the provider answered since its previous round. */
export interface RoundItem {
  id: string;
  answers: Answers;
}

const FINAL: readonly DeploymentStatus[] = ['succeeded', 'blocked', 'rejected', 'rolled-back', 'cancelled'];
/** How long an active deployment sleeps when waiting only for in-flight calls (a restart re-checks it sooner). */
const HEARTBEAT_MS = 15_000;
const truncate = (s: string, n = 1000) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The deployment-coordinator: the saga's decisions. Every method runs in the caller's transaction and keeps all state
 * in PostgreSQL (deployment row, step log, gates, transitions), publishing each transition's event through the
 * outbox in the same transaction. Calls to the cloud happen outside transactions, in the driver (saga-driver.ts),
 * as Activities this class hands out; their answers come back to the next round (advance).
 */
@Injectable()
export class DeploymentCoordinator {
  constructor(@Inject(SAGA_SCHEMA) readonly schema: string) {}

  store(tx: Transaction): SagaStore {
    return new SagaStore(tx.manager, this.schema);
  }

  // ---- intake ----------------------------------------------------------------------------------------------------

  /** Step 1: a request from CI. Idempotent on the request key; takes the lock or queues. */
  async accept(tx: Transaction, event: CloudEvent<DeploymentRequestedV1>): Promise<{ deploymentId: string; created: boolean }> {
    const { data } = event;
    const inline = data.plan.inline;
    const planText = inline ? JSON.stringify(inline) : undefined;
    const ref = data.plan.ref;
    const store = this.store(tx);
    const { id, created } = await store.insertDeployment({
      id: event.id,
      requestKey: data.requestKey,
      kind: 'deploy',
      stack: data.stack,
      environment: data.environment,
      targetClouds: [...data.targetClouds],
      plan: data.plan,
      planSource: ref ? ref.uri : 'inline',
      planSha256: planText ? createHash('sha256').update(planText).digest('hex') : (ref?.sha256 ?? ''),
      planBytes: planText ? Buffer.byteLength(planText) : (ref?.sizeBytes ?? 0),
      resourceChanges: inline && Array.isArray(inline.resource_changes) ? inline.resource_changes.length : null,
      ci: { ...data.ci },
      labels: { ...(data.labels ?? {}) },
      correlationId: event.correlationid,
      requestedAt: new Date(event.time),
      rollbackToRevision: null,
      rollbackOf: null,
      desired: null,
    });
    if (created) {
      await store.addTransition(id, null, 'queued', 'requested', String(data.ci.actor));
      await this.lockOrQueue(tx, id);
    }
    return { deploymentId: id, created };
  }

  /** Creates a deployment that restores an earlier revision (operator rollback); it queues like any other. */
  async createRollback(tx: Transaction, source: DeploymentRow, toRevision: number, actor: Actor, reason: string | undefined, id: string): Promise<string> {
    const store = this.store(tx);
    const target = await store.revision(source.stack, source.environment, toRevision);
    if (!target) throw new DomainError(ErrorCode.NotFound, `${source.stack}/${source.environment} has no revision ${toRevision}`);
    const created = await store.insertDeployment({
      id,
      requestKey: `rollback:${id}`,
      kind: 'rollback',
      stack: source.stack,
      environment: source.environment,
      targetClouds: [...new Set(target.resources.map((r) => r.cloud))],
      plan: null,
      planSource: `revision:${toRevision}`,
      planSha256: createHash('sha256').update(JSON.stringify(target.resources)).digest('hex'),
      planBytes: 0,
      resourceChanges: null,
      ci: { provider: 'cli', actor: actor.name, reason: reason ?? null, rollbackOf: source.id },
      labels: {},
      correlationId: source.correlationId,
      requestedAt: new Date(),
      rollbackToRevision: toRevision,
      rollbackOf: source.id,
      desired: target.resources,
    });
    await store.addTransition(created.id, null, 'queued', `roll back to revision ${toRevision}${reason ? `: ${reason}` : ''}`, actor.name);
    await this.lockOrQueue(tx, created.id);
    return created.id;
  }

  private async lockOrQueue(tx: Transaction, id: string): Promise<void> {
    const store = this.store(tx);
    const dep = await store.lock(id);
    if (!dep) throw new Error(`deployment ${id} vanished`);
    await store.serialiseEnvironment(dep.stack, dep.environment);
    const holder = await store.tryLock(dep.stack, dep.environment, dep.id);
    if (holder === dep.id) {
      await this.start(tx, dep);
      return;
    }
    const queue = await store.queued(dep.stack, dep.environment);
    const position = queue.findIndex((q) => q.id === dep.id) + 1;
    await this.emit(tx, DeploymentQueuedV1, dep, 'queued', { position, heldBy: holder });
  }

  /** The lock is ours: snapshot the environment policy and open the first gate (or go straight to steps for a rollback). */
  private async start(tx: Transaction, dep: DeploymentRow): Promise<void> {
    const store = this.store(tx);
    const policy = (await store.policy(dep.environment))?.policy ?? DEFAULT_POLICY;
    const deadline = new Date(Date.now() + policy.deploymentTimeoutSeconds * 1000);
    await store.update(dep.id, { policy, startedAt: new Date(), deadlineAt: deadline });
    const started = { ...dep, policy, deadlineAt: deadline };
    if (dep.kind === 'rollback') {
      for (const gate of ['analysis', 'cost', 'compliance', 'approval'] as const) {
        await store.upsertGate({ deploymentId: dep.id, gate, status: 'skipped', summary: `restores revision ${dep.rollbackToRevision}, whose deployment passed its gates`, reasons: [], facts: {}, details: null, decided: true });
      }
      const { desired } = await store.body(dep.id);
      await this.emit(tx, DeploymentStartedV1, { ...started, status: 'provisioning' }, 'provisioning', { changes: desired?.length ?? 0 });
      await this.transition(tx, started, 'provisioning', 'lock acquired; rollback skips the gates', null, { wakeAt: new Date() });
      return;
    }
    await this.emit(tx, DeploymentStartedV1, started, 'analyzing', { changes: dep.resourceChanges ?? 0 });
    await this.transition(tx, started, 'analyzing', 'lock acquired', null, { wakeAt: this.gateDeadline(policy) });
    await store.upsertGate({ deploymentId: dep.id, gate: 'analysis', status: 'pending', summary: 'waiting for the cloud analyzer', reasons: [], facts: {}, details: null, requested: true });
    await tx.publish(
      CloudAnalyzerAnalyzeV1,
      { deploymentId: dep.id, stack: dep.stack, environment: dep.environment, requestKey: dep.requestKey, targetClouds: dep.targetClouds, plan: this.planOf(dep, await store.body(dep.id)) },
      this.meta(dep),
    );
  }

  private gateDeadline(policy: EnvironmentPolicyBody): Date {
    return new Date(Date.now() + policy.gateTimeoutSeconds * 1000);
  }

  private planOf(dep: DeploymentRow, body: DeploymentBody) {
    if (!body.plan) throw new Error(`deployment ${dep.id} has no plan`);
    return body.plan;
  }

  // ---- transitions -------------------------------------------------------------------------------------------------

  private meta(dep: Pick<DeploymentRow, 'correlationId' | 'id'>) {
    return { correlationId: dep.correlationId, subject: dep.id };
  }

  private base(dep: DeploymentRow, status: DeploymentStatus): DeploymentEventBaseV1 {
    return { deploymentId: dep.id, stack: dep.stack, environment: dep.environment, requestKey: dep.requestKey, kind: dep.kind, status };
  }

  private async emit<T extends DeploymentEventBaseV1>(tx: Transaction, contract: EventClass<T>, dep: DeploymentRow, status: DeploymentStatus, extra: Omit<T, keyof DeploymentEventBaseV1>): Promise<void> {
    await tx.publish(contract, { ...this.base(dep, status), ...extra } as T, this.meta(dep));
  }

  /** Changes status (checked against the state machine), logs the transition, and hands the lock over on a final status. */
  private async transition(tx: Transaction, dep: DeploymentRow, to: DeploymentStatus, reason: string | null, actor: string | null, patch: DeploymentPatch = {}): Promise<DeploymentRow> {
    assertTransition(dep.id, dep.status, to);
    const store = this.store(tx);
    const final = FINAL.includes(to);
    const next: DeploymentPatch = { ...patch, status: to, ...(final ? { finishedAt: new Date(), wakeAt: null } : {}) };
    if (reason !== null && !('reason' in patch) && to !== 'succeeded') next.reason = truncate(reason, 4000);
    await store.update(dep.id, next);
    await store.addTransition(dep.id, dep.status, to, reason, actor);
    const updated = { ...dep, ...next };
    if (final && dep.status !== 'queued') await this.handOver(tx, updated);
    return updated;
  }

  /** Releases the stack/environment lock and starts the next queued deployment, in the same transaction. */
  private async handOver(tx: Transaction, dep: DeploymentRow): Promise<void> {
    const store = this.store(tx);
    await store.serialiseEnvironment(dep.stack, dep.environment);
    await store.unlock(dep.stack, dep.environment, dep.id);
    await this.promote(tx, dep.stack, dep.environment);
  }

  /** Gives a free lock to the first queued deployment (serialised by the caller). */
  async promote(tx: Transaction, stack: string, environment: string): Promise<void> {
    const store = this.store(tx);
    if (await store.lockHolder(stack, environment)) return;
    const [next] = await store.queued(stack, environment);
    if (!next) return;
    const locked = await store.lock(next.id);
    if (!locked || locked.status !== 'queued') return;
    await store.tryLock(stack, environment, next.id);
    await this.start(tx, locked);
  }

  // ---- gates --------------------------------------------------------------------------------------------------------

  private async gatePassed(tx: Transaction, dep: DeploymentRow, gate: GateName, summary: string, facts: Record<string, string>, details: Record<string, unknown> | null): Promise<void> {
    await this.store(tx).upsertGate({ deploymentId: dep.id, gate, status: 'passed', summary, reasons: [], facts, details, decided: true });
    await this.emit(tx, DeploymentGatePassedV1, dep, dep.status, { gate, summary, facts });
  }

  private async gateBlocked(tx: Transaction, dep: DeploymentRow, gate: GateName, summary: string, reasons: string[], facts: Record<string, string>, details: Record<string, unknown> | null): Promise<DeploymentRow> {
    await this.store(tx).upsertGate({ deploymentId: dep.id, gate, status: 'blocked', summary, reasons: reasons.slice(0, 50), facts, details, decided: true });
    const blocked = await this.transition(tx, dep, 'blocked', `${gate} gate: ${summary}`, null);
    await this.emit(tx, DeploymentGateBlockedV1, blocked, 'blocked', { gate, summary: truncate(summary), reasons: reasons.slice(0, 50).map((r) => truncate(r)), facts });
    return blocked;
  }

  /** Locks the deployment an answer is for, if it is still waiting for that gate; else null (late or duplicate answer). */
  private async waitingFor(tx: Transaction, deploymentId: string, status: DeploymentStatus): Promise<DeploymentRow | null> {
    if (!/^[0-9a-f-]{36}$/i.test(deploymentId)) return null;
    const dep = await this.store(tx).lock(deploymentId);
    return dep && dep.status === status ? dep : null;
  }

  async onAnalyzed(tx: Transaction, data: CloudAnalyzedV1): Promise<boolean> {
    const dep = await this.waitingFor(tx, data.deploymentId, 'analyzing');
    if (!dep) return false;
    const facts: Record<string, string> = { recommendation: data.recommendation ?? 'none', clouds: data.selectedClouds.join(',') };
    for (const s of data.scores) facts[`score.${s.cloud}`] = String(s.score);
    const details = { scores: data.scores, recommendation: data.recommendation, selectedClouds: data.selectedClouds, reasons: data.reasons } as Record<string, unknown>;
    if (data.status === 'failed' || data.verdict === 'blocked') {
      const reasons = data.error ? [data.error, ...data.reasons] : data.reasons;
      await this.gateBlocked(tx, dep, 'analysis', data.status === 'failed' ? `analysis failed: ${data.error ?? 'no reason given'}` : 'the plan cannot be deployed to the target clouds', reasons, facts, details);
      return true;
    }
    const policy = dep.policy ?? DEFAULT_POLICY;
    const withClouds = await this.transition(tx, dep, 'estimating', 'analysis passed', null, { clouds: data.selectedClouds, wakeAt: this.gateDeadline(policy) });
    await this.gatePassed(tx, withClouds, 'analysis', `deploys to ${data.selectedClouds.join(', ')}${data.recommendation ? `; best fit ${data.recommendation}` : ''}`, facts, details);
    await this.store(tx).upsertGate({ deploymentId: dep.id, gate: 'cost', status: 'pending', summary: 'waiting for the cost estimate', reasons: [], facts: {}, details: null, requested: true });
    await tx.publish(CostOptimizerEstimateV1, { deploymentId: dep.id, stack: dep.stack, environment: dep.environment, requestKey: dep.requestKey, plan: this.planOf(dep, await this.store(tx).body(dep.id)) }, this.meta(dep));
    return true;
  }

  async onEstimated(tx: Transaction, data: CostEstimatedV1): Promise<boolean> {
    const dep = await this.waitingFor(tx, data.deploymentId, 'estimating');
    if (!dep) return false;
    const policy = dep.policy ?? DEFAULT_POLICY;
    const details = { totals: data.totals ?? null, currency: data.currency, budget: data.budget ?? null, unsupportedCount: data.unsupportedCount, resourceCount: data.resourceCount } as Record<string, unknown>;
    if (data.status === 'failed') {
      await this.gateBlocked(tx, dep, 'cost', `the estimate failed: ${data.error?.message ?? 'no reason given'}`, [data.error?.path ? `${data.error.message} (at ${data.error.path})` : (data.error?.message ?? 'unknown error')], {}, details);
      return true;
    }
    const facts: Record<string, string> = {
      currency: data.currency,
      monthly: data.totals?.monthly ?? '0',
      diffMonthly: data.totals?.diffMonthly ?? '0',
      budget: data.budget?.verdict ?? 'no-budget',
      unsupported: String(data.unsupportedCount),
    };
    const summary = `${data.currency} ${data.totals?.monthly ?? '0'}/month (${data.budget?.verdict === 'over' ? 'over budget' : data.budget?.verdict === 'within' ? 'within budget' : 'no budget set'})`;
    if (data.budget?.verdict === 'over' && policy.budget === 'block') {
      await this.gateBlocked(tx, dep, 'cost', summary, [data.budget.reason], facts, details);
      return true;
    }
    const next = await this.transition(tx, dep, 'scanning', 'cost passed', null, { wakeAt: this.gateDeadline(policy) });
    await this.gatePassed(tx, next, 'cost', data.budget?.verdict === 'over' ? `${summary}; the environment only warns` : summary, facts, details);
    await this.store(tx).upsertGate({ deploymentId: dep.id, gate: 'compliance', status: 'pending', summary: 'waiting for the compliance scan', reasons: [], facts: {}, details: null, requested: true });
    await tx.publish(
      ComplianceOrchestratorScanV1,
      { deploymentId: dep.id, stack: dep.stack, environment: dep.environment, requestKey: dep.requestKey, plan: this.planOf(dep, await this.store(tx).body(dep.id)), ...(policy.frameworks.length ? { frameworks: policy.frameworks } : {}) },
      this.meta(dep),
    );
    return true;
  }

  async onScanned(tx: Transaction, data: ComplianceScannedV1): Promise<boolean> {
    const dep = await this.waitingFor(tx, data.deploymentId, 'scanning');
    if (!dep) return false;
    const policy = dep.policy ?? DEFAULT_POLICY;
    const details = { scanId: data.scanId ?? null, gate: data.gate ?? null, scores: data.scores ?? null, counts: data.counts ?? null } as Record<string, unknown>;
    if (data.status === 'failed' || !data.gate) {
      await this.gateBlocked(tx, dep, 'compliance', `the scan failed: ${data.error?.message ?? 'no reason given'}`, [data.error?.message ?? 'unknown error'], {}, details);
      return true;
    }
    const facts: Record<string, string> = { verdict: data.gate.verdict, blockOn: data.gate.blockOn, score: data.scores?.overall === null || data.scores?.overall === undefined ? 'n/a' : String(data.scores.overall) };
    if (data.scanId) facts.scanId = data.scanId;
    if (data.gate.verdict === 'blocked') {
      await this.gateBlocked(tx, dep, 'compliance', `${data.gate.blocking.length} finding(s) at or above ${data.gate.blockOn} block the deployment`, data.gate.reasons, facts, details);
      return true;
    }
    const summary = `score ${facts.score}; nothing at or above ${data.gate.blockOn} left unwaived`;
    if (policy.approval.required) {
      const deadline = new Date(Date.now() + policy.approval.timeoutSeconds * 1000);
      const approval = { required: policy.approval.count, approvers: policy.approval.approvers, deadline: deadline.toISOString() };
      const next = await this.transition(tx, dep, 'awaiting-approval', 'compliance passed; the environment requires approval', null, { approval, wakeAt: deadline });
      await this.gatePassed(tx, next, 'compliance', summary, facts, details);
      await this.store(tx).upsertGate({ deploymentId: dep.id, gate: 'approval', status: 'pending', summary: `waiting for ${approval.required} approval(s)`, reasons: [], facts: {}, details: null, requested: true });
      await this.emit(tx, DeploymentApprovalRequestedV1, next, 'awaiting-approval', { required: approval.required, approvers: approval.approvers, deadline: approval.deadline });
      return true;
    }
    const next = await this.transition(tx, dep, 'provisioning', 'compliance passed; no approval required', null, { wakeAt: new Date() });
    await this.gatePassed(tx, next, 'compliance', summary, facts, details);
    await this.store(tx).upsertGate({ deploymentId: dep.id, gate: 'approval', status: 'skipped', summary: 'the environment does not require approval', reasons: [], facts: {}, details: null, decided: true });
    return true;
  }

  // ---- operator actions --------------------------------------------------------------------------------------------

  private async locked(tx: Transaction, id: string): Promise<DeploymentRow> {
    const dep = await this.store(tx).lock(id);
    if (!dep) throw new DomainError(ErrorCode.NotFound, `deployment ${id} not found`);
    return dep;
  }

  async decide(tx: Transaction, id: string, actor: Actor, decision: 'approve' | 'reject', comment: string | null): Promise<void> {
    const dep = await this.locked(tx, id);
    if (dep.status !== 'awaiting-approval' || !dep.approval) {
      throw new DomainError(ErrorCode.Conflict, `deployment ${id} is ${dep.status}: only a deployment awaiting approval can be ${decision === 'approve' ? 'approved' : 'rejected'}`);
    }
    const approval = dep.approval;
    if (approval.approvers.length > 0 && !approval.approvers.includes(actor.name)) {
      throw new DomainError(ErrorCode.Forbidden, `${actor.name} may not approve ${dep.stack}/${dep.environment}: approvers are ${approval.approvers.join(', ')}`);
    }
    const store = this.store(tx);
    if (!(await store.addApproval(id, actor.name, actor.role, decision, comment))) {
      throw new DomainError(ErrorCode.Conflict, `${actor.name} already decided on deployment ${id}; another approver is needed`);
    }
    const approvals = (await store.approvals(id)).filter((a) => a.decision === 'approve').length;
    await this.emit(tx, DeploymentApprovalGivenV1, dep, decision === 'approve' && approvals >= approval.required ? 'provisioning' : decision === 'reject' ? 'rejected' : 'awaiting-approval', {
      approver: actor.name,
      decision,
      ...(comment ? { comment } : {}),
      approvals,
      required: approval.required,
    });
    if (decision === 'reject') {
      await store.upsertGate({ deploymentId: id, gate: 'approval', status: 'blocked', summary: `rejected by ${actor.name}`, reasons: comment ? [comment] : [], facts: { by: actor.name }, details: null, decided: true });
      const rejected = await this.transition(tx, dep, 'rejected', `rejected by ${actor.name}${comment ? `: ${comment}` : ''}`, actor.name);
      await this.emit(tx, DeploymentRejectedV1, rejected, 'rejected', { cause: 'approver', by: actor.name, ...(comment ? { comment } : {}) });
      return;
    }
    if (approvals < approval.required) {
      await store.upsertGate({ deploymentId: id, gate: 'approval', status: 'pending', summary: `${approvals} of ${approval.required} approvals`, reasons: [], facts: { approvals: String(approvals) }, details: null });
      return;
    }
    const approvers = (await store.approvals(id)).filter((a) => a.decision === 'approve').map((a) => a.approver);
    const next = await this.transition(tx, dep, 'provisioning', `approved by ${approvers.join(', ')}`, actor.name, { wakeAt: new Date() });
    await this.gatePassed(tx, next, 'approval', `approved by ${approvers.join(', ')}`, { approvers: approvers.join(','), approvals: String(approvals) }, null);
  }

  async cancel(tx: Transaction, id: string, actor: Actor, reason: string | null): Promise<void> {
    const dep = await this.locked(tx, id);
    const why = `cancelled by ${actor.name}${reason ? `: ${reason}` : ''}`;
    if (FINAL.includes(dep.status)) throw new DomainError(ErrorCode.Conflict, `deployment ${id} is already ${dep.status}`);
    if (dep.status === 'rolling-back') {
      if (!dep.cancelRequestedBy) await this.store(tx).update(id, { cancelRequestedBy: actor.name });
      return; // compensations are already running; the deployment ends cancelled/rolled back when they finish
    }
    if (dep.status === 'provisioning' || dep.status === 'verifying' || dep.status === 'failed') {
      await this.store(tx).update(id, { cancelRequestedBy: actor.name });
      await this.startRollback(tx, { ...dep, cancelRequestedBy: actor.name }, new StepLog(await this.store(tx).steps(id)), 'cancelled', why);
      return;
    }
    if (dep.status === 'rollback-failed') {
      const cancelled = await this.transition(tx, dep, 'cancelled', `${why} (abandoned after the rollback failed: the environment needs manual repair)`, actor.name, { cancelRequestedBy: actor.name });
      await this.emit(tx, DeploymentCancelledV1, cancelled, 'cancelled', { by: actor.name, ...(reason ? { reason } : {}), compensated: await this.compensatedCount(tx, id) });
      return;
    }
    const gate = GATE_STATUSES[dep.status as keyof typeof GATE_STATUSES] as GateName | undefined;
    if (gate) await this.store(tx).upsertGate({ deploymentId: id, gate, status: 'skipped', summary: why, reasons: [], facts: {}, details: null, decided: true });
    const cancelled = await this.transition(tx, dep, 'cancelled', why, actor.name, { cancelRequestedBy: actor.name });
    await this.emit(tx, DeploymentCancelledV1, cancelled, 'cancelled', { by: actor.name, ...(reason ? { reason } : {}), compensated: 0 });
  }

  async retry(tx: Transaction, id: string, actor: Actor): Promise<void> {
    const dep = await this.locked(tx, id);
    const store = this.store(tx);
    const log = new StepLog(await store.steps(id));
    if (dep.status === 'failed') {
      const failed = log.all.filter((s) => s.phase === 'forward' && s.status === 'failed');
      for (const s of failed) log.set(s, { status: 'pending', nextAttemptAt: null, errorCode: null, errorMessage: null });
      await store.writeSteps(log.takeChanged());
      await this.transition(tx, dep, 'provisioning', `retry by ${actor.name} of ${failed.map((s) => s.address).join(', ') || 'the failed step'}`, actor.name, { wakeAt: new Date(), reason: null });
      return;
    }
    if (dep.status === 'rollback-failed') {
      const failed = log.all.filter((s) => s.phase === 'compensation' && s.status === 'failed');
      for (const s of failed) log.set(s, { status: 'pending', nextAttemptAt: null, attempts: 0 });
      await store.writeSteps(log.takeChanged());
      await this.transition(tx, dep, 'rolling-back', `retry by ${actor.name} of the failed compensation(s) ${failed.map((s) => s.address).join(', ')}`, actor.name, { wakeAt: new Date() });
      return;
    }
    throw new DomainError(ErrorCode.Conflict, `deployment ${id} is ${dep.status}: only a failed (paused) or rollback-failed deployment can be retried`);
  }

  private async compensatedCount(tx: Transaction, id: string): Promise<number> {
    return (await this.store(tx).steps(id)).filter((s) => s.phase === 'compensation' && s.status === 'succeeded').length;
  }

  // ---- the driver's rounds ------------------------------------------------------------------------------------------

  /**
   * One round of a deployment, in one transaction: records what the provider answered since the previous round (step
   * outcomes, health checks), then advances it — timers (gate, approval and deployment deadlines), dispatch of every
   * step that became runnable (within the parallel bound), rollback, completion. Returns what must be done outside the
   * transaction. `inFlight` are the step ids (and `verify:<id>`) this process is running: a running step not among
   * them was left by a stopped process and is dispatched again with the same idempotency key (the provider replays
   * it: no second effect).
   */
  async advance(tx: Transaction, id: string, inFlight: ReadonlySet<string>, answers: Answers = NO_ANSWERS): Promise<Activity[]> {
    return (await this.advanceMany(tx, [{ id, answers }], inFlight)).get(id) ?? [];
  }

  /**
   * The rounds of several deployments in one transaction (group commit): their rows are locked and their steps read
   * with one statement each, every deployment is advanced as in `advance`, and the changed steps of all of them are
   * written with one statement (the outbox events too, when the transaction commits). A deployment that was `queued`
   * when locked is left alone: the only change another deployment's round makes to a row of the batch is promoting a
   * queued deployment (handOver), which then starts in that same transaction.
   */
  async advanceMany(tx: Transaction, items: readonly RoundItem[], inFlight: ReadonlySet<string>): Promise<Map<string, Activity[]>> {
    const store = this.store(tx);
    const out = new Map<string, Activity[]>();
    const ids = [...new Set(items.map((i) => i.id))];
    const rows = new Map((await store.lockMany(ids)).map((d) => [d.id, d]));
    const stepsOf = await store.stepsOf(ids.filter((id) => rows.has(id)));
    const changed: StepRow[] = [];
    for (const { id, answers } of items) {
      let dep = rows.get(id);
      if (!dep || (dep.status === 'queued' && !answers.steps.size)) continue;
      const log = new StepLog(stepsOf.get(id) ?? []);
      const policy = dep.policy ?? DEFAULT_POLICY;
      for (const [stepId, outcome] of answers.steps) await this.recordOutcome(tx, dep, log, stepId, outcome, policy);
      if (answers.verification && dep.status === 'verifying') dep = await this.recordVerification(tx, dep, log, answers.verification);
      out.set(id, answers.recordOnly ? [] : await this.next(tx, dep, log, policy, inFlight));
      changed.push(...log.takeChanged());
    }
    // the provider calls need the resource specs, which the round's step read leaves out: the write answers those of
    // the steps it marks running; a step dispatched again after a restart is not written, so its spec is read
    const calls = [...out.values()].flat().filter((a): a is Extract<Activity, { kind: 'step' }> => a.kind === 'step' && a.step.spec === null);
    const written = new Set(changed);
    const specs = await store.writeSteps(changed, calls.filter((a) => written.has(a.step)).map((a) => a.step.id));
    const unwritten = calls.filter((a) => !written.has(a.step)).map((a) => a.step.id);
    if (unwritten.length) for (const [id, spec] of await store.specs(unwritten)) specs.set(id, spec);
    for (const a of calls) a.step.spec = specs.get(a.step.id) ?? null;
    return out;
  }

  private async next(tx: Transaction, dep: DeploymentRow, log: StepLog, policy: EnvironmentPolicyBody, inFlight: ReadonlySet<string>): Promise<Activity[]> {
    const store = this.store(tx);
    if (FINAL.includes(dep.status) || dep.status === 'queued') return [];
    const now = Date.now();
    const gate = GATE_STATUSES[dep.status as keyof typeof GATE_STATUSES] as GateName | undefined;
    if (gate) {
      if (dep.wakeAt && dep.wakeAt.getTime() <= now) await this.gateTimedOut(tx, dep, gate, policy);
      return [];
    }
    if (dep.status === 'failed' || dep.status === 'rollback-failed') {
      if (dep.wakeAt) await store.update(dep.id, { wakeAt: null });
      return [];
    }
    if (dep.status === 'provisioning' && log.all.length === 0) {
      const planned = await this.planFor(tx, dep);
      if ('error' in planned) return this.compensate(tx, await this.startRollback(tx, dep, log, 'step-failed', planned.error), log, policy, inFlight);
      await this.recordSteps(tx, dep, planned.steps, planned.desired);
      log.replace(await store.steps(dep.id));
    }
    if ((dep.status === 'provisioning' || dep.status === 'verifying') && dep.deadlineAt && dep.deadlineAt.getTime() <= now) {
      const rolling = await this.startRollback(tx, dep, log, 'timeout', `the deployment did not finish within ${policy.deploymentTimeoutSeconds} s`);
      return this.compensate(tx, rolling, log, policy, inFlight);
    }
    if (dep.status === 'provisioning') return this.provision(tx, dep, log, policy, inFlight);
    if (dep.status === 'verifying') {
      if (inFlight.has(`verify:${dep.id}`)) return [];
      await store.update(dep.id, { wakeAt: new Date(now + HEARTBEAT_MS) });
      const addresses = log.all.filter((s) => s.phase === 'forward' && s.status === 'succeeded' && s.action !== 'delete').map((s) => s.address);
      return [{ kind: 'verify', deploymentId: dep.id, stack: dep.stack, environment: dep.environment, addresses: [...new Set(addresses)] }];
    }
    if (dep.status === 'rolling-back') return this.compensate(tx, dep, log, policy, inFlight);
    return [];
  }

  private async planFor(tx: Transaction, dep: DeploymentRow): Promise<{ steps: PlannedStep[]; desired: ResourceSpec[] } | { error: string }> {
    const body = await this.store(tx).body(dep.id);
    if (dep.kind === 'rollback') {
      return { steps: [], desired: body.desired ?? [] }; // restore steps are computed against the current revision in recordSteps
    }
    let plan: ParsedPlan;
    try {
      plan = await loadPlanSource(this.planOf(dep, body));
    } catch (error) {
      return { error: `the plan cannot be loaded: ${(error as Error).message}` };
    }
    try {
      const steps = planSteps(plan);
      const desired = plan.resources
        .filter((r) => r.mode === 'managed' && r.cloud !== null && r.action !== 'delete' && r.action !== 'read')
        .map((r) => ({ address: r.address, type: r.type, cloud: r.cloud as ResourceSpec['cloud'], region: r.region, attributes: knownAttributes(r.after), dependsOn: [] as string[] }));
      const byAddress = new Map(steps.filter((s) => s.spec && s.action !== 'delete').map((s) => [s.address, s.spec as ResourceSpec]));
      for (const d of desired) d.dependsOn = byAddress.get(d.address)?.dependsOn ?? [];
      return { steps, desired };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }

  /** Records every step with its compensation before anything is dispatched. */
  private async recordSteps(tx: Transaction, dep: DeploymentRow, planned: PlannedStep[], desired: ResourceSpec[]): Promise<void> {
    const store = this.store(tx);
    let steps = planned;
    if (dep.kind === 'rollback') {
      const current = await store.latestRevision(dep.stack, dep.environment);
      steps = restoreSteps(current?.resources ?? [], desired);
    }
    const rows: NewStep[] = [];
    for (const s of steps) {
      const common = { deploymentId: dep.id, ordinal: s.ordinal, address: s.address, resourceType: s.resourceType, cloud: s.cloud, region: s.region };
      rows.push({ ...common, id: s.id, action: s.action, phase: 'forward', compensates: null, status: s.skip ? 'skipped' : 'pending', dependsOn: s.dependsOn, spec: s.spec, note: s.skip });
      if (s.compensation) {
        rows.push({ ...common, id: s.compensation.id, action: s.compensation.action, phase: 'compensation', compensates: s.id, status: 'pending', dependsOn: [], spec: s.compensation.spec, note: null });
      }
    }
    await store.insertSteps(rows);
    await store.update(dep.id, { desired });
  }

  private async provision(tx: Transaction, dep: DeploymentRow, log: StepLog, policy: EnvironmentPolicyBody, inFlight: ReadonlySet<string>): Promise<Activity[]> {
    const store = this.store(tx);
    const forward = log.all.filter((s) => s.phase === 'forward');
    if (dep.cancelRequestedBy) {
      return this.compensate(tx, await this.startRollback(tx, dep, log, 'cancelled', `cancelled by ${dep.cancelRequestedBy}`), log, policy, inFlight);
    }
    const failed = forward.find((s) => s.status === 'failed');
    if (failed) {
      const reason = `${failed.action} ${failed.address} failed: ${failed.errorMessage ?? failed.errorCode ?? 'unknown error'}`;
      if (policy.onFailure === 'pause') {
        // let in-flight siblings settle first so a retry starts from a known state
        if (forward.some((s) => s.status === 'running')) return this.redispatch(dep, forward, inFlight, policy);
        const paused = await this.transition(tx, dep, 'failed', reason, null);
        await this.emit(tx, DeploymentFailedV1, paused, 'failed', { reason: truncate(reason, 4000), failedStepId: failed.id, next: 'paused' });
        await this.alert(tx, paused, 'deployment-failed', 'warning', `${dep.stack}/${dep.environment}: deployment paused after a failed step`, `${reason}. Retry or cancel it.`);
        return [];
      }
      return this.compensate(tx, await this.startRollback(tx, dep, log, 'step-failed', reason, failed.id), log, policy, inFlight);
    }
    const done = (s: StepRow) => s.status === 'succeeded' || s.status === 'skipped';
    if (forward.every(done)) {
      await this.transition(tx, dep, 'verifying', 'every step succeeded', null, { wakeAt: new Date() });
      return [];
    }
    const activities = this.redispatch(dep, forward, inFlight, policy);
    const byId = new Map(forward.map((s) => [s.id, s]));
    let running = forward.filter((s) => s.status === 'running').length;
    const now = Date.now();
    let seq = log.nextSeq();
    let nextWake = now + HEARTBEAT_MS;
    for (const s of forward) {
      if (running >= policy.maxParallelSteps) break;
      if (s.status !== 'pending') continue;
      if (!s.dependsOn.every((d) => { const x = byId.get(d); return !x || done(x); })) continue;
      if (s.nextAttemptAt && s.nextAttemptAt.getTime() > now) {
        nextWake = Math.min(nextWake, s.nextAttemptAt.getTime());
        continue;
      }
      activities.push(await this.dispatch(tx, dep, log, s, s.seq ?? seq, policy));
      if (s.seq === seq) seq++;
      running++;
    }
    // the heartbeat only needs refreshing when it is near or later than the next backoff
    const wake = dep.wakeAt?.getTime();
    if (wake === undefined || wake <= now + HEARTBEAT_MS / 2 || wake > nextWake) await store.update(dep.id, { wakeAt: new Date(nextWake) });
    return activities;
  }

  /** Marks a step running (its attempt number and dispatch order) and announces it; the driver calls the provider after the commit. */
  private async dispatch(tx: Transaction, dep: DeploymentRow, log: StepLog, step: StepRow, seq: number, policy: EnvironmentPolicyBody): Promise<Activity> {
    const attempt = step.attempts + 1;
    log.set(step, { status: 'running', attempts: attempt, seq, startedAt: new Date(), nextAttemptAt: null, callStartedAt: null, callFinishedAt: null });
    await this.stepEvent(tx, DeploymentStepStartedV1, dep, step, {});
    return stepActivity(dep, step, attempt, policy);
  }

  /** Running steps this process is not running (left by a stopped coordinator): dispatched again with the same key. */
  private redispatch(dep: DeploymentRow, steps: StepRow[], inFlight: ReadonlySet<string>, policy: EnvironmentPolicyBody): Activity[] {
    return steps
      .filter((s) => s.status === 'running' && !inFlight.has(s.id))
      .map((s) => stepActivity(dep, s, s.attempts, policy));
  }

  private async stepEvent<T extends DeploymentEventBaseV1>(tx: Transaction, contract: EventClass<T>, dep: DeploymentRow, step: StepRow, extra: Record<string, unknown>): Promise<void> {
    await tx.publish(
      contract,
      {
        ...this.base(dep, dep.status),
        stepId: step.id,
        seq: step.seq ?? 1,
        address: step.address,
        resourceType: step.resourceType,
        cloud: step.cloud ?? 'aws',
        ...(step.region ? { region: step.region } : {}),
        action: step.action,
        phase: step.phase,
        attempt: Math.max(1, step.attempts),
        ...extra,
      } as unknown as T,
      this.meta(dep),
    );
  }

  /** Moves to rolling-back; the compensations are dispatched by the caller (compensate) in the same round. */
  private async startRollback(tx: Transaction, dep: DeploymentRow, log: StepLog, reason: RollbackReason, detail: string, failedStepId?: string): Promise<DeploymentRow> {
    if (reason === 'step-failed' || reason === 'timeout' || reason === 'verification-failed') {
      await this.emit(tx, DeploymentFailedV1, dep, 'rolling-back', { reason: truncate(detail, 4000), ...(failedStepId ? { failedStepId } : {}), next: 'rolling-back' });
    }
    const toRun = this.compensationsNeeded(log.all).length;
    const next = await this.transition(tx, dep, 'rolling-back', detail, reason === 'cancelled' ? dep.cancelRequestedBy : null, { rollbackReason: reason, rollbackDetail: truncate(detail, 4000), wakeAt: new Date() });
    await this.emit(tx, DeploymentRollingBackV1, next, 'rolling-back', { reason, detail: truncate(detail, 4000), compensations: toRun });
    return next;
  }

  /** Compensations whose forward step had (or may have had) an effect. */
  private compensationsNeeded(steps: StepRow[]): StepRow[] {
    const forward = new Map(steps.filter((s) => s.phase === 'forward').map((s) => [s.id, s]));
    return steps.filter((c) => {
      if (c.phase !== 'compensation' || !c.compensates) return false;
      const f = forward.get(c.compensates);
      return !!f && (f.status === 'succeeded' || f.status === 'running' || (f.status === 'failed' && f.errorCode === 'timeout') || (f.status === 'pending' && f.errorCode === 'timeout'));
    });
  }

  private async compensate(tx: Transaction, dep: DeploymentRow, log: StepLog, policy: EnvironmentPolicyBody, inFlight: ReadonlySet<string>): Promise<Activity[]> {
    const store = this.store(tx);
    const steps = log.all;
    const forward = steps.filter((s) => s.phase === 'forward');
    // a forward step still in flight decides whether its compensation is needed: settle it first
    if (forward.some((s) => s.status === 'running')) {
      const again = this.redispatch(dep, forward, inFlight, policy);
      await store.update(dep.id, { wakeAt: new Date(Date.now() + HEARTBEAT_MS) });
      return again;
    }
    const forwardById = new Map(forward.map((s) => [s.id, s]));
    const needed = new Set(this.compensationsNeeded(steps).map((c) => c.id));
    for (const c of steps) {
      if (c.phase === 'compensation' && c.status === 'pending' && !needed.has(c.id)) log.set(c, { status: 'skipped', note: 'its step had no effect to undo' });
    }
    const compensations = steps.filter((c) => c.phase === 'compensation' && needed.has(c.id));
    const failed = compensations.find((c) => c.status === 'failed');
    if (failed) {
      const error = `${failed.action} ${failed.address} failed: ${failed.errorMessage ?? failed.errorCode ?? 'unknown error'}`;
      const next = await this.transition(tx, dep, 'rollback-failed', `compensation ${error}`, null, { wakeAt: null });
      await this.emit(tx, DeploymentRollbackFailedV1, next, 'rollback-failed', { failedStepId: failed.id, address: failed.address, error: truncate(error, 4000) });
      await this.alert(tx, next, 'deployment-rollback-failed', 'critical', `${dep.stack}/${dep.environment}: rollback failed — manual repair needed`, `Compensation ${error} after ${failed.attempts} attempt(s). The environment is locked in rollback-failed until an operator retries or cancels.`);
      return [];
    }
    const running = compensations.find((c) => c.status === 'running');
    if (running) {
      await store.update(dep.id, { wakeAt: new Date(Date.now() + HEARTBEAT_MS) });
      return inFlight.has(running.id) ? [] : [stepActivity(dep, running, running.attempts, policy)];
    }
    // exact reverse order of dispatch, one at a time
    const pending = compensations.filter((c) => c.status === 'pending').sort((a, b) => (forwardById.get(b.compensates ?? '')?.seq ?? 0) - (forwardById.get(a.compensates ?? '')?.seq ?? 0));
    const next = pending[0];
    if (!next) return this.finishRollback(tx, dep, compensations.length);
    const now = Date.now();
    if (next.nextAttemptAt && next.nextAttemptAt.getTime() > now) {
      await store.update(dep.id, { wakeAt: next.nextAttemptAt });
      return [];
    }
    const activity = await this.dispatch(tx, dep, log, next, next.seq ?? log.nextSeq(), policy);
    await store.update(dep.id, { wakeAt: new Date(now + HEARTBEAT_MS) });
    return [activity];
  }

  private async finishRollback(tx: Transaction, dep: DeploymentRow, compensated: number): Promise<Activity[]> {
    if (dep.cancelRequestedBy) {
      const done = await this.transition(tx, dep, 'cancelled', `cancelled by ${dep.cancelRequestedBy}; ${compensated} compensation(s) ran`, dep.cancelRequestedBy);
      await this.emit(tx, DeploymentCancelledV1, done, 'cancelled', { by: dep.cancelRequestedBy, compensated });
      return [];
    }
    const reason = (dep.rollbackReason ?? 'step-failed') as RollbackReason;
    const done = await this.transition(tx, dep, 'rolled-back', `rolled back (${reason}): ${dep.rollbackDetail ?? ''}`, null);
    await this.emit(tx, DeploymentRolledBackV1, done, 'rolled-back', { reason, compensated });
    await this.alert(tx, done, 'deployment-rolled-back', 'warning', `${dep.stack}/${dep.environment}: deployment rolled back`, `${dep.rollbackDetail ?? reason}. ${compensated} compensation(s) ran; the environment is as before the deployment.`);
    return [];
  }

  private async gateTimedOut(tx: Transaction, dep: DeploymentRow, gate: GateName, policy: EnvironmentPolicyBody): Promise<void> {
    if (gate === 'approval') {
      const store = this.store(tx);
      await store.upsertGate({ deploymentId: dep.id, gate, status: 'blocked', summary: 'no decision before the deadline: denied', reasons: [`deadline ${dep.approval?.deadline ?? ''} passed`], facts: {}, details: null, decided: true });
      const rejected = await this.transition(tx, dep, 'rejected', `approval timed out after ${policy.approval.timeoutSeconds} s: denied`, null);
      await this.emit(tx, DeploymentRejectedV1, rejected, 'rejected', { cause: 'timeout' });
      await this.alert(tx, rejected, 'deployment-approval-timeout', 'warning', `${dep.stack}/${dep.environment}: approval timed out`, `Nobody approved deployment ${dep.id} within ${policy.approval.timeoutSeconds} s; it was denied.`);
      return;
    }
    const agent = { analysis: 'the cloud analyzer', cost: 'the cost-tracker', compliance: 'the compliance service' }[gate];
    const blocked = await this.gateBlocked(tx, dep, gate, `no answer from ${agent} within ${policy.gateTimeoutSeconds} s`, [`${agent} did not answer; is it running?`], {}, null);
    await this.alert(tx, blocked, 'deployment-gate-timeout', 'warning', `${dep.stack}/${dep.environment}: ${gate} gate got no answer`, `${agent} did not answer deployment ${dep.id} within ${policy.gateTimeoutSeconds} s.`);
  }

  // ---- activity outcomes --------------------------------------------------------------------------------------------

  /** Records what the provider said about a dispatched step (retry with backoff, or final). */
  private async recordOutcome(tx: Transaction, dep: DeploymentRow, log: StepLog, stepId: string, outcome: StepOutcome, policy: EnvironmentPolicyBody): Promise<void> {
    const step = log.find(stepId);
    if (!step || step.status !== 'running') return; // already recorded (a replayed dispatch)
    const call = { callStartedAt: new Date(outcome.calledAt), callFinishedAt: new Date(outcome.answeredAt) };
    const durationMs = Math.max(0, outcome.answeredAt - outcome.calledAt);
    if (outcome.ok) {
      const providerId = outcome.result.resource?.providerId ?? null;
      log.set(step, { ...call, status: 'succeeded', providerId, finishedAt: new Date(), note: outcome.result.noop ? 'nothing to change' : outcome.result.replayed ? 'replayed: the provider had already done it' : null });
      await this.stepEvent(tx, DeploymentStepSucceededV1, dep, step, { ...(providerId ? { providerId } : {}), durationMs });
      return;
    }
    const retries = step.phase === 'compensation' ? policy.compensationRetries : policy.stepRetries;
    const retryable = step.phase === 'compensation' || outcome.retryable;
    const willRetry = retryable && step.attempts <= retries;
    const backoff = Math.min(200 * 2 ** (step.attempts - 1), 10_000);
    log.set(step, {
      ...call,
      status: willRetry ? 'pending' : 'failed',
      errorCode: outcome.code,
      errorMessage: truncate(outcome.message, 4000),
      finishedAt: willRetry ? null : new Date(),
      nextAttemptAt: willRetry ? new Date(Date.now() + backoff) : null,
    });
    await this.stepEvent(tx, DeploymentStepFailedV1, dep, step, { errorCode: outcome.code.slice(0, 64), error: truncate(outcome.message, 4000), willRetry });
  }

  /** Health checks answered: a new revision and succeeded, or a rollback. Returns the deployment as it now is. */
  private async recordVerification(tx: Transaction, dep: DeploymentRow, log: StepLog, results: HealthResult[] | { error: string }): Promise<DeploymentRow> {
    const store = this.store(tx);
    const unhealthy = Array.isArray(results) ? results.filter((r) => !r.healthy) : [];
    if (!Array.isArray(results) || unhealthy.length) {
      const detail = Array.isArray(results) ? `health check failed: ${unhealthy.map((r) => `${r.address} (${r.detail})`).join('; ')}` : `health checks could not run: ${results.error}`;
      return this.startRollback(tx, dep, log, 'verification-failed', detail);
    }
    if (dep.cancelRequestedBy) return this.startRollback(tx, dep, log, 'cancelled', `cancelled by ${dep.cancelRequestedBy}`);
    const { desired } = await store.body(dep.id);
    const revision = await store.addRevision(dep.stack, dep.environment, dep.id, dep.kind, desired ?? []);
    const steps = log.all.filter((s) => s.phase === 'forward' && s.status === 'succeeded');
    const count = (a: string) => steps.filter((s) => s.action === a).length;
    const done = await this.transition(tx, dep, 'succeeded', `revision ${revision}`, null, { revision, reason: null });
    await this.emit(tx, DeploymentSucceededV1, done, 'succeeded', {
      revision,
      created: count('create'),
      updated: count('update'),
      deleted: count('delete'),
      durationMs: Math.max(0, Date.now() - (dep.startedAt?.getTime() ?? dep.receivedAt.getTime())),
    });
    for (const closed of await store.closeAlerts(dep.stack, dep.environment)) {
      await tx.publish(
        AlertResolvedV1,
        {
          dedupKey: closed.dedupKey,
          kind: closed.kind,
          description: `deployment ${dep.id} of ${dep.stack}/${dep.environment} succeeded (revision ${revision})`,
          environment: dep.environment,
          stack: dep.stack,
          source: 'orchestrator',
          labels: { deploymentId: dep.id },
          resolvedAt: new Date().toISOString(),
        },
        this.meta(dep),
      );
    }
    return done;
  }

  private async alert(tx: Transaction, dep: DeploymentRow, kind: string, severity: AlertSeverity, title: string, description: string): Promise<void> {
    const dedupKey = `${kind}:${dep.stack}:${dep.environment}`;
    if (!(await this.store(tx).openAlert(dedupKey, kind, dep.stack, dep.environment, dep.id))) return;
    await tx.publish(
      AlertRaisedV1,
      {
        dedupKey,
        kind,
        severity,
        title: truncate(title, 256),
        description: truncate(description, 4096),
        environment: dep.environment,
        stack: dep.stack,
        source: 'orchestrator',
        labels: { deploymentId: dep.id, status: dep.status, correlationId: dep.correlationId },
        raisedAt: new Date().toISOString(),
      },
      this.meta(dep),
    );
  }
}
