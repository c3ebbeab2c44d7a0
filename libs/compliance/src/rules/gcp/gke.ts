import type { ResourceValues } from '@cloudwright/terraform-plan';
import type { ResourceCheckContext, ResourceRule } from '../../model';
import { attrCheck, attrEquals, fail, isNonEmpty, onlyIf, pass, show, unknown, type ResourceCheck } from '../common/checks';
import { anyInternetSource } from '../common/network';
import { REGISTRY, anySet, blockState, gcpRule, serviceAccountKind } from './helpers';

const CLUSTER = 'google_container_cluster';
const NODE_POOL = 'google_container_node_pool';
const CLUSTER_DOC = `${REGISTRY}/container_cluster`;
const NODE_POOL_DOC = `${REGISTRY}/container_node_pool`;
const HARDENING = 'https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster';

const isTrue = (v: unknown): boolean => v === true || v === 'true';

/** Known true → 'yes', unknown → 'unknown', else 'no'. */
function flag(values: ResourceValues, path: string): 'yes' | 'no' | 'unknown' {
  const v = values.get(path);
  if (v.state === 'unknown') return 'unknown';
  return v.state === 'known' && isTrue(v.value) ? 'yes' : 'no';
}

/** Autopilot clusters: Google enforces the setting, so the rule passes. */
function autopilotPasses(check: ResourceCheck, what: string): ResourceCheck {
  return (ctx) => {
    const autopilot = flag(ctx.values, 'enable_autopilot');
    if (autopilot === 'yes') return pass(`enable_autopilot = true (${what} always on in Autopilot)`, what, 'enable_autopilot');
    const result = check(ctx);
    if (result.status === 'fail' && autopilot === 'unknown') return unknown('enable_autopilot', result.expected ?? what);
    return result;
  };
}

/** Node settings: node pools, and the default node pool of a Standard cluster that keeps it. */
const nodeConfigApplies = (ctx: ResourceCheckContext): boolean | 'unknown' => {
  if (ctx.resource.type !== CLUSTER) return true;
  const autopilot = flag(ctx.values, 'enable_autopilot');
  const removed = flag(ctx.values, 'remove_default_node_pool');
  if (autopilot === 'yes' || removed === 'yes') return false;
  // inline node_pool blocks replace the default pool (a computed, unknown node_pool means none was configured)
  if (blockState(ctx.values, 'node_pool') === 'present') return false;
  if (autopilot === 'unknown' || removed === 'unknown') return 'unknown';
  return true;
};
const NODE_NA = 'Autopilot cluster, default node pool removed, or inline node_pool blocks (node pools are judged on google_container_node_pool)';

const restrictedEndpoint: ResourceCheck = (ctx) => {
  const expected = 'master_authorized_networks_config without 0.0.0.0/0, or a private endpoint';
  const privateEndpoint = flag(ctx.values, 'private_cluster_config.0.enable_private_endpoint');
  if (privateEndpoint === 'yes') return pass('private_cluster_config.enable_private_endpoint = true', expected, 'private_cluster_config.0.enable_private_endpoint');
  const state = blockState(ctx.values, 'master_authorized_networks_config');
  if (state === 'unknown') return unknown('master_authorized_networks_config', expected);
  if (state === 'absent') {
    if (privateEndpoint === 'unknown') return unknown('private_cluster_config.0.enable_private_endpoint', expected);
    return fail('no master_authorized_networks_config: the public endpoint accepts any source address', expected, 'master_authorized_networks_config');
  }
  if (ctx.values.get('master_authorized_networks_config.0.cidr_blocks').state === 'unknown') return unknown('master_authorized_networks_config.cidr_blocks', expected);
  const blocks = ctx.values.blocks('master_authorized_networks_config.0.cidr_blocks');
  const cidrs: unknown[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const cidr = ctx.values.get(['master_authorized_networks_config', 0, 'cidr_blocks', i, 'cidr_block']);
    if (cidr.state === 'unknown') return unknown(`master_authorized_networks_config.cidr_blocks.${i}.cidr_block`, expected);
    if (cidr.state === 'known') cidrs.push(cidr.value);
  }
  if (anyInternetSource(cidrs)) return fail(`master_authorized_networks_config allows ${show(cidrs)}`, expected, 'master_authorized_networks_config.0.cidr_blocks');
  return pass(`master_authorized_networks_config allows ${show(cidrs)}`, expected, 'master_authorized_networks_config.0.cidr_blocks');
};

