import type { ResourceValues } from '@cloudwright/terraform-plan';
import type { CheckResult, ResourceRule } from '../../model';
import { anyOf, attrEquals, companion, fail, isNonEmpty, minTls12, notApplicable, onlyIf, pass, show, unknown, type ResourceCheck } from '../common/checks';
import { attrBool, azureRule, blockPresent, defenderPlan, judgeBlocks, stringAttr } from './helpers';

const SERVER = 'azurerm_mssql_server';
const DB = 'azurerm_mssql_database';
const AUDIT = 'azurerm_mssql_server_extended_auditing_policy';
const DOC = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/';

/** Server auditing: a companion extended auditing policy (azurerm 2.x+) or the inline block (azurerm 2.x). */
function auditPolicies(ctx: Parameters<ResourceCheck>[0]): { label: string; values: ResourceValues }[] {
  return [
    ...ctx.referencing(AUDIT).map((r) => ({ label: r.address, values: r.values })),
    ...ctx.values.blocks('extended_auditing_policy').map((values, i) => ({ label: `extended_auditing_policy[${i}]`, values })),
  ];
}

const auditRetention: ResourceCheck = (ctx) => {
  const expected = 'audit retention_in_days = 0 (forever) or >= 90';
  if (ctx.values.get('extended_auditing_policy').state === 'unknown') return unknown('extended_auditing_policy', expected);
  const policies = auditPolicies(ctx);
  if (policies.length === 0) return notApplicable('no auditing policy (reported by CW-AZ-0059)');
  const results = policies.map(({ label, values }) => {
    const v = values.get('retention_in_days');
    let result: CheckResult;
    if (v.state === 'unknown') result = unknown('retention_in_days', expected);
    else if (v.state === 'absent') result = pass('retention_in_days not set (provider default 0: kept forever)', expected);
    else {
      const n = Number(v.value);
      result = n === 0 || n >= 90 ? pass(`retention_in_days = ${show(v.value)}`, expected) : fail(`retention_in_days = ${show(v.value)}`, expected, 'retention_in_days');
    }
    return { label, result };
  });
  return judgeBlocks(results, expected, 'no auditing policy');
};

const LTR_FIELDS = ['weekly_retention', 'monthly_retention', 'yearly_retention'];
const longTermRetention: ResourceCheck = (ctx) => {
  const expected = 'long_term_retention_policy with a weekly, monthly or yearly retention (not PT0S)';
  if (ctx.values.get('long_term_retention_policy').state === 'unknown') return unknown('long_term_retention_policy', expected);
  const policy = ctx.values.blocks('long_term_retention_policy')[0];
  if (!policy) return fail('long_term_retention_policy not set', expected, 'long_term_retention_policy');
  const set: string[] = [];
  for (const field of LTR_FIELDS) {
    const v = policy.get(field);
    if (v.state === 'unknown') return unknown(`long_term_retention_policy.${field}`, expected);
    if (v.state === 'known' && isNonEmpty(v.value) && v.value !== 'PT0S') set.push(`${field} = ${show(v.value)}`);
  }
  return set.length > 0 ? pass(set.join(', '), expected, 'long_term_retention_policy') : fail('long_term_retention_policy without any retention', expected, 'long_term_retention_policy');
};

