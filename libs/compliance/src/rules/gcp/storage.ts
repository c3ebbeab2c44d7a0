import type { ResourceRule } from '../../model';
import { attrAtLeast, attrCheck, attrEquals, attrSet, fail, pass, unknown, type ResourceCheck } from '../common/checks';
import { REGISTRY, gcpRule, iamTypes, isPublicPrincipal, noPublicMembers } from './helpers';

const BUCKET = 'google_storage_bucket';
const BUCKET_DOC = `${REGISTRY}/storage_bucket`;

/** Legacy ACL resources: `entity` (`allUsers`) or `role_entity` (`READER:allUsers`). */
const ACL_TYPES = [
  'google_storage_bucket_access_control',
  'google_storage_default_object_access_control',
  'google_storage_object_access_control',
  'google_storage_bucket_acl',
  'google_storage_default_object_acl',
  'google_storage_object_acl',
] as const;

const BUCKET_PUBLIC_TYPES = [...iamTypes('google_storage_bucket'), ...ACL_TYPES];

/** Bucket IAM (member / binding / policy) or legacy ACL entries granting to allUsers / allAuthenticatedUsers. */
const noPublicBucketGrant: ResourceCheck = (ctx) => {
  const expected = 'no grant to allUsers or allAuthenticatedUsers on the bucket or its objects';
  if (!(ACL_TYPES as readonly string[]).includes(ctx.resource.type)) return noPublicMembers('bucket')(ctx);
  const entity = ctx.values.get('entity');
  if (entity.state === 'unknown') return unknown('entity', expected);
  if (entity.state === 'known') {
    return isPublicPrincipal(entity.value) ? fail(`entity = "${String(entity.value)}"`, expected, 'entity') : pass(`entity = "${String(entity.value)}"`, expected, 'entity');
  }
  const roleEntity = ctx.values.get('role_entity');
  if (roleEntity.state === 'unknown') return unknown('role_entity', expected);
  const entries = roleEntity.state === 'known' && Array.isArray(roleEntity.value) ? (roleEntity.value as unknown[]) : [];
  const publicEntries = entries.filter((e) => typeof e === 'string' && isPublicPrincipal(e.slice(e.indexOf(':') + 1)));
  if (publicEntries.length > 0) return fail(`role_entity includes ${publicEntries.map((e) => JSON.stringify(e)).join(', ')}`, expected, 'role_entity');
  if (ctx.values.get('predefined_acl').state === 'known') {
    const acl = ctx.values.string('predefined_acl') ?? '';
    if (/^public/i.test(acl)) return fail(`predefined_acl = "${acl}"`, expected, 'predefined_acl');
    return pass(`predefined_acl = "${acl}"`, expected, 'predefined_acl');
  }
  return pass(`role_entity = ${JSON.stringify(entries)}`, expected, 'role_entity');
};

