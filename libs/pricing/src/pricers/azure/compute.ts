import { UnsupportedResource, type ComponentDraft, type PricerContext, type ResourcePricer } from '../../engine/pricer';
import { monthlyHours } from '../helpers';
import { DISK_OPERATIONS_USAGE, supportsPremiumStorage, tieredDiskLines, vmLine, type AzureOs } from './common';

const OS_DISK_SIZE_REASON =
  'os_disk.disk_size_gb defaults to the size of the source image (30 GiB for the common Linux marketplace images, 127 GiB for Windows Server images)';

function osDiskDefault(os: AzureOs): number {
  return os === 'windows' ? 127 : 30;
}

function isSpot(priority: string): boolean {
  return priority === 'Spot' || priority === 'Low';
}

function vmPricer(type: string, os: AzureOs): ResourcePricer {
  return {
    cloud: 'azure',
    types: [type],
    usage: [DISK_OPERATIONS_USAGE],
    price(ctx) {
      const size = ctx.assume<string>('size', 'Standard_D2s_v5', 'size is required by the azurerm provider; assumed a common general-purpose size');
      const priority = ctx.assume<string>('priority', 'Regular', 'priority defaults to Regular (azurerm provider docs)');
      const licence = os === 'windows' ? ctx.assume<string>('license_type', 'None', 'license_type is not set: pay-as-you-go Windows licence') : 'None';
      const diskType = ctx.assume<string>('os_disk[0].storage_account_type', 'Standard_LRS', 'os_disk.storage_account_type is required; assumed Standard_LRS');
      const diskSize = ctx.assume<number>('os_disk[0].disk_size_gb', osDiskDefault(os), OS_DISK_SIZE_REASON);
      return [
        vmLine(ctx, { size, os, count: 1, spot: isSpot(priority), hybridBenefit: licence === 'Windows_Server' || licence === 'Windows_Client' }),
        ...tieredDiskLines(ctx, diskType, diskSize, 1, 'OS disk'),
      ];
    },
  };
}

/** `azurerm_linux_virtual_machine`: VM size hours (Linux) plus the OS managed disk. https://azure.microsoft.com/pricing/details/virtual-machines/linux/ */
export const azureLinuxVirtualMachine = vmPricer('azurerm_linux_virtual_machine', 'linux');
/** `azurerm_windows_virtual_machine`: VM size hours (Windows licence included unless Azure Hybrid Benefit) plus the OS disk. */
export const azureWindowsVirtualMachine = vmPricer('azurerm_windows_virtual_machine', 'windows');

function scaleSetLines(ctx: PricerContext, o: { size: string; os: AzureOs; instances: number; spot: boolean; hybrid: boolean; diskType: string; diskSize: number; dataDisks: ComponentDraft[] }): ComponentDraft[] {
  return [
    vmLine(ctx, { size: o.size, os: o.os, count: o.instances, spot: o.spot, hybridBenefit: o.hybrid }),
    ...(o.instances > 0 ? tieredDiskLines(ctx, o.diskType, o.diskSize, o.instances, 'OS disks') : []),
    ...o.dataDisks,
  ];
}

function dataDiskLines(ctx: PricerContext, path: string, typeKey: string, sizeKey: string, instances: number): ComponentDraft[] {
  if (instances === 0) return [];
  return ctx.values.blocks(path).flatMap((disk, i) => {
    const type = disk.string(typeKey);
    const size = disk.number(sizeKey);
    if (!type || size === undefined) {
      ctx.note({ attribute: `${path}[${i}]`, assumed: 'not priced', cause: 'unknown at plan time', reason: 'the data disk type or size is not known until apply' });
      return [];
    }
    return tieredDiskLines(ctx, type, size, instances, `Data disk ${i + 1}`);
  });
}

