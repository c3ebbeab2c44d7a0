import type { ResourceValues } from '@cloudwright/terraform-plan';
import type { CheckResult, ComplianceResource, StackContext } from '../../model';

/** Helpers shared by the cross-cloud rules (tags, secrets, plan-level architecture and cost rules). */

const NON_PRODUCTION = new Set(['dev', 'development', 'test', 'testing', 'staging', 'stage', 'qa', 'sandbox']);
const PRODUCTION = new Set(['prod', 'production', 'prd', 'live']);

/** `non-production` for dev/test/staging/qa/sandbox, `production` for prod/production/prd/live, null otherwise. */
export function environmentKind(stack: StackContext): 'production' | 'non-production' | null {
  const env = stack.environment?.trim().toLowerCase();
  if (!env) return null;
  if (NON_PRODUCTION.has(env)) return 'non-production';
  if (PRODUCTION.has(env)) return 'production';
  return null;
}

/**
 * The attribute exists in the resource's schema: present in the plan's `after` object even when null (unset), or
 * unknown. Real plan JSON lists every attribute of a created resource, unset ones as null.
 */
export function hasAttribute(values: ResourceValues, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(values.values, name) || values.get(name).state !== 'absent';
}

/** `a` refers to `b` (a reference in its configuration or `depends_on`). */
export function refersTo(a: ComplianceResource, b: ComplianceResource): boolean {
  return a.dependsOn.includes(b.configAddress);
}

/** Any known `true` among the (renamed) attributes → true; else unknown when one is unknown; else false. */
export function anyTrue(values: ResourceValues, names: readonly string[]): boolean | 'unknown' {
  let sawUnknown = false;
  for (const name of names) {
    const v = values.get(name);
    if (v.state === 'unknown') sawUnknown = true;
    else if (v.state === 'known' && (v.value === true || v.value === 'true')) return true;
  }
  return sawUnknown ? 'unknown' : false;
}

/** Masks a secret for messages: never more than its first 4 characters (only when long enough), and its length. */
export function mask(secret: string): string {
  if (secret.length < 12) return `**** (${secret.length} characters)`;
  return `${secret.slice(0, 4)}**** (${secret.length} characters)`;
}

/** A list of addresses for a message, shortened after `max`. */
export function addresses(resources: readonly ComplianceResource[], max = 5): string {
  const list = resources.slice(0, max).map((r) => r.address);
  return resources.length > max ? `${list.join(', ')} and ${resources.length - max} more` : list.join(', ');
}

/** Result for a plan rule whose subject is missing from the plan. */
export function planNotApplicable(why: string): CheckResult {
  return { status: 'not-applicable', found: why };
}

/** Parses a JSON string attribute (ECS container definitions, Batch container properties); undefined when not JSON. */
export function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
