import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '@cloudwright/contracts';
import { AuditLogService } from '../../audit/audit-log.service';
import { API_ROUTE_METADATA } from '../api-route.decorator';
import { auditEntry, headerValue, pathOf, type ApiRequest } from '../api-request';
import { WRITE_METHODS, type ApiRouteDef } from '../api-routes';
import { ApiAuthenticationError, ApiTokenRegistry, authenticate, authorize } from '@cloudwright/messaging';

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
    if (this.tokens.disabled && !this.warnedDisabled) {
      this.warnedDisabled = true;
      this.logger.warn('API authentication is disabled (CW_API_AUTH=disabled): every caller is an anonymous admin');
    }
    const query = request.query?.access_token;
    try {
      request.actor = authenticate(this.tokens, {
        authorization: headerValue(request, 'authorization'),
        queryToken: typeof query === 'string' ? query : undefined,
        queryAllowed: route.tokenInQuery === true,
      });
      authorize(request.actor, route.access, `${route.method} /${route.path}`);
    } catch (error) {
      // denied writes are recorded here: the audit interceptor never runs for them
      if (WRITE_METHODS.has(request.method)) {
        const status = error instanceof ApiAuthenticationError ? 401 : 403;
        this.audit.record(auditEntry(route, request, 'denied', status, error instanceof Error ? error.message : String(error)));
      }
      throw error;
    }
    return true;
  }
}
