import type { ResourceValues } from '@cloudwright/terraform-plan';
import type { CheckResult, ResourceRule } from '../../model';
import { attrCheck, attrEquals, attrSet, fail, isNonEmpty, notApplicable, onlyIf, pass, show, unknown, type ResourceCheck } from '../common/checks';
import { ADMIN_PORTS, DATABASE_PORTS, anyInternetSource, isAllPorts, openedPorts, parsePorts, type PortRange } from '../common/network';
import { REGISTRY, blockState, gcpRule } from './helpers';

const FIREWALL = 'google_compute_firewall';
const FIREWALL_DOC = `${REGISTRY}/compute_firewall`;

/** Protocols whose allow blocks carry ports (names and IANA numbers). */
const PORT_PROTOCOLS = new Set(['tcp', 'udp', 'sctp', '6', '17', '132']);

interface Opened {
  /** `tcp 22`, `all protocols`, … for messages */
  readonly label: string;
  readonly ranges: readonly PortRange[];
}

/** What the allow blocks of a firewall rule open: known openings, and whether part of it is unknown. */
function allowed(values: ResourceValues): { opened: Opened[]; unknownAt?: string } {
  if (values.get('allow').state === 'unknown') return { opened: [], unknownAt: 'allow' };
  const opened: Opened[] = [];
  let unknownAt: string | undefined;
  const blocks = values.blocks('allow');
  for (let i = 0; i < blocks.length; i++) {
    const protocol = values.get(['allow', i, 'protocol']);
    if (protocol.state === 'unknown') {
      unknownAt ??= `allow.${i}.protocol`;
      continue;
    }
    const name = protocol.state === 'known' ? String(protocol.value).toLowerCase() : '';
    if (name === 'all') {
      opened.push({ label: 'all protocols and ports', ranges: [{ from: 0, to: 65535 }] });
      continue;
    }
    if (!PORT_PROTOCOLS.has(name)) continue;
    const ports = values.get(['allow', i, 'ports']);
    if (ports.state === 'unknown') {
      unknownAt ??= `allow.${i}.ports`;
      continue;
    }
    const list = ports.state === 'known' && Array.isArray(ports.value) ? (ports.value as unknown[]) : [];
    if (list.length === 0) {
      opened.push({ label: `${name} all ports`, ranges: [{ from: 0, to: 65535 }] });
      continue;
    }
    list.forEach((_p, j) => {
      if (values.get(['allow', i, 'ports', j]).state === 'unknown') unknownAt ??= `allow.${i}.ports.${j}`;
    });
    const ranges = parsePorts(list.filter((p) => p !== null && p !== undefined)) ?? [];
    if (ranges.length > 0) opened.push({ label: `${name} ${list.filter((p) => typeof p === 'string' || typeof p === 'number').join(',')}`, ranges });
  }
  return { opened, unknownAt };
}

type Sources = { kind: 'internet'; found: string } | { kind: 'restricted'; found: string } | { kind: 'unknown'; attribute: string };

/** Whether an ingress rule admits the internet. No source at all means 0.0.0.0/0 (Compute Engine's default for ingress). */
function ingressSources(values: ResourceValues): Sources {
  const ranges = values.get('source_ranges');
  if (ranges.state === 'unknown') return { kind: 'unknown', attribute: 'source_ranges' };
  const list = ranges.state === 'known' && Array.isArray(ranges.value) ? (ranges.value as unknown[]) : [];
  if (anyInternetSource(list)) return { kind: 'internet', found: `source_ranges = ${show(list)}` };
  if (list.some((_r, i) => values.get(['source_ranges', i]).state === 'unknown')) return { kind: 'unknown', attribute: 'source_ranges' };
  if (list.length > 0) return { kind: 'restricted', found: `source_ranges = ${show(list)}` };
  for (const attr of ['source_tags', 'source_service_accounts']) {
    const v = values.get(attr);
    if (v.state === 'unknown') return { kind: 'unknown', attribute: attr };
    if (v.state === 'known' && isNonEmpty(v.value)) return { kind: 'restricted', found: `${attr} = ${show(v.value)} (no source_ranges)` };
  }
  return { kind: 'internet', found: 'no source_ranges, source_tags or source_service_accounts (Compute Engine applies 0.0.0.0/0)' };
}

