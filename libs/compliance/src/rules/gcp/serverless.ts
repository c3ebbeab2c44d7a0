import type { ResourceRule } from '../../model';
import { attrCheck, fail, onlyIf, pass, show, unknown, type ResourceCheck } from '../common/checks';
import { REGISTRY, blockState, gcpRule, iamTypes, noPublicMembers } from './helpers';

const FUNCTION_V1 = 'google_cloudfunctions_function';
const FUNCTION_V2 = 'google_cloudfunctions2_function';
const RUN_V1 = 'google_cloud_run_service';
const RUN_V2 = 'google_cloud_run_v2_service';
const INGRESS_ANNOTATION = 'run.googleapis.com/ingress';

const functionIngress: ResourceCheck = (ctx) => {
  const attr = ctx.resource.type === FUNCTION_V2 ? 'service_config.0.ingress_settings' : 'ingress_settings';
  return attrCheck({
    attr,
    test: (v) => typeof v === 'string' && v.toUpperCase() !== 'ALLOW_ALL',
    expected: 'ingress_settings = "ALLOW_INTERNAL_ONLY" or "ALLOW_INTERNAL_AND_GCLB"',
    absent: { default: 'ALLOW_ALL' },
  })(ctx);
};

/** 1st-gen event-driven functions have no HTTP endpoint. */
const httpFunction = (ctx: Parameters<ResourceCheck>[0]): boolean | 'unknown' => {
  if (ctx.resource.type !== FUNCTION_V1) return true;
  const trigger = ctx.values.get('trigger_http');
  if (trigger.state === 'known') return trigger.value === true || trigger.value === 'true';
  const event = blockState(ctx.values, 'event_trigger');
  if (event === 'present') return false;
  return trigger.state === 'unknown' || event === 'unknown' ? 'unknown' : false;
};

