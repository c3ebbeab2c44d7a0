import 'reflect-metadata';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { NAME_HINT, NAME_PATTERN } from './deployment-requested.v1';

/**
 * Every status of a deployment. The transitions between them are the saga's state machine
 * (services/orchestrator/src/saga/state-machine.ts, drawn in docs/saga.md).
 */
export const DEPLOYMENT_STATUSES = [
  'queued',
  'analyzing',
  'estimating',
  'scanning',
  'awaiting-approval',
  'provisioning',
  'verifying',
  'succeeded',
  'blocked',
  'rejected',
  'failed',
  'rolling-back',
  'rolled-back',
  'rollback-failed',
  'cancelled',
] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** Statuses a deployment never leaves (it no longer holds its environment's lock). */
export const FINAL_DEPLOYMENT_STATUSES: readonly DeploymentStatus[] = ['succeeded', 'blocked', 'rejected', 'rolled-back', 'cancelled'];

export const DEPLOYMENT_KINDS = ['deploy', 'rollback'] as const;
export type DeploymentKind = (typeof DEPLOYMENT_KINDS)[number];

export const GATES = ['analysis', 'cost', 'compliance', 'approval'] as const;
export type GateName = (typeof GATES)[number];

export const STEP_ACTIONS = ['create', 'update', 'delete'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

export const STEP_PHASES = ['forward', 'compensation'] as const;
export type StepPhase = (typeof STEP_PHASES)[number];

export const ROLLBACK_REASONS = ['step-failed', 'cancelled', 'timeout', 'verification-failed'] as const;
export type RollbackReason = (typeof ROLLBACK_REASONS)[number];

export const APPROVAL_DECISIONS = ['approve', 'reject'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Fields every deployment.* event carries: which deployment, where, and its status after the transition. */
export class DeploymentEventBaseV1 {
  @IsUUID()
  deploymentId!: string;

  @Matches(NAME_PATTERN, { message: `stack must be ${NAME_HINT}` })
  stack!: string;

  @Matches(NAME_PATTERN, { message: `environment must be ${NAME_HINT}` })
  environment!: string;

  /** The request key of deployment.requested.v1 (a rollback deployment gets `rollback:<id>`). */
  @IsString()
  @Matches(/^\S{1,512}$/, { message: 'requestKey must be 1-512 characters without spaces' })
  requestKey!: string;

  @IsIn(DEPLOYMENT_KINDS)
  kind!: DeploymentKind;

  /** Status of the deployment after this transition. */
  @IsIn(DEPLOYMENT_STATUSES)
  status!: DeploymentStatus;
}

/** What one step does, on every step.* event. */
export class DeploymentStepEventBaseV1 extends DeploymentEventBaseV1 {
  @IsUUID()
  stepId!: string;

  /** Order of dispatch within the deployment (compensations run in reverse of it). */
  @IsInt()
  @Min(1)
  seq!: number;

  @IsString()
  @MaxLength(1024)
  address!: string;

  @IsString()
  @MaxLength(256)
  resourceType!: string;

  @IsIn(['aws', 'azure', 'gcp'])
  cloud!: 'aws' | 'azure' | 'gcp';

  @IsOptional()
  @IsString()
  @MaxLength(64)
  region?: string;

  @IsIn(STEP_ACTIONS)
  action!: StepAction;

  @IsIn(STEP_PHASES)
  phase!: StepPhase;

  @IsInt()
  @Min(1)
  attempt!: number;
}
