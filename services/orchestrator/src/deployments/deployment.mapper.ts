import { createHash } from 'node:crypto';
import { type CloudEvent, type DeploymentRequestedV1 } from '@cloudwright/contracts';
import { type DeploymentRequestEntity } from './deployment-request.entity';
import { type NewDeploymentRequest } from './deployment-request.repository';

/** What the HTTP API and queries return for a deployment request. */
export interface DeploymentRequestDto {
  id: string;
  requestKey: string;
  stack: string;
  environment: string;
  targetClouds: string[];
  status: string;
  plan: { source: string; sha256: string; bytes: number; resourceChanges: number | null };
  ci: Record<string, unknown>;
  labels: Record<string, string>;
  correlationId: string;
  requestedAt: string;
  receivedAt: string;
  duplicateRequests: number;
}

export function toNewDeploymentRequest(event: CloudEvent<DeploymentRequestedV1>): NewDeploymentRequest {
  const { data } = event;
  const inline = data.plan.inline;
  const planText = inline ? JSON.stringify(inline) : undefined;
  const changes = inline && Array.isArray(inline.resource_changes) ? inline.resource_changes.length : null;
  return {
    id: event.id,
    requestKey: data.requestKey,
    stack: data.stack,
    environment: data.environment,
    targetClouds: [...data.targetClouds],
    planSource: planText ? 'inline' : data.plan.ref!.uri,
    planSha256: planText ? createHash('sha256').update(planText).digest('hex') : data.plan.ref!.sha256,
    planBytes: planText ? Buffer.byteLength(planText) : data.plan.ref!.sizeBytes,
    resourceChanges: changes,
    ci: { ...data.ci },
    labels: { ...(data.labels ?? {}) },
    correlationId: event.correlationid,
    status: 'accepted',
    requestedAt: new Date(event.time),
  };
}

export function toDeploymentRequestDto(row: DeploymentRequestEntity): DeploymentRequestDto {
  return {
    id: row.id,
    requestKey: row.requestKey,
    stack: row.stack,
    environment: row.environment,
    targetClouds: row.targetClouds,
    status: row.status,
    plan: { source: row.planSource, sha256: row.planSha256, bytes: row.planBytes, resourceChanges: row.resourceChanges },
    ci: row.ci,
    labels: row.labels,
    correlationId: row.correlationId,
    requestedAt: row.requestedAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    duplicateRequests: row.duplicateRequests,
  };
}
