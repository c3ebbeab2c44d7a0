import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  DEPLOYMENT_STATUSES,
  DeploymentRequestedV1,
  DomainError,
  ErrorCode,
  type DeploymentDetailDto,
  type DeploymentSummaryDto,
  type EnvironmentPolicyBody,
  type EnvironmentPolicyDto,
  type QueueDto,
  type RevisionDto,
  type SubmitDeploymentResponse,
} from '@cloudwright/contracts';
import { UnitOfWork } from '@cloudwright/messaging';
import { type DataSource } from 'typeorm';
import { DeploymentCoordinator } from '../saga/deployment-coordinator';
import { DEFAULT_POLICY, mergePolicy } from '../saga/environment-policy';
import { SAGA_DATA_SOURCE, SagaDriver } from '../saga/saga-driver';
import { SagaStore, type DeploymentRow } from '../saga/saga-store';
import { DeploymentOperations, type Actor, type DeploymentListFilter } from './deployment-operations';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The deployment-coordinator's face for the HTTP API: reads, and operator actions in one transaction each. */
@Injectable()
export class DeploymentOperationsService extends DeploymentOperations {
  constructor(
    @Inject(SAGA_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly coordinator: DeploymentCoordinator,
    private readonly driver: SagaDriver,
  ) {
    super();
  }

  private reader(): SagaStore {
    return new SagaStore(this.dataSource.manager, this.coordinator.schema);
  }

  /** The actor is recorded by the API's audit log; the request itself names who asked (`ci.actor`). */
  async submit(request: DeploymentRequestedV1, _actor: Actor): Promise<SubmitDeploymentResponse> {
    const known = await this.reader().findByRequestKey(request.requestKey);
    if (known) return { deploymentId: known.id, eventId: known.id, requestKey: known.requestKey, correlationId: known.correlationId, status: known.status };
    const event = await this.unitOfWork.run((tx) => tx.publish(DeploymentRequestedV1, request, { subject: request.requestKey }));
    return { deploymentId: null, eventId: event.id, requestKey: request.requestKey, correlationId: event.correlationid, status: 'submitted' };
  }

  async list(filter: DeploymentListFilter): Promise<DeploymentSummaryDto[]> {
    if (filter.status && !DEPLOYMENT_STATUSES.includes(filter.status)) {
      throw new DomainError(ErrorCode.ValidationFailed, `status must be one of ${DEPLOYMENT_STATUSES.join(', ')}`);
    }
    const rows = await this.reader().list({ ...filter, limit: Math.min(filter.limit ?? 50, 500) });
    return this.summaries(rows);
  }

  async get(id: string): Promise<DeploymentDetailDto> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new DomainError(ErrorCode.ValidationFailed, `deployment id must be a UUID, got "${id}"`);
    const row = await this.reader().find(id);
    if (!row) throw new DomainError(ErrorCode.NotFound, `deployment ${id} not found`);
    return this.detail(row);
  }

  async getByRequestKey(requestKey: string): Promise<DeploymentDetailDto> {
    const row = await this.reader().findByRequestKey(requestKey);
    if (!row) throw new DomainError(ErrorCode.NotFound, `no deployment for request key ${requestKey}`);
    return this.detail(row);
  }

  async approve(id: string, actor: Actor, comment?: string): Promise<DeploymentDetailDto> {
    await this.unitOfWork.run((tx) => this.coordinator.decide(tx, id, actor, 'approve', comment ?? null));
    this.driver.kick(id);
    return this.get(id);
  }

  async reject(id: string, actor: Actor, comment?: string): Promise<DeploymentDetailDto> {
    await this.unitOfWork.run((tx) => this.coordinator.decide(tx, id, actor, 'reject', comment ?? null));
    return this.get(id);
  }

  async cancel(id: string, actor: Actor, reason?: string): Promise<DeploymentDetailDto> {
    await this.unitOfWork.run((tx) => this.coordinator.cancel(tx, id, actor, reason ?? null));
    this.driver.kick(id);
    return this.get(id);
  }

  async retry(id: string, actor: Actor): Promise<DeploymentDetailDto> {
    await this.unitOfWork.run((tx) => this.coordinator.retry(tx, id, actor));
    this.driver.kick(id);
    return this.get(id);
  }

  async rollback(id: string, actor: Actor, options: { toRevision?: number; reason?: string }): Promise<DeploymentSummaryDto> {
    const newId = await this.unitOfWork.run(async (tx) => {
      const store = this.coordinator.store(tx);
      const source = await store.find(id);
      if (!source) throw new DomainError(ErrorCode.NotFound, `deployment ${id} not found`);
      if (source.status !== 'succeeded' || source.revision === null) {
        throw new DomainError(ErrorCode.Conflict, `deployment ${id} is ${source.status}: only a succeeded deployment can be rolled back to an earlier revision`);
      }
      const latest = await store.latestRevision(source.stack, source.environment);
      const target = options.toRevision ?? source.revision - 1;
      if (target < 1) throw new DomainError(ErrorCode.Conflict, `${source.stack}/${source.environment} has no revision before ${source.revision} to roll back to`);
      if (latest && target >= latest.revision) {
        throw new DomainError(ErrorCode.Conflict, `revision ${target} is not earlier than the current revision ${latest.revision} of ${source.stack}/${source.environment}`);
      }
      return this.coordinator.createRollback(tx, source, target, actor, options.reason, randomUUID());
    });
    this.driver.kick(newId);
    const row = await this.reader().find(newId);
    if (!row) throw new Error(`rollback deployment ${newId} vanished`);
    return (await this.summaries([row]))[0];
  }

