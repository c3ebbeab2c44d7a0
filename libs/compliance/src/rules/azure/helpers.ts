import type { ResourceValues } from '@cloudwright/terraform-plan';
import type { CheckResult, ResourceRule } from '../../model';
import { attrCheck, fail, isNonEmpty, notApplicable, pass, readAttr, show, unknown, type AttrCheckSpec, type ResourceCheck } from '../common/checks';

/** Helpers shared by the Azure (azurerm) rules. */

export type AzureRuleSpec = Omit<ResourceRule, 'scope' | 'clouds'>;

/** An Azure resource rule: `scope: 'resource'`, `clouds: ['azure']`. */
export function azureRule(spec: AzureRuleSpec): ResourceRule {
  return { scope: 'resource', clouds: ['azure'], ...spec };
}

const lastName = (attr: string | readonly string[]): string => (typeof attr === 'string' ? attr : (attr[attr.length - 1] ?? ''));

/** `attr` is one of `allowed` (case-insensitive strings). */
export function attrIn(attr: string | readonly string[], allowed: readonly string[], absent?: AttrCheckSpec['absent']): ResourceCheck {
  const wanted = allowed.map((a) => a.toLowerCase());
  return attrCheck({
    attr,
    test: (v) => typeof v === 'string' && wanted.includes(v.toLowerCase()),
    expected: `${lastName(attr)} one of ${allowed.join(', ')}`,
    absent,
  });
}

/** `attr` must not be one of `denied` (case-insensitive strings). */
export function attrNotIn(attr: string | readonly string[], denied: readonly string[], absent?: AttrCheckSpec['absent']): ResourceCheck {
  const unwanted = denied.map((a) => a.toLowerCase());
  return attrCheck({
    attr,
    test: (v) => !(typeof v === 'string' && unwanted.includes(v.toLowerCase())),
    expected: `${lastName(attr)} not ${denied.join(' / ')}`,
    absent,
  });
}

/** Boolean attribute must be `expected` (strings "true"/"false" accepted), with a documented default when absent. */
export function attrBool(attr: string | readonly string[], expected: boolean, absent?: AttrCheckSpec['absent']): ResourceCheck {
  return attrCheck({ attr, test: (v) => v === expected || v === String(expected), expected: `${lastName(attr)} = ${String(expected)}`, absent });
}

/**
 * A block (Terraform nested block, a list in plan JSON) or attribute must be present and non-empty. `old` names
 * (renamed/moved attributes) are tried in turn; the first present decides.
 */
export function blockPresent(attr: string | readonly string[], expected?: string): ResourceCheck {
  return (ctx) => {
    const { path, value } = readAttr(ctx.values, attr);
    const wording = expected ?? `${lastName(attr)} configured`;
    if (value.state === 'unknown') return unknown(path, wording);
    if (value.state === 'absent' || !isNonEmpty(value.value)) return fail(`${path} not set`, wording, path);
    return pass(`${path} set`, wording, path);
  };
}

/**
 * An id attribute set (e.g. `disk_encryption_set_id`, `firewall_policy_id`). When the id is unknown at plan time but
 * the resource refers to a resource of one of `refTypes` (the id of a resource created in the same plan), it is set.
 */
export function idSet(attr: string | readonly string[], refTypes: readonly string[], expected?: string): ResourceCheck {
  return (ctx) => {
    const { path, value } = readAttr(ctx.values, attr);
    const wording = expected ?? `${lastName(attr)} set`;
    if (value.state === 'known' && isNonEmpty(value.value)) return pass(`${path} = ${show(value.value)}`, wording, path);
    if (value.state === 'unknown') {
      const refs = ctx.referenced(refTypes);
      if (refs.length > 0) return pass(`${path} refers to ${refs.map((r) => r.address).join(', ')}`, wording, path);
      return unknown(path, wording);
    }
    return fail(`${path} not set`, wording, path);
  };
}

/** Dispatches on the resource type. Types not listed are not applicable. */
export function byType(checks: Readonly<Record<string, ResourceCheck>>): ResourceCheck {
  return (ctx) => {
    const check = checks[ctx.resource.type];
    return check ? check(ctx) : notApplicable(`${ctx.resource.type} is not concerned`);
  };
}

/** A check on a known string attribute deciding applicability: true/false, or 'unknown'. */
export function stringAttr(values: ResourceValues, attr: string | readonly string[]): { state: 'known'; value: string | undefined } | { state: 'unknown' } {
  const { value } = readAttr(values, attr);
  if (value.state === 'unknown') return { state: 'unknown' };
  if (value.state === 'absent') return { state: 'known', value: undefined };
  return { state: 'known', value: typeof value.value === 'string' ? value.value : show(value.value) };
}

export const eqi = (a: unknown, b: string): boolean => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

/** An extension (publisher + type) — inline VMSS `extension` block or companion extension resource. */
export interface ExtensionKind {
  readonly publisher: string;
  readonly type: string;
}

/** Whether extension values match one of `kinds`: true, false, or 'unknown' when publisher/type are unknown. */
export function extensionMatches(values: ResourceValues, kinds: readonly ExtensionKind[]): boolean | 'unknown' {
  const publisher = values.get('publisher');
  const type = values.get('type');
  if (publisher.state === 'unknown' || type.state === 'unknown') return 'unknown';
  if (publisher.state !== 'known' || type.state !== 'known') return false;
  return kinds.some((k) => eqi(publisher.value, k.publisher) && eqi(type.value, k.type));
}

