import type { ResourceRule } from '../../model';
import { allOf, anyOf, attrCheck, companion, fail, pass, readAttr, show, unknown, type ResourceCheck } from '../common/checks';
import { anyInternetSource } from '../common/network';
import { attrBool, attrIn, azureRule, blockPresent, byType, defenderPlan, diagnosticLogs } from './helpers';

const AKS = 'azurerm_kubernetes_cluster';
const POOL = 'azurerm_kubernetes_cluster_node_pool';
const DOC = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster';

const apiServerRestricted: ResourceCheck = (ctx) => {
  const expected = 'private_cluster_enabled = true, or api_server_access_profile.authorized_ip_ranges limited to known networks';
  const priv = ctx.values.get('private_cluster_enabled');
  if (priv.state === 'known' && (priv.value === true || priv.value === 'true')) return pass('private_cluster_enabled = true', expected, 'private_cluster_enabled');
  const { path, value } = readAttr(ctx.values, ['api_server_access_profile.0.authorized_ip_ranges', 'api_server_authorized_ip_ranges']);
  if (value.state === 'unknown') return unknown(path, expected);
  const ranges = value.state === 'known' && Array.isArray(value.value) ? (value.value as unknown[]) : [];
  if (ranges.length > 0) {
    if (anyInternetSource(ranges)) return fail(`${path} = ${show(ranges)} includes the whole internet`, expected, path);
    return pass(`${path} = ${show(ranges)}`, expected, path);
  }
  if (priv.state === 'unknown') return unknown('private_cluster_enabled', expected);
  return fail('public API server (private_cluster_enabled not true) with no authorized_ip_ranges', expected, 'private_cluster_enabled');
};

const networkPolicy = attrCheck({
  attr: 'network_profile.0.network_policy',
  test: (v) => typeof v === 'string' && v !== '' && v.toLowerCase() !== 'none',
  expected: 'network_profile.network_policy = "azure", "calico" or "cilium"',
});

