import { ComplianceQuerySubjects } from '@cloudwright/contracts';
import { START_TIMEOUT_MS, startCompliance, type ComplianceHarness } from '../__tests__/compliance-harness';
import { INSECURE_ADDRESSES, insecurePlan, malformedPlan, securePlan, workloadPlans } from '../__tests__/plans';
import { type WorkloadComparison } from '../compare/workload-comparison';
import { type EvidenceDto } from '../evidence/evidence.mapper';
import { type EffectivePolicy } from '../policies/policy.mapper';
import { type ScanDetailDto, type ScanSummaryDto } from '../scans/compliance-scan.mapper';
import { type ScanResultDto } from '../scans/compliance-scans.service';
import { type LatestFindingDto, type LatestScoresDto, type TrendDto } from './history.service';

describe('scans, history and trends over HTTP and NATS', () => {
  let h: ComplianceHarness;
  const stored: ScanResultDto[] = [];

  beforeAll(async () => {
    h = await startCompliance('history');
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await h.dispose();
  });

  it('scans a plan posted as JSON and stores it when stack and environment are given', async () => {
    const adHoc = await h.http<ScanResultDto>('POST', '/scans', insecurePlan());
    expect(adHoc.status).toBe(200);
    expect(adHoc.body).toMatchObject({ stored: false, stack: null, gate: { verdict: 'blocked', blockOn: 'critical' }, policy: { source: 'default' } });
    expect(adHoc.body.report.findings.some((f) => f.status === 'pass')).toBe(false);
    expect(adHoc.body.posture.risks.length).toBeGreaterThan(0);
    expect(adHoc.body.remediation[0]).toMatchObject({ order: 1, severity: 'critical' });
    expect((await h.http<ScanSummaryDto[]>('GET', '/scans')).body).toEqual([]);

    for (const plan of [securePlan(), insecurePlan(), securePlan()]) {
      const response = await h.http<ScanResultDto>('POST', '/scans', { plan, stack: 'shop', environment: 'prod', includePassed: true });
      expect(response.status).toBe(200);
      expect(response.body.stored).toBe(true);
      stored.push(response.body);
    }
    expect(stored[0].report.findings.some((f) => f.status === 'pass')).toBe(true);
    expect(stored[1].alerts!.raised).toEqual(expect.arrayContaining(['compliance-critical-finding:shop:prod', 'compliance-score-drop:shop:prod']));
    expect(stored[2].alerts!.resolved).toHaveLength(2);
    await h.http('POST', '/scans?stack=cart&environment=prod', insecurePlan());

    const list = await h.http<ScanSummaryDto[]>('GET', '/scans?stack=shop&environment=prod&limit=2');
    expect(list.body.map((s) => s.id)).toEqual([stored[2].scanId, stored[1].scanId]);
    const detail = await h.http<ScanDetailDto>('GET', `/scans/${stored[1].scanId}`);
    expect(detail.body).toMatchObject({ id: stored[1].scanId, source: 'http', deploymentId: null, gate: { verdict: 'blocked' } });
    expect(detail.body.blocking.map((b) => b.address).sort()).toEqual([...INSECURE_ADDRESSES].sort());
    expect(detail.body.findings.length).toBeGreaterThan(0);
    expect(detail.body.scores.frameworks[0].requirements!.length).toBeGreaterThan(0);
    expect((await h.http('GET', '/scans/6f1c2a8e-2f55-4a31-9d0e-6f0f5c1b2a77')).status).toBe(404);
  });

  it('rejects a malformed plan with 400 and the JSON path, and an unknown framework with the valid names', async () => {
    const bad = await h.http<{ code: string; details: { path: string } }>('POST', '/scans', malformedPlan());
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.path).toMatch(/^\$\.resource_changes\[0\]/);
    const unknown = await h.http<{ message: string; details: { valid: string[] } }>('POST', '/scans?frameworks=nope', securePlan());
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('"nope"');
    expect(unknown.body.details.valid.length).toBeGreaterThan(0);
    const lonely = await h.http('POST', '/scans', { plan: securePlan(), stack: 'shop' });
    expect(lonely.status).toBe(400);
    const text = await h.http<{ message: string; details: { path: string } }>('POST', '/scans', '{\n  "format_version": "1.2",\n  "resource_changes": [,]\n}', { 'content-type': 'text/plain' });
    expect(text.status).toBe(400);
    expect(text.body.details.path).toBe('$');
    expect(text.body.message).toMatch(/line 3, column \d+/);
    await expect(h.runtime.queryClient.request(ComplianceQuerySubjects.ScanById, { scanId: 'not-a-uuid' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('gives the score trend, overall and per framework, oldest first', async () => {
    const trend = await h.http<TrendDto>('GET', '/trends?stack=shop&environment=prod');
    expect(trend.body.points.map((p) => [p.scanId, p.score])).toEqual(stored.map((s) => [s.scanId, s.report.scores.overall]));
    const framework = stored[0].report.scores.frameworks.find((f) => f.score !== null)!;
    const byFramework = await h.http<TrendDto>('GET', `/trends?stack=shop&environment=prod&framework=${framework.framework}&limit=2`);
    expect(byFramework.body).toMatchObject({ framework: framework.framework });
    expect(byFramework.body.points.map((p) => p.scanId)).toEqual([stored[1].scanId, stored[2].scanId]);
    expect(byFramework.body.points[1].score).toBe(framework.score);
    expect((await h.http('GET', '/trends?stack=shop')).status).toBe(400);

    const viaQuery = await h.runtime.queryClient.request<unknown, TrendDto>(ComplianceQuerySubjects.Trends, { stack: 'shop', environment: 'prod', limit: 1 });
    expect(viaQuery.points.map((p) => p.scanId)).toEqual([stored[2].scanId]);
  });

  it('gives the latest scores and the findings of the latest scan of each stack/environment', async () => {
    const latest = await h.http<LatestScoresDto[]>('GET', '/scores/latest');
    expect(latest.body.map((l) => [l.stack, l.environment])).toEqual([
      ['cart', 'prod'],
      ['shop', 'prod'],
    ]);
    expect(latest.body[1]).toMatchObject({ scanId: stored[2].scanId, overall: stored[2].report.scores.overall, verdict: 'passed' });
    const framework = latest.body[1].frameworks[0].framework;
    const one = await h.http<LatestScoresDto[]>('GET', `/scores/latest?stack=shop&framework=${framework}`);
    expect(one.body).toHaveLength(1);
    expect(one.body[0].frameworks.map((f) => f.framework)).toEqual([framework]);

    const critical = await h.http<LatestFindingDto[]>('GET', '/findings?severity=critical&status=fail');
    expect(critical.body.map((f) => [f.stack, f.address]).sort()).toEqual(INSECURE_ADDRESSES.map((a) => ['cart', a]).sort());
    const ruleId = critical.body[0].ruleId;
    const byRule = await h.http<LatestFindingDto[]>('GET', `/findings?stack=cart&environment=prod&ruleId=${ruleId}`);
    expect(byRule.body.every((f) => f.ruleId === ruleId && f.stack === 'cart')).toBe(true);
    expect((await h.http('GET', '/findings?severity=severe')).status).toBe(400);

    const scores = await h.runtime.queryClient.request<unknown, LatestScoresDto[]>(ComplianceQuerySubjects.Scores, { stack: 'cart' });
    expect(scores.map((s) => s.stack)).toEqual(['cart']);
    const findings = await h.runtime.queryClient.request<unknown, LatestFindingDto[]>(ComplianceQuerySubjects.Findings, { severity: 'critical' });
    expect(findings).toHaveLength(2);
    const byId = await h.runtime.queryClient.request<unknown, ScanDetailDto>(ComplianceQuerySubjects.ScanById, { scanId: stored[1].scanId });
    expect(byId.id).toBe(stored[1].scanId);
    const scan = await h.runtime.queryClient.request<unknown, ScanResultDto>(ComplianceQuerySubjects.Scan, { plan: insecurePlan(), stack: 'shop', environment: 'prod' });
    expect(scan).toMatchObject({ stored: false, gate: { verdict: 'blocked' } });
    expect((await h.http<ScanSummaryDto[]>('GET', '/scans?stack=shop')).body).toHaveLength(3);
  });

  it('stores evidence and policies per stack/environment and uses them in scans', async () => {
    const put = await h.http<EvidenceDto>('PUT', '/evidence/shop/prod', { items: [{ key: 'runbooks', value: true, source: 'https://wiki.example.com/runbooks' }, { key: 'mfa-enforced', value: false }] });
    expect(put.status).toBe(200);
    expect(put.body.items).toEqual([{ key: 'mfa-enforced', value: false }, { key: 'runbooks', value: true, source: 'https://wiki.example.com/runbooks' }]);
    expect((await h.http<EvidenceDto>('GET', '/evidence/shop/prod')).body.items).toHaveLength(2);
    const invalid = await h.http<{ details: { errors: { path: string }[] } }>('PUT', '/evidence/shop/prod', { items: [{ key: 'RunBooks', value: 'yes' }] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.errors.map((e) => e.path)).toEqual(['items[0].key', 'items[0].value']);

    const frameworks = stored[0].report.audit.frameworks.slice(0, 2);
    const policy = await h.http<EffectivePolicy>('PUT', '/policies/prod', { blockOn: 'high', frameworks });
    expect(policy.body).toMatchObject({ environment: 'prod', blockOn: 'high', minScore: null, frameworks, source: 'stored' });
    expect((await h.http('PUT', '/policies/prod', { blockOn: 'severe', frameworks: ['nope'] })).status).toBe(400);
    const policies = await h.http<{ default: EffectivePolicy; environments: EffectivePolicy[] }>('GET', '/policies');
    expect(policies.body.default).toMatchObject({ blockOn: 'critical', source: 'default' });
    expect(policies.body.environments.map((p) => p.environment)).toEqual(['prod']);

    const scanned = await h.http<ScanResultDto>('POST', '/scans', { plan: securePlan(), stack: 'shop', environment: 'prod' });
    expect(scanned.body.policy).toMatchObject({ blockOn: 'high', source: 'stored' });
    expect(scanned.body.report.audit.frameworks).toEqual(frameworks);
    expect(scanned.body.gate.blockOn).toBe('high');
    expect((await h.http('DELETE', '/policies/prod')).status).toBe(200);
  });

  it('compares the same workload across clouds', async () => {
    const response = await h.http<WorkloadComparison>('POST', '/compare', { workloads: workloadPlans() });
    expect(response.status).toBe(200);
    const comparison = response.body;
    expect(comparison.labels).toEqual(['aws', 'azure']);
    const aws = comparison.workloads.find((w) => w.label === 'aws')!;
    expect(aws.failing.bySeverity.critical).toBe(2);
    expect(comparison.workloads.find((w) => w.label === 'azure')!.failing.bySeverity.critical).toBe(0);
    expect(comparison.differingCategories).toContain('public-access');
    expect(comparison.categories.find((c) => c.category === 'public-access')).toMatchObject({ status: { aws: 'fail', azure: 'pass' }, differs: true });
    expect(comparison.best).toEqual(['azure']);
    const bad = await h.http<{ details: { workload: string; path: string } }>('POST', '/compare', { workloads: { aws: securePlan(), gcp: malformedPlan() } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toMatchObject({ workload: 'gcp' });
    expect((await h.http('POST', '/compare', { workloads: { aws: securePlan() } })).status).toBe(400);
  });

  it('reports health and metrics', async () => {
    const health = await h.http<{ status: string }>('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('up');
    const metrics = await h.http('GET', '/metrics');
    expect(metrics.text).toContain('cw_compliance_scans_total{source="http",status="scanned",verdict="blocked"}');
  });
});
