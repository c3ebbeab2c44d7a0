import type { AttrValue, ResourceValues } from '@cloudwright/terraform-plan';
import type { CheckResult, ComplianceResource, ResourceCheckContext, ResourceRule } from '../../model';
import { fail, looseEquals, pass, show, unknown } from '../common/checks';
import { Findings, docs, isDeny, judgePublicPolicy, readPolicy, type Policy, type Statement } from './helpers';

/**
 * S3 bucket rules. Provider v4+ moved the bucket's settings into companion resources; every rule accepts the legacy
 * inline block (v3) or the companion. Provider v4+ marks the deprecated inline attributes (`acl`, `grant`, `policy`,
 * `versioning`, `logging`, `lifecycle_rule`, `server_side_encryption_configuration`) as computed, so a bucket that does
 * not set them shows them as unknown in the plan: such a wholesale-unknown legacy attribute is read as "not set inline".
 */

const LEGACY_UNKNOWN =
  'Provider v4+ shows the deprecated inline attribute as unknown when it is not configured; that is read as "not set inline", and the companion resource decides.';

const S3_REF = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide';

/** A legacy inline attribute of the bucket: a wholesale-unknown value is what provider v4+ reports when it is unset. */
function legacy(values: ResourceValues, attr: string): AttrValue {
  const value = values.get(attr);
  return value.state === 'unknown' ? { state: 'absent' } : value;
}

/** Companions of `type` referring to the bucket whose `bucket` attribute is this bucket (or not known yet). */
export function bucketCompanions(ctx: ResourceCheckContext, type: string): ComplianceResource[] {
  const names = [ctx.values.string('bucket'), ctx.values.string('id')].filter((n): n is string => n !== undefined);
  return ctx.referencing(type).filter((r) => {
    const bucket = r.values.string('bucket');
    if (bucket === undefined || names.length === 0) return true;
    return names.some((n) => bucket === n || bucket === `arn:aws:s3:::${n}`);
  });
}

const PAB_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;
type PabFlag = (typeof PAB_FLAGS)[number];

/** Public access blocks that apply to the bucket: its own companion and any account-level block of the plan. */
function publicAccessBlocks(ctx: ResourceCheckContext): ComplianceResource[] {
  return [...bucketCompanions(ctx, 'aws_s3_bucket_public_access_block'), ...ctx.ofType('aws_s3_account_public_access_block')];
}

/** A public access block of the bucket (or the account) sets `flag` = true. */
function blockedBy(ctx: ResourceCheckContext, flag: PabFlag): ComplianceResource | undefined {
  return publicAccessBlocks(ctx).find((r) => r.values.boolean(flag) === true);
}

const PUBLIC_ACLS = ['public-read', 'public-read-write', 'authenticated-read'];
const PUBLIC_GRANTEE = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/i;

function checkAcl(ctx: ResourceCheckContext): CheckResult {
  const expected = 'no public-read, public-read-write or authenticated-read ACL and no grant to AllUsers/AuthenticatedUsers';
  const findings = new Findings();
  const inline = legacy(ctx.values, 'acl');
  if (inline.state === 'known') {
    findings.failIf(typeof inline.value === 'string' && PUBLIC_ACLS.includes(inline.value), `acl = ${show(inline.value)}`);
  }
  const grants = legacy(ctx.values, 'grant');
  if (grants.state === 'known') {
    ctx.values.blocks('grant').forEach((g, i) => {
      const uri = g.string('uri');
      findings.failIf(uri !== undefined && PUBLIC_GRANTEE.test(uri), `grant[${i}] to ${show(uri)}`);
    });
  }
  for (const acl of bucketCompanions(ctx, 'aws_s3_bucket_acl')) {
    const value = acl.values.get('acl');
    if (value.state === 'unknown') findings.unknown(`${acl.address}.acl`);
    else if (value.state === 'known') {
      findings.failIf(typeof value.value === 'string' && PUBLIC_ACLS.includes(value.value), `${acl.address}: acl = ${show(value.value)}`);
    }
    for (const policy of acl.values.blocks('access_control_policy')) {
      policy.blocks('grant').forEach((g, i) => {
        const uri = g.at('grantee.0').string('uri');
        findings.failIf(uri !== undefined && PUBLIC_GRANTEE.test(uri), `${acl.address}: grant[${i}] to ${show(uri)}`);
      });
    }
  }
  if (findings.hasFailures) {
    const ignoring = blockedBy(ctx, 'ignore_public_acls');
    if (ignoring) return pass(`public ACL neutralised: ${ignoring.address} sets ignore_public_acls = true`, expected, 'acl');
  }
  return findings.result(expected, 'acl');
}

