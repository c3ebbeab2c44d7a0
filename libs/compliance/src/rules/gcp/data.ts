import type { ResourceRule } from '../../model';
import { attrCheck, attrEquals, attrSet, fail, pass, show, unknown, type ResourceCheck } from '../common/checks';
import { REGISTRY, gcpRule, iamTypes, isPublicPrincipal, noPublicMembers } from './helpers';

const REDIS = 'google_redis_instance';
const DATASET = 'google_bigquery_dataset';
const DATASET_ACCESS = 'google_bigquery_dataset_access';
const REDIS_DOC = `${REGISTRY}/redis_instance`;
const DATASET_DOC = `${REGISTRY}/bigquery_dataset`;

const BIGQUERY_IAM = iamTypes('google_bigquery_dataset', 'google_bigquery_table');

/** Dataset access entries (`access` blocks or google_bigquery_dataset_access) must not name allUsers / allAuthenticatedUsers. */
const noPublicDataset: ResourceCheck = (ctx) => {
  const expected = 'no dataset access for allUsers or allAuthenticatedUsers';
  if (BIGQUERY_IAM.includes(ctx.resource.type)) return noPublicMembers('dataset or table')(ctx);
  const prefixes: (string | number)[][] = [];
  if (ctx.resource.type === DATASET_ACCESS) prefixes.push([]);
  else {
    if (ctx.values.get('access').state === 'unknown') return unknown('access', expected);
    ctx.values.blocks('access').forEach((_b, i) => prefixes.push(['access', i]));
  }
  let unknownAt: string | undefined;
  for (const prefix of prefixes) {
    for (const attr of ['special_group', 'iam_member']) {
      const v = ctx.values.get([...prefix, attr]);
      const where = [...prefix, attr].join('.');
      if (v.state === 'unknown') unknownAt ??= where;
      else if (v.state === 'known' && isPublicPrincipal(v.value)) return fail(`${where} = ${show(v.value)}`, expected, where);
    }
  }
  if (unknownAt) return unknown(unknownAt, expected);
  return pass(prefixes.length === 0 ? 'no access blocks (project roles only)' : 'no public access entry', expected, ctx.resource.type === DATASET_ACCESS ? 'special_group' : 'access');
};

