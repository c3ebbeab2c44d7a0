import type { ResourceValues } from '@cloudwright/terraform-plan';
import type { CheckResult, ComplianceResource, PlanCheckContext, PlanRule, ResourceCheckContext, ResourceRule } from '../../model';
import { fail, notApplicable, pass } from '../common/checks';
import { addresses, anyTrue, refersTo } from './util';

/** API authentication (API Gateway methods and routes, Lambda function URLs, Azure Function apps) and rate limiting. */

function isOptionsMethod(value: unknown): boolean {
  return typeof value === 'string' && value.toUpperCase() === 'OPTIONS';
}

export function apiGatewayAuthCheck(ctx: ResourceCheckContext): CheckResult {
  const { values } = ctx;
  if (ctx.resource.type === 'aws_api_gateway_method') {
    const expected = 'authorization = "AWS_IAM", "COGNITO_USER_POOLS" or "CUSTOM" (or api_key_required = true)';
    const method = values.get('http_method');
    if (method.state === 'known' && isOptionsMethod(method.value)) return notApplicable('OPTIONS method (CORS preflight) is called without credentials by design');
    const auth = values.get('authorization');
    if (auth.state === 'unknown') return { status: 'unknown', found: 'authorization is known only after apply', expected, attribute: 'authorization' };
    const value = auth.state === 'known' && typeof auth.value === 'string' ? auth.value : 'NONE';
    if (value.toUpperCase() !== 'NONE') return pass(`authorization = ${JSON.stringify(value)}`, expected, 'authorization');
    const apiKey = anyTrue(values, ['api_key_required']);
    if (apiKey === true) return pass('authorization = "NONE" with api_key_required = true (API key identifies the caller; prefer IAM, Cognito or a Lambda authorizer)', expected, 'api_key_required');
    if (apiKey === 'unknown') return { status: 'unknown', found: 'api_key_required is known only after apply', expected, attribute: 'api_key_required' };
    return fail('authorization = "NONE" and api_key_required = false', expected, 'authorization');
  }
  // aws_apigatewayv2_route
  const expected = 'authorization_type = "AWS_IAM", "JWT" or "CUSTOM"';
  const routeKey = values.get('route_key');
  const key = routeKey.state === 'known' && typeof routeKey.value === 'string' ? routeKey.value : '';
  if (/^OPTIONS\s/i.test(key)) return notApplicable('OPTIONS route (CORS preflight) is called without credentials by design');
  const api = ctx.referenced('aws_apigatewayv2_api')[0];
  const websocket = api?.values.string('protocol_type')?.toUpperCase() === 'WEBSOCKET' || (key !== '' && !key.includes(' ') && key !== '$default');
  if (websocket && key !== '$connect') return notApplicable('WebSocket APIs authorize on the $connect route only');
  const auth = values.get('authorization_type');
  if (auth.state === 'unknown') return { status: 'unknown', found: 'authorization_type is known only after apply', expected, attribute: 'authorization_type' };
  const value = auth.state === 'known' && typeof auth.value === 'string' ? auth.value : 'NONE';
  if (value.toUpperCase() !== 'NONE') return pass(`authorization_type = ${JSON.stringify(value)}`, expected, 'authorization_type');
  if (anyTrue(values, ['api_key_required']) === true) return pass('authorization_type = "NONE" with api_key_required = true', expected, 'api_key_required');
  return fail(`authorization_type = "NONE"${auth.state === 'absent' ? ' (provider default)' : ''} on route ${JSON.stringify(key)}`, expected, 'authorization_type');
}

export function functionUrlAuthCheck(ctx: ResourceCheckContext): CheckResult {
  const expected = 'authorization_type = "AWS_IAM"';
  const auth = ctx.values.get('authorization_type');
  if (auth.state === 'unknown') return { status: 'unknown', found: 'authorization_type is known only after apply', expected, attribute: 'authorization_type' };
  if (auth.state === 'known' && typeof auth.value === 'string' && auth.value.toUpperCase() === 'AWS_IAM') return pass('authorization_type = "AWS_IAM"', expected, 'authorization_type');
  return fail(`authorization_type = ${auth.state === 'known' ? JSON.stringify(auth.value) : 'not set'}`, expected, 'authorization_type');
}