const networkPolicy: ResourceCheck = (ctx) => {
  const expected = 'network_policy.enabled = true or datapath_provider = "ADVANCED_DATAPATH" (Dataplane V2)';
  const autopilot = flag(ctx.values, 'enable_autopilot');
  if (autopilot === 'yes') return pass('enable_autopilot = true (Dataplane V2 enforces network policy)', expected, 'enable_autopilot');
  const enabled = flag(ctx.values, 'network_policy.0.enabled');
  if (enabled === 'yes') return pass(`network_policy.enabled = true (provider ${show(ctx.values.value('network_policy.0.provider'))})`, expected, 'network_policy.0.enabled');
  const datapath = ctx.values.get('datapath_provider');
  if (datapath.state === 'known' && String(datapath.value).toUpperCase() === 'ADVANCED_DATAPATH') return pass('datapath_provider = "ADVANCED_DATAPATH"', expected, 'datapath_provider');
  if (datapath.state === 'unknown') return unknown('datapath_provider', expected);
  if (enabled === 'unknown') return unknown('network_policy.0.enabled', expected);
  if (autopilot === 'unknown') return unknown('enable_autopilot', expected);
  return fail(`network policy not enforced (datapath_provider = ${show(datapath.state === 'known' ? datapath.value : undefined)})`, expected, 'network_policy');
};

const legacyAuth: ResourceCheck = (ctx) => {
  const expected = 'no client certificate and no basic-auth username on master_auth';
  const cert = ctx.values.get('master_auth.0.client_certificate_config.0.issue_client_certificate');
  if (cert.state === 'known' && isTrue(cert.value)) return fail('master_auth.client_certificate_config.issue_client_certificate = true', expected, 'master_auth.0.client_certificate_config');
  const user = ctx.values.get('master_auth.0.username');
  if (user.state === 'known' && isNonEmpty(user.value)) return fail(`master_auth.username = ${show(user.value)} (basic authentication)`, expected, 'master_auth.0.username');
  if (cert.state === 'unknown') return unknown('master_auth.0.client_certificate_config.0.issue_client_certificate', expected);
  if (user.state === 'unknown') return unknown('master_auth.0.username', expected);
  return pass('no client certificate, no basic authentication', expected, 'master_auth');
};

function serviceNotNone(serviceAttr: string, configAttr: string, what: string): ResourceCheck {
  const expected = `${serviceAttr} not "none" and ${configAttr}.enable_components not empty`;
  return (ctx) => {
    const service = ctx.values.get(serviceAttr);
    if (service.state === 'known' && String(service.value).toLowerCase() === 'none') return fail(`${serviceAttr} = "none" (${what} disabled)`, expected, serviceAttr);
    const components = ctx.values.get(`${configAttr}.0.enable_components`);
    if (components.state === 'known' && Array.isArray(components.value) && components.value.length === 0) {
      return fail(`${configAttr}.enable_components = [] (${what} disabled)`, expected, `${configAttr}.0.enable_components`);
    }
    if (service.state === 'unknown') return unknown(serviceAttr, expected);
    if (components.state === 'unknown') return unknown(`${configAttr}.0.enable_components`, expected);
    return pass(service.state === 'known' ? `${serviceAttr} = ${show(service.value)}` : `${serviceAttr} not set (GKE default: Cloud ${what} on)`, expected, serviceAttr);
  };
}

const binaryAuthorization: ResourceCheck = (ctx) => {
  const expected = 'binary_authorization.evaluation_mode = "PROJECT_SINGLETON_POLICY_ENFORCE"';
  const mode = ctx.values.get('binary_authorization.0.evaluation_mode');
  if (mode.state === 'known' && String(mode.value).toUpperCase() === 'PROJECT_SINGLETON_POLICY_ENFORCE') return pass(`evaluation_mode = ${show(mode.value)}`, expected, 'binary_authorization.0.evaluation_mode');
  const legacy = [flag(ctx.values, 'binary_authorization.0.enabled'), flag(ctx.values, 'enable_binary_authorization')];
  if (legacy.includes('yes')) return pass('binary authorization enabled (legacy flag)', expected, 'enable_binary_authorization');
  if (mode.state === 'unknown' || legacy.includes('unknown')) return unknown('binary_authorization', expected);
  return fail(mode.state === 'known' ? `binary_authorization.evaluation_mode = ${show(mode.value)}` : 'binary authorization not enabled', expected, 'binary_authorization');
};

