import type { ResourceRule } from '../../model';
import { allOf, anyOf, attrCheck, attrEquals, fail, isNonEmpty, notApplicable, onlyIf, pass, show, tlsVersion, unknown, type ResourceCheck } from '../common/checks';
import { attrBool, attrIn, azureRule, byType, eqi, idSet } from './helpers';

const AGW = 'azurerm_application_gateway';
const WAF_POLICY = 'azurerm_web_application_firewall_policy';
const FD_WAF_POLICY = 'azurerm_cdn_frontdoor_firewall_policy';
const DOC = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/';

const appGatewayWaf: ResourceCheck = allOf(
  attrCheck({ attr: 'sku.0.tier', test: (v) => typeof v === 'string' && /^waf/i.test(v), expected: 'sku tier WAF_v2 (or WAF)' }),
  anyOf(idSet('firewall_policy_id', [WAF_POLICY], 'firewall_policy_id set (a WAF policy)'), attrBool('waf_configuration.0.enabled', true)),
);

/** TLS 1.2+ predefined policies of Application Gateway. AppGwSslPolicy20150501 (TLS 1.0) and 20170401 (TLS 1.1) are not. */
const SECURE_PREDEFINED = ['AppGwSslPolicy20170401S', 'AppGwSslPolicy20220101', 'AppGwSslPolicy20220101S'];

const appGatewayTls: ResourceCheck = (ctx) => {
  const expected = 'ssl_policy with TLS 1.2 minimum (min_protocol_version = "TLSv1_2"/"TLSv1_3" or predefined AppGwSslPolicy20170401S / AppGwSslPolicy20220101 / AppGwSslPolicy20220101S)';
  if (ctx.values.get('ssl_policy').state === 'unknown') return unknown('ssl_policy', expected);
  const policy = ctx.values.blocks('ssl_policy')[0];
  if (!policy || Object.keys(policy.values).length === 0) {
    return fail('ssl_policy not set: the default predefined policy depends on the gateway API version (older gateways default to AppGwSslPolicy20150501, TLS 1.0)', expected, 'ssl_policy');
  }
  for (const attr of ['policy_type', 'policy_name', 'min_protocol_version', 'disabled_protocols']) {
    if (policy.get(attr).state === 'unknown') return unknown(`ssl_policy.${attr}`, expected);
  }
  const type = policy.value('policy_type');
  const name = policy.value('policy_name');
  const min = policy.value('min_protocol_version');
  if (eqi(type, 'Predefined') || (type === undefined && typeof name === 'string' && name !== '')) {
    return SECURE_PREDEFINED.some((p) => eqi(name, p))
      ? pass(`ssl_policy.policy_name = ${show(name)}`, expected, 'ssl_policy.policy_name')
      : fail(`ssl_policy.policy_name = ${show(name)}`, expected, 'ssl_policy.policy_name');
  }
  if (min !== undefined) {
    return tlsVersion(min) >= 1.2
      ? pass(`ssl_policy.min_protocol_version = ${show(min)}`, expected, 'ssl_policy.min_protocol_version')
      : fail(`ssl_policy.min_protocol_version = ${show(min)}`, expected, 'ssl_policy.min_protocol_version');
  }
  const disabled = policy.list('disabled_protocols') ?? [];
  if (['TLSv1_0', 'TLSv1_1'].every((p) => disabled.some((d) => eqi(d, p)))) return pass(`ssl_policy.disabled_protocols = ${show(disabled)}`, expected, 'ssl_policy.disabled_protocols');
  return fail(`ssl_policy without a TLS 1.2 minimum (disabled_protocols = ${show(disabled)})`, expected, 'ssl_policy');
};

/** Gateways terminating TLS: an Https listener or an SSL certificate. */
const terminatesTls = (ctx: Parameters<ResourceCheck>[0]): boolean | 'unknown' => {
  if (ctx.values.get('http_listener').state === 'unknown') return 'unknown';
  if (ctx.values.blocks('http_listener').some((l) => eqi(l.value('protocol'), 'Https'))) return true;
  const certs = ctx.values.get('ssl_certificate');
  return certs.state === 'known' && isNonEmpty(certs.value);
};

const firewallThreatIntel: ResourceCheck = (ctx) => {
  const expected = 'threat_intel_mode = "Alert" or "Deny"';
  const policy = ctx.values.get('firewall_policy_id');
  if (policy.state === 'known' && isNonEmpty(policy.value)) return notApplicable('threat intelligence comes from the firewall policy (judged on azurerm_firewall_policy)');
  if (policy.state === 'unknown') {
    if (ctx.referenced('azurerm_firewall_policy').length > 0) return notApplicable('threat intelligence comes from the firewall policy (judged on azurerm_firewall_policy)');
    return unknown('firewall_policy_id', expected);
  }
  const mode = ctx.values.get('threat_intel_mode');
  if (mode.state === 'known' && mode.value === '') {
    const hub = ctx.values.get('virtual_hub');
    if (hub.state === 'known' && isNonEmpty(hub.value)) return notApplicable('secured virtual hub firewall: threat intelligence is managed by Firewall Manager');
  }
  return attrIn('threat_intel_mode', ['Alert', 'Deny'], { default: 'Alert' })(ctx);
};

