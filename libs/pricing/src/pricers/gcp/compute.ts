import Decimal from 'decimal.js';
import { UnsupportedResource, type ComponentDraft, type PricerContext, type ResourcePricer } from '../../engine/pricer';
import { monthlyHours, usageLine } from '../helpers';
import { diskLine, machineLines, sustainedUseEligible } from './machine-types';

/** Boot disk defaults: the provider takes size from the image (10 GB for Google's public images) and type pd-standard. */
const BOOT_DISK_GB = 10;
/** Every local SSD (scratch) partition is 375 GB (Compute Engine local SSD documentation; provider `scratch_disk.size` default). */
const LOCAL_SSD_GB = 375;

/** True when the VM is a spot or preemptible VM (`scheduling.provisioning_model = SPOT` or the older `scheduling.preemptible`). */
export function isSpot(ctx: PricerContext, base: string): boolean {
  const model = ctx.values.string(`${base}.provisioning_model`);
  if (model !== undefined) return model.toUpperCase() === 'SPOT';
  return ctx.assume(`${base}.preemptible`, false, 'provider default: scheduling.preemptible = false (a standard VM)');
}

/** Notes that Google's automatic sustained-use discount is not applied (on-demand list price, as the catalog holds it). */
export function noteSustainedUse(ctx: PricerContext, machineType: string, attribute: string): void {
  if (!sustainedUseEligible(machineType, ctx.region)) return;
  ctx.note({
    attribute,
    assumed: 'no sustained-use discount',
    cause: 'priced at the on-demand list price',
    reason: `${machineType} earns Google's automatic sustained-use discount (up to 30% for N1, 20% for N2 when run all month); the estimate shows the list price before it`,
  });
}

/** google_compute_instance: vCPU and memory hours of the machine type, boot disk, local SSDs. */
export const gcpComputeInstance: ResourcePricer = {
  cloud: 'gcp',
  types: ['google_compute_instance'],
  price(ctx) {
    const machineType = ctx.assume('machine_type', 'e2-medium', 'machine_type is required by the provider; e2-medium is the Cloud console default');
    const accelerators = ctx.values.blocks('guest_accelerator').filter((b) => (b.number('count') ?? 0) > 0);
    if (accelerators.length > 0) {
      throw new UnsupportedResource(`no list price for GPU ${accelerators[0]?.string('type') ?? '(unknown type)'} in ${ctx.region}: GPUs are not in the catalog`);
    }
    const spot = isSpot(ctx, 'scheduling[0]');
    noteSustainedUse(ctx, machineType, 'machine_type');
    const lines: ComponentDraft[] = machineLines(ctx, { machineType, count: 1, spot });
    // A boot disk created from an existing disk (`boot_disk.source`) is priced with that google_compute_disk.
    if (ctx.values.get('boot_disk[0].source').state !== 'known') {
      const size = ctx.assume('boot_disk[0].initialize_params[0].size', BOOT_DISK_GB, 'provider default: the size of the image (10 GB for Google public images)');
      const type = ctx.assume('boot_disk[0].initialize_params[0].type', 'pd-standard', 'provider default: boot_disk.initialize_params.type = pd-standard');
      lines.push(diskLine(ctx, type, size, 'Boot disk'));
    }
    const scratch = ctx.values.blocks('scratch_disk');
    if (scratch.length > 0) {
      const gb = scratch.reduce((sum, d) => sum.plus(d.number('size') ?? LOCAL_SSD_GB), new Decimal(0));
      if (!ctx.hasPrice('compute:disk:local-ssd')) throw new UnsupportedResource(`no list price for local SSD in ${ctx.region}`);
      lines.push({ name: `Local SSD (${scratch.length} × scratch disk)`, unit: 'GB', monthlyQuantity: gb, sku: 'compute:disk:local-ssd', onDemandOnly: true });
    }
    return lines;
  },
};

/** Default size when `size` is not set and no image or snapshot gives one (Compute Engine disks API defaults). */
const DEFAULT_DISK_GB: Readonly<Record<string, number>> = {
  'pd-standard': 500,
  'pd-balanced': 100,
  'pd-ssd': 100,
  'pd-extreme': 1000,
  'hyperdisk-extreme': 1000,
};
/** Default provisioned IOPS (Compute Engine API defaults for disks created without provisioned_iops). */
const DEFAULT_IOPS: Readonly<Record<string, number>> = { 'pd-extreme': 100000, 'hyperdisk-extreme': 350000 };

