import { TEST_FRAMEWORKS, TEST_RULES } from '../__tests__/test-rules';
import { complianceResource } from '../engine/resource-set';
import { UnknownFrameworkError } from '../frameworks';
import { gateVerdict } from './gate';
import { assessSecurityPosture } from './posture';
import { getRemediationSteps } from './remediation';
import { scanResources, type ScanOptions } from './scan';

const source = { kind: 'resources' as const, name: 'test' };
const NOW = () => new Date('2026-11-22T10:00:00Z');
const opts = (extra: Partial<ScanOptions> = {}): ScanOptions => ({ rules: TEST_RULES, frameworkCatalog: TEST_FRAMEWORKS, now: NOW, ...extra });
const thing = (name: string, values: Record<string, unknown>, unknown?: Record<string, unknown>) =>
  complianceResource({ address: `aws_thing.${name}`, type: 'aws_thing', values, unknown });

describe('scanResources', () => {
  it('scores a framework from the severity-weighted pass rate of its evaluated requirements', () => {
    // R1 (critical, weight 10) passes, R2 (medium, 4) fails, R3 (low, 2) passes; R4 manual (no evidence), R5 manual (no
    // controls), R6 manual (no rule implements its control)
    const report = scanResources([thing('x', { a: true, b: false, c: true })], source, opts());
    const one = report.scores.frameworks.find((f) => f.framework === 'fw-one');
    expect(one).toMatchObject({ passed: 2, failed: 1, unknown: 0, manual: 3, notApplicable: 0, muted: 0 });
    expect(one?.score).toBe(75); // (10 + 2) / (10 + 4 + 2)
    expect(report.scores.overall).toBe(75);
  });

  it('does not count values unknown at plan time against the score', () => {
    const report = scanResources([thing('x', { a: true, c: true }, { b: true })], source, opts());
    const one = report.scores.frameworks.find((f) => f.framework === 'fw-one');
    expect(one).toMatchObject({ passed: 2, failed: 0, unknown: 1 });
    expect(one?.score).toBe(100);
    expect(report.findings.map((f) => [f.ruleId, f.status])).toContainEqual(['CW-AWS-9002', 'unknown']);
  });

  it('counts a requirement as failed when any of its resources fails, weighted by the failing rule', () => {
    const report = scanResources([thing('ok', { a: true, b: true, c: true }), thing('bad', { a: false, b: true, c: true })], source, opts());
    const one = report.scores.frameworks.find((f) => f.framework === 'fw-one');
    expect(one?.requirements.find((r) => r.id === 'R1')).toMatchObject({ status: 'fail', weight: 10, failedFindings: 1, rules: ['CW-AWS-9001'] });
    expect(one?.score).toBe(37.5); // (4 + 2) / (10 + 4 + 2)
  });

  it('keeps a cloud-specific framework to results about its cloud', () => {
    const report = scanResources([thing('x', { a: false, b: true, c: true })], source, opts());
    expect(report.scores.frameworks.find((f) => f.framework === 'fw-azure')).toMatchObject({ score: null, notApplicable: 1, failed: 0 });
    const finding = report.findings.find((f) => f.ruleId === 'CW-AWS-9001');
    expect(finding?.frameworks).toEqual([{ framework: 'fw-one', requirements: ['R1'] }]);
  });

  it('answers evidence rules from stack metadata, manual without it', () => {
    const without = scanResources([], source, opts());
    expect(without.findings).toEqual([expect.objectContaining({ ruleId: 'CW-EV-9001', status: 'manual', address: '(stack)' })]);
    const withEvidence = scanResources([], source, opts({ includePassed: true, stack: { evidence: { runbooks: { value: true, source: 'wiki' } } } }));
    expect(withEvidence.findings[0]).toMatchObject({ status: 'pass', found: 'evidence "runbooks" = true (source: wiki)' });
    expect(withEvidence.scores.frameworks[0]?.requirements.find((r) => r.id === 'R4')?.status).toBe('pass');
  });

  it('lists passed findings only when asked, failures first by severity', () => {
    const resources = [thing('x', { a: false, b: false, c: true })];
    expect(scanResources(resources, source, opts()).findings.map((f) => f.status)).toEqual(['fail', 'fail', 'manual']);
    const all = scanResources(resources, source, opts({ includePassed: true }));
    expect(all.findings.map((f) => `${f.status}:${f.severity}`)).toEqual(['fail:critical', 'fail:medium', 'manual:low', 'pass:low']);
  });

  it('mutes waived findings, keeps them visible, and ignores expired waivers', () => {
    const waivers = [
      { id: 'w1', rule: 'CW-AWS-9001', resource: 'aws_thing.*', reason: 'legacy', owner: 'ops', expires: '2026-11-22' },
      { id: 'w2', rule: 'CW-AWS-9002', reason: 'old', owner: 'ops', expires: '2026-11-21' },
    ];
    const report = scanResources([thing('x', { a: false, b: false, c: true })], source, opts({ waivers }));
    expect(report.findings.find((f) => f.ruleId === 'CW-AWS-9001')).toMatchObject({ status: 'muted', waiver: { id: 'w1', owner: 'ops' } });
    expect(report.findings.find((f) => f.ruleId === 'CW-AWS-9002')?.status).toBe('fail');
    expect(report.audit.waivers).toEqual({ applied: 1, expired: [{ id: 'w2', reason: 'old', owner: 'ops', expires: '2026-11-21' }] });
    const one = report.scores.frameworks.find((f) => f.framework === 'fw-one');
    expect(one).toMatchObject({ muted: 1, failed: 1, passed: 1 });
    expect(gateVerdict(report).verdict).toBe('passed');
  });

  it('applies a framework waiver to that framework\'s score only', () => {
    const waivers = [{ id: 'w', framework: 'one', requirement: 'R1', reason: 'out of scope', owner: 'sec', expires: '2030-01-01' }];
    const report = scanResources([thing('x', { a: false, b: true, c: true })], source, opts({ waivers }));
    expect(report.scores.frameworks.find((f) => f.framework === 'fw-one')?.requirements.find((r) => r.id === 'R1')?.status).toBe('muted');
    expect(report.findings.find((f) => f.ruleId === 'CW-AWS-9001')?.status).toBe('fail');
  });

  it('restricts findings to the chosen frameworks and rejects unknown names with the valid ones', () => {
    const report = scanResources([thing('x', { a: false, b: false, c: false })], source, opts({ frameworks: ['fw-azure'] }));
    expect(report.findings).toEqual([]);
    expect(report.scores.frameworks.map((f) => f.framework)).toEqual(['fw-azure']);
    expect(() => scanResources([], source, opts({ frameworks: ['pci'] }))).toThrow(UnknownFrameworkError);
    expect(() => scanResources([], source, opts({ frameworks: ['pci'] }))).toThrow('valid names: fw-one, fw-azure');
  });

  it('lists resources no rule covers as not applicable', () => {
    const report = scanResources([complianceResource({ address: 'random_password.db', type: 'random_password', values: {} })], source, opts());
    expect(report.summary.notApplicable).toEqual([
      { address: 'random_password.db', type: 'random_password', reason: 'random_password is not a resource of AWS, Azure or Google Cloud' },
    ]);
  });

  it('records an audit trail of what was scanned, when, by whom and with which rule set', () => {
    const report = scanResources([], { ...source, sha256: 'abc' }, opts({ scannedBy: 'ci@example', scanId: 'scan-1', stack: { stack: 'shop', environment: 'prod' } }));
    expect(report.audit).toMatchObject({
      scanId: 'scan-1',
      scannedAt: '2026-11-22T10:00:00.000Z',
      scannedBy: 'ci@example',
      rulesEvaluated: 4,
      frameworks: ['fw-one', 'fw-azure'],
      source: { kind: 'resources', name: 'test', sha256: 'abc' },
      stack: 'shop',
      environment: 'prod',
    });
    expect(report.audit.ruleSetVersion).toMatch(/^cloudwright-builtin@1\.0\.0\+[0-9a-f]{12}$/);
  });
});

