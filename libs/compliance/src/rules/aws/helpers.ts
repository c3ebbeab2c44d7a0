import type { AttrValue, ResourceValues } from '@cloudwright/terraform-plan';
import type { CheckResult, ResourceCheckContext } from '../../model';
import { fail, isNonEmpty, pass, readAttr, show } from '../common/checks';

/** Shared building blocks of the AWS rules: nested blocks, IAM policy documents, verdict collection. */

const REGISTRY = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources';
export const docs = (resource: string): string => `${REGISTRY}/${resource}`;

/** Nested blocks at `path`: the known list (empty when absent), or `unknown` when the whole list is known only after apply. */
export type Blocks = { readonly state: 'known'; readonly blocks: ResourceValues[] } | { readonly state: 'unknown' };

export function blocksAt(values: ResourceValues, path: string): Blocks {
  if (values.get(path).state === 'unknown') return { state: 'unknown' };
  return { state: 'known', blocks: values.blocks(path) };
}

/** Strings of a string-or-list value (IAM `Action`, `Resource`, principal ids). */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * Collects per-item verdicts of a rule that looks at several things (rules of a security group, statements of a
 * policy, listeners of a load balancer): any failure fails, else any unknown makes the result unknown, else pass.
 */
export class Findings {
  private readonly failed: string[] = [];
  private readonly unknowns: string[] = [];
  private readonly passed: string[] = [];

  failIf(condition: boolean, found: string): void {
    if (condition) this.failed.push(found);
  }
  fail(found: string): void {
    this.failed.push(found);
  }
  unknown(what: string): void {
    this.unknowns.push(what);
  }
  pass(found: string): void {
    this.passed.push(found);
  }
  get hasFailures(): boolean {
    return this.failed.length > 0;
  }

  /** Any passing item is enough (alternative configurations): pass, else unknown, else fail; `none` when nothing was seen. */
  anyPass(expected: string, attribute: string, none: CheckResult): CheckResult {
    if (this.passed.length > 0) return pass(this.passed.join('; '), expected, attribute);
    if (this.unknowns.length > 0) {
      return { status: 'unknown', found: `${this.unknowns.join('; ')} known only after apply`, expected, attribute };
    }
    if (this.failed.length > 0) return fail(this.failed.join('; '), expected, attribute);
    return none;
  }

