import type { ResourceValues } from '@cloudwright/terraform-plan';
import type { CheckResult, ResourceCheckContext, ResourceRule } from '../../model';
import { fail, notApplicable, pass } from '../common/checks';
import { azureSize } from './sizes';
import { anyTrue } from './util';

/** Efficiency rules on single resources: log volume bounds, provisioned-IOPS volumes, accelerated networking. */

export function logGroupRetentionCheck(ctx: ResourceCheckContext): CheckResult {
  const expected = 'retention_in_days set (logs expire)';
  const v = ctx.values.get('retention_in_days');
  if (v.state === 'unknown') return { status: 'unknown', found: 'retention_in_days known only after apply', expected, attribute: 'retention_in_days' };
  const days = ctx.values.number('retention_in_days');
  if (days === undefined || days === 0) return fail(`retention_in_days = ${days === 0 ? '0' : 'not set'} (logs kept forever)`, expected, 'retention_in_days');
  return pass(`retention_in_days = ${days}`, expected, 'retention_in_days');
}

export function workspaceDailyCapCheck(ctx: ResourceCheckContext): CheckResult {
  const expected = 'daily_quota_gb set (> 0)';
  const v = ctx.values.get('daily_quota_gb');
  if (v.state === 'unknown') return { status: 'unknown', found: 'daily_quota_gb known only after apply', expected, attribute: 'daily_quota_gb' };
  const gb = ctx.values.number('daily_quota_gb');
  if (gb === undefined || gb < 0) return fail(`daily_quota_gb = ${gb === undefined ? 'not set (default -1)' : String(gb)} (unlimited ingestion)`, expected, 'daily_quota_gb');
  return pass(`daily_quota_gb = ${gb}`, expected, 'daily_quota_gb');
}

/** gp3 delivers up to 16,000 IOPS (baseline 3,000 included) at a lower price than io1 for the same IOPS and size. */
const GP3_MAX_IOPS = 16000;

interface Volume {
  readonly path: string;
  readonly values: ResourceValues;
}

function volumesOf(ctx: ResourceCheckContext): Volume[] {
  if (ctx.resource.type === 'aws_ebs_volume') return [{ path: '', values: ctx.values }];
  return ['root_block_device', 'ebs_block_device'].flatMap((block) => ctx.values.blocks(block).map((values, i) => ({ path: `${block}.${i}.`, values })));
}

export function provisionedIopsCheck(ctx: ResourceCheckContext): CheckResult {
  const expected = `gp3 for volumes needing up to ${GP3_MAX_IOPS} IOPS (io1 only above that)`;
  let judged = false;
  for (const volume of volumesOf(ctx)) {
    const typeAttr = ctx.resource.type === 'aws_ebs_volume' ? 'type' : 'volume_type';
    const type = volume.values.get(typeAttr);
    if (type.state === 'unknown') {
      // the type is computed when unset (gp2/gp3 default); io1 needs iops set, so without a known iops it is not io1
      if (volume.values.number('iops') === undefined) continue;
      return { status: 'unknown', found: `${volume.path}${typeAttr} known only after apply`, expected, attribute: `${volume.path}${typeAttr}` };
    }
    if (type.state !== 'known' || type.value !== 'io1') continue;
    const iops = volume.values.get('iops');
    if (iops.state === 'unknown') return { status: 'unknown', found: `${volume.path}iops known only after apply`, expected, attribute: `${volume.path}iops` };
    judged = true;
    const n = volume.values.number('iops');
    if (n !== undefined && n <= GP3_MAX_IOPS) return fail(`${volume.path}${typeAttr} = "io1" with iops = ${n}`, expected, `${volume.path}${typeAttr}`);
  }
  return judged ? pass(`io1 volumes provisioned above ${GP3_MAX_IOPS} IOPS`, expected) : notApplicable('no io1 volume');
}