/** The bucket's policies: the legacy inline `policy` and every `aws_s3_bucket_policy` companion. */
function bucketPolicies(ctx: ResourceCheckContext): { where: string; policy: Policy }[] {
  const out: { where: string; policy: Policy }[] = [];
  const inline = readPolicy(legacy(ctx.values, 'policy'));
  if (inline.state !== 'absent') out.push({ where: 'policy', policy: inline });
  for (const r of bucketCompanions(ctx, 'aws_s3_bucket_policy')) out.push({ where: `${r.address}.policy`, policy: readPolicy(r.values.get('policy')) });
  return out;
}

function checkPublicPolicy(ctx: ResourceCheckContext): CheckResult {
  const expected = 'no bucket policy statement allowing Principal "*" without a condition';
  const results = bucketPolicies(ctx).map(({ where, policy }) => judgePublicPolicy(policy, where, pass('no bucket policy', expected, 'policy')));
  const failed = results.find((r) => r.status === 'fail');
  if (failed) {
    const restricting = blockedBy(ctx, 'restrict_public_buckets');
    if (restricting) return pass(`public policy neutralised: ${restricting.address} sets restrict_public_buckets = true`, expected, 'policy');
    return failed;
  }
  return results.find((r) => r.status === 'unknown') ?? pass(results.length === 0 ? 'no bucket policy' : 'no public statement', expected, 'policy');
}

function checkPublicAccessBlock(ctx: ResourceCheckContext): CheckResult {
  const expected = `a public access block with ${PAB_FLAGS.map((f) => `${f} = true`).join(', ')}`;
  const blocks = publicAccessBlocks(ctx);
  if (blocks.length === 0) return fail('no aws_s3_bucket_public_access_block (nor account-level block) in the plan', expected, 'aws_s3_bucket_public_access_block');
  const verdicts = blocks.map((block) => {
    const off: string[] = [];
    const unknowns: string[] = [];
    for (const flag of PAB_FLAGS) {
      const v = block.values.get(flag);
      if (v.state === 'unknown') unknowns.push(flag);
      else if (!(v.state === 'known' && looseEquals(v.value, true))) off.push(`${flag} = ${v.state === 'known' ? show(v.value) : 'not set (default false)'}`);
    }
    return { block, off, unknowns };
  });
  const ok = verdicts.find((v) => v.off.length === 0 && v.unknowns.length === 0);
  if (ok) return pass(`${ok.block.address} blocks all public access`, expected, ok.block.address);
  const undecided = verdicts.find((v) => v.off.length === 0);
  if (undecided) return unknown(`${undecided.block.address}.${undecided.unknowns.join(', ')}`, expected);
  const first = verdicts[0];
  return fail(first ? `${first.block.address}: ${first.off.join(', ')}` : 'no public access block', expected, first?.block.address);
}

const KMS_ALGORITHMS = /^aws:kms(:dsse)?$/;

