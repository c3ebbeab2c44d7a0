import { applyDecorators, Controller, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { DomainErrorFilter } from '@cloudwright/messaging';
import { AuditWriteInterceptor } from './audit-write.interceptor';
import { ApiAuthGuard } from './auth/api-auth.guard';

/**
 * A controller of the authenticated API: routes bound with @ApiRoute, the token/role guard, the audit of writes
 * and the error mapping (DomainErrorFilter: domain errors, and 401 with WWW-Authenticate for authentication). Applied per controller, so /health and /metrics stay outside it.
 */
export function ApiController(): ClassDecorator {
  return applyDecorators(Controller(), UseGuards(ApiAuthGuard), UseInterceptors(AuditWriteInterceptor), UseFilters(DomainErrorFilter));
}
