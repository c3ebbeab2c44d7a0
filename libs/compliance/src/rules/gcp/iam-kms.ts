import type { ResourceValues } from '@cloudwright/terraform-plan';
import type { ResourceRule } from '../../model';
import { fail, isNonEmpty, notApplicable, onlyIf, pass, show, unknown, type ResourceCheck } from '../common/checks';
import { REGISTRY, gcpRule, iamTypes, noPublicMembers, policyMembers } from './helpers';

const CRYPTO_KEY = 'google_kms_crypto_key';
/** Project, folder and organisation IAM grants. */
const HIERARCHY_IAM = iamTypes('google_project', 'google_folder', 'google_organization');
const AUDIT_CONFIG_TYPES = ['google_project_iam_audit_config', 'google_folder_iam_audit_config', 'google_organization_iam_audit_config'];
const NINETY_DAYS = 7_776_000;

type Grants = { status: 'known'; grants: { role: string; member: string }[] } | { status: 'unknown'; attribute: string };

/** The role/member pairs of an IAM member, binding or policy resource. */
function roleGrants(values: ResourceValues): Grants {
  const policy = values.get('policy_data');
  if (policy.state === 'unknown') return { status: 'unknown', attribute: 'policy_data' };
  if (policy.state === 'known') {
    const grants = policyMembers(policy.value);
    return grants ? { status: 'known', grants } : { status: 'unknown', attribute: 'policy_data' };
  }
  const role = values.get('role');
  if (role.state === 'unknown') return { status: 'unknown', attribute: 'role' };
  const roleName = role.state === 'known' ? String(role.value) : '';
  const member = values.get('member');
  if (member.state === 'unknown') return { status: 'unknown', attribute: 'member' };
  if (member.state === 'known') return { status: 'known', grants: [{ role: roleName, member: String(member.value) }] };
  const members = values.get('members');
  if (members.state === 'unknown') return { status: 'unknown', attribute: 'members' };
  const list = members.state === 'known' && Array.isArray(members.value) ? (members.value as unknown[]) : [];
  if (list.some((_m, i) => values.get(['members', i]).state === 'unknown')) return { status: 'unknown', attribute: 'members' };
  return { status: 'known', grants: list.map((m) => ({ role: roleName, member: String(m) })) };
}

const PRIMITIVE_ROLES = new Set(['roles/owner', 'roles/editor']);
const isServiceAccount = (member: string): boolean => member.startsWith('serviceAccount:');
const isPerson = (member: string): boolean => /^(user|group|domain|principal|principalSet):/.test(member);

/** Grants of `roles` to principals matching `principal` fail; not applicable when no grant is to such a principal. */
function roleGrantCheck(roles: ReadonlySet<string>, principal: ((member: string) => boolean) | null, who: string): ResourceCheck {
  const roleList = [...roles].join(' or ');
  const expected = `no ${roleList} granted to ${who}`;
  return (ctx) => {
    const grants = roleGrants(ctx.values);
    if (grants.status === 'unknown') return unknown(grants.attribute, expected);
    const relevant = principal ? grants.grants.filter((g) => principal(g.member)) : grants.grants;
    if (relevant.length === 0) return notApplicable(`no grant to ${who}`);
    const bad = relevant.filter((g) => roles.has(g.role));
    if (bad.length > 0) return fail(`grants ${bad.map((g) => `${g.role} to ${g.member}`).join(', ')}`, expected, 'role');
    return pass(`grants ${[...new Set(relevant.map((g) => g.role))].join(', ')}`, expected, 'role');
  };
}

/** `7776000s`, `"7776000s"` or a number of seconds. */
function seconds(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return Number.NaN;
  const match = /^\s*(\d+(?:\.\d+)?)\s*s?\s*$/.exec(value);
  return match ? Number(match[1]) : Number.NaN;
}

const symmetricKey = (ctx: Parameters<ResourceCheck>[0]): boolean | 'unknown' => {
  const purpose = ctx.values.get('purpose');
  if (purpose.state === 'unknown') return 'unknown';
  return purpose.state === 'absent' || String(purpose.value).toUpperCase() === 'ENCRYPT_DECRYPT';
};

