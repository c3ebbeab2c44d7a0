import type { AttrValue } from '@cloudwright/terraform-plan';
import type { ResourceCheckContext, ResourceRule } from '../../model';
import { allOf, attrEquals, fail, isNonEmpty, notApplicable, pass, show, unknown, type ResourceCheck } from '../common/checks';
import { REGISTRY, anySet, blockState, gcpRule, iamTypes, noPublicMembers, serviceAccountKind, truthy } from './helpers';

const INSTANCE = 'google_compute_instance';
const TEMPLATES = ['google_compute_instance_template', 'google_compute_region_instance_template'] as const;
const VM_TYPES = [INSTANCE, ...TEMPLATES];
const PROJECT_METADATA = 'google_compute_project_metadata';
const PROJECT_METADATA_ITEM = 'google_compute_project_metadata_item';
const INSTANCE_DOC = `${REGISTRY}/compute_instance`;
const TEMPLATE_DOC = `${REGISTRY}/compute_instance_template`;

/**
 * A metadata key of a VM, template or project metadata resource. For `google_compute_project_metadata_item` the
 * item's value when its key is the one asked for, else `'other-key'`.
 */
function metadataEntry(ctx: ResourceCheckContext, key: string): AttrValue | 'other-key' {
  if (ctx.resource.type === PROJECT_METADATA_ITEM) {
    const itemKey = ctx.values.get('key');
    if (itemKey.state === 'unknown') return { state: 'unknown' };
    if (itemKey.state !== 'known' || itemKey.value !== key) return 'other-key';
    return ctx.values.get('value');
  }
  return ctx.values.get(['metadata', key]);
}

/** What the project metadata resources of the plan say about a key: the first known value wins. */
function projectMetadata(ctx: ResourceCheckContext, key: string): { value: AttrValue; address: string } | undefined {
  let unknownAt: string | undefined;
  for (const r of ctx.ofType([PROJECT_METADATA, PROJECT_METADATA_ITEM])) {
    let v: AttrValue;
    if (r.type === PROJECT_METADATA_ITEM) {
      const itemKey = r.values.get('key');
      if (itemKey.state === 'unknown') {
        unknownAt ??= r.address;
        continue;
      }
      if (itemKey.state !== 'known' || itemKey.value !== key) continue;
      v = r.values.get('value');
    } else {
      v = r.values.get(['metadata', key]);
    }
    if (v.state === 'known') return { value: v, address: r.address };
    if (v.state === 'unknown') unknownAt ??= r.address;
  }
  return unknownAt ? { value: { state: 'unknown' }, address: unknownAt } : undefined;
}

const osLoginOnVm: ResourceCheck = (ctx) => {
  const expected = 'metadata enable-oslogin = "TRUE" (on the VM or in project metadata)';
  const own = ctx.values.get(['metadata', 'enable-oslogin']);
  if (own.state === 'unknown') return unknown('metadata.enable-oslogin', expected);
  if (own.state === 'known') {
    return truthy(own.value)
      ? pass(`metadata.enable-oslogin = ${show(own.value)}`, expected, 'metadata.enable-oslogin')
      : fail(`metadata.enable-oslogin = ${show(own.value)} (overrides the project setting)`, expected, 'metadata.enable-oslogin');
  }
  const project = projectMetadata(ctx, 'enable-oslogin');
  if (project?.value.state === 'unknown') return unknown(project.address, expected);
  if (project?.value.state === 'known' && truthy(project.value.value)) {
    return pass(`not set on the VM; ${project.address} sets enable-oslogin = ${show(project.value.value)}`, expected, project.address);
  }
  return fail(
    project ? `metadata.enable-oslogin not set on the VM, and ${project.address} does not enable it` : 'metadata.enable-oslogin not set, and no project metadata in this plan enables OS Login',
    expected,
    'metadata.enable-oslogin',
  );
};

const osLoginOnProject: ResourceCheck = (ctx) => {
  const expected = 'project metadata enable-oslogin = "TRUE"';
  const entry = metadataEntry(ctx, 'enable-oslogin');
  if (entry === 'other-key') return notApplicable('metadata item for another key');
  if (entry.state === 'unknown') return unknown('metadata.enable-oslogin', expected);
  if (entry.state === 'absent') return fail('enable-oslogin not set in project metadata (OS Login off by default)', expected, 'metadata.enable-oslogin');
  return truthy(entry.value)
    ? pass(`enable-oslogin = ${show(entry.value)}`, expected, 'metadata.enable-oslogin')
    : fail(`enable-oslogin = ${show(entry.value)}`, expected, 'metadata.enable-oslogin');
};

