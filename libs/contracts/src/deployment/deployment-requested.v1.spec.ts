import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validatePayload, type FieldError } from '../envelope/validation';
import { aCiMetadata, aDeploymentRequest, aDeploymentRequestWithPlanRef, aPlanOfAtLeast, aPlanReference } from '../testing';
import { DeploymentRequestedV1, MAX_INLINE_PLAN_BYTES, deploymentRequestKey } from './deployment-requested.v1';

/** A real `terraform show -json` plan from the shared fixtures (outside the repository, next to it). */
const REAL_PLAN = resolve(__dirname, '../../../..', '../shared/data/terraform-plans/aws-s3-sg-variables-tf1.0.json');

function errorsOf(data: unknown): FieldError[] {
  const result = validatePayload(DeploymentRequestedV1, data);
  return result.ok ? [] : result.errors;
}

const pathsOf = (data: unknown) => errorsOf(data).map((e) => e.path);

describe(DeploymentRequestedV1.name, () => {
  describe('valid requests', () => {
    it('accepts a request with the plan inline', () => {
      const result = validatePayload(DeploymentRequestedV1, aDeploymentRequest());
      expect(result.ok).toBe(true);
      expect(result.ok && result.value).toBeInstanceOf(DeploymentRequestedV1);
    });

    it('accepts a request with a plan reference', () => {
      expect(errorsOf(aDeploymentRequestWithPlanRef())).toEqual([]);
    });

    it('accepts ["auto"], every cloud, and the optional fields left out', () => {
      const { runAttempt: _a, branch: _b, runUrl: _u, ...ci } = aCiMetadata();
      expect(errorsOf(aDeploymentRequest({ targetClouds: ['auto'], ci, labels: undefined }))).toEqual([]);
      expect(errorsOf(aDeploymentRequest({ targetClouds: ['aws', 'azure', 'gcp'] }))).toEqual([]);
    });

    it('derives the recommended request key from CI provider, repository, run, stack and environment', () => {
      expect(deploymentRequestKey(aCiMetadata(), 'platform', 'prod')).toBe('github-actions:acme/platform:9876543210:platform:prod');
    });

    it('accepts a plan just under the inline limit', () => {
      const skeleton = JSON.stringify(aPlanOfAtLeast(0)).length;
      const plan = aPlanOfAtLeast(MAX_INLINE_PLAN_BYTES - skeleton);
      expect(Buffer.byteLength(JSON.stringify(plan))).toBe(MAX_INLINE_PLAN_BYTES);
      expect(errorsOf(aDeploymentRequest({ plan: { format: 'terraform-plan-json', inline: plan } }))).toEqual([]);
    });
  });

  if (existsSync(REAL_PLAN)) {
    it('accepts a real Terraform plan (aws-s3-sg-variables-tf1.0.json) inline', () => {
      const plan = JSON.parse(readFileSync(REAL_PLAN, 'utf8')) as Record<string, unknown>;
      expect(plan).toHaveProperty('resource_changes');
      expect(errorsOf(aDeploymentRequest({ plan: { format: 'terraform-plan-json', inline: plan } }))).toEqual([]);
    });
  } else {
    it('skips the real Terraform plan test: ../shared/data is absent', () => {
      console.warn(`SKIPPED: real Terraform plan test, because ../shared/data is absent (looked for ${REAL_PLAN})`);
      expect(existsSync(REAL_PLAN)).toBe(false);
    });
  }

  describe('invalid requests name the field', () => {
    it('reports a bad commit SHA at data.ci.commit', () => {
      expect(errorsOf(aDeploymentRequest({ ci: aCiMetadata({ commit: 'not-a-sha' }) }))).toEqual([
        { path: 'data.ci.commit', message: 'commit must be a hex commit SHA (7-64 characters)' },
      ]);
    });

    it.each([
      ['neither inline nor ref', { format: 'terraform-plan-json' }],
      ['both inline and ref', { format: 'terraform-plan-json', inline: { format_version: '1.2' }, ref: aPlanReference() }],
    ])('reports a plan with %s at data.plan', (_case, plan) => {
      expect(errorsOf({ ...aDeploymentRequest(), plan })).toEqual([
        { path: 'data.plan', message: 'exactly one of plan.inline (the plan JSON) and plan.ref (where it was uploaded) is required' },
      ]);
    });

    it('reports an inline plan over MAX_INLINE_PLAN_BYTES at data.plan.inline', () => {
      const errors = errorsOf(aDeploymentRequest({ plan: { format: 'terraform-plan-json', inline: aPlanOfAtLeast(MAX_INLINE_PLAN_BYTES) } }));
      expect(errors).toEqual([
        { path: 'data.plan.inline', message: `inline is larger than ${MAX_INLINE_PLAN_BYTES} bytes: upload the plan and send plan.ref instead` },
      ]);
    });

    it.each<[string, unknown, string]>([
      ['["auto","aws"]', ['auto', 'aws'], 'targetClouds is either ["auto"] or a list of clouds (aws, azure, gcp), not both'],
      ['an unknown cloud', ['aws', 'oracle'], 'each value in targetClouds must be one of the following values: aws, azure, gcp, auto'],
      ['empty', [], 'targetClouds should not be empty'],
      ['a repeated cloud', ['aws', 'aws'], "All targetClouds's elements must be unique"],
      ['a string', 'aws', 'targetClouds should not be empty'],
    ])('reports targetClouds %s at data.targetClouds', (_case, targetClouds, message) => {
      const errors = errorsOf({ ...aDeploymentRequest(), targetClouds });
      expect(errors.map((e) => e.path)).toEqual(Array(errors.length).fill('data.targetClouds'));
      expect(errors.map((e) => e.message)).toContain(message);
    });

    it('rejects an unknown property, at the top level and nested', () => {
      expect(errorsOf({ ...aDeploymentRequest(), stackName: 'platform' })).toEqual([
        { path: 'data.stackName', message: 'property stackName should not exist' },
      ]);
      expect(pathsOf({ ...aDeploymentRequest(), ci: { ...aCiMetadata(), sha: 'abc1234' } })).toEqual(['data.ci.sha']);
    });

    it.each(['Platform', '-platform', 'plat form', 'a'.repeat(64), ''])('rejects the stack name %j', (stack) => {
      expect(errorsOf(aDeploymentRequest({ stack, requestKey: 'github-actions:acme/platform:1:x:prod' }))).toEqual([
        {
          path: 'data.stack',
          message: 'stack must be lower-case letters, digits, ".", "_" or "-", starting with a letter or digit, at most 63 characters',
        },
      ]);
    });

    it.each([
      ['a missing ci', { ci: undefined }, ['data.ci']],
      ['ci as an array', { ci: [aCiMetadata()] }, ['data.ci']],
      ['plan as an array', { plan: [{ format: 'terraform-plan-json', inline: {} }] }, ['data.plan']],
      ['an unknown plan format', { plan: { format: 'hcl', inline: {} } }, ['data.plan.format']],
      ['a bad plan reference', { plan: { format: 'terraform-plan-json', ref: aPlanReference({ sha256: 'ABC', sizeBytes: 0 }) } }, ['data.plan.ref.sha256', 'data.plan.ref.sizeBytes']],
      ['labels that are not strings', { labels: { team: 7 } }, ['data.labels']],
      ['a run attempt of 0', { ci: aCiMetadata({ runAttempt: 0 }) }, ['data.ci.runAttempt']],
      ['an unknown CI provider', { ci: aCiMetadata({ provider: 'travis' as never }) }, ['data.ci.provider']],
    ])('reports %s', (_case, overrides, paths) => {
      expect([...new Set(pathsOf({ ...aDeploymentRequest(), ...overrides }))]).toEqual(paths);
    });

    it('rejects data that is not a JSON object', () => {
      expect(errorsOf([aDeploymentRequest()])).toEqual([{ path: 'data', message: 'data must be a JSON object' }]);
    });
  });
});
