import { type ApiRole, type JsonObject } from '@cloudwright/contracts';

/** `public` routes need no token; every other route needs a bearer token of a role admitting the named one. */
export type RouteAccess = ApiRole | 'public';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A schema reference into the OpenAPI components (`DeploymentDetailDto`), optionally as an array of it. */
export interface SchemaRef {
  ref: string;
  array?: boolean;
}

export interface RouteParam {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description: string;
  /** JSON Schema of the value. */
  schema: JsonObject;
}

export interface ApiRouteDef {
  operationId: string;
  method: HttpMethod;
  /** Nest/Fastify path without the leading slash: `deployments/:id`. */
  path: string;
  access: RouteAccess;
  tag: string;
  summary: string;
  description?: string;
  params?: RouteParam[];
  body?: { ref: string; required: boolean; description: string };
  response: { status: number; description: string; contentType: 'application/json' | 'text/event-stream'; schema?: SchemaRef };
  /** Writes only: the audit action and where its target id comes from. */
  audit?: { action: string; target?: { from: 'param' | 'body'; name: string } };
  /** EventSource cannot set headers: the token may come as `?access_token=`. */
  tokenInQuery?: boolean;
}

const NAME_SCHEMA: JsonObject = { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,62}$' };
const UUID_SCHEMA: JsonObject = { type: 'string', format: 'uuid' };
const id: RouteParam = { name: 'id', in: 'path', required: true, description: 'Deployment id.', schema: UUID_SCHEMA };
const stackQuery: RouteParam = { name: 'stack', in: 'query', required: false, description: 'Only this stack.', schema: NAME_SCHEMA };
const environmentQuery: RouteParam = { name: 'environment', in: 'query', required: false, description: 'Only this environment.', schema: NAME_SCHEMA };
const json = 'application/json' as const;

/**
 * The one table of the orchestrator's HTTP API: the controllers bind their handlers to these entries (path, method,
 * status, role), the guard and the audit interceptor read them, and the OpenAPI document is generated from them —
 * so routes, roles and documentation cannot drift apart. Mirrors the route list of libs/contracts/src/api/deployments-api.ts.
 */
