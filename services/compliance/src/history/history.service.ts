import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, NAME_HINT, NAME_PATTERN, type FieldError } from '@cloudwright/contracts';
import { SEVERITIES } from '@cloudwright/compliance';
import { DataSource } from 'typeorm';
import { COMPLIANCE_DATA_SOURCE } from '../common/database/data-source';
import { boundedLimit } from '../common/http/query-params';
import { type StoredCounts, type StoredFindingStatus } from '../scans/compliance-scan.entity';
import { toFindingDto, toFrameworkScoreDto, type FindingDto, type FrameworkScoreDto } from '../scans/compliance-scan.mapper';
import { selectFrameworks } from '../scans/plan-scan';
import { ScanHistoryRepository } from './scan-history.repository';

export interface LatestScoresDto {
  stack: string;
  environment: string;
  scanId: string;
  deploymentId: string | null;
  scannedAt: string;
  ruleSetVersion: string | null;
  overall: number | null;
  verdict: 'passed' | 'blocked' | null;
  counts: StoredCounts | null;
  frameworks: FrameworkScoreDto[];
}

export interface TrendPointDto {
  scanId: string;
  scannedAt: string;
  /** The overall score, or the framework's score when a framework is asked for. */
  score: number | null;
  deploymentId?: string | null;
  verdict?: 'passed' | 'blocked' | null;
  counts?: StoredCounts | null;
  passed?: number;
  failed?: number;
}

export interface TrendDto {
  stack: string;
  environment: string;
  framework: string | null;
  /** Oldest first. */
  points: TrendPointDto[];
}

export type LatestFindingDto = FindingDto & { stack: string; environment: string; scanId: string; scannedAt: string };

export interface ScoresFilter {
  stack?: string;
  environment?: string;
  framework?: string;
}

export interface TrendFilter {
  stack?: string;
  environment?: string;
  framework?: string;
  limit?: number;
}

export interface FindingsFilter {
  stack?: string;
  environment?: string;
  severity?: string;
  status?: string;
  ruleId?: string;
  limit?: number;
}

const FINDING_STATUSES: readonly string[] = ['fail', 'unknown', 'manual', 'muted'];

/** Scores, trends and findings over stored scans: what dashboards and the CLI read. */
@Injectable()
export class HistoryService {
  constructor(@Inject(COMPLIANCE_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The latest scan of each stack/environment with its framework scores (one framework when asked). */
  async latestScores(filter: ScoresFilter = {}): Promise<LatestScoresDto[]> {
    const scope = checkScope(filter);
    const framework = frameworkId(filter.framework);
    const history = new ScanHistoryRepository(this.dataSource.manager);
    const scans = await history.latestScans(scope);
    const scores = await history.frameworkScores(scans.map((s) => s.id), framework);
    const out: LatestScoresDto[] = [];
    for (const scan of scans) {
      const frameworks = scores.filter((f) => f.scanId === scan.id).map((f) => toFrameworkScoreDto(f));
      if (framework && frameworks.length === 0) continue;
      out.push({
        stack: scan.stack,
        environment: scan.environment,
        scanId: scan.id,
        deploymentId: scan.deploymentId,
        scannedAt: scan.createdAt.toISOString(),
        ruleSetVersion: scan.ruleSetVersion,
        overall: scan.overallScore,
        verdict: scan.verdict,
        counts: scan.counts,
        frameworks,
      });
    }
    return out;
  }

  /** Score over time of a stack/environment: the overall score, or one framework's. */
  async trends(filter: TrendFilter): Promise<TrendDto> {
    const scope = checkScope(filter);
    if (!scope.stack || !scope.environment) {
      throw new DomainError(ErrorCode.ValidationFailed, 'stack and environment are required for a trend', {
        errors: [...(scope.stack ? [] : [{ path: 'stack', message: 'required' }]), ...(scope.environment ? [] : [{ path: 'environment', message: 'required' }])],
      });
    }
    const { stack, environment } = scope;
    const limit = boundedLimit(filter.limit, 50, 1000);
    const framework = frameworkId(filter.framework);
    const history = new ScanHistoryRepository(this.dataSource.manager);
    if (framework) {
      const rows = await history.frameworkHistory(stack, environment, framework, limit);
      return {
        stack,
        environment,
        framework,
        points: rows.reverse().map((r) => ({ scanId: r.scanId, scannedAt: r.createdAt.toISOString(), score: r.score, passed: r.passed, failed: r.failed })),
      };
    }
    const rows = await history.scoreHistory(stack, environment, limit);
    return {
      stack,
      environment,
      framework: null,
      points: rows.reverse().map((r) => ({ scanId: r.id, scannedAt: r.createdAt.toISOString(), score: r.overallScore, deploymentId: r.deploymentId, verdict: r.verdict, counts: r.counts })),
    };
  }

  /** Findings of the latest scan of each stack/environment, filtered. */
  async findings(filter: FindingsFilter = {}): Promise<LatestFindingDto[]> {
    const scope = checkScope(filter);
    const errors: FieldError[] = [];
    if (filter.severity && !(SEVERITIES as readonly string[]).includes(filter.severity)) errors.push({ path: 'severity', message: `must be one of ${SEVERITIES.join(', ')}` });
    if (filter.status && !FINDING_STATUSES.includes(filter.status)) errors.push({ path: 'status', message: `must be one of ${FINDING_STATUSES.join(', ')} (passed results are counted, not stored)` });
    if (errors.length) throw new DomainError(ErrorCode.ValidationFailed, `invalid findings filter: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, { errors });
    const history = new ScanHistoryRepository(this.dataSource.manager);
    const scans = await history.latestScans(scope);
    const byId = new Map(scans.map((s) => [s.id, s]));
    const rows = await history.findings([...byId.keys()], {
      ...(filter.severity ? { severity: filter.severity } : {}),
      ...(filter.status ? { status: filter.status as StoredFindingStatus } : {}),
      ...(filter.ruleId ? { ruleId: filter.ruleId } : {}),
      limit: boundedLimit(filter.limit, 200, 5000),
    });
    return rows.map((row) => {
      const scan = byId.get(row.scanId);
      return { stack: scan?.stack ?? '', environment: scan?.environment ?? '', scanId: row.scanId, scannedAt: scan?.createdAt.toISOString() ?? '', ...toFindingDto(row) };
    });
  }
}

function checkScope(filter: { stack?: unknown; environment?: unknown }): { stack?: string; environment?: string } {
  const errors: FieldError[] = [];
  for (const key of ['stack', 'environment'] as const) {
    const value = filter[key];
    if (value !== undefined && value !== '' && (typeof value !== 'string' || !NAME_PATTERN.test(value))) errors.push({ path: key, message: `must be ${NAME_HINT}` });
  }
  if (errors.length) throw new DomainError(ErrorCode.ValidationFailed, `invalid scope: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, { errors });
  return {
    ...(typeof filter.stack === 'string' && filter.stack ? { stack: filter.stack } : {}),
    ...(typeof filter.environment === 'string' && filter.environment ? { environment: filter.environment } : {}),
  };
}

/** A framework id or alias → its id; unknown → VALIDATION_FAILED listing the valid ids. */
function frameworkId(name: string | undefined): string | undefined {
  if (name === undefined || name === '') return undefined;
  const selection = selectFrameworks([name]);
  if (!selection.ok) throw new DomainError(selection.failure.code, selection.failure.message, selection.failure.details);
  return selection.frameworks[0]?.id;
}
