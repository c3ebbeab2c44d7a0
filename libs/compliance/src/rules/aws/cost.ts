import type { ResourceValues } from '@cloudwright/terraform-plan';
import type { CheckResult, ResourceCheckContext, ResourceRule } from '../../model';
import { attrCheck, notApplicable, onlyIf, show } from '../common/checks';
import { Findings, blocksAt, docs } from './helpers';
import { bucketLifecycle } from './s3';

/**
 * Older EC2 families with a cheaper, faster current-generation successor (price per vCPU/GiB is lower on the successor):
 * t1/t2 → t3/t4g, m1–m4 → m6i/m7g, c1/c3/c4 → c6i/c7g, r3/r4 → r6i/r7g, i2 → i4i, g2 → g4dn, and the retired cc2/cr1/hs1/hi1.
 */
const OLD_EC2 = /^(t1|t2|m1|m2|m3|m4|c1|c3|c4|r3|r4|i2|g2|cc2|cr1|hs1|hi1)\./;
const OLD_RDS = /^db\.(t1|t2|m1|m2|m3|m4|r3|r4)\./;
const SUCCESSOR: Readonly<Record<string, string>> = { t1: 't3', t2: 't3', m1: 'm6i', m2: 'r6i', m3: 'm6i', m4: 'm6i', c1: 'c6i', c3: 'c6i', c4: 'c6i', r3: 'r6i', r4: 'r6i', i2: 'i4i', g2: 'g4dn' };

function successorOf(type: string): string {
  const family = type.replace(/^db\./, '').split('.')[0] ?? '';
  const next = SUCCESSOR[family];
  return next ? ` (consider ${type.startsWith('db.') ? 'db.' : ''}${next})` : '';
}

const OLD_VOLUME_TYPES = new Set(['gp2', 'standard']);

function checkVolumeTypes(ctx: ResourceCheckContext): CheckResult {
  const expected = 'volume type gp3 (or io2/st1/sc1 where the workload needs them) instead of gp2 or magnetic standard';
  const findings = new Findings();
  const judge = (where: string, device: ResourceValues, attr: string, absentDefault?: string): void => {
    const v = device.get(attr);
    const type = v.state === 'known' && typeof v.value === 'string' ? v.value : absentDefault;
    if (v.state === 'unknown') findings.unknown(`${where}.${attr}`);
    else if (type !== undefined) {
      const shown = v.state === 'known' ? `${where}.${attr} = ${show(type)}` : `${where}.${attr} not set (default ${show(type)})`;
      if (OLD_VOLUME_TYPES.has(type)) findings.fail(shown);
      else findings.pass(shown);
    }
  };
  switch (ctx.resource.type) {
    case 'aws_ebs_volume':
      judge('volume', ctx.values, 'type', 'gp2');
      return findings.result(expected, 'type');
    case 'aws_launch_template': {
      const mappings = blocksAt(ctx.values, 'block_device_mappings');
      if (mappings.state === 'unknown') return findings.result(expected, 'block_device_mappings', notApplicable('block_device_mappings known only after apply'));
      mappings.blocks.forEach((m, i) => m.blocks('ebs').forEach((ebs) => judge(`block_device_mappings[${i}].ebs`, ebs, 'volume_type')));
      return findings.result(expected, 'block_device_mappings', notApplicable('volume types come from the AMI'));
    }
    default: {
      for (const path of ['root_block_device', 'ebs_block_device']) {
        const devices = blocksAt(ctx.values, path);
        if (devices.state === 'known') devices.blocks.forEach((d, i) => judge(`${path}[${i}]`, d, 'volume_type'));
      }
      return findings.result(expected, 'root_block_device.volume_type', notApplicable('no block device configured: volume types come from the AMI'));
    }
  }
}

