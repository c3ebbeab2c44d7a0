import { createHash, randomUUID } from 'node:crypto';
import { parsePlanText, type ParsedPlan } from '@cloudwright/terraform-plan';
import { evaluateRules, RuleIndex, type RuleResult } from '../engine/evaluate';
import { ResourceSet, resourcesFromPlan } from '../engine/resource-set';
import { BUILTIN_FRAMEWORKS, FrameworkIndex, resolveFrameworks, type Framework } from '../frameworks';
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
  /** Include `pass` and `not-applicable` results in `findings` (always counted in scores). */
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
  const ruleIndex = new RuleIndex(allRules);
  const results = evaluateRules(set, ruleIndex, stack);

  const restrict = options.frameworks !== undefined && options.frameworks.length > 0;
  const findings: Finding[] = [];
  /** framework id → requirement id → results under it */
  const byRequirement = new Map<string, Map<string, { result: RuleResult; status: FindingStatus }[]>>();

  for (const result of results) {
    const clouds = result.resource ? [result.resource.cloud] : result.rule.clouds;
    const refs = frameworkIndex.requirementsFor(result.rule.controls, clouds);
    if (restrict && refs.length === 0) continue;
    const address = result.resource?.address ?? (result.rule.scope === 'evidence' ? '(stack)' : '(plan)');
    const waiver = result.status === 'fail' || result.status === 'unknown' ? waivers.forFinding(result.rule.id, address) : undefined;
    const status: FindingStatus = waiver ? 'muted' : result.status;
    for (const ref of refs) {
      let reqs = byRequirement.get(ref.framework.id);
      if (!reqs) byRequirement.set(ref.framework.id, (reqs = new Map<string, { result: RuleResult; status: FindingStatus }[]>()));
      const list = reqs.get(ref.requirementId);
      if (list) list.push({ result, status });
      else reqs.set(ref.requirementId, [{ result, status }]);
    }
    findings.push(toFinding(result, address, status, refs, waiver));
  }

  const scores = frameworks.map((fw) => scoreFramework(fw, byRequirement.get(fw.id) ?? new Map<string, { result: RuleResult; status: FindingStatus }[]>(), allRules, waivers));
  const visible = options.includePassed ? findings : findings.filter((f) => f.status !== 'pass' && f.status !== 'not-applicable');
  visible.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.address.localeCompare(b.address) ||
      a.ruleId.localeCompare(b.ruleId),
  );

  const byStatus: Record<FindingStatus, number> = { pass: 0, fail: 0, unknown: 0, 'not-applicable': 0, manual: 0, muted: 0 };
  const failedBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) {
    byStatus[f.status] += 1;
    if (f.status === 'fail') failedBySeverity[f.severity] += 1;
  }

  return {
    schemaVersion: 1,
    scores: { overall: overallScore(findings), frameworks: scores },
    findings: visible,
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
        applied: findings.filter((f) => f.status === 'muted').length,
        expired: waivers.expired.map((w) => ({ id: w.id, reason: w.reason, owner: w.owner, expires: w.expires })),
      },
      durationMs: Date.now() - started,
    },
  };
}

function toFinding(result: RuleResult, address: string, status: FindingStatus, refs: ReturnType<FrameworkIndex['requirementsFor']>, waiver: Waiver | undefined): Finding {
  const { rule, resource } = result;
  const frameworks = new Map<string, string[]>();
  for (const ref of refs) {
    const list = frameworks.get(ref.framework.id);
    if (list) list.push(ref.requirementId);
    else frameworks.set(ref.framework.id, [ref.requirementId]);
  }
  const frameworkRefs: FrameworkRef[] = [...frameworks].map(([framework, requirements]) => ({ framework, requirements }));
  return {
    ruleId: rule.id,
    title: rule.title,
    category: rule.category,
    severity: rule.severity,
    status,
    address,
    resourceType: resource?.type ?? null,
    cloud: resource?.cloud ?? (rule.clouds.length === 1 ? (rule.clouds[0] ?? null) : null),
    region: resource?.region ?? null,
    frameworks: frameworkRefs,
    message: message(rule, result, status, address),
    ...(result.found !== undefined ? { found: result.found } : {}),
    ...(result.expected !== undefined ? { expected: result.expected } : {}),
    ...(result.attribute !== undefined ? { attribute: result.attribute } : {}),
    remediation: rule.remediation,
    references: rule.references,
    ...(waiver ? { waiver: { id: waiver.id, reason: waiver.reason, owner: waiver.owner, expires: waiver.expires } } : {}),
  };
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
  results: Map<string, { result: RuleResult; status: FindingStatus }[]>,
  rules: readonly Rule[],
  waivers: WaiverSet,
): FrameworkScore {
  const implemented = new Set(rules.flatMap((r) => r.controls));
  const requirements: RequirementResult[] = framework.requirements.map((req) => {
    const list = results.get(req.id) ?? [];
    const ruleIds = [...new Set(list.map((r) => r.result.rule.id))].sort();
    const failing = list.filter((r) => r.status === 'fail');
    const passing = list.filter((r) => r.status === 'pass');
    const weightOf = (items: typeof list) => Math.max(0, ...items.map((r) => SEVERITY_WEIGHT[r.result.rule.severity]));
    const base = { id: req.id, title: req.title, rules: ruleIds };
    const automated = req.controls.some((c) => implemented.has(c));
    if (!automated) return { ...base, status: 'manual', weight: 0, failedFindings: 0 };
    if (failing.length > 0) {
      if (waivers.forRequirement(framework.id, req.id)) return { ...base, status: 'muted', weight: 0, failedFindings: 0 };
      return { ...base, status: 'fail', weight: weightOf(failing), failedFindings: failing.length };
    }
    if (list.some((r) => r.status === 'muted') || (list.length > 0 && waivers.forRequirement(framework.id, req.id))) {
      return { ...base, status: 'muted', weight: 0, failedFindings: 0 };
    }
    if (passing.length > 0) return { ...base, status: 'pass', weight: weightOf(passing), failedFindings: 0 };
    if (list.some((r) => r.status === 'unknown')) return { ...base, status: 'unknown', weight: 0, failedFindings: 0 };
    if (list.some((r) => r.status === 'manual')) return { ...base, status: 'manual', weight: 0, failedFindings: 0 };
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

/** Severity-weighted pass rate over every pass/fail result of the scan (muted, unknown, manual and n/a excluded). */
function overallScore(findings: readonly Finding[]): number | null {
  let passed = 0;
  let total = 0;
  for (const f of findings) {
    if (f.status !== 'pass' && f.status !== 'fail') continue;
    const w = SEVERITY_WEIGHT[f.severity];
    total += w;
    if (f.status === 'pass') passed += w;
  }
  return total === 0 ? null : round1((100 * passed) / total);
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