const AZURE_VM_TYPES = ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine'];
const ACCELERATED = ['accelerated_networking_enabled', 'enable_accelerated_networking'];
/** Smallest vCPU count judged: every D/E v3+ and F size from 4 vCPU supports accelerated networking. */
const MIN_VCPUS = 4;

export function acceleratedNetworkingCheck(ctx: ResourceCheckContext): CheckResult {
  const vms = ctx.referencing(AZURE_VM_TYPES);
  const supported = vms.find((vm) => {
    const size = vm.values.string('size') ?? vm.values.string('vm_size');
    const info = size ? azureSize(size) : null;
    return info !== null && typeof info.vcpus === 'number' && info.vcpus >= MIN_VCPUS;
  });
  if (!supported) return notApplicable('not attached to a VM of a size known to support accelerated networking (D/E v3+, F, 4+ vCPU)');
  const size = supported.values.string('size') ?? supported.values.string('vm_size') ?? '';
  const expected = `accelerated_networking_enabled = true (enable_accelerated_networking in azurerm 3.x) for ${size}`;
  const state = anyTrue(ctx.values, ACCELERATED);
  if (state === true) return pass('accelerated networking enabled', expected, ACCELERATED[0]);
  if (state === 'unknown') return { status: 'unknown', found: 'accelerated networking setting known only after apply', expected, attribute: ACCELERATED[0] };
  return fail(`accelerated networking off on the NIC of ${supported.address} (${size})`, expected, ACCELERATED[0]);
}

