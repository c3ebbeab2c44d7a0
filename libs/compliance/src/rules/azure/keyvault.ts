import type { ResourceRule } from '../../model';
import { allOf, anyOf, attrAtLeast, attrEquals, companion, fail, isNonEmpty, pass, unknown, type ResourceCheck } from '../common/checks';
import { attrBool, azureRule, blockPresent, diagnosticLogs } from './helpers';

const KV = 'azurerm_key_vault';
const HSM = 'azurerm_key_vault_managed_hardware_security_module';
const KEY = 'azurerm_key_vault_key';
const SECRET = 'azurerm_key_vault_secret';
const DOC = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/';

const automaticRotation: ResourceCheck = (ctx) => {
  const expected = 'rotation_policy { automatic { time_after_creation or time_before_expiry } }';
  if (ctx.values.get('rotation_policy').state === 'unknown') return unknown('rotation_policy', expected);
  const policy = ctx.values.blocks('rotation_policy')[0];
  if (!policy) return fail('rotation_policy not set', expected, 'rotation_policy');
  if (policy.get('automatic').state === 'unknown') return unknown('rotation_policy.automatic', expected);
  const automatic = policy.blocks('automatic')[0];
  if (!automatic) return fail('rotation_policy without an automatic block', expected, 'rotation_policy.automatic');
  for (const field of ['time_after_creation', 'time_before_expiry']) {
    const v = automatic.get(field);
    if (v.state === 'unknown') return unknown(`rotation_policy.automatic.${field}`, expected);
    if (v.state === 'known' && isNonEmpty(v.value)) return pass(`rotation_policy.automatic.${field} = ${JSON.stringify(v.value)}`, expected, 'rotation_policy');
  }
  return fail('rotation_policy.automatic without a trigger', expected, 'rotation_policy.automatic');
};

