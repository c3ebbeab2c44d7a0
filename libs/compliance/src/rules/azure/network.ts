import type { CheckResult, ResourceRule } from '../../model';
import { companion, fail, notApplicable, pass, show, unknown, type ResourceCheck } from '../common/checks';
import { ADMIN_PORTS, DATABASE_PORTS, isAllPorts, openedPorts } from '../common/network';
import { attrBool, azureRule, judgeBlocks } from './helpers';
import { nsgCheck, type PortMatcher } from './nsg';

const NSG_TYPES = ['azurerm_network_security_rule', 'azurerm_network_security_group'] as const;
const DOC = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/';
const NSG_REFS = [`${DOC}network_security_rule`, `${DOC}network_security_group`, 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview'];

const listPorts = (ports: readonly number[]): string | null => (ports.length > 0 ? `opens ${ports.join(', ')}` : null);
const adminPorts: PortMatcher = (ranges) => listPorts(openedPorts(ranges, ADMIN_PORTS));
const databasePorts: PortMatcher = (ranges) => listPorts(openedPorts(ranges, DATABASE_PORTS));
const allPorts: PortMatcher = (ranges) => (isAllPorts(ranges) ? 'every port' : null);

const NSG_DIFFERS =
  'Each Allow rule is judged on its own (as peers do): a higher-priority Deny rule shadowing it is not credited. A group whose security_rule list is unknown at plan time (Terraform reports it so when the configuration declares no inline rules) is unknown; its standalone azurerm_network_security_rule resources are judged separately. Outbound and Deny rules are not applicable.';

/** Subnets Azure does not allow (or need) an NSG on. */
const NSG_EXEMPT_SUBNETS = ['gatewaysubnet', 'azurefirewallsubnet', 'azurefirewallmanagementsubnet', 'routeserversubnet'];

const subnetHasNsg: ResourceCheck = (ctx) => {
  const expected = 'a network security group associated with the subnet';
  if (ctx.resource.type === 'azurerm_subnet') {
    const name = ctx.values.get('name');
    if (name.state === 'unknown') return unknown('name', expected);
    if (name.state === 'known' && typeof name.value === 'string' && NSG_EXEMPT_SUBNETS.includes(name.value.toLowerCase())) {
      return notApplicable(`${name.value} does not take a network security group`);
    }
    return companion('azurerm_subnet_network_security_group_association', null, 'no azurerm_subnet_network_security_group_association for this subnet')(ctx);
  }
  if (ctx.values.get('subnet').state === 'unknown') return unknown('subnet', expected);
  const subnets = ctx.values.blocks('subnet');
  if (subnets.length === 0) return notApplicable('no inline subnet blocks (azurerm_subnet resources are judged on their own)');
  const results = subnets.map((s, i) => {
    const name = s.string('name') ?? String(i);
    const label = `subnet "${name}"`;
    if (NSG_EXEMPT_SUBNETS.includes(name.toLowerCase())) return { label, result: notApplicable('exempt') };
    const sg = s.get('security_group');
    const result: CheckResult =
      sg.state === 'unknown' ? unknown('security_group', expected) : sg.state === 'known' && sg.value !== '' ? pass('security_group set', expected) : fail('security_group not set', expected, 'security_group');
    return { label, result };
  });
  return judgeBlocks(results, expected, 'only gateway/firewall subnets');
};

const flowLogRetention: ResourceCheck = (ctx) => {
  const expected = 'retention_policy { days >= 90 } (days = 0 or a disabled policy keep logs forever)';
  if (ctx.values.get('retention_policy').state === 'unknown') return unknown('retention_policy', expected);
  const policy = ctx.values.blocks('retention_policy')[0];
  if (!policy) return fail('retention_policy not set', expected, 'retention_policy');
  const enabled = policy.get('enabled');
  const days = policy.get('days');
  if (enabled.state === 'unknown') return unknown('retention_policy.enabled', expected);
  if (enabled.state === 'known' && (enabled.value === false || enabled.value === 'false')) return pass('retention_policy.enabled = false (logs kept forever)', expected, 'retention_policy');
  if (days.state === 'unknown') return unknown('retention_policy.days', expected);
  const n = days.state === 'known' ? Number(days.value) : Number.NaN;
  if (n === 0) return pass('retention_policy.days = 0 (logs kept forever)', expected, 'retention_policy.days');
  return n >= 90 ? pass(`retention_policy.days = ${n}`, expected, 'retention_policy.days') : fail(`retention_policy.days = ${days.state === 'known' ? show(days.value) : 'not set'}`, expected, 'retention_policy.days');
};

export const AZURE_NETWORK_RULES: readonly ResourceRule[] = [
  azureRule({
    id: 'CW-AZ-0023',
    title: 'Network security groups do not open SSH (22) or RDP (3389) to the internet',
    description: 'SSH and RDP open to any address are scanned and brute-forced within minutes of exposure; reach VMs through Bastion, a VPN or just-in-time access.',
    category: 'network-exposure',
    severity: 'critical',
    resourceTypes: NSG_TYPES,
    controls: ['net.admin-ports'],
    check: nsgCheck(adminPorts, 'no inbound Allow from the internet (*, Internet, Any, 0.0.0.0/0) to ports 22 or 3389'),
    remediation: {
      text: 'Restrict source_address_prefix(es) to known management ranges, or remove the rule and use Azure Bastion / just-in-time VM access.',
      terraform: 'source_address_prefix = "10.0.0.0/24" # management network, not "*" or "Internet"\ndestination_port_range = "22"',
      bicep: "properties: {\n  direction: 'Inbound'\n  access: 'Allow'\n  protocol: 'Tcp'\n  sourceAddressPrefix: '10.0.0.0/24'\n  destinationPortRange: '22'\n}",
      effort: 'low',
    },
    references: NSG_REFS,
    peers: { checkov: ['CKV_AZURE_9', 'CKV_AZURE_10'] },
    differs: NSG_DIFFERS,
    fixtures: {
      pass: [
        { values: { direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: '10.0.0.0/24', destination_port_range: '22' } },
        { values: { direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: '*', destination_port_range: '443' } },
        { type: 'azurerm_network_security_group', values: { security_rule: [{ name: 'https', direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: 'Internet', destination_port_range: '443' }] } },
      ],
      fail: [
        { values: { direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: '*', destination_port_range: '22' } },
        { values: { direction: 'Inbound', access: 'Allow', protocol: '*', source_address_prefixes: ['10.0.0.0/8', '0.0.0.0/0'], destination_port_ranges: ['80', '3000-3400'] } },
        { type: 'azurerm_network_security_group', values: { security_rule: [{ name: 'rdp', direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: 'Internet', destination_port_range: '3389' }] } },
        { values: { direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: 'Any', destination_port_range: '*' } },
      ],
      unknown: [
        { values: { direction: 'Inbound', access: 'Allow', protocol: 'Tcp', destination_port_range: '22' }, unknown: { source_address_prefix: true } },
        { type: 'azurerm_network_security_group', values: { name: 'nsg' }, unknown: { security_rule: true } },
      ],
      notApplicable: [
        { values: { direction: 'Inbound', access: 'Deny', protocol: 'Tcp', source_address_prefix: '*', destination_port_range: '3389' } },
        { values: { direction: 'Outbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: '*', destination_port_range: '22' } },
      ],
    },
  }),
  azureRule({
    id: 'CW-AZ-0024',
    title: 'Network security groups do not open database ports to the internet',
    description: 'Databases (SQL Server 1433, MySQL 3306, PostgreSQL 5432, Redis 6379, MongoDB 27017, …) reachable from anywhere are attacked for weak credentials and unpatched flaws.',
    category: 'network-exposure',
    severity: 'high',
    resourceTypes: NSG_TYPES,
    controls: ['net.database-ports', 'pub.database'],
    check: nsgCheck(databasePorts, `no inbound Allow from the internet to database ports (${DATABASE_PORTS.join(', ')})`),
    remediation: {
      text: 'Limit the source to the application subnets, or use private endpoints for managed databases.',
      terraform: 'source_address_prefix  = "10.0.1.0/24" # application subnet\ndestination_port_range = "5432"',
      bicep: "properties: {\n  direction: 'Inbound'\n  access: 'Allow'\n  protocol: 'Tcp'\n  sourceAddressPrefix: '10.0.1.0/24'\n  destinationPortRange: '5432'\n}",
      effort: 'low',
    },
    references: NSG_REFS,
    differs: NSG_DIFFERS,
    fixtures: {
      pass: [{ values: { direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: 'VirtualNetwork', destination_port_range: '5432' } }],
      fail: [
        { values: { direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: 'Internet', destination_port_range: '1433' } },
        { type: 'azurerm_network_security_group', values: { security_rule: [{ name: 'db', direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: '*', destination_port_ranges: ['3306', '5432'] }] } },
      ],
      unknown: [{ values: { direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: '*' }, unknown: { destination_port_range: true } }],
      notApplicable: [{ values: { direction: 'Inbound', access: 'Deny', protocol: '*', source_address_prefix: '*', destination_port_range: '*' } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0025',
    title: 'Network security groups do not open every port to the internet',
    description: 'A rule allowing all ports from anywhere exposes every service on the VMs behind it, including ones never meant to be public.',
    category: 'network-exposure',
    severity: 'critical',
    resourceTypes: NSG_TYPES,
    controls: ['net.all-ports', 'net.least-privilege'],
    check: nsgCheck(allPorts, 'no inbound Allow from the internet to all ports (*)'),
    remediation: {
      text: 'Replace the rule with rules for the specific ports the service needs, from the sources that need them.',
      terraform: 'destination_port_range = "443"\nsource_address_prefix  = "Internet"',
      bicep: "properties: {\n  direction: 'Inbound'\n  access: 'Allow'\n  protocol: 'Tcp'\n  sourceAddressPrefix: 'Internet'\n  destinationPortRange: '443'\n}",
      effort: 'low',
    },
    references: NSG_REFS,
    differs: NSG_DIFFERS,
    fixtures: {
      pass: [{ values: { direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: '*', destination_port_range: '443' } }],
      fail: [
        { values: { direction: 'Inbound', access: 'Allow', protocol: '*', source_address_prefix: '*', destination_port_range: '*' } },
        { values: { direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: '0.0.0.0/0', destination_port_range: '0-65535' } },
      ],
      unknown: [{ values: { access: 'Allow', protocol: '*', source_address_prefix: '*', destination_port_range: '*' }, unknown: { direction: true } }],
      notApplicable: [{ values: { direction: 'Outbound', access: 'Allow', protocol: '*', source_address_prefix: '*', destination_port_range: '*' } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0026',
    title: 'Network Watcher flow logs are enabled',
    description: 'Flow logs record the traffic allowed and denied by NSGs or virtual networks, needed to investigate incidents and detect exfiltration.',
    category: 'logging-monitoring',
    severity: 'medium',
    resourceTypes: ['azurerm_network_watcher_flow_log'],
    controls: ['log.network-flow'],
    check: attrBool('enabled', true),
    remediation: {
      text: 'Set enabled = true on the flow log (and consider traffic_analytics).',
      terraform: 'enabled = true',
      bicep: "resource flowLog 'Microsoft.Network/networkWatchers/flowLogs@2023-09-01' = {\n  parent: networkWatcher\n  name: 'vnet-flow-log'\n  location: location\n  properties: {\n    targetResourceId: vnet.id\n    storageId: storageAccount.id\n    enabled: true\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}network_watcher_flow_log`, 'https://learn.microsoft.com/azure/network-watcher/vnet-flow-logs-overview'],
    fixtures: {
      pass: [{ values: { enabled: true, retention_policy: [{ enabled: true, days: 90 }] } }],
      fail: [{ values: { enabled: false } }],
      unknown: [{ values: {}, unknown: { enabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0027',
    title: 'Flow logs are retained for at least 90 days',
    description: 'Incidents are often found weeks after the fact; flow logs deleted sooner cannot support the investigation.',
    category: 'logging-monitoring',
    severity: 'low',
    resourceTypes: ['azurerm_network_watcher_flow_log'],
    controls: ['log.retention'],
    check: flowLogRetention,
    remediation: {
      text: 'Set retention_policy { enabled = true, days = 90 } or more.',
      terraform: 'retention_policy {\n  enabled = true\n  days    = 90\n}',
      bicep: 'properties: {\n  retentionPolicy: {\n    enabled: true\n    days: 90\n  }\n}',
      effort: 'low',
    },
    references: [`${DOC}network_watcher_flow_log#retention_policy`, 'https://learn.microsoft.com/azure/network-watcher/nsg-flow-logs-overview'],
    peers: { checkov: ['CKV_AZURE_12'] },
    differs: 'Days 0 and a disabled retention policy mean the logs are never deleted by Azure and pass.',
    fixtures: {
      pass: [{ values: { retention_policy: [{ enabled: true, days: 90 }] } }, { values: { retention_policy: [{ enabled: true, days: 0 }] } }, { values: { retention_policy: [{ enabled: false, days: 0 }] } }],
      fail: [{ values: { retention_policy: [{ enabled: true, days: 30 }] } }, { values: {} }],
      unknown: [{ values: {}, unknown: { retention_policy: true } }, { values: { retention_policy: [{ enabled: true }] }, unknown: { retention_policy: [{ days: true }] } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0028',
    title: 'Subnets are protected by a network security group',
    description: 'A subnet without an NSG lets any traffic routed to it reach its workloads; the NSG is the basic layer-4 boundary in Azure.',
    category: 'network-exposure',
    severity: 'medium',
    resourceTypes: ['azurerm_subnet', 'azurerm_virtual_network'],
    controls: ['net.least-privilege'],
    check: subnetHasNsg,
    remediation: {
      text: 'Associate an NSG with the subnet (azurerm_subnet_network_security_group_association, or security_group in an inline subnet block).',
      terraform: 'resource "azurerm_subnet_network_security_group_association" "app" {\n  subnet_id                 = azurerm_subnet.app.id\n  network_security_group_id = azurerm_network_security_group.app.id\n}',
      bicep: "resource subnet 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = {\n  parent: vnet\n  name: 'app'\n  properties: {\n    addressPrefix: '10.0.1.0/24'\n    networkSecurityGroup: { id: nsg.id }\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}subnet_network_security_group_association`, 'https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works'],
    differs: 'GatewaySubnet, AzureFirewallSubnet, AzureFirewallManagementSubnet and RouteServerSubnet are not applicable (Azure does not support or need an NSG there).',
    fixtures: {
      pass: [
        { values: { name: 'app' }, related: [{ type: 'azurerm_subnet_network_security_group_association', values: { network_security_group_id: 'nsg' } }] },
        { type: 'azurerm_virtual_network', values: { subnet: [{ name: 'app', security_group: 'nsg-id' }, { name: 'GatewaySubnet' }] } },
      ],
      fail: [{ values: { name: 'app' } }, { type: 'azurerm_virtual_network', values: { subnet: [{ name: 'app', security_group: '' }] } }],
      unknown: [{ values: {}, unknown: { name: true } }, { type: 'azurerm_virtual_network', values: {}, unknown: { subnet: true } }],
      notApplicable: [{ values: { name: 'AzureFirewallSubnet' } }, { type: 'azurerm_virtual_network', values: { subnet: [] } }],
    },
  }),
];
