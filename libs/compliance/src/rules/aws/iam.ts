import type { CheckResult, ResourceCheckContext, ResourceRule } from '../../model';
import { attrAtLeast, fail, looseEquals, notApplicable, pass, show, unknown } from '../common/checks';
import { Findings, conditionKeys, docs, hasCondition, hasPublicPrincipal, isAllow, readPolicy, type Policy, type Statement } from './helpers';

const IAM_REF = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const POLICY_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'];

/** The identity policies a resource carries: its `policy`, or a role's inline_policy blocks. */
function identityPolicies(ctx: ResourceCheckContext): { where: string; policy: Policy }[] {
  if (ctx.resource.type !== 'aws_iam_role') return [{ where: 'policy', policy: readPolicy(ctx.values.get('policy')) }];
  // inline_policy is optional+computed: unknown as a whole means none is configured inline
  if (ctx.values.get('inline_policy').state === 'unknown') return [];
  return ctx.values.blocks('inline_policy').map((b, i) => ({ where: `inline_policy[${i}].policy`, policy: readPolicy(b.get('policy')) }));
}

/** Runs `judge` over every statement of every identity policy of the resource. */
function overStatements(judge: (s: Statement) => string | null, expected: string): (ctx: ResourceCheckContext) => CheckResult {
  return (ctx) => {
    const policies = identityPolicies(ctx).filter((p) => p.policy.state !== 'absent');
    if (policies.length === 0) return notApplicable('no inline policy on this role');
    const findings = new Findings();
    for (const { where, policy } of policies) {
      if (policy.state === 'unknown') findings.unknown(where);
      else if (policy.state === 'invalid') findings.unknown(`${where} (unreadable: ${policy.error})`);
      else if (policy.state === 'known') {
        for (const s of policy.statements) {
          const problem = judge(s);
          if (problem) findings.fail(`${where} ${s.label}: ${problem}`);
        }
      }
    }
    return findings.result(expected, 'policy', pass('no statement matches', expected, 'policy'));
  };
}

const isStar = (v: string): boolean => v === '*' || v === '*:*';
const SERVICE_WILDCARD = /^[a-z0-9-]+:\*$/i;

function fullAdmin(s: Statement): string | null {
  if (!isAllow(s)) return null;
  return s.actions.some(isStar) && s.resources.some((r) => r === '*') ? 'Allow Action "*" on Resource "*"' : null;
}

function broadActions(s: Statement): string | null {
  if (!isAllow(s) || fullAdmin(s)) return null;
  const wide = s.actions.filter((a) => SERVICE_WILDCARD.test(a) || isStar(a));
  if (wide.length > 0) return `Allow ${wide.map((a) => show(a)).join(', ')}`;
  if (s.notActions.length > 0) return `Allow with NotAction ${s.notActions.map((a) => show(a)).join(', ')} (everything else is allowed)`;
  return null;
}

const policyJson = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const ADMIN = policyJson({ Effect: 'Allow', Action: '*', Resource: '*' });
const S3_STAR = policyJson({ Effect: 'Allow', Action: ['s3:*', 'ec2:DescribeInstances'], Resource: '*' });
const READ_ONLY = policyJson({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] });

