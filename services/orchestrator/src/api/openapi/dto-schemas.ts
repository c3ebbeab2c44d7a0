import {
  API_ROLES,
  APPROVAL_DECISIONS,
  CLOUDS,
  DEPLOYMENT_KINDS,
  DEPLOYMENT_STATUSES,
  GATES,
  ROLLBACK_REASONS,
  STEP_ACTIONS,
  STEP_PHASES,
  type ApprovalBody,
  type ApprovalDto,
  type AuditEntryDto,
  type CancelBody,
  type DeploymentDetailDto,
  type DeploymentSummaryDto,
  type EnvironmentPolicyBody,
  type EnvironmentPolicyDto,
  type FeedEventDto,
  type GateResultDto,
  type JsonObject,
  type QueueDto,
  type RevisionDto,
  type RollbackBody,
  type StepDto,
  type SubmitDeploymentResponse,
  type TransitionDto,
} from '@cloudwright/contracts';

/*
 * JSON Schemas (draft 2020-12, as OpenAPI 3.1 uses) of the API's DTOs, hand-written from the interfaces in
 * libs/contracts/src/api/deployments-api.ts. `objectSchema<T>` takes one schema per key of T: a field added to or
 * removed from a DTO interface does not compile until its schema follows.
 */

type Props<T> = { [K in keyof Required<T>]: JsonObject };

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: JsonObject): JsonObject => ({ oneOf: [schema, { type: 'null' }] });
const str = (description?: string): JsonObject => ({ type: 'string', ...(description ? { description } : {}) });
const nullableStr = (description?: string): JsonObject => ({ type: ['string', 'null'], ...(description ? { description } : {}) });
const dateTime = (description?: string): JsonObject => ({ type: 'string', format: 'date-time', ...(description ? { description } : {}) });
const nullableDateTime = (description?: string): JsonObject => ({ type: ['string', 'null'], format: 'date-time', ...(description ? { description } : {}) });
const int = (minimum: number, description?: string): JsonObject => ({ type: 'integer', minimum, ...(description ? { description } : {}) });
const nullableInt = (minimum: number, description?: string): JsonObject => ({ type: ['integer', 'null'], minimum, ...(description ? { description } : {}) });
const array = (items: JsonObject, description?: string): JsonObject => ({ type: 'array', items, ...(description ? { description } : {}) });
const uuid = (description?: string): JsonObject => ({ type: 'string', format: 'uuid', ...(description ? { description } : {}) });
const stringMap = (description?: string): JsonObject => ({ type: 'object', additionalProperties: { type: 'string' }, ...(description ? { description } : {}) });
const anyObject = (description?: string): JsonObject => ({ type: 'object', ...(description ? { description } : {}) });
const enumOf = (values: readonly string[], description?: string): JsonObject => ({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

function objectSchema<T>(description: string, props: Props<T>, optional: (keyof T & string)[] = []): JsonObject {
  const properties = props as unknown as Record<string, JsonObject>;
  const required = Object.keys(properties).filter((k) => !(optional as string[]).includes(k));
  return { type: 'object', description, properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

const summaryProps: Props<DeploymentSummaryDto> = {
  id: uuid(),
  requestKey: str('The request key of deployment.requested.v1 (a rollback gets `rollback:<id>`).'),
  kind: ref('DeploymentKind'),
  stack: str(),
  environment: str(),
  status: ref('DeploymentStatus'),
  targetClouds: array(ref('TargetCloud'), 'What the request asked for.'),
  clouds: array(ref('Cloud'), 'Where it deploys, once the analysis gate decided (else []).'),
  revision: nullableInt(1, 'Revision this deployment produced (succeeded) or restores (rollback kind).'),
  rollbackToRevision: nullableInt(1, 'For kind rollback: the revision restored.'),
  reason: nullableStr('Why it is blocked, rejected, failed, rolling back, cancelled… (null while all is well).'),
  queuePosition: nullableInt(1, '1 = next to run, while queued.'),
  correlationId: str(),
  ci: anyObject('CI metadata of the request.'),
  labels: stringMap(),
  requestedAt: dateTime(),
  startedAt: nullableDateTime(),
  finishedAt: nullableDateTime(),
  updatedAt: dateTime(),
  stepCounts: objectSchema<DeploymentSummaryDto['stepCounts']>('Steps by status.', {
    total: int(0),
    succeeded: int(0),
    failed: int(0),
    running: int(0),
    compensations: int(0),
  }),
};

const detailProps: Props<DeploymentDetailDto> = {
  ...summaryProps,
  gates: array(ref('GateResultDto')),
  timeline: array(ref('TransitionDto')),
  steps: array(ref('StepDto'), 'Forward steps in plan order, then compensations in the order they ran.'),
  approvals: array(ref('ApprovalDto')),
  approval: nullable(
    objectSchema<NonNullable<DeploymentDetailDto['approval']>>('What approval this deployment needs.', {
      required: int(0, 'Approvals needed.'),
      approvers: array(str(), 'Who may approve (token names; empty = any approver).'),
      deadline: nullableDateTime('Past it the approval gate denies.'),
    }),
  ),
  rollback: nullable(
    objectSchema<NonNullable<DeploymentDetailDto['rollback']>>('Why it rolled back.', {
      reason: ref('RollbackReason'),
      detail: str(),
    }),
  ),
};

const policyBodyProps: Props<EnvironmentPolicyBody> = {
  approval: objectSchema<EnvironmentPolicyBody['approval']>('Approval gate of the environment.', {
    required: { type: 'boolean' },
    count: int(1, 'Approvals needed.'),
    approvers: array(str(), 'Token names allowed to approve (empty = any approver).'),
    timeoutSeconds: int(1, 'Past it the approval gate denies.'),
  }),
  budget: enumOf(['block', 'warn'], 'What an over-budget cost verdict does.'),
  onFailure: enumOf(['rollback', 'pause'], 'After a step fails for good: roll back at once, or pause for an operator (retry / cancel).'),
  stepTimeoutSeconds: int(1),
  stepRetries: int(0, 'A step failing with a retryable error is tried this many more times.'),
  compensationRetries: int(0),
  gateTimeoutSeconds: int(1, "Longest a gate may wait for its agent's answer."),
  deploymentTimeoutSeconds: int(1, 'Whole deployment, from lock to last step; beyond it the deployment rolls back.'),
  maxParallelSteps: int(1, 'Steps of one deployment running at once.'),
  frameworks: array(str(), "Compliance frameworks scanned (empty = the compliance service's environment policy)."),
};

/** Every DTO schema of the API, by component name (the DeploymentRequestedV1 body comes from the contracts' generator). */
export function dtoSchemas(): Record<string, JsonObject> {
  return {
    ApiRole: enumOf(API_ROLES),
    ApprovalDecision: enumOf(APPROVAL_DECISIONS),
    Cloud: enumOf(CLOUDS),
    DeploymentKind: enumOf(DEPLOYMENT_KINDS),
    DeploymentStatus: enumOf(DEPLOYMENT_STATUSES),
    GateName: enumOf(GATES),
    RollbackReason: enumOf(ROLLBACK_REASONS),
    StepAction: enumOf(STEP_ACTIONS),
    StepPhase: enumOf(STEP_PHASES),
    TargetCloud: enumOf([...CLOUDS, 'auto']),
    SubmitDeploymentResponse: objectSchema<SubmitDeploymentResponse>('A deployment request accepted for processing.', {
      deploymentId: nullable(uuid()),
      eventId: uuid('Id of the deployment.requested.v1 event.'),
      requestKey: str(),
      correlationId: str(),
      status: { oneOf: [ref('DeploymentStatus'), { const: 'submitted' }] },
    }),
    DeploymentSummaryDto: objectSchema<DeploymentSummaryDto>('A deployment without its details.', summaryProps),
    DeploymentDetailDto: objectSchema<DeploymentDetailDto>('A deployment with gates, timeline, steps and approvals.', detailProps),
    GateResultDto: objectSchema<GateResultDto>('The result of one gate.', {
      gate: ref('GateName'),
      status: enumOf(['pending', 'passed', 'blocked', 'skipped']),
      summary: str(),
      reasons: array(str()),
      facts: stringMap(),
      details: nullable(anyObject("The agent's full answer.")),
      requestedAt: nullableDateTime(),
      decidedAt: nullableDateTime(),
    }),
    StepDto: objectSchema<StepDto>('One provisioning step or compensation.', {
      id: uuid(),
      seq: nullableInt(1, 'Dispatch order (null until dispatched).'),
      address: str('Terraform address.'),
      resourceType: str(),
      cloud: nullable(ref('Cloud')),
      region: nullableStr(),
      action: ref('StepAction'),
      phase: ref('StepPhase'),
      compensates: nullable(uuid('For a compensation: the forward step it undoes.')),
      status: enumOf(['pending', 'running', 'succeeded', 'failed', 'skipped']),
      attempts: int(0),
      dependsOn: array(str()),
      providerId: nullableStr(),
      error: nullable(objectSchema<NonNullable<StepDto['error']>>('Why the step failed.', { code: str(), message: str() })),
      note: nullableStr('Why it was skipped.'),
      startedAt: nullableDateTime('When the step was dispatched (marked running).'),
      finishedAt: nullableDateTime('When its result was recorded.'),
      callStartedAt: nullableDateTime('When the provider call of the latest attempt began.'),
      callFinishedAt: nullableDateTime('When the provider answered it.'),
    }),
    ApprovalDto: objectSchema<ApprovalDto>('One approval decision.', {
      approver: str(),
      role: ref('ApiRole'),
      decision: ref('ApprovalDecision'),
      comment: nullableStr(),
      at: dateTime(),
    }),
    TransitionDto: objectSchema<TransitionDto>('One status change.', {
      at: dateTime(),
      from: nullable(ref('DeploymentStatus')),
      to: ref('DeploymentStatus'),
      reason: nullableStr(),
      actor: nullableStr(),
    }),
    ApprovalBody: objectSchema<ApprovalBody>('An approval decision.', { comment: { type: 'string', maxLength: 2048 } }, ['comment']),
    CancelBody: objectSchema<CancelBody>('A cancellation.', { reason: { type: 'string', maxLength: 2048 } }, ['reason']),
    RollbackBody: objectSchema<RollbackBody>(
      'A rollback request.',
      {
        toRevision: int(1, 'Earlier succeeded revision of the same stack/environment to restore (default: the one before the current).'),
        reason: { type: 'string', maxLength: 2048 },
      },
      ['toRevision', 'reason'],
    ),
    QueueDto: objectSchema<QueueDto>('The lock of one stack/environment.', {
      stack: str(),
      environment: str(),
      holder: nullable(ref('DeploymentSummaryDto')),
      queued: array(ref('DeploymentSummaryDto'), 'Waiting, in the order they will run.'),
    }),
    RevisionDto: objectSchema<RevisionDto>('A revision of a stack in an environment.', {
      stack: str(),
      environment: str(),
      revision: int(1),
      deploymentId: uuid(),
      kind: ref('DeploymentKind'),
      resources: int(0),
      createdAt: dateTime(),
    }),
    EnvironmentPolicyPatch: {
      ...objectSchema<EnvironmentPolicyBody>('Any subset of the policy fields (approval given whole).', policyBodyProps, Object.keys(policyBodyProps) as (keyof EnvironmentPolicyBody)[]),
      minProperties: 1,
    },
    EnvironmentPolicyDto: objectSchema<EnvironmentPolicyDto>('The deployment policy of an environment.', {
      ...policyBodyProps,
      environment: str(),
      isDefault: { type: 'boolean', description: 'True when nobody set a policy and these are the defaults.' },
      updatedAt: nullableDateTime(),
      updatedBy: nullableStr(),
    }),
    FeedEventDto: objectSchema<FeedEventDto>('One message of the live feed: the CloudEvent of a deployment.* or alert.* event.', {
      id: str('CloudEvent id.'),
      type: str('CloudEvent type, e.g. io.cloudwright.deployment.queued.v1.'),
      subject: nullableStr(),
      time: dateTime(),
      correlationid: str(),
      data: anyObject('The event payload.'),
    }),
    AuditEntryDto: objectSchema<AuditEntryDto>('One write to the API, allowed or denied.', {
      id: uuid(),
      at: dateTime(),
      actor: str('Token name (`unauthenticated` without a valid token).'),
      role: nullable(ref('ApiRole')),
      method: str(),
      path: str(),
      action: str('e.g. deployment.approve, policy.put.'),
      target: nullableStr('Deployment id, environment or request key.'),
      outcome: enumOf(['ok', 'denied', 'error']),
      status: int(100, 'HTTP status answered.'),
      detail: nullableStr('Why it was denied or failed.'),
    }),
    Error: {
      type: 'object',
      description: 'An error answer.',
      properties: {
        code: str('Stable error code: VALIDATION_FAILED, NOT_FOUND, CONFLICT, FORBIDDEN, UNAUTHENTICATED…'),
        message: str(),
        details: anyObject('e.g. { errors: [{ path, message }] } for VALIDATION_FAILED, { requiredRole, role } for FORBIDDEN.'),
        errorId: str('For INTERNAL: the id of the logged error.'),
      },
      required: ['code', 'message'],
    },
  };
}
