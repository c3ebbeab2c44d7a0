import type { ResourceRule } from '../../model';
import { attrEquals } from '../common/checks';

const RDS_TYPES = ['aws_db_instance', 'aws_rds_cluster'] as const;

export const AWS_RDS_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-AWS-0001',
    scope: 'resource',
    title: 'RDS instances and Aurora clusters are encrypted at rest',
    description: 'An unencrypted database exposes its data, snapshots and read replicas to anyone who gets the storage. Encryption can only be chosen at creation.',
    category: 'encryption-at-rest',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: RDS_TYPES,
    controls: ['ear.database'],
    check: attrEquals('storage_encrypted', true),
    remediation: {
      text: 'Set storage_encrypted = true (optionally kms_key_id to a customer-managed key). Existing databases are encrypted by restoring an encrypted snapshot copy.',
      terraform: 'storage_encrypted = true\nkms_key_id        = aws_kms_key.db.arn',
      effort: 'medium',
    },
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html'],
    peers: { checkov: ['CKV_AWS_16', 'CKV_AWS_96'], trivy: ['AVD-AWS-0080', 'AVD-AWS-0079'] },
    differs:
      'Aurora Serverless v1 clusters are always encrypted and report storage_encrypted = true in the plan, so no exception is needed; an unknown value (set from a variable only known at apply) is reported as unknown, not failed.',
    fixtures: {
      pass: [{ values: { engine: 'postgres', storage_encrypted: true } }, { type: 'aws_rds_cluster', values: { engine: 'aurora-postgresql', storage_encrypted: true } }],
      fail: [{ values: { engine: 'postgres', storage_encrypted: false } }, { values: { engine: 'mysql' }, note: 'not set: AWS default is unencrypted' }],
      unknown: [{ values: { engine: 'postgres' }, unknown: { storage_encrypted: true } }],
    },
  },
];