/** google_compute_disk: GB-months by type, plus provisioned IOPS for pd-extreme and hyperdisk-extreme. */
export const gcpComputeDisk: ResourcePricer = {
  cloud: 'gcp',
  types: ['google_compute_disk'],
  price(ctx) {
    const type = ctx.assume('type', 'pd-standard', 'provider default: type = pd-standard').split('/').pop() ?? 'pd-standard';
    const fromImage = ctx.values.get('image').state !== 'absent' || ctx.values.get('snapshot').state !== 'absent';
    const fallbackSize = fromImage ? 10 : (DEFAULT_DISK_GB[type] ?? 100);
    const size = ctx.assume('size', fallbackSize, fromImage ? 'provider default: the size of the source image or snapshot (10 GB assumed)' : `Compute Engine default size of a ${type} disk`);
    const lines = [diskLine(ctx, type, size, 'Storage')];
    const defaultIops = DEFAULT_IOPS[type];
    if (defaultIops !== undefined) {
      const iops = ctx.assume('provisioned_iops', defaultIops, `Compute Engine default provisioned IOPS of a ${type} disk`);
      const sku = `compute:disk:${type}:iops`;
      if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for ${type} provisioned IOPS in ${ctx.region}`);
      lines.push({ name: 'Provisioned IOPS', unit: 'IOPS', monthlyQuantity: iops, sku, onDemandOnly: true });
    }
    return lines;
  },
};

/** google_compute_address: external static IPv4 billed per hour, in use (by a standard or spot VM) or reserved unused; internal addresses are free. */
export const gcpComputeAddress: ResourcePricer = {
  cloud: 'gcp',
  types: ['google_compute_address'],
  usage: [
    { key: 'monthly_unused_hours', unit: 'hours', description: 'Hours per month the address is reserved but not attached to a running VM (default 0)' },
    { key: 'attached_to_spot_vm', unit: '0 or 1', description: '1 when the address is used by a spot/preemptible VM (cheaper hourly rate)' },
  ],
  price(ctx) {
    const addressType = ctx.assume('address_type', 'EXTERNAL', 'provider default: address_type = EXTERNAL');
    if (addressType.toUpperCase() === 'INTERNAL') return [];
    const unused = Decimal.min(monthlyHours(), new Decimal(ctx.usage('monthly_unused_hours') ?? 0));
    if (ctx.usage('monthly_unused_hours') === undefined) {
      ctx.note({ attribute: 'usage.monthly_unused_hours', assumed: '0', cause: 'not in the usage file', reason: 'a reserved address is assumed attached to a running VM all month' });
    }
    const spotVm = (ctx.usage('attached_to_spot_vm') ?? 0) >= 1;
    const inUse = monthlyHours().minus(unused);
    return [
      {
        name: `IP address (in use by ${spotVm ? 'spot/preemptible' : 'standard'} VM)`,
        unit: 'hours',
        monthlyQuantity: inUse,
        sku: spotVm ? 'compute:ip:in-use-preemptible' : 'compute:ip:in-use-standard',
        onDemandOnly: true,
      },
      { name: 'IP address (reserved, unused)', unit: 'hours', monthlyQuantity: unused, sku: 'compute:ip:unused', usageBased: true, onDemandOnly: true },
    ];
  },
};

/**
 * google_compute_forwarding_rule: Google charges one hourly price for the first 5 forwarding rules of a project in a
 * region and a price per additional rule. With `forwarding_rules_in_region` = N (default 1, this rule alone), this
 * rule carries 1/N of that region's forwarding-rule charge, so the N rules of a plan add up to Google's bill.
 */
export const gcpForwardingRule: ResourcePricer = {
  cloud: 'gcp',
  types: ['google_compute_forwarding_rule'],
  usage: [
    { key: 'forwarding_rules_in_region', unit: 'rules', description: 'Forwarding rules of the project in this region, this one included (default 1)' },
    { key: 'monthly_ingress_data_gb', unit: 'GB', description: 'Inbound data processed by the load balancer per month' },
  ],
  price(ctx) {
    const given = ctx.usage('forwarding_rules_in_region');
    if (given === undefined) {
      ctx.note({ attribute: 'usage.forwarding_rules_in_region', assumed: '1', cause: 'not in the usage file', reason: 'the rule is assumed to be the only forwarding rule of the project in its region' });
    }
    const n = Decimal.max(1, new Decimal(given ?? 1).floor());
    const lines: ComponentDraft[] = [
      { name: n.eq(1) ? 'Forwarding rules (first 5)' : `Forwarding rules (first 5, 1/${n.toString()} share)`, unit: 'hours', monthlyQuantity: monthlyHours().dividedBy(n), sku: 'compute:forwarding-rule:first-5', onDemandOnly: true },
    ];
    if (n.gt(5)) {
      lines.push({ name: `Forwarding rules (additional ${n.minus(5).toString()}, 1/${n.toString()} share)`, unit: 'hours', monthlyQuantity: monthlyHours(n.minus(5)).dividedBy(n), sku: 'compute:forwarding-rule:additional', onDemandOnly: true });
    }
    lines.push(usageLine(ctx, 'monthly_ingress_data_gb', { name: 'Ingress data processed', unit: 'GB', sku: 'compute:forwarding-rule:data-processed' }));
    return lines;
  },
};

/** google_compute_router_nat: per VM-hour up to 32 assigned VMs, a flat hourly price above, plus data processed. */
export const gcpRouterNat: ResourcePricer = {
  cloud: 'gcp',
  types: ['google_compute_router_nat'],
  usage: [
    { key: 'assigned_vms', unit: 'VMs', description: 'VM instances using the NAT gateway (average over the month)' },
    { key: 'monthly_data_processed_gb', unit: 'GB', description: 'Data processed by the NAT gateway per month' },
  ],
  price(ctx) {
    const vms = ctx.usage('assigned_vms');
    const gateway: ComponentDraft =
      vms !== undefined && vms > 32
        ? { name: 'NAT gateway (more than 32 assigned VMs)', unit: 'hours', monthlyQuantity: monthlyHours(), sku: 'compute:nat:gateway-over-32', usageBased: true, onDemandOnly: true }
        : { name: 'NAT gateway (assigned VMs, up to 32)', unit: 'VM-hours', monthlyQuantity: monthlyHours(vms ?? 0), sku: 'compute:nat:vm-hours', usageBased: true, onDemandOnly: true };
    return [gateway, usageLine(ctx, 'monthly_data_processed_gb', { name: 'Data processed', unit: 'GB', sku: 'compute:nat:data-processed', onDemandOnly: true })];
  },
};
