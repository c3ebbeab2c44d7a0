import type { CheckResult, ComplianceResource, Rule, RuleStatus, StackContext } from '../model';
import type { ResourceSet } from './resource-set';

/** What a check (or the evidence) says, before it becomes a finding. */
export type Verdict = Omit<CheckResult, 'status'> & { readonly status: RuleStatus };

/** One rule's verdict on one resource, on the plan as a whole, or on the stack's evidence. */
export interface RuleResult {
  readonly rule: Rule;
  /** null for plan and evidence rules. */
  readonly resource: ComplianceResource | null;
  readonly status: RuleStatus;
  readonly found?: string;
  readonly expected?: string;
  readonly attribute?: string;
}

/** Rules by the resource type they evaluate (`*` rules under each of their clouds). */
export class RuleIndex {
  private readonly byType = new Map<string, Rule[]>();
  private readonly wildcard = new Map<string, Rule[]>();
  readonly planRules: Rule[] = [];
  readonly evidenceRules: Rule[] = [];

  constructor(readonly rules: readonly Rule[]) {
    for (const rule of rules) {
      if (rule.scope === 'plan') this.planRules.push(rule);
      else if (rule.scope === 'evidence') this.evidenceRules.push(rule);
      else {
        for (const type of rule.resourceTypes) {
          if (type === '*') for (const cloud of rule.clouds) add(this.wildcard, cloud, rule);
          else add(this.byType, type, rule);
        }
      }
    }
  }

  /** Rules written for this type specifically. */
  specificFor(type: string): readonly Rule[] {
    return this.byType.get(type) ?? [];
  }

  forResource(resource: ComplianceResource): Rule[] {
    const specific = this.byType.get(resource.type) ?? [];
    const generic = resource.cloud ? (this.wildcard.get(resource.cloud) ?? []) : [];
    return generic.length === 0 ? [...specific] : [...specific, ...generic];
  }
}

function add(map: Map<string, Rule[]>, key: string, rule: Rule): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(rule)) list.push(rule);
  } else map.set(key, [rule]);
}

/** A check that throws is a bug in the rule, not a verdict on the resource: say which rule and resource. */
export class RuleCheckError extends Error {
  constructor(
    readonly ruleId: string,
    readonly address: string,
    cause: unknown,
  ) {
    super(`rule ${ruleId} failed on ${address}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RuleCheckError';
  }
}

function toResult(rule: Rule, resource: ComplianceResource | null, check: Verdict): RuleResult {
  return { rule, resource, status: check.status, found: check.found, expected: check.expected, attribute: check.attribute };
}

/** Evaluates every rule on the resources it concerns, the plan rules once, and the evidence rules against the stack. */
export function evaluateRules(set: ResourceSet, index: RuleIndex, stack: StackContext): RuleResult[] {
  const results: RuleResult[] = [];
  forEachResult(set, index, stack, (rule, resource, check) => results.push(toResult(rule, resource, check)));
  return results;
}

/**
 * The same evaluation, streamed: `sink` gets each verdict as it is made, so a scan of a large plan does not keep a
 * result object per (rule, resource) pair — most of them are not-applicable and only counted.
 */
export function forEachResult(
  set: ResourceSet,
  index: RuleIndex,
  stack: StackContext,
  sink: (rule: Rule, resource: ComplianceResource | null, verdict: Verdict) => void,
): void {
  for (const resource of set.resources) {
    const rules = index.forResource(resource);
    if (rules.length === 0) continue;
    const ctx = set.contextFor(resource, stack);
    for (const rule of rules) {
      if (rule.scope !== 'resource') continue;
      let check: CheckResult;
      try {
        check = rule.check(ctx);
      } catch (error) {
        throw new RuleCheckError(rule.id, resource.address, error);
      }
      sink(rule, resource, check);
    }
  }
  if (index.planRules.length > 0) {
    const ctx = set.planContext(stack);
    for (const rule of index.planRules) {
      if (rule.scope !== 'plan') continue;
      let check: CheckResult;
      try {
        check = rule.check(ctx);
      } catch (error) {
        throw new RuleCheckError(rule.id, '(plan)', error);
      }
      sink(rule, null, check);
    }
  }
  for (const rule of index.evidenceRules) {
    if (rule.scope !== 'evidence') continue;
    const result = evidenceResult(rule, stack);
    sink(rule, null, result);
  }
}

function evidenceResult(rule: Rule & { scope: 'evidence' }, stack: StackContext): RuleResult {
  const item = stack.evidence?.[rule.evidence.key];
  const expected = `evidence "${rule.evidence.key}" = true (${rule.evidence.asks})`;
  if (!item) {
    return { rule, resource: null, status: 'manual', found: `no evidence "${rule.evidence.key}" supplied`, expected, attribute: rule.evidence.key };
  }
  const source = item.source ? ` (source: ${item.source})` : '';
  return {
    rule,
    resource: null,
    status: item.value ? 'pass' : 'fail',
    found: `evidence "${rule.evidence.key}" = ${String(item.value)}${source}`,
    expected,
    attribute: rule.evidence.key,
  };
}
