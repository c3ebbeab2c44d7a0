import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '@cloudwright/contracts';
import { AuditLogService } from '../../audit/audit-log.service';
import { API_ROUTE_METADATA } from '../api-route.decorator';
import { auditEntry, headerValue, pathOf, type ApiRequest } from '../api-request';
import { WRITE_METHODS, type ApiRouteDef } from '../api-routes';
import { ANONYMOUS_ADMIN, ApiAuthenticationError, ApiTokenRegistry, roleAllows, rolesAdmitted } from '@cloudwright/messaging';

export const NO_TOKENS_MESSAGE =
  'the API has no tokens configured: set CW_API_TOKENS (name:role:secret[,…]) or CW_API_TOKENS_FILE on the orchestrator ' +
  '(or CW_API_AUTH=disabled for local experiments)';

/**
 * Authenticates the bearer token and checks the route's role (from API_ROUTES, via @ApiRoute). 401 for a missing or
 * unknown token, 403 naming the role needed and the caller's. Denied writes are recorded in the audit log here
 * (the audit interceptor never runs for them).
 */
@Injectable()
export class ApiAuthGuard implements CanActivate {
  private warnedDisabled = false;
  private readonly logger = new Logger('api-auth');

  constructor(
    private readonly reflector: Reflector,
    @Inject(ApiTokenRegistry) private readonly tokens: ApiTokenRegistry,
    private readonly audit: AuditLogService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const route = this.reflector.get<ApiRouteDef | undefined>(API_ROUTE_METADATA, context.getHandler());
    // fail closed: a handler behind this guard without a route table entry is a programming error
    if (!route) throw new DomainError(ErrorCode.Internal, `${request.method} ${pathOf(request)} has no entry in API_ROUTES (use @ApiRoute)`);
    if (route.access === 'public') return true;
    if (this.tokens.disabled) {
      if (!this.warnedDisabled) {
        this.warnedDisabled = true;
        this.logger.warn('API authentication is disabled (CW_API_AUTH=disabled): every caller is an anonymous admin');
      }
      request.actor = ANONYMOUS_ADMIN;
      return true;
    }
    if (this.tokens.size === 0) this.deny(route, request, new ApiAuthenticationError(NO_TOKENS_MESSAGE), 401);
    const secret = this.secretOf(route, request);
    const actor = this.tokens.resolve(secret);
    if (!actor) this.deny(route, request, new ApiAuthenticationError('unknown API token'), 401);
    request.actor = actor;
    if (!roleAllows(actor.role, route.access)) {
      const admitted = rolesAdmitted(route.access).join(' or ');
      const message = `${route.method} /${route.path} needs role ${admitted}; token "${actor.name}" has role ${actor.role}`;
      this.deny(route, request, new DomainError(ErrorCode.Forbidden, message, { requiredRole: route.access, role: actor.role, actor: actor.name }), 403);
    }
    return true;
  }

  private secretOf(route: ApiRouteDef, request: ApiRequest): string {
    const header = headerValue(request, 'authorization');
    if (header !== undefined) {
      const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
      if (!match) this.deny(route, request, new ApiAuthenticationError('the Authorization header must be "Bearer <token>"'), 401);
      return match[1];
    }
    const fromQuery = route.tokenInQuery ? request.query?.access_token : undefined;
    if (typeof fromQuery === 'string' && fromQuery !== '') return fromQuery;
    const hint = route.tokenInQuery ? ' (or ?access_token=<token>)' : '';
    this.deny(route, request, new ApiAuthenticationError(`missing bearer token: send Authorization: Bearer <token>${hint}`), 401);
  }

  private deny(route: ApiRouteDef, request: ApiRequest, error: Error, status: number): never {
    if (WRITE_METHODS.has(request.method)) this.audit.record(auditEntry(route, request, 'denied', status, error.message));
    throw error;
  }
}
