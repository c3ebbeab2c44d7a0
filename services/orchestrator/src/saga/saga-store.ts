import { type ResourceSpec } from '@cloudwright/cloud-provider';
import {
  type ApiRole,
  type ApprovalDecision,
  type Cloud,
  type DeploymentKind,
  type DeploymentPlanV1,
  type DeploymentStatus,
  type EnvironmentPolicyBody,
  type GateName,
  type GateStatus,
  type StepAction,
  type StepPhase,
  type StepStatus,
  type TargetCloud,
} from '@cloudwright/contracts';
import { quoteIdent, valuesList } from '@cloudwright/messaging';
import { type EntityManager } from 'typeorm';

/** A deployment row: the saga's state (never in memory). */
export interface DeploymentRow {
  id: string;
  requestKey: string;
  kind: DeploymentKind;
  stack: string;
  environment: string;
  status: DeploymentStatus;
  targetClouds: TargetCloud[];
  clouds: Cloud[];
  planSource: string;
  planSha256: string;
  planBytes: number;
  resourceChanges: number | null;
  ci: Record<string, unknown>;
  labels: Record<string, string>;
  correlationId: string;
  reason: string | null;
  revision: number | null;
  rollbackToRevision: number | null;
  rollbackOf: string | null;
  rollbackReason: string | null;
  rollbackDetail: string | null;
  cancelRequestedBy: string | null;
  queueSeq: string;
  requestedAt: Date;
  receivedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
  wakeAt: Date | null;
  deadlineAt: Date | null;
  approval: { required: number; approvers: string[]; deadline: string } | null;
  policy: EnvironmentPolicyBody | null;
  duplicateRequests: number;
}

/**
 * The bulky part of a deployment, kept out of DeploymentRow (which every saga transaction locks and reads): the plan
 * as requested, and the resources it leaves (what a revision records).
 */
export interface DeploymentBody {
  plan: DeploymentPlanV1 | null;
  desired: ResourceSpec[] | null;
}

/** Deployment fields a transition may change. */
export type DeploymentPatch = Partial<DeploymentRow> & { desired?: ResourceSpec[] | null };

