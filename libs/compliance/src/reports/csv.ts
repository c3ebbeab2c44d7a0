import type { Finding, ScanReport } from '../scan/report';
import { frameworkRefsText, replaceInvalidXmlChars } from './common';

export const CSV_COLUMNS = [
  'ruleId',
  'title',
  'category',
  'severity',
  'status',
  'address',
  'resourceType',
  'cloud',
  'region',
  'frameworks',
  'found',
  'expected',
  'remediation',
  'waiverOwner',
  'waiverExpires',
] as const;

/**
 * RFC 4180 CSV: a header row, then one row per finding; CRLF line ends; fields holding a comma, quote, CR or LF are
 * quoted with inner quotes doubled. Cells a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
 * CR — OWASP's CSV-injection list) get a leading `'`: addresses and found values come from user plans.
 * `frameworks` is `framework:requirement` pairs joined by `;`.
 */
export function toCsv(report: ScanReport): string {
  const rows = [CSV_COLUMNS as readonly string[], ...report.findings.map(row)];
  return rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function row(f: Finding): string[] {
  return [
    f.ruleId,
    f.title,
    f.category,
    f.severity,
    f.status,
    f.address,
    f.resourceType ?? '',
    f.cloud ?? '',
    f.region ?? '',
    frameworkRefsText(f.frameworks),
    f.found ?? '',
    f.expected ?? '',
    f.remediation.text,
    f.waiver?.owner ?? '',
    f.waiver?.expires ?? '',
  ];
}

/**
 * One CSV cell: control characters other than tab and line breaks written as `\uXXXX` (a NUL or ESC has no business in
 * a spreadsheet or a terminal), formula-neutralised, then quoted when RFC 4180 requires it.
 */
export function csvCell(value: string): string {
  const clean = replaceInvalidXmlChars(value);
  const safe = /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