const rotationWithin90Days: ResourceCheck = (ctx) => {
  const expected = 'rotation_period <= 7776000s (90 days)';
  const period = ctx.values.get('rotation_period');
  if (period.state === 'unknown') return unknown('rotation_period', expected);
  if (period.state === 'absent') return fail('rotation_period not set (no automatic rotation)', expected, 'rotation_period');
  const s = seconds(period.value);
  return Number.isFinite(s) && s > 0 && s <= NINETY_DAYS
    ? pass(`rotation_period = ${show(period.value)}`, expected, 'rotation_period')
    : fail(`rotation_period = ${show(period.value)}`, expected, 'rotation_period');
};

const serviceAccountKey: ResourceCheck = (ctx) => {
  const expected = 'no Google-generated service account key (use Workload Identity, impersonation or an uploaded public key)';
  const uploaded = ctx.values.get('public_key_data');
  if (uploaded.state === 'unknown') return unknown('public_key_data', expected);
  if (uploaded.state === 'known' && isNonEmpty(uploaded.value)) {
    return pass('public_key_data set: the key pair was generated outside Google, the private key is not in Terraform state', expected, 'public_key_data');
  }
  return fail('Google-generated key: its private key is written to Terraform state and never expires by default', expected, 'private_key');
};

const REQUIRED_LOG_TYPES = ['ADMIN_READ', 'DATA_READ', 'DATA_WRITE'];

const auditAllServices: ResourceCheck = (ctx) => {
  const expected = 'allServices audit config with ADMIN_READ, DATA_READ and DATA_WRITE and no exempted members';
  const service = ctx.values.get('service');
  if (service.state === 'unknown') return unknown('service', expected);
  if (service.state !== 'known') return notApplicable('audit config without a service');
  if (service.value !== 'allServices') return notApplicable(`audit config for ${show(service.value)} only`);
  if (ctx.values.get('audit_log_config').state === 'unknown') return unknown('audit_log_config', expected);
  const configs = ctx.values.blocks('audit_log_config');
  const types = new Set<string>();
  for (let i = 0; i < configs.length; i++) {
    const logType = ctx.values.get(['audit_log_config', i, 'log_type']);
    if (logType.state === 'unknown') return unknown(`audit_log_config.${i}.log_type`, expected);
    const exempted = ctx.values.get(['audit_log_config', i, 'exempted_members']);
    if (exempted.state === 'unknown') return unknown(`audit_log_config.${i}.exempted_members`, expected);
    if (exempted.state === 'known' && isNonEmpty(exempted.value)) {
      return fail(`audit_log_config ${logType.state === 'known' ? show(logType.value) : 'entry'} exempts ${show(exempted.value)}`, expected, `audit_log_config.${i}.exempted_members`);
    }
    if (logType.state === 'known') types.add(String(logType.value).toUpperCase());
  }
  const missing = REQUIRED_LOG_TYPES.filter((t) => !types.has(t));
  if (missing.length > 0) return fail(`allServices logs ${show([...types])}, missing ${missing.join(', ')}`, expected, 'audit_log_config');
  return pass(`allServices logs ${[...types].join(', ')}`, expected, 'audit_log_config');
};

const projectMember = (member: string, role = 'roles/viewer'): Record<string, unknown> => ({ project: 'p', role, member });