function modernScaleSet(type: string, os: AzureOs): ResourcePricer {
  return {
    cloud: 'azure',
    types: [type],
    usage: [DISK_OPERATIONS_USAGE],
    price(ctx) {
      const size = ctx.assume<string>('sku', 'Standard_D2s_v5', 'sku is required by the azurerm provider; assumed a common general-purpose size');
      const instances = ctx.assume<number>('instances', 1, 'instances: the scale set size is not known; priced for 1 instance');
      const priority = ctx.assume<string>('priority', 'Regular', 'priority defaults to Regular (azurerm provider docs)');
      const licence = os === 'windows' ? ctx.assume<string>('license_type', 'None', 'license_type is not set: pay-as-you-go Windows licence') : 'None';
      const diskType = ctx.assume<string>('os_disk[0].storage_account_type', 'Standard_LRS', 'os_disk.storage_account_type is required; assumed Standard_LRS');
      const diskSize = ctx.assume<number>('os_disk[0].disk_size_gb', osDiskDefault(os), OS_DISK_SIZE_REASON);
      return scaleSetLines(ctx, {
        size,
        os,
        instances,
        spot: isSpot(priority),
        hybrid: licence === 'Windows_Server',
        diskType,
        diskSize,
        dataDisks: dataDiskLines(ctx, 'data_disk', 'storage_account_type', 'disk_size_gb', instances),
      });
    },
  };
}

/** `azurerm_linux_virtual_machine_scale_set`: instances × (VM hours + OS disk + data disks). */
export const azureLinuxScaleSet = modernScaleSet('azurerm_linux_virtual_machine_scale_set', 'linux');
/** `azurerm_windows_virtual_machine_scale_set`: instances × (Windows VM hours + OS disk + data disks). */
export const azureWindowsScaleSet = modernScaleSet('azurerm_windows_virtual_machine_scale_set', 'windows');

/** `azurerm_orchestrated_virtual_machine_scale_set` (Flexible orchestration): OS from os_profile, instances × VM + disks. */
export const azureOrchestratedScaleSet: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_orchestrated_virtual_machine_scale_set'],
  usage: [DISK_OPERATIONS_USAGE],
  price(ctx) {
    const size = ctx.assume<string>('sku_name', 'Standard_D2s_v5', 'sku_name is not set: a Flexible scale set without sku_name has no VMs of its own until one is set; assumed a common size');
    const instances = ctx.assume<number>('instances', 0, 'instances defaults to 0 for an orchestrated scale set (azurerm provider docs)');
    const os: AzureOs = ctx.values.blocks('os_profile[0].windows_configuration').length > 0 ? 'windows' : 'linux';
    const priority = ctx.assume<string>('priority', 'Regular', 'priority defaults to Regular (azurerm provider docs)');
    const licence = os === 'windows' ? ctx.assume<string>('license_type', 'None', 'license_type is not set: pay-as-you-go Windows licence') : 'None';
    const diskType = ctx.assume<string>('os_disk[0].storage_account_type', 'Standard_LRS', 'os_disk.storage_account_type is required when os_disk is set; assumed Standard_LRS');
    const diskSize = ctx.assume<number>('os_disk[0].disk_size_gb', osDiskDefault(os), OS_DISK_SIZE_REASON);
    return scaleSetLines(ctx, {
      size,
      os,
      instances,
      spot: isSpot(priority),
      hybrid: licence === 'Windows_Server',
      diskType,
      diskSize,
      dataDisks: dataDiskLines(ctx, 'data_disk', 'storage_account_type', 'disk_size_gb', instances),
    });
  },
};

/** Legacy `azurerm_virtual_machine_scale_set` (provider 1.x/2.x): sku { name, capacity }, storage_profile_os_disk. */
export const azureLegacyScaleSet: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_virtual_machine_scale_set'],
  usage: [DISK_OPERATIONS_USAGE],
  price(ctx) {
    const size = ctx.assume<string>('sku[0].name', 'Standard_D2s_v5', 'sku.name is required by the azurerm provider; assumed a common general-purpose size');
    const instances = ctx.assume<number>('sku[0].capacity', 1, 'sku.capacity is required by the azurerm provider; priced for 1 instance');
    const os: AzureOs = ctx.values.blocks('os_profile_windows_config').length > 0 ? 'windows' : 'linux';
    const priority = ctx.assume<string>('priority', 'Regular', 'priority defaults to Regular (azurerm provider docs)');
    const licence = ctx.values.string('license_type') ?? 'None';
    const diskType = ctx.assume<string>('storage_profile_os_disk[0].managed_disk_type', 'Standard_LRS', 'storage_profile_os_disk.managed_disk_type is not set; assumed Standard_LRS');
    return scaleSetLines(ctx, {
      size,
      os,
      instances,
      spot: isSpot(priority),
      hybrid: licence === 'Windows_Server',
      diskType,
      diskSize: osDiskDefault(os),
      dataDisks: dataDiskLines(ctx, 'storage_profile_data_disk', 'managed_disk_type', 'disk_size_gb', instances),
    });
  },
};

