import { type AlertSeverity } from '@cloudwright/contracts';

export const SCORE_DROP_KIND = 'compliance-score-drop';
export const CRITICAL_FINDING_KIND = 'compliance-critical-finding';

/** Stable dedup keys: one per kind and stack/environment. */
export const scoreDropKey = (stack: string, environment: string): string => `${SCORE_DROP_KIND}:${stack}:${environment}`;
export const criticalFindingKey = (stack: string, environment: string): string => `${CRITICAL_FINDING_KIND}:${stack}:${environment}`;

/** An alert condition that holds now. */
export interface AlertDraft {
  dedupKey: string;
  kind: string;
  severity: AlertSeverity;
  title: string;
  description: string;
  stack: string;
  environment: string;
  labels: Record<string, string>;
}

/** A failing, unwaived finding of a scan. */
export interface FailingFinding {
  ruleId: string;
  address: string;
  severity: string;
  title: string;
}

/** What the alerts need to know about a stored scan. */
export interface ScanFacts {
  scanId: string;
  overall: number | null;
  /** Findings with status `fail` (waived ones are `muted`, so not here). */
  failing: readonly FailingFinding[];
}

export interface AlertDecisionInput {
  stack: string;
  environment: string;
  current: ScanFacts;
  /** The stack/environment's scan stored before this one; null for its first scan. */
  previous: ScanFacts | null;
  /** The alerts of this stack/environment still raised (their labels, as raised). */
  open: { scoreDrop?: Record<string, string>; criticalFinding?: Record<string, string> };
  /** CW_COMPLIANCE_SCORE_DROP. */
  scoreDropPoints: number;
}

export interface AlertDecision {
  /** Conditions that hold after this scan: raised if not already raised, kept open otherwise. */
  desired: AlertDraft[];
  /** Why an open alert that is no longer desired is resolved, by dedup key. */
  resolutions: Record<string, string>;
}

const findingKey = (f: Pick<FailingFinding, 'ruleId' | 'address'>) => `${f.ruleId}\u0000${f.address}`;
const fmt = (score: number | null) => (score === null ? 'n/a' : String(score));
/** Score arithmetic on one-decimal scores, without binary drift (80.1 - 75.1 is 5, not 4.999…). */
const points = (n: number) => Math.round(n * 10) / 10;

/**
 * The compliance alerts after a stored scan of a stack/environment, compared with its previous scan:
 * - `compliance-score-drop:<stack>:<env>` (warning): the overall score fell by at least `scoreDropPoints` since the
 *   previous scan. It stays open until a scan is back at or above the score before the drop (label `baseline`).
 * - `compliance-critical-finding:<stack>:<env>` (critical): an unwaived critical finding fails that did not fail in
 *   the previous scan (same rule and address). It stays open until a scan has no unwaived critical failure.
 * An open alert is kept (never raised twice); scans without an overall score leave the score-drop alert as it is.
 */
export function decideComplianceAlerts(input: AlertDecisionInput): AlertDecision {
  const { stack, environment, current, previous, open } = input;
  const desired: AlertDraft[] = [];
  const resolutions: Record<string, string> = {};
  const scope = `${stack}/${environment}`;

  const dropKey = scoreDropKey(stack, environment);
  if (open.scoreDrop) {
    const baseline = Number(open.scoreDrop.baseline);
    const recovered = current.overall !== null && Number.isFinite(baseline) && current.overall >= baseline;
    if (recovered) {
      resolutions[dropKey] = `${scope}: the overall compliance score is ${fmt(current.overall)} in scan ${current.scanId}, back at or above ${baseline} before the drop.`;
    } else {
      desired.push({ dedupKey: dropKey, kind: SCORE_DROP_KIND, severity: 'warning', title: `${scope}: compliance score dropped`, description: 'still below the score before the drop', stack, environment, labels: open.scoreDrop });
    }
  } else if (previous?.overall != null && current.overall !== null) {
    const drop = points(previous.overall - current.overall);
    if (drop >= input.scoreDropPoints) {
      desired.push({
        dedupKey: dropKey,
        kind: SCORE_DROP_KIND,
        severity: 'warning',
        title: `${scope}: compliance score dropped ${drop} points to ${current.overall}`,
        description:
          `The overall compliance score of ${scope} fell from ${previous.overall} (scan ${previous.scanId}) to ${current.overall} ` +
          `(scan ${current.scanId}), at least ${input.scoreDropPoints} points. Resolved when a scan is back at ${previous.overall} or above.`,
        stack,
        environment,
        labels: { scanId: current.scanId, previousScanId: previous.scanId, score: String(current.overall), baseline: String(previous.overall), drop: String(drop) },
      });
    }
  }

  const criticalKey = criticalFindingKey(stack, environment);
  const critical = current.failing.filter((f) => f.severity === 'critical');
  if (open.criticalFinding) {
    if (critical.length > 0) {
      desired.push({ dedupKey: criticalKey, kind: CRITICAL_FINDING_KIND, severity: 'critical', title: `${scope}: critical compliance findings`, description: 'still failing', stack, environment, labels: open.criticalFinding });
    } else {
      resolutions[criticalKey] = `${scope}: scan ${current.scanId} has no unwaived critical finding.`;
    }
  } else {
    const before = new Set((previous?.failing ?? []).map(findingKey));
    const fresh = critical.filter((f) => !before.has(findingKey(f)));
    if (fresh.length > 0) {
      const listed = fresh.slice(0, 10).map((f) => `${f.ruleId} on ${f.address} (${f.title})`);
      desired.push({
        dedupKey: criticalKey,
        kind: CRITICAL_FINDING_KIND,
        severity: 'critical',
        title: `${scope}: ${fresh.length} new critical compliance finding${fresh.length === 1 ? '' : 's'}`,
        description:
          `Scan ${current.scanId} of ${scope} has unwaived critical findings that did not fail before: ${listed.join('; ')}` +
          `${fresh.length > listed.length ? `; and ${fresh.length - listed.length} more` : ''}. Resolved when a scan has no unwaived critical finding.`,
        stack,
        environment,
        labels: {
          scanId: current.scanId,
          ...(previous ? { previousScanId: previous.scanId } : {}),
          newCritical: String(fresh.length),
          rules: [...new Set(fresh.map((f) => f.ruleId))].slice(0, 20).join(','),
        },
      });
    }
  }
  return { desired, resolutions };
}
