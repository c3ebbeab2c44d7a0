import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ErrorCode, isDomainError } from '@cloudwright/contracts';
import { randomUUID } from 'node:crypto';
import { ApiAuthenticationError } from './auth/api-auth.errors';

/** Every error code maps to one HTTP status (exhaustive: a new code does not compile until it is mapped here). */
export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.UnknownEventType]: 400,
  [ErrorCode.UnsupportedEventVersion]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.Timeout]: 504,
  [ErrorCode.Unavailable]: 503,
  [ErrorCode.NoResponder]: 503,
  [ErrorCode.Internal]: 500,
};

interface ReplyLike {
  header(name: string, value: string): ReplyLike;
  status(code: number): ReplyLike;
  send(body: unknown): void;
}

/**
 * Maps domain errors to HTTP for every service's API (the HTTP side of the code → transport mapping; the JetStream
 * side is in the consumer), and authentication failures to 401 with `WWW-Authenticate: Bearer` (they have no domain
 * error code: they never leave the HTTP layer); logs unexpected ones once with an error id returned to the caller.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<ReplyLike>();
    if (error instanceof ApiAuthenticationError) {
      reply.header('www-authenticate', 'Bearer realm="cloudwright"').status(401).send({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED', message: error.message });
      return;
    }
    if (isDomainError(error)) {
      reply.status(HTTP_STATUS_BY_CODE[error.code]).send({ code: error.code, message: error.message, details: error.details });
      return;
    }
    if (error instanceof HttpException) {
      reply.status(error.getStatus()).send({ code: error.getStatus() === 404 ? ErrorCode.NotFound : ErrorCode.ValidationFailed, message: error.message });
      return;
    }
    const errorId = randomUUID();
    this.logger.error({ errorId, err: error instanceof Error ? error.stack : String(error) }, 'unexpected error');
    reply.status(500).send({ code: ErrorCode.Internal, message: `internal error (error id ${errorId})`, errorId });
  }
}
