import type { CheckResult, ResourceCheckContext, ResourceRule } from '../../model';
import { attrCheck, attrEquals, fail, isNonEmpty, looseEquals, minTls12, onlyIf, pass, show, unknown } from '../common/checks';
import { isInternetSource } from '../common/network';
import { docs, judgePublicPolicy, readPolicy, setFromConfig } from './helpers';

const LAMBDA_REF = 'https://docs.aws.amazon.com/lambda/latest/dg';
const EKS_REF = 'https://docs.aws.amazon.com/eks/latest/userguide';
const ECR_REF = 'https://docs.aws.amazon.com/AmazonECR/latest/userguide';
const APIGW_REF = 'https://docs.aws.amazon.com/apigateway/latest/developerguide';

/** Runtimes AWS has deprecated (no more security patches): Node ≤ 16, Python ≤ 3.8, Ruby 2.x, Go 1.x, .NET Core/5/6, Java 8 on AL1, provided (AL1). */
const DEPRECATED_RUNTIMES = /^(nodejs(4\.3|6\.10|8\.10|10\.x|12\.x|14\.x|16\.x)?|python(2\.7|3\.6|3\.7|3\.8)|ruby2\.[57]|go1\.x|dotnetcore[123]\.[01]|dotnet[56](\.0)?|java8|provided)$/;

function hasEnvironment(ctx: ResourceCheckContext): boolean | 'unknown' {
  const vars = ctx.values.get('environment.0.variables');
  if (vars.state === 'unknown') return true;
  return vars.state === 'known' && isNonEmpty(vars.value);
}

function checkEksEndpoint(ctx: ResourceCheckContext): CheckResult {
  const expected = 'endpoint_public_access = false, or public_access_cidrs restricted to known ranges';
  const open = ctx.values.get('vpc_config.0.endpoint_public_access');
  if (open.state === 'unknown') return unknown('vpc_config.endpoint_public_access', expected);
  if (open.state === 'known' && looseEquals(open.value, false)) return pass('endpoint_public_access = false', expected, 'vpc_config.endpoint_public_access');
  const cidrs = ctx.values.get('vpc_config.0.public_access_cidrs');
  if (cidrs.state === 'unknown') return unknown('vpc_config.public_access_cidrs', expected);
  const list: unknown[] = cidrs.state === 'known' && Array.isArray(cidrs.value) ? (cidrs.value as unknown[]) : ['0.0.0.0/0'];
  const shown = cidrs.state === 'known' ? `public_access_cidrs = ${show(list)}` : 'public_access_cidrs not set (default ["0.0.0.0/0"])';
  return list.some(isInternetSource) || list.length === 0
    ? fail(`endpoint_public_access = true, ${shown}`, expected, 'vpc_config.public_access_cidrs')
    : pass(`endpoint_public_access = true, ${shown}`, expected, 'vpc_config.public_access_cidrs');
}

function checkEksSecrets(ctx: ResourceCheckContext): CheckResult {
  const expected = 'encryption_config { resources = ["secrets"], provider { key_arn = <KMS key> } }';
  if (ctx.values.get('encryption_config').state === 'unknown') return unknown('encryption_config', expected);
  const configs = ctx.values.blocks('encryption_config');
  for (const config of configs) {
    const resources = config.get('resources');
    if (resources.state === 'unknown') return unknown('encryption_config.resources', expected);
    if (resources.state === 'known' && Array.isArray(resources.value) && resources.value.includes('secrets')) {
      return pass('encryption_config covers "secrets"', expected, 'encryption_config');
    }
  }
  return fail(configs.length === 0 ? 'no encryption_config' : 'encryption_config does not cover "secrets"', expected, 'encryption_config');
}

function checkEcrScanning(ctx: ResourceCheckContext): CheckResult {
  const expected = 'image_scanning_configuration { scan_on_push = true } (or registry-level scanning on push / continuous)';
  const registry = ctx.ofType('aws_ecr_registry_scanning_configuration').find(
    (r) =>
      looseEquals(r.values.value('scan_type'), 'ENHANCED') ||
      r.values.blocks('rule').some((rule) => ['SCAN_ON_PUSH', 'CONTINUOUS_SCAN'].includes(String(rule.string('scan_frequency') ?? ''))),
  );
  const own = ctx.values.get('image_scanning_configuration.0.scan_on_push');
  if (own.state === 'known' && looseEquals(own.value, true)) return pass('scan_on_push = true', expected, 'image_scanning_configuration.scan_on_push');
  if (registry) return pass(`${registry.address} scans the registry`, expected, registry.address);
  if (own.state === 'unknown') return unknown('image_scanning_configuration.scan_on_push', expected);
  return fail(own.state === 'known' ? `scan_on_push = ${show(own.value)}` : 'image_scanning_configuration not set (scan_on_push defaults to false)', expected, 'image_scanning_configuration.scan_on_push');
}