const INTERNAL_INGRESS = new Set(['internal', 'internal-and-cloud-load-balancing', 'INGRESS_TRAFFIC_INTERNAL_ONLY', 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER']);

const runIngress: ResourceCheck = (ctx) => {
  const expected = 'ingress limited to internal traffic (and Cloud Load Balancing)';
  const path = ctx.resource.type === RUN_V2 ? ['ingress'] : ['metadata', 0, 'annotations', INGRESS_ANNOTATION];
  const shown = ctx.resource.type === RUN_V2 ? 'ingress' : `metadata.annotations["${INGRESS_ANNOTATION}"]`;
  const v = ctx.values.get(path);
  if (v.state === 'unknown') return unknown(shown, expected);
  if (v.state === 'absent') return fail(`${shown} not set (default: all traffic, including from the internet)`, expected, shown);
  return INTERNAL_INGRESS.has(String(v.value)) ? pass(`${shown} = ${show(v.value)}`, expected, shown) : fail(`${shown} = ${show(v.value)}`, expected, shown);
};

export const GCP_SERVERLESS_RULES: readonly ResourceRule[] = [
  gcpRule({
    id: 'CW-GCP-0073',
    title: 'Cloud Functions do not accept traffic from the whole internet',
    description: 'Ingress ALLOW_ALL (the default) lets anyone on the internet reach the function URL; internal-only (or through a load balancer with Cloud Armor) keeps it inside your network perimeter.',
    category: 'network-exposure',
    severity: 'medium',
    resourceTypes: [FUNCTION_V1, FUNCTION_V2],
    controls: ['net.private-endpoint', 'pub.function'],
    check: onlyIf(httpFunction, 'event-driven function without an HTTP endpoint', functionIngress),
    remediation: {
      text: 'Set ingress_settings to ALLOW_INTERNAL_ONLY, or ALLOW_INTERNAL_AND_GCLB behind an external load balancer (2nd gen: service_config.ingress_settings).',
      terraform: 'ingress_settings = "ALLOW_INTERNAL_AND_GCLB"',
      effort: 'low',
    },
    references: [`${REGISTRY}/cloudfunctions_function`, 'https://cloud.google.com/functions/docs/networking/network-settings'],
    peers: { checkov: ['CKV_GCP_124'] },
    differs: '1st-gen event-driven functions (no HTTP trigger) are not applicable. Medium severity: the function may still require authentication (see CW-GCP-0075).',
    fixtures: {
      pass: [
        { values: { name: 'f', trigger_http: true, ingress_settings: 'ALLOW_INTERNAL_ONLY' } },
        { type: FUNCTION_V2, values: { name: 'f', service_config: [{ ingress_settings: 'ALLOW_INTERNAL_AND_GCLB' }] } },
      ],
      fail: [{ values: { name: 'f', trigger_http: true, ingress_settings: 'ALLOW_ALL' } }, { type: FUNCTION_V2, values: { name: 'f', service_config: [{}] }, note: 'default ALLOW_ALL' }],
      unknown: [{ values: { name: 'f', trigger_http: true }, unknown: { ingress_settings: true } }],
      notApplicable: [{ values: { name: 'f', event_trigger: [{ event_type: 'google.pubsub.topic.publish', resource: 't' }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0074',
    title: 'HTTP Cloud Functions (1st gen) redirect HTTP to HTTPS',
    description: 'With SECURE_OPTIONAL (the API default for 1st gen) the function also answers plain HTTP, so requests and tokens can travel unencrypted.',
    category: 'encryption-in-transit',
    severity: 'medium',
    resourceTypes: [FUNCTION_V1],
    controls: ['eit.https-only'],
    check: onlyIf(
      httpFunction,
      'event-driven function without an HTTP endpoint',
      attrCheck({
        attr: 'https_trigger_security_level',
        test: (v) => typeof v === 'string' && v.toUpperCase() === 'SECURE_ALWAYS',
        expected: 'https_trigger_security_level = "SECURE_ALWAYS"',
        absent: { default: 'SECURE_OPTIONAL' },
      }),
    ),
    remediation: { text: 'Set https_trigger_security_level = "SECURE_ALWAYS" (2nd gen functions are HTTPS-only).', terraform: 'https_trigger_security_level = "SECURE_ALWAYS"', effort: 'low' },
    references: [`${REGISTRY}/cloudfunctions_function`, 'https://cloud.google.com/functions/1stgendocs/writing/write-http-functions'],
    fixtures: {
      pass: [{ values: { name: 'f', trigger_http: true, https_trigger_security_level: 'SECURE_ALWAYS' } }],
      fail: [{ values: { name: 'f', trigger_http: true, https_trigger_security_level: 'SECURE_OPTIONAL' } }, { values: { name: 'f', trigger_http: true }, note: 'API default SECURE_OPTIONAL' }],
      unknown: [{ values: { name: 'f', trigger_http: true }, unknown: { https_trigger_security_level: true } }],
      notApplicable: [{ values: { name: 'f', trigger_http: false, event_trigger: [{ event_type: 'google.storage.object.finalize', resource: 'b' }] } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0075',
    title: 'Cloud Functions and Cloud Run services are not invocable by allUsers',
    description: 'Granting the invoker role to allUsers (or allAuthenticatedUsers) turns off authentication for the endpoint: anyone on the internet can call it.',
    category: 'public-access',
    severity: 'high',
    resourceTypes: iamTypes(FUNCTION_V1, FUNCTION_V2, RUN_V1, RUN_V2),
    controls: ['pub.function', 'iam.api-authentication'],
    check: noPublicMembers('function or service'),
    remediation: {
      text: 'Grant roles/run.invoker / roles/cloudfunctions.invoker to the calling service accounts only; put public endpoints behind a load balancer with IAP or Cloud Armor, or waive the rule for deliberately public APIs.',
      terraform: 'role   = "roles/run.invoker"\nmember = "serviceAccount:${google_service_account.caller.email}"',
      effort: 'low',
    },
    references: [`${REGISTRY}/cloud_run_service_iam`, 'https://cloud.google.com/run/docs/authenticating/public'],
    peers: { checkov: ['CKV_GCP_102', 'CKV_GCP_107'] },
    differs: 'Evaluated on the IAM resource (member, binding or policy) of 1st and 2nd gen functions and Cloud Run v1 and v2 services; allAuthenticatedUsers also fails.',
    fixtures: {
      pass: [{ type: 'google_cloud_run_service_iam_member', values: { service: 's', role: 'roles/run.invoker', member: 'serviceAccount:caller@p.iam.gserviceaccount.com' } }],
      fail: [
        { type: 'google_cloud_run_service_iam_member', values: { service: 's', role: 'roles/run.invoker', member: 'allUsers' } },
        { type: 'google_cloudfunctions_function_iam_binding', values: { cloud_function: 'f', role: 'roles/cloudfunctions.invoker', members: ['allAuthenticatedUsers'] } },
        { type: 'google_cloud_run_v2_service_iam_member', values: { name: 's', role: 'roles/run.invoker', member: 'allUsers' } },
      ],
      unknown: [{ type: 'google_cloudfunctions_function_iam_member', values: { cloud_function: 'f', role: 'roles/cloudfunctions.invoker' }, unknown: { member: true } }],
    },
  }),
  gcpRule({
    id: 'CW-GCP-0076',
    title: 'Cloud Run services restrict ingress',
    description: 'Ingress "all" (the default) accepts requests from the internet directly on the run.app URL, bypassing any load balancer, Cloud Armor or IAP in front of the service.',
    category: 'network-exposure',
    severity: 'low',
    resourceTypes: [RUN_V1, RUN_V2],
    controls: ['net.private-endpoint'],
    check: runIngress,
    remediation: {
      text: 'Set ingress to internal-and-cloud-load-balancing (v2: INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER) and serve public traffic through a load balancer.',
      terraform: 'metadata {\n  annotations = {\n    "run.googleapis.com/ingress" = "internal-and-cloud-load-balancing"\n  }\n}',
      effort: 'medium',
    },
    references: [`${REGISTRY}/cloud_run_service`, 'https://cloud.google.com/run/docs/securing/ingress'],
    differs: 'Low severity: many Cloud Run services are meant to be public; waive the rule for those.',
    fixtures: {
      pass: [
        { values: { name: 's', metadata: [{ annotations: { [INGRESS_ANNOTATION]: 'internal-and-cloud-load-balancing' } }] } },
        { type: RUN_V2, values: { name: 's', ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY' } },
      ],
      fail: [
        { values: { name: 's', metadata: [{ annotations: { [INGRESS_ANNOTATION]: 'all' } }] } },
        { values: { name: 's', metadata: [{ annotations: {} }] }, note: 'default all' },
        { type: RUN_V2, values: { name: 's', ingress: 'INGRESS_TRAFFIC_ALL' } },
      ],
      unknown: [{ values: { name: 's', metadata: [{}] }, unknown: { metadata: [{ annotations: true }] } }],
    },
  }),
];