/** Federated trust: the IdP host and the condition keys that pin the token's subject. */
function federatedTrustProblem(s: Statement): string | null {
  if (!isAllow(s)) return null;
  if (!s.actions.some((a) => /^sts:(AssumeRoleWithWebIdentity|\*)$/i.test(a) || a === '*')) return null;
  const keys = conditionKeys(s);
  for (const p of s.principals) {
    if (p.type !== 'Federated' || /:saml-provider\//i.test(p.id)) continue;
    const host = (p.id.includes(':oidc-provider/') ? p.id.slice(p.id.indexOf(':oidc-provider/') + ':oidc-provider/'.length) : p.id).toLowerCase();
    if (host === 'cognito-identity.amazonaws.com') {
      if (!keys.includes('cognito-identity.amazonaws.com:aud')) return 'Cognito federation without a cognito-identity.amazonaws.com:aud condition (any identity pool)';
      continue;
    }
    const subjectKeys = keys.filter((k) => k.startsWith(`${host}:`) && k !== `${host}:aud`);
    if (subjectKeys.length === 0) return `web identity federation from ${host} without a ${host}:sub condition (any subject of the IdP can assume the role)`;
    const subValues = Object.values(s.condition).flatMap((byKey) =>
      Object.entries(byKey).filter(([k]) => k.toLowerCase() === `${host}:sub`).flatMap(([, v]) => (Array.isArray(v) ? (v as unknown[]) : [v])),
    );
    if (subValues.length > 0 && subValues.every((v) => v === '*' || v === 'repo:*' || v === 'repo:*:*')) return `${host}:sub condition matches every subject (${show(subValues[0])})`;
  }
  return null;
}

function trustCheck(judge: (s: Statement) => string | null, applies: (s: Statement) => boolean, expected: string): (ctx: ResourceCheckContext) => CheckResult {
  return (ctx) => {
    const policy = readPolicy(ctx.values.get('assume_role_policy'));
    if (policy.state === 'unknown') return unknown('assume_role_policy', expected);
    if (policy.state === 'invalid') return { status: 'unknown', found: `assume_role_policy could not be read (${policy.error})`, expected, attribute: 'assume_role_policy' };
    if (policy.state === 'absent') return notApplicable('no trust policy');
    const relevant = policy.statements.filter(applies);
    if (relevant.length === 0) return notApplicable('no statement of this kind in the trust policy');
    const problems = relevant.map((s) => ({ s, problem: judge(s) })).filter((x) => x.problem !== null);
    return problems.length > 0
      ? fail(problems.map((x) => `${x.s.label}: ${x.problem ?? ''}`).join('; '), expected, 'assume_role_policy')
      : pass('trust policy restricted', expected, 'assume_role_policy');
  };
}

const trust = (statement: Record<string, unknown>) => ({ values: { name: 'r', assume_role_policy: policyJson(statement) } });
const GITHUB = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';

export const AWS_IAM_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-AWS-0026',
    scope: 'resource',
    title: 'IAM policies do not grant all actions on all resources',
    description: 'A policy allowing "*" on "*" is full administrator access: whoever holds it can do anything in the account, including erasing the audit trail.',
    category: 'identity-access',
    severity: 'critical',
    clouds: ['aws'],
    resourceTypes: POLICY_TYPES,
    controls: ['iam.wildcard-policy', 'iam.least-privilege'],
    check: overStatements(fullAdmin, 'no Allow statement with Action "*" and Resource "*"'),
    remediation: {
      text: 'Grant the specific actions and resources the identity needs; keep administrator access to a break-glass role with MFA.',
      terraform: 'statement {\n  actions   = ["s3:GetObject"]\n  resources = ["${aws_s3_bucket.data.arn}/*"]\n}',
      effort: 'medium',
    },
    references: [`${IAM_REF}/best-practices.html#grant-least-privilege`, docs('iam_policy')],
    differs: 'A role\'s inline_policy blocks are read too; a role without inline policies is not applicable. A policy known only after apply (jsonencode of computed ARNs) gives unknown.',
    fixtures: {
      pass: [{ values: { name: 'p', policy: READ_ONLY } }, { values: { name: 'p', policy: S3_STAR }, note: 'service wildcard is rule 0027' }],
      fail: [{ values: { name: 'p', policy: ADMIN } }, { type: 'aws_iam_role', values: { name: 'r', inline_policy: [{ name: 'admin', policy: ADMIN }] } }, { type: 'aws_iam_user_policy', values: { policy: policyJson({ Effect: 'Allow', Action: ['*:*'], Resource: ['*'] }) } }],
      unknown: [{ values: { name: 'p' }, unknown: { policy: true } }],
      notApplicable: [{ type: 'aws_iam_role', values: { name: 'r' }, unknown: { inline_policy: true } }],
    },
  },
  {
    id: 'CW-AWS-0027',
    scope: 'resource',
    title: 'IAM policies do not grant whole-service wildcards',
    description: 'Actions such as "s3:*" or "iam:*" (or Allow with NotAction) grant every present and future action of a service, including destructive and privilege-escalating ones.',
    category: 'identity-access',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: POLICY_TYPES,
    controls: ['iam.least-privilege'],
    check: overStatements(broadActions, 'Allow statements list specific actions (no "service:*", no Allow with NotAction)'),
    remediation: {
      text: 'List the actions the workload calls (IAM Access Analyzer can generate the list from CloudTrail activity).',
      terraform: 'actions = ["s3:GetObject", "s3:PutObject"]',
      effort: 'medium',
    },
    references: [`${IAM_REF}/best-practices.html#grant-least-privilege`, `${IAM_REF}/access-analyzer-policy-generation.html`],
    differs: 'Statements granting "*" on "*" are reported by CW-AWS-0026 instead; "*" on specific resources is reported here.',
    fixtures: {
      pass: [{ values: { name: 'p', policy: READ_ONLY } }],
      fail: [{ values: { name: 'p', policy: S3_STAR } }, { type: 'aws_iam_role_policy', values: { policy: policyJson({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }) } }],
      unknown: [{ type: 'aws_iam_group_policy', values: {}, unknown: { policy: true } }],
    },
  },
  {
    id: 'CW-AWS-0028',
    scope: 'resource',
    title: 'IAM policies are attached to groups or roles, not users',
    description: 'Permissions attached to individual users are hard to review and outlive role changes; CIS AWS 1.15 asks for permissions through groups or roles only.',
    category: 'identity-access',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment'],
    controls: ['iam.least-privilege'],
    check: (ctx) => {
      const expected = 'policies attached to groups or roles';
      if (ctx.resource.type !== 'aws_iam_policy_attachment') return fail(`${ctx.resource.type} attaches a policy directly to a user`, expected, ctx.resource.type);
      const users = ctx.values.get('users');
      if (users.state === 'unknown') return unknown('users', expected);
      const list = users.state === 'known' && Array.isArray(users.value) ? users.value : [];
      return list.length > 0 ? fail(`users = ${show(list)}`, expected, 'users') : pass('no users', expected, 'users');
    },
    remediation: {
      text: 'Put the user in a group and attach the policy to the group (or have the user assume a role).',
      terraform: 'resource "aws_iam_group_policy_attachment" "devs" {\n  group      = aws_iam_group.devs.name\n  policy_arn = aws_iam_policy.devs.arn\n}',
      effort: 'low',
    },
    references: [`${IAM_REF}/best-practices.html`, docs('iam_group_policy_attachment')],
    peers: { checkov: ['CKV_AWS_40'] },
    fixtures: {
      pass: [{ type: 'aws_iam_policy_attachment', values: { name: 'a', roles: ['app'], users: [] } }],
      fail: [{ values: { user: 'alice', policy: READ_ONLY } }, { type: 'aws_iam_user_policy_attachment', values: { user: 'alice', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } }, { type: 'aws_iam_policy_attachment', values: { name: 'a', users: ['alice'] } }],
      unknown: [{ type: 'aws_iam_policy_attachment', values: { name: 'a' }, unknown: { users: true } }],
    },
  },
  {
    id: 'CW-AWS-0029',
    scope: 'resource',
    title: 'No active IAM access keys are created',
    description: 'Access keys are long-lived credentials that leak through laptops, CI logs and repositories; Terraform also stores the secret in its state.',
    category: 'identity-access',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_iam_access_key'],
    controls: ['iam.static-credentials'],
    check: (ctx) => {
      const expected = 'no active access key: use roles, IAM Identity Center or OIDC federation';
      const status = ctx.values.get('status');
      if (status.state === 'known' && looseEquals(status.value, 'Inactive')) return pass('status = "Inactive"', expected, 'status');
      return fail(`access key for ${show(ctx.values.value('user'))}, status ${status.state === 'known' ? show(status.value) : '"Active" (CreateAccessKey creates active keys)'}`, expected, 'status');
    },
    remediation: {
      text: 'Remove the access key; give workloads roles (instance profiles, IRSA, OIDC federation for CI) and people IAM Identity Center.',
      terraform: '# remove aws_iam_access_key; for CI use OIDC federation:\nresource "aws_iam_openid_connect_provider" "github" {\n  url            = "https://token.actions.githubusercontent.com"\n  client_id_list = ["sts.amazonaws.com"]\n}',
      effort: 'medium',
    },
    references: [`${IAM_REF}/id_credentials_access-keys.html`, docs('iam_access_key')],
    differs: 'The verdict rests on the key being created: AWS creates access keys active, so a status left unset (computed, unknown in the plan) still fails; only status = "Inactive" passes.',
    fixtures: {
      pass: [{ values: { user: 'ci', status: 'Inactive' } }],
      fail: [{ values: { user: 'ci' }, unknown: { status: true } }, { values: { user: 'ci', status: 'Active' } }],
    },
  },
  {
    id: 'CW-AWS-0030',
    scope: 'resource',
    title: 'IAM password policy requires at least 14 characters',
    description: 'Short console passwords fall to guessing and credential stuffing; CIS AWS 1.8 asks for a minimum length of 14.',
    category: 'identity-access',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_iam_account_password_policy'],
    controls: ['iam.default-credentials'],
    check: attrAtLeast('minimum_password_length', 14, { default: 6 }),
    remediation: { text: 'Set minimum_password_length = 14 or more.', terraform: 'minimum_password_length = 14', effort: 'low' },
    references: [`${IAM_REF}/id_credentials_passwords_account-policy.html`, docs('iam_account_password_policy')],
    peers: { checkov: ['CKV_AWS_10'] },
    fixtures: {
      pass: [{ values: { minimum_password_length: 16 } }],
      fail: [{ values: { minimum_password_length: 8 } }, { values: {}, note: 'default 6' }],
      unknown: [{ values: {}, unknown: { minimum_password_length: true } }],
    },
  },
  {
    id: 'CW-AWS-0031',
    scope: 'resource',
    title: 'IAM password policy prevents reuse of the last 24 passwords',
    description: 'Without reuse prevention users cycle back to a compromised password; CIS AWS 1.9 asks for 24 remembered passwords.',
    category: 'identity-access',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_iam_account_password_policy'],
    controls: ['iam.default-credentials'],
    check: attrAtLeast('password_reuse_prevention', 24, 'fail'),
    remediation: { text: 'Set password_reuse_prevention = 24.', terraform: 'password_reuse_prevention = 24', effort: 'low' },
    references: [`${IAM_REF}/id_credentials_passwords_account-policy.html`, docs('iam_account_password_policy')],
    peers: { checkov: ['CKV_AWS_13'] },
    fixtures: {
      pass: [{ values: { password_reuse_prevention: 24 } }],
      fail: [{ values: { password_reuse_prevention: 5 } }, { values: { minimum_password_length: 14 }, note: 'not set: no reuse prevention' }],
      unknown: [{ values: {}, unknown: { password_reuse_prevention: true } }],
    },
  },
  {
    id: 'CW-AWS-0032',
    scope: 'resource',
    title: 'IAM role trust policies do not trust every AWS principal',
    description: 'A trust policy allowing Principal "*" (or {"AWS": "*"}) without a condition lets any AWS account in the world assume the role.',
    category: 'identity-access',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_iam_role'],
    controls: ['iam.least-privilege'],
    check: trustCheck((s) => (hasCondition(s) ? null : 'Principal "*" without a condition'), (s) => isAllow(s) && hasPublicPrincipal(s), 'trusted principals named, or restricted by a condition (aws:PrincipalOrgID, sts:ExternalId …)'),
    remediation: {
      text: 'Name the trusted accounts or roles, or add a condition such as aws:PrincipalOrgID or sts:ExternalId.',
      terraform: 'principals {\n  type        = "AWS"\n  identifiers = ["arn:aws:iam::111122223333:root"]\n}',
      effort: 'low',
    },
    references: [`${IAM_REF}/id_roles_terms-and-concepts.html`, docs('iam_role')],
    fixtures: {
      pass: [trust({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } })],
      fail: [trust({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }), trust({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' })],
      unknown: [{ values: { name: 'r' }, unknown: { assume_role_policy: true } }],
      notApplicable: [trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })],
    },
  },
  {
    id: 'CW-AWS-0033',
    scope: 'resource',
    title: 'OIDC-federated roles pin the token subject',
    description: 'A role trusting an OIDC provider such as GitHub Actions without a condition on the token subject (sub) can be assumed by any repository or workload that provider issues tokens for.',
    category: 'identity-access',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_iam_role'],
    controls: ['iam.least-privilege'],
    check: trustCheck(
      federatedTrustProblem,
      (s) => isAllow(s) && s.principals.some((p) => p.type === 'Federated' && !/:saml-provider\//i.test(p.id)),
      'a condition on <idp>:sub naming the repositories/service accounts allowed (cognito-identity.amazonaws.com:aud for Cognito)',
    ),
    remediation: {
      text: 'Add a StringEquals/StringLike condition on the provider\'s sub claim (e.g. token.actions.githubusercontent.com:sub = "repo:org/repo:ref:refs/heads/main").',
      terraform:
        'condition {\n  test     = "StringLike"\n  variable = "token.actions.githubusercontent.com:sub"\n  values   = ["repo:my-org/my-repo:ref:refs/heads/main"]\n}',
      effort: 'low',
    },
    references: ['https://docs.github.com/en/actions/deployment/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services', `${IAM_REF}/id_roles_providers_create_oidc.html`],
    differs: 'Any condition key of the provider other than aud counts as pinning the subject; a sub condition matching every value ("*", "repo:*") fails. SAML federation is not applicable.',
    fixtures: {
      pass: [
        trust({ Effect: 'Allow', Principal: { Federated: GITHUB }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:*' } } }),
        trust({ Effect: 'Allow', Principal: { Federated: 'accounts.google.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'accounts.google.com:aud': 'x', 'accounts.google.com:sub': 'y' } } }),
      ],
      fail: [
        trust({ Effect: 'Allow', Principal: { Federated: GITHUB }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } } }),
        trust({ Effect: 'Allow', Principal: { Federated: GITHUB }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' } } }),
      ],
      unknown: [{ values: { name: 'r' }, unknown: { assume_role_policy: true } }],
      notApplicable: [trust({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' })],
    },
  },
];