function checkSseKms(ctx: ResourceCheckContext): CheckResult {
  const expected = 'sse_algorithm = "aws:kms" (or "aws:kms:dsse") in the bucket encryption configuration';
  const findings = new Findings();
  const judge = (where: string, rules: ResourceValues[]) => {
    for (const rule of rules) {
      for (const def of rule.blocks('apply_server_side_encryption_by_default')) {
        const alg = def.get('sse_algorithm');
        if (alg.state === 'unknown') findings.unknown(`${where} sse_algorithm`);
        else if (alg.state === 'known' && typeof alg.value === 'string' && KMS_ALGORITHMS.test(alg.value)) findings.pass(`${where}: sse_algorithm = ${show(alg.value)}`);
        else findings.fail(`${where}: sse_algorithm = ${alg.state === 'known' ? show(alg.value) : 'not set'}`);
      }
    }
  };
  if (legacy(ctx.values, 'server_side_encryption_configuration').state === 'known') {
    judge('server_side_encryption_configuration', ctx.values.blocks('server_side_encryption_configuration.0.rule'));
  }
  for (const r of bucketCompanions(ctx, 'aws_s3_bucket_server_side_encryption_configuration')) {
    if (r.values.get('rule').state === 'unknown') findings.unknown(`${r.address}.rule`);
    else judge(r.address, r.values.blocks('rule'));
  }
  // one compliant configuration is enough (a companion overrides the legacy block)
  return findings.anyPass(expected, 'sse_algorithm', fail('no encryption configuration: AWS default SSE-S3 (S3-managed keys)', expected, 'server_side_encryption_configuration'));
}

function checkVersioning(ctx: ResourceCheckContext): CheckResult {
  const expected = 'versioning enabled (aws_s3_bucket_versioning status = "Enabled", or legacy versioning { enabled = true })';
  for (const r of bucketCompanions(ctx, 'aws_s3_bucket_versioning')) {
    const status = r.values.get('versioning_configuration.0.status');
    if (status.state === 'unknown') return unknown(`${r.address}.versioning_configuration.status`, expected);
    if (status.state === 'known' && looseEquals(status.value, 'Enabled')) return pass(`${r.address}: status = "Enabled"`, expected, r.address);
    return fail(`${r.address}: status = ${status.state === 'known' ? show(status.value) : 'not set'}`, expected, r.address);
  }
  if (legacy(ctx.values, 'versioning').state === 'known') {
    const enabled = ctx.values.get('versioning.0.enabled');
    if (enabled.state === 'unknown') return unknown('versioning.enabled', expected);
    if (enabled.state === 'known' && looseEquals(enabled.value, true)) return pass('versioning.enabled = true', expected, 'versioning');
    return fail(`versioning.enabled = ${enabled.state === 'known' ? show(enabled.value) : 'not set'}`, expected, 'versioning');
  }
  return fail('no aws_s3_bucket_versioning and no inline versioning block', expected, 'versioning');
}

function checkLogging(ctx: ResourceCheckContext): CheckResult {
  const expected = 'server access logging (aws_s3_bucket_logging, or legacy logging { target_bucket })';
  const names = [ctx.values.string('bucket'), ctx.values.string('id')].filter((n): n is string => n !== undefined);
  let isLogTarget = false;
  for (const r of ctx.referencing('aws_s3_bucket_logging')) {
    const source = r.values.string('bucket');
    const target = r.values.string('target_bucket');
    if (names.length > 0 && source !== undefined) {
      if (names.includes(source)) return pass(`${r.address} logs this bucket`, expected, r.address);
      isLogTarget = true;
    } else if (names.length > 0 && target !== undefined && names.includes(target)) {
      isLogTarget = true;
    } else {
      // neither name known at plan time: the companion refers to this bucket as source or target
      return pass(`${r.address} refers to this bucket`, expected, r.address);
    }
  }
  // provider v3: another bucket's inline logging block names this bucket as its target
  const inlineSources = ctx.referencing('aws_s3_bucket').filter((b) =>
    b.values.blocks('logging').some((l) => {
      const target = l.get('target_bucket');
      return target.state === 'unknown' || (target.state === 'known' && typeof target.value === 'string' && names.includes(target.value));
    }),
  );
  if (isLogTarget || inlineSources.length > 0) {
    return { status: 'not-applicable', found: 'this bucket receives server access logs (a log target bucket is not logged into itself)' };
  }
  if (legacy(ctx.values, 'logging').state === 'known' && ctx.values.blocks('logging').length > 0) {
    const target = ctx.values.get('logging.0.target_bucket');
    return pass(`logging.target_bucket = ${target.state === 'known' ? show(target.value) : '(known after apply)'}`, expected, 'logging');
  }
  return fail('no aws_s3_bucket_logging and no inline logging block', expected, 'logging');
}

