import type { ResourceValues } from '@cloudwright/terraform-plan';
import type { CheckResult } from '../../model';
import { notApplicable, pass, show, unknown, fail, type ResourceCheck } from '../common/checks';
import { anyInternetSource, parsePorts, type PortRange } from '../common/network';
import { eqi, judgeBlocks } from './helpers';

/**
 * Network security group rule evaluation, shared by the standalone `azurerm_network_security_rule` and the inline
 * `security_rule` blocks of `azurerm_network_security_group` (same attribute names in both).
 */

/** What a port class says about the opened ranges: a description of the offending ports, or null. */
export type PortMatcher = (ranges: readonly PortRange[]) => string | null;

const PORTLESS_PROTOCOLS = ['icmp', 'esp', 'ah'];

/** Judges one rule: not-applicable for outbound/deny rules, unknown when a deciding value is, else pass/fail. */
export function judgeNsgRule(v: ResourceValues, opens: PortMatcher, expected: string): CheckResult {
  for (const attr of ['direction', 'access', 'protocol', 'source_address_prefix', 'source_address_prefixes', 'destination_port_range', 'destination_port_ranges']) {
    if (v.get(attr).state === 'unknown') return unknown(attr, expected);
  }
  const direction = v.value('direction');
  const access = v.value('access');
  if (!eqi(direction, 'Inbound') || !eqi(access, 'Allow')) {
    return notApplicable(`direction = ${show(direction)}, access = ${show(access)}: the rule opens nothing inbound`);
  }
  const protocol = v.value('protocol');
  if (typeof protocol === 'string' && PORTLESS_PROTOCOLS.includes(protocol.toLowerCase())) return pass(`protocol = ${show(protocol)} (no ports)`, expected);
  const sources = [v.value('source_address_prefix'), v.value('source_address_prefixes')];
  const sourceText = sources.filter((s) => s !== undefined).map((s) => show(s)).join(' + ') || 'no source prefix';
  if (!anyInternetSource(...sources)) return pass(`source ${sourceText} is not the internet`, expected);
  const portSpecs = [v.value('destination_port_range'), v.value('destination_port_ranges')];
  const ranges = portSpecs.flatMap((p) => parsePorts(p) ?? []);
  const portText = portSpecs.filter((p) => p !== undefined).map((p) => show(p)).join(' + ') || 'no destination port';
  const opened = opens(ranges);
  if (opened) return fail(`Inbound Allow from ${sourceText} to port ${portText} (${opened})`, expected, 'destination_port_range');
  return pass(`Inbound Allow from ${sourceText} to port ${portText}`, expected);
}

/** Check for both NSG resource types: a standalone rule, or every inline `security_rule` of a group. */
export function nsgCheck(opens: PortMatcher, expected: string): ResourceCheck {
  return (ctx) => {
    if (ctx.resource.type === 'azurerm_network_security_rule') return judgeNsgRule(ctx.values, opens, expected);
    const inline = ctx.values.get('security_rule');
    if (inline.state === 'unknown') {
      return {
        status: 'unknown',
        found: 'security_rule is known only after apply (no inline rules in the configuration, or rules built from unknown values); standalone azurerm_network_security_rule resources are judged on their own',
        expected,
        attribute: 'security_rule',
      };
    }
    const results = ctx.values.blocks('security_rule').map((rule, i) => {
      const result = judgeNsgRule(rule, opens, expected);
      const name = rule.string('name') ?? String(i);
      return { label: `security_rule "${name}"`, result: result.status === 'not-applicable' ? pass(result.found, expected) : result };
    });
    return judgeBlocks(results, expected, 'no inline security_rule');
  };
}