const nodeServiceAccount: ResourceCheck = (ctx) => {
  const expected = 'node_config.service_account set to a dedicated least-privilege service account';
  const email = ctx.values.get('node_config.0.service_account');
  const kind = serviceAccountKind(ctx, email);
  if (kind === 'unknown') return unknown('node_config.0.service_account', expected);
  if (kind === 'custom') {
    return pass(email.state === 'known' ? `node_config.service_account = ${show(email.value)}` : 'node_config.service_account refers to a google_service_account of the plan', expected, 'node_config.0.service_account');
  }
  return fail(
    email.state === 'known' ? `node_config.service_account = ${show(email.value)}` : 'node_config.service_account not set (Compute Engine default service account)',
    expected,
    'node_config.0.service_account',
  );
};

/** Workload Identity on the node pool's cluster (or the cluster itself). */
function clusterWorkloadIdentity(ctx: ResourceCheckContext): 'yes' | 'no' | 'unknown' {
  const clusters = ctx.resource.type === CLUSTER ? [ctx.resource] : ctx.referenced(CLUSTER);
  let sawUnknown = false;
  for (const cluster of clusters) {
    for (const path of ['workload_identity_config.0.workload_pool', 'workload_identity_config.0.identity_namespace']) {
      const v = cluster.values.get(path);
      if (v.state === 'known' && isNonEmpty(v.value)) return 'yes';
      if (v.state === 'unknown') sawUnknown = true;
    }
  }
  return sawUnknown ? 'unknown' : 'no';
}

const GKE_METADATA = new Set(['GKE_METADATA', 'GKE_METADATA_SERVER']);
const metadataServer: ResourceCheck = (ctx) => {
  const expected = 'node_config.workload_metadata_config.mode = "GKE_METADATA"';
  let mode = ctx.values.get('node_config.0.workload_metadata_config.0.mode');
  let attr = 'node_config.0.workload_metadata_config.0.mode';
  if (mode.state === 'absent') {
    mode = ctx.values.get('node_config.0.workload_metadata_config.0.node_metadata');
    attr = 'node_config.0.workload_metadata_config.0.node_metadata';
  }
  if (mode.state === 'unknown') return unknown(attr, expected);
  if (mode.state === 'known') {
    return GKE_METADATA.has(String(mode.value).toUpperCase()) ? pass(`${attr} = ${show(mode.value)}`, expected, attr) : fail(`${attr} = ${show(mode.value)}`, expected, attr);
  }
  const wi = clusterWorkloadIdentity(ctx);
  if (wi === 'yes') return pass('not set: node pools of a cluster with Workload Identity default to GKE_METADATA', expected, attr);
  if (wi === 'unknown') return unknown('workload_identity_config', expected);
  return fail('workload_metadata_config not set and the cluster has no Workload Identity (nodes expose the Compute Engine metadata server)', expected, attr);
};