export const AZURE_AKS_RULES: readonly ResourceRule[] = [
  azureRule({
    id: 'CW-AZ-0033',
    title: 'AKS clusters enable Kubernetes RBAC',
    description: 'Without RBAC every authenticated identity can do everything in the cluster.',
    category: 'kubernetes-security',
    severity: 'high',
    resourceTypes: [AKS],
    controls: ['k8s.rbac', 'iam.least-privilege'],
    check: attrBool(['role_based_access_control_enabled', 'role_based_access_control.0.enabled'], true, { default: true }),
    remediation: {
      text: 'Set role_based_access_control_enabled = true (azurerm 3+; role_based_access_control { enabled = true } in 2.x). Changing it recreates the cluster.',
      terraform: 'role_based_access_control_enabled = true',
      bicep: 'properties: {\n  enableRBAC: true\n}',
      effort: 'high',
    },
    references: [`${DOC}#role_based_access_control_enabled`, 'https://learn.microsoft.com/azure/aks/concepts-identity#kubernetes-rbac'],
    peers: { checkov: ['CKV_AZURE_5'] },
    differs: 'Reads azurerm 3+ role_based_access_control_enabled and the 2.x role_based_access_control block; absent means the default true.',
    fixtures: {
      pass: [{ values: { role_based_access_control_enabled: true } }, { values: { role_based_access_control: [{ enabled: true }] }, note: 'azurerm 2.x' }, { values: {}, note: 'default true' }],
      fail: [{ values: { role_based_access_control_enabled: false } }, { values: { role_based_access_control: [{ enabled: false }] } }],
      unknown: [{ values: {}, unknown: { role_based_access_control_enabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0034',
    title: 'AKS API servers are private or restricted to authorised IP ranges',
    description: 'A public Kubernetes API server is reachable by anyone on the internet; a private cluster or authorised ranges shrink the attack surface for credential and CVE attacks.',
    category: 'kubernetes-security',
    severity: 'high',
    resourceTypes: [AKS],
    controls: ['k8s.private-endpoint', 'pub.authorized-networks'],
    check: apiServerRestricted,
    remediation: {
      text: 'Set private_cluster_enabled = true, or api_server_access_profile { authorized_ip_ranges = [...] } (api_server_authorized_ip_ranges before azurerm 3.39).',
      terraform: 'api_server_access_profile {\n  authorized_ip_ranges = ["203.0.113.0/24"]\n}\n# or: private_cluster_enabled = true',
      bicep: "properties: {\n  apiServerAccessProfile: {\n    authorizedIPRanges: [ '203.0.113.0/24' ]\n    // or enablePrivateCluster: true\n  }\n}",
      effort: 'medium',
    },
    references: [`${DOC}#api_server_access_profile`, 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges', 'https://learn.microsoft.com/azure/aks/private-clusters'],
    peers: { checkov: ['CKV_AZURE_6', 'CKV_AZURE_115'] },
    differs: 'One rule for both ways of restricting the API server (private cluster or authorised ranges, new and legacy attribute); authorised ranges that include 0.0.0.0/0 fail.',
    fixtures: {
      pass: [
        { values: { private_cluster_enabled: true } },
        { values: { private_cluster_enabled: false, api_server_access_profile: [{ authorized_ip_ranges: ['203.0.113.0/24'] }] } },
        { values: { api_server_authorized_ip_ranges: ['198.51.100.10/32'] }, note: 'legacy attribute' },
      ],
      fail: [{ values: { private_cluster_enabled: false } }, { values: { api_server_access_profile: [{ authorized_ip_ranges: ['0.0.0.0/0'] }] } }],
      unknown: [{ values: { private_cluster_enabled: false, api_server_access_profile: [{}] }, unknown: { api_server_access_profile: [{ authorized_ip_ranges: true }] } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0035',
    title: 'AKS clusters enforce network policies',
    description: 'Without a network policy engine every pod can reach every other pod; a compromised pod can move laterally freely.',
    category: 'kubernetes-security',
    severity: 'medium',
    resourceTypes: [AKS],
    controls: ['k8s.network-policy'],
    check: networkPolicy,
    remediation: {
      text: 'Set network_profile { network_policy = "azure" | "calico" | "cilium" } (chosen at creation) and write NetworkPolicies.',
      terraform: 'network_profile {\n  network_plugin = "azure"\n  network_policy = "azure"\n}',
      bicep: "properties: {\n  networkProfile: {\n    networkPlugin: 'azure'\n    networkPolicy: 'azure'\n  }\n}",
      effort: 'high',
    },
    references: [`${DOC}#network_policy`, 'https://learn.microsoft.com/azure/aks/use-network-policies'],
    peers: { checkov: ['CKV_AZURE_7'] },
    fixtures: {
      pass: [{ values: { network_profile: [{ network_plugin: 'azure', network_policy: 'calico' }] } }],
      fail: [{ values: { network_profile: [{ network_plugin: 'kubenet' }] } }, { values: {} }, { values: { network_profile: [{ network_policy: 'none' }] } }],
      unknown: [{ values: {}, unknown: { network_profile: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0036',
    title: 'AKS clusters run the Azure Policy add-on',
    description: 'The Azure Policy add-on (Gatekeeper) enforces pod security and image policies at admission, blocking privileged pods and unapproved registries.',
    category: 'kubernetes-security',
    severity: 'medium',
    resourceTypes: [AKS],
    controls: ['k8s.approved-images'],
    check: attrBool(['azure_policy_enabled', 'addon_profile.0.azure_policy.0.enabled'], true, { default: false }),
    remediation: {
      text: 'Set azure_policy_enabled = true (addon_profile { azure_policy { enabled = true } } in 2.x) and assign the Kubernetes policy initiatives.',
      terraform: 'azure_policy_enabled = true',
      bicep: 'properties: {\n  addonProfiles: {\n    azurepolicy: { enabled: true }\n  }\n}',
      effort: 'low',
    },
    references: [`${DOC}#azure_policy_enabled`, 'https://learn.microsoft.com/azure/governance/policy/concepts/policy-for-kubernetes'],
    fixtures: {
      pass: [{ values: { azure_policy_enabled: true } }, { values: { addon_profile: [{ azure_policy: [{ enabled: true }] }] } }],
      fail: [{ values: { azure_policy_enabled: false } }, { values: {} }],
      unknown: [{ values: {}, unknown: { azure_policy_enabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0037',
    title: 'AKS clusters disable local accounts',
    description: 'The local cluster-admin account bypasses Entra ID, conditional access and audit by identity; its credentials can be downloaded by anyone with the listClusterAdminCredential permission.',
    category: 'kubernetes-security',
    severity: 'medium',
    resourceTypes: [AKS],
    controls: ['k8s.legacy-auth', 'iam.central-auth'],
    check: attrBool('local_account_disabled', true, { default: false }),
    remediation: {
      text: 'Enable Entra ID integration (azure_active_directory_role_based_access_control) and set local_account_disabled = true.',
      terraform: 'local_account_disabled = true\nazure_active_directory_role_based_access_control {\n  azure_rbac_enabled = true\n}',
      bicep: "properties: {\n  disableLocalAccounts: true\n  aadProfile: { managed: true, enableAzureRBAC: true }\n}",
      effort: 'medium',
    },
    references: [`${DOC}#local_account_disabled`, 'https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad'],
    fixtures: {
      pass: [{ values: { local_account_disabled: true } }],
      fail: [{ values: { local_account_disabled: false } }, { values: {} }],
      unknown: [{ values: {}, unknown: { local_account_disabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0038',
    title: 'AKS clusters upgrade automatically',
    description: 'Clusters left on old Kubernetes and node-image versions miss security fixes and fall out of support.',
    category: 'kubernetes-security',
    severity: 'low',
    resourceTypes: [AKS],
    controls: ['k8s.upgrades', 'rel.maintenance'],
    check: attrIn(['automatic_upgrade_channel', 'automatic_channel_upgrade'], ['patch', 'stable', 'rapid', 'node-image'], { default: 'none' }),
    remediation: {
      text: 'Set automatic_upgrade_channel (azurerm 4; automatic_channel_upgrade in 3.x) to "patch" or "stable", with a maintenance window.',
      terraform: 'automatic_upgrade_channel = "patch" # azurerm 4.x\n# automatic_channel_upgrade = "patch" # azurerm 3.x',
      bicep: "properties: {\n  autoUpgradeProfile: {\n    upgradeChannel: 'patch'\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}#automatic_upgrade_channel`, 'https://learn.microsoft.com/azure/aks/auto-upgrade-cluster'],
    differs: 'Reads the azurerm 4 name automatic_upgrade_channel and the azurerm 3 name automatic_channel_upgrade; absent means no automatic upgrade.',
    fixtures: {
      pass: [{ values: { automatic_upgrade_channel: 'stable' } }, { values: { automatic_channel_upgrade: 'patch' } }],
      fail: [{ values: {} }, { values: { automatic_upgrade_channel: 'none' } }],
      unknown: [{ values: {}, unknown: { automatic_upgrade_channel: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0039',
    title: 'AKS encrypts Kubernetes secrets with a Key Vault key (KMS)',
    description: 'KMS etcd encryption wraps Kubernetes secrets with a key you control in Key Vault, on top of the platform encryption of etcd.',
    category: 'kubernetes-security',
    severity: 'medium',
    resourceTypes: [AKS],
    controls: ['k8s.secrets-encryption', 'ear.secrets'],
    check: blockPresent('key_management_service', 'key_management_service { key_vault_key_id = ... }'),
    remediation: {
      text: 'Add a key_management_service block with a Key Vault key id (the cluster identity needs encrypt/decrypt on the key).',
      terraform: 'key_management_service {\n  key_vault_key_id         = azurerm_key_vault_key.etcd.id\n  key_vault_network_access = "Private"\n}',
      bicep: "properties: {\n  securityProfile: {\n    azureKeyVaultKms: {\n      enabled: true\n      keyId: etcdKey.properties.keyUriWithVersion\n      keyVaultNetworkAccess: 'Private'\n      keyVaultResourceId: vault.id\n    }\n  }\n}",
      effort: 'medium',
    },
    references: [`${DOC}#key_management_service`, 'https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption'],
    fixtures: {
      pass: [{ values: { key_management_service: [{ key_vault_key_id: 'https://kv.vault.azure.net/keys/etcd/1', key_vault_network_access: 'Public' }] } }],
      fail: [{ values: {} }, { values: { key_management_service: [] } }],
      unknown: [{ values: {}, unknown: { key_management_service: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0040',
    title: 'AKS clusters mount secrets from Key Vault (Secrets Store CSI driver)',
    description: 'The Key Vault secrets provider lets pods read secrets from Key Vault instead of Kubernetes secrets checked into manifests or pipelines.',
    category: 'kubernetes-security',
    severity: 'low',
    resourceTypes: [AKS],
    controls: ['ear.secrets', 'bp.hardcoded-secrets'],
    check: blockPresent('key_vault_secrets_provider', 'key_vault_secrets_provider { secret_rotation_enabled = true }'),
    remediation: {
      text: 'Add a key_vault_secrets_provider block and mount secrets with SecretProviderClass objects.',
      terraform: 'key_vault_secrets_provider {\n  secret_rotation_enabled = true\n}',
      bicep: "properties: {\n  addonProfiles: {\n    azureKeyvaultSecretsProvider: {\n      enabled: true\n      config: { enableSecretRotation: 'true' }\n    }\n  }\n}",
      effort: 'medium',
    },
    references: [`${DOC}#key_vault_secrets_provider`, 'https://learn.microsoft.com/azure/aks/csi-secrets-store-driver'],
    fixtures: {
      pass: [{ values: { key_vault_secrets_provider: [{ secret_rotation_enabled: true }] } }],
      fail: [{ values: {} }],
      unknown: [{ values: {}, unknown: { key_vault_secrets_provider: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0041',
    title: 'AKS clusters send container logs and metrics to Azure Monitor',
    description: 'Container insights (the monitoring add-on) collects node, pod and container logs and metrics needed to detect and investigate problems.',
    category: 'logging-monitoring',
    severity: 'medium',
    resourceTypes: [AKS],
    controls: ['log.monitoring', 'log.kubernetes'],
    check: anyOf(blockPresent('oms_agent', 'oms_agent { log_analytics_workspace_id = ... }'), attrBool('addon_profile.0.oms_agent.0.enabled', true, { default: false })),
    remediation: {
      text: 'Add an oms_agent block pointing to a Log Analytics workspace (addon_profile { oms_agent { enabled = true } } in 2.x).',
      terraform: 'oms_agent {\n  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id\n}',
      bicep: 'properties: {\n  addonProfiles: {\n    omsagent: {\n      enabled: true\n      config: { logAnalyticsWorkspaceResourceID: workspace.id }\n    }\n  }\n}',
      effort: 'low',
    },
    references: [`${DOC}#oms_agent`, 'https://learn.microsoft.com/azure/azure-monitor/containers/container-insights-overview'],
    peers: { checkov: ['CKV_AZURE_4'] },
    fixtures: {
      pass: [{ values: { oms_agent: [{ log_analytics_workspace_id: 'law' }] } }, { values: { addon_profile: [{ oms_agent: [{ enabled: true }] }] }, note: 'azurerm 2.x' }],
      fail: [{ values: { oms_agent: [] } }, { values: { addon_profile: [{ oms_agent: [{ enabled: false }] }] } }],
      unknown: [{ values: {}, unknown: { oms_agent: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0042',
    title: 'AKS nodes have no public IP addresses',
    description: 'Nodes with public IPs are directly reachable from the internet, bypassing load balancers and network controls.',
    category: 'kubernetes-security',
    severity: 'medium',
    resourceTypes: [AKS, POOL],
    controls: ['k8s.private-nodes', 'pub.compute'],
    check: byType({
      [AKS]: attrBool(['default_node_pool.0.node_public_ip_enabled', 'default_node_pool.0.enable_node_public_ip'], false, { default: false }),
      [POOL]: attrBool(['node_public_ip_enabled', 'enable_node_public_ip'], false, { default: false }),
    }),
    remediation: {
      text: 'Set node_public_ip_enabled = false (azurerm 4; enable_node_public_ip in 3.x) on the default and additional node pools.',
      terraform: 'default_node_pool {\n  name                   = "system"\n  node_public_ip_enabled = false # azurerm 4.x (enable_node_public_ip in 3.x)\n}',
      bicep: "properties: {\n  agentPoolProfiles: [ {\n    name: 'system'\n    enableNodePublicIP: false\n  } ]\n}",
      effort: 'medium',
    },
    references: [`${DOC}#node_public_ip_enabled`, 'https://learn.microsoft.com/azure/aks/use-node-public-ips'],
    differs: 'Reads node_public_ip_enabled (azurerm 4) and enable_node_public_ip (azurerm 2/3); absent means the default false.',
    fixtures: {
      pass: [{ values: { default_node_pool: [{ name: 'system', enable_node_public_ip: false }] } }, { values: { default_node_pool: [{ name: 'system' }] } }, { type: POOL, values: { node_public_ip_enabled: false } }],
      fail: [{ values: { default_node_pool: [{ name: 'system', node_public_ip_enabled: true }] } }, { type: POOL, values: { enable_node_public_ip: true } }],
      unknown: [{ values: { default_node_pool: [{ name: 'system' }] }, unknown: { default_node_pool: [{ node_public_ip_enabled: true }] } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0043',
    title: 'AKS clusters are protected by Microsoft Defender for Containers',
    description: 'Defender for Containers detects runtime threats (crypto miners, reverse shells, suspicious API calls) and vulnerable images in the cluster.',
    category: 'logging-monitoring',
    severity: 'low',
    resourceTypes: [AKS],
    controls: ['log.threat-detection'],
    check: anyOf(blockPresent('microsoft_defender', 'microsoft_defender { log_analytics_workspace_id = ... }'), defenderPlan('Containers', 'Defender for Containers plan at tier Standard')),
    remediation: {
      text: 'Add a microsoft_defender block, or enable the Defender for Containers plan on the subscription.',
      terraform: 'microsoft_defender {\n  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id\n}',
      bicep: 'properties: {\n  securityProfile: {\n    defender: {\n      logAnalyticsWorkspaceResourceId: workspace.id\n      securityMonitoring: { enabled: true }\n    }\n  }\n}',
      effort: 'low',
    },
    references: [`${DOC}#microsoft_defender`, 'https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-introduction'],
    differs: 'Also passes when the same plan enables the Defender for Containers subscription plan (azurerm_security_center_subscription_pricing Containers = Standard), which deploys the sensor to clusters.',
    fixtures: {
      pass: [
        { values: { microsoft_defender: [{ log_analytics_workspace_id: 'law' }] } },
        { values: {}, related: [{ type: 'azurerm_security_center_subscription_pricing', values: { tier: 'Standard', resource_type: 'Containers' }, refersToSubject: false }] },
      ],
      fail: [{ values: {} }],
      unknown: [{ values: {}, unknown: { microsoft_defender: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0044',
    title: 'AKS clusters enable workload identity',
    description: 'Workload identity lets pods use Entra ID federated credentials instead of client secrets mounted into the cluster.',
    category: 'kubernetes-security',
    severity: 'low',
    resourceTypes: [AKS],
    controls: ['k8s.workload-identity', 'iam.managed-identity'],
    check: allOf(attrBool('oidc_issuer_enabled', true, { default: false }), attrBool('workload_identity_enabled', true, { default: false })),
    remediation: {
      text: 'Set oidc_issuer_enabled = true and workload_identity_enabled = true, then federate user-assigned identities with service accounts.',
      terraform: 'oidc_issuer_enabled       = true\nworkload_identity_enabled = true',
      bicep: 'properties: {\n  oidcIssuerProfile: { enabled: true }\n  securityProfile: {\n    workloadIdentity: { enabled: true }\n  }\n}',
      effort: 'medium',
    },
    references: [`${DOC}#workload_identity_enabled`, 'https://learn.microsoft.com/azure/aks/workload-identity-overview'],
    fixtures: {
      pass: [{ values: { oidc_issuer_enabled: true, workload_identity_enabled: true } }],
      fail: [{ values: { oidc_issuer_enabled: true } }, { values: {} }],
      unknown: [{ values: { oidc_issuer_enabled: true }, unknown: { workload_identity_enabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0045',
    title: 'AKS control-plane audit logs are collected',
    description: 'The kube-audit logs record who did what through the Kubernetes API; without a diagnostic setting they are not kept anywhere.',
    category: 'logging-monitoring',
    severity: 'medium',
    resourceTypes: [AKS],
    controls: ['log.kubernetes', 'log.audit-trail'],
    check: companion(
      'azurerm_monitor_diagnostic_setting',
      diagnosticLogs(['kube-audit', 'kube-audit-admin'], ['audit', 'allLogs']),
      'no azurerm_monitor_diagnostic_setting targets this cluster',
    ),
    remediation: {
      text: 'Add an azurerm_monitor_diagnostic_setting for the cluster with the kube-audit-admin (or kube-audit) category, sent to Log Analytics or storage.',
      terraform:
        'resource "azurerm_monitor_diagnostic_setting" "aks" {\n  name                       = "aks-audit"\n  target_resource_id         = azurerm_kubernetes_cluster.this.id\n  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id\n  enabled_log {\n    category = "kube-audit-admin"\n  }\n}',
      bicep:
        "resource aksDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {\n  scope: aks\n  name: 'aks-audit'\n  properties: {\n    workspaceId: workspace.id\n    logs: [ { category: 'kube-audit-admin', enabled: true } ]\n  }\n}",
      effort: 'low',
    },
    references: ['https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/monitor_diagnostic_setting', 'https://learn.microsoft.com/azure/aks/monitor-aks#resource-logs'],
    differs: 'Judged from a companion azurerm_monitor_diagnostic_setting whose target_resource_id refers to the cluster; a setting that only collects metrics fails.',
    fixtures: {
      pass: [
        { values: {}, related: [{ type: 'azurerm_monitor_diagnostic_setting', values: { enabled_log: [{ category: 'kube-audit-admin' }] } }] },
        { values: {}, related: [{ type: 'azurerm_monitor_diagnostic_setting', values: { log: [{ category: 'kube-audit', enabled: true }] } }], note: 'legacy log block' },
      ],
      fail: [{ values: {} }, { values: {}, related: [{ type: 'azurerm_monitor_diagnostic_setting', values: { enabled_log: [{ category: 'kube-apiserver' }], metric: [{ category: 'AllMetrics' }] } }] }],
      unknown: [{ values: {}, related: [{ type: 'azurerm_monitor_diagnostic_setting', values: {}, unknown: { enabled_log: true } }] }],
    },
  }),
];
