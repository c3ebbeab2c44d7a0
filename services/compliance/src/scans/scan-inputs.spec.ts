import { scanInputDigest, type ScanInputs } from './scan-inputs';

const now = new Date('2030-06-15T12:00:00Z');
const base: ScanInputs = {
  planSha256: 'a'.repeat(64),
  frameworks: ['pci-dss-4.0', 'cis-aws-foundations'],
  evidence: { runbooks: { value: true, source: 'wiki' } },
  waivers: [{ id: 'w1', rule: 'CW-AWS-0003', reason: 'r', owner: 'o', expires: '2030-06-30' }],
  policy: { blockOn: 'critical', minScore: null },
  ruleSetVersion: 'cloudwright-builtin@1.0.0+abc',
  now,
};

describe(scanInputDigest.name, () => {
  it('is stable for the same inputs in another order or case', () => {
    expect(scanInputDigest({ ...base, frameworks: ['CIS-AWS-Foundations', 'pci-dss-4.0', 'pci-dss-4.0'] })).toBe(scanInputDigest(base));
    expect(scanInputDigest(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, Partial<ScanInputs>]>([
    ['another plan', { planSha256: 'b'.repeat(64) }],
    ['other frameworks', { frameworks: ['pci-dss-4.0'] }],
    ['changed evidence', { evidence: { runbooks: { value: false } } }],
    ['a waiver added', { waivers: [...base.waivers, { id: 'w2', resource: 'aws_s3_bucket.x', reason: 'r', owner: 'o', expires: '2030-07-01' }] }],
    ['another policy', { policy: { blockOn: 'high', minScore: 80 } }],
    ['another rule set', { ruleSetVersion: 'cloudwright-builtin@1.0.1+def' }],
  ])('changes with %s', (_case, change) => {
    expect(scanInputDigest({ ...base, ...change })).not.toBe(scanInputDigest(base));
  });

  it('ignores waivers that are no longer in force, and changes when one expires', () => {
    const expired = { id: 'old', rule: 'CW-AWS-0001', reason: 'r', owner: 'o', expires: '2030-06-14' };
    expect(scanInputDigest({ ...base, waivers: [...base.waivers, expired] })).toBe(scanInputDigest(base));
    expect(scanInputDigest({ ...base, now: new Date('2030-07-01T00:00:00Z') })).not.toBe(scanInputDigest(base));
  });
});
