import type { AttrValue, ResourceValues } from '@cloudwright/terraform-plan';
import type { ResourceCheckContext, ResourceRule } from '../../model';
import { fail, isNonEmpty, notApplicable, pass, show, unknown, type ResourceCheck } from '../common/checks';

/** Helpers shared by the Google Cloud rules. */

export const REGISTRY = 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources';

/** A Google Cloud resource rule: `scope` and `clouds` filled in. */
export function gcpRule(rule: Omit<ResourceRule, 'scope' | 'clouds'>): ResourceRule {
  return { scope: 'resource', clouds: ['gcp'], ...rule };
}

/** `allUsers` (anyone on the internet) and `allAuthenticatedUsers` (anyone with a Google account). */
export const PUBLIC_PRINCIPALS: readonly string[] = ['allUsers', 'allAuthenticatedUsers'];

export function isPublicPrincipal(member: unknown): boolean {
  if (typeof member !== 'string') return false;
  const m = member.trim().toLowerCase();
  return m === 'allusers' || m === 'allauthenticatedusers';
}

/** State of a nested block (a list in plan JSON): present (non-empty), absent (null / empty list) or unknown. */
export function blockState(values: ResourceValues, path: string | readonly (string | number)[]): 'present' | 'absent' | 'unknown' {
  const v = values.get(path);
  if (v.state === 'unknown') return 'unknown';
  if (v.state === 'absent') return 'absent';
  if (Array.isArray(v.value)) return v.value.length > 0 ? 'present' : 'absent';
  return 'present';
}

/** Known `true`, `"true"`, `"TRUE"` or `"1"` (metadata values are strings). */
export function truthy(value: unknown): boolean {
  if (value === true || value === 1) return true;
  return typeof value === 'string' && ['true', '1'].includes(value.trim().toLowerCase());
}

/** The first of `paths` that is known and non-empty passes; else unknown if one is unknown; else fail. */
export function anySet(paths: readonly string[], expected: string): ResourceCheck {
  return (ctx) => {
    let unknownPath: string | undefined;
    for (const path of paths) {
      const v = ctx.values.get(path);
      if (v.state === 'known' && isNonEmpty(v.value)) return pass(`${path} = ${show(v.value)}`, expected, path);
      if (v.state === 'unknown' && !unknownPath) unknownPath = path;
    }
    if (unknownPath) return unknown(unknownPath, expected);
    return fail(`none of ${paths.join(', ')} set`, expected, paths[0]);
  };
}

export interface MemberScan {
  /** `public` when a known member is allUsers/allAuthenticatedUsers. */
  readonly status: 'public' | 'private' | 'unknown' | 'none';
  readonly found: string;
  readonly attribute: string;
}

/**
 * The principals an IAM resource grants to: `member` (`*_iam_member`), `members` (`*_iam_binding`) or the bindings of
 * `policy_data` (`*_iam_policy`, a JSON document).
 */