/** Direction and disabled: not-applicable for egress rules, pass for disabled rules, else null (go on). */
function ingressGate(values: ResourceValues, expected: string): CheckResult | null {
  const direction = values.get('direction');
  if (direction.state === 'unknown') return unknown('direction', expected);
  if (direction.state === 'known' && String(direction.value).toUpperCase() === 'EGRESS') return notApplicable('egress rule');
  const disabled = values.get('disabled');
  if (disabled.state === 'unknown') return unknown('disabled', expected);
  if (disabled.state === 'known' && (disabled.value === true || disabled.value === 'true')) return pass('disabled = true (the rule is not enforced)', expected, 'disabled');
  return null;
}

/** An ingress rule must not open `ports` (or, with `ports` null, every port) to the internet. */
function firewallExposure(ports: readonly number[] | null, what: string): ResourceCheck {
  const expected = `no ingress from 0.0.0.0/0 or ::/0 to ${what}`;
  return (ctx) => {
    const gate = ingressGate(ctx.values, expected);
    if (gate) return gate;
    const { opened, unknownAt } = allowed(ctx.values);
    const matching = opened.filter((o) => (ports === null ? isAllPorts(o.ranges) : openedPorts(o.ranges, ports).length > 0));
    if (matching.length === 0) {
      if (unknownAt) return unknown(unknownAt, expected);
      return pass(opened.length === 0 ? 'no allow block opens ports' : `opens ${opened.map((o) => o.label).join('; ')} only`, expected, 'allow');
    }
    const label = matching
      .map((o) => (ports === null ? o.label : `${o.label} (${openedPorts(o.ranges, ports).join(', ')})`))
      .join('; ');
    const sources = ingressSources(ctx.values);
    if (sources.kind === 'unknown') return unknown(sources.attribute, expected);
    if (sources.kind === 'restricted') return pass(`allows ${label} from ${sources.found}`, expected, 'source_ranges');
    return fail(`allows ${label} from ${sources.found}`, expected, 'source_ranges');
  };
}

const firewallLogging: ResourceCheck = (ctx) => {
  const expected = 'log_config block set (Firewall Rules Logging)';
  const disabled = ctx.values.get('disabled');
  if (disabled.state === 'known' && (disabled.value === true || disabled.value === 'true')) return notApplicable('disabled rule');
  const state = blockState(ctx.values, 'log_config');
  if (state === 'present') return pass('log_config set', expected, 'log_config');
  const legacy = ctx.values.get('enable_logging');
  if (legacy.state === 'known' && (legacy.value === true || legacy.value === 'true')) return pass('enable_logging = true', expected, 'enable_logging');
  if (state === 'unknown') return unknown('log_config', expected);
  return fail('no log_config', expected, 'log_config');
};

/** Subnet purposes that cannot have flow logs or Private Google Access (proxy-only and PSC subnets). */
const ORDINARY_SUBNET = /^(PRIVATE|PRIVATE_RFC_1918)$/i;
const ordinarySubnet = (ctx: Parameters<ResourceCheck>[0]): boolean | 'unknown' => {
  const purpose = ctx.values.get('purpose');
  if (purpose.state === 'unknown') return 'unknown';
  if (purpose.state === 'absent') return true;
  return typeof purpose.value === 'string' && ORDINARY_SUBNET.test(purpose.value);
};

/** CIS: cipher suites to keep out of a CUSTOM SSL policy. */
const WEAK_FEATURES = new Set([
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
]);

const sslProfile: ResourceCheck = (ctx) => {
  const expected = 'profile MODERN or RESTRICTED (or CUSTOM without RSA key-exchange / 3DES suites)';
  const profile = ctx.values.get('profile');
  if (profile.state === 'unknown') return unknown('profile', expected);
  const name = profile.state === 'known' ? String(profile.value).toUpperCase() : 'COMPATIBLE';
  const shown = profile.state === 'known' ? `profile = ${show(profile.value)}` : 'profile not set (default COMPATIBLE)';
  if (name === 'COMPATIBLE') return fail(shown, expected, 'profile');
  if (name !== 'CUSTOM') return pass(shown, expected, 'profile');
  const features = ctx.values.get('custom_features');
  if (features.state === 'unknown') return unknown('custom_features', expected);
  const list = features.state === 'known' && Array.isArray(features.value) ? (features.value as unknown[]) : [];
  const weak = list.filter((f) => typeof f === 'string' && WEAK_FEATURES.has(f));
  return weak.length > 0 ? fail(`CUSTOM profile with ${weak.join(', ')}`, expected, 'custom_features') : pass(`CUSTOM profile: ${show(list)}`, expected, 'custom_features');
};

