import type { Effort, Severity } from '../model';
import type { Finding, ScanReport } from './report';

export interface RemediationStep {
  readonly order: number;
  readonly ruleId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly effort: Effort;
  readonly resources: readonly string[];
  /** What to change. */
  readonly action: string;
  /** IaC fix template(s). */
  readonly fix: { readonly terraform: string; readonly bicep?: string };
  /** What was found on each resource, so the step can be checked against the plan. */
  readonly found: readonly { readonly address: string; readonly found?: string; readonly expected?: string }[];
  /** How to confirm the fix. */
  readonly validation: string;
  readonly references: readonly string[];
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
const EFFORT_RANK: Record<Effort, number> = { low: 0, medium: 1, high: 2 };

export interface RemediationFilter {
  readonly ruleId?: string;
  readonly address?: string;
  /** Include unknown results (values only known after apply) as steps to verify. Default false. */
  readonly includeUnknown?: boolean;
}

/**
 * Ordered remediation steps for the failing findings of a scan: one step per rule (all its resources together), most
 * severe first, quick wins (low effort) first within a severity, then the rules touching most resources.
 */
export function getRemediationSteps(report: ScanReport, filter: RemediationFilter = {}): RemediationStep[] {
  const wanted = (f: Finding) =>
    (f.status === 'fail' || (filter.includeUnknown === true && f.status === 'unknown')) &&
    (filter.ruleId === undefined || f.ruleId === filter.ruleId) &&
    (filter.address === undefined || f.address === filter.address);
  const byRule = new Map<string, Finding[]>();
  for (const f of report.findings.filter(wanted)) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const groups = [...byRule.values()];
  groups.sort((a, b) => {
    const fa = a[0];
    const fb = b[0];
    return (
      SEVERITY_RANK[fa.severity] - SEVERITY_RANK[fb.severity] ||
      EFFORT_RANK[fa.remediation.effort] - EFFORT_RANK[fb.remediation.effort] ||
      b.length - a.length ||
      fa.ruleId.localeCompare(fb.ruleId)
    );
  });
  const source = report.audit.source.name;
  return groups.map((list, i) => {
    const f = list[0];
    const addresses = list.map((x) => x.address);
    return {
      order: i + 1,
      ruleId: f.ruleId,
      title: f.title,
      severity: f.severity,
      effort: f.remediation.effort,
      resources: addresses,
      action: f.remediation.text,
      fix: { terraform: f.remediation.terraform, ...(f.remediation.bicep ? { bicep: f.remediation.bicep } : {}) },
      found: list.map((x) => ({ address: x.address, ...(x.found ? { found: x.found } : {}), ...(x.expected ? { expected: x.expected } : {}) })),
      validation:
        `Apply the change, re-create the plan and run \`cloudwright compliance scan --plan ${source} --include-passed\`: ` +
        `${f.ruleId} must report pass for ${addresses.length === 1 ? addresses[0] : `all ${addresses.length} resources`}` +
        (f.expected ? ` (${f.expected}).` : '.'),
      references: f.references,
    };
  });
}