function deniesInsecureTransport(s: Statement): boolean {
  if (!isDeny(s)) return false;
  for (const [operator, keys] of Object.entries(s.condition)) {
    for (const [key, value] of Object.entries(keys)) {
      const values = (Array.isArray(value) ? (value as unknown[]) : [value]).map((v): unknown => (typeof v === 'string' ? v.toLowerCase() : v));
      if (/^bool(ifexists)?$/i.test(operator) && key.toLowerCase() === 'aws:securetransport' && values.some((v) => v === 'false' || v === false)) return true;
      if (/^numericlessthan(ifexists)?$/i.test(operator) && key.toLowerCase() === 's3:tlsversion' && values.some((v) => Number(v) >= 1.2)) return true;
    }
  }
  return false;
}

function checkTlsOnly(ctx: ResourceCheckContext): CheckResult {
  const expected = 'a bucket policy statement denying requests with aws:SecureTransport = false (or s3:TlsVersion < 1.2)';
  const policies = bucketPolicies(ctx);
  if (policies.some(({ policy }) => policy.state === 'known' && policy.statements.some(deniesInsecureTransport))) {
    return pass('bucket policy denies requests without TLS', expected, 'policy');
  }
  const undecided = policies.find(({ policy }) => policy.state === 'unknown' || policy.state === 'invalid');
  if (undecided) return unknown(undecided.where, expected);
  return fail(policies.length === 0 ? 'no bucket policy' : 'no statement denies aws:SecureTransport = false', expected, 'policy');
}

const TLS_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'DenyInsecure', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
});
const PUBLIC_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] });
const ORG_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }],
});
const ALL_BLOCKED = { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true };