  /** The verdict; `none` is the result when nothing was looked at (not-applicable or pass). */
  result(expected: string, attribute: string, none?: CheckResult): CheckResult {
    if (this.failed.length > 0) return fail(this.failed.join('; '), expected, attribute);
    if (this.unknowns.length > 0) {
      return { status: 'unknown', found: `${this.unknowns.join('; ')} known only after apply`, expected, attribute };
    }
    if (this.passed.length === 0 && none) return none;
    return pass(this.passed.join('; ') || 'compliant', expected, attribute);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// IAM policy documents

export interface Principal {
  /** `*` (bare `"Principal": "*"`), `AWS`, `Service`, `Federated`, `CanonicalUser`. */
  readonly type: string;
  readonly id: string;
}

export interface Statement {
  readonly label: string;
  readonly effect: string;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly principals: readonly Principal[];
  /** Condition operator → condition key → value(s). */
  readonly condition: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export type Policy =
  | { readonly state: 'known'; readonly statements: readonly Statement[] }
  | { readonly state: 'unknown' }
  | { readonly state: 'absent' }
  | { readonly state: 'invalid'; readonly error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function principalsOf(value: unknown): Principal[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [{ type: value === '*' ? '*' : 'AWS', id: value }];
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([type, ids]) => strings(ids).map((id) => ({ type, id })));
}

/** Parses an IAM/resource policy document (JSON text as Terraform holds it, or an already parsed object). */
export function parsePolicyDocument(document: unknown): Policy {
  let doc: unknown = document;
  if (typeof document === 'string') {
    if (document.trim() === '') return { state: 'absent' };
    try {
      doc = JSON.parse(document);
    } catch (error) {
      return { state: 'invalid', error: error instanceof Error ? error.message : 'not JSON' };
    }
  }
  if (!isRecord(doc)) return { state: 'invalid', error: 'not a policy document object' };
  const raw = doc.Statement;
  const list: unknown[] = Array.isArray(raw) ? (raw as unknown[]) : raw === undefined ? [] : [raw];
  const statements = list.filter(isRecord).map((s, i): Statement => {
    const condition: Record<string, Record<string, unknown>> = {};
    if (isRecord(s.Condition)) {
      for (const [operator, keys] of Object.entries(s.Condition)) if (isRecord(keys)) condition[operator] = keys;
    }
    return {
      label: typeof s.Sid === 'string' && s.Sid !== '' ? `statement "${s.Sid}"` : `Statement[${i}]`,
      effect: typeof s.Effect === 'string' ? s.Effect : '',
      actions: strings(s.Action),
      notActions: strings(s.NotAction),
      resources: strings(s.Resource),
      principals: principalsOf(s.Principal),
      condition,
    };
  });
  return { state: 'known', statements };
}

export function readPolicy(value: AttrValue): Policy {
  if (value.state === 'unknown') return { state: 'unknown' };
  if (value.state === 'absent') return { state: 'absent' };
  return parsePolicyDocument(value.value);
}

export const isAllow = (s: Statement): boolean => s.effect.toLowerCase() === 'allow';
export const isDeny = (s: Statement): boolean => s.effect.toLowerCase() === 'deny';

/** `"Principal": "*"` or `{"AWS": "*"}`: anyone, including anonymous callers. */
export function hasPublicPrincipal(s: Statement): boolean {
  return s.principals.some((p) => p.id === '*' && (p.type === '*' || p.type === 'AWS'));
}

export function conditionKeys(s: Statement): string[] {
  return Object.values(s.condition).flatMap((keys) => Object.keys(keys).map((k) => k.toLowerCase()));
}

export const hasCondition = (s: Statement): boolean => conditionKeys(s).length > 0;

/** Allow statements open to anyone without a condition narrowing who (org id, source VPC/IP, account …). */
export function publicStatements(policy: Policy): Statement[] {
  if (policy.state !== 'known') return [];
  return policy.statements.filter((s) => isAllow(s) && hasPublicPrincipal(s) && !hasCondition(s));
}

/**
 * Judges a resource policy (bucket, key, repository policy): fails on Allow statements open to `*` without a
 * condition. `absent` is the verdict when the resource has no policy.
 */
export function judgePublicPolicy(policy: Policy, attribute: string, absent: CheckResult): CheckResult {
  const expected = 'no Allow statement with Principal "*" unless a Condition restricts it';
  if (policy.state === 'absent') return absent;
  if (policy.state === 'unknown') return { status: 'unknown', found: `${attribute} is known only after apply`, expected, attribute };
  if (policy.state === 'invalid') return { status: 'unknown', found: `${attribute} could not be read (${policy.error})`, expected, attribute };
  const open = publicStatements(policy);
  if (open.length > 0) return fail(`${attribute}: ${open.map((s) => s.label).join(', ')} allow Principal "*" without a condition`, expected, attribute);
  return pass(`${attribute}: no unconditioned public Allow statement`, expected, attribute);
}

// ---------------------------------------------------------------------------------------------------------------
// Misc

/** Engine (or other selector) check used by `onlyIf`: true / false / 'unknown' from a known string attribute. */
export function attrIn(values: ResourceValues, attr: string | readonly string[], accepted: RegExp, absentDefault?: string): boolean | 'unknown' {
  const { value } = readAttr(values, attr);
  if (value.state === 'unknown') return 'unknown';
  const v = value.state === 'absent' ? absentDefault : value.value;
  return typeof v === 'string' && accepted.test(v);
}

/**
 * A plain (not provider-computed) attribute that must be set: a value known only after apply is a reference to a
 * resource being created (a KMS key, a log group), so it is set and passes.
 */
export function setFromConfig(attr: string, expected = `${attr} set`): (ctx: ResourceCheckContext) => CheckResult {
  return (ctx) => {
    const v = ctx.values.get(attr);
    if (v.state === 'unknown') return pass(`${attr} = (a reference known after apply)`, expected, attr);
    if (v.state === 'known' && isNonEmpty(v.value)) return pass(`${attr} = ${show(v.value)}`, expected, attr);
    return fail(v.state === 'known' ? `${attr} = ${show(v.value)}` : `${attr} not set`, expected, attr);
  };
}

