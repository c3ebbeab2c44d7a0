import { SEVERITIES, type FindingStatus, type Severity } from '../model';
import type { Finding, FrameworkRef, ScanReport } from '../scan/report';

/** Order findings are listed in: what needs action first. */
export const STATUS_ORDER: readonly FindingStatus[] = ['fail', 'unknown', 'manual', 'muted', 'pass', 'not-applicable'];

export const STATUS_LABEL: Readonly<Record<FindingStatus, string>> = {
  fail: 'FAIL',
  unknown: 'UNKNOWN',
  manual: 'MANUAL',
  muted: 'MUTED',
  pass: 'PASS',
  'not-applicable': 'N/A',
};

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
const STATUS_RANK = Object.fromEntries(STATUS_ORDER.map((s, i) => [s, i])) as Record<FindingStatus, number>;

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    a.address.localeCompare(b.address) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/** Findings grouped by severity (most severe first, empty groups left out), each group in status then address order. */
export function findingsBySeverity(findings: readonly Finding[]): { severity: Severity; findings: Finding[] }[] {
  return SEVERITIES.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity).sort(compareFindings) })).filter(
    (g) => g.findings.length > 0,
  );
}

/** `72.5` or `n/a` when nothing could be scored. */
export function formatScore(score: number | null): string {
  return score === null ? 'n/a' : score.toFixed(1);
}

/** `cis-aws-foundations:2.1.1;pci-dss-4.0:3.5.1` */
export function frameworkRefsText(refs: readonly FrameworkRef[]): string {
  return refs.flatMap((r) => (r.requirements.length > 0 ? r.requirements.map((req) => `${r.framework}:${req}`) : [r.framework])).join(';');
}

/** Applied waivers (from the muted findings), one entry per waiver id with the number of findings it mutes. */
export function appliedWaivers(report: ScanReport): { id: string; owner: string; expires: string; reason: string; findings: number }[] {
  const byId = new Map<string, { id: string; owner: string; expires: string; reason: string; findings: number }>();
  for (const f of report.findings) {
    if (!f.waiver) continue;
    const entry = byId.get(f.waiver.id);
    if (entry) entry.findings += 1;
    else byId.set(f.waiver.id, { id: f.waiver.id, owner: f.waiver.owner, expires: f.waiver.expires, reason: f.waiver.reason, findings: 1 });
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Characters XML 1.0 does not allow (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; unpaired surrogates),
 * also unwanted in HTML and terminals.
 */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces characters XML 1.0 cannot carry with a visible `\uXXXX` so the information is not silently lost. */
export function replaceInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Escapes text for XML/HTML element content and attribute values (both quote kinds). */
export function escapeMarkup(text: string): string {
  return replaceInvalidXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Scan end time from the audit trail: scan start + duration; undefined when the start time does not parse. */
export function scanEndTime(scannedAt: string, durationMs: number): string | undefined {
  const start = Date.parse(scannedAt);
  if (Number.isNaN(start)) return undefined;
  return new Date(start + Math.max(0, durationMs)).toISOString();
}