export function scanMembers(values: ResourceValues): MemberScan {
  const member = values.get('member');
  if (member.state === 'unknown') return { status: 'unknown', found: 'member is known only after apply', attribute: 'member' };
  if (member.state === 'known') {
    return isPublicPrincipal(member.value)
      ? { status: 'public', found: `member = ${show(member.value)}`, attribute: 'member' }
      : { status: 'private', found: `member = ${show(member.value)}`, attribute: 'member' };
  }
  const members = values.get('members');
  if (members.state === 'unknown') return { status: 'unknown', found: 'members is known only after apply', attribute: 'members' };
  if (members.state === 'known' && Array.isArray(members.value)) {
    const list = members.value as unknown[];
    const publicOnes = list.filter((m) => isPublicPrincipal(m));
    if (publicOnes.length > 0) return { status: 'public', found: `members include ${publicOnes.map((m) => show(m)).join(', ')}`, attribute: 'members' };
    const someUnknown = list.some((_m, i) => values.get(['members', i]).state === 'unknown');
    if (someUnknown) return { status: 'unknown', found: 'some members are known only after apply', attribute: 'members' };
    return { status: 'private', found: `members = ${show(list)}`, attribute: 'members' };
  }
  const policy = values.get('policy_data');
  if (policy.state === 'unknown') return { status: 'unknown', found: 'policy_data is known only after apply', attribute: 'policy_data' };
  if (policy.state === 'known') {
    const granted = policyMembers(policy.value);
    if (granted === undefined) return { status: 'unknown', found: 'policy_data is not a readable IAM policy', attribute: 'policy_data' };
    const publicOnes = granted.filter((g) => isPublicPrincipal(g.member));
    if (publicOnes.length > 0) {
      return { status: 'public', found: `policy_data grants ${publicOnes.map((g) => `${g.role} to ${g.member}`).join(', ')}`, attribute: 'policy_data' };
    }
    return { status: 'private', found: `policy_data grants no role to allUsers/allAuthenticatedUsers`, attribute: 'policy_data' };
  }
  return { status: 'none', found: 'no member, members or policy_data', attribute: 'member' };
}

/** Role/member pairs of an IAM policy JSON document; undefined when the text is not one. */
export function policyMembers(text: unknown): { role: string; member: string }[] | undefined {
  if (typeof text !== 'string') return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (doc === null || typeof doc !== 'object') return undefined;
  const bindings = (doc as { bindings?: unknown }).bindings;
  if (bindings === undefined) return [];
  if (!Array.isArray(bindings)) return undefined;
  const out: { role: string; member: string }[] = [];
  for (const binding of bindings as unknown[]) {
    if (binding === null || typeof binding !== 'object') continue;
    const { role, members } = binding as { role?: unknown; members?: unknown };
    if (!Array.isArray(members)) continue;
    for (const member of members as unknown[]) if (typeof member === 'string') out.push({ role: typeof role === 'string' ? role : '?', member });
  }
  return out;
}

/** An IAM resource must not grant anything to allUsers / allAuthenticatedUsers. */
export function noPublicMembers(what: string): ResourceCheck {
  const expected = `no grant to allUsers or allAuthenticatedUsers on the ${what}`;
  return (ctx) => {
    const scan = scanMembers(ctx.values);
    if (scan.status === 'public') return fail(scan.found, expected, scan.attribute);
    if (scan.status === 'unknown') return unknown(scan.attribute, expected);
    if (scan.status === 'none') return notApplicable(scan.found);
    return pass(scan.found, expected, scan.attribute);
  };
}

export const IAM_SUFFIXES = ['_iam_member', '_iam_binding', '_iam_policy'] as const;

/** `google_x_iam_member`, `google_x_iam_binding`, `google_x_iam_policy` for each base. */
export function iamTypes(...bases: readonly string[]): string[] {
  return bases.flatMap((base) => IAM_SUFFIXES.map((suffix) => `${base}${suffix}`));
}

/** The Compute Engine default service account: `PROJECT_NUMBER-compute@developer.gserviceaccount.com`. */
const DEFAULT_COMPUTE_SA = /-compute@developer\.gserviceaccount\.com$/i;

/**
 * Whether a service-account email is the Compute Engine default one. Unset (or `default`) means the default account.
 * An unknown email counts as a dedicated account when the resource refers to a `google_service_account` of the plan
 * (its email is known only after apply); otherwise it stays unknown.
 */
export function serviceAccountKind(ctx: ResourceCheckContext, email: AttrValue): 'default' | 'custom' | 'unknown' {
  if (email.state === 'absent') return 'default';
  if (email.state === 'unknown') return ctx.referenced('google_service_account').length > 0 ? 'custom' : 'unknown';
  if (typeof email.value !== 'string' || email.value.trim() === '' || email.value.trim().toLowerCase() === 'default') return 'default';
  return DEFAULT_COMPUTE_SA.test(email.value.trim()) ? 'default' : 'custom';
}