export const AZURE_KEYVAULT_RULES: readonly ResourceRule[] = [
  azureRule({
    id: 'CW-AZ-0071',
    title: 'Key vaults and managed HSMs have purge protection',
    description: 'Without purge protection a deleted vault (and every key encrypting your data) can be purged immediately, by mistake or by an attacker, making the data unrecoverable.',
    category: 'key-management',
    severity: 'medium',
    resourceTypes: [KV, HSM],
    controls: ['kms.purge-protection', 'bkp.deletion-protection'],
    check: attrBool('purge_protection_enabled', true, { default: false }),
    remediation: {
      text: 'Set purge_protection_enabled = true (cannot be turned off again).',
      terraform: 'purge_protection_enabled = true',
      bicep: 'properties: {\n  enablePurgeProtection: true\n}',
      effort: 'low',
    },
    references: [`${DOC}key_vault#purge_protection_enabled`, 'https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview#purge-protection'],
    peers: { checkov: ['CKV_AZURE_110', 'CKV_AZURE_42'] },
    differs: 'Absent means the provider default false and fails. Soft delete (always on since 2021) is checked separately by CW-AZ-0072.',
    fixtures: {
      pass: [{ values: { purge_protection_enabled: true } }, { type: HSM, values: { purge_protection_enabled: true } }],
      fail: [{ values: {} }, { values: { purge_protection_enabled: false } }],
      unknown: [{ values: {}, unknown: { purge_protection_enabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0072',
    title: 'Key vaults keep deleted vaults and objects for 90 days',
    description: 'Soft delete keeps deleted vaults, keys and secrets recoverable for the retention period; a short period leaves little time to notice a deletion.',
    category: 'backup-recovery',
    severity: 'low',
    resourceTypes: [KV],
    controls: ['bkp.soft-delete'],
    check: allOf(attrBool('soft_delete_enabled', true, { default: true }), attrAtLeast('soft_delete_retention_days', 90, { default: 90 })),
    remediation: {
      text: 'Keep soft_delete_retention_days at 90 (the default and maximum; it cannot be changed after creation). Remove soft_delete_enabled = false (azurerm 2.x).',
      terraform: 'soft_delete_retention_days = 90',
      bicep: 'properties: {\n  enableSoftDelete: true\n  softDeleteRetentionInDays: 90\n}',
      effort: 'medium',
    },
    references: [`${DOC}key_vault#soft_delete_retention_days`, 'https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview'],
    differs: 'Threshold 90 days (the Azure default and maximum). Absent means the default 90; the azurerm 2.x soft_delete_enabled = false fails.',
    fixtures: {
      pass: [{ values: { soft_delete_retention_days: 90 } }, { values: {} }],
      fail: [{ values: { soft_delete_retention_days: 7 } }, { values: { soft_delete_enabled: false } }],
      unknown: [{ values: {}, unknown: { soft_delete_retention_days: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0073',
    title: 'Key vaults deny network access by default',
    description: 'A vault reachable from every network can be attacked with stolen tokens from anywhere; restrict it to named networks or private endpoints.',
    category: 'network-exposure',
    severity: 'medium',
    resourceTypes: [KV],
    controls: ['pub.authorized-networks', 'kms.key-access', 'net.private-endpoint'],
    check: anyOf(attrBool('public_network_access_enabled', false, { default: true }), attrEquals('network_acls.0.default_action', 'Deny')),
    remediation: {
      text: 'Add network_acls { default_action = "Deny", bypass = "AzureServices" } with the allowed subnets and IPs, or disable public network access and use a private endpoint.',
      terraform: 'network_acls {\n  default_action             = "Deny"\n  bypass                     = "AzureServices"\n  virtual_network_subnet_ids = [azurerm_subnet.app.id]\n}',
      bicep: "properties: {\n  networkAcls: {\n    defaultAction: 'Deny'\n    bypass: 'AzureServices'\n    virtualNetworkRules: [ { id: appSubnet.id } ]\n  }\n}",
      effort: 'medium',
    },
    references: [`${DOC}key_vault#network_acls`, 'https://learn.microsoft.com/azure/key-vault/general/network-security'],
    peers: { checkov: ['CKV_AZURE_109'] },
    differs: 'Also passes when public network access is disabled altogether.',
    fixtures: {
      pass: [{ values: { network_acls: [{ default_action: 'Deny', bypass: 'AzureServices' }] } }, { values: { public_network_access_enabled: false } }],
      fail: [{ values: {} }, { values: { network_acls: [{ default_action: 'Allow', bypass: 'AzureServices' }] } }],
      unknown: [{ values: { network_acls: [{ bypass: 'AzureServices' }] }, unknown: { network_acls: [{ default_action: true }] } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0074',
    title: 'Key vaults use Azure RBAC for data-plane access',
    description: 'Vault access policies grant broad per-vault permissions outside Azure RBAC; RBAC gives per-object scoping, PIM and central review.',
    category: 'identity-access',
    severity: 'low',
    resourceTypes: [KV],
    controls: ['iam.least-privilege', 'kms.key-access'],
    check: attrBool(['rbac_authorization_enabled', 'enable_rbac_authorization'], true, { default: false }),
    remediation: {
      text: 'Set rbac_authorization_enabled = true (azurerm 4; enable_rbac_authorization earlier) and grant Key Vault data roles instead of access policies.',
      terraform: 'rbac_authorization_enabled = true # azurerm 4.x\n# enable_rbac_authorization = true # azurerm 2.x / 3.x',
      bicep: 'properties: {\n  enableRbacAuthorization: true\n}',
      effort: 'medium',
    },
    references: [`${DOC}key_vault#rbac_authorization_enabled`, 'https://learn.microsoft.com/azure/key-vault/general/rbac-guide'],
    differs: 'Reads rbac_authorization_enabled (azurerm 4) and enable_rbac_authorization (azurerm 2/3); absent means the default false (access policies).',
    fixtures: {
      pass: [{ values: { enable_rbac_authorization: true } }, { values: { rbac_authorization_enabled: true } }],
      fail: [{ values: {} }, { values: { enable_rbac_authorization: false } }],
      unknown: [{ values: {}, unknown: { enable_rbac_authorization: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0075',
    title: 'Key vault access is logged (diagnostic setting with AuditEvent)',
    description: 'Without a diagnostic setting, reads of keys and secrets are not recorded anywhere, so misuse cannot be detected or investigated.',
    category: 'logging-monitoring',
    severity: 'medium',
    resourceTypes: [KV],
    controls: ['log.audit-trail', 'kms.key-access'],
    check: companion('azurerm_monitor_diagnostic_setting', diagnosticLogs(['AuditEvent'], ['audit', 'allLogs']), 'no azurerm_monitor_diagnostic_setting targets this vault'),
    remediation: {
      text: 'Add an azurerm_monitor_diagnostic_setting for the vault with the AuditEvent category (or the audit category group).',
      terraform:
        'resource "azurerm_monitor_diagnostic_setting" "kv" {\n  name                       = "kv-audit"\n  target_resource_id         = azurerm_key_vault.this.id\n  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id\n  enabled_log {\n    category_group = "audit"\n  }\n}',
      bicep:
        "resource kvDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {\n  scope: vault\n  name: 'kv-audit'\n  properties: {\n    workspaceId: workspace.id\n    logs: [ { categoryGroup: 'audit', enabled: true } ]\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}monitor_diagnostic_setting`, 'https://learn.microsoft.com/azure/key-vault/general/logging'],
    differs: 'Judged from a companion azurerm_monitor_diagnostic_setting whose target_resource_id refers to the vault; a setting collecting only metrics fails.',
    fixtures: {
      pass: [{ values: {}, related: [{ type: 'azurerm_monitor_diagnostic_setting', values: { enabled_log: [{ category: 'AuditEvent' }] } }] }],
      fail: [{ values: {} }, { values: {}, related: [{ type: 'azurerm_monitor_diagnostic_setting', values: { metric: [{ category: 'AllMetrics' }] } }] }],
      unknown: [{ values: {}, related: [{ type: 'azurerm_monitor_diagnostic_setting', values: {}, unknown: { enabled_log: true } }] }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0076',
    title: 'Key vault keys have an expiration date',
    description: 'Keys without an expiry can be used forever; an expiration date forces rotation and limits the damage of a leaked key.',
    category: 'key-management',
    severity: 'medium',
    resourceTypes: [KEY],
    controls: ['kms.expiry'],
    check: blockPresent('expiration_date', 'expiration_date set'),
    remediation: {
      text: 'Set expiration_date (RFC 3339) and rotate before it, ideally with a rotation_policy.',
      terraform: 'expiration_date = "2026-12-31T00:00:00Z"',
      bicep: "resource key 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {\n  parent: vault\n  name: 'data'\n  properties: {\n    kty: 'RSA'\n    keySize: 3072\n    attributes: { exp: 1798675200 }\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}key_vault_key#expiration_date`, 'https://learn.microsoft.com/azure/key-vault/keys/about-keys-details#key-attributes'],
    peers: { checkov: ['CKV_AZURE_40'] },
    fixtures: {
      pass: [{ values: { expiration_date: '2026-12-31T00:00:00Z' } }],
      fail: [{ values: {} }],
      unknown: [{ values: {}, unknown: { expiration_date: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0077',
    title: 'Key vault keys rotate automatically',
    description: 'A rotation policy creates new key versions on a schedule, so no single key version protects data for years.',
    category: 'key-management',
    severity: 'medium',
    resourceTypes: [KEY],
    controls: ['kms.rotation'],
    check: automaticRotation,
    remediation: {
      text: 'Add a rotation_policy with an automatic trigger (e.g. time_before_expiry = "P30D") and expire_after.',
      terraform: 'rotation_policy {\n  automatic {\n    time_before_expiry = "P30D"\n  }\n  expire_after         = "P1Y"\n  notify_before_expiry = "P29D"\n}',
      bicep:
        "properties: {\n  rotationPolicy: {\n    lifetimeActions: [ {\n      trigger: { timeBeforeExpiry: 'P30D' }\n      action: { type: 'rotate' }\n    } ]\n    attributes: { expiryTime: 'P1Y' }\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}key_vault_key#rotation_policy`, 'https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation'],
    fixtures: {
      pass: [{ values: { rotation_policy: [{ expire_after: 'P1Y', automatic: [{ time_before_expiry: 'P30D' }] }] } }],
      fail: [{ values: {} }, { values: { rotation_policy: [{ expire_after: 'P1Y', notify_before_expiry: 'P29D', automatic: [] }] } }],
      unknown: [{ values: {}, unknown: { rotation_policy: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0078',
    title: 'Key vault secrets have an expiration date',
    description: 'Secrets without an expiry are never rotated; an expiration date forces rotation and shows stale credentials.',
    category: 'key-management',
    severity: 'medium',
    resourceTypes: [SECRET],
    controls: ['kms.expiry'],
    check: blockPresent('expiration_date', 'expiration_date set'),
    remediation: {
      text: 'Set expiration_date and rotate the secret before it.',
      terraform: 'expiration_date = "2026-06-30T00:00:00Z"',
      bicep: "resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {\n  parent: vault\n  name: 'db-password'\n  properties: {\n    value: dbPassword\n    attributes: { exp: 1782777600 }\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}key_vault_secret#expiration_date`, 'https://learn.microsoft.com/azure/key-vault/secrets/about-secrets'],
    peers: { checkov: ['CKV_AZURE_41'] },
    fixtures: {
      pass: [{ values: { expiration_date: '2026-06-30T00:00:00Z' } }],
      fail: [{ values: {} }],
      unknown: [{ values: {}, unknown: { expiration_date: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0079',
    title: 'Key vault secrets declare a content type',
    description: 'A content type (password, connection string, certificate, …) tells operators how to rotate and handle the secret.',
    category: 'key-management',
    severity: 'low',
    resourceTypes: [SECRET],
    controls: ['kms.key-access'],
    check: blockPresent('content_type', 'content_type set'),
    remediation: {
      text: 'Set content_type to describe the secret.',
      terraform: 'content_type = "password"',
      bicep: "properties: {\n  value: dbPassword\n  contentType: 'password'\n}",
      effort: 'low',
    },
    references: [`${DOC}key_vault_secret#content_type`, 'https://learn.microsoft.com/azure/key-vault/secrets/about-secrets'],
    peers: { checkov: ['CKV_AZURE_114'] },
    fixtures: {
      pass: [{ values: { content_type: 'password' } }],
      fail: [{ values: {} }, { values: { content_type: '' } }],
      unknown: [{ values: {}, unknown: { content_type: true } }],
    },
  }),
];
