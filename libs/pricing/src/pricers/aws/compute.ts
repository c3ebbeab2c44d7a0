import Decimal from 'decimal.js';
import { UnsupportedResource, type ComponentDraft, type PricerContext, type ResourcePricer } from '../../engine/pricer';
import { monthlyHours } from '../helpers';
import { compatible, ebsVolumeDrafts, hasBlock, hasString, hourly, provisioned, referencedOne, required, volumeFromBlock, type Referenced, type VolumeSpec } from './common';

export type Ec2Os = 'linux' | 'windows';

/** Catalog sku of an EC2 instance type's hourly price. */
export const ec2InstanceSku = (instanceType: string, os: Ec2Os): string => `ec2:instance:${instanceType}:${os}`;

/** Metrics EC2 detailed monitoring publishes per instance at 1-minute resolution (billed as CloudWatch metrics). */
export const DETAILED_MONITORING_METRICS = 7;

const OS_LABEL: Readonly<Record<Ec2Os, string>> = { linux: 'Linux/UNIX', windows: 'Windows' };

/**
 * The instance-hours line of `count` instances of `instanceType`; unsupported with `no list price for instance type …`
 * when the catalog does not have it in the region.
 */
export function instanceHoursDraft(ctx: PricerContext, instanceType: string, os: Ec2Os, count: Decimal.Value, purchase: 'on-demand' | 'spot', spotAttribute = 'instance_market_options'): ComponentDraft {
  const sku = ec2InstanceSku(instanceType, os);
  if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for instance type ${instanceType} (${OS_LABEL[os]}) in ${ctx.region}`);
  const draft: ComponentDraft = { name: `Instance usage (${OS_LABEL[os]}, ${purchase}, ${instanceType})`, unit: 'hours', monthlyQuantity: monthlyHours(count), sku };
  if (purchase === 'spot') {
    ctx.note({
      attribute: spotAttribute,
      assumed: 'spot',
      cause: 'spot market',
      reason: 'spot prices change with supply and demand; the line uses the catalog spot reference price where it has one, else the on-demand price as the upper bound (the line shows which term it used)',
    });
    return { ...draft, term: 'spot' };
  }
  return draft;
}

/** Operating system of an aws_instance: the plan does not carry the AMI's platform, so Linux unless password data is requested (Windows only). */
function instanceOs(ctx: PricerContext): Ec2Os {
  const windows = ctx.values.boolean('get_password_data') === true;
  ctx.note({
    attribute: 'ami',
    assumed: windows ? 'Windows' : 'Linux/UNIX',
    cause: 'not in the plan',
    reason: windows
      ? 'get_password_data = true is only possible for Windows AMIs'
      : "the AMI's platform is not part of the plan; Linux/UNIX assumed (set get_password_data for Windows instances)",
  });
  return windows ? 'windows' : 'linux';
}

function tenancyCheck(ctx: PricerContext, path = 'tenancy'): void {
  const tenancy: string = ctx.assume<string>(path, 'default', 'the provider default tenancy is "default" (shared hardware)');
  if (tenancy !== 'default') throw new UnsupportedResource(`${tenancy} tenancy is not priced yet (only shared tenancy is in the catalog)`);
}

export interface RootVolumeDefaults {
  readonly sizeGb: number;
  readonly type: string;
  readonly sizeReason: string;
  readonly typeReason: string;
}

const ROOT_DEFAULTS: RootVolumeDefaults = {
  sizeGb: 8,
  type: 'gp2',
  sizeReason: "root volume size defaults to the AMI's snapshot size; 8 GB is the size of the Amazon Linux and most public AMIs",
  typeReason: "root volume type defaults to the AMI's block device mapping; gp2 is that of most public AMIs",
};

/** aws_instance: instance hours by OS and purchase option, root and EBS block devices, detailed monitoring. https://aws.amazon.com/ec2/pricing/on-demand/ */
export const awsInstance: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_instance'],
  usage: [{ key: 'monthly_standard_io_requests', unit: 'requests', description: 'I/O requests per month of each magnetic (standard) volume attached to the instance' }],
  price(ctx) {
    const instanceType = required(ctx, 'instance_type', 'instance');
    tenancyCheck(ctx);
    const os = instanceOs(ctx);
    const market = ctx.values.string('instance_market_options.0.market_type');
    const drafts: ComponentDraft[] = [instanceHoursDraft(ctx, instanceType, os, 1, market === 'spot' ? 'spot' : 'on-demand')];
    if (ctx.assume<boolean>('monitoring', false, 'detailed monitoring is off unless monitoring = true (provider docs)')) {
      drafts.push(detailedMonitoringDraft(1));
    }
    drafts.push(...ebsVolumeDrafts(ctx, volumeFromBlock(ctx, 'root_block_device.0', 'root_block_device', ROOT_DEFAULTS)));
    ctx.values.blocks('ebs_block_device').forEach((block, i) => {
      const path = `ebs_block_device.${i}`;
      // Volumes attached with aws_volume_attachment show up in the instance's state as ebs_block_device entries with an
      // existing volume_id and delete_on_termination = false; they are priced on their aws_ebs_volume resource.
      if (block.string('volume_id') && block.boolean('delete_on_termination') === false) {
        ctx.note({ attribute: path, assumed: 'priced on its aws_ebs_volume', cause: 'attached volume', reason: 'an existing volume kept on termination is an attached aws_ebs_volume; not counted twice' });
        return;
      }
      drafts.push(
        ...ebsVolumeDrafts(
          ctx,
          volumeFromBlock(ctx, path, `ebs_block_device[${i}]`, {
            sizeGb: 8,
            type: 'gp2',
            sizeReason: 'volume_size not set: the snapshot size; 8 GB assumed',
            typeReason: 'volume_type not set: the AWS API default for new volumes is gp2',
          }),
        ),
      );
    });
    return drafts;
  },
};

/** aws_ebs_volume: GB-month by type, provisioned IOPS and throughput. https://aws.amazon.com/ebs/pricing/ */
export const awsEbsVolume: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_ebs_volume'],
  usage: [{ key: 'monthly_standard_io_requests', unit: 'requests', description: 'I/O requests per month (magnetic/standard volumes only)' }],
  price(ctx) {
    const type = ctx.assume<string>('type', 'gp2', 'the provider default volume type is gp2 (aws_ebs_volume docs)');
    const sizeGb = ctx.assume<number>('size', 8, 'size not set: the size of the snapshot it is created from; 8 GB assumed');
    return ebsVolumeDrafts(ctx, { label: '', type, sizeGb, ...provisioned(ctx, '', type) });
  },
};

/** aws_eip: the public IPv4 address charge (in use or idle). https://aws.amazon.com/vpc/pricing/ */
export const awsEip: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_eip'],
  price(ctx) {
    // An EIP from a customer-owned (BYOIP) pool is not charged the public IPv4 fee.
    if (ctx.values.string('public_ipv4_pool') && ctx.values.string('public_ipv4_pool') !== 'amazon') return [];
    return [hourly('Public IPv4 address', 'vpc:public-ipv4:hours')];
  },
};

/** Device names of the root volume of Amazon Linux (`/dev/xvda`) and of Ubuntu, Windows and most other AMIs (`/dev/sda1`). */
const ROOT_DEVICE_NAMES: ReadonlySet<string> = new Set(['/dev/xvda', '/dev/sda1']);

/** What each instance launched from an `aws_launch_template` or `aws_launch_configuration` of the plan is billed for. */
export interface LaunchSpec {
  /** The template or configuration, read through a context whose assumptions name it. */
  readonly ref: Referenced;
  /** Its `instance_type` when known; `instanceTypeState` tells unknown at plan time from not set. */
  readonly instanceType: string | undefined;
  readonly instanceTypeState: 'known' | 'unknown' | 'absent';
  readonly spot: boolean;
  readonly detailedMonitoring: boolean;
  /** The EBS volumes of one instance. */
  readonly volumes: readonly VolumeSpec[];
}

function instanceTypeOf(ref: Referenced): Pick<LaunchSpec, 'instanceType' | 'instanceTypeState'> {
  const got = ref.ctx.values.get('instance_type');
  const instanceType = ref.ctx.values.string('instance_type');
  return { instanceType: instanceType || undefined, instanceTypeState: got.state === 'known' && !instanceType ? 'absent' : got.state };
}

/** Unsupported for dedicated or host tenancy (only shared tenancy is in the catalog); `path` is that of the tenancy attribute. */
function sharedTenancyOnly(ref: Referenced, path: string): void {
  const tenancy = ref.ctx.values.string(path);
  if (tenancy && tenancy !== 'default') throw new UnsupportedResource(`${ref.resource.address}: ${tenancy} tenancy is not priced yet (only shared tenancy is in the catalog)`);
}

/** The plan does not carry the AMI's platform: Linux/UNIX is assumed for instances launched from a template or configuration. */
function linuxAmi(ref: Referenced): void {
  ref.ctx.note({ attribute: 'image_id', assumed: 'Linux/UNIX', cause: 'not in the plan', reason: "the AMI's platform is not part of the plan; Linux/UNIX assumed" });
}

/**
 * An `aws_launch_template`: instance type, spot market options, detailed monitoring and the EBS volumes of
 * `block_device_mappings`. When no mapping is the root device (`/dev/xvda`, `/dev/sda1`) the AMI's root volume is added
 * with `root` defaults.
 */
export function launchTemplateSpec(ref: Referenced, root: RootVolumeDefaults): LaunchSpec {
  const { ctx } = ref;
  sharedTenancyOnly(ref, 'placement.0.tenancy');
  const volumes: VolumeSpec[] = [];
  let hasRoot = false;
  ctx.values.blocks('block_device_mappings').forEach((mapping, i) => {
    if (mapping.blocks('ebs').length === 0) return; // instance store (virtual_name) or no_device
    const device = mapping.string('device_name');
    if (device && ROOT_DEVICE_NAMES.has(device)) hasRoot = true;
    volumes.push(
      volumeFromBlock(ctx, `block_device_mappings.${i}.ebs.0`, `block_device_mappings[${i}]${device ? ` (${device})` : ''}`, {
        sizeGb: 8,
        type: 'gp2',
        sizeReason: 'volume_size not set: the size of the AMI or snapshot volume; 8 GB assumed',
        typeReason: 'volume_type not set: the AMI mapping or the AWS API default for new volumes, gp2',
      }),
    );
  });
  if (!hasRoot) {
    ctx.note({ attribute: 'block_device_mappings', assumed: `${root.sizeGb} GB ${root.type} root volume`, cause: 'root volume from the AMI', reason: `no mapping of /dev/xvda or /dev/sda1: ${root.sizeReason}` });
    volumes.unshift({ label: 'root volume (AMI)', type: root.type, sizeGb: root.sizeGb });
  }
  return {
    ref,
    ...instanceTypeOf(ref),
    spot: ctx.values.string('instance_market_options.0.market_type') === 'spot',
    detailedMonitoring: ctx.values.boolean('monitoring.0.enabled') === true,
    volumes,
  };
}

/** An `aws_launch_configuration`: instance type, spot price, detailed monitoring (on by default), root and EBS block devices. */
export function launchConfigurationSpec(ref: Referenced): LaunchSpec {
  const { ctx } = ref;
  sharedTenancyOnly(ref, 'placement_tenancy');
  const volumes: VolumeSpec[] = [volumeFromBlock(ctx, 'root_block_device.0', 'root_block_device', ROOT_DEFAULTS)];
  ctx.values.blocks('ebs_block_device').forEach((block, i) => {
    if (block.boolean('no_device') === true) return;
    volumes.push(
      volumeFromBlock(ctx, `ebs_block_device.${i}`, `ebs_block_device[${i}]`, {
        sizeGb: 8,
        type: 'gp2',
        sizeReason: 'volume_size not set: the snapshot size; 8 GB assumed',
        typeReason: 'volume_type not set: the AWS API default for new volumes is gp2',
      }),
    );
  });
  return {
    ref,
    ...instanceTypeOf(ref),
    spot: (ctx.values.string('spot_price') ?? '') !== '',
    detailedMonitoring: ctx.assume<boolean>('enable_monitoring', true, 'enable_monitoring defaults to true: detailed monitoring (provider docs, CreateLaunchConfiguration InstanceMonitoring)'),
    volumes,
  };
}

/**
 * The `aws_launch_template` a block refers to (`launch_template { id | name }` of a group or node group, or a mixed
 * instances policy's `launch_template_specification { launch_template_id | launch_template_name }`), when it is in the plan.
 */
export function referencedLaunchTemplate(ctx: PricerContext, block: string, idAttr = 'id', nameAttr = 'name'): Referenced | undefined {
  const id = ctx.values.string(`${block}.${idAttr}`);
  const name = ctx.values.string(`${block}.${nameAttr}`);
  return referencedOne(ctx, 'aws_launch_template', (v) => compatible(id, v.string('id')) && compatible(name, v.string('name')));
}

/** How a launch source is named in reasons: `launch template web`, or the block when its id and name are unknown. */
function describeSource(ctx: PricerContext, kind: string, ...paths: string[]): string {
  const known = paths.map((p) => ctx.values.string(p)).find((v) => v !== undefined && v !== '');
  return known ? `${kind} ${known}` : `its ${kind}`;
}

/** The launch template or launch configuration of an auto scaling group, as configured and (when in the plan) read. */
function groupLaunchSource(ctx: PricerContext): { description: string; spec: LaunchSpec | undefined } | undefined {
  if (hasString(ctx.values, 'launch_configuration')) {
    const name = ctx.values.string('launch_configuration');
    const ref = referencedOne(ctx, 'aws_launch_configuration', (v) => compatible(name, v.string('name')));
    return { description: describeSource(ctx, 'launch configuration', 'launch_configuration'), spec: ref && launchConfigurationSpec(ref) };
  }
  if (hasBlock(ctx.values, 'launch_template')) {
    const ref = referencedLaunchTemplate(ctx, 'launch_template.0');
    return { description: describeSource(ctx, 'launch template', 'launch_template.0.name', 'launch_template.0.id'), spec: ref && launchTemplateSpec(ref, ROOT_DEFAULTS) };
  }
  const specification = 'mixed_instances_policy.0.launch_template.0.launch_template_specification.0';
  if (hasBlock(ctx.values, specification)) {
    const ref = referencedLaunchTemplate(ctx, specification, 'launch_template_id', 'launch_template_name');
    return {
      description: describeSource(ctx, 'launch template', `${specification}.launch_template_name`, `${specification}.launch_template_id`),
      spec: ref && launchTemplateSpec(ref, ROOT_DEFAULTS),
    };
  }
  return undefined;
}

/** Detailed monitoring metrics of `count` instances. */
export function detailedMonitoringDraft(count: Decimal.Value): ComponentDraft {
  return { name: 'EC2 detailed monitoring', unit: 'metrics', monthlyQuantity: new Decimal(count).times(DETAILED_MONITORING_METRICS), sku: 'cloudwatch:metrics', onDemandOnly: true };
}

/**
 * aws_autoscaling_group: desired capacity (else min_size) × the instance type and volumes of the launch template or
 * launch configuration it refers to (read from the plan), or of a mixed instances policy override with its on-demand
 * and spot shares. A group whose template is not in the plan is priced from an override, else unsupported with why.
 */
export const awsAutoscalingGroup: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_autoscaling_group'],
  usage: [{ key: 'monthly_standard_io_requests', unit: 'requests', description: 'I/O requests per month of each magnetic (standard) volume of one instance' }],
  price(ctx) {
    const min = ctx.values.number('min_size') ?? 0;
    const desired = ctx.assume<number>('desired_capacity', min, 'desired_capacity not set: the group starts at min_size (provider docs)');
    const mixed = hasBlock(ctx.values, 'mixed_instances_policy');
    const override = ctx.values.string('mixed_instances_policy.0.launch_template.0.override.0.instance_type');
    const source = groupLaunchSource(ctx);
    const spec = source?.spec;
    let instanceType = override;
    if (!instanceType) {
      if (!source) throw new UnsupportedResource('the group sets no launch template, launch configuration or mixed instances policy override, so its instance type is unknown');
      if (!spec) {
        throw new UnsupportedResource(
          `the instance type of this group comes from ${source.description}, which is not a resource of this plan; set mixed_instances_policy overrides or price the instances directly`,
        );
      }
      if (spec.instanceTypeState === 'unknown') throw new UnsupportedResource(`${spec.ref.resource.address}.instance_type is unknown at plan time, so the group's instances cannot be priced`);
      if (!spec.instanceType) throw new UnsupportedResource(`${spec.ref.resource.address} sets no instance_type and the group has no mixed_instances_policy override, so its instances cannot be priced`);
      instanceType = spec.instanceType;
    }
    if (spec) linuxAmi(spec.ref);
    const drafts: ComponentDraft[] = [];
    if (mixed) {
      const onDemandBase = ctx.values.number('mixed_instances_policy.0.instances_distribution.0.on_demand_base_capacity') ?? 0;
      const onDemandPct = ctx.values.number('mixed_instances_policy.0.instances_distribution.0.on_demand_percentage_above_base_capacity') ?? 100;
      const above = Math.max(0, desired - onDemandBase);
      const onDemand = new Decimal(Math.min(desired, onDemandBase)).plus(new Decimal(above).times(onDemandPct).dividedBy(100));
      const spot = new Decimal(desired).minus(onDemand);
      if (onDemand.gt(0)) drafts.push(instanceHoursDraft(ctx, instanceType, 'linux', onDemand, 'on-demand'));
      if (spot.gt(0)) drafts.push(instanceHoursDraft(ctx, instanceType, 'linux', spot, 'spot', 'mixed_instances_policy'));
    } else if (spec?.spot) {
      drafts.push(instanceHoursDraft(spec.ref.ctx, instanceType, 'linux', desired, 'spot', spec.ref.resource.type === 'aws_launch_template' ? 'instance_market_options' : 'spot_price'));
    } else {
      drafts.push(instanceHoursDraft(ctx, instanceType, 'linux', desired, 'on-demand'));
    }
    if (!spec) {
      ctx.note({
        attribute: 'launch_template',
        assumed: 'no volumes',
        cause: 'not in the plan',
        reason: `the volumes of ${source?.description ?? 'its launch template'} are not in the plan; only the instances are priced`,
      });
      return drafts;
    }
    if (spec.detailedMonitoring) drafts.push(detailedMonitoringDraft(desired));
    for (const volume of spec.volumes) drafts.push(...ebsVolumeDrafts(ctx, volume, desired));
    return drafts;
  },
};