/**
 * The VM (or scale set) has an extension of one of `kinds`: a companion extension resource referring to it, an inline
 * `extension` block (scale sets), or — when `defenderForServers` — a Microsoft Defender for Servers plan in the scan
 * (`azurerm_security_center_subscription_pricing` with `resource_type = "VirtualMachines"` and `tier = "Standard"`),
 * which deploys Defender for Endpoint to every VM of the subscription.
 */
export function hasExtension(kinds: readonly ExtensionKind[], wording: string, defenderForServers: boolean): ResourceCheck {
  return (ctx) => {
    const candidates: { label: string; values: ResourceValues }[] = [];
    for (const r of ctx.referencing(['azurerm_virtual_machine_extension', 'azurerm_virtual_machine_scale_set_extension'])) {
      candidates.push({ label: r.address, values: r.values });
    }
    const inline = ctx.values.get('extension');
    if (inline.state === 'known') ctx.values.blocks('extension').forEach((b, i) => candidates.push({ label: `extension[${i}]`, values: b }));
    let sawUnknown = inline.state === 'unknown';
    for (const c of candidates) {
      const m = extensionMatches(c.values, kinds);
      if (m === true) return pass(`${c.label} (${String(c.values.string('publisher'))} ${String(c.values.string('type'))})`, wording, c.label);
      if (m === 'unknown') sawUnknown = true;
    }
    if (defenderForServers) {
      const plan = defenderPlan('VirtualMachines', wording)(ctx);
      if (plan.status === 'pass') return { ...plan, found: `${plan.found ?? ''} (deploys Defender for Endpoint)` };
      if (plan.status === 'unknown') sawUnknown = true;
    }
    if (sawUnknown) return unknown('extension', wording);
    const seen = candidates.length === 0 ? 'no extension' : `extensions: ${candidates.map((c) => `${String(c.values.string('publisher'))}/${String(c.values.string('type'))}`).join(', ')}`;
    return fail(seen, wording, 'extension');
  };
}

/** Result helper for rules judging several nested blocks: the first failing block, else unknown, else pass. */
export function judgeBlocks(results: readonly { label: string; result: CheckResult }[], expected: string, emptyFound: string): CheckResult {
  const failed = results.find((r) => r.result.status === 'fail');
  if (failed) return { ...failed.result, found: `${failed.label}: ${failed.result.found ?? ''}`, expected: failed.result.expected ?? expected };
  const unk = results.find((r) => r.result.status === 'unknown');
  if (unk) return { ...unk.result, found: `${unk.label}: ${unk.result.found ?? ''}` };
  const passed = results.filter((r) => r.result.status === 'pass');
  if (passed.length === 0) return results.length === 0 ? pass(emptyFound, expected) : notApplicable(emptyFound);
  return pass(passed.map((r) => `${r.label}: ${r.result.found ?? 'compliant'}`).join('; '), expected);
}

/**
 * A Microsoft Defender for Cloud plan for `resourceType` (`VirtualMachines`, `Containers`, `SqlServers`, …) at tier
 * Standard in the scan (`azurerm_security_center_subscription_pricing`; resource_type absent = VirtualMachines).
 */
export function defenderPlan(resourceType: string, wording: string): ResourceCheck {
  return (ctx) => {
    let sawUnknown = false;
    for (const p of ctx.ofType('azurerm_security_center_subscription_pricing')) {
      const tier = p.values.get('tier');
      const rt = p.values.get('resource_type');
      const type = rt.state === 'known' ? rt.value : rt.state === 'absent' ? 'VirtualMachines' : undefined;
      if (rt.state === 'unknown' || (tier.state === 'unknown' && eqi(type, resourceType))) {
        sawUnknown = true;
        continue;
      }
      if (tier.state === 'known' && eqi(tier.value, 'Standard') && eqi(type, resourceType)) {
        return pass(`${p.address}: Defender plan ${resourceType} at tier Standard`, wording, p.address);
      }
    }
    if (sawUnknown) return unknown('azurerm_security_center_subscription_pricing', wording);
    return fail(`no Defender plan ${resourceType} at tier Standard in the plan`, wording, 'azurerm_security_center_subscription_pricing');
  };
}

/**
 * Check for an `azurerm_monitor_diagnostic_setting` (used with `companion`): at least one enabled log of the given
 * categories or category groups (`enabled_log` in azurerm 3.x/4.x, legacy `log` blocks with `enabled`).
 */
export function diagnosticLogs(categories: readonly string[], groups: readonly string[]): ResourceCheck {
  return (ctx) => {
    const expected = `a diagnostic setting with log category ${[...categories, ...groups.map((g) => `group ${g}`)].join(' / ')}`;
    for (const attr of ['enabled_log', 'log']) if (ctx.values.get(attr).state === 'unknown') return unknown(attr, expected);
    const logs = [...ctx.values.blocks('enabled_log'), ...ctx.values.blocks('log').filter((l) => l.value('enabled') !== false && l.value('enabled') !== 'false')];
    const names = logs.map((l) => l.string('category') ?? `group ${l.string('category_group') ?? '?'}`);
    const hit = logs.findIndex((l) => categories.some((c) => eqi(l.value('category'), c)) || groups.some((g) => eqi(l.value('category_group'), g)));
    if (hit >= 0) return pass(`log ${names[hit] ?? ''} enabled`, expected, 'enabled_log');
    return fail(logs.length === 0 ? 'no log category enabled (metrics only)' : `enabled logs: ${names.join(', ')}`, expected, 'enabled_log');
  };
}
