import { randomUUID } from 'node:crypto';
import { ComplianceOrchestratorScanV1, ComplianceQuerySubjects, type AlertRaisedV1, type AlertResolvedV1, type ComplianceScannedV1 } from '@cloudwright/contracts';
import { START_TIMEOUT_MS, startCompliance, waitFor, type ComplianceHarness } from '../__tests__/compliance-harness';
import { insecurePlan, securePlan } from '../__tests__/plans';
import { type ScanResultDto } from '../scans/compliance-scans.service';

describe('compliance alerts', () => {
  let h: ComplianceHarness;

  beforeAll(async () => {
    h = await startCompliance('alerts');
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await h.dispose();
  });

  /** Scans `plan` for a new deployment of web/prod and waits for the answer. */
  async function scanDeployment(plan: Record<string, unknown>): Promise<ComplianceScannedV1> {
    const deploymentId = randomUUID();
    await h.runtime.publisher.publish(ComplianceOrchestratorScanV1, { deploymentId, stack: 'web', environment: 'prod', plan: { format: 'terraform-plan-json', inline: plan } });
    let answer: ComplianceScannedV1 | undefined;
    await waitFor(`the answer for ${deploymentId}`, async () => {
      answer = (await h.events<ComplianceScannedV1>('cw.evt.compliance.scanned.v1')).find((e) => e.data.deploymentId === deploymentId)?.data;
      return answer !== undefined;
    });
    return answer!;
  }

  async function alerts() {
    const raised = (await h.events<AlertRaisedV1>('cw.evt.alert.raised.v1')).map((e) => e.data);
    const resolved = (await h.events<AlertResolvedV1>('cw.evt.alert.resolved.v1')).map((e) => e.data);
    return { raised, resolved };
  }

  it('raises a score drop and a new critical finding once, and resolves both after a clean scan', async () => {
    // precondition: the rule set scores the insecure plan at least CW_COMPLIANCE_SCORE_DROP (5) points lower
    const score = async (plan: Record<string, unknown>) => (await h.runtime.queryClient.request<unknown, ScanResultDto>(ComplianceQuerySubjects.Scan, { plan })).report.scores.overall!;
    const [clean, dirty] = [await score(securePlan()), await score(insecurePlan())];
    expect(clean - dirty).toBeGreaterThanOrEqual(5);

    const first = await scanDeployment(securePlan());
    expect(first.gate!.verdict).toBe('passed');
    expect((await alerts()).raised).toEqual([]);

    const second = await scanDeployment(insecurePlan());
    expect(second.gate!.verdict).toBe('blocked');
    await waitFor('two alerts', async () => (await alerts()).raised.length === 2);
    const { raised } = await alerts();
    expect(raised.find((a) => a.kind === 'compliance-score-drop')).toMatchObject({
      dedupKey: 'compliance-score-drop:web:prod',
      severity: 'warning',
      stack: 'web',
      environment: 'prod',
      source: 'compliance',
      labels: { scanId: second.scanId, previousScanId: first.scanId, baseline: String(clean), score: String(dirty) },
    });
    const critical = raised.find((a) => a.kind === 'compliance-critical-finding');
    expect(critical).toMatchObject({ dedupKey: 'compliance-critical-finding:web:prod', severity: 'critical', labels: { scanId: second.scanId, newCritical: '2' } });
    expect(critical!.description).toContain('aws_security_group.bastion');

    // the same findings again: both alerts stay open, nothing is raised twice
    const third = await scanDeployment(insecurePlan());
    const again = await alerts();
    expect(again.raised).toHaveLength(2);
    expect(again.resolved).toHaveLength(0);
    const open: { dedup_key: string }[] = await h.dataSource.query(`SELECT dedup_key FROM "${h.ctx.schema}".compliance_alerts WHERE status = 'raised' ORDER BY 1`);
    expect(open.map((r) => r.dedup_key)).toEqual(['compliance-critical-finding:web:prod', 'compliance-score-drop:web:prod']);
    expect(third.gate!.verdict).toBe('blocked');

    // back to the clean plan: the score is back at the baseline and no critical finding fails
    await scanDeployment(securePlan());
    await waitFor('both resolutions', async () => (await alerts()).resolved.length === 2);
    const final = await alerts();
    expect(final.raised).toHaveLength(2);
    expect(final.resolved.map((a) => a.dedupKey).sort()).toEqual(['compliance-critical-finding:web:prod', 'compliance-score-drop:web:prod']);
    expect(final.resolved.find((a) => a.kind === 'compliance-score-drop')!.description).toContain(`back at or above ${clean}`);
  });
});
