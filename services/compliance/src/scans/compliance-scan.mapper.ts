import { MAX_LISTED_BLOCKING, type ComplianceScannedV1, type ComplianceSeverity } from '@cloudwright/contracts';
import { gateVerdict, type Finding, type FrameworkScore, type ScanReport, type Severity } from '@cloudwright/compliance';
import {
  type ComplianceScanEntity,
  type FrameworkScoreEntity,
  type ScanFindingEntity,
  type ScanSourceKind,
  type StoredCounts,
  type StoredFindingStatus,
  type StoredGate,
} from './compliance-scan.entity';
import { type ScanFailure } from './plan-source';

/** Who asked for a scan and what it is about. */
export interface ScanScope {
  deploymentId: string | null;
  stack: string;
  environment: string;
  requestKey: string | null;
  source: ScanSourceKind;
  correlationId: string | null;
}

/** The gate as decided for a report under a policy. */
export interface GateDecision {
  verdict: 'passed' | 'blocked';
  blockOn: Severity;
  minScore: number | null;
  reasons: string[];
  /** Every blocking finding. */
  blocking: Finding[];
}

export type FindingDto = Finding;

export interface FrameworkScoreDto {
  framework: string;
  name: string;
  version: string;
  score: number | null;
  passed: number;
  failed: number;
  unknown: number;
  manual: number;
  notApplicable: number;
  muted: number;
  /** The requirements with their statuses (scan details only). */
  requirements?: unknown[];
}

/** A stored scan as lists show it. */
export interface ScanSummaryDto {
  id: string;
  deploymentId: string | null;
  stack: string;
  environment: string;
  requestKey: string | null;
  source: ScanSourceKind;
  status: 'scanned' | 'failed';
  ruleSetVersion: string | null;
  frameworks: string[];
  overall: number | null;
  gate: { verdict: 'passed' | 'blocked'; blockOn: string; minScore: number | null; reasons: string[]; blockingCount: number } | null;
  counts: StoredCounts | null;
  error: ScanFailure | null;
  createdAt: string;
}

/** A stored scan with its scores, blocking findings and findings. */
export interface ScanDetailDto extends ScanSummaryDto {
  scores: { overall: number | null; frameworks: FrameworkScoreDto[] };
  blocking: StoredGate['blocking'];
  findings: FindingDto[];
  summary: Record<string, unknown> | null;
  audit: Record<string, unknown> | null;
}

const MAX_STORED_NOT_APPLICABLE = 500;

export function decideGate(report: ScanReport, policy: { blockOn: Severity; minScore: number | null }): GateDecision {
  const verdict = gateVerdict(report, { blockOn: policy.blockOn, ...(policy.minScore === null ? {} : { minScore: policy.minScore }) });
  return { verdict: verdict.verdict, blockOn: policy.blockOn, minScore: policy.minScore, reasons: [...verdict.reasons], blocking: [...verdict.blocking] };
}

/** Failing (unwaived) findings per severity and the other statuses, over every result of the scan. */
export function countsOf(report: ScanReport): StoredCounts {
  const { failedBySeverity, byStatus } = report.summary;
  return {
    critical: failedBySeverity.critical,
    high: failedBySeverity.high,
    medium: failedBySeverity.medium,
    low: failedBySeverity.low,
    info: failedBySeverity.info,
    unknown: byStatus.unknown,
    manual: byStatus.manual,
    muted: byStatus.muted,
    passed: byStatus.pass,
  };
}

const STORED_STATUSES: readonly string[] = ['fail', 'unknown', 'manual', 'muted'];

