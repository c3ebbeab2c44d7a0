import type { CheckResult, ResourceCheckContext, ResourceRule } from '../../model';
import { fail, looseEquals, pass, show, unknown } from '../common/checks';
import { Findings, blocksAt, docs, setFromConfig } from './helpers';

const CF_REF = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide';
const CF = ['aws_cloudfront_distribution'];

function checkViewerProtocol(ctx: ResourceCheckContext): CheckResult {
  const expected = 'viewer_protocol_policy = "redirect-to-https" or "https-only" on every cache behavior';
  const findings = new Findings();
  for (const path of ['default_cache_behavior', 'ordered_cache_behavior']) {
    const behaviors = blocksAt(ctx.values, path);
    if (behaviors.state === 'unknown') {
      findings.unknown(path);
      continue;
    }
    behaviors.blocks.forEach((b, i) => {
      const where = path === 'default_cache_behavior' ? path : `${path}[${i}] (${show(b.value('path_pattern'))})`;
      const policy = b.get('viewer_protocol_policy');
      if (policy.state === 'unknown') findings.unknown(`${where}.viewer_protocol_policy`);
      else if (policy.state === 'known' && looseEquals(policy.value, 'allow-all')) findings.fail(`${where}.viewer_protocol_policy = "allow-all"`);
      else findings.pass(`${where}.viewer_protocol_policy = ${show(policy.state === 'known' ? policy.value : undefined)}`);
    });
  }
  return findings.result(expected, 'viewer_protocol_policy');
}

const MODERN_CF_POLICY = /^TLSv1\.[23]/;

function checkMinimumTls(ctx: ResourceCheckContext): CheckResult {
  const expected = 'a custom certificate with minimum_protocol_version = "TLSv1.2_2021"';
  if (ctx.values.get('viewer_certificate').state === 'unknown') return unknown('viewer_certificate', expected);
  const cert = ctx.values.at('viewer_certificate.0');
  if (looseEquals(cert.value('cloudfront_default_certificate'), true)) {
    return fail('cloudfront_default_certificate = true (the *.cloudfront.net certificate keeps the TLSv1 policy)', expected, 'viewer_certificate.cloudfront_default_certificate');
  }
  const version = cert.get('minimum_protocol_version');
  if (version.state === 'unknown') return unknown('viewer_certificate.minimum_protocol_version', expected);
  const value = version.state === 'known' && typeof version.value === 'string' ? version.value : 'TLSv1';
  const shown = version.state === 'known' ? `minimum_protocol_version = ${show(value)}` : 'minimum_protocol_version not set (default "TLSv1")';
  return MODERN_CF_POLICY.test(value) ? pass(shown, expected, 'viewer_certificate.minimum_protocol_version') : fail(shown, expected, 'viewer_certificate.minimum_protocol_version');
}

function checkOriginProtocol(ctx: ResourceCheckContext): CheckResult {
  const expected = 'custom origins use origin_protocol_policy = "https-only" (or "match-viewer" with HTTPS viewers)';
  const origins = blocksAt(ctx.values, 'origin');
  if (origins.state === 'unknown') return unknown('origin', expected);
  const findings = new Findings();
  origins.blocks.forEach((o, i) => {
    if (o.blocks('custom_origin_config').length === 0) return;
    const where = `origin[${i}] (${show(o.value('origin_id'))})`;
    const policy = o.get('custom_origin_config.0.origin_protocol_policy');
    if (policy.state === 'unknown') findings.unknown(`${where}.origin_protocol_policy`);
    else if (policy.state === 'known' && looseEquals(policy.value, 'http-only')) findings.fail(`${where} origin_protocol_policy = "http-only"`);
    else findings.pass(`${where} origin_protocol_policy = ${show(policy.state === 'known' ? policy.value : undefined)}`);
  });
  return findings.result(expected, 'origin', { status: 'not-applicable', found: 'no custom origins (S3 origins are reached over HTTPS)' });
}