export const AWS_S3_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-AWS-0002',
    scope: 'resource',
    title: 'S3 buckets have a public access block with all four settings on',
    description: 'S3 Block Public Access overrides public ACLs and bucket policies, so a later mistake in either cannot expose the data.',
    category: 'public-access',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_s3_bucket'],
    controls: ['pub.object-storage'],
    check: checkPublicAccessBlock,
    remediation: {
      text: 'Add an aws_s3_bucket_public_access_block for the bucket (or an account-level aws_s3_account_public_access_block) with all four settings true.',
      terraform:
        'resource "aws_s3_bucket_public_access_block" "this" {\n  bucket                  = aws_s3_bucket.this.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}',
      effort: 'low',
    },
    references: [`${S3_REF}/access-control-block-public-access.html`, docs('s3_bucket_public_access_block')],
    peers: { checkov: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'] },
    differs:
      'An account-level aws_s3_account_public_access_block in the same plan satisfies the rule for every bucket. AWS applies Block Public Access to new buckets by default since April 2023, but the rule still asks for it in code so the protection does not depend on how the bucket was created.',
    fixtures: {
      pass: [
        { values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_public_access_block', values: ALL_BLOCKED }] },
        { values: { bucket: 'b' }, related: [{ type: 'aws_s3_account_public_access_block', values: ALL_BLOCKED, refersToSubject: false }], note: 'account-level block' },
      ],
      fail: [
        { values: { bucket: 'b' }, note: 'no block' },
        { values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_public_access_block', values: { ...ALL_BLOCKED, restrict_public_buckets: false } }] },
      ],
      unknown: [{ values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_public_access_block', values: { block_public_acls: true, block_public_policy: true, ignore_public_acls: true }, unknown: { restrict_public_buckets: true } }] }],
    },
  },
  {
    id: 'CW-AWS-0003',
    scope: 'resource',
    title: 'S3 buckets do not grant public ACLs',
    description: 'A public-read, public-read-write or authenticated-read ACL (or a grant to AllUsers/AuthenticatedUsers) lets anyone on the internet, or any AWS account, read or write the bucket.',
    category: 'public-access',
    severity: 'critical',
    clouds: ['aws'],
    resourceTypes: ['aws_s3_bucket'],
    controls: ['pub.object-storage'],
    check: checkAcl,
    remediation: {
      text: 'Use the private ACL, or better disable ACLs with aws_s3_bucket_ownership_controls (BucketOwnerEnforced) and grant access through IAM or the bucket policy.',
      terraform: 'resource "aws_s3_bucket_ownership_controls" "this" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}',
      effort: 'low',
    },
    references: [`${S3_REF}/acl-overview.html`, docs('s3_bucket_acl')],
    peers: { checkov: ['CKV_AWS_20', 'CKV_AWS_57'] },
    differs: `Inline acl/grant (provider v3) and aws_s3_bucket_acl (v4+) are both read. A public ACL neutralised by ignore_public_acls = true on the bucket's (or the account's) public access block passes. ${LEGACY_UNKNOWN}`,
    fixtures: {
      pass: [
        { values: { bucket: 'b', acl: 'private' } },
        { values: { bucket: 'b' }, unknown: { acl: true, grant: true }, note: 'provider v4+, no ACL configured' },
        { values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_acl', values: { acl: 'private' } }] },
        { values: { bucket: 'b', acl: 'public-read' }, related: [{ type: 'aws_s3_bucket_public_access_block', values: ALL_BLOCKED }], note: 'neutralised by ignore_public_acls' },
      ],
      fail: [
        { values: { bucket: 'b', acl: 'public-read' } },
        { values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_acl', values: { acl: 'public-read-write' } }] },
        { values: { bucket: 'b', grant: [{ type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers', permissions: ['READ'] }] } },
      ],
      unknown: [{ values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_acl', values: {}, unknown: { acl: true } }] }],
    },
  },
  {
    id: 'CW-AWS-0004',
    scope: 'resource',
    title: 'S3 bucket policies do not allow public access',
    description: 'A bucket policy statement that allows Principal "*" without a condition opens the bucket to anonymous callers from the internet.',
    category: 'public-access',
    severity: 'critical',
    clouds: ['aws'],
    resourceTypes: ['aws_s3_bucket'],
    controls: ['pub.object-storage'],
    check: checkPublicPolicy,
    remediation: {
      text: 'Name the principals that need access, or add a condition (aws:PrincipalOrgID, aws:SourceVpce, aws:SourceIp); serve public content through CloudFront with origin access control.',
      terraform: 'Condition = {\n  StringEquals = { "aws:PrincipalOrgID" = "o-xxxxxxxxxx" }\n}',
      effort: 'medium',
    },
    references: [`${S3_REF}/access-control-block-public-access.html`, docs('s3_bucket_policy')],
    differs: `Any condition is accepted as a restriction (the rule does not evaluate condition semantics). restrict_public_buckets = true on a public access block neutralises the statement. ${LEGACY_UNKNOWN}`,
    fixtures: {
      pass: [
        { values: { bucket: 'b' }, note: 'no policy' },
        { values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_policy', values: { policy: ORG_POLICY } }] },
      ],
      fail: [
        { values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_policy', values: { policy: PUBLIC_POLICY } }] },
        { values: { bucket: 'b', policy: PUBLIC_POLICY }, note: 'legacy inline policy' },
      ],
      unknown: [{ values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_policy', values: {}, unknown: { policy: true } }] }],
    },
  },
  {
    id: 'CW-AWS-0005',
    scope: 'resource',
    title: 'S3 buckets are encrypted with KMS keys (SSE-KMS)',
    description: 'SSE-KMS puts object decryption under a key policy and CloudTrail-logged key use, beyond the S3-managed keys every bucket gets by default.',
    category: 'encryption-at-rest',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_s3_bucket'],
    controls: ['ear.customer-managed-key'],
    check: checkSseKms,
    remediation: {
      text: 'Add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm = "aws:kms" and a customer-managed key; bucket_key_enabled keeps KMS request costs down.',
      terraform:
        'resource "aws_s3_bucket_server_side_encryption_configuration" "this" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.s3.arn\n    }\n    bucket_key_enabled = true\n  }\n}',
      effort: 'low',
    },
    references: [`${S3_REF}/default-bucket-encryption.html`, `${S3_REF}/UsingKMSEncryption.html`, docs('s3_bucket_server_side_encryption_configuration')],
    peers: { checkov: ['CKV_AWS_145'] },
    differs: `Since January 2023 S3 encrypts every bucket with SSE-S3 by default, so "default encryption configured" (Checkov CKV_AWS_19) is not checked — it would only flag what AWS guarantees; this rule asks for SSE-KMS instead, at medium severity. ${LEGACY_UNKNOWN}`,
    fixtures: {
      pass: [
        { values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_server_side_encryption_configuration', values: { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: 'arn:aws:kms:eu-west-1:111122223333:key/k' }] }] } }] },
        { values: { bucket: 'b', server_side_encryption_configuration: [{ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] }] }, note: 'legacy inline block' },
      ],
      fail: [
        { values: { bucket: 'b' }, unknown: { server_side_encryption_configuration: true }, note: 'AWS default SSE-S3' },
        { values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_server_side_encryption_configuration', values: { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256' }] }] } }] },
      ],
      unknown: [{ values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_server_side_encryption_configuration', values: { rule: [{ apply_server_side_encryption_by_default: [{}] }] }, unknown: { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: true }] }] } }] }],
    },
  },
  {
    id: 'CW-AWS-0006',
    scope: 'resource',
    title: 'S3 buckets have versioning enabled',
    description: 'Versioning keeps overwritten and deleted objects recoverable after mistakes or ransomware.',
    category: 'backup-recovery',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_s3_bucket'],
    controls: ['bkp.versioning'],
    check: checkVersioning,
    remediation: {
      text: 'Add an aws_s3_bucket_versioning with status "Enabled" (and a lifecycle rule expiring noncurrent versions to bound cost).',
      terraform: 'resource "aws_s3_bucket_versioning" "this" {\n  bucket = aws_s3_bucket.this.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}',
      effort: 'low',
    },
    references: [`${S3_REF}/Versioning.html`, docs('s3_bucket_versioning')],
    peers: { checkov: ['CKV_AWS_21'] },
    differs: LEGACY_UNKNOWN,
    fixtures: {
      pass: [
        { values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_versioning', values: { versioning_configuration: [{ status: 'Enabled' }] } }] },
        { values: { bucket: 'b', versioning: [{ enabled: true, mfa_delete: false }] } },
      ],
      fail: [
        { values: { bucket: 'b' }, unknown: { versioning: true } },
        { values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_versioning', values: { versioning_configuration: [{ status: 'Suspended' }] } }] },
        { values: { bucket: 'b', versioning: [{ enabled: false }] } },
      ],
      unknown: [{ values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_versioning', values: { versioning_configuration: [{}] }, unknown: { versioning_configuration: [{ status: true }] } }] }],
    },
  },
  {
    id: 'CW-AWS-0007',
    scope: 'resource',
    title: 'S3 buckets have server access logging enabled',
    description: 'Server access logs record every request to the bucket, which incident response and audits need.',
    category: 'logging-monitoring',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_s3_bucket'],
    controls: ['log.storage-access'],
    check: checkLogging,
    remediation: {
      text: 'Add an aws_s3_bucket_logging sending the access logs to a dedicated log bucket.',
      terraform: 'resource "aws_s3_bucket_logging" "this" {\n  bucket        = aws_s3_bucket.this.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "s3/${aws_s3_bucket.this.id}/"\n}',
      effort: 'low',
    },
    references: [`${S3_REF}/ServerLogs.html`, docs('s3_bucket_logging')],
    peers: { checkov: ['CKV_AWS_18'] },
    differs: `A bucket that only appears as the target_bucket of another bucket's aws_s3_bucket_logging (or legacy inline logging) is the log bucket: not applicable (logging it into itself loops). When neither bucket name is known at plan time, a logging companion referring to the bucket counts. ${LEGACY_UNKNOWN}`,
    fixtures: {
      pass: [
        { values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_logging', values: { target_prefix: 'b/' }, unknown: { bucket: true, target_bucket: true } }] },
        { values: { bucket: 'b', logging: [{ target_prefix: 'log/' }] }, unknown: { logging: [{ target_bucket: true }] }, note: 'legacy inline block' },
      ],
      fail: [{ values: { bucket: 'b' }, unknown: { logging: true } }, { values: { bucket: 'b', logging: [] } }],
      notApplicable: [
        { values: { bucket: 'logs' }, related: [{ type: 'aws_s3_bucket_logging', values: { bucket: 'app', target_bucket: 'logs' } }] },
        { values: { bucket: 'logs', acl: 'log-delivery-write' }, related: [{ type: 'aws_s3_bucket', values: { bucket: 'app', logging: [{ target_prefix: 'app/' }] }, unknown: { logging: [{ target_bucket: true }] } }], note: 'legacy inline logging of another bucket' },
      ],
    },
  },
  {
    id: 'CW-AWS-0008',
    scope: 'resource',
    title: 'S3 bucket policies deny requests without TLS',
    description: 'S3 accepts plain HTTP requests unless the bucket policy denies aws:SecureTransport = false.',
    category: 'encryption-in-transit',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_s3_bucket'],
    controls: ['eit.https-only'],
    check: checkTlsOnly,
    remediation: {
      text: 'Add a Deny statement for all principals and actions when aws:SecureTransport is false to the bucket policy.',
      terraform:
        'statement {\n  effect    = "Deny"\n  actions   = ["s3:*"]\n  resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]\n  principals {\n    type        = "*"\n    identifiers = ["*"]\n  }\n  condition {\n    test     = "Bool"\n    variable = "aws:SecureTransport"\n    values   = ["false"]\n  }\n}',
      effort: 'low',
    },
    references: [`${S3_REF}/security-best-practices.html`, docs('s3_bucket_policy')],
    differs: `A policy known only after apply (jsonencode of computed ARNs) gives unknown. ${LEGACY_UNKNOWN}`,
    fixtures: {
      pass: [{ values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_policy', values: { policy: TLS_POLICY } }] }, { values: { bucket: 'b', policy: TLS_POLICY } }],
      fail: [{ values: { bucket: 'b' }, note: 'no policy' }, { values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_policy', values: { policy: ORG_POLICY } }] }],
      unknown: [{ values: { bucket: 'b' }, related: [{ type: 'aws_s3_bucket_policy', values: {}, unknown: { policy: true } }] }],
    },
  },
];

/** For other files: a bucket's lifecycle configuration (legacy inline rules or the companion). */
export function bucketLifecycle(ctx: ResourceCheckContext): CheckResult {
  const expected = 'an aws_s3_bucket_lifecycle_configuration (or legacy lifecycle_rule) with an enabled rule';
  for (const r of bucketCompanions(ctx, 'aws_s3_bucket_lifecycle_configuration')) {
    if (r.values.get('rule').state === 'unknown') return unknown(`${r.address}.rule`, expected);
    const rules = r.values.blocks('rule');
    if (rules.some((rule) => rule.get('status').state === 'unknown')) return unknown(`${r.address}.rule.status`, expected);
    if (rules.some((rule) => looseEquals(rule.value('status'), 'Enabled'))) return pass(`${r.address} has an enabled rule`, expected, r.address);
    return fail(`${r.address} has no enabled rule`, expected, r.address);
  }
  if (legacy(ctx.values, 'lifecycle_rule').state === 'known') {
    const rules = ctx.values.blocks('lifecycle_rule');
    if (rules.some((rule) => looseEquals(rule.value('enabled'), true))) {
      return pass('lifecycle_rule enabled', expected, 'lifecycle_rule');
    }
    if (rules.some((rule) => rule.get('enabled').state === 'unknown')) return unknown('lifecycle_rule.enabled', expected);
    if (rules.length > 0) return fail('lifecycle_rule present but not enabled', expected, 'lifecycle_rule');
  }
  return fail('no lifecycle configuration', expected, 'lifecycle_rule');
}
