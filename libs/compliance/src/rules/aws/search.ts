import type { ResourceRule } from '../../model';
import { attrCheck, attrEquals } from '../common/checks';
import { docs } from './helpers';

const OS_REF = 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide';
const DOMAINS = ['aws_opensearch_domain', 'aws_elasticsearch_domain'];
const DOMAIN_DIFFERS = 'Applies to aws_opensearch_domain and the legacy aws_elasticsearch_domain alike. A block the provider computes when it is not configured is unknown in the plan: unknown, not fail.';

export const AWS_SEARCH_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-AWS-0072',
    scope: 'resource',
    title: 'OpenSearch domains are encrypted at rest',
    description: 'Search indexes hold copies of the source data (often logs with personal data); at-rest encryption covers indexes, logs, swap and snapshots.',
    category: 'encryption-at-rest',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: DOMAINS,
    controls: ['ear.database'],
    check: attrEquals('encrypt_at_rest.0.enabled', true, { default: false }),
    remediation: { text: 'Enable encrypt_at_rest (optionally with kms_key_id).', terraform: 'encrypt_at_rest {\n  enabled = true\n}', effort: 'medium' },
    references: [`${OS_REF}/encryption-at-rest.html`, docs('opensearch_domain#encrypt_at_rest')],
    peers: { checkov: ['CKV_AWS_5'] },
    differs: DOMAIN_DIFFERS,
    fixtures: {
      pass: [{ values: { domain_name: 'logs', encrypt_at_rest: [{ enabled: true }] } }, { type: 'aws_elasticsearch_domain', values: { encrypt_at_rest: [{ enabled: true }] } }],
      fail: [{ values: { domain_name: 'logs', encrypt_at_rest: [{ enabled: false }] } }, { values: { domain_name: 'logs', encrypt_at_rest: [] } }],
      unknown: [{ values: { domain_name: 'logs' }, unknown: { encrypt_at_rest: true } }],
    },
  },
  {
    id: 'CW-AWS-0073',
    scope: 'resource',
    title: 'OpenSearch domains encrypt node-to-node traffic',
    description: 'Without node-to-node encryption, data moving between the cluster nodes travels in clear inside the VPC.',
    category: 'encryption-in-transit',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: DOMAINS,
    controls: ['eit.internal'],
    check: attrEquals('node_to_node_encryption.0.enabled', true, { default: false }),
    remediation: { text: 'Enable node_to_node_encryption.', terraform: 'node_to_node_encryption {\n  enabled = true\n}', effort: 'medium' },
    references: [`${OS_REF}/ntn.html`, docs('opensearch_domain#node_to_node_encryption')],
    peers: { checkov: ['CKV_AWS_6'] },
    differs: DOMAIN_DIFFERS,
    fixtures: {
      pass: [{ values: { domain_name: 'logs', node_to_node_encryption: [{ enabled: true }] } }],
      fail: [{ values: { domain_name: 'logs', node_to_node_encryption: [{ enabled: false }] } }, { values: { domain_name: 'logs', node_to_node_encryption: [] } }],
      unknown: [{ values: { domain_name: 'logs' }, unknown: { node_to_node_encryption: true } }],
    },
  },
  {
    id: 'CW-AWS-0074',
    scope: 'resource',
    title: 'OpenSearch domains accept HTTPS only',
    description: 'A domain that accepts HTTP lets queries, results and credentials cross the network in clear.',
    category: 'encryption-in-transit',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: DOMAINS,
    controls: ['eit.https-only'],
    check: attrEquals('domain_endpoint_options.0.enforce_https', true, 'fail'),
    remediation: { text: 'Set domain_endpoint_options.enforce_https = true.', terraform: 'domain_endpoint_options {\n  enforce_https       = true\n  tls_security_policy = "Policy-Min-TLS-1-2-2019-07"\n}', effort: 'low' },
    references: [`${OS_REF}/infrastructure-security.html`, docs('opensearch_domain#domain_endpoint_options')],
    peers: { checkov: ['CKV_AWS_83'] },
    differs: DOMAIN_DIFFERS,
    fixtures: {
      pass: [{ values: { domain_name: 'logs', domain_endpoint_options: [{ enforce_https: true }] } }],
      fail: [{ values: { domain_name: 'logs', domain_endpoint_options: [{ enforce_https: false }] } }, { values: { domain_name: 'logs', domain_endpoint_options: [] } }],
      unknown: [{ values: { domain_name: 'logs' }, unknown: { domain_endpoint_options: true } }],
    },
  },
  {
    id: 'CW-AWS-0075',
    scope: 'resource',
    title: 'OpenSearch domains require TLS 1.2 or later',
    description: 'The Policy-Min-TLS-1-0-2019-07 security policy still accepts TLS 1.0 and 1.1 connections to the domain endpoint.',
    category: 'encryption-in-transit',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: DOMAINS,
    controls: ['eit.min-tls'],
    check: attrCheck({
      attr: 'domain_endpoint_options.0.tls_security_policy',
      test: (v) => typeof v === 'string' && /TLS-1-[23]/.test(v),
      expected: 'tls_security_policy = "Policy-Min-TLS-1-2-2019-07" (or Policy-Min-TLS-1-2-PFS-2023-10)',
      absent: { default: 'Policy-Min-TLS-1-0-2019-07' },
    }),
    remediation: { text: 'Set domain_endpoint_options.tls_security_policy to a TLS 1.2 policy.', terraform: 'domain_endpoint_options {\n  enforce_https       = true\n  tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"\n}', effort: 'low' },
    references: [`${OS_REF}/infrastructure-security.html`, docs('opensearch_domain#tls_security_policy')],
    differs: `Not set: the long-standing API default Policy-Min-TLS-1-0-2019-07 is assumed (fail). ${DOMAIN_DIFFERS}`,
    fixtures: {
      pass: [{ values: { domain_name: 'logs', domain_endpoint_options: [{ enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }] } }],
      fail: [{ values: { domain_name: 'logs', domain_endpoint_options: [{ enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-0-2019-07' }] } }, { values: { domain_name: 'logs', domain_endpoint_options: [{ enforce_https: true }] } }],
      unknown: [{ values: { domain_name: 'logs' }, unknown: { domain_endpoint_options: true } }],
    },
  },
];
