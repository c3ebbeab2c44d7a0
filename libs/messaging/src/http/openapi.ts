import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { JSON_SCHEMA_DIALECT, sortedByKey, type JsonObject } from '@cloudwright/contracts';
import { API_ACCESS_METADATA, type ApiAccessRule } from './auth/api-access.guard';
import { rolesAdmitted } from './auth/roles';

export interface ApiParamDoc {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  description: string;
  schema?: JsonObject;
}

/** One route of a service's HTTP API as its OpenAPI document describes it (checked against the controllers by `servedRoutes`). */
export interface ApiRouteDoc {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Nest form: `budgets/:id`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  access: ApiAccessRule;
  params?: ApiParamDoc[];
  /** The JSON body's schema component; `alternatives` are other accepted content types (`text/csv`: a string). */
  body?: { schema: string; description: string; alternatives?: Record<string, JsonObject> };
  response: { status: number; description: string; schema?: string; array?: boolean; contentType?: string };
}

/** Schema helpers for route documents: a string, a value that may be null, an object (every property required unless listed). */
export const stringSchema: JsonObject = { type: 'string' };
export const nullableSchema = (schema: JsonObject): JsonObject => ({ anyOf: [schema, { type: 'null' }] });
export const objectSchema = (properties: Record<string, JsonObject>, required: string[] = Object.keys(properties), extra: JsonObject = {}): JsonObject => ({
  type: 'object',
  properties,
  required,
  ...extra,
});

/** `budgets/:id` → `/budgets/{id}`. */
export function openApiPath(path: string): string {
  return `/${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string): JsonObject => ({ description, content: { 'application/json': { schema: ref('Error') } } });

function operation(route: ApiRouteDoc): JsonObject {
  const access = route.access === 'public' ? 'Public: no token needed.' : `Role: ${route.access} (admitted: ${rolesAdmitted(route.access).join(', ')}).`;
  const success: JsonObject = { description: route.response.description };
  if (route.response.schema) {
    const schema = route.response.array ? { type: 'array', items: ref(route.response.schema) } : ref(route.response.schema);
    success.content = { [route.response.contentType ?? 'application/json']: { schema } };
  } else if (route.response.contentType) success.content = { [route.response.contentType]: { schema: { type: 'string' } } };
  const responses: JsonObject = { [String(route.response.status)]: success };
  if (route.params?.length || route.body) responses['400'] = errorResponse('Invalid parameter or body (VALIDATION_FAILED, naming each field).');
  if (route.access !== 'public') {
    responses['401'] = errorResponse('Missing or unknown bearer token (UNAUTHENTICATED); answered with `WWW-Authenticate: Bearer`.');
    responses['403'] = errorResponse('The token’s role may not do this (FORBIDDEN, naming the role needed and the caller’s).');
  }
  if (route.params?.some((p) => p.in === 'path')) responses['404'] = errorResponse('Not found.');
  const op: JsonObject = { operationId: route.operationId, tags: [route.tag], summary: route.summary, description: access, responses, 'x-cloudwright-role': route.access };
  if (route.params?.length) {
    op.parameters = route.params.map((p) => ({ name: p.name, in: p.in, required: p.in === 'path' || p.required === true, description: p.description, schema: p.schema ?? { type: 'string' } }));
  }
  if (route.body) op.requestBody = { required: true, description: route.body.description, content: { 'application/json': { schema: ref(route.body.schema) }, ...route.body.alternatives } };
  if (route.access === 'public') op.security = [];
  return op;
}

/**
 * The OpenAPI 3.1 document of a service's HTTP API (bearer tokens with roles, the shared error shape) from its route
 * list and schema components. The orchestrator builds its own from its route table (it also has the audit log).
 */
export function buildServiceOpenApi(info: { title: string; description: string }, routes: readonly ApiRouteDoc[], schemas: Record<string, JsonObject>): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    const item = (paths[openApiPath(route.path)] ??= {});
    const method = route.method.toLowerCase();
    if (item[method] !== undefined) throw new Error(`${info.title}: ${route.method} ${route.path} is listed twice`);
    item[method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: JSON_SCHEMA_DIALECT,
    info: { title: info.title, version: '1.0.0', description: info.description },
    security: [{ bearer: [] }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token from CW_API_TOKENS / CW_API_TOKENS_FILE: `Authorization: Bearer <token>`.' } },
      schemas: sortedByKey({ Error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } }, required: ['code', 'message'] }, ...schemas }),
    },
  };
}

/** Every route the controllers serve (`GET budgets/:id`) with the @ApiAccess rule the guard applies, sorted. */
export function servedRoutes(controllers: readonly (abstract new (...args: never[]) => unknown)[]): { route: string; access: unknown }[] {
  const out: { route: string; access: unknown }[] = [];
  for (const controller of controllers) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '').replace(/^\/|\/$/g, '');
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const full = [base, path.replace(/^\/|\/$/g, '')].filter(Boolean).join('/');
      const access: unknown = (Reflect.getMetadata(API_ACCESS_METADATA, handler) as unknown) ?? (Reflect.getMetadata(API_ACCESS_METADATA, controller) as unknown);
      out.push({ route: `${RequestMethod[method]} ${full}`, access });
    }
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

/** The documented routes in the form of `servedRoutes`. */
export function documentedRoutes(routes: readonly ApiRouteDoc[]): { route: string; access: unknown }[] {
  return routes.map((r) => ({ route: `${r.method} ${r.path}`, access: r.access })).sort((a, b) => a.route.localeCompare(b.route));
}
