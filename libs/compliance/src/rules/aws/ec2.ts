import type { ResourceValues } from '@cloudwright/terraform-plan';
import type { CheckResult, ComplianceResource, ResourceCheckContext, ResourceRule } from '../../model';
import { attrEquals, fail, isNonEmpty, looseEquals, notApplicable, pass, show, unknown } from '../common/checks';
import { Findings, blocksAt, docs } from './helpers';

const EC2_REF = 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide';
const EBS_REF = 'https://docs.aws.amazon.com/ebs/latest/userguide';

/** `aws_ebs_encryption_by_default` of the plan that turns account-wide EBS encryption on (enabled defaults to true). */
export function accountEbsEncryption(ctx: ResourceCheckContext): ComplianceResource | undefined {
  return ctx.ofType('aws_ebs_encryption_by_default').find((r) => {
    const v = r.values.get('enabled');
    return v.state === 'absent' || (v.state === 'known' && looseEquals(v.value, true));
  });
}

type Tri = 'yes' | 'no' | 'unknown';

/** Whether an EBS volume resource ends up encrypted (its own flag, or the account default). */
function volumeEncrypted(ctx: ResourceCheckContext, volume: ResourceValues): Tri {
  const v = volume.get('encrypted');
  if (v.state === 'known' && looseEquals(v.value, true)) return 'yes';
  if (accountEbsEncryption(ctx)) return 'yes';
  return v.state === 'unknown' ? 'unknown' : 'no';
}

function checkImds(ctx: ResourceCheckContext): CheckResult {
  const expected = 'metadata_options { http_tokens = "required" } (or http_endpoint = "disabled")';
  const account = ctx.ofType('aws_ec2_instance_metadata_defaults').find((r) => looseEquals(r.values.value('http_tokens'), 'required'));
  const viaAccount = (why: string) => pass(`${why}; ${account?.address ?? ''} requires IMDSv2 account-wide`, expected, 'metadata_options');
  if (ctx.values.get('metadata_options').state === 'unknown') {
    return account ? viaAccount('metadata_options not set') : unknown('metadata_options', expected);
  }
  if (looseEquals(ctx.values.value('metadata_options.0.http_endpoint'), 'disabled')) {
    return pass('metadata_options.http_endpoint = "disabled"', expected, 'metadata_options.http_endpoint');
  }
  const tokens = ctx.values.get('metadata_options.0.http_tokens');
  if (tokens.state === 'known') {
    return looseEquals(tokens.value, 'required')
      ? pass('metadata_options.http_tokens = "required"', expected, 'metadata_options.http_tokens')
      : fail(`metadata_options.http_tokens = ${show(tokens.value)}`, expected, 'metadata_options.http_tokens');
  }
  if (account) return viaAccount('metadata_options.http_tokens not set');
  if (tokens.state === 'unknown') return unknown('metadata_options.http_tokens', expected);
  return fail('metadata_options.http_tokens not set (provider/API default "optional" unless the AMI requires IMDSv2)', expected, 'metadata_options.http_tokens');
}

function checkAttachedVolumes(ctx: ResourceCheckContext): CheckResult {
  const expected = 'encrypted = true on every configured root/EBS block device (or EBS encryption by default on)';
  const account = accountEbsEncryption(ctx);
  if (account) return pass(`${account.address} encrypts every new EBS volume`, expected, account.address);
  const findings = new Findings();
  const judge = (where: string, device: ResourceValues) => {
    const enc = device.get('encrypted');
    if (enc.state === 'unknown') findings.unknown(`${where}.encrypted`);
    else if (enc.state === 'known' && looseEquals(enc.value, true)) findings.pass(`${where}.encrypted = true`);
    else findings.fail(`${where}.encrypted = ${enc.state === 'known' ? show(enc.value) : 'not set'}`);
  };
  if (ctx.resource.type === 'aws_launch_template') {
    const mappings = blocksAt(ctx.values, 'block_device_mappings');
    if (mappings.state === 'unknown') return unknown('block_device_mappings', expected);
    mappings.blocks.forEach((m, i) => m.blocks('ebs').forEach((ebs) => judge(`block_device_mappings[${i}].ebs`, ebs)));
    return findings.result(expected, 'block_device_mappings', notApplicable('no block_device_mappings with ebs: volumes come from the AMI'));
  }
  const root = blocksAt(ctx.values, 'root_block_device');
  if (root.state === 'unknown') findings.unknown('root_block_device (not configured: the AMI snapshot decides)');
  else root.blocks.forEach((b) => judge('root_block_device', b));
  // provider marks ebs_block_device computed: unknown as a whole means none is configured inline
  const ebs = blocksAt(ctx.values, 'ebs_block_device');
  if (ebs.state === 'known') ebs.blocks.forEach((b, i) => judge(`ebs_block_device[${i}]`, b));
  return findings.result(expected, 'root_block_device', unknown('root_block_device', expected));
}

