import { createHash } from 'node:crypto';
import type { Rule, Severity } from '../model';
import type { Finding, ScanReport } from '../scan/report';
import { appliedWaivers, frameworkRefsText, scanEndTime } from './common';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_TOOL_NAME = 'cloudwright-compliance';

export interface SarifOptions {
  /** `tool.driver.version`: the version of the program that ran the scan. */
  readonly toolVersion: string;
  /** `tool.driver.informationUri`: where users read about the tool (absolute URI); left out when not given. */
  readonly informationUri?: string;
}

type SarifLevel = 'error' | 'warning' | 'note' | 'none';
type SarifKind = 'fail' | 'pass' | 'review' | 'open';
type Json = Record<string, unknown>;

/** GitHub code scanning and other consumers sort and filter by this (0.1–10, string). */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

/** Level of a failing result (and a rule's default level). */
function failLevel(severity: Severity): SarifLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium') return 'warning';
  return 'note';
}

/**
 * SARIF 2.1.0 log of a scan, for GitHub code scanning, Azure DevOps, GitLab and SARIF viewers.
 *
 * Result mapping (SARIF §3.27.9 `kind`; any kind other than `fail` must have level `none`):
 * - `fail` → kind `fail`, level error (critical/high), warning (medium), note (low/info);
 * - `unknown` (value only known after apply) → kind `open`: "the rule was evaluated and there was insufficient
 *   information to decide whether a problem exists" — exactly a plan-time unknown; viewers show it as a warning-like
 *   item without failing anything;
 * - `manual` (evidence rule without evidence) → kind `review`: "requires review by a human to decide if it represents a
 *   problem" — a person has to supply or check the evidence. Viewers (VS Code / Visual Studio SARIF viewers) list open and
 *   review results as warnings, not errors, which is what we want: they need attention, not a build break;
 * - `muted` → kind `fail` with the severity's level, plus a `suppressions` entry (kind `external`: the waiver lives in
 *   a waiver file, status `accepted`, justification = the waiver's reason). Consumers hide suppressed results by
 *   default and keep them for audit;
 * - `pass` → kind `pass`, only when the report includes passed findings. GitHub code scanning opens an alert for every
 *   result whatever its kind, so a report meant for upload there should not include passed findings;
 * - `not-applicable` → left out (a rule that does not concern a resource is not a result anyone acts on).
 *
 * Locations: the scanned file (plan JSON) as the artifact, with `startLine` 1 (a plan has no meaningful line for a
 * resource, and GitHub requires a region to place an alert), and the resource address as a logical location.
 * `partialFingerprints` hash rule id + address so an alert keeps its identity across scans.
 */
export function toSarif(report: ScanReport, rules: readonly Rule[], options: SarifOptions): string {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const reported = report.findings.filter((f) => f.status !== 'not-applicable');

  // Rules that appear in results, ordered by id; a finding whose rule is not in `rules` gets a descriptor from the finding.
  const firstFinding = new Map<string, Finding>();
  for (const f of reported) if (!firstFinding.has(f.ruleId)) firstFinding.set(f.ruleId, f);
  const used = [...firstFinding].sort(([a], [b]) => a.localeCompare(b));
  const ruleIndex = new Map(used.map(([id], i) => [id, i]));
  const descriptors = used.map(([id, finding]) => {
    const rule = byId.get(id);
    return rule ? ruleDescriptor(rule) : descriptorFromFinding(finding);
  });

  const { audit } = report;
  const uri = artifactUri(audit.source.name);
  const hasArtifact = audit.source.sha256 !== undefined;
  const results = reported.map((f) => result(f, ruleIndex.get(f.ruleId) ?? 0, uri, hasArtifact));

  const end = scanEndTime(audit.scannedAt, audit.durationMs);
  const invocation: Json = {
    executionSuccessful: true,
    ...(end !== undefined ? { startTimeUtc: new Date(Date.parse(audit.scannedAt)).toISOString(), endTimeUtc: end } : {}),
    ...(audit.waivers.expired.length > 0
      ? {
          toolConfigurationNotifications: audit.waivers.expired.map((w) => ({
            level: 'warning',
            message: { text: `Waiver ${w.id} (owner ${w.owner}) expired on ${w.expires}; the findings it covered are reported again.` },
            properties: { waiverId: w.id, owner: w.owner, expires: w.expires, reason: w.reason },
          })),
        }
      : {}),
  };

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SARIF_TOOL_NAME,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            version: options.toolVersion,
            rules: descriptors,
          },
        },
        invocations: [invocation],
        ...(hasArtifact
          ? { artifacts: [{ location: { uri }, roles: ['analysisTarget'], hashes: { 'sha-256': audit.source.sha256 } }] }
          : {}),
        results,
        properties: {
          scanId: audit.scanId,
          scannedBy: audit.scannedBy,
          ruleSetVersion: audit.ruleSetVersion,
          rulesEvaluated: audit.rulesEvaluated,
          sourceKind: audit.source.kind,
          ...(audit.stack ? { stack: audit.stack } : {}),
          ...(audit.environment ? { environment: audit.environment } : {}),
          overallScore: report.scores.overall,
          frameworkScores: report.scores.frameworks.map((fw) => ({ framework: fw.framework, version: fw.version, score: fw.score })),
          waiversApplied: appliedWaivers(report).map((w) => w.id),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(f: Finding, ruleIndex: number, uri: string, hasArtifact: boolean): Json {
  let kind: SarifKind;
  let level: SarifLevel;
  switch (f.status) {
    case 'fail':
    case 'muted':
      kind = 'fail';
      level = failLevel(f.severity);
      break;
    case 'unknown':
      kind = 'open';
      level = 'none';
      break;
    case 'manual':
      kind = 'review';
      level = 'none';
      break;
    default:
      kind = 'pass';
      level = 'none';
  }
  const properties: Json = {
    status: f.status,
    severity: f.severity,
    category: f.category,
    ...(f.resourceType !== null ? { resourceType: f.resourceType } : {}),
    ...(f.cloud !== null ? { cloud: f.cloud } : {}),
    ...(f.region !== null ? { region: f.region } : {}),
    ...(f.found !== undefined ? { found: f.found } : {}),
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.attribute !== undefined ? { attribute: f.attribute } : {}),
    frameworks: frameworkRefsText(f.frameworks).split(';').filter(Boolean),
  };
  return {
    ruleId: f.ruleId,
    ruleIndex,
    kind,
    level,
    message: { text: f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri, ...(hasArtifact ? { index: 0 } : {}) }, region: { startLine: 1 } },
        logicalLocations: [{ name: f.address, fullyQualifiedName: f.address, kind: 'resource' }],
      },
    ],
    partialFingerprints: { 'cloudwrightFinding/v1': fingerprint(f.ruleId, f.address) },
    ...(f.status === 'muted'
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: f.waiver?.reason ?? 'waived',
              ...(f.waiver ? { properties: { waiverId: f.waiver.id, owner: f.waiver.owner, expires: f.waiver.expires } } : {}),
            },
          ],
        }
      : {}),
    properties,
  };
}