export const GCP_IAM_KMS_RULES: readonly ResourceRule[] = [
  gcpRule({
    id: 'CW-GCP-0065',
    title: 'Cloud KMS symmetric keys rotate at least every 90 days',
    description: 'Automatic rotation limits how much data one key version protects and how long a leaked version stays useful. Without rotation_period a key never rotates.',
    category: 'key-management',
    severity: 'medium',
    resourceTypes: [CRYPTO_KEY],
    controls: ['kms.rotation'],
    check: onlyIf(symmetricKey, 'asymmetric, MAC and raw-encryption keys do not support automatic rotation', rotationWithin90Days),
    remediation: { text: 'Set rotation_period to 7776000s (90 days) or less.', terraform: 'rotation_period = "7776000s"', effort: 'low' },
    references: [`${REGISTRY}/kms_crypto_key`, 'https://cloud.google.com/kms/docs/key-rotation'],
    peers: { checkov: ['CKV_GCP_43'] },
    fixtures: {
      pass: [{ values: { name: 'k', rotation_period: '7776000s' } }, { values: { name: 'k', purpose: 'ENCRYPT_DECRYPT', rotation_period: '2592000s' } }],
      fail: [{ values: { name: 'k', rotation_period: '31536000s' } }, { values: { name: 'k', purpose: 'ENCRYPT_DECRYPT' } }],
      unknown: [{ values: { name: 'k' }, unknown: { rotation_period: true } }],
      notApplicable: [{ values: { name: 'k', purpose: 'ASYMMETRIC_SIGN' } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0066',
    title: 'Cloud KMS keys and key rings are not granted to allUsers or allAuthenticatedUsers',
    description: 'A public grant on a key lets anyone use it (to decrypt data encrypted with it, or to sign in your name) or read its metadata.',
    category: 'key-management',
    severity: 'high',
    resourceTypes: iamTypes(CRYPTO_KEY, 'google_kms_key_ring'),
    controls: ['kms.key-access', 'iam.least-privilege'],
    check: noPublicMembers('key'),
    remediation: { text: 'Grant key roles to named service accounts and groups only.', terraform: 'member = "serviceAccount:app@p.iam.gserviceaccount.com"', effort: 'low' },
    references: [`${REGISTRY}/kms_crypto_key_iam`, 'https://cloud.google.com/kms/docs/iam'],
    peers: { checkov: ['CKV_GCP_112'] },
    fixtures: {
      pass: [{ type: 'google_kms_crypto_key_iam_member', values: { crypto_key_id: 'k', role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', member: 'serviceAccount:app@p.iam.gserviceaccount.com' } }],
      fail: [
        { type: 'google_kms_crypto_key_iam_member', values: { crypto_key_id: 'k', role: 'roles/cloudkms.cryptoKeyDecrypter', member: 'allUsers' } },
        { type: 'google_kms_key_ring_iam_binding', values: { key_ring_id: 'r', role: 'roles/cloudkms.viewer', members: ['allAuthenticatedUsers'] } },
      ],
      unknown: [{ type: 'google_kms_crypto_key_iam_member', values: { crypto_key_id: 'k', role: 'roles/cloudkms.cryptoKeyDecrypter' }, unknown: { member: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0067',
    title: 'Service accounts are not granted the Owner or Editor basic roles',
    description: 'Owner and Editor give a service account write access to nearly every service of the project; anyone who can act as the account (a compromised workload, a leaked key) gets the same.',
    category: 'identity-access',
    severity: 'high',
    resourceTypes: HIERARCHY_IAM,
    controls: ['iam.least-privilege'],
    check: roleGrantCheck(PRIMITIVE_ROLES, isServiceAccount, 'service accounts'),
    remediation: {
      text: 'Replace roles/owner and roles/editor with the predefined roles the workload needs (use IAM Recommender to find them).',
      terraform: 'role   = "roles/storage.objectViewer"\nmember = "serviceAccount:${google_service_account.app.email}"',
      effort: 'medium',
    },
    references: [`${REGISTRY}/google_project_iam`, 'https://cloud.google.com/iam/docs/roles-overview#basic'],
    peers: { checkov: ['CKV_GCP_42', 'CKV_GCP_117'] },
    differs: 'Split by principal: service accounts here (high), people and groups in CW-GCP-0068 (medium); roles/viewer is not flagged. Grants to other principals are not applicable.',
    fixtures: {
      pass: [{ type: 'google_project_iam_member', values: projectMember('serviceAccount:app@p.iam.gserviceaccount.com', 'roles/logging.logWriter') }],
      fail: [
        { type: 'google_project_iam_member', values: projectMember('serviceAccount:app@p.iam.gserviceaccount.com', 'roles/editor') },
        { type: 'google_folder_iam_binding', values: { folder: 'folders/1', role: 'roles/owner', members: ['user:a@example.com', 'serviceAccount:ci@p.iam.gserviceaccount.com'] } },
      ],
      unknown: [{ type: 'google_project_iam_member', values: { project: 'p', role: 'roles/editor' }, unknown: { member: true } }],
      notApplicable: [{ type: 'google_project_iam_member', values: projectMember('user:a@example.com', 'roles/editor') }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0068',
    title: 'People and groups are not granted the Owner or Editor basic roles',
    description: 'Basic roles grant thousands of permissions across every service; people should hold predefined roles scoped to their job, with Owner kept for break-glass accounts.',
    category: 'identity-access',
    severity: 'medium',
    resourceTypes: HIERARCHY_IAM,
    controls: ['iam.least-privilege'],
    check: roleGrantCheck(PRIMITIVE_ROLES, isPerson, 'users, groups or domains'),
    remediation: { text: 'Grant predefined roles (or custom roles) instead of roles/owner and roles/editor.', terraform: 'role   = "roles/compute.admin"\nmember = "group:platform@example.com"', effort: 'medium' },
    references: [`${REGISTRY}/google_project_iam`, 'https://cloud.google.com/iam/docs/roles-overview#basic'],
    peers: { checkov: ['CKV_GCP_117'] },
    differs: 'roles/viewer is not flagged (read-only); grants to service accounts are judged by CW-GCP-0067.',
    fixtures: {
      pass: [{ type: 'google_project_iam_member', values: projectMember('group:devs@example.com', 'roles/container.developer') }],
      fail: [
        { type: 'google_project_iam_member', values: projectMember('user:a@example.com', 'roles/owner') },
        {
          type: 'google_project_iam_policy',
          values: { project: 'p', policy_data: JSON.stringify({ bindings: [{ role: 'roles/editor', members: ['group:devs@example.com'] }] }) },
        },
      ],
      unknown: [{ type: 'google_project_iam_binding', values: { project: 'p', role: 'roles/owner' }, unknown: { members: true } }],
      notApplicable: [{ type: 'google_project_iam_member', values: projectMember('serviceAccount:app@p.iam.gserviceaccount.com', 'roles/editor') }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0069',
    title: 'Service Account User and Token Creator are not granted project-wide',
    description: 'Granted on a project, folder or organisation, these roles let the holder act as every service account in it — including highly privileged ones. Grant them on the individual service account.',
    category: 'identity-access',
    severity: 'medium',
    resourceTypes: HIERARCHY_IAM,
    controls: ['iam.least-privilege'],
    check: roleGrantCheck(new Set(['roles/iam.serviceAccountUser', 'roles/iam.serviceAccountTokenCreator']), null, 'any principal at project, folder or organisation level'),
    remediation: {
      text: 'Grant roles/iam.serviceAccountUser or serviceAccountTokenCreator on the specific service account (google_service_account_iam_member) instead.',
      terraform: 'resource "google_service_account_iam_member" "deployer" {\n  service_account_id = google_service_account.app.name\n  role               = "roles/iam.serviceAccountUser"\n  member             = "group:deployers@example.com"\n}',
      effort: 'low',
    },
    references: [`${REGISTRY}/google_service_account_iam`, 'https://cloud.google.com/iam/docs/service-account-permissions'],
    fixtures: {
      pass: [{ type: 'google_project_iam_member', values: projectMember('group:devs@example.com', 'roles/viewer') }],
      fail: [{ type: 'google_project_iam_member', values: projectMember('user:a@example.com', 'roles/iam.serviceAccountUser') }],
      unknown: [{ type: 'google_project_iam_member', values: { project: 'p', member: 'user:a@example.com' }, unknown: { role: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0070',
    title: 'Service account keys are not generated into Terraform state',
    description: 'A key created by google_service_account_key is a long-lived credential whose private key is stored in the Terraform state (and any copy of it); Workload Identity, impersonation or federation avoid keys altogether.',
    category: 'identity-access',
    severity: 'medium',
    resourceTypes: ['google_service_account_key'],
    controls: ['iam.static-credentials'],
    check: serviceAccountKey,
    remediation: {
      text: 'Remove the key: use Workload Identity (GKE), attached service accounts, impersonation or Workload Identity Federation. If a key is unavoidable, upload a public key (public_key_data) generated where the private key stays.',
      terraform: '# instead of google_service_account_key, let the workload act as the account:\nresource "google_service_account_iam_member" "wi" {\n  service_account_id = google_service_account.app.name\n  role               = "roles/iam.workloadIdentityUser"\n  member             = "serviceAccount:${var.project_id}.svc.id.goog[ns/app]"\n}',
      effort: 'medium',
    },
    references: [`${REGISTRY}/google_service_account_key`, 'https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys'],
    differs: 'A key with public_key_data (uploaded; the private key never reaches Google or the state) passes: it is still user-managed, but its secret is not in Terraform state. The iam.disableServiceAccountKeyCreation organisation policy is the stronger control.',
    fixtures: {
      pass: [{ values: { service_account_id: 'app', public_key_data: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t' } }],
      fail: [{ values: { service_account_id: 'app', key_algorithm: 'KEY_ALG_RSA_2048' } }],
      unknown: [{ values: { service_account_id: 'app' }, unknown: { public_key_data: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0071',
    title: 'Cloud Audit Logs record data access for all services',
    description: 'Admin Activity logs are always on, but data-access logs (who read or changed which data) are off by default for most services; an allServices audit config with ADMIN_READ, DATA_READ and DATA_WRITE turns them on everywhere.',
    category: 'logging-monitoring',
    severity: 'medium',
    resourceTypes: AUDIT_CONFIG_TYPES,
    controls: ['log.audit-trail'],
    check: auditAllServices,
    remediation: {
      text: 'Add an audit config for allServices with ADMIN_READ, DATA_READ and DATA_WRITE and no exempted members (mind the log volume and cost).',
      terraform: 'resource "google_project_iam_audit_config" "all" {\n  project = var.project_id\n  service = "allServices"\n  audit_log_config {\n    log_type = "ADMIN_READ"\n  }\n  audit_log_config {\n    log_type = "DATA_READ"\n  }\n  audit_log_config {\n    log_type = "DATA_WRITE"\n  }\n}',
      effort: 'low',
    },
    references: [`${REGISTRY}/google_project_iam#google_project_iam_audit_config`, 'https://cloud.google.com/logging/docs/audit/configure-data-access'],
    differs: 'Audit configs for a single service are not applicable; whether any allServices config exists at all is not judged per resource.',
    fixtures: {
      pass: [{ values: { project: 'p', service: 'allServices', audit_log_config: [{ log_type: 'ADMIN_READ' }, { log_type: 'DATA_READ' }, { log_type: 'DATA_WRITE' }] } }],
      fail: [
        { values: { project: 'p', service: 'allServices', audit_log_config: [{ log_type: 'ADMIN_READ' }] } },
        { values: { project: 'p', service: 'allServices', audit_log_config: [{ log_type: 'ADMIN_READ' }, { log_type: 'DATA_READ', exempted_members: ['user:a@example.com'] }, { log_type: 'DATA_WRITE' }] } },
      ],
      unknown: [{ values: { project: 'p', service: 'allServices' }, unknown: { audit_log_config: true } }],
      notApplicable: [{ values: { project: 'p', service: 'storage.googleapis.com', audit_log_config: [{ log_type: 'DATA_READ' }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0072',
    title: 'Secret Manager secrets are not granted to allUsers or allAuthenticatedUsers',
    description: 'A public grant on a secret lets anyone on the internet (or with any Google account) read its value.',
    category: 'public-access',
    severity: 'critical',
    resourceTypes: iamTypes('google_secret_manager_secret'),
    controls: ['iam.least-privilege'],
    check: noPublicMembers('secret'),
    remediation: { text: 'Grant roles/secretmanager.secretAccessor to the workload service account only.', terraform: 'member = "serviceAccount:${google_service_account.app.email}"', effort: 'low' },
    references: [`${REGISTRY}/secret_manager_secret_iam`, 'https://cloud.google.com/secret-manager/docs/access-control'],
    fixtures: {
      pass: [{ type: 'google_secret_manager_secret_iam_member', values: { secret_id: 's', role: 'roles/secretmanager.secretAccessor', member: 'serviceAccount:app@p.iam.gserviceaccount.com' } }],
      fail: [{ type: 'google_secret_manager_secret_iam_binding', values: { secret_id: 's', role: 'roles/secretmanager.secretAccessor', members: ['allUsers'] } }],
      unknown: [{ type: 'google_secret_manager_secret_iam_member', values: { secret_id: 's', role: 'roles/secretmanager.secretAccessor' }, unknown: { member: true } }],
    },
  }),
];
