import type { AttrValue, ResourceValues } from '@cloudwright/terraform-plan';
import type { CheckResult, ResourceCheckContext } from '../../model';

/**
 * Building blocks for data-driven checks. Every helper keeps "unknown at plan time" apart from "absent" and
 * understands renamed provider attributes (pass the old and the new name: the first one present decides).
 */

export type ResourceCheck = (ctx: ResourceCheckContext) => CheckResult;

export interface ReadAttr {
  /** The attribute that was read (the first of the names that is present), or the first name when none is. */
  readonly path: string;
  readonly value: AttrValue;
}

/** Reads the first of `paths` that is present (known or unknown) — old and new provider attribute names alike. */
export function readAttr(values: ResourceValues, paths: string | readonly string[]): ReadAttr {
  const list = typeof paths === 'string' ? [paths] : paths;
  for (const path of list) {
    const value = values.get(path);
    if (value.state !== 'absent') return { path, value };
  }
  return { path: list[0] ?? '', value: { state: 'absent' } };
}

export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'not set';
  return JSON.stringify(value);
}

export const pass = (found?: string, expected?: string, attribute?: string): CheckResult => ({ status: 'pass', found, expected, attribute });
export const fail = (found: string, expected: string, attribute?: string): CheckResult => ({ status: 'fail', found, expected, attribute });
export const unknown = (attribute: string, expected: string): CheckResult => ({
  status: 'unknown',
  found: `${attribute} is known only after apply`,
  expected,
  attribute,
});
export const notApplicable = (why: string): CheckResult => ({ status: 'not-applicable', found: why });

export interface AttrCheckSpec {
  /** Attribute path(s); several = renamed attribute, first present wins (`enable_https_traffic_only`, `https_traffic_only_enabled`). */
  readonly attr: string | readonly string[];
  /** The condition on a known value. */
  readonly test: (value: unknown) => boolean;
  /** Human wording of what is expected: `storage_encrypted = true`. */
  readonly expected: string;
  /**
   * When no name is present: `fail`, `pass`, or a provider default value to test instead (documented default).
   * Default: `fail`.
   */
  readonly absent?: 'fail' | 'pass' | { readonly default: unknown };
}

/** Checks one attribute of the resource. */
export function attrCheck(spec: AttrCheckSpec): ResourceCheck {
  return (ctx) => checkValues(ctx.values, spec);
}

export function checkValues(values: ResourceValues, spec: AttrCheckSpec): CheckResult {
  const { path, value } = readAttr(values, spec.attr);
  if (value.state === 'unknown') return unknown(path, spec.expected);
  if (value.state === 'absent') {
    const absent = spec.absent ?? 'fail';
    if (absent === 'pass') return pass(`${path} not set (provider default is compliant)`, spec.expected, path);
    if (absent === 'fail') return fail(`${path} not set`, spec.expected, path);
    return spec.test(absent.default)
      ? pass(`${path} not set (provider default ${show(absent.default)})`, spec.expected, path)
      : fail(`${path} not set (provider default ${show(absent.default)})`, spec.expected, path);
  }
  return spec.test(value.value)
    ? pass(`${path} = ${show(value.value)}`, spec.expected, path)
    : fail(`${path} = ${show(value.value)}`, spec.expected, path);
}

/** `attr` must equal `expected` (booleans also accept "true"/"false"). */
export function attrEquals(attr: string | readonly string[], expected: unknown, absent?: AttrCheckSpec['absent']): ResourceCheck {
  const name = typeof attr === 'string' ? attr : (attr[attr.length - 1] ?? '');
  return attrCheck({ attr, test: (v) => looseEquals(v, expected), expected: `${name} = ${show(expected)}`, absent });
}

/** `attr` must be a non-empty value (string, list, object). */
export function attrSet(attr: string | readonly string[], expectedWording?: string): ResourceCheck {
  const name = typeof attr === 'string' ? attr : (attr[attr.length - 1] ?? '');
  return attrCheck({ attr, test: isNonEmpty, expected: expectedWording ?? `${name} set` });
}

export function looseEquals(value: unknown, expected: unknown): boolean {
  if (typeof expected === 'boolean') return value === expected || value === String(expected);
  if (typeof expected === 'number') return value === expected || (typeof value === 'string' && Number(value) === expected);
  if (typeof expected === 'string') return typeof value === 'string' && value.toLowerCase() === expected.toLowerCase();
  return value === expected;
}

export function isNonEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Numeric attribute at least `min`. */
export function attrAtLeast(attr: string | readonly string[], min: number, absent?: AttrCheckSpec['absent']): ResourceCheck {
  const name = typeof attr === 'string' ? attr : (attr[attr.length - 1] ?? '');
  return attrCheck({
    attr,
    test: (v) => {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
      return Number.isFinite(n) && n >= min;
    },
    expected: `${name} >= ${min}`,
    absent,
  });
}

