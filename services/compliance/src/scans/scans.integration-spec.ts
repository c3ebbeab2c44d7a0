import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ComplianceOrchestratorScanV1, type CloudEvent, type ComplianceScannedV1 } from '@cloudwright/contracts';
import { aComplianceScanCommand, type ComplianceOrchestratorScanV1Data } from '@cloudwright/contracts/testing';
import { START_TIMEOUT_MS, startCompliance, waitFor, type ComplianceHarness } from '../__tests__/compliance-harness';
import { INSECURE_ADDRESSES, insecurePlan, malformedPlan, securePlan } from '../__tests__/plans';
import { type ScanDetailDto } from './compliance-scan.mapper';

const SCANNED = 'cw.evt.compliance.scanned.v1';

describe('compliance-orchestrator agent', () => {
  let h: ComplianceHarness;
  let planDir: string;

  beforeAll(async () => {
    h = await startCompliance('scans');
    planDir = mkdtempSync(join(tmpdir(), 'cw-compliance-plans-'));
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await h.dispose();
    rmSync(planDir, { recursive: true, force: true });
  });

  afterEach(() => h.clock.reset());

  /** A scan command for a fresh deployment of `stack`/prod; frameworks left to the policy (every framework). */
  function command(stack: string, plan: Record<string, unknown>, overrides: Partial<ComplianceOrchestratorScanV1Data> = {}): ComplianceOrchestratorScanV1Data {
    const { frameworks: _frameworks, evidence: _evidence, ...base } = aComplianceScanCommand();
    return { ...base, deploymentId: randomUUID(), stack, environment: 'prod', requestKey: `ci:${stack}:${randomUUID()}`, plan: { format: 'terraform-plan-json', inline: plan }, ...overrides };
  }

  async function send(data: ComplianceOrchestratorScanV1Data): Promise<CloudEvent<ComplianceOrchestratorScanV1>> {
    return h.runtime.publisher.publish(ComplianceOrchestratorScanV1, data);
  }

  async function answersFor(deploymentId: string, count = 1): Promise<CloudEvent<ComplianceScannedV1>[]> {
    let found: CloudEvent<ComplianceScannedV1>[] = [];
    await waitFor(`${count} compliance.scanned.v1 for ${deploymentId}`, async () => {
      found = (await h.events<ComplianceScannedV1>(SCANNED)).filter((e) => e.data.deploymentId === deploymentId);
      return found.length >= count;
    });
    return found;
  }

  const answerFor = async (deploymentId: string) => (await answersFor(deploymentId))[0];
  const scanOf = async (scanId: string) => (await h.http<ScanDetailDto>('GET', `/scans/${scanId}`)).body;

  async function waiveInsecureResources(stack: string, expires: string): Promise<void> {
    for (const [i, resource] of INSECURE_ADDRESSES.entries()) {
      const created = await h.http('POST', '/waivers', { id: `accepted-${i}`, stack, environment: 'prod', resource, reason: 'accepted until the migration', owner: 'security@example.com', expires });
      expect(created.status).toBe(201);
    }
  }

  const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

  it('answers a plan with critical findings with compliance.scanned.v1 blocked, listing the blocking findings', async () => {
    const data = command('shop', insecurePlan());
    const sent = await send(data);
    const answer = await answerFor(data.deploymentId);
    expect(answer.correlationid).toBe(sent.correlationid);
    expect(answer.causationid).toBe(sent.id);
    expect(answer.subject).toBe(data.deploymentId);
    expect(answer.data).toMatchObject({ status: 'scanned', stack: 'shop', environment: 'prod', requestKey: data.requestKey, gate: { verdict: 'blocked', blockOn: 'critical' } });
    const { gate, counts, scores, scanId, ruleSetVersion } = answer.data;
    expect(ruleSetVersion).toMatch(/^cloudwright-builtin@/);
    expect(gate!.reasons[0]).toMatch(/unwaived critical finding/);
    for (const address of INSECURE_ADDRESSES) {
      expect(gate!.blocking).toContainEqual(expect.objectContaining({ address, severity: 'critical' }));
    }
    expect(counts!.critical).toBe(gate!.blocking.length);
    expect(scores!.overall).toBeGreaterThan(0);
    expect(scores!.overall).toBeLessThan(100);
    expect(scores!.frameworks.length).toBeGreaterThan(0);

    const stored = await scanOf(scanId!);
    expect(stored).toMatchObject({ id: scanId, deploymentId: data.deploymentId, status: 'scanned', source: 'command', overall: scores!.overall, counts });
    const critical = stored.findings.filter((f) => f.status === 'fail' && f.severity === 'critical');
    expect(critical.map((f) => f.address).sort()).toEqual([...INSECURE_ADDRESSES].sort());
    expect(stored.findings.every((f) => f.status !== 'pass' && f.status !== 'not-applicable')).toBe(true);
    expect(stored.scores.frameworks.length).toBe(scores!.frameworks.length);
    expect(stored.audit).toMatchObject({ scanId, source: { kind: 'terraform-plan', name: 'plan.inline' }, stack: 'shop', environment: 'prod' });
  });

  it('passes the gate when waivers in force cover the critical findings, which stay visible as muted', async () => {
    await waiveInsecureResources('cart', day(30));
    const data = command('cart', insecurePlan());
    await send(data);
    const answer = await answerFor(data.deploymentId);
    expect(answer.data.gate).toEqual({ verdict: 'passed', blockOn: 'critical', reasons: [], blocking: [] });
    expect(answer.data.counts!.critical).toBe(0);
    expect(answer.data.counts!.muted).toBeGreaterThanOrEqual(2);

    const stored = await scanOf(answer.data.scanId!);
    const muted = stored.findings.filter((f) => f.status === 'muted' && f.severity === 'critical');
    expect(muted.map((f) => f.address).sort()).toEqual([...INSECURE_ADDRESSES].sort());
    expect(muted[0].waiver).toMatchObject({ id: expect.stringMatching(/^accepted-/) as unknown, owner: 'security@example.com' });
  });

  it('blocks again once the waiver has expired', async () => {
    await waiveInsecureResources('basket', day(1));
    h.clock.advanceDays(3);
    const data = command('basket', insecurePlan());
    await send(data);
    const answer = await answerFor(data.deploymentId);
    expect(answer.data.gate!.verdict).toBe('blocked');
    expect(answer.data.counts!.muted).toBe(0);
    const stored = await scanOf(answer.data.scanId!);
    expect((stored.audit as { waivers: { expired: { id: string }[] } }).waivers.expired.map((w) => w.id).sort()).toEqual(['accepted-0', 'accepted-1']);
  });

  it('stores one scan for a command delivered twice and answers both with it; changed inputs make a new scan', async () => {
    const data = command('checkout', insecurePlan());
    await send(data);
    await send(data);
    const [first, second] = await answersFor(data.deploymentId, 2);
    expect(second.data).toEqual(first.data);
    const rows: { n: number }[] = await h.dataSource.query(`SELECT count(*)::int AS n FROM "${h.ctx.schema}".compliance_scans WHERE deployment_id = $1`, [data.deploymentId]);
    expect(rows[0].n).toBe(1);

    // the operator accepts the risk and retries the step: the same deployment is scanned again, under the waivers
    await waiveInsecureResources('checkout', day(30));
    await send(data);
    const third = (await answersFor(data.deploymentId, 3))[2];
    expect(third.data.scanId).not.toBe(first.data.scanId);
    expect(third.data.gate!.verdict).toBe('passed');
    const byDeployment = await h.runtime.queryClient.request<unknown, ScanDetailDto>('cw.qry.compliance.scan-by-id.v1', { deploymentId: data.deploymentId });
    expect(byDeployment.id).toBe(third.data.scanId);
  });

  it('answers status failed with the JSON path for a plan that cannot be read, without retrying or dead-lettering', async () => {
    const data = command('shop', malformedPlan());
    await send(data);
    const answer = await answerFor(data.deploymentId);
    expect(answer.data).toMatchObject({ status: 'failed', error: { code: 'VALIDATION_FAILED' } });
    expect(answer.data.error!.path).toMatch(/^\$\.resource_changes\[0\]/);
    expect(answer.data.gate).toBeUndefined();
    const stored = await scanOf(answer.data.scanId!);
    expect(stored).toMatchObject({ status: 'failed', error: { code: 'VALIDATION_FAILED' }, gate: null });
    const info = await h.runtime.jsm.consumers.info(h.runtime.topology.streams.commands, 'compliance__compliance-orchestrator-scan');
    expect(info.num_redelivered).toBe(0);
    const dlq = await h.runtime.jsm.streams.info(h.runtime.topology.streams.deadLetters);
    expect(dlq.state.messages).toBe(0);
  });

  it('answers NOT_FOUND for an unreadable plan reference and VALIDATION_FAILED naming the valid frameworks for an unknown one', async () => {
    const missing = command('shop', securePlan(), {
      plan: { format: 'terraform-plan-json', ref: { uri: pathToFileURL(join(planDir, 'missing.json')).href, sha256: '0'.repeat(64), sizeBytes: 10 } },
    });
    await send(missing);
    expect((await answerFor(missing.deploymentId)).data).toMatchObject({ status: 'failed', error: { code: 'NOT_FOUND', path: '$.plan.ref.uri' } });

    const unknown = command('shop', securePlan(), { frameworks: ['no-such-framework'] });
    await send(unknown);
    const answer = await answerFor(unknown.deploymentId);
    expect(answer.data).toMatchObject({ status: 'failed', error: { code: 'VALIDATION_FAILED' } });
    expect(answer.data.error!.message).toContain('"no-such-framework"');
    expect(answer.data.error!.message).toContain('valid names:');
  });

  it('reads a file:// plan reference whose bytes match its sha256', async () => {
    const text = JSON.stringify(securePlan());
    const file = join(planDir, 'secure.json');
    writeFileSync(file, text);
    const data = command('shop', securePlan(), {
      plan: { format: 'terraform-plan-json', ref: { uri: pathToFileURL(file).href, sha256: createHash('sha256').update(text).digest('hex'), sizeBytes: Buffer.byteLength(text) } },
    });
    await send(data);
    const answer = await answerFor(data.deploymentId);
    expect(answer.data).toMatchObject({ status: 'scanned', gate: { verdict: 'passed' } });
  });

  it('applies the environment policy: blockOn high blocks on high findings, and a minimum score', async () => {
    const put = await h.http('PUT', '/policies/staging', { blockOn: 'high', minScore: 99 });
    expect(put.status).toBe(200);
    const data = command('shop', securePlan(), { environment: 'staging' });
    await send(data);
    const answer = await answerFor(data.deploymentId);
    expect(answer.data.gate!.verdict).toBe('blocked');
    expect(answer.data.gate!.blockOn).toBe('high');
    expect(answer.data.gate!.reasons.join(' ')).toContain('below the minimum 99');
    expect(answer.data.gate!.blocking.every((b) => b.severity === 'high' || b.severity === 'critical')).toBe(true);
  });
});
