import { createHash, randomUUID } from 'node:crypto';
import { parsePlanText, type ParsedPlan } from '@cloudwright/terraform-plan';
import { forEachResult, RuleIndex, type RuleResult } from '../engine/evaluate';
import { ResourceSet, resourcesFromPlan } from '../engine/resource-set';
import { BUILTIN_FRAMEWORKS, FrameworkIndex, resolveFrameworks, type Framework, type RequirementRef } from '../frameworks';
import { SEVERITIES, SEVERITY_WEIGHT, type ComplianceResource, type FindingStatus, type Rule, type Severity, type StackContext } from '../model';
import { BUILTIN_RULES } from '../rules';
import { waiverSet, type Waiver, type WaiverSet } from '../waivers/waivers';
import type { Finding, FrameworkRef, FrameworkScore, NotApplicableResource, RequirementResult, ScanReport, ScanSource } from './report';

export const RULESET_NAME = 'cloudwright-builtin';

let builtinVersion: string | undefined;

/**
 * Version of a rule set: `<semver>+<hash>` where the hash covers every rule's id, severity, category, scope and controls
 * and every framework requirement's mapping — any change to what a scan can conclude changes the version.
 */
export function ruleSetVersion(rules: readonly Rule[] = BUILTIN_RULES, frameworks: readonly Framework[] = BUILTIN_FRAMEWORKS): string {
  const cacheable = rules === BUILTIN_RULES && frameworks === BUILTIN_FRAMEWORKS;
  if (cacheable && builtinVersion) return builtinVersion;
  const hash = createHash('sha256');
  for (const r of rules) hash.update(`${r.id}|${r.severity}|${r.category}|${r.scope}|${r.controls.join(',')}\n`);
  for (const f of frameworks) {
    hash.update(`${f.id}@${f.version}\n`);
    for (const q of f.requirements) hash.update(`${q.id}|${q.controls.join(',')}\n`);
  }
  const version = `1.0.0+${hash.digest('hex').slice(0, 12)}`;
  if (cacheable) builtinVersion = version;
  return version;
}

export interface ScanOptions {
  /** Framework ids or aliases; none = every framework. Findings are limited to rules mapped to the chosen frameworks. */
  readonly frameworks?: readonly string[];
  readonly stack?: StackContext;
  readonly waivers?: readonly Waiver[];
  /** Where the waivers came from (file name), for the audit trail. */
  readonly waiverSource?: string;
  /** Include `pass` results in `findings` (they are always counted in scores; not-applicable results are only counted). */
  readonly includePassed?: boolean;
  readonly rules?: readonly Rule[];
  readonly frameworkCatalog?: readonly Framework[];
  readonly now?: () => Date;
  readonly scannedBy?: string;
  readonly scanId?: string;
}

/** Scans a Terraform plan document (text): parse errors carry the JSON path or line and column. */
export function scanPlanText(text: string, sourceName: string, options: ScanOptions = {}): ScanReport {
  const plan = parsePlanText(text);
  return scanPlan(plan, { kind: 'terraform-plan', name: sourceName, sha256: createHash('sha256').update(text).digest('hex') }, options);
}

export function scanPlan(plan: ParsedPlan, source: Omit<ScanSource, 'terraformVersion' | 'formatVersion'>, options: ScanOptions = {}): ScanReport {
  const { resources, deleted, dataSources } = resourcesFromPlan(plan);
  return scanResources(
    resources,
    { ...source, terraformVersion: plan.terraformVersion, formatVersion: plan.formatVersion },
    options,
    { deleted, dataSources },
  );
}

/** A rule set's index is built once per rule set (the built-in one: once per process), not once per scan. */
const RULE_INDEXES = new WeakMap<readonly Rule[], RuleIndex>();

function ruleIndexOf(rules: readonly Rule[]): RuleIndex {
  let index = RULE_INDEXES.get(rules);
  if (!index) RULE_INDEXES.set(rules, (index = new RuleIndex(rules)));
  return index;
}

