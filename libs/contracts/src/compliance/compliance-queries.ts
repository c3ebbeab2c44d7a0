/**
 * Request/reply query subjects of the compliance service (core NATS, never the durable streams), for the CLI and
 * dashboards. Bodies are JSON; replies are `{ ok: true, data }` or `{ ok: false, error }`.
 */
export const ComplianceQuerySubjects = {
  /** `{ plan, frameworks?, stack?, environment?, evidence?, includePassed? }` → a scan report (nothing stored). */
  Scan: 'cw.qry.compliance.scan.v1',
  /** `{ stack?, environment?, framework? }` → latest scores per stack/environment/framework. */
  Scores: 'cw.qry.compliance.scores.v1',
  /** `{ scanId }` or `{ deploymentId }` → a stored scan with its findings. */
  ScanById: 'cw.qry.compliance.scan-by-id.v1',
  /** `{ stack?, environment?, severity?, status?, ruleId?, limit? }` → findings of the latest scans. */
  Findings: 'cw.qry.compliance.findings.v1',
  /** `{ stack, environment, framework?, limit? }` → score history. */
  Trends: 'cw.qry.compliance.trends.v1',
  /** `{ stack?, environment?, includeExpired? }` → waivers. */
  Waivers: 'cw.qry.compliance.waivers.v1',
  /** ComplianceCompareCloudsQuery → ComplianceCompareCloudsReply: posture of the plan's resources per cloud (nothing stored). */
  CompareClouds: 'cw.qry.compliance.compare-clouds.v1',
} as const;

/** Body of `ComplianceQuerySubjects.CompareClouds`. */
export interface ComplianceCompareCloudsQuery {
  /** The plan as in deployment.requested.v1: `{ inline: <terraform show -json> }` or `{ ref: { uri, sha256 } }`. */
  plan: { inline?: Record<string, unknown>; ref?: { uri: string; sha256: string; sizeBytes?: number } };
  /** Framework ids (default: every framework). */
  frameworks?: string[];
}

/** One cloud's compliance posture: the plan's resources of that cloud scanned on their own. */
export interface CloudCompliancePostureV1 {
  cloud: 'aws' | 'azure' | 'gcp';
  /** Resources of the plan on this cloud. */
  resources: number;
  /** Overall score 0–100 (null when no rule judged these resources). */
  score: number | null;
  /** Failing findings by severity. */
  failing: { total: number; critical: number; high: number; medium: number; low: number; info: number };
  frameworks: { framework: string; score: number | null }[];
}

/** Reply of `ComplianceQuerySubjects.CompareClouds`: one entry per cloud the plan has resources on. */
export interface ComplianceCompareCloudsReply {
  clouds: CloudCompliancePostureV1[];
  /** Compliance categories where the clouds differ (one fails where another passes). */
  differingCategories: string[];
}
