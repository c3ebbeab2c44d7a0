import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CI_PROVIDERS,
  MAX_INLINE_PLAN_BYTES,
  deploymentRequestKey,
  type CiProvider,
  type DeploymentRequestedV1,
  type TargetCloud,
} from '@cloudwright/contracts';
import { UsageError } from '../common/connection';

export interface DeploymentRequestInput {
  planPath: string;
  stack: string;
  environment: string;
  clouds?: string;
  requestKey?: string;
  provider?: string;
  runId?: string;
  commit?: string;
  actor?: string;
  repository?: string;
  branch?: string;
  runUrl?: string;
}

/**
 * Builds a `deployment.requested.v1` payload from a plan file and CI metadata. The CI fields default from the
 * GitHub Actions / GitLab CI environment variables when present. A plan over the inline limit is rejected with
 * the limit (uploading plans is the deployment issue's `--plan-ref`).
 */
export function buildDeploymentRequest(input: DeploymentRequestInput, env: NodeJS.ProcessEnv = process.env): DeploymentRequestedV1 {
  const path = resolve(input.planPath);
  let text: string;
  try {
    if (statSync(path).size > MAX_INLINE_PLAN_BYTES) {
      throw new UsageError(`${input.planPath} is larger than ${MAX_INLINE_PLAN_BYTES} bytes, the inline limit of deployment.requested.v1`);
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read the plan ${input.planPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let plan: unknown;
  try {
    plan = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${input.planPath} is not JSON (${error instanceof Error ? error.message : String(error)}); give the output of \`terraform show -json <planfile>\``);
  }
  if (typeof plan !== 'object' || plan === null || Array.isArray(plan) || !('format_version' in plan)) {
    throw new UsageError(`${input.planPath} is not a Terraform plan JSON (no format_version); give the output of \`terraform show -json <planfile>\``);
  }
  const provider = (input.provider ?? (env.GITHUB_ACTIONS ? 'github-actions' : env.GITLAB_CI ? 'gitlab-ci' : 'cli')) as CiProvider;
  if (!CI_PROVIDERS.includes(provider)) throw new UsageError(`--ci-provider must be one of ${CI_PROVIDERS.join(', ')}`);
  const ci = {
    provider,
    runId: input.runId ?? env.GITHUB_RUN_ID ?? env.CI_PIPELINE_ID ?? `local-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`,
    commit: input.commit ?? env.GITHUB_SHA ?? env.CI_COMMIT_SHA ?? '0000000',
    actor: input.actor ?? env.GITHUB_ACTOR ?? env.GITLAB_USER_LOGIN ?? env.USER ?? 'unknown',
    repository: input.repository ?? env.GITHUB_REPOSITORY ?? env.CI_PROJECT_PATH ?? 'local',
    ...(input.branch ?? env.GITHUB_REF_NAME ?? env.CI_COMMIT_REF_NAME ? { branch: input.branch ?? env.GITHUB_REF_NAME ?? env.CI_COMMIT_REF_NAME } : {}),
    ...(input.runUrl ? { runUrl: input.runUrl } : {}),
  };
  const targetClouds = (input.clouds ?? 'auto').split(',').map((c) => c.trim()) as TargetCloud[];
  return {
    requestKey: input.requestKey ?? deploymentRequestKey(ci, input.stack, input.environment),
    stack: input.stack,
    environment: input.environment,
    targetClouds,
    plan: { format: 'terraform-plan-json', inline: plan },
    ci,
  };
}
