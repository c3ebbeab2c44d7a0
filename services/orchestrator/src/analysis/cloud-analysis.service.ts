import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { ScoringInputError, scoreClouds } from '@cloudwright/cloud-scoring';
import {
  CloudAnalyzedV1,
  ComplianceQuerySubjects,
  CostQuerySubjects,
  ErrorCode,
  isDomainError,
  type CloudAnalyzerAnalyzeV1,
  type CloudEvent,
  type ComplianceCompareCloudsQuery,
  type CostCompareCloudsQuery,
} from '@cloudwright/contracts';
import { QueryClient, type HandlerContext, type Logger } from '@cloudwright/messaging';
import { PlanSourceError, loadPlanSource, type ParsedPlan } from '@cloudwright/terraform-plan';
import { complianceInput, costInput, toAnalyzedEvent, toFailedEvent } from './cloud-analysis.mapper';

export const CLOUD_ANALYSIS_OPTIONS = Symbol('CLOUD_ANALYSIS_OPTIONS');

export interface CloudAnalysisOptions {
  /** How long the analyzer waits for cost-tracker and compliance (default 5000 ms); a late answer leaves its dimension out. */
  queryTimeoutMs?: number;
}

export const DEFAULT_ANALYSIS_QUERY_TIMEOUT_MS = 5000;

type Answer<R> = { ok: true; data: R } | { ok: false; reason: string };

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))} s`;

/**
 * The cloud-analyzer agent's use case: reads the plan, asks cost-tracker (monthly cost per cloud) and compliance
 * (posture per cloud) in parallel with a short timeout, scores the clouds (libs/cloud-scoring) and answers
 * cloud.analyzed.v1. It always answers: an unreadable plan is `failed` + `blocked` with the error and its JSON path;
 * a service that does not answer only leaves its dimension out, with a reason saying so.
 */
@Injectable()
export class CloudAnalysisService {
  private readonly timeoutMs: number;

  constructor(
    private readonly queries: QueryClient,
    @Optional() @Inject(CLOUD_ANALYSIS_OPTIONS) options?: CloudAnalysisOptions,
  ) {
    this.timeoutMs = options?.queryTimeoutMs ?? DEFAULT_ANALYSIS_QUERY_TIMEOUT_MS;
  }

  /** Handles `cloud-analyzer.analyze.v1` in the consumer's transaction: the answer goes out through the outbox with the command's correlation id. */
  async analyzeForDeployment(command: CloudEvent<CloudAnalyzerAnalyzeV1>, ctx: Pick<HandlerContext, 'publish' | 'logger' | 'working'>): Promise<CloudAnalyzedV1> {
    ctx.working();
    const answer = await this.analyze(command.data, ctx.logger);
    await ctx.publish(CloudAnalyzedV1, answer);
    ctx.logger.info(
      { deploymentId: answer.deploymentId, status: answer.status, verdict: answer.verdict, recommendation: answer.recommendation, selectedClouds: answer.selectedClouds },
      'clouds analyzed',
    );
    return answer;
  }

  /** The analysis without publishing (for HTTP or tests). */
  async analyze(command: CloudAnalyzerAnalyzeV1, logger?: Logger): Promise<CloudAnalyzedV1> {
    let plan: ParsedPlan;
    try {
      plan = await loadPlanSource(command.plan);
    } catch (error) {
      if (error instanceof PlanSourceError) {
        logger?.warn({ deploymentId: command.deploymentId, path: error.path, err: error.message }, 'plan cannot be read; answering status failed');
        return toFailedEvent(command, error.message.includes(error.path) ? error.message : `${error.path}: ${error.message}`);
      }
      throw error;
    }
    const planSource = { ...(command.plan.inline ? { inline: command.plan.inline } : {}), ...(command.plan.ref ? { ref: command.plan.ref } : {}) };
    const [cost, compliance] = await Promise.all([
      this.ask('cost-tracker', CostQuerySubjects.CompareClouds, { plan: planSource } satisfies CostCompareCloudsQuery),
      this.ask('compliance', ComplianceQuerySubjects.CompareClouds, { plan: planSource } satisfies ComplianceCompareCloudsQuery),
    ]);
    const costs = cost.ok ? costInput(cost.data) : { values: {}, reasons: [cost.reason] };
    const postures = compliance.ok ? complianceInput(compliance.data) : { values: {}, reasons: [compliance.reason] };
    try {
      const result = scoreClouds({
        resources: plan.resources,
        targetClouds: command.targetClouds,
        ...(command.requirements ? { requirements: command.requirements } : {}),
        costByCloud: costs.values,
        complianceByCloud: postures.values,
      });
      return toAnalyzedEvent(command, result, [...costs.reasons, ...postures.reasons]);
    } catch (error) {
      if (error instanceof ScoringInputError) return toFailedEvent(command, `$.data.${error.message}`);
      // a bug: logged once with an id the answer carries, so the deployment fails visibly instead of looping to the DLQ
      const errorId = randomUUID();
      logger?.error({ deploymentId: command.deploymentId, errorId, err: error instanceof Error ? error.stack : String(error) }, 'cloud analysis failed unexpectedly');
      return toFailedEvent(command, `internal error of the cloud analyzer (error id ${errorId})`);
    }
  }

  private async ask<R>(service: string, subject: string, query: unknown): Promise<Answer<R>> {
    try {
      return { ok: true, data: await this.queries.request<unknown, R>(subject, query, { timeoutMs: this.timeoutMs }) };
    } catch (error) {
      if (isDomainError(error)) {
        if (error.code === ErrorCode.Timeout) return { ok: false, reason: `${service} did not answer within ${seconds(this.timeoutMs)}: its dimension is left out` };
        if (error.code === ErrorCode.NoResponder) return { ok: false, reason: `${service} is not running (nothing answers ${subject}): its dimension is left out` };
        return { ok: false, reason: `${service} could not answer (${error.code}: ${error.message}): its dimension is left out` };
      }
      return { ok: false, reason: `${service} could not answer (${error instanceof Error ? error.message : String(error)}): its dimension is left out` };
    }
  }
}
