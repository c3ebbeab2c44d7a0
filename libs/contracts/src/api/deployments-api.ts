import { type Cloud, type TargetCloud } from '../deployment/deployment-requested.v1';
import {
  type ApprovalDecision,
  type DeploymentKind,
  type DeploymentStatus,
  type GateName,
  type RollbackReason,
  type StepAction,
  type StepPhase,
} from '../deployment/deployment-values';

/**
 * The orchestrator's HTTP API (deployments, approvals, queue, revisions, policies, audit), as plain JSON shapes shared
 * by the service and the CLI. Routes (all under the orchestrator's base URL; bearer token required except /health,
 * /metrics and /openapi.json):
 *
 *   POST /deployments                      operator  body DeploymentRequestedV1 → 202 SubmitDeploymentResponse
 *   GET  /deployments?stack&environment&status&limit   viewer → DeploymentSummaryDto[]
 *   GET  /deployments/by-request-key/:key  viewer → DeploymentDetailDto
 *   GET  /deployments/:id                  viewer → DeploymentDetailDto
 *   POST /deployments/:id/approve          approver  body ApprovalBody → DeploymentDetailDto
 *   POST /deployments/:id/reject           approver  body ApprovalBody → DeploymentDetailDto
 *   POST /deployments/:id/cancel           operator  body CancelBody → DeploymentDetailDto
 *   POST /deployments/:id/retry            operator  → DeploymentDetailDto
 *   POST /deployments/:id/rollback         operator  body RollbackBody → 202 DeploymentSummaryDto (the new deployment)
 *   GET  /queue?stack&environment          viewer → QueueDto[]
 *   GET  /stacks/:stack/environments/:environment/revisions   viewer → RevisionDto[]
 *   GET  /policies/:environment            viewer → EnvironmentPolicyDto
 *   PUT  /policies/:environment            admin  body Partial<EnvironmentPolicyBody> → EnvironmentPolicyDto
 *   GET  /events?deploymentId&stack&environment   viewer  text/event-stream of FeedEventDto
 *   GET  /audit?limit                      admin → AuditEntryDto[]
 */