export function functionAppAuthCheck(ctx: ResourceCheckContext): CheckResult {
  const { values } = ctx;
  const expected = 'auth_settings_v2 { auth_enabled = true } (App Service Authentication) or public_network_access_enabled = false';
  const publicAccess = values.get('public_network_access_enabled');
  if (publicAccess.state === 'known' && (publicAccess.value === false || publicAccess.value === 'false')) {
    return notApplicable('public_network_access_enabled = false: not reachable from the internet');
  }
  const v2 = anyTrue(values, ['auth_settings_v2.0.auth_enabled']);
  const v1 = anyTrue(values, ['auth_settings.0.enabled']);
  if (v2 === true) return pass('auth_settings_v2.auth_enabled = true', expected, 'auth_settings_v2');
  if (v1 === true) return pass('auth_settings.enabled = true', expected, 'auth_settings');
  if (v2 === 'unknown' || v1 === 'unknown' || publicAccess.state === 'unknown') {
    return { status: 'unknown', found: 'authentication settings or public network access known only after apply', expected, attribute: 'auth_settings_v2' };
  }
  return fail('no App Service Authentication (auth_settings_v2 / auth_settings not enabled) and public network access enabled', expected, 'auth_settings_v2');
}

/** Throttling numbers: set when > 0 (`-1` and `0` mean "not set": account-level defaults apply). */
function throttle(values: ResourceValues, rate: string, burst: string): 'set' | 'unset' | 'unknown' {
  const r = values.get(rate);
  const b = values.get(burst);
  if (r.state === 'unknown' || b.state === 'unknown') return 'unknown';
  const rn = values.number(rate);
  const bn = values.number(burst);
  return rn !== undefined && rn > 0 && bn !== undefined && bn > 0 ? 'set' : 'unset';
}

export function methodSettingsThrottlingCheck(ctx: ResourceCheckContext): CheckResult {
  const expected = 'settings { throttling_rate_limit > 0, throttling_burst_limit > 0 } on the stage';
  const own = throttle(ctx.values, 'settings.0.throttling_rate_limit', 'settings.0.throttling_burst_limit');
  const found = (state: string): string =>
    `settings.throttling_rate_limit = ${String(ctx.values.number('settings.0.throttling_rate_limit') ?? 'not set')}, throttling_burst_limit = ${String(ctx.values.number('settings.0.throttling_burst_limit') ?? 'not set')}${state}`;
  if (own === 'set') return pass(found(''), expected, 'settings');
  if (own === 'unknown') return { status: 'unknown', found: 'throttling settings known only after apply', expected, attribute: 'settings' };
  // another method_settings of the same API may carry the throttling (one for logging, one for throttling)
  const apis = ctx.referenced('aws_api_gateway_rest_api');
  const sibling = ctx
    .ofType('aws_api_gateway_method_settings')
    .find((s) => s !== ctx.resource && apis.some((api) => refersTo(s, api)) && throttle(s.values, 'settings.0.throttling_rate_limit', 'settings.0.throttling_burst_limit') === 'set');
  if (sibling) return pass(`throttling set by ${sibling.address}`, expected, 'settings');
  return fail(found(' (-1 or 0: account-level defaults only)'), expected, 'settings');
}

export function stageThrottlingCheck(ctx: ResourceCheckContext): CheckResult {
  const expected = 'default_route_settings { throttling_rate_limit > 0, throttling_burst_limit > 0 }';
  const state = throttle(ctx.values, 'default_route_settings.0.throttling_rate_limit', 'default_route_settings.0.throttling_burst_limit');
  if (state === 'set') return pass('default_route_settings throttling set', expected, 'default_route_settings');
  if (state === 'unknown') return { status: 'unknown', found: 'default_route_settings throttling known only after apply', expected, attribute: 'default_route_settings' };
  return fail('default_route_settings throttling not set (account-level defaults only)', expected, 'default_route_settings');
}

