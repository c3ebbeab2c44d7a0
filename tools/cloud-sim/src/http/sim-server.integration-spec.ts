import { Readable } from 'node:stream';
import { ProviderError } from '@cloudwright/cloud-provider';
import { createTestContext, type TestContext } from '@cloudwright/devenv';
import { readFocus } from '@cloudwright/focus';
import { applyRequest } from '../__fixtures__/apply-requests';
import { SimCloud } from '../sim-cloud';
import { SimInputError } from '../sim.errors';
import { SimHttpProvider } from './sim-http-provider';
import { startSimServer, type SimServer } from './sim-server';

describe('sim HTTP API and SimHttpProvider', () => {
  let ctx: TestContext;
  let sim: SimCloud;
  let server: SimServer;
  let provider: SimHttpProvider;
  const errors: unknown[] = [];

  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
  };

  beforeAll(async () => {
    ctx = await createTestContext('cloud-sim-http');
    sim = await SimCloud.open({ databaseUrl: ctx.databaseUrl, schema: ctx.schema, seed: 'http' });
    server = await startSimServer({ sim, port: 0, onError: (error) => errors.push(error) });
    provider = new SimHttpProvider(server.url);
  });

  afterAll(async () => {
    await server?.close();
    await sim?.close();
    await ctx?.dispose();
  });

  afterEach(() => {
    expect(errors).toEqual([]);
  });

  it('answers health and the region catalog', async () => {
    await expect(call('GET', '/health')).resolves.toMatchObject({ status: 200, json: { status: 'ok', provider: 'sim', schema: ctx.schema } });
    const regions = await call('GET', '/regions');
    expect(regions.json).toMatchObject({ aws: expect.arrayContaining([expect.objectContaining({ id: 'us-east-1' })]) as unknown });
  });

  it('provisions through SimHttpProvider exactly as in process: create, replay, describe, list, health, delete', async () => {
    const request = applyRequest('create', 'module.k8s.google_container_cluster.gke', { stack: 'http', resource: { attributes: { name: 'gke-1' } } });
    const created = await provider.apply(request);
    expect(created.resource?.providerId).toMatch(/^https:\/\/container\.googleapis\.com\/v1\/projects\/cw-sim-[a-z0-9]{6}\/locations\/us-central1\/clusters\/gke-1$/);
    await expect(provider.apply(request)).resolves.toEqual({ ...created, replayed: true });
    await expect(provider.describe('http', 'staging', 'module.k8s.google_container_cluster.gke')).resolves.toEqual(created.resource);
    await expect(provider.describe('http', 'staging', 'google_container_cluster.none')).resolves.toBeNull();
    await expect(provider.list('http', 'staging')).resolves.toEqual([created.resource]);
    await expect(provider.health('http', 'staging', 'module.k8s.google_container_cluster.gke')).resolves.toMatchObject({ healthy: true });
    await expect(provider.healthOf('http', 'staging', ['module.k8s.google_container_cluster.gke', 'google_container_cluster.none'])).resolves.toMatchObject([
      { address: 'module.k8s.google_container_cluster.gke', healthy: true },
      { address: 'google_container_cluster.none', healthy: false },
    ]);
    await expect(call('POST', '/resources/http/staging/health', { addresses: ['ok', 7] })).resolves.toMatchObject({ status: 400, json: { error: { code: 'invalid-request', field: 'addresses[1]' } } });
    await expect(provider.callCounts({ stack: 'http' })).resolves.toEqual([
      { stack: 'http', environment: 'staging', address: 'module.k8s.google_container_cluster.gke', operation: 'create', count: 1 },
    ]);
    await expect(provider.apply(applyRequest('delete', 'module.k8s.google_container_cluster.gke', { stack: 'http' }))).resolves.toMatchObject({ presence: 'absent' });
  });

  it('turns the server ProviderErrors back into ProviderErrors with code and retryability', async () => {
    const missing = provider.apply(applyRequest('create', 'aws_subnet.a', { stack: 'http-err', resource: { dependsOn: ['aws_vpc.main'] } }));
    await expect(missing).rejects.toBeInstanceOf(ProviderError);
    await expect(missing).rejects.toMatchObject({ code: 'dependency-missing', retryable: false, address: 'aws_subnet.a' });
    await provider.regionOutage('aws', 'eu-west-1', true);
    await expect(provider.apply(applyRequest('create', 'aws_vpc.eu', { stack: 'http-err', resource: { region: 'eu-west-1' } }))).rejects.toMatchObject({
      code: 'region-unavailable',
      retryable: true,
    });
    await provider.regionOutage('aws', 'eu-west-1', false);
    const raw = await call('POST', '/apply', applyRequest('create', 'aws_vpc.x', { resource: { region: 'nowhere-1' } }));
    expect(raw).toMatchObject({ status: 400, json: { error: { code: 'unknown-region' } } });
  });

  it('injects, lists and clears faults over HTTP, and the fault applies to calls through the provider', async () => {
    const id = await provider.injectFault({ match: { stack: 'http-fault', operation: 'delete' }, mode: 'fail', times: 1 });
    await expect(provider.listFaults()).resolves.toEqual([expect.objectContaining({ id, remaining: 1 })]);
    await provider.apply(applyRequest('create', 'azurerm_resource_group.rg', { stack: 'http-fault' }));
    await expect(provider.apply(applyRequest('delete', 'azurerm_resource_group.rg', { stack: 'http-fault' }))).rejects.toMatchObject({
      code: 'injected-fault',
      message: expect.stringContaining(id) as unknown,
    });
    await expect(provider.apply(applyRequest('delete', 'azurerm_resource_group.rg', { stack: 'http-fault' }))).resolves.toMatchObject({ noop: false });
    await expect(provider.clearFaults()).resolves.toBe(1);
  });

  it('refuses bad input with 400 naming the field', async () => {
    await expect(call('POST', '/faults', { mode: 'fail', times: -1 })).resolves.toMatchObject({ status: 400, json: { error: { field: 'fault.times' } } });
    await expect(call('POST', '/faults', '{not json')).resolves.toMatchObject({ status: 400, json: { error: { field: 'body' } } });
    await expect(call('POST', '/outages', { cloud: 'ibm', region: 'x', on: true })).resolves.toMatchObject({ status: 400, json: { error: { field: 'cloud' } } });
    await expect(call('POST', '/outages', { cloud: 'aws', region: 'us-east-1', on: 'yes' })).resolves.toMatchObject({ status: 400, json: { error: { field: 'on' } } });
    await expect(call('GET', '/resources?stack=a')).resolves.toMatchObject({ status: 400, json: { error: { field: 'environment' } } });
    await expect(call('POST', '/clock/advance', { hours: 'two' })).resolves.toMatchObject({ status: 400, json: { error: { field: 'hours' } } });
    await expect(call('GET', '/billing/export?from=2024-01-01')).resolves.toMatchObject({ status: 400, json: { error: { field: 'to' } } });
    await expect(call('POST', '/apply', { idempotencyKey: 'k' })).resolves.toMatchObject({ status: 400, json: { error: { code: 'invalid-request' } } });
    await expect(call('DELETE', '/regions')).resolves.toMatchObject({ status: 405 });
    await expect(call('GET', '/nothing')).resolves.toMatchObject({ status: 404 });
    await expect(provider.injectFault({ match: {}, mode: 'slow', code: 'throttled' })).rejects.toBeInstanceOf(SimInputError);
  });

  it('advances the clock and serves the FOCUS billing export as CSV', async () => {
    const start = await provider.now();
    await provider.apply(applyRequest('create', 'aws_instance.billed', { stack: 'http-bill', resource: { attributes: { instance_type: 'm5.large' } } }));
    const later = await provider.advanceHours(5);
    expect(later.getTime() - start.getTime()).toBeGreaterThanOrEqual(5 * 3_600_000);
    const response = await fetch(`${server.url}/billing/export?from=${encodeURIComponent(start.toISOString())}&to=${encodeURIComponent(later.toISOString())}`);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await provider.billingExport({ from: start, to: later });
    let hours = 0;
    for await (const record of readFocus(Readable.from([csv]))) {
      if (!record.ok) throw new Error(record.error.errors.join('; '));
      if (record.row.tags['cw-stack'] === 'http-bill') hours += Number(record.row.pricingQuantity);
    }
    expect(hours).toBeGreaterThan(4.99);
    expect(hours).toBeLessThanOrEqual(5.01);
  });

  it('reports an unreachable server as a retryable ProviderError', async () => {
    const nowhere = new SimHttpProvider('http://127.0.0.1:9', { timeoutMs: 2_000 });
    await expect(nowhere.list('a', 'b')).rejects.toMatchObject({ name: 'ProviderError', code: 'internal', retryable: true });
    expect(() => new SimHttpProvider('not a url')).toThrow(/baseUrl: is not a URL/);
  });
});
