import { azureKubernetesCluster, azureLinuxVirtualMachine, azureManagedDisk, ultraBilledSize } from './compute';
import { diskTier, supportsPremiumStorage } from './common';
import { azurePlan, estimate, lines, monthly, priced, reasonOf } from './__tests__/azure-plan';

const linuxVm = (size: string, disk: Record<string, unknown> = { storage_account_type: 'Premium_LRS', disk_size_gb: 30 }, extra: Record<string, unknown> = {}) => ({
  size,
  priority: 'Regular',
  os_disk: [disk],
  ...extra,
});

describe(azureLinuxVirtualMachine.types[0], () => {
  it('prices the VM size hours and the OS disk tier', () => {
    const e = estimate(azurePlan({ address: 'azurerm_linux_virtual_machine.web', after: linuxVm('Standard_D2s_v5') }));
    // Standard_D2s_v5 eastus Linux $0.096/h × 730 = $70.08; 30 GiB Premium_LRS → P4 $5.28/month
    expect(lines(e, 'azurerm_linux_virtual_machine.web')).toEqual([
      ['Instance usage (Linux, pay as you go, Standard_D2s_v5)', '70.08'],
      ['OS disk: Storage (P4, Premium_LRS)', '5.28'],
    ]);
    expect(monthly(e, 'azurerm_linux_virtual_machine.web')).toBe('75.36');
  });

  it('assumes the image size for an OS disk size unknown at plan time and prices disk operations from usage', () => {
    const e = estimate(
      azurePlan({
        address: 'azurerm_windows_virtual_machine.app',
        after: { size: 'Standard_F2', priority: 'Regular', os_disk: [{ storage_account_type: 'Standard_LRS' }] },
        unknown: { os_disk: [{ disk_size_gb: true }] },
      }),
      'version: 0.1\nresource_usage:\n  azurerm_windows_virtual_machine.app:\n    monthly_disk_operations: 40000\n',
    );
    // Standard_F2 eastus Windows $0.192/h × 730 = $140.16; 127 GiB Standard_LRS → S10 $5.888; 4 × 10K ops × $0.0005 = $0.002
    expect(lines(e, 'azurerm_windows_virtual_machine.app')).toEqual([
      ['Instance usage (Windows, pay as you go, Standard_F2)', '140.16'],
      ['OS disk: Storage (S10, Standard_LRS)', '5.888'],
      ['OS disk: Disk operations', '0.002'],
    ]);
    expect(priced(e, 'azurerm_windows_virtual_machine.app').assumptions).toContainEqual(
      expect.objectContaining({ attribute: 'os_disk[0].disk_size_gb', assumed: '127', cause: 'unknown at plan time' }),
    );
  });

  it('bills a Windows VM with Azure Hybrid Benefit at the Linux rate, and a spot VM at the spot price', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_windows_virtual_machine.ahb', after: linuxVm('Standard_D2s_v5', { storage_account_type: 'Premium_LRS', disk_size_gb: 127 }, { license_type: 'Windows_Server' }) },
        { address: 'azurerm_windows_virtual_machine.payg', after: linuxVm('Standard_D2s_v5', { storage_account_type: 'Premium_LRS', disk_size_gb: 127 }) },
        { address: 'azurerm_linux_virtual_machine.spot', after: linuxVm('Standard_D2s_v5', undefined, { priority: 'Spot' }) },
      ),
    );
    // hybrid benefit: $0.096 × 730 = $70.08; pay as you go Windows D2s v5 $0.188 × 730 = $137.24; P10 $19.71
    expect(lines(e, 'azurerm_windows_virtual_machine.ahb')[0]).toEqual(['Instance usage (Windows, hybrid benefit, Standard_D2s_v5)', '70.08']);
    expect(lines(e, 'azurerm_windows_virtual_machine.payg')).toEqual([
      ['Instance usage (Windows, pay as you go, Standard_D2s_v5)', '137.24'],
      ['OS disk: Storage (P10, Premium_LRS)', '19.71'],
    ]);
    // spot reference price $0.02/h × 730 = $14.60
    const spot = priced(e, 'azurerm_linux_virtual_machine.spot').components[0];
    expect([spot?.term, spot?.monthlyCost.toDecimalString()]).toEqual(['spot', '14.6']);
  });

  it('takes the 1-year reservation price under a 1y commitment but keeps disks on demand', () => {
    const e = estimate(azurePlan({ address: 'azurerm_linux_virtual_machine.web', after: linuxVm('Standard_D2s_v5') }), undefined, { commitment: '1y' });
    // 1-year reservation $519/year = $0.059247/h × 730 = $43.25031; P4 stays $5.28
    expect(priced(e, 'azurerm_linux_virtual_machine.web').components.map((c) => [c.term, c.monthlyCost.toDecimalString()])).toEqual([
      ['1y', '43.25031'],
      ['on-demand', '5.28'],
    ]);
  });

  it('reports an unknown size, or a region without a price, as unsupported with the reason', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_linux_virtual_machine.huge', after: linuxVm('Standard_X9_v9') },
        { address: 'azurerm_linux_virtual_machine.si', after: linuxVm('Standard_D2s_v5'), location: 'southindia' },
      ),
    );
    expect(reasonOf(e, 'azurerm_linux_virtual_machine.huge')).toBe('no list price for VM size Standard_X9_v9 (linux) in eastus');
    expect(reasonOf(e, 'azurerm_linux_virtual_machine.si')).toBe('no list price for VM size Standard_D2s_v5 (linux) in southindia');
    expect(e.totalMonthlyCost.toDecimalString()).toBe('0');
  });

  it('prices a North Europe VM and its Premium SSD OS disk from the North Europe list', () => {
    const e = estimate(azurePlan({ address: 'azurerm_linux_virtual_machine.ne', after: linuxVm('Standard_D2s_v5'), location: 'North Europe' }));
    // northeurope D2s v5 Linux $0.107/h × 730 = $78.11; 30 GiB Premium_LRS → P4 $5.2795/month
    expect(lines(e, 'azurerm_linux_virtual_machine.ne')).toEqual([
      ['Instance usage (Linux, pay as you go, Standard_D2s_v5)', '78.11'],
      ['OS disk: Storage (P4, Premium_LRS)', '5.2795'],
    ]);
    expect(monthly(e, 'azurerm_linux_virtual_machine.ne')).toBe('83.3895');
  });

  it('prices a West Europe VM and its Premium SSD OS disk from the West Europe list', () => {
    const e = estimate(azurePlan({ address: 'azurerm_linux_virtual_machine.eu', after: linuxVm('Standard_D4s_v5', { storage_account_type: 'Premium_LRS', disk_size_gb: 30 }), location: 'West Europe' }));
    // westeurope D4s v5 Linux $0.23/h × 730 = $167.90; 30 GiB Premium_LRS → P4 $5.8072/month
    expect(lines(e, 'azurerm_linux_virtual_machine.eu')).toEqual([
      ['Instance usage (Linux, pay as you go, Standard_D4s_v5)', '167.9'],
      ['OS disk: Storage (P4, Premium_LRS)', '5.8072'],
    ]);
  });

  it('reports a West Europe VM as unsupported while its Standard SSD OS disk tier has no West Europe price', () => {
    const e = estimate(azurePlan({ address: 'azurerm_linux_virtual_machine.eu', after: linuxVm('Standard_D4s_v5', { storage_account_type: 'StandardSSD_LRS', disk_size_gb: 30 }), location: 'West Europe' }));
    // the VM size has a westeurope price; the E4 disk does not, so the whole VM is unsupported, never $0
    expect(reasonOf(e, 'azurerm_linux_virtual_machine.eu')).toBe('no list price for managed disk StandardSSD_LRS E4 in westeurope');
  });
});