/** A REST API is throttled when a method_settings or a usage plan (directly or through one of its stages) refers to it with limits. */
export function restApiThrottlingCheck(ctx: PlanCheckContext): CheckResult {
  const apis = ctx.ofType('aws_api_gateway_rest_api');
  if (apis.length === 0) return notApplicable('no REST API (aws_api_gateway_rest_api) in the plan');
  const expected = 'every REST API throttled by a usage plan (throttle_settings) or stage method settings (throttling_rate_limit)';
  const stages = ctx.ofType('aws_api_gateway_stage');
  const settings = ctx.ofType('aws_api_gateway_method_settings');
  const plans = ctx.ofType('aws_api_gateway_usage_plan');
  const unthrottled: ComplianceResource[] = [];
  let unknownSeen = false;
  for (const api of apis) {
    const apiStages = stages.filter((s) => refersTo(s, api));
    const concerns = (r: ComplianceResource): boolean => refersTo(r, api) || apiStages.some((s) => refersTo(r, s));
    const states = [
      ...settings.filter(concerns).map((s) => throttle(s.values, 'settings.0.throttling_rate_limit', 'settings.0.throttling_burst_limit')),
      ...plans.filter(concerns).map((p) => {
        const own = throttle(p.values, 'throttle_settings.0.rate_limit', 'throttle_settings.0.burst_limit');
        if (own !== 'unset') return own;
        return p.values.blocks('api_stages').some((stage) => stage.blocks('throttle').some((t) => throttle(t, 'rate_limit', 'burst_limit') === 'set')) ? 'set' : 'unset';
      }),
    ];
    if (states.includes('set')) continue;
    if (states.includes('unknown')) unknownSeen = true;
    else unthrottled.push(api);
  }
  if (unthrottled.length > 0) return fail(`no throttling for ${addresses(unthrottled)}`, expected, 'aws_api_gateway_usage_plan');
  if (unknownSeen) return { status: 'unknown', found: 'throttling limits known only after apply', expected };
  return pass(`${apis.length} REST API(s) throttled`, expected);
}

const AWS_API_REFERENCES = [
  'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html',
  'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method',
];
const THROTTLING_REFERENCES = [
  'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html',
  'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html',
];

