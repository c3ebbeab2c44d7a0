import { decideComplianceAlerts, type AlertDecisionInput, type FailingFinding, type ScanFacts } from './alert-decisions';

const publicAcl: FailingFinding = { ruleId: 'CW-AWS-0003', address: 'aws_s3_bucket.assets', severity: 'critical', title: 'S3 buckets do not grant public ACLs' };
const sshOpen: FailingFinding = { ruleId: 'CW-AWS-0100', address: 'aws_security_group.ssh', severity: 'critical', title: 'no SSH from the internet' };
const noLogs: FailingFinding = { ruleId: 'CW-AWS-0007', address: 'aws_s3_bucket.assets', severity: 'medium', title: 'S3 access logging' };

const scan = (scanId: string, overall: number | null, failing: FailingFinding[] = []): ScanFacts => ({ scanId, overall, failing });
const decide = (overrides: Partial<AlertDecisionInput>) =>
  decideComplianceAlerts({ stack: 'shop', environment: 'prod', current: scan('s2', 90), previous: scan('s1', 90), open: {}, scoreDropPoints: 5, ...overrides });
const keys = (d: ReturnType<typeof decide>) => d.desired.map((a) => a.dedupKey);

describe(decideComplianceAlerts.name, () => {
  it('raises nothing when the score holds and no critical finding fails', () => {
    expect(decide({ current: scan('s2', 88, [noLogs]) })).toEqual({ desired: [], resolutions: {} });
  });

  it('raises a score drop of at least the threshold, with the score before the drop as baseline', () => {
    const decision = decide({ previous: scan('s1', 80.1), current: scan('s2', 75.1) });
    expect(decision.desired).toEqual([
      expect.objectContaining({
        dedupKey: 'compliance-score-drop:shop:prod',
        kind: 'compliance-score-drop',
        severity: 'warning',
        stack: 'shop',
        environment: 'prod',
        labels: { scanId: 's2', previousScanId: 's1', score: '75.1', baseline: '80.1', drop: '5' },
      }),
    ]);
    expect(decide({ previous: scan('s1', 80), current: scan('s2', 75.1) }).desired).toEqual([]);
  });

  it('judges no drop when either scan has no overall score', () => {
    expect(decide({ previous: scan('s1', null), current: scan('s2', 10) }).desired).toEqual([]);
    expect(decide({ previous: scan('s1', 90), current: scan('s2', null) }).desired).toEqual([]);
    expect(decide({ previous: null, current: scan('s2', 10) }).desired).toEqual([]);
  });

  it('keeps an open score drop until a scan is back at or above the baseline, then resolves it', () => {
    const open = { scoreDrop: { baseline: '90', scanId: 's2' } };
    const still = decide({ open, previous: scan('s2', 60), current: scan('s3', 89.9) });
    expect(keys(still)).toEqual(['compliance-score-drop:shop:prod']);
    expect(still.desired[0].labels).toBe(open.scoreDrop);
    expect(keys(decide({ open, previous: scan('s2', 60), current: scan('s3', null) }))).toEqual(['compliance-score-drop:shop:prod']);
    const back = decide({ open, previous: scan('s3', 89.9), current: scan('s4', 90) });
    expect(back.desired).toEqual([]);
    expect(back.resolutions['compliance-score-drop:shop:prod']).toContain('back at or above 90');
  });

  it('raises a critical finding that did not fail in the previous scan, naming it', () => {
    const decision = decide({ previous: scan('s1', 90, [noLogs]), current: scan('s2', 90, [noLogs, publicAcl]) });
    expect(decision.desired).toEqual([
      expect.objectContaining({
        dedupKey: 'compliance-critical-finding:shop:prod',
        kind: 'compliance-critical-finding',
        severity: 'critical',
        title: 'shop/prod: 1 new critical compliance finding',
        labels: { scanId: 's2', previousScanId: 's1', newCritical: '1', rules: 'CW-AWS-0003' },
      }),
    ]);
    expect(decision.desired[0].description).toContain('CW-AWS-0003 on aws_s3_bucket.assets');
  });

  it('treats every critical failure of a first scan as new, and one that already failed as not new', () => {
    expect(keys(decide({ previous: null, current: scan('s1', 50, [publicAcl]) }))).toEqual(['compliance-critical-finding:shop:prod']);
    expect(decide({ previous: scan('s1', 50, [publicAcl]), current: scan('s2', 50, [publicAcl]) }).desired).toEqual([]);
  });

  it('keeps an open critical alert while any critical finding fails, and resolves it on a scan without one', () => {
    const open = { criticalFinding: { scanId: 's1' } };
    expect(keys(decide({ open, previous: scan('s1', 50, [publicAcl]), current: scan('s2', 50, [sshOpen]) }))).toEqual(['compliance-critical-finding:shop:prod']);
    const clean = decide({ open, previous: scan('s2', 50, [sshOpen]), current: scan('s3', 95, [noLogs]) });
    expect(clean.desired).toEqual([]);
    expect(clean.resolutions['compliance-critical-finding:shop:prod']).toContain('no unwaived critical finding');
  });
});
