import type { ComplianceResource, ResourceRule } from '../../model';
import { anyOf, attrAtLeast, attrCheck, attrEquals, fail, minTls12, notApplicable, onlyIf, pass, readAttr, show, tlsVersion, unknown, type ResourceCheck } from '../common/checks';
import { attrBool, attrIn, azureRule, byType, eqi, idSet, stringAttr } from './helpers';

const PG_FLEX = 'azurerm_postgresql_flexible_server';
const MYSQL_FLEX = 'azurerm_mysql_flexible_server';
const PG = 'azurerm_postgresql_server';
const MYSQL = 'azurerm_mysql_server';
const MARIADB = 'azurerm_mariadb_server';
const FLEX = [PG_FLEX, MYSQL_FLEX] as const;
const LEGACY = [PG, MYSQL] as const;
const DOC = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/';

const flexiblePrivate: ResourceCheck = anyOf(
  idSet('delegated_subnet_id', ['azurerm_subnet'], 'delegated_subnet_id set (VNet integration)'),
  attrBool('public_network_access_enabled', false, { default: true }),
  attrEquals('public_network_access', 'Disabled'),
);

/** Server parameters overridden through `azurerm_*_flexible_server_configuration` companions named `name`. */
function serverParameter(configType: string, name: string, test: (value: unknown) => boolean, expected: string, defaultText: string): ResourceCheck {
  return (ctx) => {
    const configs = ctx.referencing(configType);
    const named: ComplianceResource[] = [];
    for (const c of configs) {
      const n = c.values.get('name');
      if (n.state === 'unknown') return unknown(`${c.address}.name`, expected);
      if (n.state === 'known' && eqi(n.value, name)) named.push(c);
    }
    if (named.length === 0) return pass(`${name} not overridden (server default ${defaultText})`, expected, name);
    for (const c of named) {
      const v = c.values.get('value');
      if (v.state === 'unknown') return unknown(`${c.address}.value`, expected);
      const value = v.state === 'known' ? v.value : undefined;
      if (!test(value)) return fail(`${c.address}: ${name} = ${show(value)}`, expected, c.address);
    }
    return pass(`${named.map((c) => c.address).join(', ')}: ${name} = ${show(named[0]?.values.value('value'))}`, expected, named[0]?.address);
  };
}

const isOn = (v: unknown): boolean => typeof v === 'string' && v.toLowerCase() === 'on';
/** MySQL `tls_version` is a comma-separated list (TLSv1,TLSv1.1,TLSv1.2); every listed version must be 1.2+. */
const allTls12 = (v: unknown): boolean =>
  typeof v === 'string' &&
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .every((s) => tlsVersion(s) >= 1.2);

const notBurstable = (why: string, check: ResourceCheck): ResourceCheck =>
  onlyIf(
    (ctx) => {
      const sku = stringAttr(ctx.values, 'sku_name');
      if (sku.state === 'unknown') return 'unknown';
      return !(sku.value ?? '').toUpperCase().startsWith('B_');
    },
    why,
    check,
  );

