import type { Cloud } from '@cloudwright/terraform-plan';
import type { Category, FindingStatus, Remediation, Severity } from '../model';

/** The framework requirements a finding maps to. */
export interface FrameworkRef {
  readonly framework: string;
  readonly requirements: readonly string[];
}

export interface AppliedWaiver {
  readonly id: string;
  readonly reason: string;
  readonly owner: string;
  /** ISO date (YYYY-MM-DD) the waiver stops applying, inclusive of that day. */
  readonly expires: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly title: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly status: FindingStatus;
  /** Resource address; `(plan)` for plan rules, `(stack)` for evidence rules. */
  readonly address: string;
  /** Terraform type; null for plan and evidence rules. */
  readonly resourceType: string | null;
  readonly cloud: Cloud | null;
  readonly region: string | null;
  readonly frameworks: readonly FrameworkRef[];
  /** One sentence: the rule title and what was found. */
  readonly message: string;
  readonly found?: string;
  readonly expected?: string;
  readonly attribute?: string;
  readonly remediation: Remediation;
  readonly references: readonly string[];
  /** The waiver in force (muted findings). */
  readonly waiver?: AppliedWaiver;
}

export type RequirementStatus = 'pass' | 'fail' | 'unknown' | 'manual' | 'not-applicable' | 'muted';

export interface RequirementResult {
  readonly id: string;
  readonly title: string;
  readonly status: RequirementStatus;
  /** Rules that evaluated this requirement in this scan. */
  readonly rules: readonly string[];
  /** Severity weight the requirement carries in the score (0 when not evaluated). */
  readonly weight: number;
  /** Failing (not muted) findings under this requirement. */
  readonly failedFindings: number;
}

export interface FrameworkScore {
  readonly framework: string;
  readonly name: string;
  readonly version: string;
  /** 0–100, one decimal; null when no requirement was evaluated (all manual / not applicable / unknown). */
  readonly score: number | null;
  readonly passed: number;
  readonly failed: number;
  readonly unknown: number;
  readonly manual: number;
  readonly notApplicable: number;
  readonly muted: number;
  readonly requirements: readonly RequirementResult[];
}

export interface NotApplicableResource {
  readonly address: string;
  readonly type: string;
  readonly reason: string;
}

export interface ScanSource {
  readonly kind: 'terraform-plan' | 'inventory' | 'resources';
  /** File name or reference of what was scanned. */
  readonly name: string;
  readonly sha256?: string;
  readonly terraformVersion?: string | null;
  readonly formatVersion?: string;
}

export interface AuditTrail {
  readonly scanId: string;
  readonly scannedAt: string;
  readonly scannedBy: string;
  readonly ruleSetVersion: string;
  readonly rulesEvaluated: number;
  readonly frameworks: readonly string[];
  readonly source: ScanSource;
  readonly stack?: string;
  readonly environment?: string;
  readonly waivers: { readonly source?: string; readonly applied: number; readonly expired: readonly AppliedWaiver[] };
  readonly durationMs: number;
}

export interface ScanSummary {
  readonly resources: number;
  /** Resources at least one type-specific rule evaluated. */
  readonly evaluatedResources: number;
  /** Resources of types no specific rule covers: listed, judged not-applicable. */
  readonly notApplicable: readonly NotApplicableResource[];
  readonly deletedResources: number;
  readonly dataSources: number;
  readonly byStatus: Readonly<Record<FindingStatus, number>>;
  /** Failing (not muted) findings per severity. */
  readonly failedBySeverity: Readonly<Record<Severity, number>>;
}

export interface ScanReport {
  readonly schemaVersion: 1;
  readonly scores: { readonly overall: number | null; readonly frameworks: readonly FrameworkScore[] };
  /** Sorted by status (fail, unknown, manual, muted, pass, not-applicable), then severity, then address. Passed findings only when asked. */
  readonly findings: readonly Finding[];
  readonly summary: ScanSummary;
  readonly audit: AuditTrail;
}
