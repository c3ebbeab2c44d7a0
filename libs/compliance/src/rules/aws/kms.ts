import type { ResourceRule } from '../../model';
import { attrEquals, onlyIf, readAttr } from '../common/checks';
import { docs, judgePublicPolicy, readPolicy } from './helpers';

const KMS_REF = 'https://docs.aws.amazon.com/kms/latest/developerguide';

const keyPolicy = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

export const AWS_KMS_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-AWS-0034',
    scope: 'resource',
    title: 'Symmetric KMS keys have automatic rotation enabled',
    description: 'Automatic rotation renews the key material yearly (or on the configured period) without re-encrypting data, limiting what one compromised key version exposes.',
    category: 'key-management',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_kms_key'],
    controls: ['kms.rotation'],
    check: onlyIf(
      (ctx) => {
        if (ctx.values.get('custom_key_store_id').state === 'known') return false;
        const { value } = readAttr(ctx.values, ['customer_master_key_spec', 'key_spec']);
        if (value.state === 'unknown') return 'unknown';
        return value.state === 'absent' || value.value === 'SYMMETRIC_DEFAULT';
      },
      'only symmetric encryption keys outside custom key stores support automatic rotation (asymmetric and HMAC keys do not)',
      attrEquals('enable_key_rotation', true, { default: false }),
    ),
    remediation: { text: 'Set enable_key_rotation = true (optionally rotation_period_in_days).', terraform: 'enable_key_rotation     = true\nrotation_period_in_days = 365', effort: 'low' },
    references: [`${KMS_REF}/rotate-keys.html`, docs('kms_key#enable_key_rotation')],
    peers: { checkov: ['CKV_AWS_7'] },
    differs: 'Asymmetric (RSA_*, ECC_*), HMAC and custom-key-store keys cannot be rotated automatically: not applicable instead of a failure.',
    fixtures: {
      pass: [{ values: { customer_master_key_spec: 'SYMMETRIC_DEFAULT', enable_key_rotation: true } }],
      fail: [{ values: { customer_master_key_spec: 'SYMMETRIC_DEFAULT', enable_key_rotation: false } }, { values: {}, note: 'defaults: symmetric, rotation off' }],
      unknown: [{ values: { customer_master_key_spec: 'SYMMETRIC_DEFAULT' }, unknown: { enable_key_rotation: true } }],
      notApplicable: [{ values: { customer_master_key_spec: 'RSA_2048', key_usage: 'SIGN_VERIFY' } }, { values: { customer_master_key_spec: 'HMAC_256', key_usage: 'GENERATE_VERIFY_MAC' } }],
    },
  },
  {
    id: 'CW-AWS-0035',
    scope: 'resource',
    title: 'KMS key policies do not allow every principal',
    description: 'A key policy statement allowing Principal "*" without a condition lets any AWS account use or manage the key.',
    category: 'key-management',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_kms_key', 'aws_kms_key_policy'],
    controls: ['kms.key-access'],
    check: (ctx) =>
      judgePublicPolicy(readPolicy(ctx.values.get('policy')), 'policy', {
        status: 'pass',
        found: 'no policy set: the default key policy gives access to the owning account only',
        expected: 'no Allow statement with Principal "*" unless a Condition restricts it',
        attribute: 'policy',
      }),
    remediation: {
      text: 'Name the principals (account root, roles) in the key policy, or restrict "*" with conditions such as kms:CallerAccount and kms:ViaService.',
      terraform: 'principals {\n  type        = "AWS"\n  identifiers = ["arn:aws:iam::111122223333:root"]\n}',
      effort: 'low',
    },
    references: [`${KMS_REF}/key-policies.html`, docs('kms_key_policy')],
    differs: 'An aws_kms_key without a policy gets it computed (the default key policy) and shows it as unknown in the plan: unknown, not pass, since a policy from a reference looks the same.',
    fixtures: {
      pass: [
        { values: { policy: keyPolicy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }) } },
        { values: { policy: keyPolicy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } }) } },
      ],
      fail: [{ values: { policy: keyPolicy({ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }) } }, { type: 'aws_kms_key_policy', values: { policy: keyPolicy({ Effect: 'Allow', Principal: { AWS: ['*'] }, Action: 'kms:Decrypt', Resource: '*' }) } }],
      unknown: [{ values: {}, unknown: { policy: true } }],
    },
  },
];
