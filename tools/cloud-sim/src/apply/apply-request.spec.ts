import { applyRequest } from '../__fixtures__/apply-requests';
import { parseApplyRequest, requestFingerprint, resolveResource } from './apply-request';

describe('apply requests', () => {
  it('keeps only the port fields of a valid request', () => {
    const request = applyRequest('create', 'aws_vpc.main');
    expect(parseApplyRequest({ ...request, extra: 1, resource: { ...request.resource, junk: true } })).toEqual(request);
  });

  it.each([
    [{ idempotencyKey: '' }, /idempotencyKey must be a non-empty string/],
    [{ operation: 'replace' }, /operation must be one of create, update, delete \(got "replace"\)/],
    [{ stack: 'x'.repeat(300) }, /stack must be at most 256 characters/],
    [{ deploymentId: 7 }, /deploymentId must be a non-empty string \(got 7\)/],
  ])('refuses %j with invalid-request naming the field', (patch, message) => {
    expect(() => parseApplyRequest({ ...applyRequest('create', 'aws_vpc.main'), ...patch })).toThrow(
      expect.objectContaining({ code: 'invalid-request', message: expect.stringMatching(message) as unknown }) as Error,
    );
  });

  it('refuses a bad resource naming the resource field', () => {
    const base = applyRequest('create', 'aws_vpc.main');
    expect(() => parseApplyRequest({ ...base, resource: { ...base.resource, cloud: 'ibm' } })).toThrow(/resource\.cloud must be one of aws, azure, gcp/);
    expect(() => parseApplyRequest({ ...base, resource: { ...base.resource, dependsOn: [''] } })).toThrow(/resource\.dependsOn/);
    expect(() => parseApplyRequest({ ...base, resource: { ...base.resource, attributes: [] } })).toThrow(/resource\.attributes must be an object/);
    expect(() => parseApplyRequest({ ...base, resource: null })).toThrow(/resource must be an object/);
  });

  it('resolves the region: canonical spelling, default region for regional types, null for global ones', () => {
    expect(resolveResource(applyRequest('create', 'azurerm_subnet.a', { resource: { region: 'North Europe' } })).region).toBe('northeurope');
    expect(resolveResource(applyRequest('create', 'google_sql_database_instance.a', { resource: { region: null } })).region).toBe('us-central1');
    expect(resolveResource(applyRequest('create', 'aws_route53_zone.a', { resource: { region: null } })).region).toBeNull();
    expect(() => resolveResource(applyRequest('create', 'aws_vpc.a', { resource: { region: 'eastus' } }))).toThrow(expect.objectContaining({ code: 'unknown-region' }) as Error);
  });

  it('fingerprints what a reused key must keep: not the attributes or the deployment', () => {
    const a = applyRequest('create', 'aws_vpc.main', { key: 'k', resource: { attributes: { a: 1 } } });
    const b = applyRequest('create', 'aws_vpc.main', { key: 'k', deploymentId: 'dep-2', resource: { attributes: { a: 2 } } });
    expect(requestFingerprint(a)).toBe(requestFingerprint(b));
    expect(requestFingerprint(a)).not.toBe(requestFingerprint(applyRequest('delete', 'aws_vpc.main', { key: 'k' })));
  });
});