const dnssecApplies = (ctx: Parameters<ResourceCheck>[0]): boolean | 'unknown' => {
  const visibility = ctx.values.get('visibility');
  if (visibility.state === 'unknown') return 'unknown';
  return visibility.state === 'absent' || String(visibility.value).toLowerCase() === 'public';
};

const noRsaSha1: ResourceCheck = (ctx) => {
  const expected = 'DNSSEC key specs do not use rsasha1';
  const specs = ctx.values.get('dnssec_config.0.default_key_specs');
  if (specs.state === 'unknown') return unknown('dnssec_config.default_key_specs', expected);
  const blocks = ctx.values.blocks('dnssec_config.0.default_key_specs');
  for (let i = 0; i < blocks.length; i++) {
    const algorithm = ctx.values.get(['dnssec_config', 0, 'default_key_specs', i, 'algorithm']);
    if (algorithm.state === 'unknown') return unknown(`dnssec_config.default_key_specs.${i}.algorithm`, expected);
    if (algorithm.state === 'known' && String(algorithm.value).toLowerCase() === 'rsasha1') {
      return fail(`default_key_specs.${i}.algorithm = "rsasha1"`, expected, `dnssec_config.0.default_key_specs.${i}.algorithm`);
    }
  }
  return pass(blocks.length === 0 ? 'default key specs (RSASHA256)' : 'no rsasha1 key spec', expected, 'dnssec_config.0.default_key_specs');
};

const dnssecOn = (ctx: Parameters<ResourceCheck>[0]): boolean | 'unknown' => {
  const state = ctx.values.get('dnssec_config.0.state');
  if (state.state === 'unknown') return 'unknown';
  return state.state === 'known' && ['on', 'transfer'].includes(String(state.value).toLowerCase());
};

const defaultNetwork: ResourceCheck = (ctx) => {
  if (ctx.resource.type === 'google_project') {
    return attrEquals('auto_create_network', false, { default: true })(ctx);
  }
  const expected = 'network name other than "default"';
  const name = ctx.values.get('name');
  if (name.state === 'unknown') return unknown('name', expected);
  if (name.state === 'known' && String(name.value).toLowerCase() === 'default') return fail('name = "default"', expected, 'name');
  return pass(name.state === 'known' ? `name = ${show(name.value)}` : 'name not set', expected, 'name');
};