export const API_ROLES = ['viewer', 'operator', 'approver', 'admin'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export interface SubmitDeploymentResponse {
  /** Known at once when the request key was already accepted; else null until the intake consumer records it. */
  deploymentId: string | null;
  eventId: string;
  requestKey: string;
  correlationId: string;
  status: DeploymentStatus | 'submitted';
}

export interface DeploymentSummaryDto {
  id: string;
  requestKey: string;
  kind: DeploymentKind;
  stack: string;
  environment: string;
  status: DeploymentStatus;
  /** What the request asked for. */
  targetClouds: TargetCloud[];
  /** Where it deploys, once the analysis gate decided (else []). */
  clouds: Cloud[];
  /** Revision this deployment produced (succeeded) or restores (rollback kind). */
  revision: number | null;
  /** For kind rollback: the revision restored. */
  rollbackToRevision: number | null;
  /** Why it is blocked, rejected, failed, rolling back, cancelled… (null while all is well). */
  reason: string | null;
  /** 1 = next to run, while queued. */
  queuePosition: number | null;
  correlationId: string;
  ci: Record<string, unknown>;
  labels: Record<string, string>;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
  stepCounts: { total: number; succeeded: number; failed: number; running: number; compensations: number };
}

export type GateStatus = 'pending' | 'passed' | 'blocked' | 'skipped';

export interface GateResultDto {
  gate: GateName;
  status: GateStatus;
  summary: string;
  reasons: string[];
  facts: Record<string, string>;
  /** The agent's full answer (cost estimate totals, compliance scores, cloud scores…). */
  details: Record<string, unknown> | null;
  requestedAt: string | null;
  decidedAt: string | null;
}

export type StepStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';

export interface StepDto {
  id: string;
  /** Dispatch order (null until dispatched). */
  seq: number | null;
  address: string;
  resourceType: string;
  cloud: Cloud | null;
  region: string | null;
  action: StepAction;
  phase: StepPhase;
  /** For a compensation: the forward step it undoes. */
  compensates: string | null;
  status: StepStatus;
  attempts: number;
  dependsOn: string[];
  providerId: string | null;
  error: { code: string; message: string } | null;
  /** Why it was skipped (no-op, not a cloud resource…). */
  note: string | null;
  /** When the step was dispatched (marked running) and when its result was recorded. */
  startedAt: string | null;
  finishedAt: string | null;
  /** When the provider call of the latest attempt began and answered (the rest of startedAt → finishedAt is the coordinator's). */
  callStartedAt: string | null;
  callFinishedAt: string | null;
}

export interface ApprovalDto {
  approver: string;
  role: ApiRole;
  decision: ApprovalDecision;
  comment: string | null;
  at: string;
}

export interface TransitionDto {
  at: string;
  from: DeploymentStatus | null;
  to: DeploymentStatus;
  reason: string | null;
  actor: string | null;
}

export interface DeploymentDetailDto extends DeploymentSummaryDto {
  gates: GateResultDto[];
  timeline: TransitionDto[];
  /** Forward steps in plan order, then compensations in the order they ran. */
  steps: StepDto[];
  approvals: ApprovalDto[];
  approval: { required: number; approvers: string[]; deadline: string | null } | null;
  rollback: { reason: RollbackReason; detail: string } | null;
}

export interface ApprovalBody {
  comment?: string;
}

export interface CancelBody {
  reason?: string;
}

export interface RollbackBody {
  /** Earlier succeeded revision of the same stack/environment to restore (default: the one before the current). */
  toRevision?: number;
  reason?: string;
}

export interface QueueDto {
  stack: string;
  environment: string;
  /** The deployment holding the lock (null when free). */
  holder: DeploymentSummaryDto | null;
  /** Waiting, in the order they will run. */
  queued: DeploymentSummaryDto[];
}

export interface RevisionDto {
  stack: string;
  environment: string;
  revision: number;
  deploymentId: string;
  kind: DeploymentKind;
  resources: number;
  createdAt: string;
}

export interface EnvironmentPolicyBody {
  approval: { required: boolean; count: number; approvers: string[]; timeoutSeconds: number };
  /** What an over-budget cost verdict does. */
  budget: 'block' | 'warn';
  /** After a step fails for good: roll back at once, or pause for an operator (retry / cancel). */
  onFailure: 'rollback' | 'pause';
  stepTimeoutSeconds: number;
  /** A step failing with a retryable error is tried this many more times. */
  stepRetries: number;
  compensationRetries: number;
  /** Longest a gate may wait for its agent's answer. */
  gateTimeoutSeconds: number;
  /** Whole deployment, from lock to last step; beyond it the deployment rolls back. */
  deploymentTimeoutSeconds: number;
  /** Steps of one deployment running at once. */
  maxParallelSteps: number;
  /** Compliance frameworks scanned (empty = the compliance service's environment policy). */
  frameworks: string[];
}

export interface EnvironmentPolicyDto extends EnvironmentPolicyBody {
  environment: string;
  /** True when nobody set a policy and these are the defaults. */
  isDefault: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** One message of the live feed (server-sent events): the CloudEvent of a deployment.* or alert.* event. */
export interface FeedEventDto {
  id: string;
  type: string;
  subject: string | null;
  time: string;
  correlationid: string;
  data: Record<string, unknown>;
}

export interface AuditEntryDto {
  id: string;
  at: string;
  actor: string;
  role: ApiRole | null;
  method: string;
  path: string;
  action: string;
  target: string | null;
  outcome: 'ok' | 'denied' | 'error';
  status: number;
  detail: string | null;
}

/** CLI exit codes of `cloudwright deploy --wait` (and status --wait), by final status. */
export const DEPLOY_EXIT_CODES = { succeeded: 0, usage: 1, blocked: 2, rejected: 2, 'rolled-back': 3, 'rollback-failed': 3, timeout: 4, cancelled: 4 } as const;
