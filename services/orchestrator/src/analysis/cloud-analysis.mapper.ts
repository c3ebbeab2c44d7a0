import { capReasons, type ScoreResult } from '@cloudwright/cloud-scoring';
import {
  type CloudAnalyzedV1,
  type CloudAnalyzerAnalyzeV1,
  type ComplianceCompareCloudsReply,
  type CostCompareCloudsReply,
} from '@cloudwright/contracts';
import { type Cloud } from '@cloudwright/terraform-plan';

const CLOUDS: readonly Cloud[] = ['aws', 'azure', 'gcp'];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCloud = (v: unknown): v is Cloud => CLOUDS.includes(v as Cloud);

/** A scoring input read from another service's answer, with what the caller should be told about it. */
export interface AnalysisInput<T> {
  readonly values: Partial<Record<Cloud, T>>;
  readonly reasons: string[];
}

/**
 * Monthly costs from cost-tracker's CompareClouds reply: the comparable cost (the resources priced on every cloud).
 * Only completely priced clouds are compared (a partial total would make a cloud look cheaper than it is); the others
 * are named with the number of items left unpriced. Resources priced on their own cloud only are named too.
 */
export function costInput(reply: unknown): AnalysisInput<string> {
  if (!isRecord(reply) || !Array.isArray(reply.clouds)) return { values: {}, reasons: ['cost-tracker answered without a clouds list: cost left out'] };
  const body = reply as unknown as CostCompareCloudsReply;
  if (body.comparedResources === 0) {
    return { values: {}, reasons: ['cost left out: no resource of the plan has an equivalent on the other clouds, so there is nothing to compare'] };
  }
  const values: Partial<Record<Cloud, string>> = {};
  const reasons: string[] = [];
  const unmapped: unknown[] = Array.isArray(body.unmapped) ? body.unmapped : [];
  if (unmapped.length > 0) {
    reasons.push(`cost compares the ${body.comparedResources} resource(s) with an equivalent on every cloud; ${unmapped.length} other(s) are priced on their own cloud only (${unmapped.slice(0, 5).map(String).join(', ')}${unmapped.length > 5 ? ', …' : ''})`);
  }
  for (const column of body.clouds as unknown[]) {
    const cost = isRecord(column) ? column.comparableMonthlyCost : undefined;
    if (!isRecord(column) || !isCloud(column.cloud) || typeof cost !== 'string' || !/^\d+(\.\d+)?$/.test(cost)) {
      reasons.push(`cost-tracker answered an unreadable cost column (${JSON.stringify(column).slice(0, 120)}): left out`);
      continue;
    }
    if (column.complete !== true) {
      const unpriced = Array.isArray(column.unpriced) ? column.unpriced.length : 0;
      reasons.push(`cost of ${column.cloud} left out: ${unpriced} item(s) could not be priced, so its total (${cost} ${String(body.currency)}) is partial`);
      continue;
    }
    values[column.cloud] = cost;
  }
  return { values, reasons };
}

/** Compliance posture per cloud from compliance's CompareClouds reply; a cloud no rule judged is named and left out. */
export function complianceInput(reply: unknown): AnalysisInput<number> {
  if (!isRecord(reply) || !Array.isArray(reply.clouds)) return { values: {}, reasons: ['compliance answered without a clouds list: compliance left out'] };
  const body = reply as unknown as ComplianceCompareCloudsReply;
  const values: Partial<Record<Cloud, number>> = {};
  const reasons: string[] = [];
  for (const posture of body.clouds as unknown[]) {
    if (!isRecord(posture) || !isCloud(posture.cloud)) {
      reasons.push(`compliance answered an unreadable posture (${JSON.stringify(posture).slice(0, 120)}): left out`);
      continue;
    }
    if (typeof posture.score !== 'number' || !Number.isFinite(posture.score) || posture.score < 0 || posture.score > 100) {
      reasons.push(`compliance of ${posture.cloud} left out: no rule judged its resources`);
      continue;
    }
    values[posture.cloud] = posture.score;
  }
  return { values, reasons };
}

/** cloud.analyzed.v1 from a scoring; `inputReasons` (missing or partial answers) follow the verdict's own lines. */
export function toAnalyzedEvent(command: CloudAnalyzerAnalyzeV1, result: ScoreResult, inputReasons: readonly string[]): CloudAnalyzedV1 {
  const head = 1 + result.blockers.length;
  return {
    deploymentId: command.deploymentId,
    stack: command.stack,
    environment: command.environment,
    status: 'analyzed',
    verdict: result.verdict,
    reasons: capReasons([...result.reasons.slice(0, head), ...inputReasons, ...result.reasons.slice(head)]),
    scores: result.scores.map((s) => ({ cloud: s.cloud, score: s.score, dimensions: { ...s.dimensions }, reasons: [...s.reasons] })),
    recommendation: result.recommendation,
    selectedClouds: [...result.selectedClouds],
  };
}

/** The answer when the analysis cannot run (unreadable plan): failed and blocked, with the error and where it is. */
export function toFailedEvent(command: CloudAnalyzerAnalyzeV1, error: string): CloudAnalyzedV1 {
  const text = error.length > 4096 ? `${error.slice(0, 4095)}…` : error;
  return {
    deploymentId: command.deploymentId,
    stack: command.stack,
    environment: command.environment,
    status: 'failed',
    verdict: 'blocked',
    reasons: capReasons([`the analysis failed: ${text}`]),
    scores: [],
    recommendation: null,
    selectedClouds: [],
    error: text,
  };
}