/** Rows of a completed scan: the scan, its framework scores and its findings (pass and not-applicable only counted). */
export function toScannedRows(
  scope: ScanScope,
  report: ScanReport,
  gate: GateDecision,
  digests: { inputDigest: string | null; planSha256: string | null },
): { scan: ComplianceScanEntity; frameworks: FrameworkScoreEntity[]; findings: ScanFindingEntity[] } {
  const id = report.audit.scanId;
  const createdAt = new Date(report.audit.scannedAt);
  const { notApplicable, ...summary } = report.summary;
  const storedGate: StoredGate = {
    reasons: gate.reasons,
    blocking: gate.blocking.slice(0, MAX_LISTED_BLOCKING).map((f) => ({ ruleId: f.ruleId, title: f.title, severity: f.severity, address: f.address })),
    blockingCount: gate.blocking.length,
  };
  return {
    scan: {
      id,
      ...scope,
      status: 'scanned',
      inputDigest: digests.inputDigest,
      planSha256: digests.planSha256 ?? report.audit.source.sha256 ?? null,
      ruleSetVersion: report.audit.ruleSetVersion,
      frameworks: [...report.audit.frameworks],
      overallScore: report.scores.overall,
      verdict: gate.verdict,
      blockOn: gate.blockOn,
      minScore: gate.minScore,
      gate: storedGate,
      counts: countsOf(report),
      summary: { ...summary, notApplicableCount: notApplicable.length, notApplicable: notApplicable.slice(0, MAX_STORED_NOT_APPLICABLE) },
      audit: { ...report.audit },
      error: null,
      createdAt,
    },
    frameworks: report.scores.frameworks.map((f) => toFrameworkScoreRow(id, scope, createdAt, f)),
    findings: report.findings.filter((f) => STORED_STATUSES.includes(f.status)).map((f, ordinal) => toFindingRow(id, ordinal, f)),
  };
}

function toFrameworkScoreRow(scanId: string, scope: ScanScope, createdAt: Date, f: FrameworkScore): FrameworkScoreEntity {
  return {
    scanId,
    framework: f.framework,
    stack: scope.stack,
    environment: scope.environment,
    name: f.name,
    version: f.version,
    score: f.score,
    passed: f.passed,
    failed: f.failed,
    unknown: f.unknown,
    manual: f.manual,
    notApplicable: f.notApplicable,
    muted: f.muted,
    requirements: f.requirements.map((r) => ({ ...r })),
    createdAt,
  };
}

function toFindingRow(scanId: string, ordinal: number, f: Finding): ScanFindingEntity {
  return {
    scanId,
    ordinal,
    ruleId: f.ruleId,
    title: f.title,
    category: f.category,
    severity: f.severity,
    status: f.status as StoredFindingStatus,
    address: f.address,
    resourceType: f.resourceType,
    cloud: f.cloud,
    region: f.region,
    message: f.message,
    found: f.found ?? null,
    expected: f.expected ?? null,
    attribute: f.attribute ?? null,
    frameworks: f.frameworks.map((r) => ({ framework: r.framework, requirements: [...r.requirements] })),
    remediation: { ...f.remediation },
    references: [...f.references],
    waiver: f.waiver ? { ...f.waiver } : null,
  };
}

export function toFailedRow(id: string, scope: ScanScope, failure: ScanFailure, planSha256: string | null): ComplianceScanEntity {
  return {
    id,
    ...scope,
    status: 'failed',
    inputDigest: null,
    planSha256,
    ruleSetVersion: null,
    frameworks: [],
    overallScore: null,
    verdict: null,
    blockOn: null,
    minScore: null,
    gate: null,
    counts: null,
    summary: null,
    audit: null,
    error: { code: failure.code, message: failure.message, ...(failure.path === undefined ? {} : { path: failure.path }) },
    createdAt: new Date(),
  };
}

/** The event's identity fields: a re-published answer carries the requestKey of the command it answers. */
export interface AnswerTo {
  deploymentId: string;
  stack: string;
  environment: string;
  requestKey?: string;
}

const identity = (to: AnswerTo) => ({
  deploymentId: to.deploymentId,
  stack: to.stack,
  environment: to.environment,
  ...(to.requestKey === undefined ? {} : { requestKey: to.requestKey }),
});

