import type { ResourceValues } from '@cloudwright/terraform-plan';
import type { CheckResult, ResourceCheckContext, ResourceRule } from '../../model';
import { attrEquals, fail, looseEquals, notApplicable, pass, unknown } from '../common/checks';
import { ADMIN_PORTS, DATABASE_PORTS, isAllPorts, isAllProtocols, isInternetSource, openedPorts, type PortRange } from '../common/network';
import { Findings, blocksAt, docs } from './helpers';

/**
 * Security group and network ACL rules. A rule of traffic is read from inline `ingress`/`egress` blocks
 * (aws_security_group, aws_default_security_group, aws_network_acl), from aws_security_group_rule, from
 * aws_vpc_security_group_ingress_rule / _egress_rule, and from aws_network_acl_rule.
 */

type Direction = 'ingress' | 'egress';

interface TrafficRule {
  readonly label: string;
  readonly values: ResourceValues;
  readonly protocolAttr: string;
  readonly sourceAttrs: readonly string[];
  /** NACL rules: the attribute holding allow/deny. */
  readonly actionAttr?: string;
}

const SG_SOURCES = ['cidr_blocks', 'ipv6_cidr_blocks'];
const VPC_RULE_SOURCES = ['cidr_ipv4', 'cidr_ipv6'];
const NACL_SOURCES = ['cidr_block', 'ipv6_cidr_block'];

type Rules = { readonly rules: readonly TrafficRule[] } | { readonly result: CheckResult };

function inlineRules(ctx: ResourceCheckContext, direction: Direction, shape: Omit<TrafficRule, 'label' | 'values'>): Rules {
  const blocks = blocksAt(ctx.values, direction);
  // the attribute is optional+computed: unknown as a whole means no inline rules are configured
  if (blocks.state === 'unknown') return { result: notApplicable(`${direction} not configured inline (separate rule resources are judged on their own)`) };
  return { rules: blocks.blocks.map((values, i) => ({ ...shape, label: `${direction}[${i}]`, values })) };
}

function trafficRules(ctx: ResourceCheckContext, direction: Direction): Rules {
  const { type } = ctx.resource;
  switch (type) {
    case 'aws_security_group':
    case 'aws_default_security_group':
      return inlineRules(ctx, direction, { protocolAttr: 'protocol', sourceAttrs: SG_SOURCES });
    case 'aws_network_acl':
    case 'aws_default_network_acl':
      return inlineRules(ctx, direction, { protocolAttr: 'protocol', sourceAttrs: NACL_SOURCES, actionAttr: 'action' });
    case 'aws_security_group_rule': {
      const kind = ctx.values.get('type');
      if (kind.state === 'unknown') return { result: unknown('type', `an ${direction} rule`) };
      if (!looseEquals(kind.state === 'known' ? kind.value : undefined, direction)) return { result: notApplicable(`not an ${direction} rule`) };
      return { rules: [{ label: 'rule', values: ctx.values, protocolAttr: 'protocol', sourceAttrs: SG_SOURCES }] };
    }
    case 'aws_network_acl_rule': {
      const egress = ctx.values.get('egress');
      if (egress.state === 'unknown') return { result: unknown('egress', `an ${direction} rule`) };
      const isEgress = egress.state === 'known' && looseEquals(egress.value, true);
      if (isEgress !== (direction === 'egress')) return { result: notApplicable(`not an ${direction} rule`) };
      return { rules: [{ label: 'rule', values: ctx.values, protocolAttr: 'protocol', sourceAttrs: NACL_SOURCES, actionAttr: 'rule_action' }] };
    }
    case 'aws_vpc_security_group_ingress_rule':
    case 'aws_vpc_security_group_egress_rule':
      if (!type.endsWith(`_${direction}_rule`)) return { result: notApplicable(`not an ${direction} rule`) };
      return { rules: [{ label: 'rule', values: ctx.values, protocolAttr: 'ip_protocol', sourceAttrs: VPC_RULE_SOURCES }] };
    default:
      return { result: notApplicable(`${type} has no ${direction} rules`) };
  }
}