function checkVolume(ctx: ResourceCheckContext): CheckResult {
  const expected = 'encrypted = true (or EBS encryption by default on)';
  const enc = ctx.values.get('encrypted');
  if (enc.state === 'known' && looseEquals(enc.value, true)) return pass('encrypted = true', expected, 'encrypted');
  const account = accountEbsEncryption(ctx);
  if (account) return pass(`${account.address} encrypts every new EBS volume`, expected, account.address);
  if (enc.state === 'unknown') return unknown('encrypted', expected);
  return fail(enc.state === 'known' ? `encrypted = ${show(enc.value)}` : 'encrypted not set (default false)', expected, 'encrypted');
}

function checkSnapshot(ctx: ResourceCheckContext): CheckResult {
  const expected = 'the snapshot is encrypted (taken from an encrypted volume, or copied with encrypted = true)';
  const own = ctx.values.get('encrypted');
  if (own.state === 'known' && looseEquals(own.value, true)) return pass('encrypted = true', expected, 'encrypted');
  if (ctx.resource.type === 'aws_ebs_snapshot' && own.state === 'known') return fail(`encrypted = ${show(own.value)}`, expected, 'encrypted');
  const sources = ctx.referenced(['aws_ebs_volume', 'aws_ebs_snapshot']);
  const verdicts = sources.map((s): Tri => (s.type === 'aws_ebs_volume' ? volumeEncrypted(ctx, s.values) : s.values.get('encrypted').state === 'unknown' ? 'unknown' : s.values.boolean('encrypted') ? 'yes' : 'no'));
  const source = sources[0];
  if (source && verdicts.every((v) => v === 'yes')) return pass(`source ${source.address} is encrypted`, expected, source.address);
  if (verdicts.includes('unknown') || (own.state === 'unknown' && sources.length === 0)) return unknown(source ? `${source.address}.encrypted` : 'encrypted', expected);
  if (source) return fail(`source ${source.address} is not encrypted${ctx.resource.type === 'aws_ebs_snapshot_copy' ? ' and encrypted is not true' : ''}`, expected, 'encrypted');
  return fail(own.state === 'known' ? `encrypted = ${show(own.value)}` : 'encrypted not set (default false)', expected, 'encrypted');
}

function checkPublicIp(ctx: ResourceCheckContext): CheckResult {
  const expected = 'associate_public_ip_address = false (or a subnet with map_public_ip_on_launch = false)';
  const own = ctx.values.get('associate_public_ip_address');
  if (own.state === 'known') {
    return looseEquals(own.value, true)
      ? fail('associate_public_ip_address = true', expected, 'associate_public_ip_address')
      : pass(`associate_public_ip_address = ${show(own.value)}`, expected, 'associate_public_ip_address');
  }
  const subnets = ctx.referenced(['aws_subnet', 'aws_default_subnet']);
  const flags = subnets.map((s) => s.values.get('map_public_ip_on_launch'));
  const subnet = subnets[0];
  if (subnet && flags.every((f) => f.state === 'known' && looseEquals(f.value, true))) {
    return fail(`associate_public_ip_address not set; subnet ${subnet.address} has map_public_ip_on_launch = true`, expected, subnet.address);
  }
  if (subnet && flags.every((f) => f.state === 'absent' || (f.state === 'known' && looseEquals(f.value, false)))) {
    return pass(`associate_public_ip_address not set; subnet ${subnet.address} does not map public IPs`, expected, subnet.address);
  }
  return unknown('associate_public_ip_address', expected);
}

