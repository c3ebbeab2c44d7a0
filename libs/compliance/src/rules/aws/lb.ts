import type { CheckResult, ResourceCheckContext, ResourceRule } from '../../model';
import { attrEquals, fail, looseEquals, notApplicable, onlyIf, pass, show, unknown } from '../common/checks';
import { Findings, blocksAt, docs } from './helpers';

const ALB_REF = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application';
const CLB_REF = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic';
const LISTENERS = ['aws_lb_listener', 'aws_alb_listener'];
const LBS = ['aws_lb', 'aws_alb'];

/** The listener's protocol (ALB default HTTP), or a not-applicable/unknown result. */
function listenerProtocol(ctx: ResourceCheckContext): string | CheckResult {
  const lb = ctx.referenced(LBS)[0];
  if (lb && looseEquals(lb.values.value('load_balancer_type'), 'gateway')) return notApplicable('Gateway Load Balancer listener (GENEVE, no TLS)');
  const protocol = ctx.values.get('protocol');
  if (protocol.state === 'unknown') return unknown('protocol', 'a known listener protocol');
  return protocol.state === 'known' && typeof protocol.value === 'string' ? protocol.value.toUpperCase() : 'HTTP';
}

function checkListenerTls(ctx: ResourceCheckContext): CheckResult {
  const expected = 'protocol = "HTTPS" (or "TLS"), or an HTTP listener whose default action redirects to HTTPS';
  const protocol = listenerProtocol(ctx);
  if (typeof protocol !== 'string') return protocol;
  if (protocol === 'HTTPS' || protocol === 'TLS') return pass(`protocol = ${show(protocol)}`, expected, 'protocol');
  if (protocol !== 'HTTP') return notApplicable(`${protocol} listener: traffic passes through without TLS termination at the load balancer`);
  const actions = blocksAt(ctx.values, 'default_action');
  if (actions.state === 'unknown') return unknown('default_action', expected);
  const findings = new Findings();
  for (const action of actions.blocks) {
    if (!looseEquals(action.value('type'), 'redirect')) continue;
    const to = action.get('redirect.0.protocol');
    if (to.state === 'unknown') findings.unknown('default_action.redirect.protocol');
    else if (to.state === 'known' && looseEquals(to.value, 'HTTPS')) findings.pass('protocol = "HTTP" with a default redirect to HTTPS');
  }
  return findings.anyPass(expected, 'protocol', fail('protocol = "HTTP" without a redirect to HTTPS', expected, 'protocol'));
}

const MODERN_ELB_POLICY = /TLS13-1-[23]|TLS-1-2|FS-1-2/i;

function checkSslPolicy(ctx: ResourceCheckContext): CheckResult {
  const expected = 'ssl_policy allowing TLS 1.2+ only (e.g. ELBSecurityPolicy-TLS13-1-2-2021-06)';
  const protocol = listenerProtocol(ctx);
  if (typeof protocol !== 'string') return protocol;
  if (protocol !== 'HTTPS' && protocol !== 'TLS') return notApplicable(`${protocol} listener has no TLS policy`);
  const policy = ctx.values.get('ssl_policy');
  if (policy.state === 'unknown') return unknown('ssl_policy', expected);
  const name = policy.state === 'known' && typeof policy.value === 'string' ? policy.value : 'ELBSecurityPolicy-2016-08';
  const shown = policy.state === 'known' ? `ssl_policy = ${show(name)}` : `ssl_policy not set (default ${show(name)}, allows TLS 1.0)`;
  return MODERN_ELB_POLICY.test(name) ? pass(shown, expected, 'ssl_policy') : fail(shown, expected, 'ssl_policy');
}

const isApplication = (ctx: ResourceCheckContext): boolean | 'unknown' => {
  const type = ctx.values.get('load_balancer_type');
  if (type.state === 'unknown') return 'unknown';
  return type.state === 'absent' || looseEquals(type.value, 'application');
};
const isInternetFacing = (ctx: ResourceCheckContext): boolean | 'unknown' => {
  const internal = ctx.values.get('internal');
  if (internal.state === 'unknown') return 'unknown';
  return !(internal.state === 'known' && looseEquals(internal.value, true));
};

function checkWaf(ctx: ResourceCheckContext): CheckResult {
  const expected = 'an aws_wafv2_web_acl_association for the load balancer';
  const associations = ctx.referencing(['aws_wafv2_web_acl_association', 'aws_wafregional_web_acl_association']);
  const first = associations[0];
  return first ? pass(`${first.address} associates a web ACL`, expected, first.address) : fail('no WAF web ACL association refers to this load balancer', expected, 'aws_wafv2_web_acl_association');
}