export interface StepRow {
  id: string;
  deploymentId: string;
  ordinal: number;
  seq: number | null;
  address: string;
  resourceType: string;
  cloud: Cloud | null;
  region: string | null;
  action: StepAction;
  phase: StepPhase;
  compensates: string | null;
  status: StepStatus;
  attempts: number;
  dependsOn: string[];
  spec: ResourceSpec | null;
  providerId: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  note: string | null;
  nextAttemptAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** When the provider call of the latest attempt began / answered (the coordinator's own time is the rest). */
  callStartedAt: Date | null;
  callFinishedAt: Date | null;
}

export type NewStep = Omit<StepRow, 'seq' | 'attempts' | 'providerId' | 'errorCode' | 'errorMessage' | 'nextAttemptAt' | 'startedAt' | 'finishedAt' | 'callStartedAt' | 'callFinishedAt'>;

export interface GateRow {
  deploymentId: string;
  gate: GateName;
  status: GateStatus;
  summary: string;
  reasons: string[];
  facts: Record<string, string>;
  details: Record<string, unknown> | null;
  requestedAt: Date | null;
  decidedAt: Date | null;
}

export interface TransitionRow {
  at: Date;
  fromStatus: DeploymentStatus | null;
  toStatus: DeploymentStatus;
  reason: string | null;
  actor: string | null;
}

export interface ApprovalRow {
  approver: string;
  role: ApiRole;
  decision: ApprovalDecision;
  comment: string | null;
  at: Date;
}

export interface RevisionRow {
  stack: string;
  environment: string;
  revision: number;
  deploymentId: string;
  kind: DeploymentKind;
  resources: ResourceSpec[];
  createdAt: Date;
}

const DEPLOYMENT_COLUMNS = `id, request_key AS "requestKey", kind, stack, environment, status, target_clouds AS "targetClouds", clouds,
  plan_source AS "planSource", plan_sha256 AS "planSha256", plan_bytes AS "planBytes", resource_changes AS "resourceChanges", ci, labels,
  correlation_id AS "correlationId", reason, revision, rollback_to_revision AS "rollbackToRevision", rollback_of AS "rollbackOf",
  rollback_reason AS "rollbackReason", rollback_detail AS "rollbackDetail", cancel_requested_by AS "cancelRequestedBy", queue_seq AS "queueSeq",
  requested_at AS "requestedAt", received_at AS "receivedAt", started_at AS "startedAt", finished_at AS "finishedAt", updated_at AS "updatedAt",
  wake_at AS "wakeAt", deadline_at AS "deadlineAt", approval, policy, duplicate_requests AS "duplicateRequests"`;

const STEP_COLUMNS_WITHOUT_SPEC = `id, deployment_id AS "deploymentId", ordinal, seq, address, resource_type AS "resourceType", cloud, region, action, phase, compensates,
  status, attempts, depends_on AS "dependsOn", provider_id AS "providerId", error_code AS "errorCode", error_message AS "errorMessage", note,
  next_attempt_at AS "nextAttemptAt", started_at AS "startedAt", finished_at AS "finishedAt",
  call_started_at AS "callStartedAt", call_finished_at AS "callFinishedAt"`;
const STEP_COLUMNS = `${STEP_COLUMNS_WITHOUT_SPEC}, spec`;

/** TypeORM's postgres driver answers UPDATE/DELETE … RETURNING with `[rows, affected]`, INSERT/SELECT with rows. */
function returned<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

const FINAL_SQL = `('succeeded','blocked','rejected','rolled-back','cancelled')`;

/** Column names of the deployment fields a transition may change. */
const PATCHABLE: Record<string, string> = {
  status: 'status',
  clouds: 'clouds',
  reason: 'reason',
  revision: 'revision',
  rollbackReason: 'rollback_reason',
  rollbackDetail: 'rollback_detail',
  cancelRequestedBy: 'cancel_requested_by',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
  wakeAt: 'wake_at',
  deadlineAt: 'deadline_at',
  approval: 'approval',
  policy: 'policy',
  desired: 'desired',
};
const JSON_FIELDS = new Set(['approval', 'policy', 'desired']);

export type NewDeployment = DeploymentBody &
  Pick<
  DeploymentRow,
  | 'id'
  | 'requestKey'
  | 'kind'
  | 'stack'
  | 'environment'
  | 'targetClouds'
  | 'planSource'
  | 'planSha256'
  | 'planBytes'
  | 'resourceChanges'
  | 'ci'
  | 'labels'
  | 'correlationId'
  | 'requestedAt'
  | 'rollbackToRevision'
  | 'rollbackOf'
  >;

/** SQL persistence of the saga, on the caller's transaction (the orchestrator's schema only). */
export class SagaStore {
  private readonly s: string;

  constructor(
    private readonly manager: EntityManager,
    schema: string,
  ) {
    this.s = quoteIdent(schema);
  }

  /** Inserts a deployment, or counts a duplicate request key. Atomic under concurrency (one statement on the unique key). */
  async insertDeployment(d: NewDeployment): Promise<{ id: string; created: boolean }> {
    const rows: { id: string; inserted: boolean }[] = await this.manager.query(
      `INSERT INTO ${this.s}.deployments
         (id, request_key, kind, stack, environment, target_clouds, plan, plan_source, plan_sha256, plan_bytes, resource_changes, ci, labels,
          correlation_id, status, requested_at, rollback_to_revision, rollback_of, desired)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,'queued',$15,$16,$17,$18)
       ON CONFLICT (request_key) DO UPDATE SET duplicate_requests = deployments.duplicate_requests + 1
       RETURNING id, (xmax = 0) AS inserted`,
      [
        d.id,
        d.requestKey,
        d.kind,
        d.stack,
        d.environment,
        d.targetClouds,
        d.plan === null ? null : JSON.stringify(d.plan),
        d.planSource,
        d.planSha256,
        d.planBytes,
        d.resourceChanges,
        JSON.stringify(d.ci),
        JSON.stringify(d.labels),
        d.correlationId,
        d.requestedAt,
        d.rollbackToRevision,
        d.rollbackOf,
        d.desired === null ? null : JSON.stringify(d.desired),
      ],
    );
    return { id: rows[0].id, created: rows[0].inserted };
  }

