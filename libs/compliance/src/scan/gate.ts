import { SEVERITIES, type Severity } from '../model';
import type { Finding, ScanReport } from './report';

export interface GatePolicy {
  /** Findings at or above this severity that fail and are not waived block. Default `critical`. */
  readonly blockOn?: Severity;
  /** Optional minimum overall score (0–100); below it blocks. */
  readonly minScore?: number;
}

export interface GateVerdict {
  readonly verdict: 'passed' | 'blocked';
  readonly reasons: readonly string[];
  /** The failing findings at or above the threshold. */
  readonly blocking: readonly Finding[];
}

/** True when `severity` is at or above `threshold` (critical > high > medium > low > info). */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

/** The compliance gate: blocked when a failing, unwaived finding at or above `blockOn` remains, or the score is too low. */
export function gateVerdict(report: ScanReport, policy: GatePolicy = {}): GateVerdict {
  const blockOn = policy.blockOn ?? 'critical';
  const blocking = report.findings.filter((f) => f.status === 'fail' && atOrAbove(f.severity, blockOn));
  const reasons: string[] = [];
  if (blocking.length > 0) {
    const rules = [...new Set(blocking.map((f) => f.ruleId))];
    reasons.push(`${blocking.length} unwaived ${blockOn}${blockOn === 'critical' ? '' : '+'} finding(s) (${rules.slice(0, 5).join(', ')}${rules.length > 5 ? ', …' : ''})`);
  }
  const overall = report.scores.overall;
  if (policy.minScore !== undefined && overall !== null && overall < policy.minScore) {
    reasons.push(`overall score ${overall} is below the minimum ${policy.minScore}`);
  }
  return { verdict: reasons.length > 0 ? 'blocked' : 'passed', reasons, blocking };
}
