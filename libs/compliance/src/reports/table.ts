import type { FindingStatus, Severity } from '../model';
import type { Finding, ScanReport } from '../scan/report';
import { STATUS_LABEL, STATUS_ORDER, findingsBySeverity, formatScore } from './common';

export interface TableOptions {
  /** ANSI colours (off by default: the caller decides from the terminal, `NO_COLOR`, `--color`). */
  readonly color?: boolean;
}

const RESET = '\u001b[0m';
const STATUS_COLOR: Readonly<Record<FindingStatus, string>> = {
  fail: '\u001b[31m',
  unknown: '\u001b[33m',
  manual: '\u001b[36m',
  muted: '\u001b[2m',
  pass: '\u001b[32m',
  'not-applicable': '\u001b[2m',
};
const SEVERITY_COLOR: Readonly<Record<Severity, string>> = {
  critical: '\u001b[1;35m',
  high: '\u001b[1;31m',
  medium: '\u001b[1;33m',
  low: '\u001b[1;34m',
  info: '\u001b[1m',
};
const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';

/**
 * Terminal-safe single line: plan values are user input, so control characters (ESC sequences could rewrite the
 * terminal, C1 controls included) are shown escaped, and line breaks / tabs become spaces.
 */
function safe(text: string): string {
  return (
    text
      .replace(/[\t\n\r]+/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
  );
}

/**
 * Human-readable report for terminals: scores per framework, findings grouped by severity (with the remediation hint),
 * then a summary line. Not-applicable findings are only counted, not listed.
 */
export function toTable(report: ScanReport, options: TableOptions = {}): string {
  const paint = (text: string, code: string): string => (options.color ? `${code}${text}${RESET}` : text);
  const lines: string[] = [];
  const { audit } = report;

  lines.push(paint(`Compliance scan of ${safe(audit.source.name)}`, BOLD));
  const context = [audit.stack ? `stack ${safe(audit.stack)}` : '', audit.environment ? `environment ${safe(audit.environment)}` : ''].filter(Boolean);
  lines.push(
    paint(
      `scan ${safe(audit.scanId)} at ${safe(audit.scannedAt)} by ${safe(audit.scannedBy)} · rule set ${safe(audit.ruleSetVersion)} · ` +
        `${audit.rulesEvaluated} rules${context.length > 0 ? ` · ${context.join(' · ')}` : ''}`,
      DIM,
    ),
  );
  lines.push('');
  lines.push(`${paint('Overall score:', BOLD)} ${formatScore(report.scores.overall)}`);
  lines.push('');

  // Framework scores
  if (report.scores.frameworks.length > 0) {
    const header = ['Framework', 'Score', 'Passed', 'Failed', 'Unknown', 'Manual', 'Muted', 'N/A'];
    const rows = report.scores.frameworks.map((fw) => [
      safe(`${fw.framework} ${fw.version}`.trim()),
      formatScore(fw.score),
      String(fw.passed),
      String(fw.failed),
      String(fw.unknown),
      String(fw.manual),
      String(fw.muted),
      String(fw.notApplicable),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const format = (cells: readonly string[]) =>
      cells
        .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
        .join('  ')
        .trimEnd();
    lines.push(paint(format(header), BOLD));
    for (const row of rows) lines.push(format(row));
    lines.push('');
  }

  // Findings by severity
  const listed = report.findings.filter((f) => f.status !== 'not-applicable');
  if (listed.length === 0) {
    lines.push('No findings to show.');
  } else {
    lines.push(paint('Findings', BOLD));
    const statusWidth = Math.max(...listed.map((f) => STATUS_LABEL[f.status].length));
    const ruleWidth = Math.max(...listed.map((f) => f.ruleId.length));
    const indent = ' '.repeat(2 + statusWidth + 2 + ruleWidth + 2);
    for (const group of findingsBySeverity(listed)) {
      lines.push('');
      lines.push(paint(`${group.severity.toUpperCase()} (${group.findings.length})`, SEVERITY_COLOR[group.severity]));
      for (const f of group.findings) {
        const status = paint(STATUS_LABEL[f.status].padEnd(statusWidth), STATUS_COLOR[f.status]);
        lines.push(`  ${status}  ${safe(f.ruleId).padEnd(ruleWidth)}  ${safe(f.address)}`);
        lines.push(`${indent}${safe(f.message)}`);
        const hint = hintFor(f);
        if (hint) lines.push(`${indent}${paint(hint, DIM)}`);
      }
    }
  }
  lines.push('');

  // Summary
  const byStatus = STATUS_ORDER.map((s) => `${report.summary.byStatus[s]} ${s === 'not-applicable' ? 'not applicable' : s}`).join(', ');
  const naResources = report.summary.notApplicable.length;
  lines.push(
    `${paint('Summary:', BOLD)} ${byStatus} · ${report.summary.resources} resources, ${naResources} not applicable ` +
      `(no rule covers their type)`,
  );
  return `${lines.join('\n')}\n`;
}

function hintFor(f: Finding): string | undefined {
  switch (f.status) {
    case 'fail':
      return `fix: ${safe(f.remediation.text)}`;
    case 'unknown':
      return `known after apply; to pass: ${safe(f.expected ?? f.remediation.text)}`;
    case 'muted':
      return f.waiver
        ? `waived by ${safe(f.waiver.id)} (${safe(f.waiver.owner)}, until ${safe(f.waiver.expires)}): ${safe(f.waiver.reason)}`
        : 'waived';
    case 'manual':
      return 'supply the evidence in the stack metadata';
    default:
      return undefined;
  }
}