export const EFFICIENCY_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-GEN-0028',
    scope: 'resource',
    title: 'CloudWatch log groups expire their logs',
    description: 'A log group without retention keeps every event forever: storage cost grows without bound and old data stays exposed. Pick the retention the policy requires.',
    category: 'cost',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_cloudwatch_log_group'],
    controls: ['cost.log-volume'],
    check: logGroupRetentionCheck,
    remediation: {
      text: 'Set retention_in_days to the period your log policy requires (365 or more for logs under audit); export to S3 with a lifecycle policy for cheaper long-term retention.',
      terraform: 'retention_in_days = 365',
      effort: 'low',
    },
    references: ['https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention'],
    peers: { checkov: ['CKV_AWS_66'] },
    differs: 'Only "never expires" fails here (cost); whether the retention is long enough for compliance is judged by the log-retention rules.',
    fixtures: {
      pass: [{ values: { name: '/app', retention_in_days: 30 } }],
      fail: [{ values: { name: '/app', retention_in_days: 0 } }, { values: { name: '/app' } }],
      unknown: [{ values: { name: '/app' }, unknown: { retention_in_days: true } }],
    },
  },
  {
    id: 'CW-GEN-0029',
    scope: 'resource',
    title: 'Log Analytics workspaces cap daily ingestion',
    description: 'Without a daily cap (default -1 = unlimited), a noisy deployment or a debug log level can ingest terabytes in a day and multiply the monitoring bill.',
    category: 'cost',
    severity: 'low',
    clouds: ['azure'],
    resourceTypes: ['azurerm_log_analytics_workspace'],
    controls: ['cost.log-volume'],
    check: workspaceDailyCapCheck,
    remediation: {
      text: 'Set daily_quota_gb to a cap above normal ingestion and alert when it approaches the cap (ingestion stops for the rest of the day when reached).',
      terraform: 'daily_quota_gb = 10',
      bicep: 'properties: {\n  workspaceCapping: {\n    dailyQuotaGb: 10\n  }\n}',
      effort: 'low',
    },
    references: ['https://learn.microsoft.com/azure/azure-monitor/logs/daily-cap', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/log_analytics_workspace'],
    differs: 'Security-critical workspaces (Sentinel) may deliberately run uncapped: waive them.',
    fixtures: {
      pass: [{ values: { sku: 'PerGB2018', daily_quota_gb: 10 } }],
      fail: [{ values: { sku: 'PerGB2018', daily_quota_gb: -1 } }, { values: { sku: 'PerGB2018' } }],
      unknown: [{ values: { sku: 'PerGB2018' }, unknown: { daily_quota_gb: true } }],
    },
  },
  {
    id: 'CW-GEN-0030',
    scope: 'resource',
    title: 'Provisioned-IOPS io1 volumes are used only above what gp3 delivers',
    description: `gp3 provides up to ${GP3_MAX_IOPS} IOPS (3,000 included) independently of size, for less than io1 at the same IOPS. io1 volumes provisioned at ${GP3_MAX_IOPS} IOPS or less pay for performance gp3 gives cheaper.`,
    category: 'performance',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_ebs_volume', 'aws_instance'],
    controls: ['perf.storage-iops', 'cost.right-size'],
    check: provisionedIopsCheck,
    remediation: {
      text: `Change the volume to gp3 with the IOPS and throughput it needs (up to ${GP3_MAX_IOPS} IOPS); EBS Elastic Volumes change the type without downtime. Use io2 for sub-millisecond latency or 99.999% durability.`,
      terraform: 'type       = "gp3"\niops       = 6000\nthroughput = 250',
      effort: 'low',
    },
    references: ['https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html', 'https://aws.amazon.com/ebs/pricing/'],
    differs: 'io2 volumes are not judged (higher durability is a reason of its own).',
    fixtures: {
      pass: [{ values: { type: 'io1', iops: 32000, size: 1000 } }],
      fail: [{ values: { type: 'io1', iops: 5000, size: 200 } }, { type: 'aws_instance', values: { root_block_device: [{ volume_type: 'io1', iops: 4000 }] } }],
      unknown: [{ values: { type: 'io1', size: 200 }, unknown: { iops: true } }],
      notApplicable: [{ values: { type: 'gp3', size: 200 } }, { values: { size: 200 }, unknown: { type: true, iops: true }, note: 'type left to its default' }],
    },
  },
  {
    id: 'CW-GEN-0031',
    scope: 'resource',
    title: 'NICs of VMs that support it use accelerated networking',
    description: 'Accelerated networking (SR-IOV) lowers latency and jitter and raises packets per second at no extra cost; it is off by default on Azure NICs.',
    category: 'performance',
    severity: 'low',
    clouds: ['azure'],
    resourceTypes: ['azurerm_network_interface'],
    controls: ['perf.network'],
    check: acceleratedNetworkingCheck,
    remediation: {
      text: 'Enable accelerated networking on the NIC (the VM is deallocated to change it on an existing NIC).',
      terraform: 'accelerated_networking_enabled = true   # enable_accelerated_networking in azurerm 3.x',
      bicep: 'properties: {\n  enableAcceleratedNetworking: true\n}',
      effort: 'low',
    },
    references: ['https://learn.microsoft.com/azure/virtual-network/accelerated-networking-overview'],
    differs: `Judged only for NICs attached (in the plan) to D/E v3+ or F sizes with ${MIN_VCPUS}+ vCPU, which all support it; other sizes are not applicable rather than guessed.`,
    fixtures: {
      pass: [{ values: { accelerated_networking_enabled: true }, related: [{ type: 'azurerm_linux_virtual_machine', values: { size: 'Standard_D4s_v5' } }] }],
      fail: [
        { values: { accelerated_networking_enabled: false }, related: [{ type: 'azurerm_linux_virtual_machine', values: { size: 'Standard_D8s_v5' } }] },
        { values: { enable_accelerated_networking: false }, related: [{ type: 'azurerm_windows_virtual_machine', values: { size: 'Standard_F8s_v2' } }], note: 'azurerm 3.x' },
      ],
      unknown: [{ values: {}, unknown: { accelerated_networking_enabled: true }, related: [{ type: 'azurerm_linux_virtual_machine', values: { size: 'Standard_E16s_v5' } }] }],
      notApplicable: [{ values: { accelerated_networking_enabled: false }, related: [{ type: 'azurerm_linux_virtual_machine', values: { size: 'Standard_B2s' } }] }],
    },
  },
];
