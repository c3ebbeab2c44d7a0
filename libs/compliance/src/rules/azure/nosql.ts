import type { ResourceRule } from '../../model';
import { anyOf, attrCheck, minTls12 } from '../common/checks';
import { attrBool, attrIn, azureRule, idSet } from './helpers';

const COSMOS = 'azurerm_cosmosdb_account';
const REDIS = 'azurerm_redis_cache';
const DOC = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/';

/** `ip_range_filter`: a comma-separated string (azurerm ≤ 3) or a set of strings (azurerm 4). */
function ipRanges(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return list.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => v !== '');
}

export const AZURE_NOSQL_RULES: readonly ResourceRule[] = [
  azureRule({
    id: 'CW-AZ-0064',
    title: 'Cosmos DB accounts are not open to every network',
    description: 'A Cosmos DB account with public access and no IP or virtual-network filter accepts connections from anywhere; a leaked key is then enough to read the data.',
    category: 'public-access',
    severity: 'high',
    resourceTypes: [COSMOS],
    controls: ['pub.database', 'pub.authorized-networks'],
    check: anyOf(
      attrBool('public_network_access_enabled', false, { default: true }),
      attrBool('is_virtual_network_filter_enabled', true, { default: false }),
      attrCheck({
        attr: 'ip_range_filter',
        test: (v) => {
          const ranges = ipRanges(v);
          return ranges.length > 0 && !ranges.some((r) => r === '0.0.0.0/0');
        },
        expected: 'ip_range_filter listing the allowed client ranges',
      }),
    ),
    remediation: {
      text: 'Set public_network_access_enabled = false and use private endpoints, or restrict access with is_virtual_network_filter_enabled + virtual_network_rule and/or ip_range_filter.',
      terraform: 'public_network_access_enabled = false\n# or:\nis_virtual_network_filter_enabled = true\nvirtual_network_rule {\n  id = azurerm_subnet.app.id\n}',
      bicep: "properties: {\n  publicNetworkAccess: 'Disabled'\n  // or:\n  isVirtualNetworkFilterEnabled: true\n  virtualNetworkRules: [ { id: appSubnet.id } ]\n  ipRules: [ { ipAddressOrRange: '203.0.113.0/24' } ]\n}",
      effort: 'medium',
    },
    references: [`${DOC}cosmosdb_account`, 'https://learn.microsoft.com/azure/cosmos-db/how-to-configure-firewall'],
    differs: 'One rule for the three ways to restrict the account (no public access, virtual-network filter, IP filter — string in azurerm 3, set in azurerm 4).',
    fixtures: {
      pass: [{ values: { public_network_access_enabled: false } }, { values: { is_virtual_network_filter_enabled: true } }, { values: { ip_range_filter: '203.0.113.0/24,198.51.100.7' } }, { values: { ip_range_filter: ['203.0.113.0/24'] } }],
      fail: [{ values: {} }, { values: { public_network_access_enabled: true, is_virtual_network_filter_enabled: false, ip_range_filter: '' } }],
      unknown: [{ values: {}, unknown: { public_network_access_enabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0065',
    title: 'Cosmos DB accounts disable key-based (local) authentication',
    description: 'Primary keys grant full data access and never expire; Entra ID data-plane RBAC can be scoped and audited per identity.',
    category: 'identity-access',
    severity: 'medium',
    resourceTypes: [COSMOS],
    controls: ['iam.central-auth', 'iam.static-credentials'],
    check: attrBool('local_authentication_disabled', true, { default: false }),
    remediation: {
      text: 'Move clients to Entra ID (Cosmos DB data-plane RBAC) and set local_authentication_disabled = true.',
      terraform: 'local_authentication_disabled = true',
      bicep: 'properties: {\n  disableLocalAuth: true\n}',
      effort: 'medium',
    },
    references: [`${DOC}cosmosdb_account#local_authentication_disabled`, 'https://learn.microsoft.com/azure/cosmos-db/how-to-setup-rbac'],
    fixtures: {
      pass: [{ values: { local_authentication_disabled: true } }],
      fail: [{ values: {} }, { values: { local_authentication_disabled: false } }],
      unknown: [{ values: {}, unknown: { local_authentication_disabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0066',
    title: 'Cosmos DB accounts use a customer-managed key',
    description: 'Cosmos DB data is always encrypted with service-managed keys; a customer-managed key lets you revoke access to the data and satisfies key-control requirements.',
    category: 'encryption-at-rest',
    severity: 'low',
    resourceTypes: [COSMOS],
    controls: ['ear.customer-managed-key', 'ear.database'],
    check: idSet(['key_vault_key_id', 'managed_hsm_key_id'], ['azurerm_key_vault_key', 'azurerm_key_vault_managed_hardware_security_module_key'], 'key_vault_key_id set (customer-managed key)'),
    remediation: {
      text: 'Set key_vault_key_id to a versionless Key Vault key id at creation (the account identity or the Cosmos DB principal needs wrap/unwrap on the key).',
      terraform: 'key_vault_key_id = azurerm_key_vault_key.cosmos.versionless_id',
      bicep: 'properties: {\n  keyVaultKeyUri: cosmosKey.properties.keyUri\n}',
      effort: 'high',
    },
    references: [`${DOC}cosmosdb_account#key_vault_key_id`, 'https://learn.microsoft.com/azure/cosmos-db/how-to-setup-customer-managed-keys'],
    differs: 'A key id known only after apply passes when it refers to a key of the plan. Severity low: the data is encrypted either way.',
    fixtures: {
      pass: [
        { values: { key_vault_key_id: 'https://kv.vault.azure.net/keys/cosmos' } },
        { values: {}, unknown: { key_vault_key_id: true }, related: [{ type: 'azurerm_key_vault_key', values: {}, referencedBySubject: true, refersToSubject: false }] },
      ],
      fail: [{ values: {} }],
      unknown: [{ values: {}, unknown: { key_vault_key_id: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0067',
    title: 'Cosmos DB accounts use continuous backup (point-in-time restore)',
    description: 'Periodic backups keep a few snapshots and need a support ticket to restore; continuous backup restores to any second of the last 7 or 30 days, self-service.',
    category: 'backup-recovery',
    severity: 'low',
    resourceTypes: [COSMOS],
    controls: ['bkp.point-in-time'],
    check: attrIn('backup.0.type', ['Continuous'], { default: 'Periodic' }),
    remediation: {
      text: 'Set backup { type = "Continuous" } (tier Continuous7Days or Continuous30Days).',
      terraform: 'backup {\n  type = "Continuous"\n  tier = "Continuous7Days"\n}',
      bicep: "properties: {\n  backupPolicy: {\n    type: 'Continuous'\n    continuousModeProperties: { tier: 'Continuous7Days' }\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}cosmosdb_account#backup`, 'https://learn.microsoft.com/azure/cosmos-db/continuous-backup-restore-introduction'],
    differs: 'Absent means the default Periodic backup and fails.',
    fixtures: {
      pass: [{ values: { backup: [{ type: 'Continuous', tier: 'Continuous7Days' }] } }],
      fail: [{ values: {} }, { values: { backup: [{ type: 'Periodic', interval_in_minutes: 240 }] } }],
      unknown: [{ values: {}, unknown: { backup: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0068',
    title: 'Azure Cache for Redis disables the non-TLS port',
    description: 'The non-TLS port (6379) sends the access key and cached data in clear text.',
    category: 'encryption-in-transit',
    severity: 'high',
    resourceTypes: [REDIS],
    controls: ['eit.cache'],
    check: attrBool(['non_ssl_port_enabled', 'enable_non_ssl_port'], false, { default: false }),
    remediation: {
      text: 'Set non_ssl_port_enabled = false (azurerm 4; enable_non_ssl_port in 2/3) and connect on port 6380 with TLS.',
      terraform: 'non_ssl_port_enabled = false # azurerm 4.x\n# enable_non_ssl_port = false # azurerm 2.x / 3.x',
      bicep: 'properties: {\n  enableNonSslPort: false\n}',
      effort: 'low',
    },
    references: [`${DOC}redis_cache#non_ssl_port_enabled`, 'https://learn.microsoft.com/azure/azure-cache-for-redis/cache-configure#access-ports'],
    differs: 'Reads the azurerm 4 name non_ssl_port_enabled and the azurerm 2/3 name enable_non_ssl_port; absent means the default false.',
    fixtures: {
      pass: [{ values: { enable_non_ssl_port: false } }, { values: {} }],
      fail: [{ values: { enable_non_ssl_port: true } }, { values: { non_ssl_port_enabled: true } }],
      unknown: [{ values: {}, unknown: { non_ssl_port_enabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0069',
    title: 'Azure Cache for Redis requires TLS 1.2 or later',
    description: 'Caches accepting TLS 1.0/1.1 allow clients to negotiate weak protocol versions.',
    category: 'encryption-in-transit',
    severity: 'medium',
    resourceTypes: [REDIS],
    controls: ['eit.min-tls', 'eit.cache'],
    check: minTls12('minimum_tls_version', { default: '1.0' }),
    remediation: {
      text: 'Set minimum_tls_version = "1.2".',
      terraform: 'minimum_tls_version = "1.2"',
      bicep: "properties: {\n  minimumTlsVersion: '1.2'\n}",
      effort: 'low',
    },
    references: [`${DOC}redis_cache#minimum_tls_version`, 'https://learn.microsoft.com/azure/azure-cache-for-redis/cache-remove-tls-10-11'],
    differs: 'Absent is judged with the azurerm 2.x/3.x default "1.0" and fails; real plans carry the provider default explicitly, so this only concerns hand-written input.',
    fixtures: {
      pass: [{ values: { minimum_tls_version: '1.2' } }],
      fail: [{ values: { minimum_tls_version: '1.0' } }, { values: {} }],
      unknown: [{ values: {}, unknown: { minimum_tls_version: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0070',
    title: 'Azure Cache for Redis is not reachable from the public internet',
    description: 'A cache with public network access is reachable from anywhere with its access key; private endpoints or VNet injection keep it private.',
    category: 'public-access',
    severity: 'high',
    resourceTypes: [REDIS],
    controls: ['pub.database', 'net.private-endpoint'],
    check: anyOf(attrBool('public_network_access_enabled', false, { default: true }), idSet('subnet_id', ['azurerm_subnet'], 'subnet_id set (VNet injection)')),
    remediation: {
      text: 'Set public_network_access_enabled = false and add a private endpoint (or deploy a Premium cache into a subnet).',
      terraform: 'public_network_access_enabled = false',
      bicep: "properties: {\n  publicNetworkAccess: 'Disabled'\n}",
      effort: 'medium',
    },
    references: [`${DOC}redis_cache#public_network_access_enabled`, 'https://learn.microsoft.com/azure/azure-cache-for-redis/cache-private-link'],
    differs: 'Absent means the provider default true; a VNet-injected Premium cache (subnet_id) passes.',
    fixtures: {
      pass: [{ values: { public_network_access_enabled: false } }, { values: { subnet_id: '/subscriptions/s/.../subnets/redis' } }],
      fail: [{ values: {} }, { values: { public_network_access_enabled: true } }],
      unknown: [{ values: {}, unknown: { public_network_access_enabled: true } }],
    },
  }),
];