export const GCP_STORAGE_RULES: readonly ResourceRule[] = [
  gcpRule({
    id: 'CW-GCP-0001',
    title: 'Cloud Storage buckets use uniform bucket-level access',
    description:
      'Without uniform bucket-level access, object ACLs can grant access to individual objects (including public access) that the bucket IAM policy does not show. Uniform access makes IAM the only access control.',
    category: 'public-access',
    severity: 'medium',
    resourceTypes: [BUCKET],
    controls: ['pub.object-storage', 'iam.least-privilege'],
    check: attrEquals(['uniform_bucket_level_access', 'bucket_policy_only'], true),
    remediation: {
      text: 'Set uniform_bucket_level_access = true (provider 2.x/3.x: bucket_policy_only). Existing object ACLs stop applying; grant access with bucket IAM instead.',
      terraform: 'uniform_bucket_level_access = true',
      effort: 'low',
    },
    references: [BUCKET_DOC, 'https://cloud.google.com/storage/docs/uniform-bucket-level-access'],
    peers: { checkov: ['CKV_GCP_29'] },
    differs:
      'Accepts the provider 3.x name bucket_policy_only as well as uniform_bucket_level_access. When the attribute is left unset the provider computes it (an organisation policy may enforce it), so the plan shows it as unknown and the rule reports unknown rather than fail.',
    fixtures: {
      pass: [{ values: { name: 'b', uniform_bucket_level_access: true } }, { values: { name: 'b', bucket_policy_only: true }, note: 'provider 3.x name' }],
      fail: [{ values: { name: 'b', uniform_bucket_level_access: false } }],
      unknown: [{ values: { name: 'b' }, unknown: { uniform_bucket_level_access: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0002',
    title: 'Cloud Storage buckets enforce public access prevention',
    description:
      'Public access prevention "enforced" makes Cloud Storage reject any grant to allUsers or allAuthenticatedUsers on the bucket and its objects, so a later IAM or ACL mistake cannot publish the data.',
    category: 'public-access',
    severity: 'medium',
    resourceTypes: [BUCKET],
    controls: ['pub.object-storage'],
    check: attrCheck({
      attr: 'public_access_prevention',
      test: (v) => typeof v === 'string' && v.toLowerCase() === 'enforced',
      expected: 'public_access_prevention = "enforced"',
    }),
    remediation: {
      text: 'Set public_access_prevention = "enforced" on buckets that must never be public (or enforce the storage.publicAccessPrevention organisation policy and record a waiver here).',
      terraform: 'public_access_prevention = "enforced"',
      effort: 'low',
    },
    references: [BUCKET_DOC, 'https://cloud.google.com/storage/docs/public-access-prevention'],
    peers: { checkov: ['CKV_GCP_114'] },
    differs:
      '"inherited" (and an older plan without the attribute) fails: it defers to the storage.publicAccessPrevention organisation policy, which a plan cannot show — waive the rule where that policy is in force. Left unset, the provider computes the value, so the plan shows it as unknown and the rule reports unknown.',
    fixtures: {
      pass: [{ values: { name: 'b', public_access_prevention: 'enforced' } }],
      fail: [
        { values: { name: 'b', public_access_prevention: 'inherited' }, note: 'defers to an organisation policy the plan cannot see' },
        { values: { name: 'b' }, note: 'attribute absent (older provider or inventory)' },
      ],
      unknown: [{ values: { name: 'b' }, unknown: { public_access_prevention: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0003',
    title: 'Cloud Storage buckets have object versioning enabled',
    description: 'Versioning keeps overwritten and deleted objects as noncurrent versions, so accidental or malicious deletion and overwrites can be undone.',
    category: 'backup-recovery',
    severity: 'medium',
    resourceTypes: [BUCKET],
    controls: ['bkp.versioning'],
    check: attrEquals('versioning.0.enabled', true),
    remediation: {
      text: 'Add a versioning block with enabled = true, and a lifecycle rule that deletes noncurrent versions after the retention you need.',
      terraform: 'versioning {\n  enabled = true\n}',
      effort: 'low',
    },
    references: [BUCKET_DOC, 'https://cloud.google.com/storage/docs/object-versioning'],
    peers: { checkov: ['CKV_GCP_78'] },
    fixtures: {
      pass: [{ values: { name: 'b', versioning: [{ enabled: true }] } }],
      fail: [{ values: { name: 'b', versioning: [{ enabled: false }] } }, { values: { name: 'b', versioning: [] }, note: 'no versioning block: off' }],
      unknown: [{ values: { name: 'b', versioning: [{}] }, unknown: { versioning: [{ enabled: true }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0004',
    title: 'Cloud Storage buckets write usage and storage logs',
    description: 'Usage logs record every request to the bucket (who read or changed which object, from where), which incident response needs.',
    category: 'logging-monitoring',
    severity: 'low',
    resourceTypes: [BUCKET],
    controls: ['log.storage-access'],
    check: attrSet('logging.0.log_bucket', 'logging { log_bucket = <a log bucket> }'),
    remediation: {
      text: 'Add a logging block naming a dedicated log bucket (or enable DATA_READ/DATA_WRITE Cloud Audit Logs for storage.googleapis.com, which Google now recommends).',
      terraform: 'logging {\n  log_bucket        = google_storage_bucket.logs.name\n  log_object_prefix = "my-bucket/"\n}',
      effort: 'low',
    },
    references: [BUCKET_DOC, 'https://cloud.google.com/storage/docs/access-logs'],
    peers: { checkov: ['CKV_GCP_62'] },
    differs: 'Low rather than medium: Google recommends Cloud Audit Logs data-access logs over usage logs (see the google_project_iam_audit_config rule), so a bucket without usage logs is not necessarily unaudited.',
    fixtures: {
      pass: [{ values: { name: 'b', logging: [{ log_bucket: 'my-logs', log_object_prefix: 'b/' }] } }],
      fail: [{ values: { name: 'b', logging: [] } }],
      unknown: [{ values: { name: 'b', logging: [{}] }, unknown: { logging: [{ log_bucket: true }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0005',
    title: 'Cloud Storage buckets holding records have a retention policy',
    description:
      'A retention policy stops objects from being deleted or overwritten before they reach the retention period (and, once locked, even by administrators) — what record-keeping and ransomware-resilience requirements ask for.',
    category: 'backup-recovery',
    severity: 'low',
    resourceTypes: [BUCKET],
    controls: ['bkp.retention'],
    check: attrAtLeast('retention_policy.0.retention_period', 1),
    remediation: {
      text: 'Add a retention_policy with the period the data must be kept (seconds); lock it (is_locked = true) only once the period is final — a locked policy cannot be shortened or removed.',
      terraform: 'retention_policy {\n  retention_period = 2592000 # 30 days\n}',
      effort: 'medium',
    },
    references: [BUCKET_DOC, 'https://cloud.google.com/storage/docs/bucket-lock'],
    differs: 'Low severity: not every bucket holds records that must be retained; waive the rule for caches and scratch buckets.',
    fixtures: {
      pass: [{ values: { name: 'b', retention_policy: [{ retention_period: 2592000, is_locked: false }] } }],
      fail: [{ values: { name: 'b', retention_policy: [] } }],
      unknown: [{ values: { name: 'b', retention_policy: [{ is_locked: false }] }, unknown: { retention_policy: [{ retention_period: true }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0006',
    title: 'Cloud Storage soft delete is not disabled',
    description: 'Soft delete keeps deleted objects recoverable for a period (7 days by default). Setting the retention to 0 disables it, so a deleted object is gone at once.',
    category: 'backup-recovery',
    severity: 'low',
    resourceTypes: [BUCKET],
    controls: ['bkp.soft-delete'],
    check: attrCheck({
      attr: 'soft_delete_policy.0.retention_duration_seconds',
      test: (v) => Number(v) > 0,
      expected: 'soft_delete_policy.retention_duration_seconds > 0',
      absent: { default: 604800 },
    }),
    remediation: {
      text: 'Remove retention_duration_seconds = 0 from soft_delete_policy (the default keeps deleted objects for 7 days), or set the recovery window you need.',
      terraform: 'soft_delete_policy {\n  retention_duration_seconds = 604800\n}',
      effort: 'low',
    },
    references: [BUCKET_DOC, 'https://cloud.google.com/storage/docs/soft-delete'],
    fixtures: {
      pass: [
        { values: { name: 'b', soft_delete_policy: [{ retention_duration_seconds: 604800 }] } },
        { values: { name: 'b' }, note: 'not set: Cloud Storage default of 7 days' },
      ],
      fail: [{ values: { name: 'b', soft_delete_policy: [{ retention_duration_seconds: 0 }] } }],
      unknown: [{ values: { name: 'b' }, unknown: { soft_delete_policy: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0007',
    title: 'Cloud Storage buckets use a customer-managed encryption key',
    description:
      'Cloud Storage always encrypts data with Google-managed keys; a customer-managed Cloud KMS key (CMEK) adds control over rotation, access and revocation of the key, which some regulations require for sensitive data.',
    category: 'encryption-at-rest',
    severity: 'medium',
    resourceTypes: [BUCKET],
    controls: ['ear.customer-managed-key'],
    check: attrSet('encryption.0.default_kms_key_name', 'encryption { default_kms_key_name = <a Cloud KMS key> }'),
    remediation: {
      text: "Add an encryption block with a Cloud KMS key the Cloud Storage service agent may use (roles/cloudkms.cryptoKeyEncrypterDecrypter). New objects are encrypted with it; existing objects keep their key until rewritten.",
      terraform: 'encryption {\n  default_kms_key_name = google_kms_crypto_key.bucket.id\n}',
      effort: 'medium',
    },
    references: [BUCKET_DOC, 'https://cloud.google.com/storage/docs/encryption/customer-managed-keys'],
    differs: 'Only the customer-managed key is checked: a bucket without one is still encrypted at rest (Google-managed keys), so it does not fail an "encrypted at rest" control.',
    fixtures: {
      pass: [{ values: { name: 'b', encryption: [{ default_kms_key_name: 'projects/p/locations/eu/keyRings/r/cryptoKeys/k' }] } }],
      fail: [{ values: { name: 'b', encryption: [] } }],
      unknown: [{ values: { name: 'b', encryption: [{}] }, unknown: { encryption: [{ default_kms_key_name: true }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0008',
    title: 'Cloud Storage buckets have lifecycle rules',
    description: 'Lifecycle rules move ageing objects to cheaper storage classes and delete expired objects and noncurrent versions, which keeps storage cost from growing without bound.',
    category: 'cost',
    severity: 'low',
    resourceTypes: [BUCKET],
    controls: ['cost.lifecycle'],
    check: attrSet('lifecycle_rule', 'at least one lifecycle_rule'),
    remediation: {
      text: 'Add lifecycle rules: change the storage class of old objects, and delete noncurrent versions and temporary objects after a period.',
      terraform: 'lifecycle_rule {\n  condition {\n    age = 30\n  }\n  action {\n    type          = "SetStorageClass"\n    storage_class = "NEARLINE"\n  }\n}',
      effort: 'low',
    },
    references: [BUCKET_DOC, 'https://cloud.google.com/storage/docs/lifecycle'],
    fixtures: {
      pass: [{ values: { name: 'b', lifecycle_rule: [{ action: [{ type: 'Delete' }], condition: [{ age: 365 }] }] } }],
      fail: [{ values: { name: 'b', lifecycle_rule: [] } }],
      unknown: [{ values: { name: 'b' }, unknown: { lifecycle_rule: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0009',
    title: 'Cloud Storage buckets are not granted to allUsers or allAuthenticatedUsers',
    description:
      'A bucket IAM grant or ACL entry for allUsers makes the data readable (or writable) by anyone on the internet; allAuthenticatedUsers means anyone with any Google account, which is no restriction either.',
    category: 'public-access',
    severity: 'critical',
    resourceTypes: BUCKET_PUBLIC_TYPES,
    controls: ['pub.object-storage'],
    check: noPublicBucketGrant,
    remediation: {
      text: 'Remove the grant to allUsers / allAuthenticatedUsers; grant named principals instead. Serve public content through a load balancer with Cloud CDN or signed URLs, and enforce public access prevention on private buckets.',
      terraform: 'member = "group:data-readers@example.com" # never "allUsers" or "allAuthenticatedUsers"',
      effort: 'low',
    },
    references: [`${REGISTRY}/storage_bucket_iam`, 'https://cloud.google.com/storage/docs/access-control/making-data-public'],
    peers: { checkov: ['CKV_GCP_28'] },
    differs:
      'Evaluated on the IAM or ACL resource itself (which names the bucket), including *_iam_policy documents and the legacy ACL resources. A member known only after apply is reported as unknown.',
    fixtures: {
      pass: [
        { type: 'google_storage_bucket_iam_member', values: { bucket: 'b', role: 'roles/storage.objectViewer', member: 'group:readers@example.com' } },
        { type: 'google_storage_bucket_acl', values: { bucket: 'b', role_entity: ['OWNER:user-ops@example.com'] } },
      ],
      fail: [
        { type: 'google_storage_bucket_iam_member', values: { bucket: 'b', role: 'roles/storage.objectViewer', member: 'allUsers' } },
        { type: 'google_storage_bucket_iam_binding', values: { bucket: 'b', role: 'roles/storage.objectViewer', members: ['user:a@example.com', 'allAuthenticatedUsers'] } },
        {
          type: 'google_storage_bucket_iam_policy',
          values: { bucket: 'b', policy_data: JSON.stringify({ bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] }) },
        },
        { type: 'google_storage_bucket_access_control', values: { bucket: 'b', entity: 'allUsers', role: 'READER' } },
        { type: 'google_storage_default_object_acl', values: { bucket: 'b', role_entity: ['READER:allUsers'] } },
      ],
      unknown: [{ type: 'google_storage_bucket_iam_member', values: { bucket: 'b', role: 'roles/storage.objectViewer' }, unknown: { member: true } }],
    },
  }),
];