const blockProjectSshKeys: ResourceCheck = (ctx) => {
  const expected = 'metadata block-project-ssh-keys = "TRUE" (or OS Login enabled on the VM)';
  const block = ctx.values.get(['metadata', 'block-project-ssh-keys']);
  if (block.state === 'unknown') return unknown('metadata.block-project-ssh-keys', expected);
  if (block.state === 'known' && truthy(block.value)) return pass(`metadata.block-project-ssh-keys = ${show(block.value)}`, expected, 'metadata.block-project-ssh-keys');
  const osLogin = ctx.values.get(['metadata', 'enable-oslogin']);
  if (osLogin.state === 'known' && truthy(osLogin.value)) {
    return pass(`metadata.enable-oslogin = ${show(osLogin.value)}: metadata SSH keys are not used`, expected, 'metadata.enable-oslogin');
  }
  if (osLogin.state === 'unknown' && block.state === 'absent') return unknown('metadata.enable-oslogin', expected);
  return fail(
    block.state === 'known' ? `metadata.block-project-ssh-keys = ${show(block.value)}` : 'metadata.block-project-ssh-keys not set (project-wide SSH keys accepted)',
    expected,
    'metadata.block-project-ssh-keys',
  );
};

const serialPortDisabled: ResourceCheck = (ctx) => {
  const expected = 'metadata serial-port-enable not "true"';
  const entry = metadataEntry(ctx, 'serial-port-enable');
  if (entry === 'other-key') return notApplicable('metadata item for another key');
  if (entry.state === 'unknown') return unknown('metadata.serial-port-enable', expected);
  if (entry.state === 'absent') return pass('serial-port-enable not set (disabled by default)', expected, 'metadata.serial-port-enable');
  return truthy(entry.value)
    ? fail(`serial-port-enable = ${show(entry.value)}`, expected, 'metadata.serial-port-enable')
    : pass(`serial-port-enable = ${show(entry.value)}`, expected, 'metadata.serial-port-enable');
};

const noPublicIp: ResourceCheck = (ctx) => {
  const expected = 'no access_config (external IP) on any network_interface';
  if (ctx.values.get('network_interface').state === 'unknown') return unknown('network_interface', expected);
  const nics = ctx.values.blocks('network_interface');
  let unknownAt: string | undefined;
  for (let i = 0; i < nics.length; i++) {
    const state = blockState(ctx.values, ['network_interface', i, 'access_config']);
    if (state === 'present') return fail(`network_interface.${i}.access_config set (external IPv4 address)`, expected, `network_interface.${i}.access_config`);
    if (state === 'unknown') unknownAt ??= `network_interface.${i}.access_config`;
    if (blockState(ctx.values, ['network_interface', i, 'ipv6_access_config']) === 'present') {
      return fail(`network_interface.${i}.ipv6_access_config set (external IPv6 address)`, expected, `network_interface.${i}.ipv6_access_config`);
    }
  }
  if (unknownAt) return unknown(unknownAt, expected);
  return pass('no access_config on any network_interface', expected, 'network_interface');
};

const FULL_SCOPES = new Set(['cloud-platform', 'https://www.googleapis.com/auth/cloud-platform']);