type Reach = { readonly state: 'yes'; readonly sources: string[] } | { readonly state: 'maybe' } | { readonly state: 'no' };

/** Whether a rule's sources (destinations for egress) include the internet. */
function internetReach(rule: TrafficRule): Reach {
  const sources: string[] = [];
  let maybe = false;
  for (const attr of rule.sourceAttrs) {
    const v = rule.values.get(attr);
    if (v.state === 'unknown') maybe = true;
    if (v.state !== 'known') continue;
    const list: unknown[] = Array.isArray(v.value) ? (v.value as unknown[]) : [v.value];
    list.forEach((item, i) => {
      if (Array.isArray(v.value) && rule.values.get(`${attr}.${i}`).state === 'unknown') maybe = true;
      else if (typeof item === 'string' && isInternetSource(item)) sources.push(item);
    });
  }
  if (sources.length > 0) return { state: 'yes', sources };
  return maybe ? { state: 'maybe' } : { state: 'no' };
}

type Ports = { readonly state: 'known'; readonly ranges: readonly PortRange[] } | { readonly state: 'unknown'; readonly what: string };

const PORT_PROTOCOLS = new Set(['tcp', 'udp', '6', '17']);

function portsOf(rule: TrafficRule): Ports {
  const protocol = rule.values.get(rule.protocolAttr);
  if (protocol.state === 'unknown') return { state: 'unknown', what: `${rule.label}.${rule.protocolAttr}` };
  const p = protocol.state === 'known' ? protocol.value : undefined;
  if (isAllProtocols(p)) return { state: 'known', ranges: [{ from: 0, to: 65535 }] };
  if (typeof p !== 'string' || !PORT_PROTOCOLS.has(p.toLowerCase())) return { state: 'known', ranges: [] };
  const from = rule.values.get('from_port');
  const to = rule.values.get('to_port');
  if (from.state !== 'known' || to.state !== 'known') return { state: 'unknown', what: `${rule.label} ports` };
  const a = Number(from.value);
  const b = Number(to.value);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return { state: 'unknown', what: `${rule.label} ports` };
  return { state: 'known', ranges: a < 0 || b < 0 ? [{ from: 0, to: 65535 }] : [{ from: a, to: b }] };
}

/**
 * Judges every rule of the resource in `direction`: `opens` describes what a rule's ports expose (null = nothing this
 * rule cares about). A known internet source with matching ports fails; an unknown source or port makes it unknown.
 */
function exposure(direction: Direction, opens: (ranges: readonly PortRange[]) => string | null, expected: string): (ctx: ResourceCheckContext) => CheckResult {
  return (ctx) => {
    const found = trafficRules(ctx, direction);
    if ('result' in found) return found.result;
    const findings = new Findings();
    for (const rule of found.rules) {
      if (rule.actionAttr) {
        const action = rule.values.get(rule.actionAttr);
        if (action.state === 'known' && !looseEquals(action.value, 'allow')) continue;
        if (action.state === 'unknown') {
          findings.unknown(`${rule.label}.${rule.actionAttr}`);
          continue;
        }
      }
      const reach = internetReach(rule);
      if (reach.state === 'no') continue;
      const ports = portsOf(rule);
      if (ports.state === 'unknown') {
        findings.unknown(ports.what);
        continue;
      }
      const hit = opens(ports.ranges);
      if (hit === null) continue;
      if (reach.state === 'yes') findings.fail(`${rule.label} opens ${hit} to ${reach.sources.join(', ')}`);
      else findings.unknown(`${rule.label} source CIDRs`);
    }
    return findings.result(expected, direction, pass(`no ${direction} rule matches`, expected, direction));
  };
}

const portList = (ports: number[]): string | null => (ports.length === 0 ? null : `port${ports.length > 1 ? 's' : ''} ${ports.join(', ')}`);