/** compliance.scanned.v1 of a stored scan (the same answer for the first command and any repeated one). */
export function toScannedEvent(to: AnswerTo, scan: ComplianceScanEntity, frameworks: readonly FrameworkScoreEntity[]): ComplianceScannedV1 {
  if (scan.status !== 'scanned' || !scan.verdict || !scan.gate || !scan.counts) return toFailedEvent(to, scan.error ?? { code: 'INTERNAL', message: `scan ${scan.id} has no result` });
  return {
    ...identity(to),
    status: 'scanned',
    scanId: scan.id,
    ...(scan.ruleSetVersion ? { ruleSetVersion: scan.ruleSetVersion.slice(0, 128) } : {}),
    gate: {
      verdict: scan.verdict,
      blockOn: (scan.blockOn ?? 'critical') as ComplianceSeverity,
      reasons: scan.gate.reasons.slice(0, 16).map((r) => r.slice(0, 1024)),
      blocking: scan.gate.blocking.slice(0, MAX_LISTED_BLOCKING).map((b) => ({
        ruleId: b.ruleId.slice(0, 64),
        title: b.title.slice(0, 512),
        severity: b.severity as ComplianceSeverity,
        address: b.address.slice(0, 1024),
      })),
    },
    scores: {
      overall: scan.overallScore,
      frameworks: [...frameworks]
        .sort((a, b) => a.framework.localeCompare(b.framework))
        .slice(0, 128)
        .map((f) => ({ framework: f.framework, score: f.score, passed: f.passed, failed: f.failed, unknown: f.unknown, manual: f.manual, notApplicable: f.notApplicable, muted: f.muted })),
    },
    counts: { ...scan.counts },
  };
}

export function toFailedEvent(to: AnswerTo, failure: Pick<ScanFailure, 'message' | 'path'> & { code: string }, scanId?: string): ComplianceScannedV1 {
  return {
    ...identity(to),
    status: 'failed',
    ...(scanId === undefined ? {} : { scanId }),
    error: { code: failure.code, message: failure.message.slice(0, 4096), ...(failure.path === undefined ? {} : { path: failure.path.slice(0, 1024) }) },
  };
}

export function toScanSummaryDto(row: ComplianceScanEntity): ScanSummaryDto {
  return {
    id: row.id,
    deploymentId: row.deploymentId,
    stack: row.stack,
    environment: row.environment,
    requestKey: row.requestKey,
    source: row.source,
    status: row.status,
    ruleSetVersion: row.ruleSetVersion,
    frameworks: row.frameworks,
    overall: row.overallScore,
    gate:
      row.verdict && row.gate
        ? { verdict: row.verdict, blockOn: row.blockOn ?? 'critical', minScore: row.minScore, reasons: row.gate.reasons, blockingCount: row.gate.blockingCount }
        : null,
    counts: row.counts,
    error: row.error as ScanFailure | null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toFrameworkScoreDto(row: FrameworkScoreEntity, withRequirements = false): FrameworkScoreDto {
  return {
    framework: row.framework,
    name: row.name,
    version: row.version,
    score: row.score,
    passed: row.passed,
    failed: row.failed,
    unknown: row.unknown,
    manual: row.manual,
    notApplicable: row.notApplicable,
    muted: row.muted,
    ...(withRequirements ? { requirements: row.requirements } : {}),
  };
}

export function toFindingDto(row: ScanFindingEntity): FindingDto {
  return {
    ruleId: row.ruleId,
    title: row.title,
    category: row.category as Finding['category'],
    severity: row.severity as Severity,
    status: row.status,
    address: row.address,
    resourceType: row.resourceType,
    cloud: row.cloud as Finding['cloud'],
    region: row.region,
    frameworks: row.frameworks,
    message: row.message,
    ...(row.found === null ? {} : { found: row.found }),
    ...(row.expected === null ? {} : { expected: row.expected }),
    ...(row.attribute === null ? {} : { attribute: row.attribute }),
    remediation: row.remediation as unknown as Finding['remediation'],
    references: row.references,
    ...(row.waiver ? { waiver: row.waiver } : {}),
  };
}

export function toScanDetailDto(row: ComplianceScanEntity, frameworks: readonly FrameworkScoreEntity[], findings: readonly ScanFindingEntity[]): ScanDetailDto {
  return {
    ...toScanSummaryDto(row),
    scores: { overall: row.overallScore, frameworks: frameworks.map((f) => toFrameworkScoreDto(f, true)) },
    blocking: row.gate?.blocking ?? [],
    findings: findings.map(toFindingDto),
    summary: row.summary,
    audit: row.audit,
  };
}
