import { createHash } from 'node:crypto';
import {
  deploymentRequestKey,
  type CiMetadataV1,
  type DeploymentPlanV1,
  type DeploymentRequestedV1,
  type PlanReferenceV1,
} from '../deployment/deployment-requested.v1';

/**
 * Test data for `deployment.requested.v1`, as plain JSON (what a publisher sends, before validation).
 * Every builder returns a fresh, valid object; pass overrides to break one field.
 */
export type DeploymentRequestedV1Data = Omit<DeploymentRequestedV1, 'plan' | 'ci'> & {
  plan: Omit<DeploymentPlanV1, 'ref'> & { ref?: PlanReferenceV1 };
  ci: CiMetadataV1;
};

/** A tiny but realistic `terraform show -json` plan: one S3 bucket to create. */
export function aTerraformPlan(): Record<string, unknown> {
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: [
      {
        address: 'aws_s3_bucket.logs',
        mode: 'managed',
        type: 'aws_s3_bucket',
        name: 'logs',
        provider_name: 'registry.terraform.io/hashicorp/aws',
        change: { actions: ['create'], before: null, after: { bucket: 'acme-logs', force_destroy: false } },
      },
    ],
  };
}

export function aCiMetadata(overrides: Partial<CiMetadataV1> = {}): CiMetadataV1 {
  return {
    provider: 'github-actions',
    runId: '9876543210',
    runAttempt: 1,
    commit: '3f786850e387550fdab836ed7e6dc881de23001b',
    actor: 'octocat',
    repository: 'acme/platform',
    branch: 'main',
    runUrl: 'https://github.com/acme/platform/actions/runs/9876543210',
    ...overrides,
  };
}

export function aPlanReference(overrides: Partial<PlanReferenceV1> = {}): PlanReferenceV1 {
  const body = JSON.stringify(aTerraformPlan());
  return {
    uri: 's3://acme-cloudwright-plans/platform/prod/9876543210.json',
    sha256: createHash('sha256').update(body).digest('hex'),
    sizeBytes: Buffer.byteLength(body),
    ...overrides,
  };
}

/** A request carrying the plan inline (the common case). */
export function aDeploymentRequest(overrides: Partial<DeploymentRequestedV1Data> = {}): DeploymentRequestedV1Data {
  const ci = overrides.ci ?? aCiMetadata();
  const stack = overrides.stack ?? 'platform';
  const environment = overrides.environment ?? 'prod';
  return {
    requestKey: deploymentRequestKey(ci, stack, environment),
    stack,
    environment,
    targetClouds: ['aws'],
    plan: { format: 'terraform-plan-json', inline: aTerraformPlan() },
    ci,
    labels: { team: 'platform', ticket: 'OPS-42' },
    ...overrides,
  };
}

/** A request whose plan was uploaded by the publisher (`plan.ref`), as for plans over MAX_INLINE_PLAN_BYTES. */
export function aDeploymentRequestWithPlanRef(overrides: Partial<DeploymentRequestedV1Data> = {}): DeploymentRequestedV1Data {
  return aDeploymentRequest({ plan: { format: 'terraform-plan-json', ref: aPlanReference() }, ...overrides });
}

/** A plan object whose JSON text is at least `bytes` long (for the inline size limit). */
export function aPlanOfAtLeast(bytes: number): Record<string, unknown> {
  return { ...aTerraformPlan(), padding: 'x'.repeat(bytes) };
}