function checkClassicListeners(ctx: ResourceCheckContext): CheckResult {
  const expected = 'listeners use lb_protocol HTTPS or SSL (HTTP only to redirect is not possible on Classic LB)';
  const listeners = blocksAt(ctx.values, 'listener');
  if (listeners.state === 'unknown') return unknown('listener', expected);
  const findings = new Findings();
  listeners.blocks.forEach((l, i) => {
    const protocol = l.get('lb_protocol');
    if (protocol.state === 'unknown') findings.unknown(`listener[${i}].lb_protocol`);
    else if (protocol.state === 'known' && typeof protocol.value === 'string') {
      const p = protocol.value.toLowerCase();
      if (p === 'http') findings.fail(`listener[${i}] lb_protocol = "http" on port ${show(l.value('lb_port'))}`);
      else if (p === 'https' || p === 'ssl') findings.pass(`listener[${i}] lb_protocol = ${show(protocol.value)}`);
    }
  });
  return findings.result(expected, 'listener', notApplicable('only TCP listeners (TLS, if any, is not terminated at the load balancer)'));
}

const listener = (values: Record<string, unknown>) => ({ values });
const albRef = (type: string) => ({ type: 'aws_lb', values: { load_balancer_type: type }, referencedBySubject: true, refersToSubject: false });

