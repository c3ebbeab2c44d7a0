import type { CheckResult, ResourceRule } from '../../model';
import { anyOf, fail, isNonEmpty, onlyIf, pass, unknown, type ResourceCheck } from '../common/checks';
import { attrBool, attrIn, azureRule, blockPresent, byType, hasExtension, idSet, judgeBlocks } from './helpers';

const LINUX_VM = 'azurerm_linux_virtual_machine';
const WINDOWS_VM = 'azurerm_windows_virtual_machine';
const LINUX_VMSS = 'azurerm_linux_virtual_machine_scale_set';
const WINDOWS_VMSS = 'azurerm_windows_virtual_machine_scale_set';
const FLEX_VMSS = 'azurerm_orchestrated_virtual_machine_scale_set';
const VMS = [LINUX_VM, WINDOWS_VM, LINUX_VMSS, WINDOWS_VMSS, FLEX_VMSS] as const;
const DOC = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/';

/** Orchestrated scale sets say their OS in os_profile: linux_configuration or windows_configuration. */
function flexOs(os: 'linux' | 'windows', check: ResourceCheck): ResourceCheck {
  return onlyIf(
    (ctx) => {
      const v = ctx.values.get(`os_profile.0.${os}_configuration`);
      if (v.state === 'unknown') return 'unknown';
      return v.state === 'known' && isNonEmpty(v.value);
    },
    `not a ${os === 'linux' ? 'Linux' : 'Windows'} scale set (os_profile.${os}_configuration not set)`,
    check,
  );
}

const WINDOWS_PROTECTION = [
  { publisher: 'Microsoft.Azure.Security', type: 'IaaSAntimalware' },
  { publisher: 'Microsoft.Azure.AzureDefenderForServers', type: 'MDE.Windows' },
];
const LINUX_PROTECTION = [{ publisher: 'Microsoft.Azure.AzureDefenderForServers', type: 'MDE.Linux' }];

const nicPublicIp: ResourceCheck = (ctx) => {
  const expected = 'no public_ip_address_id on the ip_configuration blocks';
  const configs = ctx.values.get('ip_configuration');
  if (configs.state === 'unknown') return unknown('ip_configuration', expected);
  const results = ctx.values.blocks('ip_configuration').map((ip, i) => {
    const label = `ip_configuration[${i}]`;
    const v = ip.get('public_ip_address_id');
    let result: CheckResult;
    if (v.state === 'known' && isNonEmpty(v.value)) result = fail(`public_ip_address_id = ${JSON.stringify(v.value)}`, expected, 'public_ip_address_id');
    else if (v.state === 'unknown') {
      const ips = ctx.referenced('azurerm_public_ip');
      result = ips.length > 0 ? fail(`public_ip_address_id refers to ${ips.map((r) => r.address).join(', ')}`, expected, 'public_ip_address_id') : unknown('public_ip_address_id', expected);
    } else result = pass('no public IP', expected);
    return { label, result };
  });
  return judgeBlocks(results, expected, 'no ip_configuration');
};

const vmssPublicIp: ResourceCheck = (ctx) => {
  const expected = 'no public_ip_address block in network_interface.ip_configuration';
  if (ctx.values.get('network_interface').state === 'unknown') return unknown('network_interface', expected);
  const results = ctx.values.blocks('network_interface').flatMap((nic, n) =>
    nic.blocks('ip_configuration').map((ip, i) => {
      const label = `network_interface[${n}].ip_configuration[${i}]`;
      const v = ip.get('public_ip_address');
      const result: CheckResult =
        v.state === 'unknown'
          ? unknown('public_ip_address', expected)
          : v.state === 'known' && isNonEmpty(v.value)
            ? fail('public_ip_address block set: every instance gets a public IP', expected, 'public_ip_address')
            : pass('no public IP', expected);
      return { label, result };
    }),
  );
  return judgeBlocks(results, expected, 'no network_interface');
};

