import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  ComplianceScannedV1,
  DomainError,
  ErrorCode,
  NAME_HINT,
  NAME_PATTERN,
  UUID_PATTERN,
  type CloudEvent,
  type ComplianceOrchestratorScanV1,
  type FieldError,
} from '@cloudwright/contracts';
import { assessSecurityPosture, getRemediationSteps, type EvidenceItem, type ScanReport, type SecurityPosture, type RemediationStep } from '@cloudwright/compliance';
import { UnitOfWork, type HandlerContext, type Transaction } from '@cloudwright/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { ComplianceAlertsService } from '../alerts/compliance-alerts.service';
import { type AlertSyncResult } from '../alerts/alert-sync';
import { CLOCK, type Clock } from '../common/clock';
import { COMPLIANCE_CONFIG, type ComplianceConfig } from '../common/config/compliance.config';
import { COMPLIANCE_DATA_SOURCE } from '../common/database/data-source';
import { boundedLimit } from '../common/http/query-params';
import { ComplianceMetrics } from '../common/metrics/compliance.metrics';
import { mergeEvidence, toEvidenceItems, type EvidenceItemDto } from '../evidence/evidence.mapper';
import { type EffectivePolicy } from '../policies/policy.mapper';
import { ComplianceScanRepository } from './compliance-scan.repository';
import { type ComplianceScanEntity, type FrameworkScoreEntity, type StoredCounts } from './compliance-scan.entity';
import {
  countsOf,
  decideGate,
  toFailedEvent,
  toFailedRow,
  toScanDetailDto,
  toScannedEvent,
  toScannedRows,
  toScanSummaryDto,
  type FindingDto,
  type GateDecision,
  type ScanDetailDto,
  type ScanScope,
  type ScanSummaryDto,
} from './compliance-scan.mapper';
import { scanPlan, selectFrameworks } from './plan-scan';
import { loadPlanText, planDigest, type PlanText, type ScanFailure } from './plan-source';
import { loadScanContext, type ScanContext } from './scan-context';
import { currentRuleSetVersion, scanInputDigest } from './scan-inputs';

/** An on-demand scan (HTTP `POST /scans`, query `cw.qry.compliance.scan.v1`, CLI). */
export interface ScanRequest {
  /** The plan document (`terraform show -json`): its JSON, or its text. */
  plan: unknown;
  /** With stack and environment: their evidence, waivers and policy apply, and HTTP stores the scan. */
  stack?: string;
  environment?: string;
  frameworks?: string[];
  includePassed?: boolean;
  /** Evidence for this scan, over the evidence stored for the stack/environment. */
  evidence?: EvidenceItemDto[];
}

export interface ScanResultDto {
  scanId: string;
  /** True when the scan was stored (HTTP with stack and environment). */
  stored: boolean;
  stack: string | null;
  environment: string | null;
  policy: EffectivePolicy;
  gate: { verdict: 'passed' | 'blocked'; blockOn: string; minScore: number | null; reasons: string[]; blocking: FindingDto[] };
  counts: StoredCounts;
  /** Alerts raised or resolved by this scan (stored scans). */
  alerts?: AlertSyncResult;
  posture: SecurityPosture;
  remediation: RemediationStep[];
  report: ScanReport;
}

type Evaluation = { ok: true; report: ScanReport; gate: GateDecision } | { ok: false; failure: ScanFailure };

const SCANNED_BY = 'cloudwright/compliance';

/**
 * The compliance-orchestrator agent: scans plans with @cloudwright/compliance under the stack/environment's evidence,
 * waivers and gate policy, stores scans with their findings and framework scores, raises score-drop and
 * critical-finding alerts, and answers the saga's `compliance-orchestrator.scan.v1` with `compliance.scanned.v1`
 * (through the outbox, in the transaction that stores the scan).
 */