/** Ultra Disk sizes are billed at the next provisioned size: 4, 8, 16, 32, 64, 128, 256, 512, then steps of 1,024 GiB. */
export function ultraBilledSize(sizeGb: number): number {
  for (const s of [4, 8, 16, 32, 64, 128, 256, 512]) if (sizeGb <= s) return s;
  return Math.ceil(sizeGb / 1024) * 1024;
}

/** `azurerm_managed_disk`: size tier per month (Standard HDD/SSD, Premium SSD), or GiB + IOPS + MBps (Ultra, Premium SSD v2). */
export const azureManagedDisk: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_managed_disk'],
  usage: [DISK_OPERATIONS_USAGE],
  price(ctx) {
    const type = ctx.assume<string>('storage_account_type', 'Standard_LRS', 'storage_account_type is required by the azurerm provider; assumed Standard_LRS');
    const size = ctx.assume<number>('disk_size_gb', 32, 'disk_size_gb is unknown (copied or imported disk): assumed 32 GiB');
    if (type === 'UltraSSD_LRS' || type === 'PremiumV2_LRS') {
      const key = type.toLowerCase();
      const ultra = type === 'UltraSSD_LRS';
      // Premium SSD v2 includes 3,000 IOPS and 125 MBps in its GiB price; Ultra Disk bills all provisioned IOPS and MBps.
      const iops = ctx.assume<number>(
        'disk_iops_read_write',
        ultra ? 100 : 3000,
        ultra ? 'disk_iops_read_write not known: priced at the Ultra Disk minimum of 100 IOPS (Azure docs)' : 'disk_iops_read_write not known: priced at the 3,000 IOPS baseline included with Premium SSD v2 (Azure docs)',
      );
      const mbps = ctx.assume<number>(
        'disk_mbps_read_write',
        ultra ? Math.max(1, Math.ceil((iops * 4) / 1024)) : 125,
        ultra ? 'disk_mbps_read_write not known: priced at the Ultra Disk minimum of 4 KiB/s per IOPS, at least 1 MBps (Azure docs)' : 'disk_mbps_read_write not known: priced at the 125 MBps baseline included with Premium SSD v2 (Azure docs)',
      );
      const billedSize = ultra ? ultraBilledSize(size) : size;
      const billedIops = ultra ? iops : Math.max(0, iops - 3000);
      const billedMbps = ultra ? mbps : Math.max(0, mbps - 125);
      const sku = `managed-disk:${key}:capacity`;
      if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for managed disk ${type} in ${ctx.region}`);
      return [
        { name: `Storage (${type}, ${billedSize} GiB)`, unit: 'GB', monthlyQuantity: billedSize, sku },
        { name: ultra ? 'Provisioned IOPS' : 'Provisioned IOPS (above 3,000 free)', unit: 'IOPS', monthlyQuantity: billedIops, sku: `managed-disk:${key}:iops` },
        { name: ultra ? 'Provisioned throughput' : 'Provisioned throughput (above 125 MBps free)', unit: 'MBps', monthlyQuantity: billedMbps, sku: `managed-disk:${key}:throughput` },
      ];
    }
    return tieredDiskLines(ctx, type, size, 1, 'Disk');
  },
};

function nodePoolLines(ctx: PricerContext, prefix: string, label: string, os: AzureOs): ComponentDraft[] {
  const at = (p: string) => (prefix ? `${prefix}.${p}` : p);
  const size = ctx.assume<string>(at('vm_size'), 'Standard_D2s_v5', 'vm_size is required by the azurerm provider; assumed a common general-purpose size');
  // azurerm 4.x renamed enable_auto_scaling to auto_scaling_enabled.
  const autoscale = ctx.values.boolean(at('auto_scaling_enabled')) ?? ctx.values.boolean(at('enable_auto_scaling')) ?? false;
  let nodes: number;
  if (autoscale) nodes = ctx.assume<number>(at('min_count'), 1, 'autoscaling node pool: priced at min_count');
  else nodes = ctx.assume<number>(at('node_count'), 1, 'node_count defaults to 1 (azurerm provider docs)');
  const priority = ctx.assume<string>(at('priority'), 'Regular', 'priority defaults to Regular (azurerm provider docs)');
  const diskKind = ctx.assume<string>(at('os_disk_type'), 'Managed', 'os_disk_type defaults to Managed (azurerm provider docs)');
  const lines: ComponentDraft[] = [vmLine(ctx, { size, os, count: nodes, spot: isSpot(priority), label })];
  if (diskKind !== 'Ephemeral' && nodes > 0) {
    const diskSize = ctx.assume<number>(at('os_disk_size_gb'), 128, 'os_disk_size_gb: AKS uses a 128 GiB managed OS disk by default (AKS docs)');
    const diskType = supportsPremiumStorage(size) ? 'Premium_LRS' : 'StandardSSD_LRS';
    ctx.note({ attribute: at('os_disk_type'), assumed: diskType, cause: 'not set', reason: 'AKS creates Premium SSD OS disks on VM sizes that support premium storage, Standard SSD otherwise (AKS docs)' });
    lines.push(...tieredDiskLines(ctx, diskType, diskSize, nodes, `${label}: OS disks`));
  }
  return lines;
}

const SLA_TIERS: Readonly<Record<string, string>> = { Standard: 'aks:standard-tier:hours', Paid: 'aks:standard-tier:hours', Premium: 'aks:premium-tier:hours' };

/** `azurerm_kubernetes_cluster`: control plane tier (Free, Standard/Paid uptime SLA, Premium) plus the default node pool. */
export const azureKubernetesCluster: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_kubernetes_cluster'],
  usage: [DISK_OPERATIONS_USAGE],
  price(ctx) {
    const tier = ctx.assume<string>('sku_tier', 'Free', 'sku_tier defaults to Free (azurerm provider docs)');
    const lines: ComponentDraft[] = [];
    const sla = SLA_TIERS[tier];
    if (sla) lines.push({ name: `Control plane (${tier === 'Paid' ? 'Standard' : tier} tier, uptime SLA)`, unit: 'hours', monthlyQuantity: monthlyHours(), sku: sla, onDemandOnly: true });
    else if (tier !== 'Free') throw new UnsupportedResource(`unknown AKS sku_tier ${tier} (expected Free, Standard, Paid or Premium)`);
    lines.push(...nodePoolLines(ctx, 'default_node_pool[0]', 'Default node pool', 'linux'));
    return lines;
  },
};

/** `azurerm_kubernetes_cluster_node_pool`: node VMs (Linux or Windows) × node count plus their OS disks. */
export const azureKubernetesNodePool: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_kubernetes_cluster_node_pool'],
  usage: [DISK_OPERATIONS_USAGE],
  price(ctx) {
    const os = ctx.assume<string>('os_type', 'Linux', 'os_type defaults to Linux (azurerm provider docs)') === 'Windows' ? 'windows' : 'linux';
    return nodePoolLines(ctx, '', 'Node pool', os);
  },
};

export const AZURE_COMPUTE_PRICERS: readonly ResourcePricer[] = [
  azureLinuxVirtualMachine,
  azureWindowsVirtualMachine,
  azureLinuxScaleSet,
  azureWindowsScaleSet,
  azureOrchestratedScaleSet,
  azureLegacyScaleSet,
  azureManagedDisk,
  azureKubernetesCluster,
  azureKubernetesNodePool,
];
