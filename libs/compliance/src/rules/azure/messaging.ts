import type { ResourceRule } from '../../model';
import { anyOf, attrEquals, companion, minTls12, onlyIf } from '../common/checks';
import { attrBool, azureRule, blockPresent, byType, eqi, stringAttr } from './helpers';

const SB = 'azurerm_servicebus_namespace';
const EH = 'azurerm_eventhub_namespace';
const TYPES = [SB, EH];
const DOC = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/';

export const AZURE_MESSAGING_RULES: readonly ResourceRule[] = [
  azureRule({
    id: 'CW-AZ-0093',
    title: 'Service Bus and Event Hubs namespaces disable SAS key authentication',
    description: 'Shared access keys are long-lived secrets that grant namespace-wide rights; Entra ID authentication can be scoped to an entity and audited per identity.',
    category: 'identity-access',
    severity: 'medium',
    resourceTypes: TYPES,
    controls: ['iam.central-auth', 'iam.static-credentials'],
    check: attrBool('local_auth_enabled', false, { default: true }),
    remediation: {
      text: 'Move clients to Entra ID (Azure Service Bus / Event Hubs data roles) and set local_auth_enabled = false.',
      terraform: 'local_auth_enabled = false',
      bicep: 'properties: {\n  disableLocalAuth: true\n}',
      effort: 'medium',
    },
    references: [`${DOC}servicebus_namespace#local_auth_enabled`, 'https://learn.microsoft.com/azure/service-bus-messaging/disable-local-authentication'],
    differs: 'Absent means the provider default true (SAS allowed) and fails.',
    fixtures: {
      pass: [{ values: { local_auth_enabled: false } }, { type: EH, values: { local_auth_enabled: false } }],
      fail: [{ values: {} }, { type: EH, values: { local_auth_enabled: true } }],
      unknown: [{ values: {}, unknown: { local_auth_enabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0094',
    title: 'Service Bus and Event Hubs namespaces require TLS 1.2 or later',
    description: 'Namespaces accepting TLS 1.0/1.1 let clients negotiate weak protocol versions.',
    category: 'encryption-in-transit',
    severity: 'medium',
    resourceTypes: TYPES,
    controls: ['eit.min-tls'],
    check: minTls12('minimum_tls_version', { default: '1.2' }),
    remediation: {
      text: 'Set minimum_tls_version = "1.2".',
      terraform: 'minimum_tls_version = "1.2"',
      bicep: "properties: {\n  minimumTlsVersion: '1.2'\n}",
      effort: 'low',
    },
    references: [`${DOC}servicebus_namespace#minimum_tls_version`, 'https://learn.microsoft.com/azure/service-bus-messaging/transport-layer-security-configure-minimum-version'],
    differs: 'Absent means the provider default "1.2" (passes).',
    fixtures: {
      pass: [{ values: { minimum_tls_version: '1.2' } }, { values: {} }],
      fail: [{ values: { minimum_tls_version: '1.0' } }, { type: EH, values: { minimum_tls_version: '1.1' } }],
      unknown: [{ values: {}, unknown: { minimum_tls_version: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0095',
    title: 'Service Bus and Event Hubs namespaces are not open to every network',
    description: 'A namespace reachable from any network can be used from anywhere with a leaked credential; restrict it to named networks or private endpoints.',
    category: 'network-exposure',
    severity: 'medium',
    resourceTypes: TYPES,
    controls: ['pub.authorized-networks', 'net.private-endpoint'],
    check: byType({
      [SB]: anyOf(
        attrBool('public_network_access_enabled', false, { default: true }),
        attrBool('network_rule_set.0.public_network_access_enabled', false),
        attrEquals('network_rule_set.0.default_action', 'Deny'),
      ),
      [EH]: anyOf(
        attrBool('public_network_access_enabled', false, { default: true }),
        attrBool('network_rulesets.0.public_network_access_enabled', false),
        attrEquals('network_rulesets.0.default_action', 'Deny'),
      ),
    }),
    remediation: {
      text: 'Set public_network_access_enabled = false and use private endpoints, or a network rule set with default_action = "Deny" and the allowed subnets/IPs (Premium for Service Bus).',
      terraform: 'public_network_access_enabled = false\n# or (Service Bus):\nnetwork_rule_set {\n  default_action = "Deny"\n  ip_rules       = ["203.0.113.0/24"]\n}',
      bicep: "properties: {\n  publicNetworkAccess: 'Disabled'\n}",
      effort: 'medium',
    },
    references: [`${DOC}servicebus_namespace#network_rule_set`, `${DOC}eventhub_namespace#network_rulesets`, 'https://learn.microsoft.com/azure/service-bus-messaging/network-security'],
    differs: 'Passes when public network access is disabled on the namespace or in its network rule set, or the rule set denies by default. Absent means the provider default true.',
    fixtures: {
      pass: [{ values: { public_network_access_enabled: false } }, { values: { network_rule_set: [{ default_action: 'Deny' }] } }, { type: EH, values: { network_rulesets: [{ default_action: 'Deny' }] } }],
      fail: [{ values: {} }, { type: EH, values: { public_network_access_enabled: true, network_rulesets: [{ default_action: 'Allow' }] } }],
      unknown: [{ values: {}, unknown: { public_network_access_enabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0096',
    title: 'Premium Service Bus and Event Hubs namespaces use a customer-managed key',
    description: 'Messages are always encrypted with Microsoft-managed keys; a customer-managed key lets you revoke access to the data and satisfies key-control requirements.',
    category: 'encryption-at-rest',
    severity: 'low',
    resourceTypes: TYPES,
    controls: ['ear.customer-managed-key', 'ear.messaging'],
    check: byType({
      [SB]: onlyIf(
        (ctx) => {
          const sku = stringAttr(ctx.values, 'sku');
          return sku.state === 'unknown' ? 'unknown' : eqi(sku.value, 'Premium');
        },
        'customer-managed keys need the Premium SKU',
        anyOf(
          blockPresent('customer_managed_key', 'customer_managed_key block or azurerm_servicebus_namespace_customer_managed_key'),
          companion('azurerm_servicebus_namespace_customer_managed_key', null, 'no azurerm_servicebus_namespace_customer_managed_key'),
        ),
      ),
      [EH]: onlyIf(
        (ctx) => {
          const sku = stringAttr(ctx.values, 'sku');
          const cluster = stringAttr(ctx.values, 'dedicated_cluster_id');
          if (sku.state === 'unknown' || cluster.state === 'unknown') return 'unknown';
          return eqi(sku.value, 'Premium') || (cluster.value ?? '') !== '';
        },
        'customer-managed keys need the Premium SKU or a dedicated cluster',
        companion('azurerm_eventhub_namespace_customer_managed_key', null, 'no azurerm_eventhub_namespace_customer_managed_key'),
      ),
    }),
    remediation: {
      text: 'Give the namespace a managed identity with access to a Key Vault key and add the customer_managed_key block (Service Bus) or an azurerm_eventhub_namespace_customer_managed_key.',
      terraform: 'customer_managed_key {\n  key_vault_key_id = azurerm_key_vault_key.sb.id\n  identity_id      = azurerm_user_assigned_identity.sb.id\n}',
      bicep:
        "properties: {\n  encryption: {\n    keySource: 'Microsoft.KeyVault'\n    keyVaultProperties: [ {\n      keyName: key.name\n      keyVaultUri: vault.properties.vaultUri\n      identity: { userAssignedIdentity: identity.id }\n    } ]\n  }\n}",
      effort: 'medium',
    },
    references: [`${DOC}servicebus_namespace#customer_managed_key`, `${DOC}eventhub_namespace_customer_managed_key`, 'https://learn.microsoft.com/azure/service-bus-messaging/configure-customer-managed-key'],
    differs: 'Only Premium (or dedicated-cluster) namespaces can use customer-managed keys; Basic/Standard namespaces are not applicable. Severity low: the data is encrypted either way.',
    fixtures: {
      pass: [
        { values: { sku: 'Premium', customer_managed_key: [{ key_vault_key_id: 'k', identity_id: 'i' }] } },
        { type: EH, values: { sku: 'Premium' }, related: [{ type: 'azurerm_eventhub_namespace_customer_managed_key', values: { key_vault_key_ids: ['k'] } }] },
      ],
      fail: [{ values: { sku: 'Premium' } }, { type: EH, values: { sku: 'Standard', dedicated_cluster_id: 'c' } }],
      unknown: [{ values: { sku: 'Premium' }, unknown: { customer_managed_key: true } }],
      notApplicable: [{ values: { sku: 'Standard' } }, { type: EH, values: { sku: 'Standard' } }],
    },
  }),
];