@Injectable()
export class ComplianceScansService {
  constructor(
    @Inject(COMPLIANCE_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(COMPLIANCE_CONFIG) private readonly config: ComplianceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
    private readonly alerts: ComplianceAlertsService,
    private readonly metrics: ComplianceMetrics,
  ) {}

  /**
   * Handles the saga's command in the consumer's transaction and always publishes an answer: `scanned` with the gate,
   * or `failed` with the reason (bad plan: VALIDATION_FAILED and the JSON path; unreadable reference: NOT_FOUND;
   * unknown framework: VALIDATION_FAILED listing the valid names). A repeated command for a deployment whose inputs
   * are unchanged (same plan, frameworks, evidence, waivers in force, policy, rule set) gets the stored answer again;
   * changed inputs (e.g. a waiver added before the operator retries) make a new scan of the deployment.
   */
  async scanForDeployment(command: CloudEvent<ComplianceOrchestratorScanV1>, ctx: Pick<HandlerContext, 'tx' | 'logger' | 'publish'>): Promise<ComplianceScannedV1> {
    const data = command.data;
    const timer = this.metrics.scanSeconds.startTimer({ source: 'command' });
    const scans = new ComplianceScanRepository(ctx.tx.manager);
    await scans.lockScope(data.stack, data.environment);
    const now = this.clock.now();
    const context = await loadScanContext(ctx.tx.manager, data, this.config.blockOn);
    const evidence = mergeEvidence(context.evidence, data.evidence);
    const frameworks = data.frameworks?.length ? data.frameworks : context.policy.frameworks;
    const planSha256 = planDigest(data.plan);
    const inputDigest = scanInputDigest({ planSha256, frameworks, evidence, waivers: context.waivers, policy: context.policy, ruleSetVersion: currentRuleSetVersion(), now });
    const scope: ScanScope = {
      deploymentId: data.deploymentId,
      stack: data.stack,
      environment: data.environment,
      requestKey: data.requestKey ?? null,
      source: 'command',
      correlationId: command.correlationid,
    };

    let answer: ComplianceScannedV1;
    const existing = await scans.findScannedForDeployment(data.deploymentId, inputDigest);
    if (existing) {
      answer = toScannedEvent(data, existing, await scans.findFrameworkScores(existing.id));
      this.metrics.scans.inc({ source: 'command', status: 'republished', verdict: existing.verdict ?? '' });
      ctx.logger.info({ deploymentId: data.deploymentId, scanId: existing.id }, 'deployment already scanned with the same inputs; answering with the stored scan');
    } else {
      const outcome = await this.evaluate({ plan: () => loadPlanText(data.plan), frameworks, evidence, context, scope, now, includePassed: false });
      if (outcome.ok) {
        const stored = await this.store(ctx.tx, scans, scope, outcome, { inputDigest, planSha256 }, now);
        answer = toScannedEvent(data, stored.scan, stored.frameworks);
        this.metrics.scans.inc({ source: 'command', status: 'scanned', verdict: outcome.gate.verdict });
      } else {
        const id = randomUUID();
        await scans.save(toFailedRow(id, scope, outcome.failure, planSha256));
        answer = toFailedEvent(data, outcome.failure, id);
        this.metrics.scans.inc({ source: 'command', status: 'failed', verdict: '' });
        ctx.logger.warn({ deploymentId: data.deploymentId, failure: outcome.failure }, 'plan could not be scanned; answering status failed');
      }
    }
    await ctx.publish(ComplianceScannedV1, answer);
    timer();
    ctx.logger.info({ deploymentId: data.deploymentId, status: answer.status, verdict: answer.gate?.verdict, overall: answer.scores?.overall, scanId: answer.scanId }, 'compliance scanned');
    return answer;
  }

  /**
   * Scans a plan on demand. With stack and environment, their evidence, waivers and policy apply, and `store` keeps the
   * scan (history, trends, alerts) — HTTP stores, the query does not. Input problems are VALIDATION_FAILED errors
   * naming the JSON path or the field.
   */
  async scan(input: unknown, options: { store: boolean }): Promise<ScanResultDto> {
    const request = toScanRequest(input);
    const source = options.store ? 'http' : 'query';
    const timer = this.metrics.scanSeconds.startTimer({ source });
    const text = typeof request.plan === 'string' ? request.plan : JSON.stringify(request.plan);
    const scoped = request.stack !== undefined && request.environment !== undefined;
    const run = async (tx: Transaction | undefined): Promise<ScanResultDto> => {
      const manager: EntityManager = tx?.manager ?? this.dataSource.manager;
      const scans = new ComplianceScanRepository(manager);
      if (tx && scoped) await scans.lockScope(request.stack as string, request.environment as string);
      const now = this.clock.now();
      const context = await loadScanContext(manager, request, this.config.blockOn);
      const evidence = mergeEvidence(context.evidence, request.evidence);
      const frameworks = request.frameworks?.length ? request.frameworks : context.policy.frameworks;
      const scope: ScanScope = { deploymentId: null, stack: request.stack ?? '', environment: request.environment ?? '', requestKey: null, source: 'http', correlationId: null };
      const outcome = await this.evaluate({ plan: () => ({ ok: true, text, name: 'plan.json' }), frameworks, evidence, context, scope, now, includePassed: request.includePassed ?? false });
      if (!outcome.ok) {
        this.metrics.scans.inc({ source, status: 'failed', verdict: '' });
        const { code, message, path, details } = outcome.failure;
        throw new DomainError(code, message, { ...(path === undefined ? {} : { path }), ...details });
      }
      let alerts: AlertSyncResult | undefined;
      if (tx && scoped) alerts = (await this.store(tx, scans, scope, outcome, { inputDigest: null, planSha256: null }, now)).alerts;
      this.metrics.scans.inc({ source, status: 'scanned', verdict: outcome.gate.verdict });
      return toScanResult(outcome.report, outcome.gate, context.policy, request, alerts);
    };
    try {
      return options.store && scoped ? await this.unitOfWork.run(run) : await run(undefined);
    } finally {
      timer();
    }
  }

  async get(id: string): Promise<ScanDetailDto> {
    const scans = new ComplianceScanRepository(this.dataSource.manager);
    const row = UUID_PATTERN.test(id) ? await scans.findById(id) : null;
    if (!row) throw new DomainError(ErrorCode.NotFound, `scan ${id} not found`);
    return toScanDetailDto(row, await scans.findFrameworkScores(id), await scans.findFindings(id));
  }

  /** The latest scan of a deployment, with its findings. */
  async getByDeployment(deploymentId: string): Promise<ScanDetailDto> {
    const scans = new ComplianceScanRepository(this.dataSource.manager);
    const row = await scans.findLatestForDeployment(deploymentId);
    if (!row) throw new DomainError(ErrorCode.NotFound, `no scan for deployment ${deploymentId}`);
    return toScanDetailDto(row, await scans.findFrameworkScores(row.id), await scans.findFindings(row.id));
  }

  async list(filter: { stack?: string; environment?: string; limit?: number }): Promise<ScanSummaryDto[]> {
    const rows = await new ComplianceScanRepository(this.dataSource.manager).findRecent({ stack: filter.stack, environment: filter.environment, limit: boundedLimit(filter.limit, 50, 500) });
    return rows.map(toScanSummaryDto);
  }

  /** Frameworks → plan → rule engine → gate, without storing anything. */
  private async evaluate(input: {
    plan: () => Promise<PlanText> | PlanText;
    frameworks: readonly string[];
    evidence: Record<string, EvidenceItem>;
    context: ScanContext;
    scope: ScanScope;
    now: Date;
    includePassed: boolean;
  }): Promise<Evaluation> {
    const selection = selectFrameworks(input.frameworks.length ? input.frameworks : undefined);
    if (!selection.ok) return selection;
    const loaded = await input.plan();
    if (!loaded.ok) return loaded;
    const outcome = scanPlan(loaded.text, loaded.name, {
      ...(input.frameworks.length ? { frameworks: selection.frameworks.map((f) => f.id) } : {}),
      stack: {
        ...(input.scope.stack ? { stack: input.scope.stack } : {}),
        ...(input.scope.environment ? { environment: input.scope.environment } : {}),
        evidence: input.evidence,
      },
      waivers: input.context.waivers,
      ...(input.context.waivers.length ? { waiverSource: input.scope.stack ? `waivers of ${input.scope.stack}/${input.scope.environment}` : 'waivers' } : {}),
      includePassed: input.includePassed,
      now: () => input.now,
      scannedBy: input.scope.deploymentId ? `${SCANNED_BY} (deployment ${input.scope.deploymentId})` : SCANNED_BY,
      scanId: randomUUID(),
    });
    if (!outcome.ok) return outcome;
    return { ok: true, report: outcome.report, gate: decideGate(outcome.report, input.context.policy) };
  }

  /** Stores a completed scan and syncs the stack/environment's alerts against its previous scan (caller's transaction, scope locked). */
  private async store(
    tx: Transaction,
    scans: ComplianceScanRepository,
    scope: ScanScope,
    evaluation: { report: ScanReport; gate: GateDecision },
    digests: { inputDigest: string | null; planSha256: string | null },
    now: Date,
  ): Promise<{ scan: ComplianceScanEntity; frameworks: FrameworkScoreEntity[]; alerts: AlertSyncResult }> {
    const previous = await scans.findLatestScanned(scope.stack, scope.environment);
    const rows = toScannedRows(scope, evaluation.report, evaluation.gate, digests);
    await scans.save(rows.scan, rows.frameworks, rows.findings);
    const previousFacts = previous ? { scanId: previous.id, overall: previous.overallScore, failing: await scans.findFailing(previous.id) } : null;
    const failing = rows.findings.filter((f) => f.status === 'fail').map((f) => ({ ruleId: f.ruleId, address: f.address, severity: f.severity, title: f.title }));
    const alerts = await this.alerts.afterScan(tx, scope, { scanId: rows.scan.id, overall: rows.scan.overallScore, failing }, previousFacts, now);
    for (const key of alerts.raised) this.metrics.alerts.inc({ kind: key.split(':')[0], action: 'raised' });
    for (const key of alerts.resolved) this.metrics.alerts.inc({ kind: key.split(':')[0], action: 'resolved' });
    return { scan: rows.scan, frameworks: rows.frameworks, alerts };
  }
}

/** Validates an on-demand scan request, listing every field error. */
function toScanRequest(input: unknown): ScanRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'the request must be a JSON object with a plan');
  }
  const r = input as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(r)) if (!['plan', 'stack', 'environment', 'frameworks', 'includePassed', 'evidence'].includes(key)) errors.push({ path: key, message: 'unknown property' });
  if (r.plan === undefined || r.plan === null || (typeof r.plan !== 'object' && typeof r.plan !== 'string')) {
    errors.push({ path: 'plan', message: 'required: the `terraform show -json` document' });
  }
  for (const key of ['stack', 'environment'] as const) {
    if (r[key] !== undefined && (typeof r[key] !== 'string' || !NAME_PATTERN.test(r[key]))) errors.push({ path: key, message: `must be ${NAME_HINT}` });
  }
  if ((r.stack === undefined) !== (r.environment === undefined)) errors.push({ path: r.stack === undefined ? 'stack' : 'environment', message: 'stack and environment go together' });
  if (r.frameworks !== undefined && (!Array.isArray(r.frameworks) || !r.frameworks.every((f) => typeof f === 'string'))) errors.push({ path: 'frameworks', message: 'must be a list of framework ids' });
  if (r.includePassed !== undefined && typeof r.includePassed !== 'boolean') errors.push({ path: 'includePassed', message: 'must be true or false' });
  let evidence: EvidenceItemDto[] | undefined;
  if (r.evidence !== undefined) {
    try {
      evidence = toEvidenceItems({ items: r.evidence });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const nested = (error.details?.errors as FieldError[] | undefined) ?? [{ path: 'items', message: error.message }];
      errors.push(...nested.map((e) => ({ path: e.path.replace(/^items/, 'evidence'), message: e.message })));
    }
  }
  if (errors.length) throw new DomainError(ErrorCode.ValidationFailed, `invalid scan request: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, { errors });
  return {
    plan: r.plan,
    ...(typeof r.stack === 'string' ? { stack: r.stack } : {}),
    ...(typeof r.environment === 'string' ? { environment: r.environment } : {}),
    ...(Array.isArray(r.frameworks) ? { frameworks: r.frameworks as string[] } : {}),
    ...(typeof r.includePassed === 'boolean' ? { includePassed: r.includePassed } : {}),
    ...(evidence ? { evidence } : {}),
  };
}

function toScanResult(report: ScanReport, gate: GateDecision, policy: EffectivePolicy, request: ScanRequest, alerts: AlertSyncResult | undefined): ScanResultDto {
  return {
    scanId: report.audit.scanId,
    stored: alerts !== undefined,
    stack: request.stack ?? null,
    environment: request.environment ?? null,
    policy,
    gate: { verdict: gate.verdict, blockOn: gate.blockOn, minScore: gate.minScore, reasons: gate.reasons, blocking: gate.blocking },
    counts: countsOf(report),
    ...(alerts ? { alerts } : {}),
    posture: assessSecurityPosture(report),
    remediation: getRemediationSteps(report),
    report,
  };
}
