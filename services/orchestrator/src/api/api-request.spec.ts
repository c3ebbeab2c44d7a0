import { DomainError, ErrorCode } from '@cloudwright/contracts';
import { BadRequestException } from '@nestjs/common';
import { auditEntry, auditTarget, pathOf, type ApiRequest } from './api-request';
import { API_ROUTES } from './api-routes';
import { statusOfError } from './audit-write.interceptor';

const D1 = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

function aRequest(overrides: Partial<ApiRequest> = {}): ApiRequest {
  return { method: 'POST', url: `/deployments/${D1}/approve`, headers: {}, params: { id: D1 }, body: { comment: 'ok' }, ...overrides };
}

describe('audit entries', () => {
  it('strips the query string (which may hold access_token) from the path', () => {
    expect(pathOf({ url: '/events?access_token=secret-value&stack=a' })).toBe('/events');
    expect(pathOf({ url: '/deployments' })).toBe('/deployments');
  });

  it('takes the target from the path parameter or the named body field, never the body', () => {
    expect(auditTarget(API_ROUTES.approveDeployment, aRequest())).toBe(D1);
    expect(auditTarget(API_ROUTES.submitDeployment, aRequest({ body: { requestKey: 'gh:1', plan: { secret: 'x' } } }))).toBe('gh:1');
    expect(auditTarget(API_ROUTES.submitDeployment, aRequest({ body: 'not an object' }))).toBeNull();
    expect(auditTarget(API_ROUTES.submitDeployment, aRequest({ body: { requestKey: 42 } }))).toBeNull();
    expect(auditTarget(API_ROUTES.listDeployments, aRequest())).toBeNull();
  });

  it('names the actor or "unauthenticated", and prefers the caller\'s correlation id to the result\'s', () => {
    const anonymous = auditEntry(API_ROUTES.approveDeployment, aRequest(), 'denied', 401, 'missing bearer token');
    expect(anonymous).toEqual({
      actor: 'unauthenticated',
      role: null,
      method: 'POST',
      path: `/deployments/${D1}/approve`,
      action: 'deployment.approve',
      target: D1,
      outcome: 'denied',
      status: 401,
      detail: 'missing bearer token',
      correlationId: null,
    });
    const withActor = aRequest({ actor: { name: 'alice', role: 'approver' }, headers: { 'x-correlation-id': 'from-caller' } });
    expect(auditEntry(API_ROUTES.approveDeployment, withActor, 'ok', 200, null, 'from-result')).toMatchObject({ actor: 'alice', role: 'approver', correlationId: 'from-caller' });
    expect(auditEntry(API_ROUTES.approveDeployment, aRequest(), 'ok', 200, null, 'from-result').correlationId).toBe('from-result');
  });

  it('maps errors to the status the API answers with', () => {
    expect(statusOfError(new DomainError(ErrorCode.Conflict, 'busy'))).toBe(409);
    expect(statusOfError(new DomainError(ErrorCode.Forbidden, 'no'))).toBe(403);
    expect(statusOfError(new BadRequestException('bad'))).toBe(400);
    expect(statusOfError(new Error('boom'))).toBe(500);
  });
});
