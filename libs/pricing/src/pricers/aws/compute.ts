import Decimal from 'decimal.js';
import { UnsupportedResource, type ComponentDraft, type PricerContext, type ResourcePricer } from '../../engine/pricer';
import { monthlyHours } from '../helpers';
import { ebsVolumeDrafts, hourly, provisioned, required, volumeFromBlock } from './common';

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

const ROOT_DEFAULTS = {
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
      drafts.push({ name: 'EC2 detailed monitoring', unit: 'metrics', monthlyQuantity: DETAILED_MONITORING_METRICS, sku: 'cloudwatch:metrics', onDemandOnly: true });
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

/**
 * aws_autoscaling_group: desired capacity × the instance type. The pricer only sees this resource's own values, so the
 * instance type comes from a mixed instances policy override; a group that takes it from a launch template or launch
 * configuration resource is unsupported with that reason.
 */
export const awsAutoscalingGroup: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_autoscaling_group'],
  price(ctx) {
    const min = ctx.values.number('min_size') ?? 0;
    const desired = ctx.assume<number>('desired_capacity', min, 'desired_capacity not set: the group starts at min_size (provider docs)');
    const override = ctx.values.string('mixed_instances_policy.0.launch_template.0.override.0.instance_type');
    if (!override) {
      const source = ctx.values.string('launch_configuration') ?? ctx.values.string('launch_template.0.name') ?? ctx.values.string('launch_template.0.id') ?? 'its launch template';
      throw new UnsupportedResource(
        `the instance type of this group comes from ${source}, which the pricer cannot read from this resource; set mixed_instances_policy overrides or price the instances directly`,
      );
    }
    const onDemandBase = ctx.values.number('mixed_instances_policy.0.instances_distribution.0.on_demand_base_capacity') ?? 0;
    const onDemandPct = ctx.values.number('mixed_instances_policy.0.instances_distribution.0.on_demand_percentage_above_base_capacity') ?? 100;
    const above = Math.max(0, desired - onDemandBase);
    const onDemand = new Decimal(Math.min(desired, onDemandBase)).plus(new Decimal(above).times(onDemandPct).dividedBy(100));
    const spot = new Decimal(desired).minus(onDemand);
    const drafts: ComponentDraft[] = [];
    if (onDemand.gt(0)) drafts.push(instanceHoursDraft(ctx, override, 'linux', onDemand, 'on-demand'));
    if (spot.gt(0)) drafts.push(instanceHoursDraft(ctx, override, 'linux', spot, 'spot', 'mixed_instances_policy'));
    return drafts;
  },
};