describe('gate, posture and remediation', () => {
  const report = scanResources([thing('x', { a: false, b: false, c: true }), thing('y', { a: false, b: true, c: true })], source, opts({ includePassed: true }));

  it('blocks on an unwaived critical finding, and on lower severities when asked', () => {
    expect(gateVerdict(report)).toMatchObject({ verdict: 'blocked', reasons: ['2 unwaived critical finding(s) (CW-AWS-9001)'] });
    const medium = scanResources([thing('x', { a: true, b: false, c: true })], source, opts());
    expect(gateVerdict(medium).verdict).toBe('passed');
    expect(gateVerdict(medium, { blockOn: 'medium' }).verdict).toBe('blocked');
    expect(gateVerdict(medium, { minScore: 90 }).reasons).toEqual(['overall score 75 is below the minimum 90']);
  });

  it('ranks risks by likelihood × impact', () => {
    const posture = assessSecurityPosture(report);
    expect(posture.risks.map((r) => [r.ruleId, r.risk, r.resources.length])).toEqual([
      ['CW-AWS-9001', 10, 2],
      ['CW-AWS-9002', 6, 1],
    ]);
    expect(posture.securityScore).toBe(25); // pass: b(y)=4, c(x)=2, c(y)=2 → 8 of 32
    expect(posture.grade).toBe('F');
  });

  it('orders remediation steps by severity, one per rule with every resource and a validation', () => {
    const steps = getRemediationSteps(report);
    expect(steps.map((s) => [s.order, s.ruleId, s.resources])).toEqual([
      [1, 'CW-AWS-9001', ['aws_thing.x', 'aws_thing.y']],
      [2, 'CW-AWS-9002', ['aws_thing.x']],
    ]);
    expect(steps[0]?.fix.terraform).toBe('a = true');
    expect(steps[0]?.validation).toContain('CW-AWS-9001 must report pass for all 2 resources (a = true)');
  });
});
