import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type ApiRequest } from '../api-request';

/** The caller ({ name, role }) as resolved by ApiAuthGuard: `@CurrentActor() actor: Actor`. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const actor = ctx.switchToHttp().getRequest<ApiRequest>().actor;
  if (!actor) throw new Error('no actor on the request: the handler is not behind ApiAuthGuard');
  return actor;
});
