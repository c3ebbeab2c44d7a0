import type { Finding, ScanReport } from '../scan/report';
import { HOSTILE_ADDRESS, makeReport } from './__tests__/report-factory';
import { toJson } from './json';

type Doc = {
  scores: { overall: number | null; frameworks: Record<string, unknown>[] };
  findings: Record<string, unknown>[];
  summary: Record<string, unknown>;
  audit: Record<string, unknown>;
};

const ISSUE_FRAMEWORK_KEYS = ['framework', 'score', 'passed', 'failed', 'unknown', 'manual', 'notApplicable'];
const ISSUE_FINDING_KEYS = ['ruleId', 'title', 'category', 'severity', 'status', 'address', 'resourceType', 'frameworks', 'message', 'remediation'];

/** Rebuilds every object with its keys in reverse order: output must not depend on how the report was built. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    ) as T;
  }
  return value;
}

describe('toJson', () => {
  const text = toJson(makeReport());
  const doc = JSON.parse(text) as Doc;

  it("puts the issue's keys first, in the issue's order", () => {
    expect(Object.keys(doc)).toEqual(['scores', 'findings', 'summary', 'audit', 'schemaVersion']);
    expect(Object.keys(doc.scores)).toEqual(['overall', 'frameworks']);
    for (const fw of doc.scores.frameworks) expect(Object.keys(fw).slice(0, ISSUE_FRAMEWORK_KEYS.length)).toEqual(ISSUE_FRAMEWORK_KEYS);
    for (const f of doc.findings) {
      expect(Object.keys(f).slice(0, ISSUE_FINDING_KEYS.length)).toEqual(ISSUE_FINDING_KEYS);
      expect((f.frameworks as Record<string, unknown>[]).map((r) => Object.keys(r))).toEqual((f.frameworks as unknown[]).map(() => ['framework', 'requirements']));
    }
  });

  it('adds requirement results, found/expected, waivers, summary and the audit trail after them', () => {
    expect(doc.scores.frameworks[0]).toMatchObject({
      framework: 'cis-aws-foundations',
      score: 62.5,
      notApplicable: 4,
      muted: 1,
      requirements: [{ id: '2.3.1', status: 'fail', rules: ['CW-AWS-0001'], failedFindings: 2 }, { id: '5.2' }, { id: '3.1', status: 'manual' }],
    });
    expect(doc.scores.frameworks[1].score).toBeNull();
    const hostile = doc.findings.find((f) => f.address === HOSTILE_ADDRESS);
    expect(hostile).toMatchObject({ found: 'storage_encrypted = false', expected: 'storage_encrypted = true', waiver: null, remediation: { effort: 'medium', bicep: null } });
    const muted = doc.findings.find((f) => f.status === 'muted');
    expect(muted?.waiver).toEqual({ id: 'W-7', reason: 'Public website bucket, approved by "security" & <legal>', owner: 'web-team@example.com', expires: '2099-12-31' });
    expect(Object.keys(doc.summary.byStatus as object)).toEqual(['fail', 'unknown', 'manual', 'muted', 'pass', 'not-applicable']);
    expect(doc.audit).toMatchObject({ scanId: '7b0e1c52-3f0a-4d5e-9a61-1f2d3c4b5a69', source: { sha256: 'a'.repeat(64) }, waivers: { applied: 1, expired: [{ id: 'W-3' }] } });
  });

  it('gives every finding the same keys, absent values as null', () => {
    const keys = doc.findings.map((f) => Object.keys(f).join(','));
    expect(new Set(keys).size).toBe(1);
    const manual = doc.findings.find((f) => f.status === 'manual');
    expect(manual).toMatchObject({ resourceType: null, found: null, expected: null, attribute: null, cloud: null });
  });

  it('writes stable key order and a 2-space indent whatever order the report was built in', () => {
    expect(toJson(reverseKeys(makeReport()))).toBe(text);
    expect(text).toMatch(/^\{\n {2}"scores": \{\n {4}"overall": 58\.3,/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('keeps the report data intact', () => {
    const report: ScanReport = makeReport();
    expect(doc.findings).toHaveLength(report.findings.length);
    const original = report.findings.map((f: Finding) => [f.ruleId, f.address, f.status, f.found ?? null]);
    expect(doc.findings.map((f) => [f.ruleId, f.address, f.status, f.found])).toEqual(original);
  });
});
