import type { CheckResult, ResourceCheckContext, ResourceRule } from '../../model';
import { attrEquals, fail, isNonEmpty, looseEquals, pass, show, unknown } from '../common/checks';
import { docs, setFromConfig } from './helpers';

const DDB_REF = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide';
const EC_REF = 'https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug';

function checkDynamoCmk(ctx: ResourceCheckContext): CheckResult {
  const expected = 'server_side_encryption { enabled = true, kms_key_arn = <customer-managed key> }';
  const enabled = ctx.values.get('server_side_encryption.0.enabled');
  if (enabled.state === 'unknown') return unknown('server_side_encryption.enabled', expected);
  if (!(enabled.state === 'known' && looseEquals(enabled.value, true))) return fail('server_side_encryption not enabled (AWS owned key)', expected, 'server_side_encryption');
  const arn = ctx.values.get('server_side_encryption.0.kms_key_arn');
  if (arn.state === 'unknown') return unknown('server_side_encryption.kms_key_arn', expected);
  if (arn.state === 'known' && typeof arn.value === 'string' && arn.value !== '' && !/alias\/aws\/dynamodb$/.test(arn.value)) {
    return pass(`kms_key_arn = ${show(arn.value)}`, expected, 'server_side_encryption.kms_key_arn');
  }
  return fail('server_side_encryption.kms_key_arn not set (AWS managed key aws/dynamodb)', expected, 'server_side_encryption.kms_key_arn');
}

function checkRedisAuth(ctx: ResourceCheckContext): CheckResult {
  const expected = 'auth_token set, or user_group_ids (RBAC) attached';
  for (const attr of ['auth_token', 'user_group_ids']) {
    const v = ctx.values.get(attr);
    if (v.state === 'unknown') return pass(`${attr} = (a reference known after apply)`, expected, attr);
    if (v.state === 'known' && isNonEmpty(v.value)) return pass(`${attr} set`, expected, attr);
  }
  return fail('neither auth_token nor user_group_ids set: any client reaching the endpoint can run commands', expected, 'auth_token');
}

function checkSqs(ctx: ResourceCheckContext): CheckResult {
  const expected = 'sqs_managed_sse_enabled = true or kms_master_key_id set';
  const kms = ctx.values.get('kms_master_key_id');
  if (kms.state === 'unknown') return pass('kms_master_key_id = (a reference known after apply)', expected, 'kms_master_key_id');
  if (kms.state === 'known' && isNonEmpty(kms.value)) return pass(`kms_master_key_id = ${show(kms.value)}`, expected, 'kms_master_key_id');
  const sse = ctx.values.get('sqs_managed_sse_enabled');
  if (sse.state === 'known') {
    return looseEquals(sse.value, true)
      ? pass('sqs_managed_sse_enabled = true', expected, 'sqs_managed_sse_enabled')
      : fail('sqs_managed_sse_enabled = false and no kms_master_key_id', expected, 'sqs_managed_sse_enabled');
  }
  return pass('sqs_managed_sse_enabled not set: SSE-SQS is on by default for new queues', expected, 'sqs_managed_sse_enabled');
}