export const GCP_NETWORK_RULES: readonly ResourceRule[] = [
  gcpRule({
    id: 'CW-GCP-0023',
    title: 'Firewall rules do not open SSH or RDP to the internet',
    description: 'SSH (22) and RDP (3389) open to 0.0.0.0/0 are scanned and brute-forced within minutes. Reach VMs through IAP TCP forwarding (35.235.240.0/20) or a bastion instead.',
    category: 'network-exposure',
    severity: 'critical',
    resourceTypes: [FIREWALL],
    controls: ['net.admin-ports'],
    check: firewallExposure(ADMIN_PORTS, 'ports 22 and 3389'),
    remediation: {
      text: 'Restrict source_ranges to the IAP range 35.235.240.0/20 (or your admin networks) and use IAP TCP forwarding or OS Login through a bastion.',
      terraform: 'source_ranges = ["35.235.240.0/20"] # IAP TCP forwarding\nallow {\n  protocol = "tcp"\n  ports    = ["22"]\n}',
      effort: 'low',
    },
    references: [FIREWALL_DOC, 'https://cloud.google.com/iap/docs/using-tcp-forwarding'],
    peers: { checkov: ['CKV_GCP_2', 'CKV_GCP_3'] },
    differs:
      'One rule for SSH and RDP. Also counts ::/0, protocol "all", port ranges, tcp without ports (all ports) and an ingress rule without any source (Compute Engine then applies 0.0.0.0/0). Egress rules are not applicable, disabled rules pass, and a source range known only after apply gives unknown.',
    fixtures: {
      pass: [
        { values: { name: 'ssh-iap', direction: 'INGRESS', source_ranges: ['35.235.240.0/20'], allow: [{ protocol: 'tcp', ports: ['22'] }] } },
        { values: { name: 'web', source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'tcp', ports: ['80', '443'] }] } },
        { values: { name: 'ssh', disabled: true, source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'tcp', ports: ['22'] }] }, note: 'disabled' },
        { values: { name: 'ssh-tags', source_tags: ['bastion'], allow: [{ protocol: 'tcp', ports: ['22'] }] }, note: 'source tags only' },
      ],
      fail: [
        { values: { name: 'ssh', source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'tcp', ports: ['22'] }] } },
        { values: { name: 'rdp', direction: 'INGRESS', source_ranges: ['::/0'], allow: [{ protocol: 'tcp', ports: ['3000-4000'] }] } },
        { values: { name: 'all', source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'all' }] } },
        { values: { name: 'nosrc', allow: [{ protocol: 'tcp', ports: ['22'] }] }, note: 'no source: 0.0.0.0/0' },
      ],
      unknown: [{ values: { name: 'ssh', allow: [{ protocol: 'tcp', ports: ['22'] }] }, unknown: { source_ranges: true } }],
      notApplicable: [{ values: { name: 'out', direction: 'EGRESS', destination_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'tcp', ports: ['22'] }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0024',
    title: 'Firewall rules do not open database ports to the internet',
    description: 'Database ports (MySQL, PostgreSQL, SQL Server, Redis, MongoDB, …) open to the internet expose the data store to credential stuffing and exploits of unpatched engines.',
    category: 'network-exposure',
    severity: 'high',
    resourceTypes: [FIREWALL],
    controls: ['net.database-ports'],
    check: firewallExposure(DATABASE_PORTS, `database ports (${DATABASE_PORTS.join(', ')})`),
    remediation: {
      text: 'Allow database ports only from the subnets or service accounts of the applications; use private IP / Private Service Connect for managed databases.',
      terraform: 'source_ranges = ["10.0.0.0/16"]\nallow {\n  protocol = "tcp"\n  ports    = ["5432"]\n}',
      effort: 'low',
    },
    references: [FIREWALL_DOC, 'https://cloud.google.com/firewall/docs/firewalls'],
    differs: 'One rule for the common database ports, port ranges and protocol "all" (peer tools check one port per rule).',
    fixtures: {
      pass: [{ values: { name: 'pg', source_ranges: ['10.0.0.0/8'], allow: [{ protocol: 'tcp', ports: ['5432'] }] } }],
      fail: [
        { values: { name: 'pg', source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'tcp', ports: ['5432'] }] } },
        { values: { name: 'mongo', source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'tcp', ports: ['27000-28000'] }] } },
      ],
      unknown: [{ values: { name: 'pg', source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'tcp' }] }, unknown: { allow: [{ ports: true }] } }],
      notApplicable: [{ values: { name: 'out', direction: 'EGRESS', allow: [{ protocol: 'tcp', ports: ['5432'] }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0025',
    title: 'Firewall rules do not open all ports to the internet',
    description: 'An ingress rule allowing every protocol, or tcp/udp without a port list, from the internet exposes every service the VMs run, including ones nobody meant to publish.',
    category: 'network-exposure',
    severity: 'critical',
    resourceTypes: [FIREWALL],
    controls: ['net.all-ports', 'net.least-privilege'],
    check: firewallExposure(null, 'all ports'),
    remediation: {
      text: 'List the ports the service needs in each allow block, and restrict source_ranges.',
      terraform: 'allow {\n  protocol = "tcp"\n  ports    = ["443"]\n}',
      effort: 'low',
    },
    references: [FIREWALL_DOC, 'https://cloud.google.com/firewall/docs/firewalls'],
    fixtures: {
      pass: [{ values: { name: 'web', source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'tcp', ports: ['443'] }] } }],
      fail: [
        { values: { name: 'any', source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'all' }] } },
        { values: { name: 'tcp', source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'tcp', ports: [] }] }, note: 'tcp without ports = all ports' },
        { values: { name: 'range', source_ranges: ['0.0.0.0/0'], allow: [{ protocol: 'udp', ports: ['0-65535'] }] } },
      ],
      unknown: [{ values: { name: 'any', source_ranges: ['0.0.0.0/0'] }, unknown: { allow: true } }],
      notApplicable: [{ values: { name: 'out', direction: 'EGRESS', allow: [{ protocol: 'all' }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0026',
    title: 'Firewall rules log the connections they match',
    description: 'Firewall Rules Logging records each connection a rule allows or denies, which is how you find out what an exposed port was used for.',
    category: 'logging-monitoring',
    severity: 'low',
    resourceTypes: [FIREWALL],
    controls: ['log.network-flow'],
    check: firewallLogging,
    remediation: {
      text: 'Add a log_config block (EXCLUDE_ALL_METADATA keeps the volume lower).',
      terraform: 'log_config {\n  metadata = "INCLUDE_ALL_METADATA"\n}',
      effort: 'low',
    },
    references: [FIREWALL_DOC, 'https://cloud.google.com/firewall/docs/firewall-rules-logging'],
    differs: 'Accepts the legacy enable_logging = true; when log_config is set, the computed legacy enable_logging flag (unknown in provider 3.x plans) is not needed.',
    fixtures: {
      pass: [{ values: { name: 'fw', log_config: [{ metadata: 'INCLUDE_ALL_METADATA' }] }, unknown: { enable_logging: true } }],
      fail: [{ values: { name: 'fw', log_config: [] } }],
      unknown: [{ values: { name: 'fw' }, unknown: { log_config: true } }],
      notApplicable: [{ values: { name: 'fw', disabled: true, log_config: [] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0027',
    title: 'Projects do not use the default network',
    description:
      'The default network is an auto-mode network created with every project, with firewall rules allowing SSH, RDP and ICMP from anywhere and all internal traffic. Create custom networks with deliberate firewall rules instead.',
    category: 'network-exposure',
    severity: 'medium',
    resourceTypes: ['google_project', 'google_compute_network'],
    controls: ['net.default-network'],
    check: defaultNetwork,
    remediation: {
      text: 'Create projects with auto_create_network = false (the default network and its permissive firewall rules are then not created), and do not name a network "default".',
      terraform: 'auto_create_network = false',
      effort: 'low',
    },
    references: [`${REGISTRY}/google_project`, 'https://cloud.google.com/vpc/docs/vpc#default-network'],
    peers: { checkov: ['CKV_GCP_27'] },
    fixtures: {
      pass: [
        { values: { name: 'p', project_id: 'p', auto_create_network: false } },
        { type: 'google_compute_network', values: { name: 'prod-vpc', auto_create_subnetworks: false } },
      ],
      fail: [
        { values: { name: 'p', project_id: 'p' }, note: 'auto_create_network defaults to true' },
        { type: 'google_compute_network', values: { name: 'default', auto_create_subnetworks: true } },
      ],
      unknown: [{ type: 'google_compute_network', values: {}, unknown: { name: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0028',
    title: 'VPC networks use custom-mode subnets',
    description: 'Auto-mode networks create a subnet in every region with fixed ranges (10.128.0.0/9), which overlap between networks (so they cannot be peered) and spread workloads to regions nobody chose.',
    category: 'network-exposure',
    severity: 'low',
    resourceTypes: ['google_compute_network'],
    controls: ['net.default-network'],
    check: attrEquals('auto_create_subnetworks', false, { default: true }),
    remediation: {
      text: 'Set auto_create_subnetworks = false and create the google_compute_subnetwork resources you need (switching an existing network to custom mode is one-way).',
      terraform: 'auto_create_subnetworks = false',
      effort: 'medium',
    },
    references: [`${REGISTRY}/compute_network`, 'https://cloud.google.com/vpc/docs/vpc#subnet-ranges'],
    fixtures: {
      pass: [{ values: { name: 'vpc', auto_create_subnetworks: false } }],
      fail: [{ values: { name: 'vpc', auto_create_subnetworks: true } }, { values: { name: 'vpc' }, note: 'default true' }],
      unknown: [{ values: { name: 'vpc' }, unknown: { auto_create_subnetworks: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0029',
    title: 'Subnets have VPC Flow Logs enabled',
    description: 'VPC Flow Logs sample the connections of every VM in the subnet, for network forensics, intrusion detection and troubleshooting.',
    category: 'logging-monitoring',
    severity: 'medium',
    resourceTypes: ['google_compute_subnetwork'],
    controls: ['log.network-flow'],
    check: onlyIf(
      ordinarySubnet,
      'proxy-only and Private Service Connect subnets do not support flow logs',
      (ctx) => {
        const expected = 'log_config block set (VPC Flow Logs)';
        const state = blockState(ctx.values, 'log_config');
        if (state === 'present') return pass('log_config set', expected, 'log_config');
        const legacy = ctx.values.get('enable_flow_logs');
        if (legacy.state === 'known' && (legacy.value === true || legacy.value === 'true')) return pass('enable_flow_logs = true', expected, 'enable_flow_logs');
        if (state === 'unknown') return unknown('log_config', expected);
        return fail('no log_config', expected, 'log_config');
      },
    ),
    remediation: {
      text: 'Add a log_config block; a 0.5 sampling rate and 5-second aggregation keep the cost down.',
      terraform: 'log_config {\n  aggregation_interval = "INTERVAL_5_SEC"\n  flow_sampling        = 0.5\n  metadata             = "INCLUDE_ALL_METADATA"\n}',
      effort: 'low',
    },
    references: [`${REGISTRY}/compute_subnetwork`, 'https://cloud.google.com/vpc/docs/using-flow-logs'],
    peers: { checkov: ['CKV_GCP_26'] },
    differs: 'Accepts the legacy enable_flow_logs = true. Purpose is computed when unset, so a subnet without log_config whose purpose is known only after apply is reported unknown.',
    fixtures: {
      pass: [{ values: { name: 's', purpose: 'PRIVATE', log_config: [{ aggregation_interval: 'INTERVAL_5_SEC', flow_sampling: 0.5 }] } }],
      fail: [{ values: { name: 's', purpose: 'PRIVATE', log_config: [] } }, { values: { name: 's', log_config: [] } }],
      unknown: [{ values: { name: 's', log_config: [] }, unknown: { purpose: true } }],
      notApplicable: [{ values: { name: 'proxy', purpose: 'REGIONAL_MANAGED_PROXY', role: 'ACTIVE' } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0030',
    title: 'Subnets have Private Google Access enabled',
    description: 'Private Google Access lets VMs without external IPs reach Google APIs (Cloud Storage, Artifact Registry, …), so workloads do not need public addresses for that.',
    category: 'network-exposure',
    severity: 'low',
    resourceTypes: ['google_compute_subnetwork'],
    controls: ['net.private-endpoint'],
    check: onlyIf(ordinarySubnet, 'proxy-only and Private Service Connect subnets do not support Private Google Access', attrEquals('private_ip_google_access', true, { default: false })),
    remediation: {
      text: 'Set private_ip_google_access = true.',
      terraform: 'private_ip_google_access = true',
      effort: 'low',
    },
    references: [`${REGISTRY}/compute_subnetwork`, 'https://cloud.google.com/vpc/docs/configure-private-google-access'],
    peers: { checkov: ['CKV_GCP_74'] },
    fixtures: {
      pass: [{ values: { name: 's', purpose: 'PRIVATE', private_ip_google_access: true } }],
      fail: [{ values: { name: 's', purpose: 'PRIVATE', private_ip_google_access: false } }],
      unknown: [{ values: { name: 's', purpose: 'PRIVATE' }, unknown: { private_ip_google_access: true } }],
      notApplicable: [{ values: { name: 'proxy', purpose: 'GLOBAL_MANAGED_PROXY' } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0031',
    title: 'SSL policies require TLS 1.2 or later',
    description: 'TLS 1.0 and 1.1 have known weaknesses and are no longer accepted by PCI DSS; the SSL policy default is TLS 1.0.',
    category: 'encryption-in-transit',
    severity: 'medium',
    resourceTypes: ['google_compute_ssl_policy', 'google_compute_region_ssl_policy'],
    controls: ['eit.min-tls'],
    check: attrCheck({
      attr: 'min_tls_version',
      test: (v) => typeof v === 'string' && ['TLS_1_2', 'TLS_1_3'].includes(v.toUpperCase()),
      expected: 'min_tls_version = "TLS_1_2"',
      absent: { default: 'TLS_1_0' },
    }),
    remediation: {
      text: 'Set min_tls_version = "TLS_1_2" (and profile MODERN or RESTRICTED).',
      terraform: 'min_tls_version = "TLS_1_2"\nprofile         = "MODERN"',
      effort: 'low',
    },
    references: [`${REGISTRY}/compute_ssl_policy`, 'https://cloud.google.com/load-balancing/docs/ssl-policies-concepts'],
    peers: { checkov: ['CKV_GCP_4'] },
    fixtures: {
      pass: [{ values: { name: 'p', min_tls_version: 'TLS_1_2', profile: 'MODERN' } }],
      fail: [{ values: { name: 'p', min_tls_version: 'TLS_1_0' } }, { values: { name: 'p' }, note: 'default TLS_1_0' }],
      unknown: [{ values: { name: 'p' }, unknown: { min_tls_version: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0032',
    title: 'SSL policies do not allow weak cipher suites',
    description: 'The COMPATIBLE profile (the default) accepts the widest set of cipher suites, including ones without forward secrecy; MODERN or RESTRICTED keep to strong suites.',
    category: 'encryption-in-transit',
    severity: 'medium',
    resourceTypes: ['google_compute_ssl_policy', 'google_compute_region_ssl_policy'],
    controls: ['eit.min-tls', 'eit.load-balancer'],
    check: sslProfile,
    remediation: {
      text: 'Set profile = "MODERN" (or "RESTRICTED"); with CUSTOM, leave out the TLS_RSA_* and 3DES suites.',
      terraform: 'profile         = "RESTRICTED"\nmin_tls_version = "TLS_1_2"',
      effort: 'low',
    },
    references: [`${REGISTRY}/compute_ssl_policy`, 'https://cloud.google.com/load-balancing/docs/ssl-policies-concepts#defining_an_ssl_policy'],
    fixtures: {
      pass: [{ values: { name: 'p', profile: 'MODERN' } }, { values: { name: 'p', profile: 'CUSTOM', custom_features: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'] } }],
      fail: [
        { values: { name: 'p' }, note: 'default COMPATIBLE' },
        { values: { name: 'p', profile: 'CUSTOM', custom_features: ['TLS_RSA_WITH_3DES_EDE_CBC_SHA'] } },
      ],
      unknown: [{ values: { name: 'p' }, unknown: { profile: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0033',
    title: 'HTTPS and SSL proxy load balancers have an SSL policy',
    description: 'Without an SSL policy a target proxy uses the Google default policy (COMPATIBLE profile, TLS 1.0 minimum), so clients may negotiate outdated protocols.',
    category: 'encryption-in-transit',
    severity: 'medium',
    resourceTypes: ['google_compute_target_https_proxy', 'google_compute_target_ssl_proxy'],
    controls: ['eit.min-tls', 'eit.load-balancer'],
    check: attrSet('ssl_policy', 'ssl_policy set (a policy with TLS 1.2 minimum)'),
    remediation: {
      text: 'Create a google_compute_ssl_policy (TLS 1.2, MODERN or RESTRICTED) and reference it from the proxy.',
      terraform: 'ssl_policy = google_compute_ssl_policy.tls12.id',
      effort: 'low',
    },
    references: [`${REGISTRY}/compute_target_https_proxy`, 'https://cloud.google.com/load-balancing/docs/ssl-policies-concepts#default-policy'],
    fixtures: {
      pass: [{ values: { name: 'px', ssl_policy: 'projects/p/global/sslPolicies/tls12' } }],
      fail: [{ values: { name: 'px' } }],
      unknown: [{ values: { name: 'px' }, unknown: { ssl_policy: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0034',
    title: 'Cloud NAT gateways log translations',
    description: 'Cloud NAT logs record which VM opened which outbound connection through the shared NAT addresses, which is otherwise impossible to reconstruct.',
    category: 'logging-monitoring',
    severity: 'low',
    resourceTypes: ['google_compute_router_nat'],
    controls: ['log.network-flow'],
    check: attrEquals('log_config.0.enable', true),
    remediation: {
      text: 'Add log_config with enable = true (filter ERRORS_ONLY keeps the volume low).',
      terraform: 'log_config {\n  enable = true\n  filter = "ERRORS_ONLY"\n}',
      effort: 'low',
    },
    references: [`${REGISTRY}/compute_router_nat`, 'https://cloud.google.com/nat/docs/monitoring'],
    fixtures: {
      pass: [{ values: { name: 'nat', log_config: [{ enable: true, filter: 'ALL' }] } }],
      fail: [{ values: { name: 'nat', log_config: [{ enable: false, filter: 'ALL' }] } }, { values: { name: 'nat', log_config: [] } }],
      unknown: [{ values: { name: 'nat' }, unknown: { log_config: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0035',
    title: 'Public Cloud DNS zones are signed with DNSSEC',
    description: 'DNSSEC lets resolvers verify that answers come from the zone, protecting users from DNS spoofing and cache poisoning that redirect them to attacker-controlled hosts.',
    category: 'encryption-in-transit',
    severity: 'medium',
    resourceTypes: ['google_dns_managed_zone'],
    controls: ['eit.internal'],
    check: onlyIf(
      dnssecApplies,
      'private zones cannot be signed',
      attrCheck({
        attr: 'dnssec_config.0.state',
        test: (v) => typeof v === 'string' && ['on', 'transfer'].includes(v.toLowerCase()),
        expected: 'dnssec_config.state = "on"',
        absent: { default: 'off' },
      }),
    ),
    remediation: {
      text: 'Add dnssec_config with state = "on", then publish the DS record at the registrar.',
      terraform: 'dnssec_config {\n  state = "on"\n}',
      effort: 'medium',
    },
    references: [`${REGISTRY}/dns_managed_zone`, 'https://cloud.google.com/dns/docs/dnssec-config'],
    peers: { checkov: ['CKV_GCP_16'] },
    fixtures: {
      pass: [{ values: { name: 'z', dns_name: 'example.com.', dnssec_config: [{ state: 'on' }] } }],
      fail: [{ values: { name: 'z', dns_name: 'example.com.', visibility: 'public', dnssec_config: [{ state: 'off' }] } }, { values: { name: 'z', dns_name: 'example.com.' } }],
      unknown: [{ values: { name: 'z', dns_name: 'example.com.' }, unknown: { dnssec_config: true } }],
      notApplicable: [{ values: { name: 'z', dns_name: 'internal.example.com.', visibility: 'private' } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0036',
    title: 'DNSSEC does not sign with RSASHA1',
    description: 'SHA-1 is broken for collision resistance; DNSSEC keys should use RSASHA256, RSASHA512 or ECDSA.',
    category: 'encryption-in-transit',
    severity: 'low',
    resourceTypes: ['google_dns_managed_zone'],
    controls: ['eit.internal'],
    check: onlyIf((ctx) => (dnssecApplies(ctx) === false ? false : dnssecOn(ctx)), 'DNSSEC is not on for this zone', noRsaSha1),
    remediation: {
      text: 'Use algorithm rsasha256 (or ecdsap256sha256) in dnssec_config.default_key_specs.',
      terraform: 'dnssec_config {\n  state = "on"\n  default_key_specs {\n    algorithm  = "rsasha256"\n    key_length = 2048\n    key_type   = "keySigning"\n  }\n}',
      effort: 'medium',
    },
    references: [`${REGISTRY}/dns_managed_zone`, 'https://cloud.google.com/dns/docs/dnssec-advanced#advanced-signing-options'],
    peers: { checkov: ['CKV_GCP_17'] },
    fixtures: {
      pass: [{ values: { name: 'z', dnssec_config: [{ state: 'on', default_key_specs: [{ algorithm: 'rsasha256', key_type: 'keySigning' }] }] } }],
      fail: [{ values: { name: 'z', dnssec_config: [{ state: 'on', default_key_specs: [{ algorithm: 'rsasha1', key_type: 'zoneSigning' }] }] } }],
      unknown: [{ values: { name: 'z', dnssec_config: [{ state: 'on' }] }, unknown: { dnssec_config: [{ default_key_specs: true }] } }],
      notApplicable: [{ values: { name: 'z', dnssec_config: [{ state: 'off' }] } }],
    },
  }),
];