const STATUS_ORDER: Record<FindingStatus, number> = { fail: 0, unknown: 1, manual: 2, muted: 3, pass: 4, 'not-applicable': 5 };
const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** Scans normalised resources (from a plan, the inventory or a tool call). */
export function scanResources(
  resources: readonly ComplianceResource[],
  source: ScanSource,
  options: ScanOptions = {},
  counts: { deleted?: number; dataSources?: number } = {},
): ScanReport {
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  const scannedAt = now();
  const catalog = options.frameworkCatalog ?? BUILTIN_FRAMEWORKS;
  const frameworks = resolveFrameworks(options.frameworks, catalog);
  const frameworkIndex = new FrameworkIndex(frameworks);
  const allRules = options.rules ?? BUILTIN_RULES;
  const stack = options.stack ?? {};
  const waivers = waiverSet(options.waivers ?? [], scannedAt, (name) => resolveFrameworks([name], catalog)[0]?.id ?? name);

  const set = new ResourceSet(resources);
  const ruleIndex = ruleIndexOf(allRules);

  const restrict = options.frameworks !== undefined && options.frameworks.length > 0;
  // Results of one rule about one cloud map to the same requirements: look them up once per (rule, cloud), and score
  // from per-(rule, cloud) tallies instead of per-result lists — a 10,000-resource plan has ~100,000 results.
  const groups = new Map<Rule, Map<string | null, RuleGroup>>();
  const findings: Finding[] = [];
  const byStatus: Record<FindingStatus, number> = { pass: 0, fail: 0, unknown: 0, 'not-applicable': 0, manual: 0, muted: 0 };
  const failedBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let overallPassed = 0;
  let overallTotal = 0;

  forEachResult(set, ruleIndex, stack, (rule, resource, check) => {
    if (check.status === 'not-applicable') {
      byStatus['not-applicable'] += 1;
      return;
    }
    const result: RuleResult = { rule, resource, status: check.status, found: check.found, expected: check.expected, attribute: check.attribute };
    const cloud = result.resource ? result.resource.cloud : 'any';
    let byCloud = groups.get(result.rule);
    if (!byCloud) groups.set(result.rule, (byCloud = new Map<string | null, RuleGroup>()));
    let group = byCloud.get(cloud);
    if (!group) {
      const refs = frameworkIndex.requirementsFor(result.rule.controls, result.resource ? [result.resource.cloud] : result.rule.clouds);
      group = { rule: result.rule, refs, frameworkRefs: toFrameworkRefs(refs), pass: 0, fail: 0, unknown: 0, manual: 0, muted: 0 };
      byCloud.set(cloud, group);
    }
    if (restrict && group.refs.length === 0) return;
    const address = result.resource?.address ?? (result.rule.scope === 'evidence' ? '(stack)' : '(plan)');
    const waiver = result.status === 'fail' || result.status === 'unknown' ? waivers.forFinding(result.rule.id, address) : undefined;
    const status: FindingStatus = waiver ? 'muted' : result.status;
    byStatus[status] += 1;
    const weight = SEVERITY_WEIGHT[result.rule.severity];
    switch (status) {
      case 'pass':
        group.pass += 1;
        overallPassed += weight;
        overallTotal += weight;
        if (options.includePassed) findings.push(toFinding(result, address, status, group.frameworkRefs, undefined));
        break;
      case 'fail':
        group.fail += 1;
        overallTotal += weight;
        failedBySeverity[result.rule.severity] += 1;
        findings.push(toFinding(result, address, status, group.frameworkRefs, undefined));
        break;
      case 'not-applicable':
        break;
      default:
        group[status] += 1;
        findings.push(toFinding(result, address, status, group.frameworkRefs, waiver));
    }
  });

  const tallies = tallyRequirements([...groups.values()].flatMap((byCloud) => [...byCloud.values()]));
  const implemented = new Set(allRules.flatMap((r) => r.controls));
  const scores = frameworks.map((fw) => scoreFramework(fw, tallies.get(fw.id), implemented, waivers));
  const sorted = sortFindings(findings);

  return {
    schemaVersion: 1,
    scores: { overall: overallTotal === 0 ? null : round1((100 * overallPassed) / overallTotal), frameworks: scores },
    findings: sorted,
    summary: {
      resources: resources.length,
      evaluatedResources: resources.filter((r) => ruleIndex.specificFor(r.type).length > 0).length,
      notApplicable: notApplicableResources(resources, ruleIndex),
      deletedResources: counts.deleted ?? 0,
      dataSources: counts.dataSources ?? 0,
      byStatus,
      failedBySeverity,
    },
    audit: {
      scanId: options.scanId ?? randomUUID(),
      scannedAt: scannedAt.toISOString(),
      scannedBy: options.scannedBy ?? 'unknown',
      ruleSetVersion: `${RULESET_NAME}@${ruleSetVersion(allRules, catalog)}`,
      rulesEvaluated: allRules.length,
      frameworks: frameworks.map((f) => f.id),
      source,
      ...(stack.stack ? { stack: stack.stack } : {}),
      ...(stack.environment ? { environment: stack.environment } : {}),
      waivers: {
        ...(options.waiverSource ? { source: options.waiverSource } : {}),
        applied: byStatus.muted,
        expired: waivers.expired.map((w) => ({ id: w.id, reason: w.reason, owner: w.owner, expires: w.expires })),
      },
      durationMs: Date.now() - started,
    },
  };
}