export const AWS_COST_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-AWS-0090',
    scope: 'resource',
    title: 'EC2 instances use current-generation instance families',
    description: 'Older families (t2, m4, c4, r4 and earlier) cost more per vCPU and GiB than their current-generation successors and perform worse.',
    category: 'cost',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'],
    controls: ['cost.current-generation'],
    check: onlyIf(
      (ctx) => ctx.resource.type !== 'aws_launch_template' || ctx.values.get('instance_type').state !== 'absent',
      'the launch template leaves the instance type to its user',
      (ctx) => {
        const check = attrCheck({ attr: 'instance_type', test: (v) => typeof v === 'string' && !OLD_EC2.test(v), expected: 'a current-generation instance type (t3/t4g, m6i/m7g, c6i/c7g, r6i/r7g …)' });
        const result = check(ctx);
        const type = ctx.values.string('instance_type');
        return result.status === 'fail' && type ? { ...result, found: `${result.found ?? ''}${successorOf(type)}` } : result;
      },
    ),
    remediation: { text: 'Move to the current-generation equivalent (e.g. t2 → t3 or t4g, m4 → m6i or m7g); Graviton (g) types are cheaper still where the software supports arm64.', terraform: 'instance_type = "t3.micro"', effort: 'low' },
    references: ['https://aws.amazon.com/ec2/previous-generation/', docs('instance#instance_type')],
    differs: 't2 is not formally "previous generation" on the AWS page but t3 is cheaper for the same size, so it is reported here.',
    fixtures: {
      pass: [{ values: { instance_type: 't3.micro' } }, { type: 'aws_launch_template', values: { instance_type: 'm7g.large' } }],
      fail: [{ values: { instance_type: 't2.nano' } }, { type: 'aws_launch_configuration', values: { instance_type: 'm4.large' } }],
      unknown: [{ values: {}, unknown: { instance_type: true } }],
      notApplicable: [{ type: 'aws_launch_template', values: { name: 'lt' } }],
    },
  },
  {
    id: 'CW-AWS-0091',
    scope: 'resource',
    title: 'RDS instances use current-generation instance classes',
    description: 'db.t2, db.m4, db.r4 and older classes cost more than their successors for the same capacity, and some engine versions no longer support them.',
    category: 'cost',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
    controls: ['cost.current-generation'],
    check: attrCheck({ attr: 'instance_class', test: (v) => typeof v === 'string' && !OLD_RDS.test(v), expected: 'a current-generation class (db.t3/db.t4g, db.m6i/db.m7g, db.r6i/db.r7g …)' }),
    remediation: { text: 'Modify the instance class to its current-generation equivalent during a maintenance window.', terraform: 'instance_class = "db.t4g.micro"', effort: 'low' },
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.html', docs('db_instance#instance_class')],
    fixtures: {
      pass: [{ values: { engine: 'postgres', instance_class: 'db.t4g.micro' } }],
      fail: [{ values: { engine: 'postgres', instance_class: 'db.t2.micro' } }, { type: 'aws_rds_cluster_instance', values: { instance_class: 'db.r4.large' } }],
      unknown: [{ values: { engine: 'postgres' }, unknown: { instance_class: true } }],
    },
  },
  {
    id: 'CW-AWS-0092',
    scope: 'resource',
    title: 'EBS volumes use gp3 rather than gp2 or magnetic',
    description: 'gp3 costs about 20% less per GiB than gp2 and gives 3,000 IOPS regardless of size; magnetic "standard" volumes are a previous generation.',
    category: 'cost',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_ebs_volume', 'aws_instance', 'aws_launch_template'],
    controls: ['cost.current-generation'],
    check: checkVolumeTypes,
    remediation: { text: 'Set the volume type to gp3 (existing volumes can be modified in place without downtime).', terraform: 'type = "gp3" # volume_type for root_block_device / ebs blocks', effort: 'low' },
    references: ['https://aws.amazon.com/ebs/general-purpose/', docs('ebs_volume#type')],
    differs: 'Not set on aws_ebs_volume: the provider default gp2 fails. Instance and launch-template devices that do not set a type take it from the AMI: unknown or not applicable.',
    fixtures: {
      pass: [{ values: { size: 100, type: 'gp3' } }, { type: 'aws_instance', values: { root_block_device: [{ volume_type: 'gp3' }] } }],
      fail: [{ values: { size: 100, type: 'gp2' } }, { values: { size: 100 }, note: 'default gp2' }, { type: 'aws_launch_template', values: { block_device_mappings: [{ ebs: [{ volume_type: 'standard' }] }] } }],
      unknown: [{ values: { size: 100 }, unknown: { type: true } }],
      notApplicable: [{ type: 'aws_instance', values: {}, unknown: { root_block_device: true, ebs_block_device: true } }],
    },
  },
  {
    id: 'CW-AWS-0093',
    scope: 'resource',
    title: 'S3 buckets have a lifecycle configuration',
    description: 'Without lifecycle rules, objects, noncurrent versions and incomplete multipart uploads stay in S3 Standard forever.',
    category: 'cost',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_s3_bucket'],
    controls: ['cost.lifecycle'],
    check: bucketLifecycle,
    remediation: {
      text: 'Add an aws_s3_bucket_lifecycle_configuration that transitions or expires objects, expires noncurrent versions and aborts incomplete multipart uploads.',
      terraform:
        'resource "aws_s3_bucket_lifecycle_configuration" "this" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    id     = "tiering"\n    status = "Enabled"\n    filter {}\n    transition {\n      days          = 30\n      storage_class = "INTELLIGENT_TIERING"\n    }\n    noncurrent_version_expiration {\n      noncurrent_days = 90\n    }\n    abort_incomplete_multipart_upload {\n      days_after_initiation = 7\n    }\n  }\n}',
      effort: 'low',
    },
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html', docs('s3_bucket_lifecycle_configuration')],
    differs: 'The legacy inline lifecycle_rule (provider v3) or the aws_s3_bucket_lifecycle_configuration companion (v4+) both count; provider v4+ shows an unset inline lifecycle_rule as unknown, which is read as not set.',
    fixtures: {
      pass: [{ values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_lifecycle_configuration', values: { rule: [{ id: 'r', status: 'Enabled' }] } }] }, { values: { bucket: 'b', lifecycle_rule: [{ enabled: true, expiration: [{ days: 90 }] }] } }],
      fail: [{ values: { bucket: 'b', lifecycle_rule: [] } }, { values: { bucket: 'b' }, unknown: { lifecycle_rule: true } }, { values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_lifecycle_configuration', values: { rule: [{ id: 'r', status: 'Disabled' }] } }] }],
      unknown: [{ values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_lifecycle_configuration', values: {}, unknown: { rule: true } }] }],
    },
  },
];
