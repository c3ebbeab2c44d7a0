import { estimateOf, monthly, priced } from './test-plan';
import { gcpComputeAddress, gcpComputeDisk, gcpComputeInstance, gcpForwardingRule, gcpRouterNat } from './compute';

const vm = (after: Record<string, unknown>) => ({ type: 'google_compute_instance', name: 'vm', after: { zone: 'us-central1-a', ...after } });

describe(gcpComputeInstance.types[0], () => {
  it('prices a predefined N2 type from the N2 vCPU and RAM SKUs plus the boot disk', () => {
    const e = estimateOf([vm({ machine_type: 'n2-standard-4', boot_disk: [{ initialize_params: [{ size: 20, type: 'pd-balanced' }] }] })]);
    // n2-standard-4 us-central1: 4 vCPU × $0.031611 + 16 GB × $0.004237 = $0.194236/h × 730 = $141.79228
    // boot disk pd-balanced 20 GB × $0.10 = $2.00
    expect(monthly(e, 'google_compute_instance.vm')).toBe('143.79');
    expect(priced(e, 'google_compute_instance.vm').components.map((c) => c.sku)).toEqual(['compute:n2:vcpu', 'compute:n2:ram', 'compute:disk:pd-balanced']);
  });

  it('prices E2 shared-core e2-medium as 1 E2 vCPU and 4 GB in europe-west1', () => {
    const e = estimateOf([vm({ zone: 'europe-west1-b', machine_type: 'e2-medium', boot_disk: [{ initialize_params: [{ size: 10, type: 'pd-standard' }] }] })]);
    // europe-west1 E2: $0.02399337 + 4 × $0.00321609 = $0.03685773/h × 730 = $26.9061429; pd-standard 10 GB × $0.04 = $0.40
    expect(monthly(e, 'google_compute_instance.vm')).toBe('27.31');
  });

  it('assumes the machine type and boot disk when unknown at plan time and lists the assumptions', () => {
    const e = estimateOf([{ ...vm({ machine_type: null }), afterUnknown: { machine_type: true } }]);
    const r = priced(e, 'google_compute_instance.vm');
    // e2-medium us-central1: ($0.02181159 + 4 × $0.00292353) × 730 = $24.4591707; 10 GB pd-standard × $0.04 = $0.40
    expect(r.monthlyCost.toFixed(2)).toBe('24.86');
    expect(r.assumptions.map((a) => `${a.attribute}=${a.assumed} (${a.cause})`)).toEqual(
      expect.arrayContaining(['machine_type=e2-medium (unknown at plan time)', 'boot_disk[0].initialize_params[0].size=10 (not set)', 'boot_disk[0].initialize_params[0].type=pd-standard (not set)']),
    );
  });

  it('prices a spot VM at the spot price whatever the commitment, and notes that N1 sustained-use discounts are not applied', () => {
    const e = estimateOf([vm({ machine_type: 'n1-standard-1', scheduling: [{ provisioning_model: 'SPOT' }], boot_disk: [{ initialize_params: [{ size: 10 }] }] })], { commitment: '1y' });
    const r = priced(e, 'google_compute_instance.vm');
    // n1-standard-1 spot us-central1: $0.00878 + 3.75 × $0.001126 = $0.0130025/h × 730 = $9.491825; disk 10 × $0.04 = $0.40
    expect(r.monthlyCost.toFixed(2)).toBe('9.89');
    expect(r.components[0]?.term).toBe('spot');
    expect(r.assumptions.some((a) => a.assumed === 'no sustained-use discount')).toBe(true);
  });

  it('uses the 1-year and 3-year resource-based CUD prices for vCPU and RAM but not for disks', () => {
    const plan = [vm({ machine_type: 'n2-highmem-2', boot_disk: [{ initialize_params: [{ size: 10 }] }] })];
    // n2-highmem-2 us-central1: 1y (2 × $0.019915 + 16 × $0.002669) × 730 = $60.24982; 3y (2 × $0.014225 + 16 × $0.001907) × 730 = $43.04226; disk $0.40 on-demand
    expect(monthly(estimateOf(plan, { commitment: '1y' }), 'google_compute_instance.vm')).toBe('60.65');
    expect(monthly(estimateOf(plan, { commitment: '3y' }), 'google_compute_instance.vm')).toBe('43.44');
  });

  it('prices an E2 custom type and local SSD scratch disks', () => {
    const e = estimateOf([vm({ machine_type: 'e2-custom-4-8192', boot_disk: [{ initialize_params: [{ size: 10 }] }], scratch_disk: [{ interface: 'NVME' }, { interface: 'NVME' }] })]);
    // E2 custom us-central1: (4 × $0.02181159 + 8 × $0.00292353) × 730 = $80.76108; boot $0.40; local SSD 750 GB × $0.08 = $60.00
    expect(monthly(e, 'google_compute_instance.vm')).toBe('141.16');
  });

  it('prices local SSD scratch disks outside us-central1', () => {
    const e = estimateOf([vm({ zone: 'europe-west1-b', machine_type: 'e2-medium', boot_disk: [{ initialize_params: [{ size: 10 }] }], scratch_disk: [{ interface: 'NVME' }] })]);
    // europe-west1 E2: ($0.02399337 + 4 × $0.00321609) × 730 = $26.9061429; boot pd-standard 10 GB × $0.04 = $0.40; local SSD 375 GB × $0.08 = $30.00
    expect(monthly(e, 'google_compute_instance.vm')).toBe('57.31');
  });

  it('reports an unknown family, a GPU and a region without prices as unsupported with the reason', () => {
    const e = estimateOf([
      { ...vm({ machine_type: 'x9-standard-4' }), name: 'unknown' },
      { ...vm({ machine_type: 'n1-standard-4', guest_accelerator: [{ type: 'nvidia-tesla-t4', count: 1 }] }), name: 'gpu' },
      { ...vm({ zone: 'asia-east1-a', machine_type: 'n2-standard-4' }), name: 'asia' },
    ]);
    expect(e.unsupported.map((u) => u.reason)).toEqual([
      'no list price for machine type x9-standard-4 in us-central1: the X9 family is not in the catalog',
      'no list price for GPU nvidia-tesla-t4 in us-central1: GPUs are not in the catalog',
      'no list price for machine type n2-standard-4 in asia-east1',
    ]);
  });

  it('gives the monthly difference of a resize (update) and the past cost of a delete', () => {
    const before = { zone: 'us-central1-a', machine_type: 'n2-standard-2', boot_disk: [{ initialize_params: [{ size: 10 }] }] };
    const e = estimateOf([
      { type: 'google_compute_instance', name: 'resized', actions: ['update'], before, after: { ...before, machine_type: 'n2-standard-4' } },
      { type: 'google_compute_instance', name: 'gone', actions: ['delete'], before },
    ]);
    const resized = priced(e, 'google_compute_instance.resized');
    // n2-standard-2: (2 × $0.031611 + 8 × $0.004237) × 730 = $70.89614; n2-standard-4 = $141.79228; diff $70.89614
    expect(resized.diffMonthlyCost.toFixed(2)).toBe('70.90');
    const gone = priced(e, 'google_compute_instance.gone');
    // n2-standard-2 $70.89614 + boot disk $0.40
    expect(gone.pastMonthlyCost.toFixed(2)).toBe('71.30');
    expect(gone.diffMonthlyCost.toFixed(2)).toBe('-71.30');
  });
});

