import { HttpException, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, isDomainError } from '@cloudwright/contracts';
import { HTTP_STATUS_BY_CODE } from '@cloudwright/messaging';
import { type Observable, tap } from 'rxjs';
import { AuditLogService } from '../audit/audit-log.service';
import { API_ROUTE_METADATA } from './api-route.decorator';
import { auditEntry, type ApiRequest } from './api-request';
import { WRITE_METHODS, type ApiRouteDef } from './api-routes';

/** HTTP status an error will be answered with (the mapping of DomainErrorFilter). */
export function statusOfError(error: unknown): number {
  if (isDomainError(error)) return HTTP_STATUS_BY_CODE[error.code];
  if (error instanceof HttpException) return error.getStatus();
  return 500;
}

function correlationOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return null;
  const value = (result as Record<string, unknown>).correlationId;
  return typeof value === 'string' ? value : null;
}

/**
 * Records every allowed write (POST/PUT/DELETE) once its handler finished: ok with the route's status, or the
 * error's outcome (`denied` for FORBIDDEN from the service, else `error`) and message. Writes the guard refused
 * are recorded by the guard. The record is written in the background: the response never waits for it.
 */
@Injectable()
export class AuditWriteInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditLogService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const route = this.reflector.get<ApiRouteDef | undefined>(API_ROUTE_METADATA, context.getHandler());
    if (!route || !WRITE_METHODS.has(request.method)) return next.handle();
    return next.handle().pipe(
      tap({
        next: (result: unknown) => this.audit.record(auditEntry(route, request, 'ok', route.response.status, null, correlationOf(result))),
        error: (error: unknown) => {
          const status = statusOfError(error);
          const denied = isDomainError(error) && error.code === ErrorCode.Forbidden;
          const message = error instanceof Error ? error.message : String(error);
          this.audit.record(auditEntry(route, request, denied ? 'denied' : 'error', status, message));
        },
      }),
    );
  }
}