/** TLS version strings of every cloud (`TLS1_2`, `1.2`, `TLS1.2`, `TLS_1_2`, `Tls12`) as a number, or NaN. */
export function tlsVersion(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  const digits = value.replace(/[^0-9]/g, '');
  if (digits.length === 0) return Number.NaN;
  return Number(`${digits.charAt(0)}.${digits.slice(1) || '0'}`);
}

/** Minimum TLS version attribute must be ≥ 1.2. */
export function minTls12(attr: string | readonly string[], absent?: AttrCheckSpec['absent']): ResourceCheck {
  const name = typeof attr === 'string' ? attr : (attr[attr.length - 1] ?? '');
  return attrCheck({ attr, test: (v) => tlsVersion(v) >= 1.2, expected: `${name} TLS 1.2 or later`, absent });
}

/**
 * All checks must pass: the first `fail` decides; else `unknown` if any is unknown; `not-applicable` only when all are;
 * else pass (findings of the passing parts joined).
 */
export function allOf(...checks: readonly ResourceCheck[]): ResourceCheck {
  return (ctx) => {
    const results = checks.map((check) => check(ctx));
    const failed = results.find((r) => r.status === 'fail');
    if (failed) return failed;
    const unknownResult = results.find((r) => r.status === 'unknown');
    if (unknownResult) return unknownResult;
    const applicable = results.filter((r) => r.status === 'pass');
    if (applicable.length === 0) return results[0] ?? notApplicable('nothing to check');
    return {
      status: 'pass',
      found: applicable.map((r) => r.found).filter(Boolean).join('; '),
      expected: applicable.map((r) => r.expected).filter(Boolean).join('; '),
      attribute: applicable[0]?.attribute,
    };
  };
}

/** Any check passing is enough (e.g. encryption set on the resource OR in its companion resource). */
export function anyOf(...checks: readonly ResourceCheck[]): ResourceCheck {
  return (ctx) => {
    const results = checks.map((check) => check(ctx));
    const passed = results.find((r) => r.status === 'pass');
    if (passed) return passed;
    const unknownResult = results.find((r) => r.status === 'unknown');
    if (unknownResult) return unknownResult;
    const failed = results.find((r) => r.status === 'fail');
    if (failed) {
      return {
        status: 'fail',
        found: results.filter((r) => r.status === 'fail').map((r) => r.found).filter(Boolean).join('; '),
        expected: results.filter((r) => r.status === 'fail').map((r) => r.expected).filter(Boolean).join(' or '),
        attribute: failed.attribute,
      };
    }
    return results[0] ?? notApplicable('nothing to check');
  };
}

/**
 * Applies `check` only when `applies` says so: `true` → check, `false` → not-applicable (with `why`),
 * `'unknown'` → unknown (the deciding value is known only after apply).
 */
export function onlyIf(
  applies: (ctx: ResourceCheckContext) => boolean | 'unknown',
  why: string,
  check: ResourceCheck,
): ResourceCheck {
  return (ctx) => {
    const verdict = applies(ctx);
    if (verdict === 'unknown') return { status: 'unknown', found: `whether the rule applies is known only after apply (${why})` };
    return verdict ? check(ctx) : notApplicable(why);
  };
}

/** `true` when the known string attribute matches, `'unknown'` when unknown, `false` otherwise. */
export function attrMatches(values: ResourceValues, attr: string | readonly string[], pattern: RegExp): boolean | 'unknown' {
  const { value } = readAttr(values, attr);
  if (value.state === 'unknown') return 'unknown';
  if (value.state === 'absent') return false;
  return typeof value.value === 'string' && pattern.test(value.value);
}

/**
 * A companion resource (a resource of `types` referring to this one) must exist and satisfy `check`.
 * Used for attributes providers moved out of the main resource (S3 encryption, versioning, logging, ACLs).
 */
export function companion(types: string | readonly string[], check: ResourceCheck | null, missing: string): ResourceCheck {
  return (ctx) => {
    const found = ctx.referencing(types);
    const typeList = typeof types === 'string' ? types : types.join(' or ');
    if (found.length === 0) return fail(missing, `a ${typeList} for this resource`, typeList);
    if (!check) return pass(`${found.map((r) => r.address).join(', ')} present`, `a ${typeList} for this resource`, typeList);
    const results = found.map((resource) => ({ resource, result: check({ ...ctx, resource, values: resource.values }) }));
    const ok = results.find((r) => r.result.status === 'pass');
    if (ok) return { ...ok.result, found: `${ok.resource.address}: ${ok.result.found ?? 'compliant'}`, attribute: ok.resource.address };
    const unknownResult = results.find((r) => r.result.status === 'unknown');
    if (unknownResult) return { ...unknownResult.result, attribute: unknownResult.resource.address };
    const first = results[0];
    return first
      ? { ...first.result, found: `${first.resource.address}: ${first.result.found ?? ''}`, attribute: first.resource.address }
      : fail(missing, `a ${typeList} for this resource`, typeList);
  };
}