describe(gcpComputeDisk.types[0], () => {
  const disk = (after: Record<string, unknown>) => ({ type: 'google_compute_disk', name: 'd', after: { zone: 'us-central1-a', ...after } });

  it('prices pd-ssd by GB and defaults a pd-standard disk without image to 500 GB', () => {
    // pd-ssd 100 GB × $0.17 = $17.00
    expect(monthly(estimateOf([disk({ type: 'pd-ssd', size: 100 })]), 'google_compute_disk.d')).toBe('17.00');
    const e = estimateOf([disk({})]);
    // pd-standard 500 GB × $0.04 = $20.00
    expect(monthly(e, 'google_compute_disk.d')).toBe('20.00');
    expect(priced(e, 'google_compute_disk.d').assumptions.map((a) => a.attribute)).toEqual(['type', 'size']);
  });

  it('prices pd-extreme storage plus provisioned IOPS', () => {
    // pd-extreme 40 GB × $0.125 = $5.00; 5,000 IOPS × $0.065 = $325.00
    expect(monthly(estimateOf([disk({ type: 'pd-extreme', size: 40, provisioned_iops: 5000 })]), 'google_compute_disk.d')).toBe('330.00');
  });

  it('reports a disk type without a price in the region as unsupported', () => {
    const e = estimateOf([disk({ zone: 'asia-east1-b', type: 'pd-extreme', size: 40 })]);
    expect(e.unsupported[0]?.reason).toBe('no list price for disk type pd-extreme in asia-east1');
  });

  it('reports pd-extreme as unsupported where only its capacity price is known, not its provisioned IOPS', () => {
    const e = estimateOf([disk({ zone: 'europe-west1-b', type: 'pd-extreme', size: 40 })]);
    expect(e.unsupported[0]?.reason).toBe('no list price for pd-extreme provisioned IOPS in europe-west1');
  });
});

