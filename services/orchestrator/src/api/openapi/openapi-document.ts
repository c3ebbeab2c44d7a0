import {
  DeploymentRequestedV1,
  eventDefinitionOf,
  eventSchemaParts,
  JSON_SCHEMA_DIALECT,
  sortedByKey,
  type JsonObject,
} from '@cloudwright/contracts';
import { join } from 'node:path';
import { API_ROUTE_LIST, WRITE_METHODS, type ApiRouteDef } from '../api-routes';
import { rolesAdmitted } from '@cloudwright/messaging';
import { dtoSchemas } from './dto-schemas';

/** Where the committed copy lives (same depth under src/ and dist/). */
export const OPENAPI_FILE = join(__dirname, '..', '..', '..', '..', '..', 'docs', 'openapi.json');

/** The command that rewrites docs/openapi.json (named in the drift test's failure message). */
export const OPENAPI_WRITE_COMMAND = 'node -r ./libs/messaging/src/__tests__/swc-register.js services/orchestrator/src/api/openapi/write-openapi.ts';

export const API_DOCUMENT_VERSION = '1.0.0';

const schemaRef = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string): JsonObject => ({ description, content: { 'application/json': { schema: schemaRef('Error') } } });

/** `deployments/:id/approve` → `/deployments/{id}/approve`. */
export function openApiPath(path: string): string {
  return `/${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

function accessText(route: ApiRouteDef): string {
  if (route.access === 'public') return 'Public: no token needed.';
  return `Role: ${route.access} (admitted: ${rolesAdmitted(route.access).join(', ')}).`;
}

function operation(route: ApiRouteDef): JsonObject {
  const hasPathParams = (route.params ?? []).some((p) => p.in === 'path');
  const isWrite = WRITE_METHODS.has(route.method);
  const description = [route.description, accessText(route), isWrite ? 'Recorded in the audit log (allowed or denied).' : undefined]
    .filter((s): s is string => s !== undefined)
    .join('\n\n');
  const success: JsonObject = { description: route.response.description };
  if (route.response.schema) {
    const item = schemaRef(route.response.schema.ref);
    success.content = { [route.response.contentType]: { schema: route.response.schema.array ? { type: 'array', items: item } : item } };
  } else if (route.response.contentType === 'application/json') {
    success.content = { 'application/json': { schema: { type: 'object' } } };
  }
  const responses: JsonObject = { [String(route.response.status)]: success };
  if ((route.params ?? []).length || route.body) responses['400'] = errorResponse('Invalid parameter or body (VALIDATION_FAILED, with the field errors).');
  if (route.access !== 'public') {
    responses['401'] = errorResponse('Missing or unknown bearer token (UNAUTHENTICATED); answered with `WWW-Authenticate: Bearer`.');
    responses['403'] = errorResponse('The token\'s role may not do this (FORBIDDEN, naming the role needed and the caller\'s).');
  }
  if (hasPathParams) responses['404'] = errorResponse('Not found.');
  if (isWrite && hasPathParams) responses['409'] = errorResponse('Not possible in the current state (CONFLICT).');
  const op: JsonObject = {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    description,
    responses,
  };
  if (route.params?.length) {
    op.parameters = route.params.map((p) => ({ name: p.name, in: p.in, required: p.required, description: p.description, schema: p.schema }));
  }
  if (route.body) {
    op.requestBody = { required: route.body.required, description: route.body.description, content: { 'application/json': { schema: schemaRef(route.body.ref) } } };
  }
  if (route.access === 'public') op.security = [];
  else if (route.tokenInQuery) op.security = [{ bearer: [] }, { accessTokenQuery: [] }];
  op['x-cloudwright-role'] = route.access;
  return op;
}

/**
 * The OpenAPI 3.1 document of the orchestrator's API, generated from API_ROUTES (the table the controllers and the
 * guard use) and the DTO schemas; the DeploymentRequestedV1 body comes from the contracts' JSON Schema generator.
 */
export function buildOpenApiDocument(): JsonObject {
  const schemas: Record<string, JsonObject> = { ...dtoSchemas() };
  const request = eventSchemaParts(eventDefinitionOf(DeploymentRequestedV1), '#/components/schemas/');
  for (const [name, schema] of Object.entries(request.defs)) {
    if (name in schemas) throw new Error(`OpenAPI component ${name} is defined twice (DTO schemas and the contracts' generated schemas)`);
    schemas[name] = schema as JsonObject;
  }
  const paths: Record<string, JsonObject> = {};
  for (const route of API_ROUTE_LIST) {
    const path = openApiPath(route.path);
    const item = (paths[path] ??= {});
    const method = route.method.toLowerCase();
    if (item[method] !== undefined) throw new Error(`API_ROUTES: ${route.method} ${path} is defined twice`);
    item[method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: JSON_SCHEMA_DIALECT,
    info: {
      title: 'Cloudwright orchestrator API',
      version: API_DOCUMENT_VERSION,
      description:
        'Deployments (request, follow, approve, reject, cancel, retry, roll back), the lock queue per environment, revisions, ' +
        'deployment policies, a live feed of deployment events and alerts, and the audit log. Bearer API tokens with roles ' +
        'viewer, operator, approver and admin (CW_API_TOKENS). Generated from the route table of services/orchestrator/src/api.',
    },
    security: [{ bearer: [] }],
    tags: [...new Set(API_ROUTE_LIST.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token from CW_API_TOKENS / CW_API_TOKENS_FILE: `Authorization: Bearer <token>`.' },
        accessTokenQuery: { type: 'apiKey', in: 'query', name: 'access_token', description: 'The same token as a query parameter, for EventSource clients (GET /events only).' },
      },
      schemas: sortedByKey(schemas),
    },
  };
}