export const API_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-GEN-0009',
    scope: 'resource',
    title: 'API Gateway methods and routes require authorization',
    description: 'A method or route with authorization NONE lets anyone on the internet call the backend behind it (Lambda, HTTP service, AWS service integration).',
    category: 'identity-access',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_api_gateway_method', 'aws_apigatewayv2_route'],
    controls: ['iam.api-authentication'],
    check: apiGatewayAuthCheck,
    remediation: {
      text: 'Protect the method/route with IAM, a Cognito user pool, a JWT authorizer or a Lambda authorizer. OPTIONS (CORS preflight) methods are exempt.',
      terraform: 'authorization = "COGNITO_USER_POOLS"   # aws_api_gateway_method\nauthorizer_id = aws_api_gateway_authorizer.cognito.id\n\nauthorization_type = "JWT"            # aws_apigatewayv2_route\nauthorizer_id      = aws_apigatewayv2_authorizer.jwt.id',
      effort: 'medium',
    },
    references: AWS_API_REFERENCES,
    peers: { checkov: ['CKV_AWS_59'], trivy: ['AVD-AWS-0004'] },
    differs: 'WebSocket routes other than $connect (which cannot carry an authorizer) are not applicable; methods with api_key_required = true pass.',
    fixtures: {
      pass: [
        { values: { http_method: 'GET', authorization: 'AWS_IAM' } },
        { values: { http_method: 'POST', authorization: 'NONE', api_key_required: true } },
        { type: 'aws_apigatewayv2_route', values: { route_key: 'GET /orders', authorization_type: 'JWT' } },
      ],
      fail: [
        { values: { http_method: 'GET', authorization: 'NONE', api_key_required: false } },
        { type: 'aws_apigatewayv2_route', values: { route_key: 'POST /orders' }, note: 'authorization_type defaults to NONE' },
      ],
      unknown: [{ values: { http_method: 'GET' }, unknown: { authorization: true } }],
      notApplicable: [
        { values: { http_method: 'OPTIONS', authorization: 'NONE' } },
        {
          type: 'aws_apigatewayv2_route',
          values: { route_key: '$default', authorization_type: 'NONE' },
          related: [{ type: 'aws_apigatewayv2_api', values: { protocol_type: 'WEBSOCKET' }, refersToSubject: false, referencedBySubject: true }],
        },
      ],
    },
  },
  {
    id: 'CW-GEN-0010',
    scope: 'resource',
    title: 'Lambda function URLs require IAM authentication',
    description: 'A function URL with authorization_type NONE is a public HTTPS endpoint: anyone can invoke the function and run up its cost.',
    category: 'identity-access',
    severity: 'high',
    clouds: ['aws'],
    resourceTypes: ['aws_lambda_function_url'],
    controls: ['iam.api-authentication', 'pub.function'],
    check: functionUrlAuthCheck,
    remediation: {
      text: 'Set authorization_type = "AWS_IAM" and grant lambda:InvokeFunctionUrl to the callers; for public webhooks, put API Gateway with an authorizer (or signature verification and a WAF) in front instead.',
      terraform: 'authorization_type = "AWS_IAM"',
      effort: 'low',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function_url'],
    fixtures: {
      pass: [{ values: { function_name: 'f', authorization_type: 'AWS_IAM' } }],
      fail: [{ values: { function_name: 'f', authorization_type: 'NONE' } }],
      unknown: [{ values: { function_name: 'f' }, unknown: { authorization_type: true } }],
    },
  },
  {
    id: 'CW-GEN-0011',
    scope: 'resource',
    title: 'Internet-facing Function apps enable App Service Authentication',
    description:
      'A Function app reachable from the internet without App Service Authentication relies only on function keys (if the code sets authLevel) — shared secrets with no user identity, often embedded in clients.',
    category: 'identity-access',
    severity: 'medium',
    clouds: ['azure'],
    resourceTypes: ['azurerm_linux_function_app', 'azurerm_windows_function_app', 'azurerm_function_app'],
    controls: ['iam.api-authentication'],
    check: functionAppAuthCheck,
    remediation: {
      text: 'Enable App Service Authentication (Easy Auth) with an identity provider such as Microsoft Entra ID, or disable public network access and reach the app through a private endpoint or API Management.',
      terraform:
        'auth_settings_v2 {\n  auth_enabled           = true\n  require_authentication = true\n  unauthenticated_action = "Return401"\n  active_directory_v2 {\n    client_id            = var.client_id\n    tenant_auth_endpoint = "https://login.microsoftonline.com/${var.tenant_id}/v2.0"\n  }\n  login {}\n}',
      bicep:
        "resource auth 'Microsoft.Web/sites/config@2022-09-01' = {\n  parent: functionApp\n  name: 'authsettingsV2'\n  properties: {\n    globalValidation: { requireAuthentication: true, unauthenticatedClientAction: 'Return401' }\n    identityProviders: { azureActiveDirectory: { enabled: true } }\n  }\n}",
      effort: 'medium',
    },
    references: ['https://learn.microsoft.com/azure/app-service/overview-authentication-authorization', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_function_app'],
    differs:
      'Severity medium, not high: function-level keys (authLevel in the function code) are not visible in a plan and may protect the endpoints. Apps with public network access disabled are not applicable.',
    fixtures: {
      pass: [
        { values: { public_network_access_enabled: true, auth_settings_v2: [{ auth_enabled: true }] } },
        { type: 'azurerm_windows_function_app', values: { auth_settings: [{ enabled: true }] } },
      ],
      fail: [
        { values: { public_network_access_enabled: true, auth_settings_v2: [] } },
        { values: { public_network_access_enabled: true, auth_settings: [{ enabled: false }] } },
      ],
      unknown: [{ values: { public_network_access_enabled: true }, unknown: { auth_settings_v2: true } }],
      notApplicable: [{ values: { public_network_access_enabled: false } }],
    },
  },
  {
    id: 'CW-GEN-0012',
    scope: 'resource',
    title: 'API Gateway stage method settings set throttling limits',
    description: 'Without stage throttling one client can use the whole account-level quota (shared by every API of the account and region) and run up backend cost.',
    category: 'best-practice',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_api_gateway_method_settings'],
    controls: ['bp.api-rate-limiting'],
    check: methodSettingsThrottlingCheck,
    remediation: {
      text: 'Set throttling_rate_limit and throttling_burst_limit in the method settings of the stage (method_path "*/*" for every method), sized to what the backend can take.',
      terraform: 'settings {\n  throttling_rate_limit  = 100\n  throttling_burst_limit = 50\n}',
      effort: 'low',
    },
    references: THROTTLING_REFERENCES,
    differs: 'Passes when another method_settings resource of the same API sets the limits (settings split between logging and throttling).',
    fixtures: {
      pass: [{ values: { method_path: '*/*', settings: [{ throttling_rate_limit: 100, throttling_burst_limit: 50 }] } }],
      fail: [
        { values: { method_path: '*/*', settings: [{ metrics_enabled: true, throttling_rate_limit: -1, throttling_burst_limit: -1 }] } },
        { values: { method_path: '*/*', settings: [{ logging_level: 'INFO' }] } },
      ],
      unknown: [{ values: { method_path: '*/*', settings: [{ throttling_burst_limit: 50 }] }, unknown: { settings: [{ throttling_rate_limit: true }] } }],
    },
  },
  {
    id: 'CW-GEN-0013',
    scope: 'resource',
    title: 'API Gateway v2 stages set default route throttling',
    description: 'HTTP and WebSocket API stages without default route throttling fall back to the account-level quota shared by every API.',
    category: 'best-practice',
    severity: 'medium',
    clouds: ['aws'],
    resourceTypes: ['aws_apigatewayv2_stage'],
    controls: ['bp.api-rate-limiting'],
    check: stageThrottlingCheck,
    remediation: {
      text: 'Set default_route_settings throttling on the stage (route_settings can tighten single routes).',
      terraform: 'default_route_settings {\n  throttling_rate_limit  = 100\n  throttling_burst_limit = 50\n}',
      effort: 'low',
    },
    references: THROTTLING_REFERENCES,
    fixtures: {
      pass: [{ values: { name: '$default', default_route_settings: [{ throttling_rate_limit: 100, throttling_burst_limit: 50 }] } }],
      fail: [{ values: { name: '$default', default_route_settings: [] } }, { values: { name: 'prod', default_route_settings: [{ throttling_rate_limit: 0, throttling_burst_limit: 0 }] } }],
      unknown: [{ values: { name: 'prod' }, unknown: { default_route_settings: true } }],
    },
  },
];

export const API_PLAN_RULES: readonly PlanRule[] = [
  {
    id: 'CW-GEN-0014',
    scope: 'plan',
    title: 'Every REST API is throttled by a usage plan or stage settings',
    description: 'A REST API with neither a usage plan nor stage throttling can be flooded by one client, exhausting the account-level quota and the backend.',
    category: 'best-practice',
    severity: 'medium',
    clouds: ['aws'],
    controls: ['bp.api-rate-limiting'],
    check: restApiThrottlingCheck,
    remediation: {
      text: 'Add a usage plan with throttle_settings for the API stage (and API keys for the clients), or throttling in aws_api_gateway_method_settings.',
      terraform:
        'resource "aws_api_gateway_usage_plan" "default" {\n  name = "default"\n  api_stages {\n    api_id = aws_api_gateway_rest_api.api.id\n    stage  = aws_api_gateway_stage.prod.stage_name\n  }\n  throttle_settings {\n    rate_limit  = 100\n    burst_limit = 50\n  }\n}',
      effort: 'low',
    },
    references: [...THROTTLING_REFERENCES, 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html'],
    fixtures: {
      pass: [
        {
          resources: [
            { type: 'aws_api_gateway_rest_api', name: 'api', values: { name: 'orders' } },
            { type: 'aws_api_gateway_stage', name: 'prod', values: { stage_name: 'prod' }, dependsOnIndexes: [0] },
            { type: 'aws_api_gateway_usage_plan', values: { throttle_settings: [{ rate_limit: 100, burst_limit: 50 }] }, dependsOnIndexes: [1] },
          ],
        },
        {
          resources: [
            { type: 'aws_api_gateway_rest_api', name: 'api', values: { name: 'orders' } },
            { type: 'aws_api_gateway_method_settings', values: { settings: [{ throttling_rate_limit: 10, throttling_burst_limit: 5 }] }, dependsOnIndexes: [0] },
          ],
        },
      ],
      fail: [
        {
          resources: [
            { type: 'aws_api_gateway_rest_api', name: 'api', values: { name: 'orders' } },
            { type: 'aws_api_gateway_stage', name: 'prod', values: { stage_name: 'prod' }, dependsOnIndexes: [0] },
          ],
        },
        {
          resources: [
            { type: 'aws_api_gateway_rest_api', name: 'api', values: { name: 'orders' } },
            { type: 'aws_api_gateway_method_settings', values: { settings: [{ metrics_enabled: true, throttling_rate_limit: -1, throttling_burst_limit: -1 }] }, dependsOnIndexes: [0] },
          ],
        },
      ],
      notApplicable: [{ resources: [{ type: 'aws_lambda_function', values: { function_name: 'f' } }] }],
    },
  },
];