function defaultServiceAccount(fullAccessOnly: boolean): ResourceCheck {
  const expected = fullAccessOnly
    ? 'not the default Compute Engine service account with the cloud-platform scope'
    : 'a dedicated service account (not PROJECT_NUMBER-compute@developer.gserviceaccount.com)';
  return (ctx) => {
    const block = blockState(ctx.values, 'service_account');
    if (block === 'unknown') return unknown('service_account', expected);
    if (block === 'absent') return pass('no service_account: the VM gets no Google credentials', expected, 'service_account');
    const email = ctx.values.get('service_account.0.email');
    const kind = serviceAccountKind(ctx, email);
    const emailText = email.state === 'known' ? `service_account.email = ${show(email.value)}` : 'service_account.email not set (default service account)';
    if (kind === 'custom') return pass(email.state === 'known' ? emailText : 'service_account.email refers to a google_service_account of the plan', expected, 'service_account.0.email');
    if (!fullAccessOnly) return kind === 'default' ? fail(emailText, expected, 'service_account.0.email') : unknown('service_account.0.email', expected);
    const scopes = ctx.values.get('service_account.0.scopes');
    if (scopes.state === 'unknown') return unknown('service_account.0.scopes', expected);
    const list = scopes.state === 'known' && Array.isArray(scopes.value) ? (scopes.value as unknown[]) : [];
    const full = list.some((s) => typeof s === 'string' && FULL_SCOPES.has(s.trim()));
    if (!full) return pass(`${emailText}; scopes = ${show(list)} (no cloud-platform scope)`, expected, 'service_account.0.scopes');
    return kind === 'default' ? fail(`${emailText} with scope cloud-platform`, expected, 'service_account.0.scopes') : unknown('service_account.0.email', expected);
  };
}

const instanceBootDiskCmk = anySet(
  ['boot_disk.0.kms_key_self_link', 'boot_disk.0.disk_encryption_key_raw', 'boot_disk.0.disk_encryption_key_rsa'],
  'boot_disk kms_key_self_link (CMEK) or disk_encryption_key_raw / _rsa (CSEK)',
);

const templateDisksCmk: ResourceCheck = (ctx) => {
  const expected = 'every new disk of the template has disk_encryption_key.kms_key_self_link';
  if (ctx.values.get('disk').state === 'unknown') return unknown('disk', expected);
  const disks = ctx.values.blocks('disk');
  if (disks.length === 0) return notApplicable('no disk blocks');
  let unknownAt: string | undefined;
  let checked = 0;
  for (let i = 0; i < disks.length; i++) {
    const source = ctx.values.get(['disk', i, 'source']);
    if (source.state === 'known' && isNonEmpty(source.value)) continue;
    checked += 1;
    const key = ctx.values.get(['disk', i, 'disk_encryption_key', 0, 'kms_key_self_link']);
    if (key.state === 'unknown') unknownAt ??= `disk.${i}.disk_encryption_key.kms_key_self_link`;
    else if (key.state === 'absent' || !isNonEmpty(key.value)) {
      return fail(`disk.${i} has no disk_encryption_key.kms_key_self_link (Google-managed key)`, expected, `disk.${i}.disk_encryption_key`);
    }
  }
  if (unknownAt) return unknown(unknownAt, expected);
  if (checked === 0) return notApplicable('every disk attaches an existing disk (judged on the google_compute_disk)');
  return pass(`all ${checked} new disk(s) use a Cloud KMS key`, expected, 'disk');
};