export const AWS_LB_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-AWS-0052',
    scope: 'resource',
    title: 'Load balancer listeners use HTTPS or redirect to it',
    description: 'A plain HTTP listener carries sessions, tokens and form data in clear across the internet.',
    category: 'encryption-in-transit',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: LISTENERS,
    controls: ['eit.load-balancer', 'eit.https-only'],
    check: checkListenerTls,
    remediation: {
      text: 'Serve HTTPS with an ACM certificate and turn the HTTP listener into a redirect to HTTPS.',
      terraform: 'default_action {\n  type = "redirect"\n  redirect {\n    port        = "443"\n    protocol    = "HTTPS"\n    status_code = "HTTP_301"\n  }\n}',
      effort: 'low',
    },
    references: [`${ALB_REF}/create-https-listener.html`, `${ALB_REF}/load-balancer-listeners.html`, docs('lb_listener')],
    peers: { checkov: ['CKV_AWS_2'] },
    differs: 'HTTP listeners whose default action redirects to HTTPS pass; TCP/UDP listeners of Network Load Balancers and Gateway Load Balancer listeners are not applicable.',
    fixtures: {
      pass: [
        listener({ protocol: 'HTTPS', port: 443, ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }),
        listener({ protocol: 'HTTP', port: 80, default_action: [{ type: 'redirect', redirect: [{ protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' }] }] }),
      ],
      fail: [listener({ protocol: 'HTTP', port: 80, default_action: [{ type: 'forward', target_group_arn: 'arn:tg' }] }), listener({ port: 80, default_action: [{ type: 'forward' }] })],
      unknown: [{ values: { port: 80 }, unknown: { protocol: true } }],
      notApplicable: [listener({ protocol: 'TCP', port: 5432 }), { values: { port: 6081 }, related: [albRef('gateway')] }],
    },
  },
  {
    id: 'CW-AWS-0053',
    scope: 'resource',
    title: 'HTTPS/TLS listeners use a TLS 1.2+ security policy',
    description: 'The provider default ELBSecurityPolicy-2016-08 still accepts TLS 1.0 and 1.1, which PCI DSS and most baselines no longer allow.',
    category: 'encryption-in-transit',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: LISTENERS,
    controls: ['eit.min-tls'],
    check: checkSslPolicy,
    remediation: { text: 'Set ssl_policy to a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.', terraform: 'ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"', effort: 'low' },
    references: [`${ALB_REF}/describe-ssl-policies.html`, docs('lb_listener#ssl_policy')],
    differs: 'Policies are recognised by name (TLS13-1-2/1-3, TLS-1-2, FS-1-2 families); other policy names fail.',
    fixtures: {
      pass: [listener({ protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }), listener({ protocol: 'TLS', ssl_policy: 'ELBSecurityPolicy-FS-1-2-Res-2020-10' })],
      fail: [listener({ protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-2016-08' }), listener({ protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-1-2021-06' })],
      unknown: [{ values: { protocol: 'HTTPS' }, unknown: { ssl_policy: true } }],
      notApplicable: [listener({ protocol: 'HTTP' })],
    },
  },
  {
    id: 'CW-AWS-0054',
    scope: 'resource',
    title: 'Application Load Balancers drop invalid HTTP headers',
    description: 'Forwarding headers with invalid names lets request-smuggling and header-injection payloads reach the targets.',
    category: 'network-exposure',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: LBS,
    controls: ['net.waf'],
    check: onlyIf(isApplication, 'only Application Load Balancers parse HTTP headers', attrEquals('drop_invalid_header_fields', true, { default: false })),
    remediation: { text: 'Set drop_invalid_header_fields = true.', terraform: 'drop_invalid_header_fields = true', effort: 'low' },
    references: [`${ALB_REF}/application-load-balancers.html`, docs('lb#drop_invalid_header_fields')],
    peers: { checkov: ['CKV_AWS_131'] },
    fixtures: {
      pass: [{ values: { load_balancer_type: 'application', drop_invalid_header_fields: true } }],
      fail: [{ values: { load_balancer_type: 'application' }, note: 'default false' }],
      unknown: [{ values: { load_balancer_type: 'application' }, unknown: { drop_invalid_header_fields: true } }],
      notApplicable: [{ values: { load_balancer_type: 'network' } }],
    },
  },
  {
    id: 'CW-AWS-0055',
    scope: 'resource',
    title: 'Load balancers write access logs',
    description: 'Access logs record every request (client, path, status, TLS details), which incident response and abuse analysis depend on.',
    category: 'logging-monitoring',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: LBS,
    controls: ['log.load-balancer'],
    check: attrEquals('access_logs.0.enabled', true, { default: false }),
    remediation: { text: 'Add access_logs with enabled = true and a log bucket that allows the ELB log delivery principal.', terraform: 'access_logs {\n  bucket  = aws_s3_bucket.lb_logs.id\n  prefix  = "alb"\n  enabled = true\n}', effort: 'low' },
    references: [`${ALB_REF}/enable-access-logging.html`, docs('lb#access_logs')],
    peers: { checkov: ['CKV_AWS_91'] },
    differs: 'The access_logs block alone is not enough: the provider defaults enabled to false even when a bucket is given.',
    fixtures: {
      pass: [{ values: { access_logs: [{ bucket: 'logs', enabled: true }] } }],
      fail: [{ values: { access_logs: [{ bucket: 'logs' }] } }, { values: { access_logs: [] } }],
      unknown: [{ values: { access_logs: [{ bucket: 'logs' }] }, unknown: { access_logs: [{ enabled: true }] } }],
    },
  },
  {
    id: 'CW-AWS-0056',
    scope: 'resource',
    title: 'Internet-facing load balancers have deletion protection',
    description: 'Deleting a public load balancer takes the service down and releases its DNS name; deletion protection prevents it by accident.',
    category: 'backup-recovery',
    severity: 'low',
    clouds: ['aws'],
    resourceTypes: LBS,
    controls: ['bkp.deletion-protection'],
    check: onlyIf(isInternetFacing, 'internal load balancer', attrEquals('enable_deletion_protection', true, { default: false })),
    remediation: { text: 'Set enable_deletion_protection = true.', terraform: 'enable_deletion_protection = true', effort: 'low' },
    references: [`${ALB_REF}/application-load-balancers.html#deletion-protection`, docs('lb#enable_deletion_protection')],
    peers: { checkov: ['CKV_AWS_150'] },
    differs: 'Limited to internet-facing load balancers; internal ones are not applicable.',
    fixtures: {
      pass: [{ values: { internal: false, enable_deletion_protection: true } }],
      fail: [{ values: { internal: false } }],
      unknown: [{ values: {}, unknown: { internal: true } }],
      notApplicable: [{ values: { internal: true } }],
    },
  },
  {
    id: 'CW-AWS-0057',
    scope: 'resource',
    title: 'Internet-facing Application Load Balancers are protected by AWS WAF',
    description: 'A web ACL in front of a public web application blocks common exploits (SQL injection, known bad inputs, bots) before they reach the targets.',
    category: 'network-exposure',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: LBS,
    controls: ['net.waf'],
    check: onlyIf(
      (ctx) => {
        const app = isApplication(ctx);
        const pub = isInternetFacing(ctx);
        if (app === false || pub === false) return false;
        return app === 'unknown' || pub === 'unknown' ? 'unknown' : true;
      },
      'internal or non-application load balancer',
      checkWaf,
    ),
    remediation: {
      text: 'Associate a WAFv2 web ACL (e.g. with the AWS managed core rule set) with the load balancer.',
      terraform: 'resource "aws_wafv2_web_acl_association" "alb" {\n  resource_arn = aws_lb.public.arn\n  web_acl_arn  = aws_wafv2_web_acl.main.arn\n}',
      effort: 'medium',
    },
    references: ['https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html', docs('wafv2_web_acl_association')],
    peers: { checkov: ['CKV2_AWS_28'] },
    differs: 'An association created outside this plan (Firewall Manager, another stack) is not visible and the rule fails; waive it with the reference to that configuration.',
    fixtures: {
      pass: [{ values: { load_balancer_type: 'application', internal: false }, related: [{ type: 'aws_wafv2_web_acl_association', values: {} }] }],
      fail: [{ values: { load_balancer_type: 'application', internal: false } }],
      notApplicable: [{ values: { load_balancer_type: 'application', internal: true } }, { values: { load_balancer_type: 'network', internal: false } }],
    },
  },
  {
    id: 'CW-AWS-0058',
    scope: 'resource',
    title: 'Classic Load Balancer listeners use HTTPS or SSL',
    description: 'A Classic Load Balancer HTTP listener carries requests in clear and cannot redirect to HTTPS itself.',
    category: 'encryption-in-transit',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_elb'],
    controls: ['eit.load-balancer'],
    check: checkClassicListeners,
    remediation: {
      text: 'Use HTTPS/SSL listeners with an ACM certificate — or better, migrate to an Application Load Balancer, which can redirect HTTP to HTTPS.',
      terraform: 'listener {\n  lb_port            = 443\n  lb_protocol        = "https"\n  instance_port      = 8080\n  instance_protocol  = "http"\n  ssl_certificate_id = aws_acm_certificate.web.arn\n}',
      effort: 'medium',
    },
    references: [`${CLB_REF}/elb-listener-config.html`, docs('elb#listener')],
    differs: 'TCP listeners are not judged (TLS may pass through to the instances); a load balancer with only TCP listeners is not applicable.',
    fixtures: {
      pass: [{ values: { listener: [{ lb_port: 443, lb_protocol: 'https', instance_port: 8080, instance_protocol: 'http' }] } }],
      fail: [{ values: { listener: [{ lb_port: 80, lb_protocol: 'http', instance_port: 8000, instance_protocol: 'http' }] } }],
      unknown: [{ values: {}, unknown: { listener: true } }],
      notApplicable: [{ values: { listener: [{ lb_port: 5432, lb_protocol: 'tcp', instance_port: 5432, instance_protocol: 'tcp' }] } }],
    },
  },
  {
    id: 'CW-AWS-0059',
    scope: 'resource',
    title: 'Classic Load Balancers write access logs',
    description: 'Access logs record every request the load balancer receives, which incident response and abuse analysis depend on.',
    category: 'logging-monitoring',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_elb'],
    controls: ['log.load-balancer'],
    check: (ctx) => {
      const expected = 'access_logs { bucket, enabled = true }';
      const logs = blocksAt(ctx.values, 'access_logs');
      if (logs.state === 'unknown') return unknown('access_logs', expected);
      const first = logs.blocks[0];
      if (!first) return fail('no access_logs block', expected, 'access_logs');
      const enabled = first.get('enabled');
      if (enabled.state === 'unknown') return unknown('access_logs.enabled', expected);
      return enabled.state === 'known' && looseEquals(enabled.value, false)
        ? fail('access_logs.enabled = false', expected, 'access_logs.enabled')
        : pass(`access_logs to ${show(first.value('bucket'))}`, expected, 'access_logs');
    },
    remediation: { text: 'Add an access_logs block pointing to a log bucket.', terraform: 'access_logs {\n  bucket        = aws_s3_bucket.lb_logs.id\n  interval      = 60\n  enabled       = true\n}', effort: 'low' },
    references: [`${CLB_REF}/access-log-collection.html`, docs('elb#access_logs')],
    peers: { checkov: ['CKV_AWS_92'] },
    differs: 'For aws_elb the provider defaults access_logs.enabled to true once the block is present.',
    fixtures: {
      pass: [{ values: { access_logs: [{ bucket: 'logs', interval: 60 }] } }],
      fail: [{ values: { access_logs: [] } }, { values: { access_logs: [{ bucket: 'logs', enabled: false }] } }],
      unknown: [{ values: { access_logs: [{ bucket: 'logs' }] }, unknown: { access_logs: [{ enabled: true }] } }],
    },
  },
];