const INGRESS_TYPES = ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_default_security_group'];
const SG_REF = 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html';
const SG_DIFFERS =
  'An aws_security_group whose inline ingress/egress is not configured shows it as unknown in the plan; its separate rule resources are judged instead (not-applicable). A CIDR known only after apply gives unknown, not fail.';

const sg = (ingress: Record<string, unknown>[]) => ({ values: { name: 'sg', ingress } });
const sgRule = (from: number, to: number, protocol = 'tcp', cidr: string[] = ['0.0.0.0/0']) => ({ from_port: from, to_port: to, protocol, cidr_blocks: cidr, ipv6_cidr_blocks: [] });

export const AWS_NETWORK_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-AWS-0018',
    scope: 'resource',
    title: 'Security groups do not open SSH or RDP to the internet',
    description: 'SSH (22) and RDP (3389) reachable from 0.0.0.0/0 or ::/0 invite brute-force and exploit attempts against the administration interface.',
    category: 'network-exposure',
    severity: 'critical',
    clouds: ['aws'],
    resourceTypes: INGRESS_TYPES,
    controls: ['net.admin-ports'],
    check: exposure('ingress', (ranges) => portList(openedPorts(ranges, ADMIN_PORTS)), 'no ingress to ports 22/3389 from 0.0.0.0/0 or ::/0'),
    remediation: {
      text: 'Restrict the source to a bastion or VPN range, or remove the rule and use SSM Session Manager / EC2 Instance Connect Endpoint.',
      terraform: 'ingress {\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["10.0.0.0/16"] # VPN range, not 0.0.0.0/0\n}',
      effort: 'low',
    },
    references: [SG_REF, docs('security_group')],
    peers: { checkov: ['CKV_AWS_24', 'CKV_AWS_25'] },
    differs: SG_DIFFERS,
    fixtures: {
      pass: [sg([sgRule(22, 22, 'tcp', ['10.0.0.0/16']), sgRule(443, 443)]), { type: 'aws_vpc_security_group_ingress_rule', values: { ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' } }],
      fail: [
        sg([sgRule(22, 22)]),
        { type: 'aws_security_group_rule', values: { type: 'ingress', ...sgRule(3389, 3389) } },
        { type: 'aws_vpc_security_group_ingress_rule', values: { ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv6: '::/0' } },
        sg([sgRule(0, 0, '-1')]),
      ],
      unknown: [{ values: { name: 'sg', ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp' }] }, unknown: { ingress: [{ cidr_blocks: true }] } }],
      notApplicable: [{ values: { name: 'sg' }, unknown: { ingress: true } }, { type: 'aws_security_group_rule', values: { type: 'egress', ...sgRule(0, 0, '-1') } }],
    },
  },
  {
    id: 'CW-AWS-0019',
    scope: 'resource',
    title: 'Security groups do not open database ports to the internet',
    description: 'Database and cache ports (MySQL, PostgreSQL, SQL Server, Oracle, MongoDB, Redis, Memcached, Elasticsearch …) open to the internet expose data stores to credential stuffing and exploits.',
    category: 'network-exposure',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: INGRESS_TYPES,
    controls: ['net.database-ports'],
    check: exposure('ingress', (ranges) => portList(openedPorts(ranges, DATABASE_PORTS)), `no ingress to database ports (${DATABASE_PORTS.join(', ')}) from 0.0.0.0/0 or ::/0`),
    remediation: {
      text: 'Allow the database port only from the application security group (source_security_group_id / referenced_security_group_id).',
      terraform: 'resource "aws_vpc_security_group_ingress_rule" "db" {\n  security_group_id            = aws_security_group.db.id\n  referenced_security_group_id = aws_security_group.app.id\n  ip_protocol                  = "tcp"\n  from_port                    = 5432\n  to_port                      = 5432\n}',
      effort: 'low',
    },
    references: [SG_REF, docs('vpc_security_group_ingress_rule')],
    differs: SG_DIFFERS,
    fixtures: {
      pass: [sg([sgRule(5432, 5432, 'tcp', ['10.0.0.0/8'])]), { type: 'aws_security_group_rule', values: { type: 'ingress', from_port: 3306, to_port: 3306, protocol: 'tcp', source_security_group_id: 'sg-1' } }],
      fail: [sg([sgRule(5432, 5432)]), { type: 'aws_security_group_rule', values: { type: 'ingress', ...sgRule(3000, 4000) } }, { type: 'aws_vpc_security_group_ingress_rule', values: { ip_protocol: 'tcp', from_port: 6379, to_port: 6379, cidr_ipv4: '0.0.0.0/0' } }],
      unknown: [{ type: 'aws_security_group_rule', values: { type: 'ingress', from_port: 3306, to_port: 3306, protocol: 'tcp' }, unknown: { cidr_blocks: true } }],
      notApplicable: [{ type: 'aws_vpc_security_group_egress_rule', values: { ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' } }],
    },
  },
  {
    id: 'CW-AWS-0020',
    scope: 'resource',
    title: 'Security groups do not open all ports to the internet',
    description: 'A rule allowing every protocol or the whole port range from the internet exposes every service on the attached resources.',
    category: 'network-exposure',
    severity: 'critical',
    clouds: ['aws'],
    resourceTypes: INGRESS_TYPES,
    controls: ['net.all-ports', 'net.least-privilege'],
    check: exposure('ingress', (ranges) => (isAllPorts(ranges) ? 'all ports' : null), 'no ingress on all ports/protocols from 0.0.0.0/0 or ::/0'),
    remediation: {
      text: 'Replace the rule with rules for the specific ports the service needs, from the narrowest source possible.',
      terraform: 'ingress {\n  from_port   = 443\n  to_port     = 443\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}',
      effort: 'low',
    },
    references: [SG_REF, docs('security_group')],
    differs: SG_DIFFERS,
    fixtures: {
      pass: [sg([sgRule(443, 443)]), sg([sgRule(0, 0, '-1', ['10.0.0.0/8'])])],
      fail: [sg([sgRule(0, 0, '-1')]), sg([sgRule(0, 65535, 'tcp')]), { type: 'aws_vpc_security_group_ingress_rule', values: { ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' } }],
      unknown: [{ type: 'aws_security_group_rule', values: { type: 'ingress', cidr_blocks: ['0.0.0.0/0'] }, unknown: { protocol: true } }],
      notApplicable: [{ type: 'aws_security_group_rule', values: { type: 'egress', ...sgRule(0, 0, '-1') } }],
    },
  },
  {
    id: 'CW-AWS-0021',
    scope: 'resource',
    title: 'Default security groups restrict all traffic',
    description: 'Resources launched without a security group land in the VPC default group; when it allows traffic they are reachable without anyone having decided so (CIS AWS 5.4).',
    category: 'network-exposure',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_default_security_group'],
    controls: ['net.default-network', 'net.least-privilege'],
    check: (ctx) => {
      const expected = 'no ingress or egress rules on the default security group';
      const findings = new Findings();
      for (const direction of ['ingress', 'egress'] as const) {
        // not configured: Terraform removes every rule of the default group when adopting it
        const blocks = blocksAt(ctx.values, direction);
        if (blocks.state === 'known') findings.failIf(blocks.blocks.length > 0, `${blocks.blocks.length} ${direction} rule(s)`);
      }
      for (const rule of ctx.referencing(['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'])) {
        findings.fail(`${rule.address} adds a rule`);
      }
      return findings.result(expected, 'ingress', pass('no rules', expected, 'ingress'));
    },
    remediation: {
      text: 'Declare aws_default_security_group without ingress/egress blocks (Terraform then removes all its rules) and give every resource its own security group.',
      terraform: 'resource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n}',
      effort: 'low',
    },
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html', docs('default_security_group')],
    peers: { checkov: ['CKV2_AWS_12'] },
    differs: 'Separate aws_security_group_rule / aws_vpc_security_group_*_rule resources attached to the default group count as rules.',
    fixtures: {
      pass: [{ values: { vpc_id: 'vpc-1', ingress: [], egress: [] } }, { values: { vpc_id: 'vpc-1' }, unknown: { ingress: true, egress: true } }],
      fail: [
        { values: { vpc_id: 'vpc-1', ingress: [{ protocol: '-1', from_port: 0, to_port: 0, self: true }], egress: [] } },
        { values: { vpc_id: 'vpc-1', ingress: [], egress: [] }, related: [{ type: 'aws_vpc_security_group_ingress_rule', values: { ip_protocol: '-1', cidr_ipv4: '10.0.0.0/8' } }] },
      ],
    },
  },
  {
    id: 'CW-AWS-0022',
    scope: 'resource',
    title: 'VPCs have flow logs',
    description: 'Flow logs record the traffic accepted and rejected in the VPC, the only network evidence available after an incident.',
    category: 'logging-monitoring',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_vpc', 'aws_default_vpc'],
    controls: ['log.network-flow'],
    check: (ctx) => {
      const expected = 'an aws_flow_log for the VPC';
      const logs = ctx.referencing('aws_flow_log');
      const log = logs[0];
      return log ? pass(`${logs.map((l) => l.address).join(', ')} present`, expected, log.address) : fail('no aws_flow_log refers to this VPC', expected, 'aws_flow_log');
    },
    remediation: {
      text: 'Add an aws_flow_log for the VPC (traffic_type ALL) delivering to CloudWatch Logs or S3.',
      terraform: 'resource "aws_flow_log" "vpc" {\n  vpc_id               = aws_vpc.main.id\n  traffic_type         = "ALL"\n  log_destination_type = "s3"\n  log_destination      = aws_s3_bucket.flow_logs.arn\n}',
      effort: 'low',
    },
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html', docs('flow_log')],
    peers: { checkov: ['CKV2_AWS_11'] },
    differs: 'A flow log created in another module from a module output is not linked to the VPC resource and is not seen.',
    fixtures: {
      pass: [{ values: { cidr_block: '10.0.0.0/16' }, related: [{ type: 'aws_flow_log', values: { traffic_type: 'ALL' } }] }],
      fail: [{ values: { cidr_block: '10.0.0.0/16' } }],
    },
  },
  {
    id: 'CW-AWS-0023',
    scope: 'resource',
    title: 'Security groups do not allow all outbound traffic to the internet',
    description: 'Unrestricted egress lets a compromised workload reach any command-and-control server or exfiltrate data anywhere.',
    category: 'network-exposure',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_egress_rule'],
    controls: ['net.egress'],
    check: exposure('egress', (ranges) => (isAllPorts(ranges) ? 'all ports' : null), 'egress limited to the ports and destinations the workload needs'),
    remediation: {
      text: 'Limit egress to the ports (e.g. 443) and destinations (VPC endpoints, prefix lists, proxies) the workload needs.',
      terraform: 'egress {\n  from_port       = 443\n  to_port         = 443\n  protocol        = "tcp"\n  prefix_list_ids = [aws_vpc_endpoint.s3.prefix_list_id]\n}',
      effort: 'medium',
    },
    references: [SG_REF, docs('vpc_security_group_egress_rule')],
    differs: `Low severity: allow-all egress is the AWS default for new security groups and common practice; the rule is informative for workloads that handle sensitive data. ${SG_DIFFERS}`,
    fixtures: {
      pass: [{ values: { name: 'sg', egress: [sgRule(443, 443)] } }],
      fail: [{ values: { name: 'sg', egress: [sgRule(0, 0, '-1')] } }, { type: 'aws_security_group_rule', values: { type: 'egress', ...sgRule(0, 65535) } }],
      unknown: [{ type: 'aws_vpc_security_group_egress_rule', values: { ip_protocol: '-1' }, unknown: { cidr_ipv4: true } }],
      notApplicable: [{ type: 'aws_security_group_rule', values: { type: 'ingress', ...sgRule(443, 443) } }],
    },
  },
  {
    id: 'CW-AWS-0024',
    scope: 'resource',
    title: 'Subnets do not assign public IPs by default',
    description: 'With map_public_ip_on_launch every instance launched in the subnet gets a public address, whether it needs one or not.',
    category: 'public-access',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_subnet'],
    controls: ['pub.compute'],
    check: attrEquals('map_public_ip_on_launch', false, { default: false }),
    remediation: {
      text: 'Set map_public_ip_on_launch = false; give public addresses only to load balancers and NAT gateways.',
      terraform: 'map_public_ip_on_launch = false',
      effort: 'low',
    },
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html', docs('subnet#map_public_ip_on_launch')],
    peers: { checkov: ['CKV_AWS_130'] },
    fixtures: {
      pass: [{ values: { cidr_block: '10.0.1.0/24', map_public_ip_on_launch: false } }, { values: { cidr_block: '10.0.1.0/24' } }],
      fail: [{ values: { cidr_block: '10.0.1.0/24', map_public_ip_on_launch: true } }],
      unknown: [{ values: { cidr_block: '10.0.1.0/24' }, unknown: { map_public_ip_on_launch: true } }],
    },
  },
  {
    id: 'CW-AWS-0025',
    scope: 'resource',
    title: 'Network ACLs do not allow SSH or RDP from the internet',
    description: 'Network ACLs are the subnet-level second line of defence; allowing 22/3389 from anywhere leaves only the security group in the way (CIS AWS 5.1).',
    category: 'network-exposure',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_network_acl', 'aws_default_network_acl', 'aws_network_acl_rule'],
    controls: ['net.admin-ports'],
    check: exposure('ingress', (ranges) => portList(openedPorts(ranges, ADMIN_PORTS)), 'no NACL allow rule for ports 22/3389 from 0.0.0.0/0 or ::/0'),
    remediation: {
      text: 'Allow 22/3389 only from the administration network range, or deny them from 0.0.0.0/0 with a lower rule number.',
      terraform: 'resource "aws_network_acl_rule" "ssh" {\n  network_acl_id = aws_network_acl.main.id\n  rule_number    = 100\n  egress         = false\n  protocol       = "tcp"\n  rule_action    = "allow"\n  cidr_block     = "10.0.0.0/16"\n  from_port      = 22\n  to_port        = 22\n}',
      effort: 'low',
    },
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html', docs('network_acl_rule')],
    differs: 'Rule numbers are not evaluated: an allow rule shadowed by a lower-numbered deny still fails. Inline rules not configured (unknown in the plan) are not applicable; separate aws_network_acl_rule resources are judged on their own.',
    fixtures: {
      pass: [
        { values: { ingress: [{ action: 'allow', protocol: 'tcp', from_port: 443, to_port: 443, cidr_block: '0.0.0.0/0', rule_no: 100 }] } },
        { type: 'aws_network_acl_rule', values: { egress: false, rule_action: 'deny', protocol: 'tcp', from_port: 22, to_port: 22, cidr_block: '0.0.0.0/0' } },
      ],
      fail: [
        { values: { ingress: [{ action: 'allow', protocol: '-1', from_port: 0, to_port: 0, cidr_block: '0.0.0.0/0', rule_no: 100 }] } },
        { type: 'aws_network_acl_rule', values: { egress: false, rule_action: 'allow', protocol: 'tcp', from_port: 3389, to_port: 3389, cidr_block: '0.0.0.0/0' } },
      ],
      unknown: [{ type: 'aws_network_acl_rule', values: { egress: false, rule_action: 'allow', protocol: 'tcp', from_port: 22, to_port: 22 }, unknown: { cidr_block: true } }],
      notApplicable: [{ type: 'aws_network_acl_rule', values: { egress: true, rule_action: 'allow', protocol: '-1', cidr_block: '0.0.0.0/0' } }],
    },
  },
];