export const AWS_EC2_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-AWS-0009',
    scope: 'resource',
    title: 'EC2 instances and launch templates require IMDSv2',
    description: 'IMDSv1 answers any HTTP GET from the instance, so an SSRF flaw in the workload leaks the instance role credentials; IMDSv2 requires a session token.',
    category: 'identity-access',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_instance', 'aws_launch_template'],
    controls: ['iam.instance-metadata'],
    check: checkImds,
    remediation: {
      text: 'Set metadata_options.http_tokens = "required" (keep http_put_response_hop_limit at 1, or 2 for containers on the instance).',
      terraform: 'metadata_options {\n  http_endpoint               = "enabled"\n  http_tokens                 = "required"\n  http_put_response_hop_limit = 1\n}',
      effort: 'low',
    },
    references: [`${EC2_REF}/configuring-instance-metadata-service.html`, docs('instance#metadata-options')],
    peers: { checkov: ['CKV_AWS_79'] },
    differs:
      'An aws_ec2_instance_metadata_defaults with http_tokens = "required" in the plan satisfies the rule for resources that do not set http_tokens. An instance without metadata_options gets it computed (unknown at plan time): the AMI may require IMDSv2, so the verdict is unknown rather than fail.',
    fixtures: {
      pass: [
        { values: { instance_type: 't3.micro', metadata_options: [{ http_tokens: 'required', http_endpoint: 'enabled' }] } },
        { type: 'aws_launch_template', values: { metadata_options: [{ http_endpoint: 'disabled' }] } },
        { values: { instance_type: 't3.micro' }, unknown: { metadata_options: true }, related: [{ type: 'aws_ec2_instance_metadata_defaults', values: { http_tokens: 'required' }, refersToSubject: false }] },
      ],
      fail: [
        { values: { instance_type: 't3.micro', metadata_options: [{ http_tokens: 'optional' }] } },
        { type: 'aws_launch_template', values: { metadata_options: [] }, note: 'not set: default optional' },
      ],
      unknown: [{ values: { instance_type: 't3.micro' }, unknown: { metadata_options: true } }],
    },
  },
  {
    id: 'CW-AWS-0010',
    scope: 'resource',
    title: 'EC2 instance and launch template block devices are encrypted',
    description: 'Root and data volumes hold the workload data and often secrets; unencrypted volumes and their snapshots expose them.',
    category: 'encryption-at-rest',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'],
    controls: ['ear.block-storage'],
    check: checkAttachedVolumes,
    remediation: {
      text: 'Set encrypted = true on root_block_device and every ebs_block_device (block_device_mappings.ebs for launch templates), or turn on EBS encryption by default for the account.',
      terraform: 'root_block_device {\n  encrypted  = true\n  kms_key_id = aws_kms_key.ebs.arn\n}',
      effort: 'medium',
    },
    references: [`${EBS_REF}/ebs-encryption.html`, docs('instance#ebs-ephemeral-and-root-block-devices')],
    peers: { checkov: ['CKV_AWS_8'] },
    differs:
      'An aws_ebs_encryption_by_default in the plan satisfies the rule. An instance whose root_block_device is not configured gets it from the AMI (unknown at plan time): unknown, not fail. Launch templates without block_device_mappings are not applicable.',
    fixtures: {
      pass: [
        { values: { root_block_device: [{ encrypted: true }], ebs_block_device: [{ device_name: '/dev/sdf', encrypted: true }] } },
        { type: 'aws_launch_template', values: { block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true', volume_size: 20 }] }] } },
        { values: {}, unknown: { root_block_device: true }, related: [{ type: 'aws_ebs_encryption_by_default', values: { enabled: true }, refersToSubject: false }] },
      ],
      fail: [
        { values: { root_block_device: [{ encrypted: false }] } },
        { type: 'aws_launch_template', values: { block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 20 }] }] } },
      ],
      unknown: [{ values: {}, unknown: { root_block_device: true, ebs_block_device: true } }],
      notApplicable: [{ type: 'aws_launch_template', values: { block_device_mappings: [] } }],
    },
  },
  {
    id: 'CW-AWS-0011',
    scope: 'resource',
    title: 'EBS volumes are encrypted',
    description: 'An unencrypted EBS volume exposes its data and every snapshot taken from it; encryption can only be chosen at creation.',
    category: 'encryption-at-rest',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_ebs_volume'],
    controls: ['ear.block-storage'],
    check: checkVolume,
    remediation: {
      text: 'Set encrypted = true (with kms_key_id for a customer-managed key), or turn on EBS encryption by default for the account and region.',
      terraform: 'encrypted  = true\nkms_key_id = aws_kms_key.ebs.arn',
      effort: 'medium',
    },
    references: [`${EBS_REF}/ebs-encryption.html`, docs('ebs_volume')],
    peers: { checkov: ['CKV_AWS_3'] },
    differs: 'An aws_ebs_encryption_by_default in the plan satisfies the rule (AWS encrypts every new volume); encrypted computed at plan time (e.g. from a snapshot) gives unknown.',
    fixtures: {
      pass: [{ values: { size: 10, encrypted: true } }, { values: { size: 10 }, related: [{ type: 'aws_ebs_encryption_by_default', values: { enabled: true }, refersToSubject: false }] }],
      fail: [{ values: { size: 10, encrypted: false } }, { values: { size: 10 }, note: 'not set: default false' }],
      unknown: [{ values: { size: 10 }, unknown: { encrypted: true } }],
    },
  },
  {
    id: 'CW-AWS-0012',
    scope: 'resource',
    title: 'EBS snapshots are encrypted',
    description: 'Snapshots are easily shared and copied across accounts; an unencrypted snapshot carries the volume data in clear.',
    category: 'encryption-at-rest',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_ebs_snapshot', 'aws_ebs_snapshot_copy'],
    controls: ['ear.backups'],
    check: checkSnapshot,
    remediation: {
      text: 'Snapshot encrypted volumes only; copy existing snapshots with aws_ebs_snapshot_copy and encrypted = true.',
      terraform: 'resource "aws_ebs_snapshot_copy" "encrypted" {\n  source_snapshot_id = aws_ebs_snapshot.this.id\n  source_region      = "eu-west-1"\n  encrypted          = true\n  kms_key_id         = aws_kms_key.ebs.arn\n}',
      effort: 'medium',
    },
    references: [`${EBS_REF}/ebs-encryption.html`, docs('ebs_snapshot_copy')],
    differs: 'A snapshot inherits the encryption of its volume: the rule judges the volume (or source snapshot) the snapshot refers to; unknown when that is only known after apply.',
    fixtures: {
      pass: [
        { values: {}, unknown: { encrypted: true }, related: [{ type: 'aws_ebs_volume', values: { encrypted: true }, referencedBySubject: true, refersToSubject: false }] },
        { type: 'aws_ebs_snapshot_copy', values: { encrypted: true } },
      ],
      fail: [
        { values: {}, unknown: { encrypted: true }, related: [{ type: 'aws_ebs_volume', values: { encrypted: false }, referencedBySubject: true, refersToSubject: false }] },
        { type: 'aws_ebs_snapshot_copy', values: { encrypted: false } },
      ],
      unknown: [{ values: {}, unknown: { encrypted: true }, related: [{ type: 'aws_ebs_volume', values: {}, unknown: { encrypted: true }, referencedBySubject: true, refersToSubject: false }] }],
    },
  },
  {
    id: 'CW-AWS-0013',
    scope: 'resource',
    title: 'AMIs are not shared publicly',
    description: 'A launch permission for group "all" makes the image, and any data or credentials baked into it, available to every AWS account.',
    category: 'public-access',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_ami_launch_permission'],
    controls: ['pub.snapshot'],
    check: (ctx) => {
      const expected = 'launch permission for named accounts, organizations or OUs (not group = "all")';
      const group = ctx.values.get('group');
      if (group.state === 'unknown') return unknown('group', expected);
      if (group.state === 'known' && looseEquals(group.value, 'all')) return fail('group = "all"', expected, 'group');
      return pass(group.state === 'known' ? `group = ${show(group.value)}` : 'shared with specific accounts', expected, 'group');
    },
    remediation: {
      text: 'Share the image with specific accounts (account_id), an organization or an OU instead of group "all".',
      terraform: 'resource "aws_ami_launch_permission" "this" {\n  image_id   = aws_ami.this.id\n  account_id = "111122223333"\n}',
      effort: 'low',
    },
    references: [`${EC2_REF}/sharingamis-intro.html`, docs('ami_launch_permission')],
    fixtures: {
      pass: [{ values: { image_id: 'ami-1', account_id: '111122223333' } }],
      fail: [{ values: { image_id: 'ami-1', group: 'all' } }],
      unknown: [{ values: { image_id: 'ami-1' }, unknown: { group: true } }],
    },
  },
  {
    id: 'CW-AWS-0014',
    scope: 'resource',
    title: 'EBS encryption by default stays enabled',
    description: 'Account-level EBS encryption by default encrypts every new volume and snapshot copy in the region, whatever the individual resource says.',
    category: 'encryption-at-rest',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_ebs_encryption_by_default'],
    controls: ['ear.block-storage'],
    check: attrEquals('enabled', true, { default: true }),
    remediation: { text: 'Set enabled = true (the default).', terraform: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}', effort: 'low' },
    references: [`${EBS_REF}/ebs-encryption.html`, docs('ebs_encryption_by_default')],
    fixtures: { pass: [{ values: { enabled: true } }, { values: {}, note: 'default true' }], fail: [{ values: { enabled: false } }], unknown: [{ values: {}, unknown: { enabled: true } }] },
  },
  {
    id: 'CW-AWS-0015',
    scope: 'resource',
    title: 'EC2 instances do not get public IP addresses',
    description: 'A public IP puts the instance directly on the internet, one security-group mistake away from exposure; publish services through a load balancer instead.',
    category: 'public-access',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_instance'],
    controls: ['pub.compute'],
    check: checkPublicIp,
    remediation: {
      text: 'Set associate_public_ip_address = false and place the instance in a private subnet behind a load balancer or use SSM Session Manager for access.',
      terraform: 'associate_public_ip_address = false',
      effort: 'medium',
    },
    references: [`${EC2_REF}/using-instance-addressing.html`, docs('instance#associate_public_ip_address')],
    differs: 'When the instance does not set associate_public_ip_address, the subnet it refers to decides (map_public_ip_on_launch); unknown when neither is known at plan time.',
    fixtures: {
      pass: [
        { values: { associate_public_ip_address: false } },
        { values: {}, unknown: { associate_public_ip_address: true }, related: [{ type: 'aws_subnet', values: { map_public_ip_on_launch: false }, referencedBySubject: true, refersToSubject: false }] },
      ],
      fail: [
        { values: { associate_public_ip_address: true } },
        { values: {}, unknown: { associate_public_ip_address: true }, related: [{ type: 'aws_subnet', values: { map_public_ip_on_launch: true }, referencedBySubject: true, refersToSubject: false }] },
      ],
      unknown: [{ values: {}, unknown: { associate_public_ip_address: true } }],
    },
  },
  {
    id: 'CW-AWS-0016',
    scope: 'resource',
    title: 'EC2 instances have detailed monitoring enabled',
    description: 'Detailed monitoring publishes metrics every minute instead of every five, so alarms and auto scaling react in time.',
    category: 'logging-monitoring',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_instance'],
    controls: ['log.monitoring'],
    check: attrEquals('monitoring', true, { default: false }),
    remediation: { text: 'Set monitoring = true.', terraform: 'monitoring = true', effort: 'low' },
    references: [`${EC2_REF}/using-cloudwatch-new.html`, docs('instance#monitoring')],
    peers: { checkov: ['CKV_AWS_126'] },
    fixtures: { pass: [{ values: { monitoring: true } }], fail: [{ values: { monitoring: false } }, { values: {}, note: 'default false' }], unknown: [{ values: {}, unknown: { monitoring: true } }] },
  },
  {
    id: 'CW-AWS-0017',
    scope: 'resource',
    title: 'EC2 instances use an IAM instance profile',
    description: 'An instance profile gives the workload short-lived role credentials; without one, applications end up with static access keys on disk.',
    category: 'identity-access',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_instance'],
    controls: ['iam.managed-identity', 'iam.static-credentials'],
    check: (ctx) => {
      const expected = 'iam_instance_profile set';
      const profile = ctx.values.get('iam_instance_profile');
      if (profile.state === 'unknown') return pass('iam_instance_profile = (known after apply)', expected, 'iam_instance_profile');
      return profile.state === 'known' && isNonEmpty(profile.value)
        ? pass(`iam_instance_profile = ${show(profile.value)}`, expected, 'iam_instance_profile')
        : fail('iam_instance_profile not set', expected, 'iam_instance_profile');
    },
    remediation: {
      text: 'Attach an instance profile whose role has the permissions the workload needs.',
      terraform: 'iam_instance_profile = aws_iam_instance_profile.app.name',
      effort: 'low',
    },
    references: [`${EC2_REF}/iam-roles-for-amazon-ec2.html`, docs('instance#iam_instance_profile')],
    differs: 'An instance profile known only after apply (a reference to a profile being created) is set, so it passes.',
    fixtures: {
      pass: [{ values: { iam_instance_profile: 'app' } }, { values: {}, unknown: { iam_instance_profile: true } }],
      fail: [{ values: { instance_type: 't3.micro' } }],
    },
  },
];