export const GCP_GKE_RULES: readonly ResourceRule[] = [
  gcpRule({
    id: 'CW-GCP-0037',
    title: 'GKE clusters use private nodes',
    description: 'With private nodes, node VMs get internal IP addresses only and are not reachable from the internet; egress goes through Cloud NAT.',
    category: 'kubernetes-security',
    severity: 'medium',
    resourceTypes: [CLUSTER],
    controls: ['k8s.private-nodes', 'pub.compute'],
    check: attrEquals('private_cluster_config.0.enable_private_nodes', true, { default: false }),
    remediation: {
      text: 'Set private_cluster_config.enable_private_nodes = true (with a master_ipv4_cidr_block) and add Cloud NAT for egress. Changing it recreates the cluster on older GKE versions.',
      terraform: 'private_cluster_config {\n  enable_private_nodes    = true\n  enable_private_endpoint = false\n  master_ipv4_cidr_block  = "172.16.0.0/28"\n}',
      effort: 'high',
    },
    references: [CLUSTER_DOC, 'https://cloud.google.com/kubernetes-engine/docs/how-to/private-clusters'],
    peers: { checkov: ['CKV_GCP_25', 'CKV_GCP_64'] },
    differs: 'Checks enable_private_nodes itself; the Checkov checks pass any private_cluster_config block.',
    fixtures: {
      pass: [{ values: { name: 'c', private_cluster_config: [{ enable_private_nodes: true, enable_private_endpoint: false }] } }],
      fail: [{ values: { name: 'c', private_cluster_config: [{ enable_private_nodes: false }] } }, { values: { name: 'c' } }],
      unknown: [{ values: { name: 'c' }, unknown: { private_cluster_config: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0038',
    title: 'GKE control-plane endpoint is restricted to authorized networks',
    description: 'Without master authorized networks (or a private endpoint), the Kubernetes API of the cluster accepts connections from any address on the internet, leaving only authentication between attackers and the cluster.',
    category: 'kubernetes-security',
    severity: 'high',
    resourceTypes: [CLUSTER],
    controls: ['k8s.private-endpoint', 'pub.authorized-networks'],
    check: restrictedEndpoint,
    remediation: {
      text: 'Add master_authorized_networks_config listing the admin and CI networks (never 0.0.0.0/0), or make the endpoint private.',
      terraform: 'master_authorized_networks_config {\n  cidr_blocks {\n    cidr_block   = "203.0.113.0/24"\n    display_name = "office"\n  }\n}',
      effort: 'medium',
    },
    references: [CLUSTER_DOC, 'https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks'],
    peers: { checkov: ['CKV_GCP_20'] },
    differs: 'A block listing 0.0.0.0/0 fails (Checkov passes any block); a private endpoint passes without the block.',
    fixtures: {
      pass: [
        { values: { name: 'c', master_authorized_networks_config: [{ cidr_blocks: [{ cidr_block: '10.0.0.0/8', display_name: 'internal' }] }] } },
        { values: { name: 'c', private_cluster_config: [{ enable_private_nodes: true, enable_private_endpoint: true }] } },
      ],
      fail: [
        { values: { name: 'c', master_authorized_networks_config: [] } },
        { values: { name: 'c', master_authorized_networks_config: [{ cidr_blocks: [{ cidr_block: '0.0.0.0/0', display_name: 'all' }] }] } },
      ],
      unknown: [{ values: { name: 'c', master_authorized_networks_config: [{}] }, unknown: { master_authorized_networks_config: [{ cidr_blocks: true }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0039',
    title: 'GKE clusters enforce Kubernetes network policy',
    description: 'Without network policy enforcement every pod can reach every other pod, so one compromised workload can probe the whole cluster.',
    category: 'kubernetes-security',
    severity: 'medium',
    resourceTypes: [CLUSTER],
    controls: ['k8s.network-policy'],
    check: networkPolicy,
    remediation: {
      text: 'Use Dataplane V2 (datapath_provider = "ADVANCED_DATAPATH", which enforces network policy) or enable the Calico network_policy add-on, then write NetworkPolicies.',
      terraform: 'datapath_provider = "ADVANCED_DATAPATH"',
      effort: 'medium',
    },
    references: [CLUSTER_DOC, 'https://cloud.google.com/kubernetes-engine/docs/how-to/dataplane-v2'],
    peers: { checkov: ['CKV_GCP_12'] },
    differs: 'Dataplane V2 (ADVANCED_DATAPATH) and Autopilot clusters pass: they enforce network policy without the network_policy block, which Checkov requires.',
    fixtures: {
      pass: [
        { values: { name: 'c', network_policy: [{ enabled: true, provider: 'CALICO' }] } },
        { values: { name: 'c', datapath_provider: 'ADVANCED_DATAPATH', network_policy: [] } },
        { values: { name: 'c', enable_autopilot: true } },
      ],
      fail: [{ values: { name: 'c', datapath_provider: 'LEGACY_DATAPATH', network_policy: [{ enabled: false }] } }],
      unknown: [{ values: { name: 'c', network_policy: [] }, unknown: { datapath_provider: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0040',
    title: 'GKE clusters enable Workload Identity',
    description: 'Workload Identity gives each Kubernetes service account its own Google identity, instead of every pod sharing the node service account or mounting exported keys.',
    category: 'kubernetes-security',
    severity: 'medium',
    resourceTypes: [CLUSTER],
    controls: ['k8s.workload-identity', 'iam.managed-identity'],
    check: autopilotPasses(
      anySet(['workload_identity_config.0.workload_pool', 'workload_identity_config.0.identity_namespace'], 'workload_identity_config.workload_pool = "<project>.svc.id.goog"'),
      'Workload Identity',
    ),
    remediation: {
      text: 'Set workload_identity_config.workload_pool to "<project-id>.svc.id.goog" and run node pools with workload_metadata_config mode GKE_METADATA.',
      terraform: 'workload_identity_config {\n  workload_pool = "${var.project_id}.svc.id.goog"\n}',
      effort: 'medium',
    },
    references: [CLUSTER_DOC, 'https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity'],
    differs: 'Accepts the provider 3.x name identity_namespace; Autopilot clusters (always on) pass.',
    fixtures: {
      pass: [{ values: { name: 'c', workload_identity_config: [{ workload_pool: 'p.svc.id.goog' }] } }, { values: { name: 'c', enable_autopilot: true } }],
      fail: [{ values: { name: 'c', workload_identity_config: [] } }],
      unknown: [{ values: { name: 'c', workload_identity_config: [{}] }, unknown: { workload_identity_config: [{ workload_pool: true }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0041',
    title: 'GKE legacy ABAC authorization is disabled',
    description: 'Legacy ABAC grants broad static permissions that RBAC cannot restrict; with it on, RBAC roles are not the whole story of who can do what.',
    category: 'kubernetes-security',
    severity: 'high',
    resourceTypes: [CLUSTER],
    controls: ['k8s.rbac', 'k8s.legacy-auth'],
    check: attrEquals('enable_legacy_abac', false, { default: false }),
    remediation: { text: 'Set enable_legacy_abac = false (the default) and grant access with Kubernetes RBAC.', terraform: 'enable_legacy_abac = false', effort: 'low' },
    references: [CLUSTER_DOC, HARDENING],
    peers: { checkov: ['CKV_GCP_7'] },
    fixtures: {
      pass: [{ values: { name: 'c', enable_legacy_abac: false } }, { values: { name: 'c' } }],
      fail: [{ values: { name: 'c', enable_legacy_abac: true } }],
      unknown: [{ values: { name: 'c' }, unknown: { enable_legacy_abac: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0042',
    title: 'GKE clusters issue no client certificates and use no basic authentication',
    description: 'Client certificates and basic-auth passwords are static credentials that cannot be revoked without rotating the cluster CA; authenticate with Google identities instead.',
    category: 'kubernetes-security',
    severity: 'medium',
    resourceTypes: [CLUSTER],
    controls: ['k8s.legacy-auth', 'iam.static-credentials'],
    check: legacyAuth,
    remediation: {
      text: 'Set master_auth.client_certificate_config.issue_client_certificate = false (the default) and remove username/password from master_auth.',
      terraform: 'master_auth {\n  client_certificate_config {\n    issue_client_certificate = false\n  }\n}',
      effort: 'medium',
    },
    references: [CLUSTER_DOC, HARDENING],
    peers: { checkov: ['CKV_GCP_13'] },
    differs: 'Also fails basic authentication (master_auth.username, provider 3.x), and passes when master_auth is not set (no client certificate by default).',
    fixtures: {
      pass: [{ values: { name: 'c', master_auth: [{ client_certificate_config: [{ issue_client_certificate: false }] }] } }, { values: { name: 'c' } }],
      fail: [
        { values: { name: 'c', master_auth: [{ client_certificate_config: [{ issue_client_certificate: true }] }] } },
        { values: { name: 'c', master_auth: [{ username: 'admin', password: 'secret-password-1234' }] } },
      ],
      unknown: [{ values: { name: 'c', master_auth: [{ client_certificate_config: [{}] }] }, unknown: { master_auth: [{ client_certificate_config: [{ issue_client_certificate: true }] }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0043',
    title: 'GKE encrypts Kubernetes secrets with a Cloud KMS key',
    description: 'Application-layer secrets encryption encrypts Secrets in etcd with a key you control, so a copy of etcd (or a backup) does not reveal them.',
    category: 'kubernetes-security',
    severity: 'medium',
    resourceTypes: [CLUSTER],
    controls: ['k8s.secrets-encryption', 'ear.customer-managed-key'],
    check: attrCheck({
      attr: 'database_encryption.0.state',
      test: (v) => typeof v === 'string' && v.toUpperCase() === 'ENCRYPTED',
      expected: 'database_encryption.state = "ENCRYPTED" with a Cloud KMS key_name',
      absent: { default: 'DECRYPTED' },
    }),
    remediation: {
      text: 'Add database_encryption with state ENCRYPTED and a Cloud KMS key in the cluster region (the GKE service agent needs Encrypter/Decrypter on it).',
      terraform: 'database_encryption {\n  state    = "ENCRYPTED"\n  key_name = google_kms_crypto_key.gke.id\n}',
      effort: 'medium',
    },
    references: [CLUSTER_DOC, 'https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets'],
    fixtures: {
      pass: [{ values: { name: 'c', database_encryption: [{ state: 'ENCRYPTED', key_name: 'projects/p/locations/l/keyRings/r/cryptoKeys/k' }] } }],
      fail: [{ values: { name: 'c', database_encryption: [{ state: 'DECRYPTED', key_name: '' }] } }, { values: { name: 'c' } }],
      unknown: [{ values: { name: 'c' }, unknown: { database_encryption: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0044',
    title: 'GKE Shielded Nodes are enabled',
    description: 'Shielded GKE Nodes give nodes a verifiable identity, so an attacker who gets a node credential cannot impersonate nodes and obtain other workloads\' secrets.',
    category: 'kubernetes-security',
    severity: 'medium',
    resourceTypes: [CLUSTER],
    controls: ['bp.antimalware'],
    check: autopilotPasses(attrEquals('enable_shielded_nodes', true, { default: true }), 'Shielded Nodes'),
    remediation: { text: 'Keep enable_shielded_nodes = true (the provider default).', terraform: 'enable_shielded_nodes = true', effort: 'low' },
    references: [CLUSTER_DOC, 'https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes'],
    peers: { checkov: ['CKV_GCP_71'] },
    differs: 'Unset passes: the provider default is true. Checkov requires the attribute.',
    fixtures: {
      pass: [{ values: { name: 'c', enable_shielded_nodes: true } }, { values: { name: 'c' }, note: 'provider default true' }],
      fail: [{ values: { name: 'c', enable_shielded_nodes: false } }],
      unknown: [{ values: { name: 'c' }, unknown: { enable_shielded_nodes: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0045',
    title: 'GKE clusters send logs to Cloud Logging',
    description: 'Control-plane and workload logs in Cloud Logging are what audits and incident investigations of the cluster rely on.',
    category: 'logging-monitoring',
    severity: 'medium',
    resourceTypes: [CLUSTER],
    controls: ['log.kubernetes'],
    check: serviceNotNone('logging_service', 'logging_config', 'Logging'),
    remediation: {
      text: 'Remove logging_service = "none" (default logging.googleapis.com/kubernetes) and keep at least SYSTEM_COMPONENTS in logging_config.',
      terraform: 'logging_service = "logging.googleapis.com/kubernetes"',
      effort: 'low',
    },
    references: [CLUSTER_DOC, 'https://cloud.google.com/kubernetes-engine/docs/concepts/about-logs'],
    peers: { checkov: ['CKV_GCP_1'] },
    fixtures: {
      pass: [{ values: { name: 'c', logging_service: 'logging.googleapis.com/kubernetes' } }],
      fail: [{ values: { name: 'c', logging_service: 'none' } }, { values: { name: 'c', logging_service: 'logging.googleapis.com/kubernetes', logging_config: [{ enable_components: [] }] } }],
      unknown: [{ values: { name: 'c' }, unknown: { logging_service: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0046',
    title: 'GKE clusters send metrics to Cloud Monitoring',
    description: 'Cloud Monitoring metrics of the cluster are what alerts on node health, resource exhaustion and abnormal behaviour are built on.',
    category: 'logging-monitoring',
    severity: 'low',
    resourceTypes: [CLUSTER],
    controls: ['log.monitoring'],
    check: serviceNotNone('monitoring_service', 'monitoring_config', 'Monitoring'),
    remediation: {
      text: 'Remove monitoring_service = "none" (default monitoring.googleapis.com/kubernetes).',
      terraform: 'monitoring_service = "monitoring.googleapis.com/kubernetes"',
      effort: 'low',
    },
    references: [CLUSTER_DOC, 'https://cloud.google.com/kubernetes-engine/docs/how-to/configure-metrics'],
    peers: { checkov: ['CKV_GCP_8'] },
    fixtures: {
      pass: [{ values: { name: 'c', monitoring_service: 'monitoring.googleapis.com/kubernetes' } }],
      fail: [{ values: { name: 'c', monitoring_service: 'none' } }],
      unknown: [{ values: { name: 'c' }, unknown: { monitoring_service: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0047',
    title: 'GKE clusters are enrolled in a release channel',
    description: 'A release channel keeps the control plane and nodes on supported versions with security patches applied automatically.',
    category: 'kubernetes-security',
    severity: 'low',
    resourceTypes: [CLUSTER],
    controls: ['k8s.upgrades', 'rel.maintenance'],
    check: attrCheck({
      attr: 'release_channel.0.channel',
      test: (v) => typeof v === 'string' && v.trim() !== '' && v.toUpperCase() !== 'UNSPECIFIED',
      expected: 'release_channel.channel = RAPID, REGULAR, STABLE or EXTENDED',
    }),
    remediation: { text: 'Add release_channel with channel REGULAR (or STABLE).', terraform: 'release_channel {\n  channel = "REGULAR"\n}', effort: 'low' },
    references: [CLUSTER_DOC, 'https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels'],
    peers: { checkov: ['CKV_GCP_70'] },
    fixtures: {
      pass: [{ values: { name: 'c', release_channel: [{ channel: 'REGULAR' }] } }],
      fail: [{ values: { name: 'c', release_channel: [{ channel: 'UNSPECIFIED' }] } }, { values: { name: 'c', release_channel: [] } }],
      unknown: [{ values: { name: 'c' }, unknown: { release_channel: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0048',
    title: 'GKE clusters enforce Binary Authorization',
    description: 'Binary Authorization only lets images that satisfy the project policy (signed by your build pipeline, from approved registries) run on the cluster.',
    category: 'kubernetes-security',
    severity: 'low',
    resourceTypes: [CLUSTER],
    controls: ['k8s.approved-images'],
    check: binaryAuthorization,
    remediation: {
      text: 'Add binary_authorization with evaluation_mode PROJECT_SINGLETON_POLICY_ENFORCE and define the project policy (google_binary_authorization_policy).',
      terraform: 'binary_authorization {\n  evaluation_mode = "PROJECT_SINGLETON_POLICY_ENFORCE"\n}',
      effort: 'medium',
    },
    references: [CLUSTER_DOC, 'https://cloud.google.com/binary-authorization/docs/setting-up'],
    peers: { checkov: ['CKV_GCP_66'] },
    differs: 'Accepts the older binary_authorization.enabled and enable_binary_authorization flags.',
    fixtures: {
      pass: [{ values: { name: 'c', binary_authorization: [{ evaluation_mode: 'PROJECT_SINGLETON_POLICY_ENFORCE' }] } }, { values: { name: 'c', enable_binary_authorization: true } }],
      fail: [{ values: { name: 'c', binary_authorization: [{ evaluation_mode: 'DISABLED' }] } }, { values: { name: 'c' } }],
      unknown: [{ values: { name: 'c' }, unknown: { binary_authorization: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0049',
    title: 'GKE node pools upgrade automatically',
    description: 'Node auto-upgrade keeps node versions within the supported skew of the control plane and applies security patches to the node image.',
    category: 'kubernetes-security',
    severity: 'medium',
    resourceTypes: [NODE_POOL],
    controls: ['k8s.upgrades', 'rel.maintenance'],
    check: attrEquals('management.0.auto_upgrade', true, { default: true }),
    remediation: { text: 'Keep management.auto_upgrade = true (enabled by default) and control timing with maintenance windows.', terraform: 'management {\n  auto_upgrade = true\n  auto_repair  = true\n}', effort: 'low' },
    references: [NODE_POOL_DOC, 'https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades'],
    peers: { checkov: ['CKV_GCP_10'] },
    fixtures: {
      pass: [{ values: { name: 'np', management: [{ auto_upgrade: true, auto_repair: true }] } }, { values: { name: 'np' }, note: 'enabled by default' }],
      fail: [{ values: { name: 'np', management: [{ auto_upgrade: false, auto_repair: true }] } }],
      unknown: [{ values: { name: 'np' }, unknown: { management: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0050',
    title: 'GKE node pools repair nodes automatically',
    description: 'Node auto-repair recreates nodes that fail health checks, so the pool keeps its capacity without manual intervention.',
    category: 'reliability',
    severity: 'low',
    resourceTypes: [NODE_POOL],
    controls: ['rel.health-checks', 'rel.maintenance'],
    check: attrEquals('management.0.auto_repair', true, { default: true }),
    remediation: { text: 'Keep management.auto_repair = true (enabled by default).', terraform: 'management {\n  auto_repair = true\n}', effort: 'low' },
    references: [NODE_POOL_DOC, 'https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-repair'],
    peers: { checkov: ['CKV_GCP_9'] },
    fixtures: {
      pass: [{ values: { name: 'np', management: [{ auto_repair: true }] } }, { values: { name: 'np' } }],
      fail: [{ values: { name: 'np', management: [{ auto_repair: false }] } }],
      unknown: [{ values: { name: 'np', management: [{}] }, unknown: { management: [{ auto_repair: true }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0051',
    title: 'GKE nodes do not run as the default Compute Engine service account',
    description: 'Nodes use their service account for logging, monitoring and image pulls; the default account usually holds Editor on the project, which every pod that reaches the metadata server inherits.',
    category: 'identity-access',
    severity: 'medium',
    resourceTypes: [NODE_POOL, CLUSTER],
    controls: ['iam.default-service-account', 'iam.least-privilege'],
    check: onlyIf(nodeConfigApplies, NODE_NA, nodeServiceAccount),
    remediation: {
      text: 'Create a node service account with roles/container.defaultNodeServiceAccount (logging, monitoring, Artifact Registry read) and set node_config.service_account.',
      terraform: 'node_config {\n  service_account = google_service_account.gke_nodes.email\n  oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]\n}',
      effort: 'medium',
    },
    references: [NODE_POOL_DOC, 'https://cloud.google.com/kubernetes-engine/docs/how-to/service-accounts#default-gke-service-agent'],
    differs: 'Judged on node pools and on clusters that keep their default node pool (Autopilot clusters are not applicable).',
    fixtures: {
      pass: [{ values: { name: 'np', node_config: [{ service_account: 'gke-nodes@p.iam.gserviceaccount.com' }] } }],
      fail: [
        { values: { name: 'np', node_config: [{ machine_type: 'e2-standard-4' }] }, note: 'not set: default account' },
        { type: CLUSTER, values: { name: 'c', node_config: [{ service_account: '123-compute@developer.gserviceaccount.com' }] } },
      ],
      unknown: [{ values: { name: 'np', node_config: [{}] }, unknown: { node_config: [{ service_account: true }] } }],
      notApplicable: [
        { type: CLUSTER, values: { name: 'c', remove_default_node_pool: true } },
        { type: CLUSTER, values: { name: 'c', enable_autopilot: true } },
        { type: CLUSTER, values: { name: 'c', node_pool: [{ name: 'pool-1', node_config: [{}] }] }, note: 'inline node pool' },
      ],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0052',
    title: 'GKE nodes expose the GKE metadata server, not the Compute Engine one',
    description: 'With mode GKE_METADATA pods get their own Workload Identity credentials and cannot read the node\'s service-account token or kube-env from the Compute Engine metadata server.',
    category: 'kubernetes-security',
    severity: 'medium',
    resourceTypes: [NODE_POOL, CLUSTER],
    controls: ['iam.instance-metadata', 'k8s.workload-identity'],
    check: onlyIf(nodeConfigApplies, NODE_NA, metadataServer),
    remediation: {
      text: 'Enable Workload Identity on the cluster and set node_config.workload_metadata_config.mode = "GKE_METADATA".',
      terraform: 'node_config {\n  workload_metadata_config {\n    mode = "GKE_METADATA"\n  }\n}',
      effort: 'medium',
    },
    references: [NODE_POOL_DOC, 'https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity'],
    peers: { checkov: ['CKV_GCP_69'] },
    differs: 'A node pool that leaves the mode unset passes when its cluster (in the same plan) has Workload Identity, since GKE then defaults new node pools to GKE_METADATA.',
    fixtures: {
      pass: [
        { values: { name: 'np', node_config: [{ workload_metadata_config: [{ mode: 'GKE_METADATA' }] }] } },
        {
          values: { name: 'np', node_config: [{ machine_type: 'e2-standard-4' }] },
          related: [{ type: CLUSTER, values: { name: 'c', workload_identity_config: [{ workload_pool: 'p.svc.id.goog' }] }, referencedBySubject: true, refersToSubject: false }],
          note: 'default from a Workload Identity cluster',
        },
      ],
      fail: [{ values: { name: 'np', node_config: [{ workload_metadata_config: [{ mode: 'GCE_METADATA' }] }] } }, { values: { name: 'np', node_config: [{}] } }],
      unknown: [{ values: { name: 'np', node_config: [{}] }, unknown: { node_config: [{ workload_metadata_config: true }] } }],
      notApplicable: [{ type: CLUSTER, values: { name: 'c', enable_autopilot: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0053',
    title: 'GKE nodes use secure boot',
    description: 'Secure boot on Shielded GKE Nodes verifies the signature of the node boot components, protecting nodes against boot-level malware.',
    category: 'kubernetes-security',
    severity: 'low',
    resourceTypes: [NODE_POOL, CLUSTER],
    controls: ['bp.antimalware'],
    check: onlyIf(nodeConfigApplies, NODE_NA, attrEquals('node_config.0.shielded_instance_config.0.enable_secure_boot', true, { default: false })),
    remediation: {
      text: 'Set node_config.shielded_instance_config.enable_secure_boot = true (third-party unsigned kernel modules will not load).',
      terraform: 'node_config {\n  shielded_instance_config {\n    enable_secure_boot          = true\n    enable_integrity_monitoring = true\n  }\n}',
      effort: 'low',
    },
    references: [NODE_POOL_DOC, 'https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes#secure_boot'],
    peers: { checkov: ['CKV_GCP_68'] },
    fixtures: {
      pass: [{ values: { name: 'np', node_config: [{ shielded_instance_config: [{ enable_secure_boot: true, enable_integrity_monitoring: true }] }] } }],
      fail: [{ values: { name: 'np', node_config: [{ shielded_instance_config: [{ enable_secure_boot: false }] }] } }, { values: { name: 'np', node_config: [{}] } }],
      unknown: [{ values: { name: 'np' }, unknown: { node_config: true } }],
      notApplicable: [{ type: CLUSTER, values: { name: 'c', remove_default_node_pool: true } }],
    },
  }),
];