describe('azurerm virtual machine scale sets', () => {
  it('multiplies VM hours and disks by the instance count (linux, orchestrated windows, legacy)', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_linux_virtual_machine_scale_set.a', after: { sku: 'Standard_D4s_v5', instances: 3, priority: 'Regular', os_disk: [{ storage_account_type: 'StandardSSD_LRS', disk_size_gb: 64 }] } },
        {
          address: 'azurerm_orchestrated_virtual_machine_scale_set.b',
          after: { sku_name: 'Standard_D2s_v5', instances: 2, priority: 'Regular', os_profile: [{ windows_configuration: [{ computer_name_prefix: 'w' }] }], os_disk: [{ storage_account_type: 'Premium_LRS', disk_size_gb: 127 }] },
        },
        { address: 'azurerm_virtual_machine_scale_set.c', after: { sku: [{ name: 'Standard_F2', capacity: 2 }], priority: 'Regular', storage_profile_os_disk: [{ managed_disk_type: 'Premium_LRS' }] } },
      ),
      'version: 0.1\nresource_usage:\n  azurerm_linux_virtual_machine_scale_set.a:\n    monthly_disk_operations: 20000\n',
    );
    // 3 × $0.192 × 730 = $420.48; 3 × E6 $4.80 = $14.40; 3 disks × 2 × 10K ops × $0.002 = $0.012
    expect(lines(e, 'azurerm_linux_virtual_machine_scale_set.a')).toEqual([
      ['Instance usage (Linux, pay as you go, Standard_D4s_v5)', '420.48'],
      ['OS disks: Storage (E6, StandardSSD_LRS)', '14.4'],
      ['OS disks: Disk operations', '0.012'],
    ]);
    // 2 × Windows D2s v5 $0.188 × 730 = $274.48; 2 × P10 $19.71 = $39.42
    expect(monthly(e, 'azurerm_orchestrated_virtual_machine_scale_set.b')).toBe('313.9');
    // legacy: 2 × F2 Linux $0.099 × 730 = $144.54; 2 × P4 (30 GiB image default) $5.28 = $10.56
    expect(monthly(e, 'azurerm_virtual_machine_scale_set.c')).toBe('155.1');
  });
});

