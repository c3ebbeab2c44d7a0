import type { ResourceRule } from '../../model';
import { attrAtLeast, attrEquals } from '../common/checks';
import { attrBool, azureRule } from './helpers';

const DOC = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/';

export const AZURE_MONITORING_RULES: readonly ResourceRule[] = [
  azureRule({
    id: 'CW-AZ-0090',
    title: 'Log Analytics workspaces retain logs for at least a year',
    description: 'Security investigations and audits (PCI DSS, ISO 27001, SOC 2) commonly need a year of logs; the default 30 days loses them.',
    category: 'logging-monitoring',
    severity: 'medium',
    resourceTypes: ['azurerm_log_analytics_workspace'],
    controls: ['log.retention'],
    check: attrAtLeast('retention_in_days', 365, { default: 30 }),
    remediation: {
      text: 'Set retention_in_days = 365 (or archive to storage / use table-level retention for the security tables).',
      terraform: 'retention_in_days = 365',
      bicep: 'properties: {\n  retentionInDays: 365\n}',
      effort: 'low',
    },
    references: [`${DOC}log_analytics_workspace#retention_in_days`, 'https://learn.microsoft.com/azure/azure-monitor/logs/data-retention-configure'],
    differs:
      'Threshold 365 days (a common audit requirement; PCI DSS asks for one year). Absent means the default 30 days and fails. Workspaces feeding only operational dashboards can be waived: retention beyond the free period costs money.',
    fixtures: {
      pass: [{ values: { retention_in_days: 365 } }, { values: { retention_in_days: 730 } }],
      fail: [{ values: { retention_in_days: 30 } }, { values: {}, note: 'default 30' }],
      unknown: [{ values: {}, unknown: { retention_in_days: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0091',
    title: 'Microsoft Defender for Cloud plans use the Standard tier',
    description: 'The Free tier only gives recommendations; the Standard tier (Defender plans) adds threat detection for servers, databases, storage, containers and Key Vault.',
    category: 'logging-monitoring',
    severity: 'medium',
    resourceTypes: ['azurerm_security_center_subscription_pricing'],
    controls: ['log.threat-detection'],
    check: attrEquals('tier', 'Standard'),
    remediation: {
      text: 'Set tier = "Standard" for the resource types in use.',
      terraform: 'tier          = "Standard"\nresource_type = "VirtualMachines"',
      bicep: "targetScope = 'subscription'\nresource defender 'Microsoft.Security/pricings@2023-01-01' = {\n  name: 'VirtualMachines'\n  properties: {\n    pricingTier: 'Standard'\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}security_center_subscription_pricing`, 'https://learn.microsoft.com/azure/defender-for-cloud/defender-for-cloud-introduction'],
    peers: { checkov: ['CKV_AZURE_19'] },
    fixtures: {
      pass: [{ values: { tier: 'Standard', resource_type: 'VirtualMachines' } }],
      fail: [{ values: { tier: 'Free', resource_type: 'StorageAccounts' } }],
      unknown: [{ values: { resource_type: 'SqlServers' }, unknown: { tier: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0092',
    title: 'Defender for Cloud security contacts receive alert emails',
    description: 'Without alert notifications, high-severity security alerts wait in the portal until someone looks.',
    category: 'logging-monitoring',
    severity: 'low',
    resourceTypes: ['azurerm_security_center_contact'],
    controls: ['log.alerting'],
    check: attrBool('alert_notifications', true),
    remediation: {
      text: 'Set alert_notifications = true (and alerts_to_admins = true) with a monitored email address.',
      terraform: 'email               = "security@example.com"\nalert_notifications = true\nalerts_to_admins    = true',
      bicep:
        "targetScope = 'subscription'\nresource contact 'Microsoft.Security/securityContacts@2020-01-01-preview' = {\n  name: 'default'\n  properties: {\n    emails: 'security@example.com'\n    alertNotifications: { state: 'On', minimalSeverity: 'High' }\n    notificationsByRole: { state: 'On', roles: [ 'Owner' ] }\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}security_center_contact`, 'https://learn.microsoft.com/azure/defender-for-cloud/configure-email-notifications'],
    fixtures: {
      pass: [{ values: { email: 'security@example.com', alert_notifications: true, alerts_to_admins: true } }],
      fail: [{ values: { email: 'security@example.com', alert_notifications: false } }],
      unknown: [{ values: {}, unknown: { alert_notifications: true } }],
    },
  }),
];