  async queue(filter: { stack?: string; environment?: string }): Promise<QueueDto[]> {
    const reader = this.reader();
    const out: QueueDto[] = [];
    for (const env of await reader.environmentsWithActivity(filter)) {
      const holderId = await reader.lockHolder(env.stack, env.environment);
      const holder = holderId ? await reader.find(holderId) : null;
      const queued = await reader.queued(env.stack, env.environment);
      const [holderDto] = holder ? await this.summaries([holder]) : [null];
      out.push({ stack: env.stack, environment: env.environment, holder: holderDto, queued: await this.summaries(queued) });
    }
    return out;
  }

  async revisions(stack: string, environment: string): Promise<RevisionDto[]> {
    return (await this.reader().revisions(stack, environment)).map((r) => ({
      stack: r.stack,
      environment: r.environment,
      revision: r.revision,
      deploymentId: r.deploymentId,
      kind: r.kind,
      resources: r.resources.length,
      createdAt: new Date(r.createdAt).toISOString(),
    }));
  }

  async getPolicy(environment: string): Promise<EnvironmentPolicyDto> {
    const stored = await this.reader().policy(environment);
    if (!stored) return { environment, ...DEFAULT_POLICY, isDefault: true, updatedAt: null, updatedBy: null };
    return { environment, ...stored.policy, isDefault: false, updatedAt: new Date(stored.updatedAt).toISOString(), updatedBy: stored.updatedBy };
  }

  async putPolicy(environment: string, body: Partial<EnvironmentPolicyBody>, actor: Actor): Promise<EnvironmentPolicyDto> {
    await this.unitOfWork.run(async (tx) => {
      const store = this.coordinator.store(tx);
      const current = (await store.policy(environment))?.policy ?? DEFAULT_POLICY;
      await store.putPolicy(environment, mergePolicy(current, body), actor.name);
    });
    return this.getPolicy(environment);
  }

  // ---- mapping ------------------------------------------------------------------------------------------------------

  private async summaries(rows: DeploymentRow[]): Promise<DeploymentSummaryDto[]> {
    const reader = this.reader();
    const counts = await reader.stepCounts(rows.map((r) => r.id));
    const positions = new Map<string, number>();
    for (const key of new Set(rows.filter((r) => r.status === 'queued').map((r) => `${r.stack}\u0000${r.environment}`))) {
      const [stack, environment] = key.split('\u0000');
      (await reader.queued(stack, environment)).forEach((q, i) => positions.set(q.id, i + 1));
    }
    return rows.map((r) => ({
      id: r.id,
      requestKey: r.requestKey,
      kind: r.kind,
      stack: r.stack,
      environment: r.environment,
      status: r.status,
      targetClouds: r.targetClouds,
      clouds: r.clouds,
      revision: r.revision ?? null,
      rollbackToRevision: r.rollbackToRevision ?? null,
      reason: r.reason,
      queuePosition: positions.get(r.id) ?? null,
      correlationId: r.correlationId,
      ci: r.ci,
      labels: r.labels,
      requestedAt: new Date(r.requestedAt).toISOString(),
      startedAt: iso(r.startedAt),
      finishedAt: iso(r.finishedAt),
      updatedAt: new Date(r.updatedAt).toISOString(),
      stepCounts: counts.get(r.id) ?? { total: 0, succeeded: 0, failed: 0, running: 0, compensations: 0 },
    }));
  }

  private async detail(row: DeploymentRow): Promise<DeploymentDetailDto> {
    const reader = this.reader();
    const [summary] = await this.summaries([row]);
    const [gates, steps, transitions, approvals] = await Promise.all([reader.gates(row.id), reader.steps(row.id), reader.transitions(row.id), reader.approvals(row.id)]);
    const forward = steps.filter((s) => s.phase === 'forward').sort((a, b) => a.ordinal - b.ordinal);
    const compensations = steps.filter((s) => s.phase === 'compensation' && s.status !== 'pending').sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    return {
      ...summary,
      gates: gates.map((g) => ({ gate: g.gate, status: g.status, summary: g.summary, reasons: g.reasons, facts: g.facts, details: g.details, requestedAt: iso(g.requestedAt), decidedAt: iso(g.decidedAt) })),
      timeline: transitions.map((t) => ({ at: new Date(t.at).toISOString(), from: t.fromStatus, to: t.toStatus, reason: t.reason, actor: t.actor })),
      steps: [...forward, ...compensations].map((s) => ({
        id: s.id,
        seq: s.seq,
        address: s.address,
        resourceType: s.resourceType,
        cloud: s.cloud,
        region: s.region,
        action: s.action,
        phase: s.phase,
        compensates: s.compensates,
        status: s.status,
        attempts: s.attempts,
        dependsOn: s.dependsOn,
        providerId: s.providerId,
        error: s.errorCode ? { code: s.errorCode, message: s.errorMessage ?? '' } : null,
        note: s.note,
        startedAt: iso(s.startedAt),
        finishedAt: iso(s.finishedAt),
        callStartedAt: iso(s.callStartedAt),
        callFinishedAt: iso(s.callFinishedAt),
      })),
      approvals: approvals.map((a) => ({ approver: a.approver, role: a.role, decision: a.decision, comment: a.comment, at: new Date(a.at).toISOString() })),
      approval: row.approval ? { required: row.approval.required, approvers: row.approval.approvers, deadline: row.approval.deadline } : null,
      rollback: row.rollbackReason ? { reason: row.rollbackReason as NonNullable<DeploymentDetailDto['rollback']>['reason'], detail: row.rollbackDetail ?? '' } : null,
    };
  }
}