interface RuleGroup {
  readonly rule: Rule;
  readonly refs: readonly RequirementRef[];
  readonly frameworkRefs: readonly FrameworkRef[];
  pass: number;
  fail: number;
  unknown: number;
  manual: number;
  muted: number;
}

interface RequirementTally {
  readonly rules: Set<string>;
  pass: number;
  fail: number;
  unknown: number;
  manual: number;
  muted: number;
  passWeight: number;
  failWeight: number;
}

function toFrameworkRefs(refs: readonly RequirementRef[]): FrameworkRef[] {
  const frameworks = new Map<string, string[]>();
  for (const ref of refs) {
    const list = frameworks.get(ref.framework.id);
    if (list) list.push(ref.requirementId);
    else frameworks.set(ref.framework.id, [ref.requirementId]);
  }
  return [...frameworks].map(([framework, requirements]) => ({ framework, requirements }));
}

/** framework id → requirement id → tally of the rule groups mapped to it. */
function tallyRequirements(groups: Iterable<RuleGroup>): Map<string, Map<string, RequirementTally>> {
  const out = new Map<string, Map<string, RequirementTally>>();
  for (const g of groups) {
    const weight = SEVERITY_WEIGHT[g.rule.severity];
    for (const ref of g.refs) {
      let byReq = out.get(ref.framework.id);
      if (!byReq) out.set(ref.framework.id, (byReq = new Map<string, RequirementTally>()));
      let t = byReq.get(ref.requirementId);
      if (!t) byReq.set(ref.requirementId, (t = { rules: new Set(), pass: 0, fail: 0, unknown: 0, manual: 0, muted: 0, passWeight: 0, failWeight: 0 }));
      t.rules.add(g.rule.id);
      t.pass += g.pass;
      t.fail += g.fail;
      t.unknown += g.unknown;
      t.manual += g.manual;
      t.muted += g.muted;
      if (g.pass > 0) t.passWeight = Math.max(t.passWeight, weight);
      if (g.fail > 0) t.failWeight = Math.max(t.failWeight, weight);
    }
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By status, then severity (bucketed: 30 buckets), then address and rule id. */
function sortFindings(findings: readonly Finding[]): Finding[] {
  const buckets: Finding[][] = Array.from({ length: 30 }, () => []);
  for (const f of findings) buckets[STATUS_ORDER[f.status] * 5 + SEVERITY_ORDER[f.severity]]?.push(f);
  const out: Finding[] = [];
  for (const bucket of buckets) {
    bucket.sort((a, b) => compare(a.address, b.address) || compare(a.ruleId, b.ruleId));
    for (const f of bucket) out.push(f);
  }
  return out;
}

function toFinding(result: RuleResult, address: string, status: FindingStatus, frameworks: readonly FrameworkRef[], waiver: Waiver | undefined): Finding {
  const { rule, resource } = result;
  const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
    ruleId: rule.id,
    title: rule.title,
    category: rule.category,
    severity: rule.severity,
    status,
    address,
    resourceType: resource ? resource.type : null,
    cloud: resource ? resource.cloud : rule.clouds.length === 1 ? (rule.clouds[0] ?? null) : null,
    region: resource ? resource.region : null,
    frameworks,
    message: message(rule, result, status, address),
    remediation: rule.remediation,
    references: rule.references,
  };
  if (result.found !== undefined) finding.found = result.found;
  if (result.expected !== undefined) finding.expected = result.expected;
  if (result.attribute !== undefined) finding.attribute = result.attribute;
  if (waiver) finding.waiver = { id: waiver.id, reason: waiver.reason, owner: waiver.owner, expires: waiver.expires };
  return finding;
}

function message(rule: Rule, result: RuleResult, status: FindingStatus, address: string): string {
  const found = result.found ? `: ${result.found}` : '';
  switch (status) {
    case 'fail':
      return `${address} fails "${rule.title}"${found}${result.expected ? ` (expected ${result.expected})` : ''}`;
    case 'pass':
      return `${address} passes "${rule.title}"${found}`;
    case 'unknown':
      return `${address}: "${rule.title}" cannot be judged before apply${found}`;
    case 'manual':
      return `"${rule.title}" needs evidence: ${rule.scope === 'evidence' ? rule.evidence.asks : 'manual check'}`;
    case 'muted':
      return `${address} ${result.status === 'fail' ? 'fails' : 'may fail'} "${rule.title}" — waived${found}`;
    case 'not-applicable':
      return `"${rule.title}" does not apply to ${address}${found}`;
  }
}

/**
 * Requirement status from the results of the rules mapped to it: a failing (not waived) result fails it; else a waiver
 * mutes it; else one passing result passes it (unknown results are listed but do not hold a pass back); else unknown,
 * manual (evidence missing, or no rule implements it), or not-applicable (rules exist, nothing in the scan concerns them).
 */
function scoreFramework(
  framework: Framework,
  tallies: Map<string, RequirementTally> | undefined,
  /** Control topics some rule implements: requirements mapped to none of them are manual. */
  implemented: ReadonlySet<string>,
  waivers: WaiverSet,
): FrameworkScore {
  const requirements: RequirementResult[] = framework.requirements.map((req) => {
    const t = tallies?.get(req.id);
    const base = { id: req.id, title: req.title, rules: t ? [...t.rules].sort() : [] };
    const automated = req.controls.some((c) => implemented.has(c));
    if (!automated) return { ...base, status: 'manual', weight: 0, failedFindings: 0 };
    if (!t) return { ...base, status: 'not-applicable', weight: 0, failedFindings: 0 };
    const evaluated = t.pass + t.fail + t.unknown + t.manual + t.muted > 0;
    if (t.fail > 0) {
      if (waivers.forRequirement(framework.id, req.id)) return { ...base, status: 'muted', weight: 0, failedFindings: 0 };
      return { ...base, status: 'fail', weight: t.failWeight, failedFindings: t.fail };
    }
    if (t.muted > 0 || (evaluated && waivers.forRequirement(framework.id, req.id))) return { ...base, status: 'muted', weight: 0, failedFindings: 0 };
    if (t.pass > 0) return { ...base, status: 'pass', weight: t.passWeight, failedFindings: 0 };
    if (t.unknown > 0) return { ...base, status: 'unknown', weight: 0, failedFindings: 0 };
    if (t.manual > 0) return { ...base, status: 'manual', weight: 0, failedFindings: 0 };
    return { ...base, status: 'not-applicable', weight: 0, failedFindings: 0 };
  });
  const count = (status: RequirementResult['status']) => requirements.filter((r) => r.status === status).length;
  const passedWeight = requirements.filter((r) => r.status === 'pass').reduce((sum, r) => sum + r.weight, 0);
  const failedWeight = requirements.filter((r) => r.status === 'fail').reduce((sum, r) => sum + r.weight, 0);
  return {
    framework: framework.id,
    name: framework.name,
    version: framework.version,
    score: passedWeight + failedWeight === 0 ? null : round1((100 * passedWeight) / (passedWeight + failedWeight)),
    passed: count('pass'),
    failed: count('fail'),
    unknown: count('unknown'),
    manual: count('manual'),
    notApplicable: count('not-applicable'),
    muted: count('muted'),
    requirements,
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function notApplicableResources(resources: readonly ComplianceResource[], index: RuleIndex): NotApplicableResource[] {
  const out: NotApplicableResource[] = [];
  for (const r of resources) {
    if (index.specificFor(r.type).length > 0) continue;
    out.push({
      address: r.address,
      type: r.type,
      reason: r.cloud ? `no rule covers ${r.type} (only generic rules such as tagging apply)` : `${r.type} is not a resource of AWS, Azure or Google Cloud`,
    });
  }
  return out;
}