export const AZURE_SQL_RULES: readonly ResourceRule[] = [
  azureRule({
    id: 'CW-AZ-0056',
    title: 'Azure SQL servers require TLS 1.2 or later',
    description: 'SQL servers accepting TLS 1.0/1.1 allow clients to negotiate weak protocol versions.',
    category: 'encryption-in-transit',
    severity: 'medium',
    resourceTypes: [SERVER],
    controls: ['eit.min-tls', 'eit.database'],
    check: minTls12('minimum_tls_version', { default: '1.2' }),
    remediation: {
      text: 'Set minimum_tls_version = "1.2".',
      terraform: 'minimum_tls_version = "1.2"',
      bicep: "properties: {\n  minimalTlsVersion: '1.2'\n}",
      effort: 'low',
    },
    references: [`${DOC}mssql_server#minimum_tls_version`, 'https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#minimal-tls-version'],
    differs: 'Absent means the azurerm 3+ default "1.2" (passes); "Disabled" (no minimum) fails.',
    fixtures: {
      pass: [{ values: { minimum_tls_version: '1.2' } }, { values: {} }],
      fail: [{ values: { minimum_tls_version: '1.0' } }, { values: { minimum_tls_version: 'Disabled' } }],
      unknown: [{ values: {}, unknown: { minimum_tls_version: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0057',
    title: 'Azure SQL servers disable public network access',
    description: 'With public network access the server endpoint is on the internet, guarded only by server firewall rules and credentials.',
    category: 'public-access',
    severity: 'high',
    resourceTypes: [SERVER],
    controls: ['pub.database', 'net.private-endpoint'],
    check: attrBool('public_network_access_enabled', false, { default: true }),
    remediation: {
      text: 'Set public_network_access_enabled = false and connect through a private endpoint.',
      terraform: 'public_network_access_enabled = false',
      bicep: "properties: {\n  publicNetworkAccess: 'Disabled'\n}",
      effort: 'medium',
    },
    references: [`${DOC}mssql_server#public_network_access_enabled`, 'https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#deny-public-network-access'],
    differs: 'Absent means the provider default true and fails.',
    fixtures: {
      pass: [{ values: { public_network_access_enabled: false } }],
      fail: [{ values: {} }, { values: { public_network_access_enabled: true } }],
      unknown: [{ values: {}, unknown: { public_network_access_enabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0058',
    title: 'Azure SQL servers have an Entra ID administrator',
    description: 'Without Entra ID (Azure AD) authentication, database access relies on SQL logins whose passwords are not governed by MFA, conditional access or central deprovisioning.',
    category: 'identity-access',
    severity: 'medium',
    resourceTypes: [SERVER],
    controls: ['iam.central-auth'],
    check: blockPresent('azuread_administrator', 'azuread_administrator { login_username, object_id }'),
    remediation: {
      text: 'Add an azuread_administrator block (a group is best), and consider azuread_authentication_only = true.',
      terraform: 'azuread_administrator {\n  login_username              = "sql-admins"\n  object_id                   = var.sql_admins_group_id\n  azuread_authentication_only = true\n}',
      bicep: "properties: {\n  administrators: {\n    administratorType: 'ActiveDirectory'\n    login: 'sql-admins'\n    sid: sqlAdminsGroupId\n    tenantId: tenant().tenantId\n    azureADOnlyAuthentication: true\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}mssql_server#azuread_administrator`, 'https://learn.microsoft.com/azure/azure-sql/database/authentication-aad-overview'],
    fixtures: {
      pass: [{ values: { azuread_administrator: [{ login_username: 'sql-admins', object_id: 'o' }] } }],
      fail: [{ values: {} }, { values: { azuread_administrator: [] } }],
      unknown: [{ values: {}, unknown: { azuread_administrator: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0059',
    title: 'Azure SQL servers audit database activity',
    description: 'Auditing records logins, queries and permission changes, needed to detect misuse and to meet most compliance frameworks.',
    category: 'logging-monitoring',
    severity: 'medium',
    resourceTypes: [SERVER],
    controls: ['log.database-audit'],
    check: anyOf(
      companion(AUDIT, attrBool('enabled', true, { default: true }), `no ${AUDIT} for this server`),
      blockPresent('extended_auditing_policy', 'extended_auditing_policy block (azurerm 2.x)'),
    ),
    remediation: {
      text: 'Add an azurerm_mssql_server_extended_auditing_policy for the server (to Log Analytics via log_monitoring_enabled, or a storage account).',
      terraform:
        'resource "azurerm_mssql_server_extended_auditing_policy" "this" {\n  server_id              = azurerm_mssql_server.this.id\n  log_monitoring_enabled = true\n  retention_in_days      = 90\n}',
      bicep:
        "resource auditing 'Microsoft.Sql/servers/auditingSettings@2023-05-01-preview' = {\n  parent: sqlServer\n  name: 'default'\n  properties: {\n    state: 'Enabled'\n    isAzureMonitorTargetEnabled: true\n    retentionDays: 90\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}mssql_server_extended_auditing_policy`, 'https://learn.microsoft.com/azure/azure-sql/database/auditing-overview'],
    peers: { checkov: ['CKV_AZURE_23'] },
    differs: 'Judges the server with its companion azurerm_mssql_server_extended_auditing_policy (enabled defaults to true) or the azurerm 2.x inline extended_auditing_policy block.',
    fixtures: {
      pass: [{ values: {}, related: [{ type: AUDIT, values: { log_monitoring_enabled: true } }] }, { values: { extended_auditing_policy: [{ retention_in_days: 90 }] }, note: 'azurerm 2.x inline' }],
      fail: [{ values: {} }, { values: {}, related: [{ type: AUDIT, values: { enabled: false } }] }],
      unknown: [{ values: {}, related: [{ type: AUDIT, values: {}, unknown: { enabled: true } }] }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0060',
    title: 'Azure SQL audit logs are retained at least 90 days',
    description: 'Audit records deleted after a few days cannot support an investigation started weeks later.',
    category: 'logging-monitoring',
    severity: 'low',
    resourceTypes: [SERVER],
    controls: ['log.retention'],
    check: auditRetention,
    remediation: {
      text: 'Set retention_in_days = 90 or more on the auditing policy (0 keeps logs forever).',
      terraform: 'retention_in_days = 90',
      bicep: "properties: {\n  state: 'Enabled'\n  retentionDays: 90\n}",
      effort: 'low',
    },
    references: [`${DOC}mssql_server_extended_auditing_policy#retention_in_days`, 'https://learn.microsoft.com/azure/azure-sql/database/auditing-overview'],
    peers: { checkov: ['CKV_AZURE_24'] },
    differs: 'retention_in_days absent or 0 means logs are kept forever and passes. Servers without auditing are not applicable here (CW-AZ-0059 reports them).',
    fixtures: {
      pass: [{ values: {}, related: [{ type: AUDIT, values: { retention_in_days: 90 } }] }, { values: {}, related: [{ type: AUDIT, values: {} }], note: 'default 0: forever' }],
      fail: [{ values: {}, related: [{ type: AUDIT, values: { retention_in_days: 30 } }] }, { values: { extended_auditing_policy: [{ retention_in_days: 7 }] } }],
      unknown: [{ values: {}, related: [{ type: AUDIT, values: {}, unknown: { retention_in_days: true } }] }],
      notApplicable: [{ values: {} }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0061',
    title: 'Azure SQL servers have threat detection (Defender for SQL) enabled',
    description: 'Advanced threat protection alerts on SQL injection, brute-force logins and anomalous access patterns.',
    category: 'logging-monitoring',
    severity: 'medium',
    resourceTypes: [SERVER],
    controls: ['log.threat-detection'],
    check: anyOf(
      companion('azurerm_mssql_server_security_alert_policy', attrEquals('state', 'Enabled'), 'no azurerm_mssql_server_security_alert_policy for this server'),
      defenderPlan('SqlServers', 'Defender for SQL servers plan at tier Standard'),
    ),
    remediation: {
      text: 'Add an azurerm_mssql_server_security_alert_policy with state = "Enabled", or enable the Defender for SQL plan on the subscription.',
      terraform:
        'resource "azurerm_mssql_server_security_alert_policy" "this" {\n  resource_group_name = azurerm_resource_group.this.name\n  server_name         = azurerm_mssql_server.this.name\n  state               = "Enabled"\n}',
      bicep: "resource alerts 'Microsoft.Sql/servers/securityAlertPolicies@2023-05-01-preview' = {\n  parent: sqlServer\n  name: 'Default'\n  properties: {\n    state: 'Enabled'\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}mssql_server_security_alert_policy`, 'https://learn.microsoft.com/azure/azure-sql/database/threat-detection-overview'],
    differs: 'Also passes when the plan enables Defender for SQL on the subscription (azurerm_security_center_subscription_pricing SqlServers = Standard).',
    fixtures: {
      pass: [
        { values: {}, related: [{ type: 'azurerm_mssql_server_security_alert_policy', values: { state: 'Enabled' } }] },
        { values: {}, related: [{ type: 'azurerm_security_center_subscription_pricing', values: { tier: 'Standard', resource_type: 'SqlServers' }, refersToSubject: false }] },
      ],
      fail: [{ values: {} }, { values: {}, related: [{ type: 'azurerm_mssql_server_security_alert_policy', values: { state: 'Disabled' } }] }],
      unknown: [{ values: {}, related: [{ type: 'azurerm_mssql_server_security_alert_policy', values: {}, unknown: { state: true } }] }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0062',
    title: 'Azure SQL databases keep transparent data encryption on',
    description: 'TDE encrypts database files, backups and logs at rest; it is on by default and should never be turned off.',
    category: 'encryption-at-rest',
    severity: 'high',
    resourceTypes: [DB],
    controls: ['ear.database', 'ear.backups'],
    check: attrBool('transparent_data_encryption_enabled', true, { default: true }),
    remediation: {
      text: 'Remove transparent_data_encryption_enabled = false (default true).',
      terraform: 'transparent_data_encryption_enabled = true',
      bicep: "resource tde 'Microsoft.Sql/servers/databases/transparentDataEncryption@2023-05-01-preview' = {\n  parent: database\n  name: 'current'\n  properties: {\n    state: 'Enabled'\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}mssql_database#transparent_data_encryption_enabled`, 'https://learn.microsoft.com/azure/azure-sql/database/transparent-data-encryption-tde-overview'],
    differs: 'Absent means the provider default true (passes).',
    fixtures: {
      pass: [{ values: { transparent_data_encryption_enabled: true } }, { values: {} }],
      fail: [{ values: { transparent_data_encryption_enabled: false } }],
      unknown: [{ values: {}, unknown: { transparent_data_encryption_enabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0063',
    title: 'Azure SQL databases keep long-term backups',
    description: 'Point-in-time restore covers at most 35 days; long-term retention keeps weekly, monthly or yearly backups for audits and late-discovered corruption.',
    category: 'backup-recovery',
    severity: 'low',
    resourceTypes: [DB],
    controls: ['bkp.retention'],
    check: onlyIf(
      (ctx) => {
        const mode = stringAttr(ctx.values, 'create_mode');
        if (mode.state === 'unknown') return 'unknown';
        return !['secondary', 'onlinesecondary'].includes((mode.value ?? '').toLowerCase());
      },
      'geo-secondary databases take backups from their primary',
      longTermRetention,
    ),
    remediation: {
      text: 'Add a long_term_retention_policy (e.g. weekly P4W, monthly P12M, yearly P5Y).',
      terraform: 'long_term_retention_policy {\n  weekly_retention  = "P4W"\n  monthly_retention = "P12M"\n  yearly_retention  = "P5Y"\n  week_of_year      = 1\n}',
      bicep:
        "resource ltr 'Microsoft.Sql/servers/databases/backupLongTermRetentionPolicies@2023-05-01-preview' = {\n  parent: database\n  name: 'default'\n  properties: {\n    weeklyRetention: 'P4W'\n    monthlyRetention: 'P12M'\n    yearlyRetention: 'P5Y'\n    weekOfYear: 1\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}mssql_database#long_term_retention_policy`, 'https://learn.microsoft.com/azure/azure-sql/database/long-term-retention-overview'],
    fixtures: {
      pass: [{ values: { long_term_retention_policy: [{ weekly_retention: 'P4W', monthly_retention: 'PT0S', yearly_retention: 'PT0S' }] } }],
      fail: [{ values: {} }, { values: { long_term_retention_policy: [{ weekly_retention: 'PT0S', monthly_retention: 'PT0S', yearly_retention: 'PT0S' }] } }],
      unknown: [{ values: {}, unknown: { long_term_retention_policy: true } }],
      notApplicable: [{ values: { create_mode: 'Secondary' } }],
    },
  }),
];