const ecrPolicy = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

export const AWS_COMPUTE_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-AWS-0078',
    scope: 'resource',
    title: 'Lambda environment variables are encrypted with a customer-managed key',
    description: 'Lambda encrypts environment variables with an AWS managed key, readable by anyone allowed to get the function configuration; a customer-managed key adds a key policy.',
    category: 'encryption-at-rest',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_lambda_function'],
    controls: ['ear.customer-managed-key', 'ear.secrets'],
    check: onlyIf(hasEnvironment, 'no environment variables', setFromConfig('kms_key_arn')),
    remediation: { text: 'Set kms_key_arn to a customer-managed key; keep real secrets in Secrets Manager rather than environment variables.', terraform: 'kms_key_arn = aws_kms_key.lambda.arn', effort: 'low' },
    references: [`${LAMBDA_REF}/configuration-envvars.html`, docs('lambda_function#kms_key_arn')],
    peers: { checkov: ['CKV_AWS_173'] },
    differs: 'Functions without environment variables are not applicable; the variables are encrypted at rest either way, so the rule is low severity.',
    fixtures: {
      pass: [{ values: { function_name: 'f', environment: [{ variables: { STAGE: 'prod' } }], kms_key_arn: 'arn:aws:kms:eu-west-1:111122223333:key/k' } }],
      fail: [{ values: { function_name: 'f', environment: [{ variables: { STAGE: 'prod' } }] } }],
      notApplicable: [{ values: { function_name: 'f', environment: [] } }],
    },
  },
  {
    id: 'CW-AWS-0079',
    scope: 'resource',
    title: 'Lambda functions have active X-Ray tracing',
    description: 'Active tracing records each invocation and its downstream calls, which latency and error analysis across services relies on.',
    category: 'logging-monitoring',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_lambda_function'],
    controls: ['log.monitoring'],
    check: attrEquals('tracing_config.0.mode', 'Active', { default: 'PassThrough' }),
    remediation: { text: 'Set tracing_config.mode = "Active" and allow the function role xray:PutTraceSegments.', terraform: 'tracing_config {\n  mode = "Active"\n}', effort: 'low' },
    references: [`${LAMBDA_REF}/services-xray.html`, docs('lambda_function#tracing_config')],
    peers: { checkov: ['CKV_AWS_50'] },
    fixtures: {
      pass: [{ values: { function_name: 'f', tracing_config: [{ mode: 'Active' }] } }],
      fail: [{ values: { function_name: 'f', tracing_config: [{ mode: 'PassThrough' }] } }, { values: { function_name: 'f', tracing_config: [] } }],
      unknown: [{ values: { function_name: 'f' }, unknown: { tracing_config: true } }],
    },
  },
  {
    id: 'CW-AWS-0080',
    scope: 'resource',
    title: 'Lambda functions do not use deprecated runtimes',
    description: 'Deprecated runtimes receive no security patches, and AWS eventually blocks creating and then updating functions that use them.',
    category: 'best-practice',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_lambda_function'],
    controls: ['rel.maintenance'],
    check: onlyIf(
      (ctx) => (ctx.values.get('package_type').state === 'unknown' ? 'unknown' : !looseEquals(ctx.values.value('package_type'), 'Image')),
      'container image functions bring their own runtime',
      attrCheck({ attr: 'runtime', test: (v) => typeof v === 'string' && !DEPRECATED_RUNTIMES.test(v), expected: 'a supported runtime (e.g. nodejs22.x, python3.12, java21)' }),
    ),
    remediation: { text: 'Move the function to a supported runtime version and test it.', terraform: 'runtime = "nodejs22.x"', effort: 'medium' },
    references: [`${LAMBDA_REF}/lambda-runtimes.html`, docs('lambda_function#runtime')],
    differs: 'The list covers runtimes whose deprecation date has passed (Node.js ≤ 16, Python ≤ 3.8, Ruby 2.x, Go 1.x, .NET Core/5/6, Java 8 on Amazon Linux 1, provided).',
    fixtures: {
      pass: [{ values: { function_name: 'f', runtime: 'python3.12' } }],
      fail: [{ values: { function_name: 'f', runtime: 'nodejs12.x' } }, { values: { function_name: 'f', runtime: 'go1.x' } }],
      unknown: [{ values: { function_name: 'f' }, unknown: { runtime: true } }],
      notApplicable: [{ values: { function_name: 'f', package_type: 'Image' } }],
    },
  },
  {
    id: 'CW-AWS-0081',
    scope: 'resource',
    title: 'EKS API endpoints are not open to the whole internet',
    description: 'A public Kubernetes API endpoint reachable from 0.0.0.0/0 exposes the control plane to credential attacks and API vulnerabilities.',
    category: 'kubernetes-security',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_eks_cluster'],
    controls: ['k8s.private-endpoint', 'pub.authorized-networks'],
    check: checkEksEndpoint,
    remediation: {
      text: 'Disable the public endpoint (use the private endpoint through VPN/bastion) or restrict public_access_cidrs to your office/CI ranges.',
      terraform: 'vpc_config {\n  subnet_ids              = var.private_subnet_ids\n  endpoint_private_access = true\n  endpoint_public_access  = false\n}',
      effort: 'medium',
    },
    references: [`${EKS_REF}/cluster-endpoint.html`, docs('eks_cluster#vpc_config')],
    peers: { checkov: ['CKV_AWS_38', 'CKV_AWS_39'] },
    differs: 'A public endpoint restricted by public_access_cidrs passes (Checkov CKV_AWS_39 fails every public endpoint). Not set: the default 0.0.0.0/0 fails; CIDRs computed at plan time give unknown.',
    fixtures: {
      pass: [{ values: { vpc_config: [{ endpoint_public_access: false, endpoint_private_access: true }] } }, { values: { vpc_config: [{ endpoint_public_access: true, public_access_cidrs: ['203.0.113.0/24'] }] } }],
      fail: [{ values: { vpc_config: [{ endpoint_public_access: true, public_access_cidrs: ['0.0.0.0/0'] }] } }, { values: { vpc_config: [{}] }, note: 'defaults: public, 0.0.0.0/0' }],
      unknown: [{ values: { vpc_config: [{ endpoint_public_access: true }] }, unknown: { vpc_config: [{ public_access_cidrs: true }] } }],
    },
  },
  {
    id: 'CW-AWS-0082',
    scope: 'resource',
    title: 'EKS clusters encrypt Kubernetes secrets with a KMS key',
    description: 'Envelope encryption of secrets with a customer-managed KMS key protects them beyond the storage encryption of the etcd volumes, and lets you revoke access to the key.',
    category: 'kubernetes-security',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_eks_cluster'],
    controls: ['k8s.secrets-encryption', 'ear.customer-managed-key'],
    check: checkEksSecrets,
    remediation: { text: 'Add an encryption_config for "secrets" with a customer-managed KMS key.', terraform: 'encryption_config {\n  resources = ["secrets"]\n  provider {\n    key_arn = aws_kms_key.eks.arn\n  }\n}', effort: 'low' },
    references: [`${EKS_REF}/enable-kms.html`, docs('eks_cluster#encryption_config')],
    peers: { checkov: ['CKV_AWS_58'] },
    differs: 'Medium rather than high: the etcd volumes are encrypted by AWS in any case; the rule asks for envelope encryption under a key you control.',
    fixtures: {
      pass: [{ values: { encryption_config: [{ resources: ['secrets'], provider: [{ key_arn: 'arn:aws:kms:eu-west-1:111122223333:key/k' }] }] } }],
      fail: [{ values: { encryption_config: [] } }, { values: {} }],
      unknown: [{ values: {}, unknown: { encryption_config: true } }],
    },
  },
  {
    id: 'CW-AWS-0083',
    scope: 'resource',
    title: 'EKS clusters send audit logs to CloudWatch',
    description: 'The Kubernetes audit log records who did what through the API server; without it, a cluster compromise leaves no trace.',
    category: 'logging-monitoring',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_eks_cluster'],
    controls: ['log.kubernetes'],
    check: attrCheck({
      attr: 'enabled_cluster_log_types',
      test: (v) => Array.isArray(v) && v.includes('audit'),
      expected: 'enabled_cluster_log_types includes "audit" (ideally also "api" and "authenticator")',
    }),
    remediation: { text: 'List "audit" (and "api", "authenticator") in enabled_cluster_log_types; set a retention on the /aws/eks/<cluster>/cluster log group.', terraform: 'enabled_cluster_log_types = ["api", "audit", "authenticator"]', effort: 'low' },
    references: [`${EKS_REF}/control-plane-logs.html`, docs('eks_cluster#enabled_cluster_log_types')],
    peers: { checkov: ['CKV_AWS_37'] },
    differs: 'Only the audit log is required (Checkov CKV_AWS_37 asks for all five log types, which costs more for little security value).',
    fixtures: {
      pass: [{ values: { enabled_cluster_log_types: ['api', 'audit', 'authenticator'] } }],
      fail: [{ values: { enabled_cluster_log_types: ['api'] } }, { values: {} }],
      unknown: [{ values: {}, unknown: { enabled_cluster_log_types: true } }],
    },
  },
  {
    id: 'CW-AWS-0084',
    scope: 'resource',
    title: 'ECR repositories scan images on push',
    description: 'Scanning on push reports known vulnerabilities (CVEs) in every image before it is deployed.',
    category: 'kubernetes-security',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_ecr_repository'],
    controls: ['k8s.approved-images'],
    check: checkEcrScanning,
    remediation: { text: 'Set image_scanning_configuration.scan_on_push = true, or configure registry-level enhanced scanning (Amazon Inspector).', terraform: 'image_scanning_configuration {\n  scan_on_push = true\n}', effort: 'low' },
    references: [`${ECR_REF}/image-scanning.html`, docs('ecr_repository#image_scanning_configuration')],
    peers: { checkov: ['CKV_AWS_163'] },
    differs: 'An aws_ecr_registry_scanning_configuration in the plan (enhanced scanning, or a scan-on-push/continuous rule) satisfies the rule for every repository.',
    fixtures: {
      pass: [
        { values: { name: 'app', image_scanning_configuration: [{ scan_on_push: true }] } },
        { values: { name: 'app', image_scanning_configuration: [] }, related: [{ type: 'aws_ecr_registry_scanning_configuration', values: { scan_type: 'ENHANCED' }, refersToSubject: false }] },
      ],
      fail: [{ values: { name: 'app', image_scanning_configuration: [] } }, { values: { name: 'app', image_scanning_configuration: [{ scan_on_push: false }] } }],
      unknown: [{ values: { name: 'app' }, unknown: { image_scanning_configuration: true } }],
    },
  },
  {
    id: 'CW-AWS-0085',
    scope: 'resource',
    title: 'ECR repositories have immutable image tags',
    description: 'With mutable tags, pushing an image under an existing tag silently changes what every deployment of that tag runs.',
    category: 'kubernetes-security',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_ecr_repository'],
    controls: ['k8s.approved-images'],
    check: attrCheck({
      attr: 'image_tag_mutability',
      test: (v) => typeof v === 'string' && v.toUpperCase().startsWith('IMMUTABLE'),
      expected: 'image_tag_mutability = "IMMUTABLE"',
      absent: { default: 'MUTABLE' },
    }),
    remediation: { text: 'Set image_tag_mutability = "IMMUTABLE" and deploy images by unique tag or digest.', terraform: 'image_tag_mutability = "IMMUTABLE"', effort: 'low' },
    references: [`${ECR_REF}/image-tag-mutability.html`, docs('ecr_repository#image_tag_mutability')],
    peers: { checkov: ['CKV_AWS_51'] },
    fixtures: {
      pass: [{ values: { name: 'app', image_tag_mutability: 'IMMUTABLE' } }],
      fail: [{ values: { name: 'app', image_tag_mutability: 'MUTABLE' } }, { values: { name: 'app' } }],
      unknown: [{ values: { name: 'app' }, unknown: { image_tag_mutability: true } }],
    },
  },
  {
    id: 'CW-AWS-0086',
    scope: 'resource',
    title: 'ECR repository policies do not allow every principal',
    description: 'A repository policy allowing Principal "*" without a condition lets any AWS account pull (or push) the images, and whatever they contain.',
    category: 'public-access',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_ecr_repository_policy'],
    controls: ['pub.registry'],
    check: (ctx) => judgePublicPolicy(readPolicy(ctx.values.get('policy')), 'policy', pass('no policy', 'no public statement', 'policy')),
    remediation: { text: 'Name the accounts or roles that may pull, or restrict "*" with aws:PrincipalOrgID.', terraform: 'Condition = {\n  StringEquals = { "aws:PrincipalOrgID" = "o-xxxxxxxxxx" }\n}', effort: 'low' },
    references: [`${ECR_REF}/repository-policies.html`, docs('ecr_repository_policy')],
    fixtures: {
      pass: [{ values: { policy: ecrPolicy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ['ecr:BatchGetImage'] }) } }],
      fail: [{ values: { policy: ecrPolicy({ Effect: 'Allow', Principal: '*', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }) } }],
      unknown: [{ values: {}, unknown: { policy: true } }],
    },
  },
  {
    id: 'CW-AWS-0087',
    scope: 'resource',
    title: 'API Gateway stages write access logs',
    description: 'Access logs record who called which route with which result, which abuse investigation and auditing need.',
    category: 'logging-monitoring',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage'],
    controls: ['log.monitoring'],
    check: setFromConfig('access_log_settings.0.destination_arn', 'access_log_settings { destination_arn, format }'),
    remediation: {
      text: 'Add access_log_settings with a CloudWatch log group (or Firehose) destination and a JSON format.',
      terraform: 'access_log_settings {\n  destination_arn = aws_cloudwatch_log_group.api.arn\n  format          = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", status = "$context.status" })\n}',
      effort: 'low',
    },
    references: [`${APIGW_REF}/set-up-logging.html`, docs('api_gateway_stage#access_log_settings')],
    peers: { checkov: ['CKV_AWS_76'] },
    fixtures: {
      pass: [{ values: { stage_name: 'prod', access_log_settings: [{ destination_arn: 'arn:aws:logs:eu-west-1:111122223333:log-group:api', format: '{}' }] } }, { type: 'aws_apigatewayv2_stage', values: { name: 'prod', access_log_settings: [{ format: '{}' }] }, unknown: { access_log_settings: [{ destination_arn: true }] } }],
      fail: [{ values: { stage_name: 'prod', access_log_settings: [] } }],
    },
  },
  {
    id: 'CW-AWS-0088',
    scope: 'resource',
    title: 'API Gateway REST stages have X-Ray tracing',
    description: 'X-Ray traces requests from the API through the backends, which latency and error analysis relies on.',
    category: 'logging-monitoring',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: ['aws_api_gateway_stage'],
    controls: ['log.monitoring'],
    check: attrEquals('xray_tracing_enabled', true, { default: false }),
    remediation: { text: 'Set xray_tracing_enabled = true.', terraform: 'xray_tracing_enabled = true', effort: 'low' },
    references: [`${APIGW_REF}/apigateway-xray.html`, docs('api_gateway_stage#xray_tracing_enabled')],
    peers: { checkov: ['CKV_AWS_73'] },
    fixtures: {
      pass: [{ values: { stage_name: 'prod', xray_tracing_enabled: true } }],
      fail: [{ values: { stage_name: 'prod' } }],
      unknown: [{ values: { stage_name: 'prod' }, unknown: { xray_tracing_enabled: true } }],
    },
  },
  {
    id: 'CW-AWS-0089',
    scope: 'resource',
    title: 'API Gateway custom domains require TLS 1.2',
    description: 'The TLS_1_0 security policy still accepts TLS 1.0 and 1.1 connections to the API.',
    category: 'encryption-in-transit',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_api_gateway_domain_name'],
    controls: ['eit.min-tls'],
    check: minTls12('security_policy', 'fail'),
    remediation: { text: 'Set security_policy = "TLS_1_2".', terraform: 'security_policy = "TLS_1_2"', effort: 'low' },
    references: [`${APIGW_REF}/apigateway-custom-domain-tls-version.html`, docs('api_gateway_domain_name#security_policy')],
    fixtures: {
      pass: [{ values: { domain_name: 'api.example.com', security_policy: 'TLS_1_2' } }],
      fail: [{ values: { domain_name: 'api.example.com', security_policy: 'TLS_1_0' } }],
      unknown: [{ values: { domain_name: 'api.example.com' }, unknown: { security_policy: true } }],
    },
  },
];