export const GCP_DATA_RULES: readonly ResourceRule[] = [
  gcpRule({
    id: 'CW-GCP-0077',
    title: 'Memorystore for Redis requires AUTH',
    description: 'Without AUTH, any client that can reach the instance on the network can read and change all cached data.',
    category: 'identity-access',
    severity: 'medium',
    resourceTypes: [REDIS],
    controls: ['iam.api-authentication', 'iam.default-credentials'],
    check: attrEquals('auth_enabled', true, { default: false }),
    remediation: { text: 'Set auth_enabled = true and give clients the AUTH string from Secret Manager.', terraform: 'auth_enabled = true', effort: 'low' },
    references: [REDIS_DOC, 'https://cloud.google.com/memorystore/docs/redis/about-redis-auth'],
    peers: { checkov: ['CKV_GCP_95'] },
    fixtures: {
      pass: [{ values: { name: 'r', auth_enabled: true } }],
      fail: [{ values: { name: 'r', auth_enabled: false } }, { values: { name: 'r' } }],
      unknown: [{ values: { name: 'r' }, unknown: { auth_enabled: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0078',
    title: 'Memorystore for Redis encrypts connections in transit',
    description: 'With transit encryption DISABLED (the default), Redis commands, data and the AUTH string cross the network in plaintext.',
    category: 'encryption-in-transit',
    severity: 'medium',
    resourceTypes: [REDIS],
    controls: ['eit.cache'],
    check: attrCheck({
      attr: 'transit_encryption_mode',
      test: (v) => typeof v === 'string' && v.toUpperCase() === 'SERVER_AUTHENTICATION',
      expected: 'transit_encryption_mode = "SERVER_AUTHENTICATION"',
      absent: { default: 'DISABLED' },
    }),
    remediation: {
      text: 'Set transit_encryption_mode = "SERVER_AUTHENTICATION" (chosen at creation; clients must connect with TLS and trust the server CA).',
      terraform: 'transit_encryption_mode = "SERVER_AUTHENTICATION"',
      effort: 'medium',
    },
    references: [REDIS_DOC, 'https://cloud.google.com/memorystore/docs/redis/about-in-transit-encryption'],
    peers: { checkov: ['CKV_GCP_97'] },
    fixtures: {
      pass: [{ values: { name: 'r', transit_encryption_mode: 'SERVER_AUTHENTICATION' } }],
      fail: [{ values: { name: 'r', transit_encryption_mode: 'DISABLED' } }, { values: { name: 'r' } }],
      unknown: [{ values: { name: 'r' }, unknown: { transit_encryption_mode: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0079',
    title: 'Memorystore for Redis uses a customer-managed encryption key',
    description: 'Memorystore always encrypts data at rest with Google-managed keys; a Cloud KMS key gives you control over rotation and revocation.',
    category: 'encryption-at-rest',
    severity: 'medium',
    resourceTypes: [REDIS],
    controls: ['ear.customer-managed-key'],
    check: attrSet('customer_managed_key', 'customer_managed_key set to a Cloud KMS key'),
    remediation: { text: 'Set customer_managed_key to a Cloud KMS key (at creation).', terraform: 'customer_managed_key = google_kms_crypto_key.redis.id', effort: 'medium' },
    references: [REDIS_DOC, 'https://cloud.google.com/memorystore/docs/redis/cmek'],
    differs: 'Only key ownership is judged; without CMEK the data is still encrypted at rest.',
    fixtures: {
      pass: [{ values: { name: 'r', customer_managed_key: 'projects/p/locations/l/keyRings/r/cryptoKeys/k' } }],
      fail: [{ values: { name: 'r' } }],
      unknown: [{ values: { name: 'r' }, unknown: { customer_managed_key: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0080',
    title: 'BigQuery datasets use a customer-managed encryption key by default',
    description: 'BigQuery always encrypts data at rest; a default Cloud KMS key on the dataset puts new tables under a key you control, rotate and can revoke.',
    category: 'encryption-at-rest',
    severity: 'medium',
    resourceTypes: [DATASET],
    controls: ['ear.customer-managed-key'],
    check: attrSet('default_encryption_configuration.0.kms_key_name', 'default_encryption_configuration.kms_key_name set'),
    remediation: {
      text: 'Add default_encryption_configuration with a Cloud KMS key (the BigQuery service account needs Encrypter/Decrypter on it). Existing tables keep their key.',
      terraform: 'default_encryption_configuration {\n  kms_key_name = google_kms_crypto_key.bq.id\n}',
      effort: 'medium',
    },
    references: [DATASET_DOC, 'https://cloud.google.com/bigquery/docs/customer-managed-encryption'],
    peers: { checkov: ['CKV_GCP_81'] },
    fixtures: {
      pass: [{ values: { dataset_id: 'd', default_encryption_configuration: [{ kms_key_name: 'projects/p/locations/l/keyRings/r/cryptoKeys/k' }] } }],
      fail: [{ values: { dataset_id: 'd', default_encryption_configuration: [] } }],
      unknown: [{ values: { dataset_id: 'd' }, unknown: { default_encryption_configuration: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0081',
    title: 'BigQuery datasets and tables are not shared with allUsers or allAuthenticatedUsers',
    description: 'A dataset or table shared with allUsers or allAuthenticatedUsers can be queried by anyone with a Google account — a direct data leak.',
    category: 'public-access',
    severity: 'critical',
    resourceTypes: [DATASET, DATASET_ACCESS, ...BIGQUERY_IAM],
    controls: ['pub.database'],
    check: noPublicDataset,
    remediation: { text: 'Remove the allUsers / allAuthenticatedUsers access entry; share with named groups or authorized views.', terraform: 'access {\n  role           = "READER"\n  group_by_email = "analysts@example.com"\n}', effort: 'low' },
    references: [DATASET_DOC, 'https://cloud.google.com/bigquery/docs/control-access-to-resources-iam'],
    peers: { checkov: ['CKV_GCP_15'] },
    differs: 'Also checks iam_member entries, google_bigquery_dataset_access and dataset/table IAM resources. Access blocks with only a role (a state-file artefact Checkov fails) are not treated as public.',
    fixtures: {
      pass: [
        { values: { dataset_id: 'd', access: [{ role: 'OWNER', special_group: 'projectOwners' }, { role: 'READER', group_by_email: 'analysts@example.com' }] } },
        { type: DATASET_ACCESS, values: { dataset_id: 'd', role: 'READER', user_by_email: 'a@example.com' } },
      ],
      fail: [
        { values: { dataset_id: 'd', access: [{ role: 'READER', special_group: 'allAuthenticatedUsers' }] } },
        { values: { dataset_id: 'd', access: [{ role: 'READER', iam_member: 'allUsers' }] } },
        { type: DATASET_ACCESS, values: { dataset_id: 'd', role: 'READER', iam_member: 'allUsers' } },
        { type: 'google_bigquery_table_iam_member', values: { dataset_id: 'd', table_id: 't', role: 'roles/bigquery.dataViewer', member: 'allUsers' } },
      ],
      unknown: [{ values: { dataset_id: 'd' }, unknown: { access: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0082',
    title: 'Pub/Sub topics use a customer-managed encryption key',
    description: 'Pub/Sub always encrypts messages at rest; a Cloud KMS key on the topic gives you control over the key that protects retained messages.',
    category: 'encryption-at-rest',
    severity: 'medium',
    resourceTypes: ['google_pubsub_topic'],
    controls: ['ear.customer-managed-key'],
    check: attrSet('kms_key_name', 'kms_key_name set to a Cloud KMS key'),
    remediation: { text: 'Set kms_key_name (the Pub/Sub service agent needs Encrypter/Decrypter on the key).', terraform: 'kms_key_name = google_kms_crypto_key.pubsub.id', effort: 'low' },
    references: [`${REGISTRY}/pubsub_topic`, 'https://cloud.google.com/pubsub/docs/encryption'],
    peers: { checkov: ['CKV_GCP_83'] },
    differs: 'Mapped to the customer-managed-key control only: topics without CMEK are still encrypted at rest.',
    fixtures: {
      pass: [{ values: { name: 't', kms_key_name: 'projects/p/locations/l/keyRings/r/cryptoKeys/k' } }],
      fail: [{ values: { name: 't' } }],
      unknown: [{ values: { name: 't' }, unknown: { kms_key_name: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0083',
    title: 'Artifact Registry repositories are not public',
    description: 'A repository readable by allUsers publishes every image or package in it, with whatever credentials and internal code they contain.',
    category: 'public-access',
    severity: 'high',
    resourceTypes: iamTypes('google_artifact_registry_repository'),
    controls: ['pub.registry'],
    check: noPublicMembers('repository'),
    remediation: { text: 'Grant roles/artifactregistry.reader to the service accounts that pull images only.', terraform: 'member = "serviceAccount:${google_service_account.gke_nodes.email}"', effort: 'low' },
    references: [`${REGISTRY}/artifact_registry_repository_iam`, 'https://cloud.google.com/artifact-registry/docs/access-control'],
    peers: { checkov: ['CKV_GCP_101'] },
    fixtures: {
      pass: [{ type: 'google_artifact_registry_repository_iam_member', values: { repository: 'r', role: 'roles/artifactregistry.reader', member: 'serviceAccount:nodes@p.iam.gserviceaccount.com' } }],
      fail: [{ type: 'google_artifact_registry_repository_iam_member', values: { repository: 'r', role: 'roles/artifactregistry.reader', member: 'allUsers' } }],
      unknown: [{ type: 'google_artifact_registry_repository_iam_binding', values: { repository: 'r', role: 'roles/artifactregistry.reader' }, unknown: { members: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0084',
    title: 'Bigtable instances, Spanner databases and BigQuery tables keep deletion protection',
    description: 'These resources default to deletion_protection = true in the provider, so a plan that would destroy them fails; turning it off lets one mistaken apply delete the data.',
    category: 'backup-recovery',
    severity: 'low',
    resourceTypes: ['google_bigtable_instance', 'google_spanner_database', 'google_bigquery_table'],
    controls: ['bkp.deletion-protection'],
    check: attrEquals('deletion_protection', true, { default: true }),
    remediation: { text: 'Keep deletion_protection = true (the default); set it to false only in the change that deletes the resource.', terraform: 'deletion_protection = true', effort: 'low' },
    references: [`${REGISTRY}/bigtable_instance`, `${REGISTRY}/spanner_database`, `${REGISTRY}/bigquery_table`],
    fixtures: {
      pass: [{ values: { name: 'bt', deletion_protection: true } }, { type: 'google_spanner_database', values: { name: 'db' } }],
      fail: [{ type: 'google_bigquery_table', values: { dataset_id: 'd', table_id: 't', deletion_protection: false } }],
      unknown: [{ values: { name: 'bt' }, unknown: { deletion_protection: true } }],
    },
  }),
];