export const API_ROUTES = {
  submitDeployment: {
    operationId: 'submitDeployment',
    method: 'POST',
    path: 'deployments',
    access: 'operator',
    tag: 'deployments',
    summary: 'Request a deployment',
    description:
      'Publishes deployment.requested.v1. Idempotent on requestKey: a request key already accepted returns that deployment (deploymentId set).',
    body: { ref: 'DeploymentRequestedV1', required: true, description: 'The deployment request (the payload of deployment.requested.v1).' },
    response: { status: 202, description: 'Accepted.', contentType: json, schema: { ref: 'SubmitDeploymentResponse' } },
    audit: { action: 'deployment.submit', target: { from: 'body', name: 'requestKey' } },
  },
  listDeployments: {
    operationId: 'listDeployments',
    method: 'GET',
    path: 'deployments',
    access: 'viewer',
    tag: 'deployments',
    summary: 'List deployments, newest first',
    params: [
      stackQuery,
      environmentQuery,
      { name: 'status', in: 'query', required: false, description: 'Only deployments in this status.', schema: { $ref: '#/components/schemas/DeploymentStatus' } },
      { name: 'limit', in: 'query', required: false, description: 'At most this many (1-500, default 50).', schema: { type: 'integer', minimum: 1, maximum: 500 } },
    ],
    response: { status: 200, description: 'Deployments.', contentType: json, schema: { ref: 'DeploymentSummaryDto', array: true } },
  },
  getDeploymentByRequestKey: {
    operationId: 'getDeploymentByRequestKey',
    method: 'GET',
    path: 'deployments/by-request-key/:key',
    access: 'viewer',
    tag: 'deployments',
    summary: 'A deployment by the request key it was requested with',
    params: [{ name: 'key', in: 'path', required: true, description: 'The request key.', schema: { type: 'string', pattern: '^\\S{1,512}$' } }],
    response: { status: 200, description: 'The deployment.', contentType: json, schema: { ref: 'DeploymentDetailDto' } },
  },
  getDeployment: {
    operationId: 'getDeployment',
    method: 'GET',
    path: 'deployments/:id',
    access: 'viewer',
    tag: 'deployments',
    summary: 'A deployment with its gates, step timeline and approvals',
    params: [id],
    response: { status: 200, description: 'The deployment.', contentType: json, schema: { ref: 'DeploymentDetailDto' } },
  },
  approveDeployment: {
    operationId: 'approveDeployment',
    method: 'POST',
    path: 'deployments/:id/approve',
    access: 'approver',
    tag: 'approvals',
    summary: 'Approve a deployment awaiting approval',
    params: [id],
    body: { ref: 'ApprovalBody', required: false, description: 'Optional comment.' },
    response: { status: 200, description: 'The deployment after the decision.', contentType: json, schema: { ref: 'DeploymentDetailDto' } },
    audit: { action: 'deployment.approve', target: { from: 'param', name: 'id' } },
  },
  rejectDeployment: {
    operationId: 'rejectDeployment',
    method: 'POST',
    path: 'deployments/:id/reject',
    access: 'approver',
    tag: 'approvals',
    summary: 'Reject a deployment awaiting approval',
    params: [id],
    body: { ref: 'ApprovalBody', required: false, description: 'Optional comment.' },
    response: { status: 200, description: 'The deployment after the decision.', contentType: json, schema: { ref: 'DeploymentDetailDto' } },
    audit: { action: 'deployment.reject', target: { from: 'param', name: 'id' } },
  },
  cancelDeployment: {
    operationId: 'cancelDeployment',
    method: 'POST',
    path: 'deployments/:id/cancel',
    access: 'operator',
    tag: 'deployments',
    summary: 'Cancel a deployment (what it provisioned is rolled back)',
    params: [id],
    body: { ref: 'CancelBody', required: false, description: 'Optional reason.' },
    response: { status: 200, description: 'The deployment.', contentType: json, schema: { ref: 'DeploymentDetailDto' } },
    audit: { action: 'deployment.cancel', target: { from: 'param', name: 'id' } },
  },
  retryDeployment: {
    operationId: 'retryDeployment',
    method: 'POST',
    path: 'deployments/:id/retry',
    access: 'operator',
    tag: 'deployments',
    summary: 'Retry the failed step of a paused deployment',
    params: [id],
    response: { status: 200, description: 'The deployment.', contentType: json, schema: { ref: 'DeploymentDetailDto' } },
    audit: { action: 'deployment.retry', target: { from: 'param', name: 'id' } },
  },
  rollbackDeployment: {
    operationId: 'rollbackDeployment',
    method: 'POST',
    path: 'deployments/:id/rollback',
    access: 'operator',
    tag: 'deployments',
    summary: 'Roll a succeeded deployment back to an earlier revision of its stack (a new deployment)',
    params: [id],
    body: { ref: 'RollbackBody', required: false, description: 'Revision to restore (default: the one before) and a reason.' },
    response: { status: 202, description: 'The rollback deployment.', contentType: json, schema: { ref: 'DeploymentSummaryDto' } },
    audit: { action: 'deployment.rollback', target: { from: 'param', name: 'id' } },
  },
  getQueue: {
    operationId: 'getQueue',
    method: 'GET',
    path: 'queue',
    access: 'viewer',
    tag: 'queue',
    summary: 'Lock holder and waiting deployments per stack/environment',
    params: [stackQuery, environmentQuery],
    response: { status: 200, description: 'One entry per stack/environment.', contentType: json, schema: { ref: 'QueueDto', array: true } },
  },
  listRevisions: {
    operationId: 'listRevisions',
    method: 'GET',
    path: 'stacks/:stack/environments/:environment/revisions',
    access: 'viewer',
    tag: 'revisions',
    summary: 'Revisions of a stack in an environment, newest first',
    params: [
      { name: 'stack', in: 'path', required: true, description: 'Stack name.', schema: NAME_SCHEMA },
      { name: 'environment', in: 'path', required: true, description: 'Environment name.', schema: NAME_SCHEMA },
    ],
    response: { status: 200, description: 'Revisions.', contentType: json, schema: { ref: 'RevisionDto', array: true } },
  },
  getPolicy: {
    operationId: 'getPolicy',
    method: 'GET',
    path: 'policies/:environment',
    access: 'viewer',
    tag: 'policies',
    summary: 'The deployment policy of an environment (defaults when none was set)',
    params: [{ name: 'environment', in: 'path', required: true, description: 'Environment name.', schema: NAME_SCHEMA }],
    response: { status: 200, description: 'The policy.', contentType: json, schema: { ref: 'EnvironmentPolicyDto' } },
  },
  putPolicy: {
    operationId: 'putPolicy',
    method: 'PUT',
    path: 'policies/:environment',
    access: 'admin',
    tag: 'policies',
    summary: 'Set (part of) the deployment policy of an environment',
    params: [{ name: 'environment', in: 'path', required: true, description: 'Environment name.', schema: NAME_SCHEMA }],
    body: { ref: 'EnvironmentPolicyPatch', required: true, description: 'The fields to change; the others keep their value.' },
    response: { status: 200, description: 'The policy after the change.', contentType: json, schema: { ref: 'EnvironmentPolicyDto' } },
    audit: { action: 'policy.put', target: { from: 'param', name: 'environment' } },
  },
  streamEvents: {
    operationId: 'streamEvents',
    method: 'GET',
    path: 'events',
    access: 'viewer',
    tag: 'events',
    summary: 'Live feed (server-sent events) of deployment.* events and alerts',
    description:
      'Each message is `id: <CloudEvent id>`, `event: <CloudEvent type>`, `data: <FeedEventDto JSON>`; a `: ping` comment every 15 s. ' +
      'EventSource cannot set headers: the token may be given as `?access_token=`.',
    params: [
      { name: 'deploymentId', in: 'query', required: false, description: 'Only events of this deployment.', schema: UUID_SCHEMA },
      stackQuery,
      environmentQuery,
      { name: 'access_token', in: 'query', required: false, description: 'The bearer token, for clients that cannot set headers.', schema: { type: 'string' } },
    ],
    response: { status: 200, description: 'text/event-stream of FeedEventDto.', contentType: 'text/event-stream', schema: { ref: 'FeedEventDto' } },
    tokenInQuery: true,
  },
  listAudit: {
    operationId: 'listAudit',
    method: 'GET',
    path: 'audit',
    access: 'admin',
    tag: 'audit',
    summary: 'The audit log of writes (allowed and denied), newest first',
    params: [{ name: 'limit', in: 'query', required: false, description: 'At most this many (1-500, default 100).', schema: { type: 'integer', minimum: 1, maximum: 500 } }],
    response: { status: 200, description: 'Audit entries.', contentType: json, schema: { ref: 'AuditEntryDto', array: true } },
  },
  getOpenApi: {
    operationId: 'getOpenApi',
    method: 'GET',
    path: 'openapi.json',
    access: 'public',
    tag: 'meta',
    summary: 'This OpenAPI document',
    response: { status: 200, description: 'OpenAPI 3.1 document.', contentType: json },
  },
} as const satisfies Record<string, ApiRouteDef>;

export type ApiRouteId = keyof typeof API_ROUTES;

export const API_ROUTE_LIST: readonly ApiRouteDef[] = Object.values(API_ROUTES);

export const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
