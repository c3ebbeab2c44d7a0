import { type ApiRole } from '@cloudwright/contracts';
import { type Actor } from '../deployments/deployment-operations';
import { type NewAuditEntry, type AuditOutcome } from '../audit/audit-log.mapper';
import { type ApiRouteDef } from './api-routes';

/** The parts of Fastify's request the API layer reads (kept structural: the service does not import fastify). */
export interface ApiRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string | undefined>;
  query?: Record<string, unknown>;
  body?: unknown;
  /** Set by ApiAuthGuard once the caller is known. */
  actor?: Actor;
}

export function headerValue(request: Pick<ApiRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Path without the query string (which may hold `access_token`). */
export function pathOf(request: Pick<ApiRequest, 'url'>): string {
  const q = request.url.indexOf('?');
  return q < 0 ? request.url : request.url.slice(0, q);
}

/** The id a write is about: a path parameter or a string field of the body (the request key) — never the body itself. */
export function auditTarget(route: ApiRouteDef, request: Pick<ApiRequest, 'params' | 'body'>): string | null {
  const target = route.audit?.target;
  if (!target) return null;
  if (target.from === 'param') return request.params?.[target.name] ?? null;
  const body = request.body;
  if (typeof body !== 'object' || body === null) return null;
  const value = (body as Record<string, unknown>)[target.name];
  return typeof value === 'string' ? value : null;
}

const CORRELATION_HEADERS = ['cw-correlation-id', 'x-correlation-id'];

/** The caller's correlation id (request header) wins over the one of the deployment the write returned. */
export function auditEntry(
  route: ApiRouteDef,
  request: ApiRequest,
  outcome: AuditOutcome,
  status: number,
  detail: string | null,
  correlationId: string | null = null,
): NewAuditEntry {
  const actor = request.actor;
  const fromHeader = CORRELATION_HEADERS.map((h) => headerValue(request, h)).find((v) => v !== undefined && v !== '');
  return {
    actor: actor?.name ?? 'unauthenticated',
    role: actor?.role ?? (null as ApiRole | null),
    method: request.method,
    path: pathOf(request),
    action: route.audit?.action ?? `${route.method} /${route.path}`,
    target: auditTarget(route, request),
    outcome,
    status,
    detail,
    correlationId: fromHeader ?? correlationId ?? null,
  };
}