export const AWS_DATA_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-AWS-0060',
    scope: 'resource',
    title: 'DynamoDB tables have point-in-time recovery',
    description: 'Point-in-time recovery restores a table to any second of the last 35 days after a bad deploy or accidental writes.',
    category: 'backup-recovery',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_dynamodb_table'],
    controls: ['bkp.point-in-time', 'bkp.enabled'],
    check: attrEquals('point_in_time_recovery.0.enabled', true, { default: false }),
    remediation: { text: 'Enable point_in_time_recovery.', terraform: 'point_in_time_recovery {\n  enabled = true\n}', effort: 'low' },
    references: [`${DDB_REF}/PointInTimeRecovery.html`, docs('dynamodb_table#point_in_time_recovery')],
    peers: { checkov: ['CKV_AWS_28'] },
    fixtures: {
      pass: [{ values: { name: 't', point_in_time_recovery: [{ enabled: true }] } }],
      fail: [{ values: { name: 't', point_in_time_recovery: [{ enabled: false }] } }, { values: { name: 't' } }],
      unknown: [{ values: { name: 't' }, unknown: { point_in_time_recovery: true } }],
    },
  },
  {
    id: 'CW-AWS-0061',
    scope: 'resource',
    title: 'DynamoDB tables are encrypted with a customer-managed KMS key',
    description: 'DynamoDB always encrypts at rest with an AWS owned key; a customer-managed key adds a key policy and CloudTrail records of every use.',
    category: 'encryption-at-rest',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_dynamodb_table'],
    controls: ['ear.customer-managed-key'],
    check: checkDynamoCmk,
    remediation: { text: 'Enable server_side_encryption with kms_key_arn set to a customer-managed key.', terraform: 'server_side_encryption {\n  enabled     = true\n  kms_key_arn = aws_kms_key.dynamodb.arn\n}', effort: 'low' },
    references: [`${DDB_REF}/EncryptionAtRest.html`, docs('dynamodb_table#server_side_encryption')],
    peers: { checkov: ['CKV_AWS_119'] },
    differs: 'Only the customer-managed-key topic: tables are encrypted at rest by default, so this is not an encryption-at-rest failure.',
    fixtures: {
      pass: [{ values: { name: 't', server_side_encryption: [{ enabled: true, kms_key_arn: 'arn:aws:kms:eu-west-1:111122223333:key/k' }] } }],
      fail: [{ values: { name: 't' } }, { values: { name: 't', server_side_encryption: [{ enabled: true }] } }],
      unknown: [{ values: { name: 't', server_side_encryption: [{ enabled: true }] }, unknown: { server_side_encryption: [{ kms_key_arn: true }] } }],
    },
  },
  {
    id: 'CW-AWS-0062',
    scope: 'resource',
    title: 'ElastiCache replication groups are encrypted at rest',
    description: 'Cache nodes and their backups often hold sessions and personal data; at-rest encryption can only be chosen at creation.',
    category: 'encryption-at-rest',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_elasticache_replication_group'],
    controls: ['ear.cache'],
    check: attrEquals('at_rest_encryption_enabled', true, { default: false }),
    remediation: { text: 'Set at_rest_encryption_enabled = true (optionally kms_key_id); existing groups must be recreated.', terraform: 'at_rest_encryption_enabled = true\nkms_key_id                 = aws_kms_key.cache.arn', effort: 'medium' },
    references: [`${EC_REF}/at-rest-encryption.html`, docs('elasticache_replication_group#at_rest_encryption_enabled')],
    peers: { checkov: ['CKV_AWS_29'] },
    fixtures: {
      pass: [{ values: { engine: 'redis', at_rest_encryption_enabled: true } }],
      fail: [{ values: { engine: 'redis', at_rest_encryption_enabled: false } }, { values: { engine: 'redis' } }],
      unknown: [{ values: { engine: 'redis' }, unknown: { at_rest_encryption_enabled: true } }],
    },
  },
  {
    id: 'CW-AWS-0063',
    scope: 'resource',
    title: 'ElastiCache replication groups encrypt traffic in transit',
    description: 'Without in-transit encryption, cache commands and data (and the AUTH token) cross the network in clear.',
    category: 'encryption-in-transit',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_elasticache_replication_group'],
    controls: ['eit.cache'],
    check: attrEquals('transit_encryption_enabled', true, { default: false }),
    remediation: { text: 'Set transit_encryption_enabled = true and connect clients with TLS.', terraform: 'transit_encryption_enabled = true', effort: 'medium' },
    references: [`${EC_REF}/in-transit-encryption.html`, docs('elasticache_replication_group#transit_encryption_enabled')],
    peers: { checkov: ['CKV_AWS_30'] },
    fixtures: {
      pass: [{ values: { engine: 'redis', transit_encryption_enabled: true } }],
      fail: [{ values: { engine: 'redis' } }],
      unknown: [{ values: { engine: 'redis' }, unknown: { transit_encryption_enabled: true } }],
    },
  },
  {
    id: 'CW-AWS-0064',
    scope: 'resource',
    title: 'ElastiCache replication groups require authentication',
    description: 'Without an AUTH token or RBAC user group, anyone who can reach the cache endpoint can read, change or flush it.',
    category: 'identity-access',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_elasticache_replication_group'],
    controls: ['iam.central-auth'],
    check: checkRedisAuth,
    remediation: {
      text: 'Set auth_token (from a secret, with transit encryption) or attach an RBAC user group with user_group_ids.',
      terraform: 'transit_encryption_enabled = true\nauth_token                 = random_password.redis.result',
      effort: 'medium',
    },
    references: [`${EC_REF}/auth.html`, docs('elasticache_replication_group#auth_token')],
    peers: { checkov: ['CKV_AWS_31'] },
    differs: 'A token known only after apply (random_password, a secret) is set and passes. Checkov CKV_AWS_31 also requires transit encryption in the same check; here that is CW-AWS-0063.',
    fixtures: {
      pass: [{ values: { engine: 'redis', auth_token: 'x'.repeat(32) } }, { values: { engine: 'redis' }, unknown: { auth_token: true } }, { values: { engine: 'redis', user_group_ids: ['app'] } }],
      fail: [{ values: { engine: 'redis' } }],
    },
  },
  {
    id: 'CW-AWS-0065',
    scope: 'resource',
    title: 'SQS queues are encrypted at rest',
    description: 'Messages often carry personal or business data; server-side encryption protects them while they wait in the queue.',
    category: 'encryption-at-rest',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_sqs_queue'],
    controls: ['ear.messaging'],
    check: checkSqs,
    remediation: { text: 'Keep SSE-SQS on (sqs_managed_sse_enabled = true) or use a KMS key (kms_master_key_id).', terraform: 'sqs_managed_sse_enabled = true', effort: 'low' },
    references: ['https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html', docs('sqs_queue#sqs_managed_sse_enabled')],
    peers: { checkov: ['CKV_AWS_27'] },
    differs: 'Since October 2022 new queues get SSE-SQS unless it is turned off: a queue that does not set sqs_managed_sse_enabled (unknown in the plan) passes; only an explicit false without a KMS key fails.',
    fixtures: {
      pass: [{ values: { name: 'q', sqs_managed_sse_enabled: true } }, { values: { name: 'q', kms_master_key_id: 'alias/app' } }, { values: { name: 'q' }, unknown: { sqs_managed_sse_enabled: true } }],
      fail: [{ values: { name: 'q', sqs_managed_sse_enabled: false } }],
    },
  },
  {
    id: 'CW-AWS-0066',
    scope: 'resource',
    title: 'SNS topics are encrypted with KMS',
    description: 'SNS does not encrypt stored messages unless a KMS key is set on the topic.',
    category: 'encryption-at-rest',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_sns_topic'],
    controls: ['ear.messaging'],
    check: setFromConfig('kms_master_key_id'),
    remediation: { text: 'Set kms_master_key_id (a customer-managed key, or alias/aws/sns).', terraform: 'kms_master_key_id = aws_kms_key.sns.id', effort: 'low' },
    references: ['https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html', docs('sns_topic#kms_master_key_id')],
    peers: { checkov: ['CKV_AWS_26'] },
    fixtures: {
      pass: [{ values: { name: 't', kms_master_key_id: 'alias/aws/sns' } }, { values: { name: 't' }, unknown: { kms_master_key_id: true } }],
      fail: [{ values: { name: 't' } }, { values: { name: 't', kms_master_key_id: '' } }],
    },
  },
  {
    id: 'CW-AWS-0067',
    scope: 'resource',
    title: 'Kinesis data streams are encrypted with KMS',
    description: 'Kinesis stores records unencrypted unless the stream uses KMS server-side encryption.',
    category: 'encryption-at-rest',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_kinesis_stream'],
    controls: ['ear.messaging'],
    check: attrEquals('encryption_type', 'KMS', { default: 'NONE' }),
    remediation: { text: 'Set encryption_type = "KMS" and kms_key_id.', terraform: 'encryption_type = "KMS"\nkms_key_id      = "alias/aws/kinesis"', effort: 'low' },
    references: ['https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html', docs('kinesis_stream#encryption_type')],
    peers: { checkov: ['CKV_AWS_43'] },
    fixtures: {
      pass: [{ values: { name: 's', encryption_type: 'KMS', kms_key_id: 'alias/aws/kinesis' } }],
      fail: [{ values: { name: 's', encryption_type: 'NONE' } }, { values: { name: 's' } }],
      unknown: [{ values: { name: 's' }, unknown: { encryption_type: true } }],
    },
  },
  {
    id: 'CW-AWS-0068',
    scope: 'resource',
    title: 'EFS file systems are encrypted at rest',
    description: 'EFS encryption at rest is chosen at creation; an unencrypted file system exposes every file and backup.',
    category: 'encryption-at-rest',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_efs_file_system'],
    controls: ['ear.file-storage'],
    check: attrEquals('encrypted', true, { default: false }),
    remediation: { text: 'Set encrypted = true (optionally kms_key_id); existing file systems must be copied to a new encrypted one.', terraform: 'encrypted  = true\nkms_key_id = aws_kms_key.efs.arn', effort: 'medium' },
    references: ['https://docs.aws.amazon.com/efs/latest/ug/encryption.html', docs('efs_file_system#encrypted')],
    peers: { checkov: ['CKV_AWS_42'] },
    fixtures: {
      pass: [{ values: { encrypted: true } }],
      fail: [{ values: { encrypted: false } }, { values: { creation_token: 'x' } }],
      unknown: [{ values: {}, unknown: { encrypted: true } }],
    },
  },
  {
    id: 'CW-AWS-0069',
    scope: 'resource',
    title: 'Redshift clusters are encrypted at rest',
    description: 'A data warehouse concentrates an organisation\'s data; an unencrypted cluster exposes it and its snapshots.',
    category: 'encryption-at-rest',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_redshift_cluster'],
    controls: ['ear.database'],
    check: attrEquals('encrypted', true, { default: true }),
    remediation: { text: 'Set encrypted = true (with kms_key_id for a customer-managed key).', terraform: 'encrypted  = true\nkms_key_id = aws_kms_key.redshift.arn', effort: 'medium' },
    references: ['https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html', docs('redshift_cluster#encrypted')],
    peers: { checkov: ['CKV_AWS_64'] },
    differs: 'Since January 2025 Redshift encrypts new clusters by default: an absent value passes; an explicit encrypted = false (as older providers plan by default) fails.',
    fixtures: {
      pass: [{ values: { cluster_identifier: 'dw', encrypted: true } }, { values: { cluster_identifier: 'dw' } }],
      fail: [{ values: { cluster_identifier: 'dw', encrypted: false } }],
      unknown: [{ values: { cluster_identifier: 'dw' }, unknown: { encrypted: true } }],
    },
  },
  {
    id: 'CW-AWS-0070',
    scope: 'resource',
    title: 'Redshift clusters are not publicly accessible',
    description: 'A publicly accessible cluster gets a public endpoint: only its security group stands between the warehouse and the internet.',
    category: 'public-access',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_redshift_cluster'],
    controls: ['pub.database'],
    check: attrEquals('publicly_accessible', false, { default: false }),
    remediation: { text: 'Set publicly_accessible = false and connect through the VPC.', terraform: 'publicly_accessible = false', effort: 'low' },
    references: ['https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html', docs('redshift_cluster#publicly_accessible')],
    peers: { checkov: ['CKV_AWS_87'] },
    differs: 'Since January 2025 new clusters are private by default: an absent value passes; older providers plan publicly_accessible = true explicitly, which fails.',
    fixtures: {
      pass: [{ values: { cluster_identifier: 'dw', publicly_accessible: false } }, { values: { cluster_identifier: 'dw' } }],
      fail: [{ values: { cluster_identifier: 'dw', publicly_accessible: true } }],
      unknown: [{ values: { cluster_identifier: 'dw' }, unknown: { publicly_accessible: true } }],
    },
  },
  {
    id: 'CW-AWS-0071',
    scope: 'resource',
    title: 'Neptune and DocumentDB clusters are encrypted at rest',
    description: 'Neptune and DocumentDB storage is unencrypted unless chosen at creation; the data and its snapshots are then exposed.',
    category: 'encryption-at-rest',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_neptune_cluster', 'aws_docdb_cluster'],
    controls: ['ear.database'],
    check: attrEquals('storage_encrypted', true, { default: false }),
    remediation: { text: 'Set storage_encrypted = true (optionally kms_key_arn / kms_key_id); existing clusters are encrypted by restoring an encrypted snapshot.', terraform: 'storage_encrypted = true', effort: 'medium' },
    references: ['https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html', 'https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html', docs('docdb_cluster#storage_encrypted')],
    peers: { checkov: ['CKV_AWS_44', 'CKV_AWS_74'] },
    fixtures: {
      pass: [{ values: { engine: 'neptune', storage_encrypted: true } }, { type: 'aws_docdb_cluster', values: { storage_encrypted: true } }],
      fail: [{ values: { engine: 'neptune', storage_encrypted: false } }, { type: 'aws_docdb_cluster', values: {} }],
      unknown: [{ values: { engine: 'neptune' }, unknown: { storage_encrypted: true } }],
    },
  },
];
