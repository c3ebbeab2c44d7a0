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
} as const;