const behavior = (policy: string) => [{ target_origin_id: 'app', viewer_protocol_policy: policy, allowed_methods: ['GET', 'HEAD'], cached_methods: ['GET', 'HEAD'] }];
const CF_DIFFERS = 'The v2 CloudWatch/Firehose delivery of CloudFront logs (aws_cloudwatch_log_delivery*) is not linked to the distribution and is not seen.';

export const AWS_CLOUDFRONT_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-AWS-0094',
    scope: 'resource',
    title: 'CloudFront distributions redirect viewers to HTTPS',
    description: 'A cache behavior with viewer_protocol_policy "allow-all" serves content and cookies over plain HTTP.',
    category: 'encryption-in-transit',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: CF,
    controls: ['eit.https-only'],
    check: checkViewerProtocol,
    remediation: { text: 'Set viewer_protocol_policy = "redirect-to-https" (or "https-only") on the default and every ordered cache behavior.', terraform: 'viewer_protocol_policy = "redirect-to-https"', effort: 'low' },
    references: [`${CF_REF}/using-https-viewers-to-cloudfront.html`, docs('cloudfront_distribution#viewer_protocol_policy')],
    peers: { checkov: ['CKV_AWS_34'] },
    fixtures: {
      pass: [{ values: { default_cache_behavior: behavior('redirect-to-https'), ordered_cache_behavior: [{ ...behavior('https-only')[0], path_pattern: '/api/*' }] } }],
      fail: [{ values: { default_cache_behavior: behavior('allow-all') } }, { values: { default_cache_behavior: behavior('https-only'), ordered_cache_behavior: [{ ...behavior('allow-all')[0], path_pattern: '/img/*' }] } }],
      unknown: [{ values: { default_cache_behavior: [{ target_origin_id: 'app' }] }, unknown: { default_cache_behavior: [{ viewer_protocol_policy: true }] } }],
    },
  },
  {
    id: 'CW-AWS-0095',
    scope: 'resource',
    title: 'CloudFront distributions require TLS 1.2 from viewers',
    description: 'The default *.cloudfront.net certificate and the TLSv1/TLSv1.1 security policies still accept TLS 1.0 and 1.1 connections.',
    category: 'encryption-in-transit',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: CF,
    controls: ['eit.min-tls'],
    check: checkMinimumTls,
    remediation: {
      text: 'Use a custom domain with an ACM certificate (us-east-1), SNI and minimum_protocol_version = "TLSv1.2_2021".',
      terraform: 'viewer_certificate {\n  acm_certificate_arn      = aws_acm_certificate.cdn.arn\n  ssl_support_method       = "sni-only"\n  minimum_protocol_version = "TLSv1.2_2021"\n}',
      effort: 'medium',
    },
    references: [`${CF_REF}/secure-connections-supported-viewer-protocols-ciphers.html`, docs('cloudfront_distribution#viewer-certificate-arguments')],
    peers: { checkov: ['CKV_AWS_174'] },
    differs: 'Every TLSv1.2_* (and TLSv1.3) policy passes; TLSv1.2_2021 is the one recommended. A distribution on the default certificate fails because its policy cannot be raised.',
    fixtures: {
      pass: [{ values: { viewer_certificate: [{ acm_certificate_arn: 'arn:aws:acm:us-east-1:111122223333:certificate/c', ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.2_2021' }] } }],
      fail: [
        { values: { viewer_certificate: [{ cloudfront_default_certificate: true }] } },
        { values: { viewer_certificate: [{ acm_certificate_arn: 'arn:aws:acm:us-east-1:111122223333:certificate/c', minimum_protocol_version: 'TLSv1_2016' }] } },
      ],
      unknown: [{ values: { viewer_certificate: [{ acm_certificate_arn: 'arn:aws:acm:us-east-1:111122223333:certificate/c' }] }, unknown: { viewer_certificate: [{ minimum_protocol_version: true }] } }],
    },
  },
  {
    id: 'CW-AWS-0096',
    scope: 'resource',
    title: 'CloudFront distributions are protected by AWS WAF',
    description: 'A web ACL at the edge filters common exploits, bots and floods before they reach the origin.',
    category: 'network-exposure',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: CF,
    controls: ['net.waf'],
    check: setFromConfig('web_acl_id', 'web_acl_id set to a WAFv2 web ACL (CLOUDFRONT scope)'),
    remediation: { text: 'Create a WAFv2 web ACL with scope CLOUDFRONT (in us-east-1) and set web_acl_id to its ARN.', terraform: 'web_acl_id = aws_wafv2_web_acl.cdn.arn', effort: 'medium' },
    references: [`${CF_REF}/distribution-web-awswaf.html`, docs('cloudfront_distribution#web_acl_id')],
    peers: { checkov: ['CKV_AWS_68'] },
    fixtures: {
      pass: [{ values: { web_acl_id: 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/cdn/1' } }, { values: {}, unknown: { web_acl_id: true } }],
      fail: [{ values: { enabled: true } }],
    },
  },
  {
    id: 'CW-AWS-0097',
    scope: 'resource',
    title: 'CloudFront distributions write access logs',
    description: 'Standard logs record every viewer request (client IP, path, status, TLS details), which incident response and abuse analysis need.',
    category: 'logging-monitoring',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: CF,
    controls: ['log.load-balancer'],
    check: (ctx) => {
      const expected = 'logging_config { bucket } set';
      const config = blocksAt(ctx.values, 'logging_config');
      if (config.state === 'unknown') return unknown('logging_config', expected);
      const first = config.blocks[0];
      if (!first) return fail('no logging_config', expected, 'logging_config');
      const bucket = first.get('bucket');
      return pass(`logging_config.bucket = ${bucket.state === 'known' ? show(bucket.value) : '(known after apply)'}`, expected, 'logging_config');
    },
    remediation: { text: 'Add logging_config with a log bucket (ACLs enabled for the awslogsdelivery account).', terraform: 'logging_config {\n  bucket          = aws_s3_bucket.cdn_logs.bucket_domain_name\n  prefix          = "cdn/"\n  include_cookies = false\n}', effort: 'low' },
    references: [`${CF_REF}/AccessLogs.html`, docs('cloudfront_distribution#logging-config-arguments')],
    peers: { checkov: ['CKV_AWS_86'] },
    differs: CF_DIFFERS,
    fixtures: {
      pass: [{ values: { logging_config: [{ bucket: 'logs.s3.amazonaws.com', prefix: 'cdn/' }] } }],
      fail: [{ values: { logging_config: [] } }],
      unknown: [{ values: {}, unknown: { logging_config: true } }],
    },
  },
  {
    id: 'CW-AWS-0098',
    scope: 'resource',
    title: 'CloudFront reaches custom origins over HTTPS',
    description: 'An "http-only" origin protocol policy sends every request and response between CloudFront and the origin in clear over the internet.',
    category: 'encryption-in-transit',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: CF,
    controls: ['eit.internal'],
    check: checkOriginProtocol,
    remediation: { text: 'Serve the origin over HTTPS and set origin_protocol_policy = "https-only" with origin_ssl_protocols = ["TLSv1.2"].', terraform: 'custom_origin_config {\n  http_port              = 80\n  https_port             = 443\n  origin_protocol_policy = "https-only"\n  origin_ssl_protocols   = ["TLSv1.2"]\n}', effort: 'medium' },
    references: [`${CF_REF}/using-https-cloudfront-to-custom-origin.html`, docs('cloudfront_distribution#custom-origin-config-arguments')],
    fixtures: {
      pass: [{ values: { origin: [{ origin_id: 'app', domain_name: 'app.example.com', custom_origin_config: [{ origin_protocol_policy: 'https-only', http_port: 80, https_port: 443 }] }] } }],
      fail: [{ values: { origin: [{ origin_id: 'app', domain_name: 'app.example.com', custom_origin_config: [{ origin_protocol_policy: 'http-only', http_port: 80, https_port: 443 }] }] } }],
      unknown: [{ values: {}, unknown: { origin: true } }],
      notApplicable: [{ values: { origin: [{ origin_id: 's3', domain_name: 'b.s3.amazonaws.com', s3_origin_config: [{ origin_access_identity: '' }] }] } }],
    },
  },
];
