import { SEVERITIES } from '../model';
import type { AuditTrail, Finding, FrameworkScore, ScanReport, ScanSummary } from '../scan/report';
import { STATUS_ORDER } from './common';

/**
 * The scan as JSON: the documented shape first (`scores.overall`, `scores.frameworks[]` with framework, score,
 * passed, failed, unknown, manual, notApplicable; `findings[]` with ruleId … remediation), then the extra keys
 * (per-framework requirement results, found/expected, waivers, summary, audit trail). Keys are written in a fixed
 * order whatever order the report object was built in; absent optional values are `null` so every object has the
 * same keys. Two-space indent, trailing newline.
 */
export function toJson(report: ScanReport): string {
  const doc = {
    scores: {
      overall: report.scores.overall,
      frameworks: report.scores.frameworks.map(frameworkJson),
    },
    findings: report.findings.map(findingJson),
    summary: summaryJson(report.summary),
    audit: auditJson(report.audit),
    schemaVersion: report.schemaVersion,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function frameworkJson(fw: FrameworkScore) {
  return {
    framework: fw.framework,
    score: fw.score,
    passed: fw.passed,
    failed: fw.failed,
    unknown: fw.unknown,
    manual: fw.manual,
    notApplicable: fw.notApplicable,
    name: fw.name,
    version: fw.version,
    muted: fw.muted,
    requirements: fw.requirements.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      rules: [...r.rules],
      weight: r.weight,
      failedFindings: r.failedFindings,
    })),
  };
}

function findingJson(f: Finding) {
  return {
    ruleId: f.ruleId,
    title: f.title,
    category: f.category,
    severity: f.severity,
    status: f.status,
    address: f.address,
    resourceType: f.resourceType,
    frameworks: f.frameworks.map((r) => ({ framework: r.framework, requirements: [...r.requirements] })),
    message: f.message,
    remediation: {
      text: f.remediation.text,
      terraform: f.remediation.terraform,
      bicep: f.remediation.bicep ?? null,
      effort: f.remediation.effort,
    },
    cloud: f.cloud,
    region: f.region,
    found: f.found ?? null,
    expected: f.expected ?? null,
    attribute: f.attribute ?? null,
    references: [...f.references],
    waiver: f.waiver ? { id: f.waiver.id, reason: f.waiver.reason, owner: f.waiver.owner, expires: f.waiver.expires } : null,
  };
}

function summaryJson(s: ScanSummary) {
  return {
    resources: s.resources,
    evaluatedResources: s.evaluatedResources,
    deletedResources: s.deletedResources,
    dataSources: s.dataSources,
    byStatus: Object.fromEntries(STATUS_ORDER.map((status) => [status, s.byStatus[status]])),
    failedBySeverity: Object.fromEntries(SEVERITIES.map((severity) => [severity, s.failedBySeverity[severity]])),
    notApplicable: s.notApplicable.map((r) => ({ address: r.address, type: r.type, reason: r.reason })),
  };
}

function auditJson(a: AuditTrail) {
  return {
    scanId: a.scanId,
    scannedAt: a.scannedAt,
    scannedBy: a.scannedBy,
    ruleSetVersion: a.ruleSetVersion,
    rulesEvaluated: a.rulesEvaluated,
    frameworks: [...a.frameworks],
    source: {
      kind: a.source.kind,
      name: a.source.name,
      sha256: a.source.sha256 ?? null,
      terraformVersion: a.source.terraformVersion ?? null,
      formatVersion: a.source.formatVersion ?? null,
    },
    stack: a.stack ?? null,
    environment: a.environment ?? null,
    waivers: {
      source: a.waivers.source ?? null,
      applied: a.waivers.applied,
      expired: a.waivers.expired.map((w) => ({ id: w.id, reason: w.reason, owner: w.owner, expires: w.expires })),
    },
    durationMs: a.durationMs,
  };
}
