import { Inject, Injectable, Logger, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode, type ApiRole } from '@cloudwright/contracts';
import { ApiAuthenticationError } from './api-auth.errors';
import { ANONYMOUS_ADMIN, API_TOKENS, ApiTokenRegistry, type ApiActor, type ApiAuthConfig } from './api-tokens';
import { roleAllows, rolesAdmitted } from './roles';

/** Who may call a route: `public`, or the role it needs (see roleAllows: admin may do everything, viewer routes are open to every role). */
export type ApiAccessRule = ApiRole | 'public';

/** Metadata key of @ApiAccess (for tests and documents that read the rules). */
export const API_ACCESS_METADATA = 'cw:api-access';

/** The access rule of a controller or handler (a handler's own rule wins over its controller's). */
export const ApiAccess = (rule: ApiAccessRule) => SetMetadata(API_ACCESS_METADATA, rule);

interface RequestLike {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  actor?: ApiActor;
}

export const NO_API_TOKENS_MESSAGE = 'the API has no tokens configured: set CW_API_TOKENS (name:role:secret[,…]) or CW_API_TOKENS_FILE (or CW_API_AUTH=disabled for local experiments)';

/** What a caller presented: the Authorization header, and `?access_token=` where a route accepts it (EventSource). */
export interface PresentedCredentials {
  authorization: string | undefined;
  queryToken?: string;
  /** The route takes a token in the query string too (named in the message when none is sent). */
  queryAllowed?: boolean;
}

/**
 * The caller, from its bearer token: the anonymous admin when authentication is disabled; else ApiAuthenticationError
 * (401: no tokens configured, no or malformed header, unknown token). Shared by every service's guard.
 */
export function authenticate(tokens: ApiTokenRegistry, presented: PresentedCredentials): ApiActor {
  if (tokens.disabled) return ANONYMOUS_ADMIN;
  if (tokens.size === 0) throw new ApiAuthenticationError(NO_API_TOKENS_MESSAGE);
  let secret: string | undefined;
  if (presented.authorization !== undefined) {
    secret = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(presented.authorization)?.[1];
    if (!secret) throw new ApiAuthenticationError('the Authorization header must be "Bearer <token>"');
  } else if (presented.queryAllowed && presented.queryToken) secret = presented.queryToken;
  if (!secret) throw new ApiAuthenticationError(`missing bearer token: send Authorization: Bearer <token>${presented.queryAllowed ? ' (or ?access_token=<token>)' : ''}`);
  const actor = tokens.resolve(secret);
  if (!actor) throw new ApiAuthenticationError('unknown API token');
  return actor;
}

/** FORBIDDEN (403) naming `route`, the role needed and the caller's, unless the caller's role allows a route needing `rule`. */
export function authorize(actor: ApiActor, rule: ApiRole, route: string): void {
  if (roleAllows(actor.role, rule)) return;
  throw new DomainError(ErrorCode.Forbidden, `${route} needs role ${rolesAdmitted(rule).join(' or ')}; token "${actor.name}" has role ${actor.role}`, {
    requiredRole: rule,
    role: actor.role,
    actor: actor.name,
  });
}

/**
 * Bearer-token authentication and role check for a service's HTTP API, registered as the app's guard (APP_GUARD):
 * every route needs an @ApiAccess rule (a route without one fails closed with 500, so a new controller cannot be open
 * by accident). 401 for a missing or unknown token, 403 naming the role needed and the caller's. Tokens and roles are
 * those of the orchestrator (CW_API_TOKENS / CW_API_TOKENS_FILE, CW_API_AUTH=disabled for local experiments).
 */
@Injectable()
export class ApiAccessGuard implements CanActivate {
  private readonly tokens: ApiTokenRegistry;
  private readonly logger = new Logger('api-auth');
  private warnedDisabled = false;

  constructor(
    private readonly reflector: Reflector,
    @Inject(API_TOKENS) config: ApiAuthConfig,
  ) {
    this.tokens = new ApiTokenRegistry(config);
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<RequestLike>();
    const rule = this.reflector.getAllAndOverride<ApiAccessRule | undefined>(API_ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    const route = `${request.method} ${request.url.split('?')[0] ?? ''}`;
    if (!rule) throw new DomainError(ErrorCode.Internal, `${route} has no access rule (@ApiAccess)`);
    if (rule === 'public') return true;
    if (this.tokens.disabled && !this.warnedDisabled) {
      this.warnedDisabled = true;
      this.logger.warn('API authentication is disabled (CW_API_AUTH=disabled): every caller is an anonymous admin');
    }
    const header = request.headers.authorization;
    const actor = authenticate(this.tokens, { authorization: Array.isArray(header) ? header[0] : header });
    authorize(actor, rule, route);
    request.actor = actor;
    return true;
  }
}