describe(azureManagedDisk.types[0], () => {
  it('prices size tiers, and Ultra Disk by GiB, IOPS and MBps', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_managed_disk.p', after: { storage_account_type: 'Premium_LRS', disk_size_gb: 100 } },
        { address: 'azurerm_managed_disk.s', after: { storage_account_type: 'Standard_LRS', disk_size_gb: 1000 } },
        { address: 'azurerm_managed_disk.u', after: { storage_account_type: 'UltraSSD_LRS', disk_size_gb: 2048, disk_iops_read_write: 4000, disk_mbps_read_write: 20 } },
      ),
    );
    expect(monthly(e, 'azurerm_managed_disk.p')).toBe('19.71'); // P10 $19.71
    expect(lines(e, 'azurerm_managed_disk.s')).toEqual([
      ['Disk: Storage (S30, Standard_LRS)', '40.96'], // S30 $40.96
      ['Disk: Disk operations', '0'],
    ]);
    // Ultra eastus: 2,048 GiB × $0.11972 = $245.18656; 4,000 IOPS × $0.04964 = $198.56; 20 MBps × $0.34967 = $6.9934
    expect(lines(e, 'azurerm_managed_disk.u')).toEqual([
      ['Storage (UltraSSD_LRS, 2048 GiB)', '245.18656'],
      ['Provisioned IOPS', '198.56'],
      ['Provisioned throughput', '6.9934'],
    ]);
  });

  it('gives the diff of a resize and reports Premium SSD v2 without a price as unsupported', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_managed_disk.grow', actions: ['update'], before: { storage_account_type: 'Premium_LRS', disk_size_gb: 100 }, after: { storage_account_type: 'Premium_LRS', disk_size_gb: 500 } },
        { address: 'azurerm_managed_disk.gone', actions: ['delete'], before: { storage_account_type: 'Premium_LRS', disk_size_gb: 1024 }, after: null },
        { address: 'azurerm_managed_disk.v2', after: { storage_account_type: 'PremiumV2_LRS', disk_size_gb: 100 } },
      ),
    );
    const grow = priced(e, 'azurerm_managed_disk.grow');
    // P10 $19.71 → P20 $73.22: +$53.51
    expect([grow.pastMonthlyCost.toDecimalString(), grow.monthlyCost.toDecimalString(), grow.diffMonthlyCost.toDecimalString()]).toEqual(['19.71', '73.22', '53.51']);
    // P30 $135.17 removed
    expect(priced(e, 'azurerm_managed_disk.gone').diffMonthlyCost.toDecimalString()).toBe('-135.17');
    expect(reasonOf(e, 'azurerm_managed_disk.v2')).toBe('no list price for managed disk PremiumV2_LRS in eastus');
  });

  it('maps sizes to tiers and Ultra sizes to billed sizes', () => {
    expect([diskTier('Premium_LRS', 4), diskTier('Premium_LRS', 33), diskTier('Standard_LRS', 10), diskTier('StandardSSD_LRS', 1024)]).toEqual(['P1', 'P6', 'S4', 'E30']);
    expect(() => diskTier('Premium_LRS', 40000)).toThrow('above the largest Premium_LRS tier');
    expect([ultraBilledSize(3), ultraBilledSize(200), ultraBilledSize(1500)]).toEqual([4, 256, 2048]);
    expect([supportsPremiumStorage('Standard_D2s_v5'), supportsPremiumStorage('Standard_DS2_v2'), supportsPremiumStorage('Standard_D2_v3'), supportsPremiumStorage('Standard_B2ms')]).toEqual([true, true, false, true]);
  });
});

