import { scanPlan, selectFrameworks } from './plan-scan';
import { inlinePlanText, planDigest } from './plan-source';

const plan = {
  format_version: '1.2',
  terraform_version: '1.9.5',
  resource_changes: [
    {
      address: 'aws_s3_bucket.assets',
      mode: 'managed',
      type: 'aws_s3_bucket',
      name: 'assets',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['create'], before: null, after: { bucket: 'assets', acl: 'public-read' }, after_unknown: { id: true } },
    },
  ],
};

describe(scanPlan.name, () => {
  it('returns the report of a readable plan', () => {
    const outcome = scanPlan(JSON.stringify(plan), 'plan.json', {});
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.report.findings.some((f) => f.address === 'aws_s3_bucket.assets' && f.status === 'fail')).toBe(true);
  });

  it('returns VALIDATION_FAILED with the JSON path for a plan that cannot be read, and for text that is not JSON', () => {
    const bad = { ...plan, resource_changes: [{ ...plan.resource_changes[0], change: { actions: 'create' } }] };
    const outcome = scanPlan(JSON.stringify(bad), 'plan.json', {});
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'VALIDATION_FAILED', path: expect.stringMatching(/^\$\.resource_changes\[0\]/) as unknown } });
    expect(scanPlan('{ "format_version": ', 'plan.json', {})).toMatchObject({ ok: false, failure: { code: 'VALIDATION_FAILED', path: '$' } });
  });

  it('returns VALIDATION_FAILED listing the valid frameworks for an unknown one', () => {
    const outcome = scanPlan(JSON.stringify(plan), 'plan.json', { frameworks: ['no-such-framework'] });
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'VALIDATION_FAILED', details: { unknown: ['no-such-framework'] } } });
    expect(selectFrameworks(['no-such-framework'])).toMatchObject({ ok: false, failure: { message: expect.stringContaining('valid names:') as unknown } });
    expect(selectFrameworks(undefined)).toMatchObject({ ok: true });
  });
});

describe(planDigest.name, () => {
  it('is the declared sha256 of a reference, or the digest of the inline plan text the engine records', () => {
    expect(planDigest({ format: 'terraform-plan-json', ref: { uri: 'file:///tmp/p.json', sha256: 'f'.repeat(64), sizeBytes: 1 } })).toBe('f'.repeat(64));
    const outcome = scanPlan(inlinePlanText(plan), 'plan.inline', {});
    expect(outcome.ok && outcome.report.audit.source.sha256).toBe(planDigest({ format: 'terraform-plan-json', inline: plan }));
  });
});