/** Stable across scans and machines: sha256 of rule id and resource address. */
export function fingerprint(ruleId: string, address: string): string {
  return createHash('sha256').update(`${ruleId}\u0000${address}`).digest('hex');
}

function ruleDescriptor(rule: Rule): Json {
  return {
    id: rule.id,
    name: pascalName(rule.title),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: helpFor(rule.remediation, rule.references),
    ...(rule.references[0] && isHttpUri(rule.references[0]) ? { helpUri: rule.references[0] } : {}),
    defaultConfiguration: { level: failLevel(rule.severity) },
    properties: {
      category: rule.category,
      severity: rule.severity,
      tags: tagsFor(rule.category, rule.clouds),
      'security-severity': SECURITY_SEVERITY[rule.severity],
      ...(rule.controls.length > 0 ? { controls: [...rule.controls] } : {}),
    },
  };
}

function descriptorFromFinding(f: Finding): Json {
  return {
    id: f.ruleId,
    name: pascalName(f.title),
    shortDescription: { text: f.title },
    fullDescription: { text: f.title },
    help: helpFor(f.remediation, f.references),
    ...(f.references[0] && isHttpUri(f.references[0]) ? { helpUri: f.references[0] } : {}),
    defaultConfiguration: { level: failLevel(f.severity) },
    properties: {
      category: f.category,
      severity: f.severity,
      tags: tagsFor(f.category, f.cloud ? [f.cloud] : []),
      'security-severity': SECURITY_SEVERITY[f.severity],
    },
  };
}

/** `security` marks the rule as a security check for GitHub (cost, performance and tagging rules are not). */
function tagsFor(category: string, clouds: readonly string[]): string[] {
  const security = !['cost', 'performance', 'tagging'].includes(category);
  return [...(security ? ['security'] : []), 'compliance', category, ...clouds];
}

function helpFor(remediation: Rule['remediation'], references: readonly string[]): { text: string; markdown: string } {
  const text = [
    `Remediation (effort ${remediation.effort}): ${remediation.text}`,
    `Terraform:\n${remediation.terraform}`,
    ...(remediation.bicep ? [`Bicep:\n${remediation.bicep}`] : []),
    ...(references.length > 0 ? [`References:\n${references.join('\n')}`] : []),
  ].join('\n\n');
  const markdown = [
    `**Remediation** (effort: ${remediation.effort}): ${remediation.text}`,
    `Terraform:\n\n${fenced(remediation.terraform, 'hcl')}`,
    ...(remediation.bicep ? [`Bicep:\n\n${fenced(remediation.bicep, 'bicep')}`] : []),
    ...(references.length > 0 ? [`References:\n\n${references.map((r) => `- <${r}>`).join('\n')}`] : []),
  ].join('\n\n');
  return { text, markdown };
}

/** A fenced code block whose fence is longer than any backtick run in the code. */
function fenced(code: string, language: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${code}\n${fence}`;
}

function pascalName(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function isHttpUri(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value);
}

/** The scanned file as a URI reference: path segments percent-encoded, Windows paths as `file:///C:/…`. */
export function artifactUri(name: string): string {
  const path = name.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):\//.exec(path);
  const encode = (p: string) => p.split('/').map(encodeURIComponent).join('/');
  if (drive) return `file:///${drive[1]}:/${encode(path.slice(3))}`;
  // already a URI (s3://bucket/plan.json): keep its structure, encode what a URI cannot hold
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(path)) return encodeURI(path);
  return encode(path) || 'plan.json';
}