export const AZURE_COMPUTE_RULES: readonly ResourceRule[] = [
  azureRule({
    id: 'CW-AZ-0014',
    title: 'Managed disks are encrypted with a customer-managed key',
    description:
      'Azure always encrypts managed disks with platform-managed keys; a disk encryption set with a customer-managed key lets you control rotation and revocation, which some frameworks require for sensitive data.',
    category: 'encryption-at-rest',
    severity: 'medium',
    resourceTypes: ['azurerm_managed_disk', LINUX_VM, WINDOWS_VM],
    controls: ['ear.customer-managed-key', 'ear.block-storage'],
    check: byType({
      azurerm_managed_disk: idSet('disk_encryption_set_id', ['azurerm_disk_encryption_set']),
      [LINUX_VM]: idSet('os_disk.0.disk_encryption_set_id', ['azurerm_disk_encryption_set']),
      [WINDOWS_VM]: idSet('os_disk.0.disk_encryption_set_id', ['azurerm_disk_encryption_set']),
    }),
    remediation: {
      text: 'Create an azurerm_disk_encryption_set backed by a Key Vault key and set disk_encryption_set_id on the disk (os_disk.disk_encryption_set_id on VMs).',
      terraform: 'disk_encryption_set_id = azurerm_disk_encryption_set.this.id',
      bicep: "properties: {\n  encryption: {\n    type: 'EncryptionAtRestWithCustomerKey'\n    diskEncryptionSetId: diskEncryptionSet.id\n  }\n}",
      effort: 'medium',
    },
    references: [`${DOC}managed_disk`, 'https://learn.microsoft.com/azure/virtual-machines/disk-encryption'],
    differs:
      'Never fails a disk for being "unencrypted": Azure disks are always encrypted at rest with platform keys, so this is a medium customer-managed-key rule. A disk_encryption_set_id known only after apply passes when it refers to an azurerm_disk_encryption_set of the plan.',
    fixtures: {
      pass: [
        { values: { disk_encryption_set_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des' } },
        { values: {}, unknown: { disk_encryption_set_id: true }, related: [{ type: 'azurerm_disk_encryption_set', values: {}, referencedBySubject: true, refersToSubject: false }] },
        { type: LINUX_VM, values: { os_disk: [{ disk_encryption_set_id: 'des-id' }] } },
      ],
      fail: [{ values: { storage_account_type: 'Premium_LRS' } }, { type: WINDOWS_VM, values: { os_disk: [{ caching: 'ReadWrite' }] } }],
      unknown: [{ values: {}, unknown: { disk_encryption_set_id: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0015',
    title: 'Managed disks cannot be exported over the public network',
    description: 'With network_access_policy AllowAll and public network access enabled, anyone holding a generated SAS URL can download the whole disk from anywhere.',
    category: 'public-access',
    severity: 'medium',
    resourceTypes: ['azurerm_managed_disk'],
    controls: ['pub.snapshot', 'net.private-endpoint'],
    check: anyOf(attrBool('public_network_access_enabled', false, { default: true }), attrIn('network_access_policy', ['DenyAll', 'AllowPrivate'], { default: 'AllowAll' })),
    remediation: {
      text: 'Set public_network_access_enabled = false and network_access_policy = "DenyAll" (or "AllowPrivate" with a disk_access_id).',
      terraform: 'public_network_access_enabled = false\nnetwork_access_policy         = "DenyAll"',
      bicep: "properties: {\n  networkAccessPolicy: 'DenyAll'\n  publicNetworkAccess: 'Disabled'\n}",
      effort: 'low',
    },
    references: [`${DOC}managed_disk`, 'https://learn.microsoft.com/azure/virtual-machines/disks-enable-private-links-for-import-export-portal'],
    differs: 'Absent values use the provider defaults (network_access_policy AllowAll, public_network_access_enabled true) and fail.',
    fixtures: {
      pass: [{ values: { network_access_policy: 'DenyAll' } }, { values: { network_access_policy: 'AllowPrivate', disk_access_id: 'da' } }, { values: { public_network_access_enabled: false } }],
      fail: [{ values: {} }, { values: { network_access_policy: 'AllowAll', public_network_access_enabled: true } }],
      unknown: [{ values: {}, unknown: { network_access_policy: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0016',
    title: 'Linux virtual machines accept SSH keys only (password authentication disabled)',
    description: 'Password logins can be brute-forced; SSH key authentication removes that attack entirely.',
    category: 'identity-access',
    severity: 'high',
    resourceTypes: [LINUX_VM, LINUX_VMSS, FLEX_VMSS, 'azurerm_virtual_machine'],
    controls: ['iam.static-credentials', 'iam.default-credentials'],
    check: byType({
      [LINUX_VM]: attrBool('disable_password_authentication', true, { default: true }),
      [LINUX_VMSS]: attrBool('disable_password_authentication', true, { default: true }),
      [FLEX_VMSS]: flexOs('linux', attrBool('os_profile.0.linux_configuration.0.disable_password_authentication', true, { default: true })),
      azurerm_virtual_machine: onlyIf(
        (ctx) => (ctx.values.get('os_profile_linux_config').state === 'unknown' ? 'unknown' : ctx.values.blocks('os_profile_linux_config').length > 0),
        'not a Linux VM (no os_profile_linux_config)',
        attrBool('os_profile_linux_config.0.disable_password_authentication', true),
      ),
    }),
    remediation: {
      text: 'Set disable_password_authentication = true and add an admin_ssh_key block.',
      terraform: 'disable_password_authentication = true\nadmin_ssh_key {\n  username   = "azureuser"\n  public_key = var.ssh_public_key\n}',
      bicep:
        "osProfile: {\n  linuxConfiguration: {\n    disablePasswordAuthentication: true\n    ssh: { publicKeys: [ { path: '/home/azureuser/.ssh/authorized_keys', keyData: sshPublicKey } ] }\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}linux_virtual_machine`, 'https://learn.microsoft.com/azure/virtual-machines/linux/create-ssh-keys-detailed'],
    peers: { checkov: ['CKV_AZURE_1'] },
    differs: 'Absent means the provider default true on the current VM and scale-set resources; orchestrated scale sets and the legacy azurerm_virtual_machine are judged only when they carry a Linux configuration.',
    fixtures: {
      pass: [
        { values: { disable_password_authentication: true } },
        { values: {}, note: 'absent: default true' },
        { type: FLEX_VMSS, values: { os_profile: [{ linux_configuration: [{ disable_password_authentication: true }] }] } },
      ],
      fail: [
        { values: { disable_password_authentication: false } },
        { type: LINUX_VMSS, values: { disable_password_authentication: false } },
        { type: 'azurerm_virtual_machine', values: { os_profile_linux_config: [{ disable_password_authentication: false }] } },
      ],
      unknown: [{ values: {}, unknown: { disable_password_authentication: true } }],
      notApplicable: [{ type: FLEX_VMSS, values: { os_profile: [{ windows_configuration: [{ admin_username: 'a' }] }] } }, { type: 'azurerm_virtual_machine', values: { os_profile_windows_config: [{}] } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0017',
    title: 'Virtual machines encrypt temporary disks and caches at the host',
    description: 'Managed disks are encrypted in storage, but temporary disks and OS/data disk caches live on the host; encryption at host encrypts them too, end to end.',
    category: 'encryption-at-rest',
    severity: 'medium',
    resourceTypes: VMS,
    controls: ['ear.block-storage'],
    check: attrBool('encryption_at_host_enabled', true, { default: false }),
    remediation: {
      text: 'Register the EncryptionAtHost feature on the subscription and set encryption_at_host_enabled = true.',
      terraform: 'encryption_at_host_enabled = true',
      bicep: 'securityProfile: {\n  encryptionAtHost: true\n}',
      effort: 'medium',
    },
    references: [`${DOC}linux_virtual_machine#encryption_at_host_enabled`, 'https://learn.microsoft.com/azure/virtual-machines/disk-encryption#encryption-at-host---end-to-end-encryption-for-your-vm-data'],
    differs: 'Absent means false (not enabled). Disks themselves are always encrypted; this rule is about temporary disks and caches.',
    fixtures: {
      pass: [{ values: { encryption_at_host_enabled: true } }, { type: WINDOWS_VMSS, values: { encryption_at_host_enabled: true } }],
      fail: [{ values: {} }, { type: WINDOWS_VM, values: { encryption_at_host_enabled: false } }],
      unknown: [{ values: {}, unknown: { encryption_at_host_enabled: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0018',
    title: 'Virtual machines have a managed identity',
    description: 'A managed identity lets the VM reach Azure services without credentials stored on disk or in configuration.',
    category: 'identity-access',
    severity: 'low',
    resourceTypes: VMS,
    controls: ['iam.managed-identity'],
    check: blockPresent('identity', 'identity { type = "SystemAssigned" | "UserAssigned" }'),
    remediation: {
      text: 'Add an identity block and grant it the roles the workload needs instead of distributing keys or passwords.',
      terraform: 'identity {\n  type = "SystemAssigned"\n}',
      bicep: "identity: {\n  type: 'SystemAssigned'\n}",
      effort: 'low',
    },
    references: [`${DOC}linux_virtual_machine#identity`, 'https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/overview'],
    fixtures: {
      pass: [{ values: { identity: [{ type: 'SystemAssigned' }] } }],
      fail: [{ values: {} }, { type: WINDOWS_VMSS, values: { identity: [] } }],
      unknown: [{ values: {}, unknown: { identity: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0019',
    title: 'Windows virtual machines run antimalware (Microsoft Antimalware or Defender for Endpoint)',
    description: 'Windows servers without endpoint protection leave malware and ransomware undetected.',
    category: 'best-practice',
    severity: 'medium',
    resourceTypes: [WINDOWS_VM, WINDOWS_VMSS, FLEX_VMSS],
    controls: ['bp.antimalware'],
    check: byType({
      [WINDOWS_VM]: hasExtension(WINDOWS_PROTECTION, 'an IaaSAntimalware or MDE.Windows extension, or Defender for Servers', true),
      [WINDOWS_VMSS]: hasExtension(WINDOWS_PROTECTION, 'an IaaSAntimalware or MDE.Windows extension, or Defender for Servers', true),
      [FLEX_VMSS]: flexOs('windows', hasExtension(WINDOWS_PROTECTION, 'an IaaSAntimalware or MDE.Windows extension, or Defender for Servers', true)),
    }),
    remediation: {
      text: 'Add an azurerm_virtual_machine_extension with publisher Microsoft.Azure.Security and type IaaSAntimalware (or enable Microsoft Defender for Servers, which deploys Defender for Endpoint).',
      terraform:
        'resource "azurerm_virtual_machine_extension" "antimalware" {\n  name                       = "IaaSAntimalware"\n  virtual_machine_id         = azurerm_windows_virtual_machine.this.id\n  publisher                  = "Microsoft.Azure.Security"\n  type                       = "IaaSAntimalware"\n  type_handler_version       = "1.3"\n  auto_upgrade_minor_version = true\n  settings                   = jsonencode({ AntimalwareEnabled = true, RealtimeProtectionEnabled = "true" })\n}',
      bicep:
        "resource antimalware 'Microsoft.Compute/virtualMachines/extensions@2023-03-01' = {\n  parent: vm\n  name: 'IaaSAntimalware'\n  location: location\n  properties: {\n    publisher: 'Microsoft.Azure.Security'\n    type: 'IaaSAntimalware'\n    typeHandlerVersion: '1.3'\n    autoUpgradeMinorVersion: true\n    settings: { AntimalwareEnabled: true, RealtimeProtectionEnabled: 'true' }\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}virtual_machine_extension`, 'https://learn.microsoft.com/azure/security/fundamentals/antimalware'],
    differs:
      'Counts a companion azurerm_virtual_machine_extension / azurerm_virtual_machine_scale_set_extension or an inline scale-set extension (Microsoft.Azure.Security/IaaSAntimalware or Microsoft.Azure.AzureDefenderForServers/MDE.Windows), and also a Defender for Servers plan (azurerm_security_center_subscription_pricing, VirtualMachines, Standard) in the same plan, which provisions Defender for Endpoint automatically.',
    fixtures: {
      pass: [
        { values: {}, related: [{ type: 'azurerm_virtual_machine_extension', values: { publisher: 'Microsoft.Azure.Security', type: 'IaaSAntimalware' } }] },
        { type: WINDOWS_VMSS, values: { extension: [{ name: 'mde', publisher: 'Microsoft.Azure.AzureDefenderForServers', type: 'MDE.Windows' }] } },
        { values: {}, related: [{ type: 'azurerm_security_center_subscription_pricing', values: { tier: 'Standard', resource_type: 'VirtualMachines' }, refersToSubject: false }] },
      ],
      fail: [
        { values: {} },
        { values: {}, related: [{ type: 'azurerm_virtual_machine_extension', values: { publisher: 'Microsoft.Azure.Monitor', type: 'AzureMonitorWindowsAgent' } }] },
        { values: {}, related: [{ type: 'azurerm_security_center_subscription_pricing', values: { tier: 'Free', resource_type: 'VirtualMachines' }, refersToSubject: false }] },
      ],
      unknown: [{ values: {}, related: [{ type: 'azurerm_virtual_machine_extension', values: { publisher: 'Microsoft.Azure.Security' }, unknown: { type: true } }] }],
      notApplicable: [{ type: FLEX_VMSS, values: { os_profile: [{ linux_configuration: [{ admin_username: 'a' }] }] } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0020',
    title: 'Linux virtual machines run endpoint protection (Defender for Endpoint)',
    description: 'Linux servers are targeted by cryptominers and ransomware too; Microsoft Defender for Endpoint on Linux detects them.',
    category: 'best-practice',
    severity: 'medium',
    resourceTypes: [LINUX_VM, LINUX_VMSS, FLEX_VMSS],
    controls: ['bp.antimalware'],
    check: byType({
      [LINUX_VM]: hasExtension(LINUX_PROTECTION, 'an MDE.Linux extension or Defender for Servers', true),
      [LINUX_VMSS]: hasExtension(LINUX_PROTECTION, 'an MDE.Linux extension or Defender for Servers', true),
      [FLEX_VMSS]: flexOs('linux', hasExtension(LINUX_PROTECTION, 'an MDE.Linux extension or Defender for Servers', true)),
    }),
    remediation: {
      text: 'Enable Microsoft Defender for Servers on the subscription (it onboards Defender for Endpoint on Linux), or deploy the MDE.Linux extension.',
      terraform: 'resource "azurerm_security_center_subscription_pricing" "servers" {\n  tier          = "Standard"\n  resource_type = "VirtualMachines"\n}',
      bicep: "targetScope = 'subscription'\nresource servers 'Microsoft.Security/pricings@2023-01-01' = {\n  name: 'VirtualMachines'\n  properties: {\n    pricingTier: 'Standard'\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}security_center_subscription_pricing`, 'https://learn.microsoft.com/defender-endpoint/microsoft-defender-endpoint-linux'],
    differs:
      'There is no IaaSAntimalware extension for Linux: what counts is the Defender for Endpoint extension (publisher Microsoft.Azure.AzureDefenderForServers, type MDE.Linux) on the VM or scale set, or a Defender for Servers plan (azurerm_security_center_subscription_pricing VirtualMachines = Standard) in the same plan. Third-party agents installed by cloud-init or images cannot be seen in a plan: waive the rule for them.',
    fixtures: {
      pass: [
        { values: {}, related: [{ type: 'azurerm_virtual_machine_extension', values: { publisher: 'Microsoft.Azure.AzureDefenderForServers', type: 'MDE.Linux' } }] },
        { values: {}, related: [{ type: 'azurerm_security_center_subscription_pricing', values: { tier: 'Standard' }, refersToSubject: false }], note: 'resource_type absent: default VirtualMachines' },
      ],
      fail: [{ values: {} }, { type: LINUX_VMSS, values: { extension: [{ name: 'ama', publisher: 'Microsoft.Azure.Monitor', type: 'AzureMonitorLinuxAgent' }] } }],
      unknown: [{ type: LINUX_VMSS, values: {}, unknown: { extension: true } }],
      notApplicable: [{ type: FLEX_VMSS, values: { os_profile: [{ windows_configuration: [{ admin_username: 'a' }] }] } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0021',
    title: 'Virtual machine network interfaces have no public IP address',
    description: 'A public IP on a VM puts it directly on the internet, where one permissive NSG rule exposes it; reach VMs through Bastion, a load balancer or a firewall instead.',
    category: 'public-access',
    severity: 'medium',
    resourceTypes: ['azurerm_network_interface', LINUX_VMSS, WINDOWS_VMSS, FLEX_VMSS],
    controls: ['pub.compute'],
    check: byType({ azurerm_network_interface: nicPublicIp, [LINUX_VMSS]: vmssPublicIp, [WINDOWS_VMSS]: vmssPublicIp, [FLEX_VMSS]: vmssPublicIp }),
    remediation: {
      text: 'Remove public_ip_address_id from the NIC (public_ip_address from the scale-set ip_configuration); use Azure Bastion, a load balancer or a NAT gateway.',
      terraform: 'ip_configuration {\n  name                          = "internal"\n  subnet_id                     = azurerm_subnet.app.id\n  private_ip_address_allocation = "Dynamic"\n  # no public_ip_address_id\n}',
      bicep: "ipConfigurations: [ {\n  name: 'internal'\n  properties: {\n    subnet: { id: subnet.id }\n    privateIPAllocationMethod: 'Dynamic'\n    // no publicIPAddress\n  }\n} ]",
      effort: 'medium',
    },
    references: [`${DOC}network_interface`, 'https://learn.microsoft.com/azure/bastion/bastion-overview'],
    differs:
      'public_ip_address_id is usually the id of an azurerm_public_ip created in the same plan and therefore unknown; when the NIC refers to an azurerm_public_ip the rule fails (the only NIC attribute taking a public IP), otherwise an unknown id stays unknown. Azure Firewall, Bastion, load balancers and gateways take public IPs through their own resources and are not judged here.',
    fixtures: {
      pass: [{ values: { ip_configuration: [{ name: 'internal', subnet_id: 'sn', private_ip_address_allocation: 'Dynamic' }] } }, { type: LINUX_VMSS, values: { network_interface: [{ ip_configuration: [{ name: 'i' }] }] } }],
      fail: [
        { values: { ip_configuration: [{ name: 'ip', public_ip_address_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/vm' }] } },
        {
          values: { ip_configuration: [{ name: 'ip' }] },
          unknown: { ip_configuration: [{ public_ip_address_id: true }] },
          related: [{ type: 'azurerm_public_ip', values: { allocation_method: 'Static' }, referencedBySubject: true, refersToSubject: false }],
          note: 'id unknown but refers to a public IP of the plan',
        },
        { type: WINDOWS_VMSS, values: { network_interface: [{ ip_configuration: [{ name: 'i', public_ip_address: [{ name: 'pip' }] }] }] } },
      ],
      unknown: [{ values: { ip_configuration: [{ name: 'ip' }] }, unknown: { ip_configuration: [{ public_ip_address_id: true }] } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0022',
    title: 'Windows virtual machines install updates automatically',
    description: 'Unpatched Windows servers are the most common entry point for attackers; automatic updates keep security fixes flowing.',
    category: 'reliability',
    severity: 'low',
    resourceTypes: [WINDOWS_VM, WINDOWS_VMSS],
    controls: ['rel.maintenance'],
    check: attrBool(['automatic_updates_enabled', 'enable_automatic_updates'], true, { default: true }),
    remediation: {
      text: 'Set automatic_updates_enabled = true (azurerm 4) / enable_automatic_updates = true (azurerm 3), or manage patches with Azure Update Manager (patch_mode = "AutomaticByPlatform").',
      terraform: 'automatic_updates_enabled = true # azurerm 4.x\n# enable_automatic_updates = true # azurerm 3.x\npatch_mode = "AutomaticByPlatform"',
      bicep: "osProfile: {\n  windowsConfiguration: {\n    enableAutomaticUpdates: true\n    patchSettings: { patchMode: 'AutomaticByPlatform' }\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}windows_virtual_machine#automatic_updates_enabled`, 'https://learn.microsoft.com/azure/virtual-machines/automatic-vm-guest-patching'],
    differs: 'Reads the azurerm 4 name automatic_updates_enabled and the azurerm 3 name enable_automatic_updates; absent means the provider default true.',
    fixtures: {
      pass: [{ values: { enable_automatic_updates: true } }, { values: {}, note: 'absent: default true' }],
      fail: [{ values: { automatic_updates_enabled: false } }, { type: WINDOWS_VMSS, values: { enable_automatic_updates: false } }],
      unknown: [{ values: {}, unknown: { automatic_updates_enabled: true } }],
    },
  }),
];
