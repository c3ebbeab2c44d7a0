import 'reflect-metadata';
import { Reflector } from '@nestjs/core';
import { type ExecutionContext } from '@nestjs/common';
import { isDomainError } from '@cloudwright/contracts';
import { ApiAuthenticationError } from './api-auth.errors';
import { ApiAccess, ApiAccessGuard, NO_API_TOKENS_MESSAGE } from './api-access.guard';
import { sha256Hex, type ApiAuthConfig } from './api-tokens';

@ApiAccess('viewer')
class Budgets {
  list(): void {}
  @ApiAccess('admin')
  put(): void {}
  @ApiAccess('public')
  health(): void {}
}

class Unruled {
  open(): void {}
}

const SECRETS = { viewer: 'viewer-secret-000001', admin: 'admin-secret-0000001', operator: 'operator-secret-00001' };
const config: ApiAuthConfig = {
  mode: 'enabled',
  tokens: [
    { name: 'dash', role: 'viewer', sha256: sha256Hex(SECRETS.viewer) },
    { name: 'ops', role: 'admin', sha256: sha256Hex(SECRETS.admin) },
    { name: 'ci', role: 'operator', sha256: sha256Hex(SECRETS.operator) },
  ],
};

function call(guard: ApiAccessGuard, target: object, handler: (...args: never[]) => unknown, authorization?: string) {
  const request: { method: string; url: string; headers: Record<string, string | undefined>; actor?: unknown } = {
    method: 'PUT',
    url: '/budgets/shop/prod?x=1',
    headers: authorization === undefined ? {} : { authorization },
  };
  const context = {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => target,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  const outcome = (() => {
    try {
      return guard.canActivate(context);
    } catch (error) {
      return error;
    }
  })();
  return { outcome, actor: request.actor };
}

describe('ApiAccessGuard', () => {
  const guard = new ApiAccessGuard(new Reflector(), config);
  const { list, put, health } = Budgets.prototype;

  it('lets anyone call a public route and any token holder a viewer route', () => {
    expect(call(guard, Budgets, health).outcome).toBe(true);
    expect(call(guard, Budgets, list, `Bearer ${SECRETS.viewer}`)).toEqual({ outcome: true, actor: { name: 'dash', role: 'viewer' } });
    expect(call(guard, Budgets, list, `bearer ${SECRETS.operator}`).outcome).toBe(true);
  });

  it('answers 401 without a token, with a malformed header or an unknown token', () => {
    for (const header of [undefined, SECRETS.admin, 'Bearer not-a-known-token-at-all']) {
      const { outcome } = call(guard, Budgets, list, header);
      expect(outcome).toBeInstanceOf(ApiAuthenticationError);
    }
    expect((call(guard, Budgets, list).outcome as Error).message).toBe('missing bearer token: send Authorization: Bearer <token>');
  });

  it('answers 403 naming the role needed and the caller when the role does not allow the route', () => {
    const { outcome } = call(guard, Budgets, put, `Bearer ${SECRETS.operator}`);
    expect(isDomainError(outcome) && outcome.code).toBe('FORBIDDEN');
    expect((outcome as Error).message).toBe('PUT /budgets/shop/prod needs role admin; token "ci" has role operator');
    expect(call(guard, Budgets, put, `Bearer ${SECRETS.admin}`).outcome).toBe(true);
  });

  it('fails closed on a route without an access rule', () => {
    const { outcome } = call(guard, Unruled, Unruled.prototype.open, `Bearer ${SECRETS.admin}`);
    expect(isDomainError(outcome) && outcome.code).toBe('INTERNAL');
    expect((outcome as Error).message).toBe('PUT /budgets/shop/prod has no access rule (@ApiAccess)');
  });

  it('with no tokens configured says how to configure them; disabled lets everyone in as an anonymous admin', () => {
    const none = new ApiAccessGuard(new Reflector(), { mode: 'enabled', tokens: [] });
    expect((call(none, Budgets, list, `Bearer ${SECRETS.admin}`).outcome as Error).message).toBe(NO_API_TOKENS_MESSAGE);
    const open = new ApiAccessGuard(new Reflector(), { mode: 'disabled', tokens: [] });
    expect(call(open, Budgets, put)).toEqual({ outcome: true, actor: { name: 'anonymous', role: 'admin' } });
  });
});