describe(gcpComputeAddress.types[0], () => {
  const address = (after: Record<string, unknown>) => ({ type: 'google_compute_address', name: 'ip', after: { region: 'us-central1', ...after } });

  it('prices an external address in use by a standard VM, and unused hours from usage', () => {
    // in use by a standard VM: 730 h × $0.005 = $3.65
    expect(monthly(estimateOf([address({})]), 'google_compute_address.ip')).toBe('3.65');
    const e = estimateOf([address({ address_type: 'EXTERNAL' })], { usage: { 'google_compute_address.ip': { monthly_unused_hours: 730 } } });
    // unused all month: 730 h × $0.01 = $7.30
    expect(monthly(e, 'google_compute_address.ip')).toBe('7.30');
  });

  it('prices an internal address at nothing', () => {
    expect(monthly(estimateOf([address({ address_type: 'INTERNAL' })]), 'google_compute_address.ip')).toBe('0.00');
  });
});

describe(gcpForwardingRule.types[0], () => {
  const rule = { type: 'google_compute_forwarding_rule', name: 'fr', after: { region: 'us-central1' } };

  it('charges the first-5 price to a lone rule and adds ingress data from usage', () => {
    // first 5 rules $0.025/h × 730 = $18.25; 100 GB × $0.008 = $0.80
    expect(monthly(estimateOf([rule], { usage: { 'google_compute_forwarding_rule.fr': { monthly_ingress_data_gb: 100 } } }), 'google_compute_forwarding_rule.fr')).toBe('19.05');
  });

  it('splits the region charge over the rules when there are more than 5', () => {
    const e = estimateOf([rule], { usage: { 'google_compute_forwarding_rule.fr': { forwarding_rules_in_region: 10 } } });
    // region total: $0.025 × 730 + 5 × $0.01 × 730 = $18.25 + $36.50 = $54.75; one rule of 10 carries $5.475
    expect(monthly(e, 'google_compute_forwarding_rule.fr')).toBe('5.48');
  });
});

describe(gcpRouterNat.types[0], () => {
  const nat = { type: 'google_compute_router_nat', name: 'nat', after: { region: 'europe-west1' } };

  it('prices assigned VM-hours and data processed from usage, and lists zero-quantity lines without usage', () => {
    const e = estimateOf([nat], { usage: { 'google_compute_router_nat.nat': { assigned_vms: 4, monthly_data_processed_gb: 1000 } } });
    // 4 VMs × 730 h × $0.0014 = $4.088; 1,000 GB × $0.045 = $45.00
    expect(monthly(e, 'google_compute_router_nat.nat')).toBe('49.09');
    const none = priced(estimateOf([nat]), 'google_compute_router_nat.nat');
    expect(none.components.map((c) => c.monthlyQuantity.toString())).toEqual(['0', '0']);
  });

  it('switches to the flat hourly price above 32 VMs', () => {
    const e = estimateOf([nat], { usage: { 'google_compute_router_nat.nat': { assigned_vms: 40 } } });
    // more than 32 VMs: $0.044 × 730 = $32.12
    expect(monthly(e, 'google_compute_router_nat.nat')).toBe('32.12');
  });
});