/** IPv4 dotted quad → number, or NaN. */
function ipv4(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  const parts = value.trim().split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return Number.NaN;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

const WIDE = 2 ** 24;
const firewallRuleNarrow: ResourceCheck = (ctx) => {
  const expected = 'a start/end IP range narrower than a /8 (not 0.0.0.0–255.255.255.255)';
  const start = readAttr(ctx.values, ['start_ip_address', 'start_ip']);
  const end = readAttr(ctx.values, ['end_ip_address', 'end_ip']);
  if (start.value.state === 'unknown') return unknown(start.path, expected);
  if (end.value.state === 'unknown') return unknown(end.path, expected);
  const s = ipv4(start.value.state === 'known' ? start.value.value : undefined);
  const e = ipv4(end.value.state === 'known' ? end.value.value : undefined);
  if (Number.isNaN(s) || Number.isNaN(e)) return notApplicable('start/end IP not an IPv4 address');
  const range = `${start.path} = ${show(start.value.state === 'known' ? start.value.value : '')}, ${end.path} = ${show(end.value.state === 'known' ? end.value.value : '')}`;
  if (s === 0 && e === 0) return pass(`${range} (the "Allow Azure services" rule)`, expected, start.path);
  if (e - s + 1 >= WIDE) return fail(`${range}${s === 0 && e === 2 ** 32 - 1 ? ' (the whole internet)' : ` (${e - s + 1} addresses)`}`, expected, start.path);
  return pass(range, expected, start.path);
};

export const AZURE_DATABASE_RULES: readonly ResourceRule[] = [
  azureRule({
    id: 'CW-AZ-0046',
    title: 'PostgreSQL and MySQL flexible servers are not reachable from the public internet',
    description: 'A flexible server in public access mode has an internet-facing endpoint guarded only by firewall rules and passwords; VNet integration or private endpoints keep it private.',
    category: 'public-access',
    severity: 'high',
    resourceTypes: FLEX,
    controls: ['pub.database', 'net.private-endpoint'],
    check: flexiblePrivate,
    remediation: {
      text: 'Deploy the server into a delegated subnet (delegated_subnet_id + private_dns_zone_id) or set public_network_access_enabled = false and use a private endpoint.',
      terraform: 'delegated_subnet_id           = azurerm_subnet.db.id\nprivate_dns_zone_id           = azurerm_private_dns_zone.db.id\npublic_network_access_enabled = false',
      bicep: "properties: {\n  network: {\n    delegatedSubnetResourceId: dbSubnet.id\n    privateDnsZoneArmResourceId: dnsZone.id\n    publicNetworkAccess: 'Disabled'\n  }\n}",
      effort: 'high',
    },
    references: [`${DOC}postgresql_flexible_server`, `${DOC}mysql_flexible_server`, 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking'],
    differs:
      'Passes on VNet integration (delegated_subnet_id, also when it refers to a subnet of the plan), public_network_access_enabled = false, or MySQL public_network_access = "Disabled". azurerm 3.x computes public_network_access_enabled, so a plan without a delegated subnet reports it unknown rather than failing.',
    fixtures: {
      pass: [{ values: { delegated_subnet_id: '/subscriptions/s/.../subnets/db' } }, { values: { public_network_access_enabled: false } }, { type: MYSQL_FLEX, values: { public_network_access: 'Disabled' } }],
      fail: [{ values: { public_network_access_enabled: true } }, { type: MYSQL_FLEX, values: {} }],
      unknown: [{ values: {}, unknown: { public_network_access_enabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0047',
    title: 'PostgreSQL and MySQL servers keep geo-redundant backups',
    description: 'Locally redundant backups are lost with the region; geo-redundant backups allow a geo-restore after a regional disaster. The choice is made at creation.',
    category: 'backup-recovery',
    severity: 'medium',
    resourceTypes: [...FLEX, ...LEGACY, MARIADB],
    controls: ['bkp.geo-redundancy'],
    check: byType({
      [PG_FLEX]: attrBool('geo_redundant_backup_enabled', true, { default: false }),
      [MYSQL_FLEX]: attrBool('geo_redundant_backup_enabled', true, { default: false }),
      [PG]: notBurstable('Basic tier has no geo-redundant backup', attrBool('geo_redundant_backup_enabled', true, { default: false })),
      [MYSQL]: notBurstable('Basic tier has no geo-redundant backup', attrBool('geo_redundant_backup_enabled', true, { default: false })),
      [MARIADB]: notBurstable('Basic tier has no geo-redundant backup', attrBool('geo_redundant_backup_enabled', true, { default: false })),
    }),
    remediation: {
      text: 'Set geo_redundant_backup_enabled = true (forces a new server: restore into a new one).',
      terraform: 'geo_redundant_backup_enabled = true',
      bicep: "properties: {\n  backup: {\n    backupRetentionDays: 14\n    geoRedundantBackup: 'Enabled'\n  }\n}",
      effort: 'high',
    },
    references: [`${DOC}postgresql_flexible_server#geo_redundant_backup_enabled`, 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-backup-restore'],
    differs: 'Absent means the provider default false. Legacy Basic-tier servers (B_ SKUs) cannot have geo-redundant backups and are not applicable.',
    fixtures: {
      pass: [{ values: { geo_redundant_backup_enabled: true } }, { type: MYSQL, values: { sku_name: 'GP_Gen5_2', geo_redundant_backup_enabled: true } }],
      fail: [{ values: {} }, { type: MYSQL_FLEX, values: { geo_redundant_backup_enabled: false } }],
      unknown: [{ values: {}, unknown: { geo_redundant_backup_enabled: true } }],
      notApplicable: [{ type: PG, values: { sku_name: 'B_Gen5_1' } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0048',
    title: 'PostgreSQL and MySQL backups are retained at least 7 days',
    description: 'Short backup retention leaves too little time to notice corruption or a bad deployment and restore before the good backups expire.',
    category: 'backup-recovery',
    severity: 'low',
    resourceTypes: [...FLEX, ...LEGACY, MARIADB],
    controls: ['bkp.retention', 'bkp.point-in-time'],
    check: attrAtLeast('backup_retention_days', 7, { default: 7 }),
    remediation: {
      text: 'Set backup_retention_days = 7 or more (up to 35).',
      terraform: 'backup_retention_days = 14',
      bicep: "properties: {\n  backup: {\n    backupRetentionDays: 14\n    geoRedundantBackup: 'Enabled'\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}mysql_flexible_server#backup_retention_days`, 'https://learn.microsoft.com/azure/mysql/flexible-server/concepts-backup-restore'],
    differs: 'Absent means the provider default 7 days (passes).',
    fixtures: {
      pass: [{ values: { backup_retention_days: 14 } }, { values: {}, note: 'default 7' }],
      fail: [{ type: MYSQL_FLEX, values: { backup_retention_days: 1 } }],
      unknown: [{ values: {}, unknown: { backup_retention_days: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0049',
    title: 'PostgreSQL and MySQL flexible servers are highly available',
    description: 'Without high availability a zone or host failure takes the database down until it is restored; a standby in another zone fails over automatically.',
    category: 'reliability',
    severity: 'low',
    resourceTypes: FLEX,
    controls: ['rel.multi-az'],
    check: notBurstable('Burstable SKUs do not support high availability', attrIn('high_availability.0.mode', ['ZoneRedundant', 'SameZone'])),
    remediation: {
      text: 'Add high_availability { mode = "ZoneRedundant" } (General Purpose or Memory Optimized SKU) for production databases.',
      terraform: 'high_availability {\n  mode = "ZoneRedundant"\n}',
      bicep: "properties: {\n  highAvailability: {\n    mode: 'ZoneRedundant'\n  }\n}",
      effort: 'medium',
    },
    references: [`${DOC}postgresql_flexible_server#high_availability`, 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-high-availability'],
    differs: 'Burstable (B_) SKUs cannot be highly available and are not applicable. Severity low: development servers need no standby; waive them.',
    fixtures: {
      pass: [{ values: { sku_name: 'GP_Standard_D2s_v3', high_availability: [{ mode: 'ZoneRedundant' }] } }],
      fail: [{ values: { sku_name: 'GP_Standard_D2s_v3' } }],
      unknown: [{ values: { sku_name: 'GP_Standard_D2s_v3' }, unknown: { high_availability: true } }],
      notApplicable: [{ values: { sku_name: 'B_Standard_B1ms' } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0050',
    title: 'PostgreSQL and MySQL flexible servers require TLS connections',
    description: 'With require_secure_transport off, clients may connect without TLS and send credentials and data in clear text.',
    category: 'encryption-in-transit',
    severity: 'high',
    resourceTypes: FLEX,
    controls: ['eit.database'],
    check: byType({
      [PG_FLEX]: serverParameter('azurerm_postgresql_flexible_server_configuration', 'require_secure_transport', isOn, 'require_secure_transport = on', 'on'),
      [MYSQL_FLEX]: serverParameter('azurerm_mysql_flexible_server_configuration', 'require_secure_transport', isOn, 'require_secure_transport = ON', 'ON'),
    }),
    remediation: {
      text: 'Remove the configuration resource that sets require_secure_transport to off (the server default is on).',
      terraform: 'resource "azurerm_postgresql_flexible_server_configuration" "tls" {\n  name      = "require_secure_transport"\n  server_id = azurerm_postgresql_flexible_server.this.id\n  value     = "on"\n}',
      bicep: "resource requireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2022-12-01' = {\n  parent: server\n  name: 'require_secure_transport'\n  properties: {\n    value: 'on'\n    source: 'user-override'\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}postgresql_flexible_server_configuration`, 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-ssl-tls'],
    differs: 'The server default is on, so a server without a require_secure_transport configuration companion passes; only an explicit off fails.',
    fixtures: {
      pass: [{ values: {} }, { values: {}, related: [{ type: 'azurerm_postgresql_flexible_server_configuration', values: { name: 'require_secure_transport', value: 'on' } }] }],
      fail: [
        { values: {}, related: [{ type: 'azurerm_postgresql_flexible_server_configuration', values: { name: 'require_secure_transport', value: 'off' } }] },
        { type: MYSQL_FLEX, values: {}, related: [{ type: 'azurerm_mysql_flexible_server_configuration', values: { name: 'require_secure_transport', value: 'OFF' } }] },
      ],
      unknown: [{ values: {}, related: [{ type: 'azurerm_postgresql_flexible_server_configuration', values: { name: 'require_secure_transport' }, unknown: { value: true } }] }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0051',
    title: 'PostgreSQL and MySQL flexible servers accept TLS 1.2 or later only',
    description: 'Lowering the minimum TLS version re-enables TLS 1.0/1.1 and their weak ciphers.',
    category: 'encryption-in-transit',
    severity: 'medium',
    resourceTypes: FLEX,
    controls: ['eit.min-tls', 'eit.database'],
    check: byType({
      [PG_FLEX]: serverParameter('azurerm_postgresql_flexible_server_configuration', 'ssl_min_protocol_version', (v) => tlsVersion(v) >= 1.2, 'ssl_min_protocol_version = TLSv1.2 or TLSv1.3', 'TLSv1.2'),
      [MYSQL_FLEX]: serverParameter('azurerm_mysql_flexible_server_configuration', 'tls_version', allTls12, 'tls_version listing only TLSv1.2 / TLSv1.3', 'TLSv1.2'),
    }),
    remediation: {
      text: 'Remove the configuration resource lowering the TLS version, or set it to TLSv1.2.',
      terraform: 'resource "azurerm_mysql_flexible_server_configuration" "tls" {\n  name                = "tls_version"\n  resource_group_name = azurerm_resource_group.this.name\n  server_name         = azurerm_mysql_flexible_server.this.name\n  value               = "TLSv1.2"\n}',
      bicep: "resource tlsVersion 'Microsoft.DBforMySQL/flexibleServers/configurations@2023-06-30' = {\n  parent: server\n  name: 'tls_version'\n  properties: {\n    value: 'TLSv1.2'\n    source: 'user-override'\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}mysql_flexible_server_configuration`, 'https://learn.microsoft.com/azure/mysql/flexible-server/concepts-networking#tls-and-ssl'],
    differs: 'The server default is TLS 1.2, so a server without a configuration companion for the parameter passes.',
    fixtures: {
      pass: [{ values: {} }, { type: MYSQL_FLEX, values: {}, related: [{ type: 'azurerm_mysql_flexible_server_configuration', values: { name: 'tls_version', value: 'TLSv1.2,TLSv1.3' } }] }],
      fail: [
        { values: {}, related: [{ type: 'azurerm_postgresql_flexible_server_configuration', values: { name: 'ssl_min_protocol_version', value: 'TLSv1.1' } }] },
        { type: MYSQL_FLEX, values: {}, related: [{ type: 'azurerm_mysql_flexible_server_configuration', values: { name: 'tls_version', value: 'TLSv1.1,TLSv1.2' } }] },
      ],
      unknown: [{ values: {}, related: [{ type: 'azurerm_postgresql_flexible_server_configuration', values: { name: 'ssl_min_protocol_version' }, unknown: { value: true } }] }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0052',
    title: 'Legacy PostgreSQL, MySQL and MariaDB servers enforce SSL connections',
    description: 'Single servers with SSL enforcement disabled accept unencrypted client connections.',
    category: 'encryption-in-transit',
    severity: 'high',
    resourceTypes: [...LEGACY, MARIADB],
    controls: ['eit.database'],
    check: attrCheck({
      attr: ['ssl_enforcement_enabled', 'ssl_enforcement'],
      test: (v) => v === true || v === 'true' || eqi(v, 'Enabled'),
      expected: 'ssl_enforcement_enabled = true',
    }),
    remediation: {
      text: 'Set ssl_enforcement_enabled = true (ssl_enforcement = "Enabled" in azurerm 1.x/early 2.x) — and plan the migration to flexible server: single server is retired.',
      terraform: 'ssl_enforcement_enabled = true',
      bicep: "properties: {\n  sslEnforcement: 'Enabled'\n}",
      effort: 'low',
    },
    references: [`${DOC}postgresql_server#ssl_enforcement_enabled`, 'https://learn.microsoft.com/azure/postgresql/single-server/concepts-ssl-connection-security'],
    peers: { checkov: ['CKV_AZURE_28', 'CKV_AZURE_29'] },
    fixtures: {
      pass: [{ values: { ssl_enforcement_enabled: true } }, { type: MYSQL, values: { ssl_enforcement: 'Enabled' } }],
      fail: [{ values: { ssl_enforcement_enabled: false } }, { type: MARIADB, values: {} }],
      unknown: [{ values: {}, unknown: { ssl_enforcement_enabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0053',
    title: 'Legacy PostgreSQL and MySQL servers require TLS 1.2 or later',
    description: 'Single servers accepting TLS 1.0/1.1 (or with TLS enforcement disabled) allow weak protocol versions.',
    category: 'encryption-in-transit',
    severity: 'medium',
    resourceTypes: LEGACY,
    controls: ['eit.min-tls', 'eit.database'],
    check: minTls12('ssl_minimal_tls_version_enforced', { default: 'TLS1_2' }),
    remediation: {
      text: 'Set ssl_minimal_tls_version_enforced = "TLS1_2".',
      terraform: 'ssl_minimal_tls_version_enforced = "TLS1_2"',
      bicep: "properties: {\n  minimalTlsVersion: 'TLS1_2'\n}",
      effort: 'low',
    },
    references: [`${DOC}postgresql_server#ssl_minimal_tls_version_enforced`, 'https://learn.microsoft.com/azure/mysql/single-server/how-to-tls-configurations'],
    differs: 'Absent is judged with the azurerm 3.x default TLS1_2; TLSEnforcementDisabled fails.',
    fixtures: {
      pass: [{ values: { ssl_minimal_tls_version_enforced: 'TLS1_2' } }, { values: {} }],
      fail: [{ values: { ssl_minimal_tls_version_enforced: 'TLSEnforcementDisabled' } }, { type: MYSQL, values: { ssl_minimal_tls_version_enforced: 'TLS1_0' } }],
      unknown: [{ values: {}, unknown: { ssl_minimal_tls_version_enforced: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0054',
    title: 'Legacy PostgreSQL, MySQL and MariaDB servers disable public network access',
    description: 'Single servers with public network access have an internet-facing endpoint; private endpoints keep them private.',
    category: 'public-access',
    severity: 'high',
    resourceTypes: [...LEGACY, MARIADB],
    controls: ['pub.database'],
    check: attrBool('public_network_access_enabled', false, { default: true }),
    remediation: {
      text: 'Set public_network_access_enabled = false and connect through a private endpoint.',
      terraform: 'public_network_access_enabled = false',
      bicep: "properties: {\n  publicNetworkAccess: 'Disabled'\n}",
      effort: 'medium',
    },
    references: [`${DOC}postgresql_server#public_network_access_enabled`, 'https://learn.microsoft.com/azure/postgresql/single-server/concepts-data-access-and-security-private-link'],
    differs: 'Absent means the provider default true and fails.',
    fixtures: {
      pass: [{ values: { public_network_access_enabled: false } }],
      fail: [{ values: {} }, { type: MARIADB, values: { public_network_access_enabled: true } }],
      unknown: [{ values: {}, unknown: { public_network_access_enabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0055',
    title: 'Database firewall rules do not open the server to the whole internet',
    description: 'A server firewall rule from 0.0.0.0 to 255.255.255.255 (or any range as wide as a /8) lets anyone on the internet try to log in.',
    category: 'network-exposure',
    severity: 'high',
    resourceTypes: [
      'azurerm_postgresql_flexible_server_firewall_rule',
      'azurerm_mysql_flexible_server_firewall_rule',
      'azurerm_mssql_firewall_rule',
      'azurerm_postgresql_firewall_rule',
      'azurerm_mysql_firewall_rule',
      'azurerm_mariadb_firewall_rule',
      'azurerm_sql_firewall_rule',
      'azurerm_redis_firewall_rule',
    ],
    controls: ['net.database-ports', 'pub.database'],
    check: firewallRuleNarrow,
    remediation: {
      text: 'Replace the rule with the specific client IP ranges, or disable public access and use private endpoints.',
      terraform: 'start_ip_address = "203.0.113.10"\nend_ip_address   = "203.0.113.20"',
      bicep: "resource officeRule 'Microsoft.Sql/servers/firewallRules@2023-05-01-preview' = {\n  parent: sqlServer\n  name: 'office'\n  properties: {\n    startIpAddress: '203.0.113.10'\n    endIpAddress: '203.0.113.20'\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}mssql_firewall_rule`, 'https://learn.microsoft.com/azure/azure-sql/database/firewall-configure'],
    differs:
      'Fails ranges of 2^24 addresses or more, not only 0.0.0.0–255.255.255.255. The special 0.0.0.0–0.0.0.0 rule ("Allow Azure services") passes here: it admits Azure-hosted clients, not the internet. Redis firewall rules (start_ip/end_ip) are judged the same way.',
    fixtures: {
      pass: [{ values: { start_ip_address: '203.0.113.10', end_ip_address: '203.0.113.20' } }, { values: { start_ip_address: '0.0.0.0', end_ip_address: '0.0.0.0' } }, { type: 'azurerm_redis_firewall_rule', values: { start_ip: '10.0.0.1', end_ip: '10.0.0.9' } }],
      fail: [{ values: { start_ip_address: '0.0.0.0', end_ip_address: '255.255.255.255' } }, { type: 'azurerm_mssql_firewall_rule', values: { start_ip_address: '1.0.0.0', end_ip_address: '200.0.0.0' } }],
      unknown: [{ values: { start_ip_address: '0.0.0.0' }, unknown: { end_ip_address: true } }],
      notApplicable: [{ values: { start_ip_address: 'x', end_ip_address: 'y' } }],
    },
  }),
];
