import { SEVERITY_WEIGHT, type Category, type Severity } from '../model';
import type { Finding, ScanReport } from './report';

/** Categories that describe security (the others — cost, performance, tagging, best practice — do not enter the security score). */
export const SECURITY_CATEGORIES: readonly Category[] = [
  'encryption-at-rest',
  'encryption-in-transit',
  'public-access',
  'network-exposure',
  'identity-access',
  'key-management',
  'backup-recovery',
  'logging-monitoring',
  'kubernetes-security',
];

/**
 * Likelihood (1–5) that a weakness of a category is exploited: reachable from the internet is the most likely,
 * missing logs the least (they worsen an incident rather than cause one).
 */
const LIKELIHOOD: Readonly<Record<Category, number>> = {
  'public-access': 5,
  'network-exposure': 5,
  'identity-access': 4,
  'kubernetes-security': 4,
  'encryption-in-transit': 3,
  'key-management': 2,
  'encryption-at-rest': 2,
  'backup-recovery': 2,
  'logging-monitoring': 2,
  'best-practice': 2,
  tagging: 1,
  cost: 1,
  performance: 1,
  reliability: 2,
};

const IMPACT: Readonly<Record<Severity, number>> = { critical: 5, high: 4, medium: 3, low: 2, info: 1 };

export interface Risk {
  readonly ruleId: string;
  readonly title: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly likelihood: number;
  readonly impact: number;
  /** likelihood × impact, 1–25 */
  readonly risk: number;
  readonly level: 'critical' | 'high' | 'medium' | 'low';
  readonly resources: readonly string[];
  readonly remediation: string;
}

export interface SecurityPosture {
  /** Severity-weighted pass rate of the security categories, 0–100 (null when nothing was evaluated). */
  readonly securityScore: number | null;
  readonly grade: 'A' | 'B' | 'C' | 'D' | 'F' | null;
  readonly failedBySeverity: Readonly<Record<Severity, number>>;
  /** One risk per failing rule, highest first. */
  readonly risks: readonly Risk[];
  readonly unknown: number;
  readonly manual: number;
  readonly muted: number;
}

function level(risk: number): Risk['level'] {
  if (risk >= 20) return 'critical';
  if (risk >= 12) return 'high';
  if (risk >= 6) return 'medium';
  return 'low';
}

function grade(score: number | null): SecurityPosture['grade'] {
  if (score === null) return null;
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}

/**
 * Security posture from a scan that included passed results (`includePassed`): without them the score cannot be
 * computed and is null.
 */
export function assessSecurityPosture(report: ScanReport): SecurityPosture {
  const security = report.findings.filter((f) => SECURITY_CATEGORIES.includes(f.category));
  let passed = 0;
  let total = 0;
  for (const f of security) {
    if (f.status !== 'pass' && f.status !== 'fail') continue;
    total += SEVERITY_WEIGHT[f.severity];
    if (f.status === 'pass') passed += SEVERITY_WEIGHT[f.severity];
  }
  const securityScore = total === 0 ? null : Math.round((1000 * passed) / total) / 10;
  const byRule = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (f.status !== 'fail') continue;
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const risks: Risk[] = [...byRule.values()].map((list) => {
    const f = list[0];
    const likelihood = LIKELIHOOD[f.category];
    const impact = IMPACT[f.severity];
    return {
      ruleId: f.ruleId,
      title: f.title,
      category: f.category,
      severity: f.severity,
      likelihood,
      impact,
      risk: likelihood * impact,
      level: level(likelihood * impact),
      resources: list.map((x) => x.address),
      remediation: f.remediation.text,
    };
  });
  risks.sort((a, b) => b.risk - a.risk || b.impact - a.impact || b.resources.length - a.resources.length || a.ruleId.localeCompare(b.ruleId));
  return {
    securityScore,
    grade: grade(securityScore),
    failedBySeverity: report.summary.failedBySeverity,
    risks,
    unknown: report.summary.byStatus.unknown,
    manual: report.summary.byStatus.manual,
    muted: report.summary.byStatus.muted,
  };
}
