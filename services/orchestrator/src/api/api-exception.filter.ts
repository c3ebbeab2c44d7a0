import { Catch, type ArgumentsHost } from '@nestjs/common';
import { DomainErrorFilter } from '@cloudwright/messaging';
import { ApiAuthenticationError } from './auth/api-auth.errors';

interface ReplyLike {
  header(name: string, value: string): ReplyLike;
  status(code: number): ReplyLike;
  send(body: unknown): void;
}

/**
 * The API's error mapping: DomainErrorFilter's, plus 401 with `WWW-Authenticate: Bearer` for authentication
 * failures (there is no domain error code for them: they never leave the HTTP layer).
 */
@Catch()
export class ApiExceptionFilter extends DomainErrorFilter {
  override catch(error: unknown, host: ArgumentsHost): void {
    if (error instanceof ApiAuthenticationError) {
      host
        .switchToHttp()
        .getResponse<ReplyLike>()
        .header('www-authenticate', 'Bearer realm="cloudwright"')
        .status(401)
        .send({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED', message: error.message });
      return;
    }
    super.catch(error, host);
  }
}
