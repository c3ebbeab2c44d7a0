import {
  type DeploymentDetailDto,
  type DeploymentSummaryDto,
  type EnvironmentPolicyBody,
  type EnvironmentPolicyDto,
  type QueueDto,
  type RevisionDto,
} from '@cloudwright/contracts';

/** DTO builders for the API's tests (complete objects, every field set as the saga would). */

export function aDeploymentSummary(overrides: Partial<DeploymentSummaryDto> = {}): DeploymentSummaryDto {
  return {
    id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    requestKey: 'gh:acme/shop:run-1',
    kind: 'deploy',
    stack: 'shop',
    environment: 'prod',
    status: 'awaiting-approval',
    targetClouds: ['aws', 'gcp'],
    clouds: ['aws', 'gcp'],
    revision: null,
    rollbackToRevision: null,
    reason: null,
    queuePosition: null,
    correlationId: 'corr-1',
    ci: { provider: 'github-actions', runId: '1' },
    labels: { team: 'payments' },
    requestedAt: '2025-01-01T10:00:00.000Z',
    startedAt: '2025-01-01T10:00:01.000Z',
    finishedAt: null,
    updatedAt: '2025-01-01T10:00:05.000Z',
    stepCounts: { total: 2, succeeded: 0, failed: 0, running: 0, compensations: 0 },
    ...overrides,
  };
}

export function aDeploymentDetail(overrides: Partial<DeploymentDetailDto> = {}): DeploymentDetailDto {
  return {
    ...aDeploymentSummary(),
    gates: [
      {
        gate: 'cost',
        status: 'passed',
        summary: '$412.77/month (within budget)',
        reasons: [],
        facts: { monthly: '412.77' },
        details: { total: 412.77 },
        requestedAt: '2025-01-01T10:00:02.000Z',
        decidedAt: '2025-01-01T10:00:03.000Z',
      },
    ],
    timeline: [{ at: '2025-01-01T10:00:00.000Z', from: null, to: 'queued', reason: null, actor: null }],
    steps: [
      {
        id: '9b2c7c8e-0a4d-4b5e-9f1a-2b3c4d5e6f70',
        seq: null,
        address: 'aws_vpc.main',
        resourceType: 'aws_vpc',
        cloud: 'aws',
        region: 'us-east-1',
        action: 'create',
        phase: 'forward',
        compensates: null,
        status: 'pending',
        attempts: 0,
        dependsOn: [],
        providerId: null,
        error: null,
        note: null,
        startedAt: null,
        finishedAt: null,
        callStartedAt: null,
        callFinishedAt: null,
      },
    ],
    approvals: [],
    approval: { required: 1, approvers: [], deadline: '2025-01-01T11:00:00.000Z' },
    rollback: null,
    ...overrides,
  };
}

export function aPolicyBody(overrides: Partial<EnvironmentPolicyBody> = {}): EnvironmentPolicyBody {
  return {
    approval: { required: true, count: 1, approvers: [], timeoutSeconds: 3600 },
    budget: 'block',
    onFailure: 'rollback',
    stepTimeoutSeconds: 600,
    stepRetries: 2,
    compensationRetries: 3,
    gateTimeoutSeconds: 120,
    deploymentTimeoutSeconds: 3600,
    maxParallelSteps: 8,
    frameworks: [],
    ...overrides,
  };
}

export function aPolicy(environment: string, overrides: Partial<EnvironmentPolicyDto> = {}): EnvironmentPolicyDto {
  return { ...aPolicyBody(), environment, isDefault: true, updatedAt: null, updatedBy: null, ...overrides };
}

export function aQueue(overrides: Partial<QueueDto> = {}): QueueDto {
  return { stack: 'shop', environment: 'prod', holder: aDeploymentSummary({ status: 'provisioning' }), queued: [aDeploymentSummary({ id: '7d444840-9dc0-41d3-8a0c-0305e82c3302', status: 'queued', queuePosition: 1 })], ...overrides };
}

export function aRevision(overrides: Partial<RevisionDto> = {}): RevisionDto {
  return { stack: 'shop', environment: 'prod', revision: 3, deploymentId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', kind: 'deploy', resources: 12, createdAt: '2025-01-01T10:05:00.000Z', ...overrides };
}