export const AZURE_GATEWAY_RULES: readonly ResourceRule[] = [
  azureRule({
    id: 'CW-AZ-0029',
    title: 'Application gateways run a web application firewall',
    description: 'Public web applications behind an Application Gateway without WAF receive SQL injection, XSS and bot traffic unfiltered.',
    category: 'network-exposure',
    severity: 'high',
    resourceTypes: [AGW],
    controls: ['net.waf'],
    check: appGatewayWaf,
    remediation: {
      text: 'Use the WAF_v2 SKU and attach an azurerm_web_application_firewall_policy (firewall_policy_id), or enable waf_configuration.',
      terraform: 'sku {\n  name     = "WAF_v2"\n  tier     = "WAF_v2"\n  capacity = 2\n}\nfirewall_policy_id = azurerm_web_application_firewall_policy.this.id',
      bicep: "properties: {\n  sku: { name: 'WAF_v2', tier: 'WAF_v2', capacity: 2 }\n  firewallPolicy: { id: wafPolicy.id }\n}",
      effort: 'medium',
    },
    references: [`${DOC}application_gateway`, 'https://learn.microsoft.com/azure/web-application-firewall/ag/ag-overview'],
    differs: 'A firewall_policy_id known only after apply passes when it refers to an azurerm_web_application_firewall_policy of the plan.',
    fixtures: {
      pass: [
        { values: { sku: [{ name: 'WAF_v2', tier: 'WAF_v2' }], waf_configuration: [{ enabled: true, firewall_mode: 'Prevention' }] } },
        { values: { sku: [{ name: 'WAF_v2', tier: 'WAF_v2' }] }, unknown: { firewall_policy_id: true }, related: [{ type: WAF_POLICY, values: {}, referencedBySubject: true, refersToSubject: false }] },
      ],
      fail: [{ values: { sku: [{ name: 'Standard_v2', tier: 'Standard_v2' }] } }, { values: { sku: [{ name: 'WAF_v2', tier: 'WAF_v2' }], waf_configuration: [{ enabled: false }] } }],
      unknown: [{ values: { sku: [{ name: 'WAF_v2', tier: 'WAF_v2' }] }, unknown: { firewall_policy_id: true } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0030',
    title: 'Web application firewalls block attacks (prevention mode)',
    description: 'A WAF in detection mode only logs attacks; prevention mode blocks them.',
    category: 'network-exposure',
    severity: 'medium',
    resourceTypes: [AGW, WAF_POLICY, FD_WAF_POLICY],
    controls: ['net.waf'],
    check: byType({
      [AGW]: onlyIf(
        (ctx) => {
          const waf = ctx.values.get('waf_configuration');
          return waf.state === 'unknown' ? 'unknown' : waf.state === 'known' && isNonEmpty(waf.value);
        },
        'no waf_configuration (an attached WAF policy is judged on azurerm_web_application_firewall_policy)',
        allOf(attrBool('waf_configuration.0.enabled', true), attrEquals('waf_configuration.0.firewall_mode', 'Prevention')),
      ),
      [WAF_POLICY]: allOf(attrBool('policy_settings.0.enabled', true, { default: true }), attrEquals('policy_settings.0.mode', 'Prevention', { default: 'Prevention' })),
      [FD_WAF_POLICY]: allOf(attrBool('enabled', true, { default: true }), attrEquals('mode', 'Prevention')),
    }),
    remediation: {
      text: 'Set the WAF mode to Prevention after tuning exclusions in detection mode.',
      terraform: 'policy_settings {\n  enabled = true\n  mode    = "Prevention"\n}',
      bicep: "properties: {\n  policySettings: {\n    state: 'Enabled'\n    mode: 'Prevention'\n  }\n}",
      effort: 'medium',
    },
    references: [`${DOC}web_application_firewall_policy`, `${DOC}cdn_frontdoor_firewall_policy`, 'https://learn.microsoft.com/azure/web-application-firewall/ag/ag-overview#waf-modes'],
    differs: 'WAF policy policy_settings absent = provider defaults (enabled, Prevention). Gateways without waf_configuration are not applicable here: their WAF policy is judged on its own.',
    fixtures: {
      pass: [
        { values: { waf_configuration: [{ enabled: true, firewall_mode: 'Prevention' }] } },
        { type: WAF_POLICY, values: { policy_settings: [{ enabled: true, mode: 'Prevention' }] } },
        { type: WAF_POLICY, values: {}, note: 'defaults' },
        { type: FD_WAF_POLICY, values: { mode: 'Prevention' } },
      ],
      fail: [
        { values: { waf_configuration: [{ enabled: true, firewall_mode: 'Detection' }] } },
        { type: WAF_POLICY, values: { policy_settings: [{ mode: 'Detection' }] } },
        { type: FD_WAF_POLICY, values: { mode: 'Detection', enabled: true } },
      ],
      unknown: [{ type: WAF_POLICY, values: { policy_settings: [{ enabled: true }] }, unknown: { policy_settings: [{ mode: true }] } }],
      notApplicable: [{ values: { sku: [{ tier: 'WAF_v2' }], firewall_policy_id: 'p' } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0031',
    title: 'Application gateways require TLS 1.2 or later',
    description: 'Gateways on the legacy default SSL policy accept TLS 1.0 and 1.1 and weak ciphers.',
    category: 'encryption-in-transit',
    severity: 'medium',
    resourceTypes: [AGW],
    controls: ['eit.min-tls', 'eit.load-balancer'],
    check: onlyIf(terminatesTls, 'no HTTPS listener or SSL certificate', appGatewayTls),
    remediation: {
      text: 'Add an ssl_policy using the predefined AppGwSslPolicy20220101S policy (or a custom policy with min_protocol_version = "TLSv1_2").',
      terraform: 'ssl_policy {\n  policy_type = "Predefined"\n  policy_name = "AppGwSslPolicy20220101S"\n}',
      bicep: "properties: {\n  sslPolicy: {\n    policyType: 'Predefined'\n    policyName: 'AppGwSslPolicy20220101S'\n  }\n}",
      effort: 'low',
    },
    references: [`${DOC}application_gateway#ssl_policy`, 'https://learn.microsoft.com/azure/application-gateway/application-gateway-ssl-policy-overview'],
    differs: 'An absent ssl_policy fails: the azurerm provider documents no default and the platform default depends on the API version. Gateways without HTTPS listeners are not applicable.',
    fixtures: {
      pass: [
        { values: { http_listener: [{ protocol: 'Https' }], ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101' }] } },
        { values: { http_listener: [{ protocol: 'Https' }], ssl_policy: [{ policy_type: 'CustomV2', min_protocol_version: 'TLSv1_2', cipher_suites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'] }] } },
        { values: { ssl_certificate: [{ name: 'c' }], ssl_policy: [{ disabled_protocols: ['TLSv1_0', 'TLSv1_1'] }] } },
      ],
      fail: [
        { values: { http_listener: [{ protocol: 'Https' }] } },
        { values: { http_listener: [{ protocol: 'Https' }], ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20150501' }] } },
        { values: { http_listener: [{ protocol: 'Https' }], ssl_policy: [{ policy_type: 'Custom', min_protocol_version: 'TLSv1_1' }] } },
      ],
      unknown: [{ values: { http_listener: [{ protocol: 'Https' }] }, unknown: { ssl_policy: true } }],
      notApplicable: [{ values: { http_listener: [{ protocol: 'Http' }] } }],
    },
  }),
  azureRule({
    id: 'CW-AZ-0032',
    title: 'Azure Firewall threat intelligence filtering is on (Alert or Deny)',
    description: 'Threat intelligence filtering alerts on or blocks traffic to and from known malicious IPs and domains; Off disables it.',
    category: 'logging-monitoring',
    severity: 'medium',
    resourceTypes: ['azurerm_firewall', 'azurerm_firewall_policy'],
    controls: ['log.threat-detection', 'net.egress'],
    check: byType({
      azurerm_firewall: firewallThreatIntel,
      azurerm_firewall_policy: attrIn('threat_intelligence_mode', ['Alert', 'Deny'], { default: 'Alert' }),
    }),
    remediation: {
      text: 'Set threat_intel_mode (firewall) or threat_intelligence_mode (firewall policy) to "Deny" (or at least "Alert").',
      terraform: 'threat_intelligence_mode = "Deny" # azurerm_firewall_policy\n# threat_intel_mode = "Deny"      # azurerm_firewall without a policy',
      bicep: "properties: {\n  threatIntelMode: 'Deny'\n}",
      effort: 'low',
    },
    references: [`${DOC}firewall`, `${DOC}firewall_policy`, 'https://learn.microsoft.com/azure/firewall/threat-intel'],
    differs: 'Absent means the provider default Alert (passes). A firewall with a firewall policy is not applicable: the policy is judged instead.',
    fixtures: {
      pass: [{ values: { threat_intel_mode: 'Alert', firewall_policy_id: null } }, { values: { threat_intel_mode: 'Deny' } }, { type: 'azurerm_firewall_policy', values: {} }],
      fail: [{ values: { threat_intel_mode: 'Off' } }, { type: 'azurerm_firewall_policy', values: { threat_intelligence_mode: 'Off' } }],
      unknown: [{ values: {}, unknown: { threat_intel_mode: true } }],
      notApplicable: [
        { values: { firewall_policy_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/firewallPolicies/p', threat_intel_mode: '' } },
        { values: { threat_intel_mode: '', virtual_hub: [{ virtual_hub_id: 'h' }] } },
      ],
    },
  }),
];
