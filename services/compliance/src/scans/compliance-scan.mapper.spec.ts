import { ComplianceScannedV1, MAX_LISTED_BLOCKING, validatePayload } from '@cloudwright/contracts';
import { scanPlanText } from '@cloudwright/compliance';
import { insecurePlan } from '../__tests__/plans';
import {
  countsOf,
  decideGate,
  toFailedEvent,
  toFailedRow,
  toFindingDto,
  toScanDetailDto,
  toScannedEvent,
  toScannedRows,
  type ScanScope,
} from './compliance-scan.mapper';

const scope: ScanScope = { deploymentId: 'd-1', stack: 'shop', environment: 'prod', requestKey: 'ci:1', source: 'command', correlationId: 'c-1' };
const to = { deploymentId: 'd-1', stack: 'shop', environment: 'prod', requestKey: 'ci:2' };

/** The insecure plan with its security group repeated `copies` times: as many critical findings. */
function manyOpenGroups(copies: number): string {
  const plan = insecurePlan() as { resource_changes: Record<string, unknown>[] };
  const group = plan.resource_changes[0];
  plan.resource_changes = Array.from({ length: copies }, (_, i) => ({ ...group, address: `aws_security_group.open${i}`, name: `open${i}` }));
  return JSON.stringify(plan);
}

describe(toScannedEvent.name, () => {
  const report = scanPlanText(JSON.stringify(insecurePlan()), 'plan.json', { stack: { stack: 'shop', environment: 'prod' } });
  const gate = decideGate(report, { blockOn: 'critical', minScore: null });
  const rows = toScannedRows(scope, report, gate, { inputDigest: 'i'.repeat(64), planSha256: null });

  it('answers with a valid compliance.scanned.v1 built from the stored rows', () => {
    const event = toScannedEvent(to, rows.scan, rows.frameworks);
    expect(validatePayload(ComplianceScannedV1, event)).toMatchObject({ ok: true });
    expect(event).toMatchObject({ status: 'scanned', scanId: report.audit.scanId, requestKey: 'ci:2', gate: { verdict: 'blocked', blockOn: 'critical' }, scores: { overall: report.scores.overall } });
    expect(event.counts).toEqual(countsOf(report));
    expect(event.counts!.critical).toBe(gate.blocking.length);
    expect(event.scores!.frameworks).toHaveLength(report.scores.frameworks.length);
  });

  it('stores failing, unknown, manual and muted findings only, and the plan digest of the report', () => {
    expect(rows.findings.length).toBe(report.findings.length);
    expect(rows.findings.every((f) => ['fail', 'unknown', 'manual', 'muted'].includes(f.status))).toBe(true);
    expect(rows.scan.planSha256).toBe(report.audit.source.sha256);
    expect(toFindingDto(rows.findings[0])).toEqual(report.findings[0]);
    expect(toScanDetailDto(rows.scan, rows.frameworks, rows.findings)).toMatchObject({ id: rows.scan.id, overall: report.scores.overall, gate: { blockingCount: gate.blocking.length } });
  });

  it('lists at most MAX_LISTED_BLOCKING blocking findings while the counts stay complete', () => {
    const big = scanPlanText(manyOpenGroups(MAX_LISTED_BLOCKING + 5), 'plan.json', {});
    const bigGate = decideGate(big, { blockOn: 'critical', minScore: null });
    expect(bigGate.blocking.length).toBeGreaterThan(MAX_LISTED_BLOCKING);
    const bigRows = toScannedRows(scope, big, bigGate, { inputDigest: null, planSha256: null });
    const event = toScannedEvent(to, bigRows.scan, bigRows.frameworks);
    expect(validatePayload(ComplianceScannedV1, event)).toMatchObject({ ok: true });
    expect(event.gate!.blocking).toHaveLength(MAX_LISTED_BLOCKING);
    expect(event.counts!.critical).toBe(bigGate.blocking.length);
  });

  it('answers a failed scan with its error and path', () => {
    const failure = { code: 'VALIDATION_FAILED' as const, message: 'the plan cannot be read', path: '$.resource_changes' };
    const row = toFailedRow('0b8e6f5c-8f0e-4d7e-9a53-2f1d8f3c4b21', scope, failure, null);
    const event = toFailedEvent(to, failure, row.id);
    expect(validatePayload(ComplianceScannedV1, event)).toMatchObject({ ok: true });
    expect(event).toEqual({ ...to, status: 'failed', scanId: row.id, error: failure });
    expect(toScannedEvent(to, row, [])).toMatchObject({ status: 'failed', error: failure });
  });
});
