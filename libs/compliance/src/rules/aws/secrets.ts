import type { ResourceRule } from '../../model';
import { fail, isNonEmpty, pass, show } from '../common/checks';
import { docs, setFromConfig } from './helpers';

const SM_REF = 'https://docs.aws.amazon.com/secretsmanager/latest/userguide';

export const AWS_SECRETS_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-AWS-0076',
    scope: 'resource',
    title: 'Secrets Manager secrets are encrypted with a customer-managed key',
    description: 'Secrets are always encrypted; with the default aws/secretsmanager key anyone with secretsmanager:GetSecretValue in the account can read them, while a customer-managed key adds a key policy and cross-account sharing.',
    category: 'encryption-at-rest',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_secretsmanager_secret'],
    controls: ['ear.secrets', 'ear.customer-managed-key'],
    check: setFromConfig('kms_key_id'),
    remediation: { text: 'Set kms_key_id to a customer-managed key.', terraform: 'kms_key_id = aws_kms_key.secrets.arn', effort: 'low' },
    references: [`${SM_REF}/security-encryption.html`, docs('secretsmanager_secret#kms_key_id')],
    peers: { checkov: ['CKV_AWS_149'] },
    differs: 'Low severity: the secret is encrypted at rest either way (AWS managed key); the rule is about key control.',
    fixtures: {
      pass: [{ values: { name: 's', kms_key_id: 'arn:aws:kms:eu-west-1:111122223333:key/k' } }, { values: { name: 's' }, unknown: { kms_key_id: true } }],
      fail: [{ values: { name: 's' } }],
    },
  },
  {
    id: 'CW-AWS-0077',
    scope: 'resource',
    title: 'Secrets Manager secrets rotate automatically',
    description: 'A secret that never rotates stays valid for as long as it has been leaked; automatic rotation bounds that window.',
    category: 'key-management',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_secretsmanager_secret'],
    controls: ['kms.expiry', 'iam.static-credentials'],
    check: (ctx) => {
      const expected = 'an aws_secretsmanager_secret_rotation for the secret (or legacy rotation_lambda_arn)';
      const rotation = ctx.referencing('aws_secretsmanager_secret_rotation')[0];
      if (rotation) return pass(`${rotation.address} rotates the secret`, expected, rotation.address);
      const legacy = ctx.values.get('rotation_lambda_arn');
      if (legacy.state === 'unknown') return pass('rotation_lambda_arn = (a reference known after apply)', expected, 'rotation_lambda_arn');
      if (legacy.state === 'known' && isNonEmpty(legacy.value)) return pass(`rotation_lambda_arn = ${show(legacy.value)}`, expected, 'rotation_lambda_arn');
      return fail('no aws_secretsmanager_secret_rotation refers to this secret', expected, 'aws_secretsmanager_secret_rotation');
    },
    remediation: {
      text: 'Add an aws_secretsmanager_secret_rotation with a rotation Lambda (or use RDS-managed master passwords, which rotate themselves).',
      terraform: 'resource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id           = aws_secretsmanager_secret.db.id\n  rotation_lambda_arn = aws_lambda_function.rotate.arn\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}',
      effort: 'medium',
    },
    references: [`${SM_REF}/rotating-secrets.html`, docs('secretsmanager_secret_rotation')],
    differs: 'Secrets that cannot be rotated by AWS (third-party API keys) fail too: waive them with the manual rotation procedure as justification.',
    fixtures: {
      pass: [{ values: { name: 's' }, related: [{ type: 'aws_secretsmanager_secret_rotation', values: { rotation_rules: [{ automatically_after_days: 30 }] } }] }],
      fail: [{ values: { name: 's' } }],
    },
  },
];
