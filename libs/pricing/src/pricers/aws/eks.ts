import Decimal from 'decimal.js';
import { UnsupportedResource, type ComponentDraft, type ResourcePricer } from '../../engine/pricer';
import { ebsVolumeDrafts, hasBlock, hourly } from './common';
import { detailedMonitoringDraft, instanceHoursDraft, launchTemplateSpec, referencedLaunchTemplate, type LaunchSpec } from './compute';

/**
 * End of standard support of EKS Kubernetes versions (AWS EKS docs, "Kubernetes release calendar"). A cluster on a
 * version past this date is billed at the extended support price unless its upgrade policy is STANDARD.
 */
export const EKS_STANDARD_SUPPORT_END: Readonly<Record<string, string>> = {
  '1.23': '2023-10-11',
  '1.24': '2024-01-31',
  '1.25': '2024-05-01',
  '1.26': '2024-06-11',
  '1.27': '2024-07-24',
  '1.28': '2024-11-26',
  '1.29': '2025-03-23',
  '1.30': '2025-07-23',
  '1.31': '2025-11-26',
};

/** Whether `version` is in extended support on `today` (YYYY-MM-DD); undefined when the version is not in the calendar. */
export function eksExtendedSupport(version: string, today: string): boolean | undefined {
  const end = EKS_STANDARD_SUPPORT_END[version];
  if (end) return today > end;
  const [major, minor] = version.split('.').map(Number);
  if (major === 1 && minor !== undefined && minor < 23) return true;
  return undefined;
}

/** aws_eks_cluster: the cluster hour, at the extended support price for versions past standard support. https://aws.amazon.com/eks/pricing/ */
export const awsEksCluster: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_eks_cluster'],
  price(ctx) {
    const supportType = ctx.assume<string>('upgrade_policy.0.support_type', 'EXTENDED', 'upgrade_policy.support_type defaults to EXTENDED (EKS docs)');
    const version = ctx.values.string('version');
    let extended = false;
    if (supportType !== 'STANDARD' && version) {
      const today = new Date().toISOString().slice(0, 10);
      const inExtended = eksExtendedSupport(version, today);
      if (inExtended === undefined) {
        ctx.note({ attribute: 'version', assumed: 'standard support', cause: 'not in the release calendar', reason: `end of standard support of Kubernetes ${version} is not in the calendar; standard support price assumed` });
      }
      extended = inExtended === true;
    } else if (!version) {
      ctx.note({ attribute: 'version', assumed: 'latest (standard support)', cause: 'not set', reason: 'version not set: EKS creates the latest version, which is in standard support' });
    }
    return [hourly(extended ? `EKS cluster (extended support, Kubernetes ${version ?? ''})` : 'EKS cluster', extended ? 'eks:cluster:extended' : 'eks:cluster:standard')];
  },
};

/**
 * aws_eks_node_group: desired size × instance hours (on-demand or spot) plus each node's disk. With a `launch_template`
 * block the instance type (unless `instance_types` is set), the volumes and detailed monitoring come from the referenced
 * `aws_launch_template` of the plan.
 */
export const awsEksNodeGroup: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_eks_node_group'],
  usage: [{ key: 'monthly_standard_io_requests', unit: 'requests', description: 'I/O requests per month of each magnetic (standard) volume of one node (launch template volumes)' }],
  price(ctx) {
    const desired = ctx.assume<number>('scaling_config.0.desired_size', 1, 'scaling_config.desired_size unknown: 1 node assumed');
    const os = (ctx.values.string('ami_type') ?? '').startsWith('WINDOWS') ? 'windows' : 'linux';
    const rootGb = os === 'windows' ? 50 : 20;
    const withTemplate = hasBlock(ctx.values, 'launch_template');
    let spec: LaunchSpec | undefined;
    if (withTemplate) {
      const ref = referencedLaunchTemplate(ctx, 'launch_template.0');
      spec =
        ref &&
        launchTemplateSpec(ref, {
          sizeGb: rootGb,
          type: 'gp2',
          sizeReason: `the root volume of the EKS-optimized AMI is ${rootGb} GB (EKS disk size default)`,
          typeReason: "the EKS-optimized AMI's root volume is gp2",
        });
    }
    const types = ctx.values.list('instance_types');
    let instanceType: string;
    if (types && typeof types[0] === 'string') instanceType = types[0];
    else if (withTemplate) {
      if (!spec) {
        const source = ctx.values.string('launch_template.0.name') ?? ctx.values.string('launch_template.0.id');
        throw new UnsupportedResource(
          `the instance type of this node group comes from launch template ${source ?? '(id unknown at plan time)'}, which is not a resource of this plan; set instance_types`,
        );
      }
      if (spec.instanceTypeState === 'unknown') throw new UnsupportedResource(`${spec.ref.resource.address}.instance_type is unknown at plan time, so the nodes cannot be priced`);
      instanceType = spec.ref.ctx.assume<string>('instance_type', 't3.medium', 'neither the launch template nor the node group sets an instance type: EKS uses t3.medium (CreateNodegroup API)');
    } else instanceType = ctx.assume<string>('instance_types.0', 't3.medium', 'instance_types defaults to ["t3.medium"] (EKS CreateNodegroup API)');
    const capacity = ctx.assume<string>('capacity_type', 'ON_DEMAND', 'capacity_type defaults to ON_DEMAND (provider docs)');
    const drafts: ComponentDraft[] = [instanceHoursDraft(ctx, instanceType, os, desired, capacity === 'SPOT' ? 'spot' : 'on-demand', 'capacity_type')];
    if (spec) {
      if (spec.detailedMonitoring) drafts.push(detailedMonitoringDraft(desired));
      for (const volume of spec.volumes) drafts.push(...ebsVolumeDrafts(ctx, volume, desired));
    } else if (withTemplate) {
      ctx.note({ attribute: 'launch_template', assumed: 'no node disks', cause: 'not in the plan', reason: 'the node volumes are set by the launch template, which is not a resource of this plan; only the instances are priced' });
    } else {
      const disk = ctx.assume<number>('disk_size', rootGb, 'disk_size defaults to 20 GB (50 GB for Windows) (provider docs)');
      ctx.note({ attribute: 'disk_size', assumed: 'gp2', cause: 'volume type not in the plan', reason: 'node groups without a launch template get the EKS-optimized AMI root volume; gp2 assumed' });
      drafts.push(...ebsVolumeDrafts(ctx, { label: 'Node disk', type: 'gp2', sizeGb: disk }, new Decimal(desired)));
    }
    return drafts;
  },
};