describe(azureKubernetesCluster.types[0], () => {
  const pool = (extra: Record<string, unknown> = {}) => ({ name: 'default', vm_size: 'Standard_D2s_v5', node_count: 3, os_disk_size_gb: 128, os_disk_type: 'Managed', ...extra });

  it('prices the Standard tier SLA hour and the default node pool VMs with their OS disks', () => {
    const e = estimate(azurePlan({ address: 'azurerm_kubernetes_cluster.k', after: { sku_tier: 'Standard', default_node_pool: [pool()] } }));
    // SLA $0.10 × 730 = $73; 3 × $0.096 × 730 = $210.24; 3 × P10 $19.71 = $59.13
    expect(lines(e, 'azurerm_kubernetes_cluster.k')).toEqual([
      ['Control plane (Standard tier, uptime SLA)', '73'],
      ['Default node pool: Instance usage (Linux, pay as you go, Standard_D2s_v5)', '210.24'],
      ['Default node pool: OS disks: Storage (P10, Premium_LRS)', '59.13'],
    ]);
  });

  it('has no control plane charge on the Free tier, no disk when ephemeral, and prices autoscaling pools at min_count', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_kubernetes_cluster.free', after: { sku_tier: 'Free', default_node_pool: [pool({ os_disk_type: 'Ephemeral' })] } },
        { address: 'azurerm_kubernetes_cluster.auto', after: { sku_tier: 'Premium', default_node_pool: [pool({ node_count: null, auto_scaling_enabled: true, min_count: 2, os_disk_type: 'Ephemeral' })] } },
      ),
    );
    expect(monthly(e, 'azurerm_kubernetes_cluster.free')).toBe('210.24'); // 3 × $0.096 × 730
    // Premium tier $0.60 × 730 = $438; 2 × $0.096 × 730 = $140.16
    expect(monthly(e, 'azurerm_kubernetes_cluster.auto')).toBe('578.16');
  });

  it('prices North Europe node VMs from the North Europe list, pay as you go and spot', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_kubernetes_cluster.ne', location: 'northeurope', after: { sku_tier: 'Free', default_node_pool: [pool({ os_disk_type: 'Ephemeral' })] } },
        { address: 'azurerm_kubernetes_cluster_node_pool.spot', location: 'northeurope', after: { vm_size: 'Standard_D4s_v5', node_count: 2, os_disk_type: 'Ephemeral', priority: 'Spot' } },
        { address: 'azurerm_kubernetes_cluster_node_pool.win', location: 'northeurope', after: { os_type: 'Windows', vm_size: 'Standard_D2s_v5', node_count: 1, os_disk_type: 'Ephemeral', priority: 'Regular' } },
      ),
    );
    // northeurope D2s v5 Linux $0.107 × 3 × 730 = $234.33
    expect(monthly(e, 'azurerm_kubernetes_cluster.ne')).toBe('234.33');
    // northeurope D4s v5 Linux Spot meter $0.068394 × 2 × 730 = $99.85524
    const spot = priced(e, 'azurerm_kubernetes_cluster_node_pool.spot').components[0];
    expect([spot?.term, spot?.monthlyCost.toDecimalString()]).toEqual(['spot', '99.85524']);
    // northeurope D2s v5 Windows $0.199 × 730 = $145.27
    expect(monthly(e, 'azurerm_kubernetes_cluster_node_pool.win')).toBe('145.27');
  });

  it('prices West Europe spot and B-series node VMs from the West Europe list', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_kubernetes_cluster_node_pool.spot', location: 'westeurope', after: { vm_size: 'Standard_E4s_v5', node_count: 3, os_disk_type: 'Ephemeral', priority: 'Spot' } },
        { address: 'azurerm_kubernetes_cluster_node_pool.burst', location: 'westeurope', after: { vm_size: 'Standard_B2ms', node_count: 2, os_disk_type: 'Ephemeral', priority: 'Regular' } },
      ),
    );
    // westeurope E4s v5 Linux Spot meter $0.056179 × 3 × 730 = $123.03201
    const spot = priced(e, 'azurerm_kubernetes_cluster_node_pool.spot').components[0];
    expect([spot?.term, spot?.monthlyCost.toDecimalString()]).toEqual(['spot', '123.03201']);
    // westeurope B2ms Linux $0.096 × 2 × 730 = $140.16
    expect(monthly(e, 'azurerm_kubernetes_cluster_node_pool.burst')).toBe('140.16');
  });

  it('prices Fsv2, Dv4 and Windows DSv3 node pools in North and West Europe', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_kubernetes_cluster_node_pool.fsv2', location: 'northeurope', after: { vm_size: 'Standard_F8s_v2', node_count: 2, os_disk_type: 'Ephemeral', priority: 'Regular' } },
        { address: 'azurerm_kubernetes_cluster_node_pool.dv4', location: 'westeurope', after: { vm_size: 'Standard_D4_v4', node_count: 3, os_disk_type: 'Ephemeral', priority: 'Spot' } },
        { address: 'azurerm_kubernetes_cluster_node_pool.win', location: 'westeurope', after: { os_type: 'Windows', vm_size: 'Standard_D2s_v3', node_count: 1, os_disk_type: 'Ephemeral', priority: 'Regular' } },
      ),
    );
    // northeurope F8s v2 Linux $0.384 × 2 × 730 = $560.64
    expect(monthly(e, 'azurerm_kubernetes_cluster_node_pool.fsv2')).toBe('560.64');
    // westeurope D4 v4 Linux Spot meter $0.042504 × 3 × 730 = $93.08376
    const spot = priced(e, 'azurerm_kubernetes_cluster_node_pool.dv4').components[0];
    expect([spot?.term, spot?.monthlyCost.toDecimalString()]).toEqual(['spot', '93.08376']);
    // westeurope D2s v3 Windows $0.212 × 730 = $154.76
    expect(monthly(e, 'azurerm_kubernetes_cluster_node_pool.win')).toBe('154.76');
  });

  it('prices a Windows node pool and node VMs under a 1-year reservation', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_kubernetes_cluster_node_pool.win', after: { os_type: 'Windows', vm_size: 'Standard_D4s_v5', node_count: 2, os_disk_type: 'Managed', priority: 'Regular' }, unknown: { os_disk_size_gb: true } },
        { address: 'azurerm_kubernetes_cluster.k', after: { sku_tier: 'Free', default_node_pool: [pool({ os_disk_type: 'Ephemeral' })] } },
      ),
      undefined,
      { commitment: '1y' },
    );
    // Windows D4s v5 $0.376 × 2 × 730 = $548.96 (no Windows reservation price: on demand); 2 × P10 $19.71 = $39.42
    expect(monthly(e, 'azurerm_kubernetes_cluster_node_pool.win')).toBe('588.38');
    expect(priced(e, 'azurerm_kubernetes_cluster_node_pool.win').assumptions).toContainEqual(expect.objectContaining({ attribute: 'os_disk_size_gb', assumed: '128' }));
    // 3 × $0.059247 × 730 = $129.75093 (1-year reservation, $519/year per D2s v5)
    expect(monthly(e, 'azurerm_kubernetes_cluster.k')).toBe('129.75093');
  });
});
