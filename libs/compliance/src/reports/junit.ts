import { CATEGORIES, type Category } from '../model';
import type { Finding, ScanReport } from '../scan/report';
import { escapeMarkup, frameworkRefsText } from './common';

/**
 * JUnit XML for CI test views (GitLab, Jenkins, Azure DevOps, GitHub test reporters): one `<testsuite>` per category
 * (a handful of suites a reader can scan, rather than one per rule), one `<testcase>` per finding with
 * `classname` = rule id and `name` = resource address. `fail` → `<failure type="<severity>">` with found / expected /
 * remediation in the body; `unknown`, `manual`, `muted` and `not-applicable` → `<skipped message="…">`; `pass` → a
 * plain test case. Text is escaped for XML 1.0, characters it cannot carry are written as `\uXXXX`.
 */
export function toJunit(report: ScanReport): string {
  const byCategory = new Map<Category, Finding[]>();
  for (const f of report.findings) {
    const list = byCategory.get(f.category);
    if (list) list.push(f);
    else byCategory.set(f.category, [f]);
  }
  const { audit } = report;
  const timestamp = audit.scannedAt;
  const categories = CATEGORIES.filter((c) => byCategory.has(c));
  const suites = categories.length > 0 ? categories.map((c) => ({ name: c, findings: byCategory.get(c) ?? [] })) : [{ name: 'compliance', findings: [] }];

  const total = tally(report.findings);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="${attr(`cloudwright-compliance ${audit.source.name}`)}" tests="${total.tests}" failures="${total.failures}" ` +
      `errors="0" skipped="${total.skipped}" time="${seconds(audit.durationMs)}" timestamp="${attr(timestamp)}">`,
  );
  for (const suite of suites) {
    const t = tally(suite.findings);
    out.push(
      `  <testsuite name="${attr(suite.name)}" tests="${t.tests}" failures="${t.failures}" errors="0" skipped="${t.skipped}" ` +
        `time="0" timestamp="${attr(timestamp)}">`,
    );
    out.push('    <properties>');
    for (const [name, value] of [
      ['scanId', audit.scanId],
      ['ruleSetVersion', audit.ruleSetVersion],
      ['source', audit.source.name],
      ...(audit.source.sha256 ? [['sha256', audit.source.sha256]] : []),
    ]) {
      out.push(`      <property name="${attr(name)}" value="${attr(value)}"/>`);
    }
    out.push('    </properties>');
    for (const f of suite.findings) out.push(...testcase(f));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function tally(findings: readonly Finding[]): { tests: number; failures: number; skipped: number } {
  return {
    tests: findings.length,
    failures: findings.filter((f) => f.status === 'fail').length,
    skipped: findings.filter((f) => f.status !== 'fail' && f.status !== 'pass').length,
  };
}

function testcase(f: Finding): string[] {
  const open = `    <testcase classname="${attr(f.ruleId)}" name="${attr(f.address)}" time="0"`;
  switch (f.status) {
    case 'pass':
      return [`${open}/>`];
    case 'fail':
      return [
        `${open}>`,
        `      <failure message="${attr(f.message)}" type="${attr(f.severity)}">${text(failureBody(f))}</failure>`,
        '    </testcase>',
      ];
    default:
      return [`${open}>`, `      <skipped message="${attr(skipMessage(f))}"/>`, '    </testcase>'];
  }
}

function failureBody(f: Finding): string {
  const frameworks = frameworkRefsText(f.frameworks);
  return [
    `Rule: ${f.ruleId} ${f.title}`,
    `Severity: ${f.severity}; category: ${f.category}`,
    `Resource: ${f.address}${f.resourceType ? ` (${f.resourceType})` : ''}`,
    ...(f.found !== undefined ? [`Found: ${f.found}`] : []),
    ...(f.expected !== undefined ? [`Expected: ${f.expected}`] : []),
    `Remediation (effort ${f.remediation.effort}): ${f.remediation.text}`,
    `Terraform:\n${f.remediation.terraform}`,
    ...(f.remediation.bicep ? [`Bicep:\n${f.remediation.bicep}`] : []),
    ...(frameworks ? [`Frameworks: ${frameworks.split(';').join(', ')}`] : []),
    ...(f.references.length > 0 ? [`References: ${f.references.join(' ')}`] : []),
  ].join('\n');
}

function skipMessage(f: Finding): string {
  switch (f.status) {
    case 'unknown':
      return `unknown until apply: ${f.message}${f.expected !== undefined ? `; to pass: ${f.expected}` : ''}`;
    case 'manual':
      return `manual: ${f.message}`;
    case 'muted':
      return f.waiver
        ? `muted by waiver ${f.waiver.id} (owner ${f.waiver.owner}, expires ${f.waiver.expires}): ${f.waiver.reason}`
        : `muted: ${f.message}`;
    default:
      return `not applicable: ${f.message}`;
  }
}

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

/** Attribute value: markup escaped, and tab / line breaks as character references so attribute normalisation keeps them. */
function attr(value: string): string {
  return escapeMarkup(value).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** Element content: markup escaped; CR as a reference so XML's line-end normalisation keeps it. */
function text(value: string): string {
  return escapeMarkup(value).replace(/\r/g, '&#13;');
}