  async find(id: string): Promise<DeploymentRow | null> {
    const rows: DeploymentRow[] = await this.manager.query(`SELECT ${DEPLOYMENT_COLUMNS} FROM ${this.s}.deployments WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findByRequestKey(key: string): Promise<DeploymentRow | null> {
    const rows: DeploymentRow[] = await this.manager.query(`SELECT ${DEPLOYMENT_COLUMNS} FROM ${this.s}.deployments WHERE request_key = $1`, [key]);
    return rows[0] ?? null;
  }

  /** Locks the deployment row for this transaction (waits for another transaction holding it). */
  async lock(id: string): Promise<DeploymentRow | null> {
    const rows: DeploymentRow[] = await this.manager.query(`SELECT ${DEPLOYMENT_COLUMNS} FROM ${this.s}.deployments WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  /** Locks these deployments in id order (so two rounds never wait on each other crosswise); missing ids are left out. */
  async lockMany(ids: readonly string[]): Promise<DeploymentRow[]> {
    if (ids.length === 1) {
      const one = await this.lock(ids[0]);
      return one ? [one] : [];
    }
    return this.manager.query(`SELECT ${DEPLOYMENT_COLUMNS} FROM ${this.s}.deployments WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  }

  /** The plan and desired resources of a deployment (not part of DeploymentRow). */
  async body(id: string): Promise<DeploymentBody> {
    const rows: DeploymentBody[] = await this.manager.query(`SELECT plan, desired FROM ${this.s}.deployments WHERE id = $1`, [id]);
    if (!rows[0]) throw new Error(`deployment ${id} not found`);
    return rows[0];
  }

  async update(id: string, patch: DeploymentPatch): Promise<void> {
    const sets: string[] = ['updated_at = clock_timestamp()'];
    const params: unknown[] = [id];
    for (const [key, value] of Object.entries(patch)) {
      const column = PATCHABLE[key];
      if (!column) throw new Error(`deployments.${key} cannot be patched`);
      params.push(JSON_FIELDS.has(key) && value !== null ? JSON.stringify(value) : value);
      sets.push(`${column} = $${params.length}`);
    }
    await this.manager.query(`UPDATE ${this.s}.deployments SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  async list(filter: { stack?: string; environment?: string; status?: string; limit: number }): Promise<DeploymentRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [column, value] of [['stack', filter.stack], ['environment', filter.environment], ['status', filter.status]] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    params.push(filter.limit);
    return this.manager.query(
      `SELECT ${DEPLOYMENT_COLUMNS} FROM ${this.s}.deployments ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, queue_seq DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** Deployments whose timer is due (active, not queued), oldest first. */
  async due(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM ${this.s}.deployments WHERE status NOT IN ${FINAL_SQL} AND status <> 'queued' AND wake_at <= clock_timestamp() ORDER BY wake_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /** Makes every saga with provider work due now (start-up: resume what a stopped coordinator left); gate deadlines stay. */
  async wakeProviderWork(): Promise<number> {
    const rows = returned<{ id: string }>(
      // only where work is done by the driver: a gate's wake_at is its deadline, which a restart must not move
      await this.manager.query(`UPDATE ${this.s}.deployments SET wake_at = clock_timestamp() WHERE status IN ('provisioning','verifying','rolling-back') RETURNING id`),
    );
    return rows.length;
  }

  async addTransition(deploymentId: string, from: DeploymentStatus | null, to: DeploymentStatus, reason: string | null, actor: string | null): Promise<void> {
    await this.manager.query(`INSERT INTO ${this.s}.deployment_transitions (deployment_id, from_status, to_status, reason, actor) VALUES ($1,$2,$3,$4,$5)`, [
      deploymentId,
      from,
      to,
      reason,
      actor,
    ]);
  }

  transitions(deploymentId: string): Promise<TransitionRow[]> {
    return this.manager.query(
      `SELECT at, from_status AS "fromStatus", to_status AS "toStatus", reason, actor FROM ${this.s}.deployment_transitions WHERE deployment_id = $1 ORDER BY id`,
      [deploymentId],
    );
  }

  // ---- locks and queue -------------------------------------------------------------------------------------------

  /**
   * Serialises lock decisions of one stack/environment for the rest of the transaction (a transaction-scoped
   * advisory lock): taking the lock, queueing and handing the lock over can never interleave, so a request can
   * neither start beside the holder nor be left queued behind a lock that was just released.
   */
  async serialiseEnvironment(stack: string, environment: string): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`cloudwright:env-lock:${stack}/${environment}`]);
  }

  /** Takes the lock if free; returns the holder (this deployment when taken). */
  async tryLock(stack: string, environment: string, deploymentId: string): Promise<string> {
    await this.manager.query(`INSERT INTO ${this.s}.environment_locks (stack, environment, deployment_id) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING`, [
      stack,
      environment,
      deploymentId,
    ]);
    const rows: { deploymentId: string }[] = await this.manager.query(
      `SELECT deployment_id AS "deploymentId" FROM ${this.s}.environment_locks WHERE stack = $1 AND environment = $2`,
      [stack, environment],
    );
    return rows[0].deploymentId;
  }

  async unlock(stack: string, environment: string, deploymentId: string): Promise<void> {
    await this.manager.query(`DELETE FROM ${this.s}.environment_locks WHERE stack = $1 AND environment = $2 AND deployment_id = $3`, [stack, environment, deploymentId]);
  }

  async lockHolder(stack: string, environment: string): Promise<string | null> {
    const rows: { deploymentId: string }[] = await this.manager.query(
      `SELECT deployment_id AS "deploymentId" FROM ${this.s}.environment_locks WHERE stack = $1 AND environment = $2`,
      [stack, environment],
    );
    return rows[0]?.deploymentId ?? null;
  }

  /** The queued deployments of a stack/environment, in the order they will run. */
  queued(stack: string, environment: string): Promise<DeploymentRow[]> {
    return this.manager.query(
      `SELECT ${DEPLOYMENT_COLUMNS} FROM ${this.s}.deployments WHERE stack = $1 AND environment = $2 AND status = 'queued' ORDER BY queue_seq`,
      [stack, environment],
    );
  }

  /** Stack/environments with a holder or a queue (for GET /queue). */
  async environmentsWithActivity(filter: { stack?: string; environment?: string }): Promise<{ stack: string; environment: string }[]> {
    return this.manager.query(
      `SELECT DISTINCT stack, environment FROM (
         SELECT stack, environment FROM ${this.s}.environment_locks
         UNION SELECT stack, environment FROM ${this.s}.deployments WHERE status = 'queued') e
       WHERE ($1::text IS NULL OR stack = $1) AND ($2::text IS NULL OR environment = $2) ORDER BY stack, environment`,
      [filter.stack ?? null, filter.environment ?? null],
    );
  }

  /** Queued deployments whose environment has no lock holder (safety net for the promoter). */
  async orphanQueued(limit: number): Promise<{ stack: string; environment: string }[]> {
    return this.manager.query(
      `SELECT DISTINCT d.stack, d.environment FROM ${this.s}.deployments d
       WHERE d.status = 'queued' AND NOT EXISTS (SELECT 1 FROM ${this.s}.environment_locks l WHERE l.stack = d.stack AND l.environment = d.environment)
       LIMIT $1`,
      [limit],
    );
  }

  // ---- steps ------------------------------------------------------------------------------------------------------

  /** Inserts steps (a deployment's forward steps and their compensations) in one statement per 1,000 rows. */
  async insertSteps(steps: NewStep[]): Promise<void> {
    for (let from = 0; from < steps.length; from += 1000) {
      const chunk = steps.slice(from, from + 1000);
      const { sql, params } = valuesList(
        chunk.map((step) => [step.id, step.deploymentId, step.ordinal, step.address, step.resourceType, step.cloud, step.region, step.action, step.phase, step.compensates, step.status, step.dependsOn, step.spec === null ? null : JSON.stringify(step.spec), step.note]),
      );
      await this.manager.query(
        `INSERT INTO ${this.s}.deployment_steps (id, deployment_id, ordinal, address, resource_type, cloud, region, action, phase, compensates, status, depends_on, spec, note)
         VALUES ${sql}`,
        params,
      );
    }
  }

  steps(deploymentId: string): Promise<StepRow[]> {
    return this.manager.query(`SELECT ${STEP_COLUMNS} FROM ${this.s}.deployment_steps WHERE deployment_id = $1 ORDER BY phase DESC, ordinal`, [deploymentId]);
  }

  /**
   * The steps of several deployments in one statement, per deployment in the order of steps(), without their resource
   * specs (`spec` is null: a round decides on the other columns and loads the specs of the steps it dispatches with
   * `specs`, instead of parsing every step's spec in every round).
   */
  async stepsOf(ids: readonly string[]): Promise<Map<string, StepRow[]>> {
    const out = new Map<string, StepRow[]>(ids.map((id) => [id, []]));
    const rows: StepRow[] = await this.manager.query(
      `SELECT ${STEP_COLUMNS_WITHOUT_SPEC}, NULL AS spec FROM ${this.s}.deployment_steps WHERE deployment_id = ANY($1::uuid[]) ORDER BY deployment_id, phase DESC, ordinal`,
      [ids],
    );
    for (const row of rows) out.get(row.deploymentId)?.push(row);
    return out;
  }

  /** The resource specs of these steps (a step without one is left out). */
  async specs(stepIds: readonly string[]): Promise<Map<string, ResourceSpec>> {
    if (!stepIds.length) return new Map();
    const rows: { id: string; spec: ResourceSpec | null }[] = await this.manager.query(`SELECT id, spec FROM ${this.s}.deployment_steps WHERE id = ANY($1::uuid[])`, [stepIds]);
    return new Map(rows.filter((r) => r.spec !== null).map((r) => [r.id, r.spec as ResourceSpec]));
  }

  /**
   * Writes the mutable columns of these steps (as they are in memory) in one statement, and answers the resource specs
   * of those among them named in `specsOf` (the steps a round dispatches), so a round needs no statement to read them.
   */
  async writeSteps(steps: readonly StepRow[], specsOf: readonly string[] = []): Promise<Map<string, ResourceSpec>> {
    if (!steps.length) return new Map();
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    const rows = steps.map((s) => ({
      id: s.id,
      status: s.status,
      seq: s.seq,
      attempts: s.attempts,
      provider_id: s.providerId,
      error_code: s.errorCode,
      error_message: s.errorMessage,
      note: s.note,
      next_attempt_at: iso(s.nextAttemptAt),
      started_at: iso(s.startedAt),
      finished_at: iso(s.finishedAt),
      call_started_at: iso(s.callStartedAt),
      call_finished_at: iso(s.callFinishedAt),
    }));
    const result: unknown = await this.manager.query(
      `UPDATE ${this.s}.deployment_steps AS s SET status = v.status, seq = v.seq, attempts = v.attempts, provider_id = v.provider_id,
         error_code = v.error_code, error_message = v.error_message, note = v.note, next_attempt_at = v.next_attempt_at,
         started_at = v.started_at, finished_at = v.finished_at, call_started_at = v.call_started_at, call_finished_at = v.call_finished_at
       FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, status text, seq integer, attempts integer, provider_id text, error_code text,
         error_message text, note text, next_attempt_at timestamptz, started_at timestamptz, finished_at timestamptz,
         call_started_at timestamptz, call_finished_at timestamptz)
       WHERE s.id = v.id
       RETURNING s.id, CASE WHEN s.id = ANY($2::uuid[]) THEN s.spec END AS spec`,
      [JSON.stringify(rows), specsOf],
    );
    const out = new Map<string, ResourceSpec>();
    for (const row of returned<{ id: string; spec: ResourceSpec | null }>(result)) if (row.spec !== null) out.set(row.id, row.spec);
    return out;
  }

  async stepCounts(ids: string[]): Promise<Map<string, { total: number; succeeded: number; failed: number; running: number; compensations: number }>> {
    const out = new Map<string, { total: number; succeeded: number; failed: number; running: number; compensations: number }>();
    if (!ids.length) return out;
    const rows: { id: string; total: string; succeeded: string; failed: string; running: string; compensations: string }[] = await this.manager.query(
      `SELECT deployment_id AS id,
              count(*) FILTER (WHERE phase = 'forward') AS total,
              count(*) FILTER (WHERE phase = 'forward' AND status = 'succeeded') AS succeeded,
              count(*) FILTER (WHERE status = 'failed') AS failed,
              count(*) FILTER (WHERE status = 'running') AS running,
              count(*) FILTER (WHERE phase = 'compensation' AND status = 'succeeded') AS compensations
         FROM ${this.s}.deployment_steps WHERE deployment_id = ANY($1) GROUP BY deployment_id`,
      [ids],
    );
    for (const r of rows) out.set(r.id, { total: +r.total, succeeded: +r.succeeded, failed: +r.failed, running: +r.running, compensations: +r.compensations });
    return out;
  }

  // ---- gates and approvals -----------------------------------------------------------------------------------------

  async upsertGate(g: Omit<GateRow, 'requestedAt' | 'decidedAt'> & { requested?: boolean; decided?: boolean }): Promise<void> {
    await this.manager.query(
      `INSERT INTO ${this.s}.deployment_gates (deployment_id, gate, status, summary, reasons, facts, details, requested_at, decided_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7, CASE WHEN $8 THEN clock_timestamp() END, CASE WHEN $9 THEN clock_timestamp() END)
       ON CONFLICT (deployment_id, gate) DO UPDATE SET status = EXCLUDED.status, summary = EXCLUDED.summary, reasons = EXCLUDED.reasons,
         facts = EXCLUDED.facts, details = COALESCE(EXCLUDED.details, deployment_gates.details),
         requested_at = COALESCE(deployment_gates.requested_at, EXCLUDED.requested_at), decided_at = EXCLUDED.decided_at`,
      [g.deploymentId, g.gate, g.status, g.summary, JSON.stringify(g.reasons), JSON.stringify(g.facts), g.details === null ? null : JSON.stringify(g.details), g.requested ?? false, g.decided ?? false],
    );
  }

  gates(deploymentId: string): Promise<GateRow[]> {
    return this.manager.query(
      `SELECT deployment_id AS "deploymentId", gate, status, summary, reasons, facts, details, requested_at AS "requestedAt", decided_at AS "decidedAt"
         FROM ${this.s}.deployment_gates WHERE deployment_id = $1
        ORDER BY array_position(ARRAY['analysis','cost','compliance','approval'], gate)`,
      [deploymentId],
    );
  }

  /** Records a vote; false when this approver already voted. */
  async addApproval(deploymentId: string, approver: string, role: ApiRole, decision: ApprovalDecision, comment: string | null): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO ${this.s}.deployment_approvals (deployment_id, approver, role, decision, comment) VALUES ($1,$2,$3,$4,$5) ON CONFLICT DO NOTHING RETURNING approver`,
      [deploymentId, approver, role, decision, comment],
    );
    return rows.length === 1;
  }

  approvals(deploymentId: string): Promise<ApprovalRow[]> {
    return this.manager.query(`SELECT approver, role, decision, comment, at FROM ${this.s}.deployment_approvals WHERE deployment_id = $1 ORDER BY at`, [deploymentId]);
  }

  // ---- revisions, policies, alerts ---------------------------------------------------------------------------------

  async latestRevision(stack: string, environment: string): Promise<RevisionRow | null> {
    const rows: RevisionRow[] = await this.manager.query(
      `SELECT stack, environment, revision, deployment_id AS "deploymentId", kind, resources, created_at AS "createdAt"
         FROM ${this.s}.stack_revisions WHERE stack = $1 AND environment = $2 ORDER BY revision DESC LIMIT 1`,
      [stack, environment],
    );
    return rows[0] ?? null;
  }

  async revision(stack: string, environment: string, revision: number): Promise<RevisionRow | null> {
    const rows: RevisionRow[] = await this.manager.query(
      `SELECT stack, environment, revision, deployment_id AS "deploymentId", kind, resources, created_at AS "createdAt"
         FROM ${this.s}.stack_revisions WHERE stack = $1 AND environment = $2 AND revision = $3`,
      [stack, environment, revision],
    );
    return rows[0] ?? null;
  }

  revisions(stack: string, environment: string): Promise<RevisionRow[]> {
    return this.manager.query(
      `SELECT stack, environment, revision, deployment_id AS "deploymentId", kind, resources, created_at AS "createdAt"
         FROM ${this.s}.stack_revisions WHERE stack = $1 AND environment = $2 ORDER BY revision DESC`,
      [stack, environment],
    );
  }

  async addRevision(stack: string, environment: string, deploymentId: string, kind: DeploymentKind, resources: ResourceSpec[]): Promise<number> {
    const rows: { revision: number }[] = await this.manager.query(
      `INSERT INTO ${this.s}.stack_revisions (stack, environment, revision, deployment_id, kind, resources)
       SELECT $1, $2, COALESCE(MAX(revision), 0) + 1, $3, $4, $5 FROM ${this.s}.stack_revisions WHERE stack = $1 AND environment = $2
       RETURNING revision`,
      [stack, environment, deploymentId, kind, JSON.stringify(resources)],
    );
    return rows[0].revision;
  }

  async policy(environment: string): Promise<{ policy: EnvironmentPolicyBody; updatedAt: Date; updatedBy: string } | null> {
    const rows: { policy: EnvironmentPolicyBody; updatedAt: Date; updatedBy: string }[] = await this.manager.query(
      `SELECT policy, updated_at AS "updatedAt", updated_by AS "updatedBy" FROM ${this.s}.environment_policies WHERE environment = $1`,
      [environment],
    );
    return rows[0] ?? null;
  }

  async putPolicy(environment: string, policy: EnvironmentPolicyBody, by: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO ${this.s}.environment_policies (environment, policy, updated_by) VALUES ($1,$2,$3)
       ON CONFLICT (environment) DO UPDATE SET policy = EXCLUDED.policy, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [environment, JSON.stringify(policy), by],
    );
  }

  /** Marks an alert open; false when it already was (raise once per dedup key). */
  async openAlert(dedupKey: string, kind: string, stack: string, environment: string, deploymentId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO ${this.s}.deployment_alerts (dedup_key, kind, stack, environment, deployment_id) VALUES ($1,$2,$3,$4,$5) ON CONFLICT DO NOTHING RETURNING dedup_key`,
      [dedupKey, kind, stack, environment, deploymentId],
    );
    return rows.length === 1;
  }

  /** Closes the open alerts of a stack/environment; returns what was closed. */
  async closeAlerts(stack: string, environment: string): Promise<{ dedupKey: string; kind: string }[]> {
    return returned(await this.manager.query(`DELETE FROM ${this.s}.deployment_alerts WHERE stack = $1 AND environment = $2 RETURNING dedup_key AS "dedupKey", kind`, [stack, environment]));
  }
}