export const GCP_COMPUTE_RULES: readonly ResourceRule[] = [
  gcpRule({
    id: 'CW-GCP-0010',
    title: 'Compute Engine VMs have no external IP address',
    description: 'A VM with an external IP is reachable from the internet wherever a firewall rule allows it. Reach VMs through IAP, a bastion or a load balancer, and use Cloud NAT for outbound traffic.',
    category: 'public-access',
    severity: 'medium',
    resourceTypes: VM_TYPES,
    controls: ['pub.compute'],
    check: noPublicIp,
    remediation: {
      text: 'Remove the access_config (and ipv6_access_config) blocks from network_interface; use Cloud NAT for egress and IAP TCP forwarding or a load balancer for ingress.',
      terraform: 'network_interface {\n  subnetwork = google_compute_subnetwork.private.id\n  # no access_config block: no external IP\n}',
      effort: 'medium',
    },
    references: [INSTANCE_DOC, 'https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address'],
    peers: { checkov: ['CKV_GCP_40'] },
    differs: 'Also applies to instance templates and to external IPv6 (ipv6_access_config).',
    fixtures: {
      pass: [
        { values: { name: 'vm', network_interface: [{ network: 'default', access_config: [] }] } },
        { type: 'google_compute_instance_template', values: { name: 't', network_interface: [{ subnetwork: 'private' }] } },
      ],
      fail: [
        { values: { name: 'vm', network_interface: [{ network: 'default', access_config: [{ network_tier: 'PREMIUM' }] }] } },
        { type: 'google_compute_instance_template', values: { name: 't', network_interface: [{ subnetwork: 's', access_config: [{}] }] } },
      ],
      unknown: [{ values: { name: 'vm' }, unknown: { network_interface: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0011',
    title: 'Compute Engine VMs use Shielded VM secure boot',
    description: 'Secure boot checks the signature of every boot component, so rootkits and bootkits cannot load. It is off unless enabled (the image must support Shielded VM).',
    category: 'best-practice',
    severity: 'medium',
    resourceTypes: VM_TYPES,
    controls: ['bp.antimalware'],
    check: attrEquals('shielded_instance_config.0.enable_secure_boot', true, { default: false }),
    remediation: {
      text: 'Add shielded_instance_config with enable_secure_boot = true (images with Shielded VM support; unsigned kernel modules will no longer load).',
      terraform: 'shielded_instance_config {\n  enable_secure_boot          = true\n  enable_vtpm                 = true\n  enable_integrity_monitoring = true\n}',
      effort: 'low',
    },
    references: [INSTANCE_DOC, 'https://cloud.google.com/compute/shielded-vm/docs/shielded-vm'],
    peers: { checkov: ['CKV_GCP_39'] },
    differs: 'Checkov CKV_GCP_39 checks vTPM and integrity monitoring; secure boot (off by default) is this rule, vTPM and integrity monitoring are CW-GCP-0012.',
    fixtures: {
      pass: [{ values: { name: 'vm', shielded_instance_config: [{ enable_secure_boot: true, enable_vtpm: true, enable_integrity_monitoring: true }] } }],
      fail: [
        { values: { name: 'vm', shielded_instance_config: [{ enable_secure_boot: false }] } },
        { values: { name: 'vm' }, note: 'not set: secure boot is off by default' },
      ],
      unknown: [{ values: { name: 'vm' }, unknown: { shielded_instance_config: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0012',
    title: 'Compute Engine VMs keep vTPM and integrity monitoring on',
    description: 'The virtual TPM measures the boot sequence and integrity monitoring compares it with a known-good baseline, so a tampered boot is detected. Both are on by default for Shielded VM images.',
    category: 'best-practice',
    severity: 'low',
    resourceTypes: VM_TYPES,
    controls: ['bp.antimalware', 'log.threat-detection'],
    check: allOf(
      attrEquals('shielded_instance_config.0.enable_vtpm', true, { default: true }),
      attrEquals('shielded_instance_config.0.enable_integrity_monitoring', true, { default: true }),
    ),
    remediation: {
      text: 'Do not set enable_vtpm or enable_integrity_monitoring to false in shielded_instance_config.',
      terraform: 'shielded_instance_config {\n  enable_vtpm                 = true\n  enable_integrity_monitoring = true\n}',
      effort: 'low',
    },
    references: [INSTANCE_DOC, 'https://cloud.google.com/compute/shielded-vm/docs/integrity-monitoring'],
    peers: { checkov: ['CKV_GCP_39'] },
    differs: 'Unset values take the provider default (true) and pass; Checkov CKV_GCP_39 fails a VM without a shielded_instance_config block.',
    fixtures: {
      pass: [{ values: { name: 'vm', shielded_instance_config: [{ enable_vtpm: true, enable_integrity_monitoring: true }] } }, { values: { name: 'vm' }, note: 'defaults: both on' }],
      fail: [{ values: { name: 'vm', shielded_instance_config: [{ enable_vtpm: true, enable_integrity_monitoring: false }] } }],
      unknown: [{ values: { name: 'vm', shielded_instance_config: [{ enable_vtpm: true }] }, unknown: { shielded_instance_config: [{ enable_integrity_monitoring: true }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0013',
    title: 'Compute Engine VMs use OS Login',
    description:
      'OS Login ties SSH access to IAM identities (with 2-step verification and central revocation) instead of SSH keys pasted into metadata, which nobody reviews and which outlive the people who own them.',
    category: 'identity-access',
    severity: 'medium',
    resourceTypes: VM_TYPES,
    controls: ['iam.central-auth', 'iam.static-credentials'],
    check: osLoginOnVm,
    remediation: {
      text: 'Set metadata enable-oslogin = "TRUE" in project metadata (google_compute_project_metadata_item) or on the VM, and grant roles/compute.osLogin to the people who need SSH.',
      terraform: 'metadata = {\n  enable-oslogin = "TRUE"\n}',
      effort: 'low',
    },
    references: [INSTANCE_DOC, 'https://cloud.google.com/compute/docs/oslogin/set-up-oslogin'],
    peers: { checkov: ['CKV_GCP_34'] },
    differs:
      'Checkov CKV_GCP_34 only fails a VM that sets enable-oslogin = FALSE. This rule also fails a VM that does not set it when no project metadata in the plan enables OS Login; where project metadata or the compute.requireOsLogin organisation policy is managed elsewhere, waive it.',
    fixtures: {
      pass: [
        { values: { name: 'vm', metadata: { 'enable-oslogin': 'TRUE' } } },
        {
          values: { name: 'vm', metadata: {} },
          related: [{ type: PROJECT_METADATA_ITEM, values: { key: 'enable-oslogin', value: 'TRUE' }, refersToSubject: false }],
          note: 'inherited from project metadata in the same plan',
        },
      ],
      fail: [{ values: { name: 'vm', metadata: { 'enable-oslogin': 'FALSE' } } }, { values: { name: 'vm', metadata: {} }, note: 'not set anywhere in the plan' }],
      unknown: [{ values: { name: 'vm' }, unknown: { metadata: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0014',
    title: 'Project metadata enables OS Login',
    description: 'enable-oslogin = TRUE in project metadata turns OS Login on for every VM of the project that does not override it, replacing metadata SSH keys with IAM-controlled access.',
    category: 'identity-access',
    severity: 'medium',
    resourceTypes: [PROJECT_METADATA, PROJECT_METADATA_ITEM],
    controls: ['iam.central-auth', 'iam.static-credentials'],
    check: osLoginOnProject,
    remediation: {
      text: 'Set enable-oslogin = "TRUE" in the project metadata.',
      terraform: 'resource "google_compute_project_metadata_item" "oslogin" {\n  key   = "enable-oslogin"\n  value = "TRUE"\n}',
      effort: 'low',
    },
    references: [`${REGISTRY}/compute_project_metadata`, 'https://cloud.google.com/compute/docs/oslogin/set-up-oslogin'],
    peers: { checkov: ['CKV_GCP_33'] },
    differs: 'Also reads google_compute_project_metadata_item (the item for enable-oslogin; items for other keys are not applicable).',
    fixtures: {
      pass: [{ values: { metadata: { 'enable-oslogin': 'TRUE' } } }, { type: PROJECT_METADATA_ITEM, values: { key: 'enable-oslogin', value: 'TRUE' } }],
      fail: [{ values: { metadata: { 'serial-port-enable': 'false' } } }, { type: PROJECT_METADATA_ITEM, values: { key: 'enable-oslogin', value: 'FALSE' } }],
      unknown: [{ type: PROJECT_METADATA_ITEM, values: { key: 'enable-oslogin' }, unknown: { value: true } }],
      notApplicable: [{ type: PROJECT_METADATA_ITEM, values: { key: 'startup-script', value: 'echo hi' } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0015',
    title: 'Compute Engine VMs block project-wide SSH keys',
    description: 'Project-wide SSH keys in metadata open every VM of the project to their holders. Blocking them limits a VM to its own keys (or to OS Login).',
    category: 'identity-access',
    severity: 'medium',
    resourceTypes: VM_TYPES,
    controls: ['iam.static-credentials', 'iam.least-privilege'],
    check: blockProjectSshKeys,
    remediation: {
      text: 'Set metadata block-project-ssh-keys = "TRUE" on the VM, or enable OS Login (which ignores metadata SSH keys).',
      terraform: 'metadata = {\n  block-project-ssh-keys = "TRUE"\n}',
      effort: 'low',
    },
    references: [INSTANCE_DOC, 'https://cloud.google.com/compute/docs/connect/restrict-ssh-keys'],
    peers: { checkov: ['CKV_GCP_32'] },
    differs: 'A VM with enable-oslogin = TRUE passes: with OS Login on, Compute Engine does not accept metadata SSH keys at all.',
    fixtures: {
      pass: [{ values: { name: 'vm', metadata: { 'block-project-ssh-keys': 'TRUE' } } }, { values: { name: 'vm', metadata: { 'enable-oslogin': 'TRUE' } }, note: 'OS Login on' }],
      fail: [{ values: { name: 'vm', metadata: { 'block-project-ssh-keys': 'false' } } }, { values: { name: 'vm', metadata: {} } }],
      unknown: [{ values: { name: 'vm', metadata: {} }, unknown: { metadata: { 'block-project-ssh-keys': true } } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0016',
    title: 'Interactive serial console access is disabled',
    description: 'The interactive serial console accepts connections from any IP address (authenticated by SSH key) and bypasses firewall rules, so it must stay off except while debugging.',
    category: 'network-exposure',
    severity: 'medium',
    resourceTypes: [...VM_TYPES, PROJECT_METADATA, PROJECT_METADATA_ITEM],
    controls: ['net.admin-ports'],
    check: serialPortDisabled,
    remediation: {
      text: 'Remove serial-port-enable from the metadata (or set it to "FALSE"); enable it only temporarily when debugging a VM that does not boot.',
      terraform: 'metadata = {\n  serial-port-enable = "FALSE"\n}',
      effort: 'low',
    },
    references: [INSTANCE_DOC, 'https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console'],
    peers: { checkov: ['CKV_GCP_35'] },
    differs: 'Also checks project metadata, which turns the serial console on for every VM of the project.',
    fixtures: {
      pass: [{ values: { name: 'vm', metadata: { 'serial-port-enable': 'FALSE' } } }, { values: { name: 'vm', metadata: {} }, note: 'disabled by default' }],
      fail: [{ values: { name: 'vm', metadata: { 'serial-port-enable': 'true' } } }, { type: PROJECT_METADATA, values: { metadata: { 'serial-port-enable': 'TRUE' } } }],
      unknown: [{ values: { name: 'vm' }, unknown: { metadata: true } }],
      notApplicable: [{ type: PROJECT_METADATA_ITEM, values: { key: 'enable-oslogin', value: 'TRUE' } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0017',
    title: 'Compute Engine VMs do not forward IP packets',
    description: 'can_ip_forward lets a VM send and receive packets for addresses that are not its own, so it can route or spoof traffic. Only NAT and routing appliances need it.',
    category: 'network-exposure',
    severity: 'medium',
    resourceTypes: VM_TYPES,
    controls: ['net.least-privilege'],
    check: attrEquals('can_ip_forward', false, { default: false }),
    remediation: {
      text: 'Set can_ip_forward = false (the default) unless the VM is a routing appliance; waive the rule for those.',
      terraform: 'can_ip_forward = false',
      effort: 'low',
    },
    references: [INSTANCE_DOC, 'https://cloud.google.com/vpc/docs/using-routes#canipforward'],
    peers: { checkov: ['CKV_GCP_36'] },
    fixtures: {
      pass: [{ values: { name: 'vm', can_ip_forward: false } }, { values: { name: 'vm' } }],
      fail: [{ values: { name: 'vm', can_ip_forward: true } }],
      unknown: [{ values: { name: 'vm' }, unknown: { can_ip_forward: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0018',
    title: 'VMs do not run as the default service account with full API access',
    description:
      'The default Compute Engine service account has the Editor role on the project in most projects; with the cloud-platform scope, anyone who gets onto the VM can change almost anything in the project.',
    category: 'identity-access',
    severity: 'high',
    resourceTypes: VM_TYPES,
    controls: ['iam.default-service-account', 'iam.least-privilege'],
    check: defaultServiceAccount(true),
    remediation: {
      text: 'Run the VM as a dedicated service account holding only the roles it needs (cloud-platform scope is then fine), or restrict the scopes of the default account.',
      terraform: 'service_account {\n  email  = google_service_account.app.email\n  scopes = ["cloud-platform"]\n}',
      effort: 'medium',
    },
    references: [INSTANCE_DOC, 'https://cloud.google.com/compute/docs/access/service-accounts#default_service_account'],
    peers: { checkov: ['CKV_GCP_31'] },
    differs: 'An email known only after apply passes when it comes from a google_service_account of the plan (a dedicated account), and is unknown otherwise.',
    fixtures: {
      pass: [
        { values: { name: 'vm', service_account: [{ email: 'app@p.iam.gserviceaccount.com', scopes: ['https://www.googleapis.com/auth/cloud-platform'] }] } },
        { values: { name: 'vm', service_account: [{ email: '123-compute@developer.gserviceaccount.com', scopes: ['https://www.googleapis.com/auth/logging.write'] }] } },
        { values: { name: 'vm', service_account: [] }, note: 'no service account at all' },
        {
          values: { name: 'vm', service_account: [{ scopes: ['cloud-platform'] }] },
          unknown: { service_account: [{ email: true }] },
          related: [{ type: 'google_service_account', values: { account_id: 'app' }, referencedBySubject: true, refersToSubject: false }],
          note: 'email from a service account created in the plan',
        },
      ],
      fail: [
        { values: { name: 'vm', service_account: [{ email: '123456789-compute@developer.gserviceaccount.com', scopes: ['cloud-platform'] }] } },
        { type: 'google_compute_instance_template', values: { name: 't', service_account: [{ scopes: ['https://www.googleapis.com/auth/cloud-platform'] }] }, note: 'email unset: default account' },
      ],
      unknown: [{ values: { name: 'vm', service_account: [{ scopes: ['cloud-platform'] }] }, unknown: { service_account: [{ email: true }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0019',
    title: 'VMs do not run as the default Compute Engine service account',
    description: 'The default service account is shared by every VM of the project and usually holds the Editor role; a dedicated account per workload keeps each VM to the permissions it needs.',
    category: 'identity-access',
    severity: 'medium',
    resourceTypes: VM_TYPES,
    controls: ['iam.default-service-account'],
    check: defaultServiceAccount(false),
    remediation: {
      text: 'Create a service account for the workload, grant it the roles it needs, and set service_account.email to it.',
      terraform: 'service_account {\n  email  = google_service_account.app.email\n  scopes = ["cloud-platform"]\n}',
      effort: 'medium',
    },
    references: [INSTANCE_DOC, 'https://cloud.google.com/compute/docs/access/create-enable-service-accounts-for-instances'],
    peers: { checkov: ['CKV_GCP_30'] },
    differs: 'A VM without a service_account block (no credentials at all) passes; Checkov fails it.',
    fixtures: {
      pass: [{ values: { name: 'vm', service_account: [{ email: 'app@p.iam.gserviceaccount.com', scopes: ['cloud-platform'] }] } }, { values: { name: 'vm', service_account: [] } }],
      fail: [
        { values: { name: 'vm', service_account: [{ email: '123456789-compute@developer.gserviceaccount.com', scopes: ['logging-write'] }] } },
        { values: { name: 'vm', service_account: [{ email: 'default', scopes: ['logging-write'] }] } },
      ],
      unknown: [{ values: { name: 'vm', service_account: [{ scopes: ['logging-write'] }] }, unknown: { service_account: [{ email: true }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0020',
    title: 'VM boot disks use customer-managed or customer-supplied keys',
    description:
      'Persistent disks are always encrypted with Google-managed keys; a Cloud KMS key (CMEK) or a customer-supplied key (CSEK) lets you control, rotate and revoke the key of sensitive VMs.',
    category: 'encryption-at-rest',
    severity: 'medium',
    resourceTypes: VM_TYPES,
    controls: ['ear.customer-managed-key'],
    check: (ctx) => (ctx.resource.type === INSTANCE ? instanceBootDiskCmk(ctx) : templateDisksCmk(ctx)),
    remediation: {
      text: 'Set boot_disk.kms_key_self_link (instances) or disk.disk_encryption_key.kms_key_self_link (templates) to a Cloud KMS key the Compute Engine service agent may use. Disks are encrypted at creation only.',
      terraform: 'boot_disk {\n  kms_key_self_link = google_kms_crypto_key.disk.id\n  initialize_params {\n    image = "debian-cloud/debian-12"\n  }\n}',
      effort: 'medium',
    },
    references: [INSTANCE_DOC, TEMPLATE_DOC, 'https://cloud.google.com/compute/docs/disks/customer-managed-encryption'],
    peers: { checkov: ['CKV_GCP_38'] },
    differs: 'CMEK (kms_key_self_link) and CSEK both pass; only the key ownership is judged, disks are encrypted at rest either way. Template disks that attach an existing disk (source) are judged on that google_compute_disk.',
    fixtures: {
      pass: [
        { values: { name: 'vm', boot_disk: [{ kms_key_self_link: 'projects/p/locations/l/keyRings/r/cryptoKeys/k' }] } },
        { values: { name: 'vm', boot_disk: [{ disk_encryption_key_raw: 'SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0=' }] }, note: 'CSEK' },
        { type: 'google_compute_instance_template', values: { name: 't', disk: [{ boot: true, disk_encryption_key: [{ kms_key_self_link: 'projects/p/locations/l/keyRings/r/cryptoKeys/k' }] }] } },
      ],
      fail: [
        { values: { name: 'vm', boot_disk: [{ initialize_params: [{ image: 'debian-cloud/debian-12' }] }] } },
        { type: 'google_compute_instance_template', values: { name: 't', disk: [{ boot: true, source_image: 'debian-cloud/debian-12', disk_encryption_key: [] }] } },
      ],
      unknown: [{ values: { name: 'vm', boot_disk: [{}] }, unknown: { boot_disk: [{ kms_key_self_link: true }] } }],
      notApplicable: [{ type: 'google_compute_instance_template', values: { name: 't', disk: [{ source: 'projects/p/zones/z/disks/data' }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0021',
    title: 'Persistent disks use customer-managed or customer-supplied keys',
    description: 'Persistent disks are always encrypted with Google-managed keys; a Cloud KMS key (CMEK) or customer-supplied key (CSEK) gives you control over the key of sensitive data.',
    category: 'encryption-at-rest',
    severity: 'medium',
    resourceTypes: ['google_compute_disk', 'google_compute_region_disk'],
    controls: ['ear.customer-managed-key'],
    check: anySet(
      ['disk_encryption_key.0.kms_key_self_link', 'disk_encryption_key.0.kms_key_name', 'disk_encryption_key.0.raw_key', 'disk_encryption_key.0.rsa_encrypted_key'],
      'disk_encryption_key with kms_key_self_link (CMEK) or raw_key / rsa_encrypted_key (CSEK)',
    ),
    remediation: {
      text: 'Add a disk_encryption_key block with a Cloud KMS key. A disk is encrypted at creation: snapshot it and create a new disk with the key.',
      terraform: 'disk_encryption_key {\n  kms_key_self_link = google_kms_crypto_key.disk.id\n}',
      effort: 'medium',
    },
    references: [`${REGISTRY}/compute_disk`, 'https://cloud.google.com/compute/docs/disks/customer-managed-encryption'],
    peers: { checkov: ['CKV_GCP_37'] },
    differs: 'Accepts kms_key_self_link and kms_key_name spellings, and CSEK keys; a disk without any is still encrypted at rest with Google-managed keys.',
    fixtures: {
      pass: [{ values: { name: 'd', disk_encryption_key: [{ kms_key_self_link: 'projects/p/locations/l/keyRings/r/cryptoKeys/k' }] } }],
      fail: [{ values: { name: 'd', disk_encryption_key: [] } }],
      unknown: [{ values: { name: 'd', disk_encryption_key: [{}] }, unknown: { disk_encryption_key: [{ kms_key_self_link: true }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0022',
    title: 'Disk images, snapshots and disks are not shared with allUsers or allAuthenticatedUsers',
    description: 'An image, snapshot or disk shared publicly lets anyone create a disk from it and read everything it contains — often credentials and application data.',
    category: 'public-access',
    severity: 'high',
    resourceTypes: iamTypes('google_compute_image', 'google_compute_snapshot', 'google_compute_disk', 'google_compute_region_disk', 'google_compute_machine_image'),
    controls: ['pub.snapshot'],
    check: noPublicMembers('image, snapshot or disk'),
    remediation: {
      text: 'Share images and snapshots with named principals or projects only; never with allUsers or allAuthenticatedUsers.',
      terraform: 'member = "serviceAccount:builder@p.iam.gserviceaccount.com"',
      effort: 'low',
    },
    references: [`${REGISTRY}/compute_image_iam`, 'https://cloud.google.com/compute/docs/images/managing-access-custom-images'],
    fixtures: {
      pass: [{ type: 'google_compute_image_iam_member', values: { image: 'img', role: 'roles/compute.imageUser', member: 'group:builders@example.com' } }],
      fail: [
        { type: 'google_compute_image_iam_member', values: { image: 'img', role: 'roles/compute.imageUser', member: 'allAuthenticatedUsers' } },
        { type: 'google_compute_snapshot_iam_binding', values: { name: 's', role: 'roles/compute.storageAdmin', members: ['allUsers'] } },
      ],
      unknown: [{ type: 'google_compute_image_iam_binding', values: { image: 'img', role: 'roles/compute.imageUser' }, unknown: { members: true } }],
    },
  }),
];
