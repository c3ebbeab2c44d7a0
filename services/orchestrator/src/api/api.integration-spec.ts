import 'reflect-metadata';
import {
  AlertRaisedV1,
  DeploymentQueuedV1,
  DomainError,
  ErrorCode,
  type AuditEntryDto,
  type DeploymentDetailDto,
  type DeploymentRequestedV1,
  type DeploymentSummaryDto,
  type EnvironmentPolicyBody,
  type EnvironmentPolicyDto,
  type QueueDto,
  type RevisionDto,
  type SubmitDeploymentResponse,
} from '@cloudwright/contracts';
import { aDeploymentRequest } from '@cloudwright/contracts/testing';
import { createTestContext, type TestContext } from '@cloudwright/devenv';
import { createLogger, DomainErrorFilter, messagingTablesMigration, MessagingModule, MessagingRuntime } from '@cloudwright/messaging';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { DeploymentOperations, type Actor, type DeploymentListFilter } from '../deployments/deployment-operations';
import { aDeploymentDetail, aPolicy, aQueue, aRevision } from './__tests__/api-dtos.factory';
import { EventsController } from './feed/events.controller';
import {
  API_CONTROLLERS,
  API_PROVIDERS,
  API_TOKENS,
  AUDIT_DATA_SOURCE,
  AUDIT_ENTITIES,
  AuditLogService,
  auditLogMigration,
  buildOpenApiDocument,
  FEED_OPTIONS,
  loadApiAuthConfig,
} from '.';

const D1 = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const D2 = '7d444840-9dc0-41d3-8a0c-0305e82c3302';
const UNKNOWN = '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b';

const SECRETS = {
  viewer: 'viewer-secret-0000000001',
  operator: 'operator-secret-00000002',
  approver: 'approver-secret-00000003',
  admin: 'admin-secret-000000000004',
} as const;
type Who = keyof typeof SECRETS;
const NAMES: Record<Who, string> = { viewer: 'dash', operator: 'ci', approver: 'alice', admin: 'root-ops' };

/**
 * The DeploymentOperations facade as an in-memory fake: the thing under test is the HTTP layer (auth, roles,
 * validation, audit, SSE); the saga behind the facade is tested with real everything elsewhere.
 */
class FakeOperations extends DeploymentOperations {
  readonly calls: { method: string; args: unknown[] }[] = [];
  readonly deployments = new Map<string, DeploymentDetailDto>([
    [D1, aDeploymentDetail({ id: D1, status: 'awaiting-approval' })],
    [D2, aDeploymentDetail({ id: D2, requestKey: 'gh:acme/shop:run-2', status: 'succeeded', revision: 4 })],
  ]);
  private readonly policies = new Map<string, EnvironmentPolicyDto>();

  private find(id: string): DeploymentDetailDto {
    const found = this.deployments.get(id);
    if (!found) throw new DomainError(ErrorCode.NotFound, `deployment ${id} not found`);
    return found;
  }

  private decide(id: string, actor: Actor, decision: 'approve' | 'reject', comment?: string): DeploymentDetailDto {
    const d = this.find(id);
    if (d.status !== 'awaiting-approval') throw new DomainError(ErrorCode.Conflict, `deployment ${id} is ${d.status}, not awaiting approval`);
    d.approvals.push({ approver: actor.name, role: actor.role, decision, comment: comment ?? null, at: new Date().toISOString() });
    d.status = decision === 'approve' ? 'provisioning' : 'rejected';
    return d;
  }

  submit(request: DeploymentRequestedV1, actor: Actor): Promise<SubmitDeploymentResponse> {
    this.calls.push({ method: 'submit', args: [request, actor] });
    return Promise.resolve({ deploymentId: null, eventId: '5a5a5a5a-5a5a-4a5a-8a5a-5a5a5a5a5a5a', requestKey: request.requestKey, correlationId: 'corr-submit', status: 'submitted' });
  }
  list(filter: DeploymentListFilter): Promise<DeploymentSummaryDto[]> {
    this.calls.push({ method: 'list', args: [filter] });
    return Promise.resolve([...this.deployments.values()].filter((d) => !filter.status || d.status === filter.status).slice(0, filter.limit));
  }
  get(id: string): Promise<DeploymentDetailDto> {
    return Promise.resolve().then(() => this.find(id));
  }
  getByRequestKey(requestKey: string): Promise<DeploymentDetailDto> {
    const found = [...this.deployments.values()].find((d) => d.requestKey === requestKey);
    return found ? Promise.resolve(found) : Promise.reject(new DomainError(ErrorCode.NotFound, `no deployment with request key ${requestKey}`));
  }
  approve(id: string, actor: Actor, comment?: string): Promise<DeploymentDetailDto> {
    this.calls.push({ method: 'approve', args: [id, actor, comment] });
    return Promise.resolve().then(() => this.decide(id, actor, 'approve', comment));
  }
  reject(id: string, actor: Actor, comment?: string): Promise<DeploymentDetailDto> {
    this.calls.push({ method: 'reject', args: [id, actor, comment] });
    return Promise.resolve().then(() => this.decide(id, actor, 'reject', comment));
  }
  cancel(id: string, actor: Actor, reason?: string): Promise<DeploymentDetailDto> {
    this.calls.push({ method: 'cancel', args: [id, actor, reason] });
    return Promise.resolve().then(() => ({ ...this.find(id), status: 'cancelled' as const }));
  }
  retry(id: string, actor: Actor): Promise<DeploymentDetailDto> {
    this.calls.push({ method: 'retry', args: [id, actor] });
    return Promise.resolve().then(() => this.find(id));
  }
  rollback(id: string, actor: Actor, options: { toRevision?: number; reason?: string }): Promise<DeploymentSummaryDto> {
    this.calls.push({ method: 'rollback', args: [id, actor, options] });
    return Promise.resolve().then(() => ({ ...this.find(id), id: UNKNOWN, kind: 'rollback' as const, status: 'queued' as const, rollbackToRevision: options.toRevision ?? 3 }));
  }
  queue(filter: { stack?: string; environment?: string }): Promise<QueueDto[]> {
    this.calls.push({ method: 'queue', args: [filter] });
    return Promise.resolve([aQueue()]);
  }
  revisions(stack: string, environment: string): Promise<RevisionDto[]> {
    return Promise.resolve([aRevision({ stack, environment })]);
  }
  getPolicy(environment: string): Promise<EnvironmentPolicyDto> {
    return Promise.resolve(this.policies.get(environment) ?? aPolicy(environment));
  }
  putPolicy(environment: string, body: Partial<EnvironmentPolicyBody>, actor: Actor): Promise<EnvironmentPolicyDto> {
    this.calls.push({ method: 'putPolicy', args: [environment, body, actor] });
    const next = { ...aPolicy(environment), ...this.policies.get(environment), ...body, isDefault: false, updatedAt: new Date().toISOString(), updatedBy: actor.name };
    this.policies.set(environment, next);
    return Promise.resolve(next);
  }
}

interface Answer<B> {
  status: number;
  body: B;
  headers: Headers;
}

interface ApiHarness {
  ctx: TestContext;
  app: NestFastifyApplication;
  runtime: MessagingRuntime;
  fake: FakeOperations;
  baseUrl: string;
  dispose(): Promise<void>;
}

async function startApi(label: string, env: Record<string, string>): Promise<ApiHarness> {
  const ctx = await createTestContext(label);
  const dataSource = new DataSource({
    type: 'postgres',
    url: ctx.databaseUrl,
    schema: ctx.schema,
    entities: AUDIT_ENTITIES,
    migrations: [messagingTablesMigration(ctx.schema), auditLogMigration(ctx.schema)],
    migrationsTableName: 'migrations',
    extra: { max: 4 },
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const fake = new FakeOperations();
  const moduleRef = await Test.createTestingModule({
    imports: [
      MessagingModule.forRootAsync({
        useFactory: () => ({
          service: 'orchestrator',
          natsUrl: ctx.natsUrl,
          dataSource,
          schema: ctx.schema,
          topology: { streamPrefix: ctx.streamPrefix, subjectPrefix: ctx.subjectPrefix },
          metricsRegistry: new Registry(),
          logger: createLogger('api-test', process.env.CW_TEST_LOG_LEVEL ?? 'silent'),
        }),
      }),
    ],
    controllers: API_CONTROLLERS,
    providers: [
      ...API_PROVIDERS,
      { provide: API_TOKENS, useValue: loadApiAuthConfig(env) },
      { provide: AUDIT_DATA_SOURCE, useValue: dataSource },
      { provide: DeploymentOperations, useValue: fake },
      { provide: FEED_OPTIONS, useValue: { pingIntervalMs: 250 } },
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  app.useGlobalFilters(new DomainErrorFilter());
  // a real socket: Fastify's injector loads an ESM-only dependency jest cannot require on Node 20
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    ctx,
    app,
    runtime: app.get(MessagingRuntime),
    fake,
    baseUrl: `http://127.0.0.1:${address.port}`,
    async dispose() {
      await app.close();
      await dataSource.destroy();
      await ctx.dispose();
    },
  };
}

const TOKENS_ENV = { CW_API_TOKENS: (Object.keys(SECRETS) as Who[]).map((who) => `${NAMES[who]}:${who}:${SECRETS[who]}`).join(',') };

describe('orchestrator HTTP API', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi('api', TOKENS_ENV);
  }, 120_000);

  afterAll(async () => {
    await h?.dispose();
  });

  async function call<B = unknown>(method: string, path: string, who?: Who, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<B>> {
    const response = await fetch(`${h.baseUrl}${path}`, {
      method,
      headers: {
        ...(who ? { authorization: `Bearer ${SECRETS[who]}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as B, headers: response.headers };
  }

  async function auditRows(): Promise<AuditEntryDto[]> {
    await h.app.get(AuditLogService).flush();
    const answer = await call<AuditEntryDto[]>('GET', '/audit?limit=500', 'admin');
    expect(answer.status).toBe(200);
    return answer.body;
  }

  describe('authentication', () => {
    it('answers 401 with WWW-Authenticate: Bearer without a token', async () => {
      const answer = await call<{ code: string; message: string }>('GET', '/deployments');
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(answer.body).toMatchObject({ code: 'UNAUTHENTICATED', message: 'missing bearer token: send Authorization: Bearer <token>' });
    });

    it('answers 401 to an unknown token and to a non-bearer Authorization header', async () => {
      await expect(call('GET', '/deployments', undefined, undefined, { authorization: 'Bearer not-a-real-token-000000' })).resolves.toMatchObject({
        status: 401,
        body: { message: 'unknown API token' },
      });
      await expect(call('GET', '/deployments', undefined, undefined, { authorization: `Basic ${SECRETS.admin}` })).resolves.toMatchObject({
        status: 401,
        body: { message: 'the Authorization header must be "Bearer <token>"' },
      });
    });

    it('serves /openapi.json without a token: the document generated from the route table', async () => {
      const answer = await call('GET', '/openapi.json');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    });
  });

  describe('roles', () => {
    it('lets a viewer read deployments, queue, revisions and policies', async () => {
      const list = await call<DeploymentSummaryDto[]>('GET', '/deployments?stack=shop&environment=prod&status=awaiting-approval&limit=10', 'viewer');
      expect(list.status).toBe(200);
      expect(list.body.map((d) => d.id)).toEqual([D1]);
      expect(h.fake.calls.filter((c) => c.method === 'list').at(-1)?.args[0]).toEqual({ stack: 'shop', environment: 'prod', status: 'awaiting-approval', limit: 10 });
      await expect(call('GET', `/deployments/${D1}`, 'viewer')).resolves.toMatchObject({ status: 200, body: { id: D1, gates: [{ gate: 'cost' }] } });
      await expect(call('GET', '/deployments/by-request-key/gh:acme%2Fshop:run-2', 'viewer')).resolves.toMatchObject({ status: 200, body: { id: D2 } });
      await expect(call('GET', '/queue?environment=prod', 'viewer')).resolves.toMatchObject({ status: 200, body: [{ stack: 'shop', queued: [{ queuePosition: 1 }] }] });
      await expect(call('GET', '/stacks/shop/environments/prod/revisions', 'viewer')).resolves.toMatchObject({ status: 200, body: [{ revision: 3 }] });
      await expect(call('GET', '/policies/prod', 'viewer')).resolves.toMatchObject({ status: 200, body: { environment: 'prod', isDefault: true } });
    });

    it('answers 404 for an unknown deployment (the facade\'s NOT_FOUND)', async () => {
      await expect(call('GET', `/deployments/${UNKNOWN}`, 'viewer')).resolves.toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    });

    it('refuses a viewer approving, naming the role needed and the caller\'s', async () => {
      const answer = await call<{ code: string; message: string }>('POST', `/deployments/${D1}/approve`, 'viewer', { comment: 'lgtm' });
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('FORBIDDEN');
      expect(answer.body.message).toBe(`POST /deployments/:id/approve needs role approver or admin; token "dash" has role viewer`);
      expect(h.fake.calls.some((c) => c.method === 'approve')).toBe(false);
    });

    it('lets an approver approve (as itself, with the comment) but not deploy', async () => {
      const approved = await call<DeploymentDetailDto>('POST', `/deployments/${D1}/approve`, 'approver', { comment: 'change ticket CHG-1' });
      expect(approved.status).toBe(200);
      expect(approved.body.approvals).toEqual([expect.objectContaining({ approver: 'alice', role: 'approver', decision: 'approve', comment: 'change ticket CHG-1' })]);
      expect(h.fake.calls.find((c) => c.method === 'approve')?.args).toEqual([D1, { name: 'alice', role: 'approver' }, 'change ticket CHG-1']);
      const deploy = await call<{ message: string }>('POST', '/deployments', 'approver', aDeploymentRequest());
      expect(deploy.status).toBe(403);
      expect(deploy.body.message).toBe('POST /deployments needs role operator or admin; token "alice" has role approver');
    });

    it('lets an operator request a deployment (202) and refuses it a policy change', async () => {
      const request = aDeploymentRequest({ requestKey: 'gh:acme/shop:run-77' });
      const submitted = await call<SubmitDeploymentResponse>('POST', '/deployments', 'operator', request);
      expect(submitted.status).toBe(202);
      expect(submitted.body).toMatchObject({ requestKey: 'gh:acme/shop:run-77', status: 'submitted' });
      expect(h.fake.calls.find((c) => c.method === 'submit')?.args[1]).toEqual({ name: 'ci', role: 'operator' });
      const put = await call<{ message: string }>('PUT', '/policies/prod', 'operator', { budget: 'warn' });
      expect(put.status).toBe(403);
      expect(put.body.message).toBe('PUT /policies/:environment needs role admin; token "ci" has role operator');
    });

    it('lets an admin set a policy, recorded with the admin as author', async () => {
      const put = await call<EnvironmentPolicyDto>('PUT', '/policies/prod', 'admin', { budget: 'warn', approval: { required: true, count: 2, approvers: ['alice'], timeoutSeconds: 600 } });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ environment: 'prod', budget: 'warn', isDefault: false, updatedBy: 'root-ops', approval: { count: 2 } });
      await expect(call('GET', '/policies/prod', 'viewer')).resolves.toMatchObject({ body: { budget: 'warn' } });
    });

    it('keeps the audit log for admins', async () => {
      await expect(call('GET', '/audit', 'operator')).resolves.toMatchObject({ status: 403 });
    });
  });

  describe('validation', () => {
    it.each([
      ['GET', '/deployments?limit=0', 'limit must be an integer 1-500 (got "0")'],
      ['GET', '/deployments?limit=501', 'limit must be an integer 1-500 (got "501")'],
      ['GET', '/deployments/not-a-uuid', 'id must be a UUID (got "not-a-uuid")'],
      ['GET', '/queue?stack=Bad!', 'stack must be lower-case letters'],
      ['GET', '/audit?limit=x', 'limit must be an integer 1-500 (got "x")'],
    ])('%s %s → 400', async (method, path, message) => {
      const who: Who = path.startsWith('/audit') ? 'admin' : 'viewer';
      const answer = await call<{ code: string; message: string }>(method, path, who);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect(answer.body.message).toContain(message);
    });

    it('lists the valid statuses for an unknown one', async () => {
      const answer = await call<{ message: string }>('GET', '/deployments?status=done', 'viewer');
      expect(answer.status).toBe(400);
      expect(answer.body.message).toBe(`status "done" is not one of queued, analyzing, estimating, scanning, awaiting-approval, provisioning, verifying, succeeded, blocked, rejected, failed, rolling-back, rolled-back, rollback-failed, cancelled`);
    });

    it('rejects bad bodies: an invalid deployment request, toRevision, a long comment, an unknown field, a bad policy', async () => {
      const invalid = await call<{ message: string; details: { errors: { path: string }[] } }>('POST', '/deployments', 'operator', { ...aDeploymentRequest(), stack: 'Not A Name' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.message).toMatch(/^invalid deployment request: .*body\.stack/);
      await expect(call('POST', `/deployments/${D2}/rollback`, 'operator', { toRevision: 0 })).resolves.toMatchObject({
        status: 400,
        body: { message: 'body.toRevision must be a positive integer (got 0)' },
      });
      await expect(call('POST', `/deployments/${D1}/reject`, 'approver', { comment: 'x'.repeat(2049) })).resolves.toMatchObject({
        status: 400,
        body: { message: 'body.comment must be at most 2048 characters (got 2049)' },
      });
      await expect(call('POST', `/deployments/${D1}/cancel`, 'operator', { reson: 'typo' })).resolves.toMatchObject({
        status: 400,
        body: { message: 'body.reson is not a known field (allowed: reason)' },
      });
      await expect(call('PUT', '/policies/prod', 'admin', { maxParallelSteps: 0 })).resolves.toMatchObject({
        status: 400,
        body: { message: 'body.maxParallelSteps must be an integer 1-256 (got 0)' },
      });
      expect(h.fake.calls.some((c) => c.method === 'rollback' || c.method === 'reject' || c.method === 'cancel')).toBe(false);
    });

    it('passes a valid rollback through and answers 202 with the new deployment', async () => {
      const answer = await call<DeploymentSummaryDto>('POST', `/deployments/${D2}/rollback`, 'operator', { toRevision: 2, reason: 'bad release' });
      expect(answer.status).toBe(202);
      expect(answer.body).toMatchObject({ kind: 'rollback', rollbackToRevision: 2 });
      expect(h.fake.calls.find((c) => c.method === 'rollback')?.args).toEqual([D2, { name: 'ci', role: 'operator' }, { toRevision: 2, reason: 'bad release' }]);
    });
  });

  describe('audit log', () => {
    it('records allowed, denied and failed writes with actor, action and target — never a token or a body', async () => {
      // an unauthenticated write and a conflicting one (D1 is no longer awaiting approval)
      await expect(call('POST', `/deployments/${D1}/cancel`, undefined, { reason: 'secret-reason' })).resolves.toMatchObject({ status: 401 });
      await expect(call('POST', `/deployments/${D1}/reject`, 'approver', {})).resolves.toMatchObject({ status: 409 });
      const rows = await auditRows();
      const find = (pred: (r: AuditEntryDto) => boolean) => rows.filter(pred);
      expect(find((r) => r.action === 'deployment.approve' && r.outcome === 'ok')).toEqual([
        expect.objectContaining({ actor: 'alice', role: 'approver', method: 'POST', path: `/deployments/${D1}/approve`, target: D1, status: 200, detail: null }),
      ]);
      expect(find((r) => r.action === 'deployment.approve' && r.outcome === 'denied')).toEqual([
        expect.objectContaining({ actor: 'dash', role: 'viewer', status: 403, detail: expect.stringContaining('needs role approver or admin') as unknown }),
      ]);
      expect(find((r) => r.action === 'deployment.cancel' && r.outcome === 'denied' && r.status === 401)).toEqual([
        expect.objectContaining({ actor: 'unauthenticated', role: null, target: D1, detail: expect.stringContaining('missing bearer token') as unknown }),
      ]);
      expect(find((r) => r.action === 'deployment.reject' && r.status === 409)).toEqual([expect.objectContaining({ outcome: 'error', actor: 'alice', detail: expect.stringContaining('not awaiting approval') as unknown })]);
      expect(find((r) => r.action === 'deployment.submit' && r.outcome === 'ok')).toEqual([expect.objectContaining({ actor: 'ci', status: 202, target: 'gh:acme/shop:run-77' })]);
      expect(find((r) => r.action === 'deployment.submit' && r.outcome === 'denied')).toEqual([expect.objectContaining({ actor: 'alice', status: 403 })]);
      expect(find((r) => r.action === 'deployment.submit' && r.outcome === 'error')).toEqual([expect.objectContaining({ actor: 'ci', status: 400 })]);
      expect(find((r) => r.action === 'policy.put').map((r) => `${r.actor}:${r.outcome}:${r.status}`).sort()).toEqual(['ci:denied:403', 'root-ops:error:400', 'root-ops:ok:200']);
      expect(find((r) => r.action === 'deployment.rollback').map((r) => `${r.outcome}:${r.status}`).sort()).toEqual(['error:400', 'ok:202']);
      // reads are not audited; secrets and bodies are never stored
      expect(rows.every((r) => r.method !== 'GET')).toBe(true);
      const text = JSON.stringify(rows);
      for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
      expect(text).not.toContain('secret-reason');
      expect(text).not.toContain('change ticket');
    });

    it('keeps the correlation id of the request', async () => {
      await call('POST', `/deployments/${D2}/retry`, 'operator', undefined, { 'x-correlation-id': 'corr-retry-1' });
      await h.app.get(AuditLogService).flush();
      const [row] = await h.app.get(AuditLogService).list(1);
      expect(row).toMatchObject({ action: 'deployment.retry', outcome: 'ok' });
      const stored = await h.app.get<DataSource>(AUDIT_DATA_SOURCE).query<{ correlation_id: string }[]>(`SELECT correlation_id FROM "${h.ctx.schema}".audit_log WHERE id = $1`, [row.id]);
      expect(stored).toEqual([{ correlation_id: 'corr-retry-1' }]);
    });

    it('answers newest first and honours the limit', async () => {
      const two = await call<AuditEntryDto[]>('GET', '/audit?limit=2', 'admin');
      expect(two.status).toBe(200);
      expect(two.body).toHaveLength(2);
      expect(two.body[0].at >= two.body[1].at).toBe(true);
      expect(two.body[0].action).toBe('deployment.retry');
    });
  });

  describe('live feed', () => {
    /** A text/event-stream read over fetch, as the CLI reads it. */
    async function openFeed(query: string, headers: Record<string, string> = {}) {
      const abort = new AbortController();
      const response = await fetch(`${h.baseUrl}/events${query}`, { headers, signal: abort.signal });
      let text = '';
      let ended = false;
      const pump = (async () => {
        if (!response.body) return;
        const decoder = new TextDecoder();
        try {
          for await (const chunk of response.body) text += decoder.decode(chunk as Uint8Array, { stream: true });
        } catch {
          // aborted
        } finally {
          ended = true;
        }
      })();
      return {
        response,
        get text() {
          return text;
        },
        async waitFor(what: string, check: (text: string) => boolean, timeoutMs = 10_000) {
          const deadline = Date.now() + timeoutMs;
          while (!check(text)) {
            if (ended || Date.now() > deadline) throw new Error(`feed: ${what} not seen (ended=${ended}); got:\n${text}`);
            await new Promise((r) => setTimeout(r, 20));
          }
        },
        async close() {
          abort.abort();
          await pump;
        },
      };
    }

    const queued = (deploymentId: string, stack = 'shop') => ({ deploymentId, stack, environment: 'prod', requestKey: `k-${deploymentId}`, kind: 'deploy' as const, status: 'queued' as const, position: 1 });

    it('streams the deployment events of one deployment in the SSE format, with pings, token in the query', async () => {
      const feed = await openFeed(`?deploymentId=${D1}&access_token=${SECRETS.viewer}`);
      expect(feed.response.status).toBe(200);
      expect(feed.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(feed.response.headers.get('cache-control')).toBe('no-cache');
      // the first ping says the subscriptions are registered
      await feed.waitFor('first ping', (t) => t.includes(': ping\n\n'));
      const other = await h.runtime.publisher.publish(DeploymentQueuedV1, queued(D2), { subject: D2 });
      const mine = await h.runtime.publisher.publish(DeploymentQueuedV1, queued(D1), { subject: D1, correlationId: 'corr-feed' });
      await feed.waitFor('the event of D1', (t) => t.includes(mine.id));
      const expected = { id: mine.id, type: mine.type, subject: D1, time: mine.time, correlationid: 'corr-feed', data: mine.data };
      expect(feed.text).toContain(`id: ${mine.id}\nevent: io.cloudwright.deployment.queued.v1\ndata: ${JSON.stringify(expected)}\n\n`);
      expect(feed.text).not.toContain(other.id);
      const pings = feed.text.split(': ping\n\n').length - 1;
      await feed.waitFor('a later ping', (t) => t.split(': ping\n\n').length - 1 > pings);
      expect(h.app.get(EventsController).openStreams).toBe(1);
      await feed.close();
      // the client went away: its subscriptions are closed
      const deadline = Date.now() + 5000;
      while (h.app.get(EventsController).openStreams > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(h.app.get(EventsController).openStreams).toBe(0);
    });

    it('filters by stack and passes alerts of that stack', async () => {
      const feed = await openFeed('?stack=blog', { authorization: `Bearer ${SECRETS.viewer}` });
      await feed.waitFor('first ping', (t) => t.includes(': ping'));
      const shop = await h.runtime.publisher.publish(DeploymentQueuedV1, queued(D1, 'shop'), { subject: D1 });
      const blog = await h.runtime.publisher.publish(DeploymentQueuedV1, queued(D2, 'blog'), { subject: D2 });
      const alert = (stack: string) => ({
        dedupKey: `deployment:${stack}:prod:rollback-failed`,
        kind: 'deployment-rollback-failed',
        severity: 'critical' as const,
        title: `rollback failed for ${stack}`,
        description: 'a compensation kept failing',
        environment: 'prod',
        stack,
        source: 'orchestrator',
        labels: {},
        raisedAt: new Date().toISOString(),
      });
      const shopAlert = await h.runtime.publisher.publish(AlertRaisedV1, alert('shop'));
      const blogAlert = await h.runtime.publisher.publish(AlertRaisedV1, alert('blog'));
      await feed.waitFor('the blog event and alert', (t) => t.includes(blog.id) && t.includes(blogAlert.id));
      expect(feed.text).toContain(`event: io.cloudwright.alert.raised.v1\ndata: {"id":"${blogAlert.id}"`);
      expect(feed.text).not.toContain(shop.id);
      expect(feed.text).not.toContain(shopAlert.id);
      await feed.close();
    });

    it('refuses a feed without a token and a bad filter before streaming', async () => {
      await expect(call('GET', '/events')).resolves.toMatchObject({ status: 401, body: { message: 'missing bearer token: send Authorization: Bearer <token> (or ?access_token=<token>)' } });
      await expect(call('GET', '/events?deploymentId=42', 'viewer')).resolves.toMatchObject({ status: 400, body: { message: 'deploymentId must be a UUID (got "42")' } });
    });
  });
});

describe('orchestrator HTTP API without tokens', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi('api-no-tokens', {});
  }, 120_000);

  afterAll(async () => {
    await h?.dispose();
  });

  it('answers 401 saying to set CW_API_TOKENS, keeps /openapi.json open, and audits the refused write', async () => {
    const list = await fetch(`${h.baseUrl}/deployments`, { headers: { authorization: 'Bearer anything-at-all-000000' } });
    expect(list.status).toBe(401);
    expect(((await list.json()) as { message: string }).message).toMatch(/^the API has no tokens configured: set CW_API_TOKENS/);
    expect((await fetch(`${h.baseUrl}/openapi.json`)).status).toBe(200);
    const approve = await fetch(`${h.baseUrl}/deployments/${D1}/approve`, { method: 'POST' });
    expect(approve.status).toBe(401);
    await h.app.get(AuditLogService).flush();
    await expect(h.app.get(AuditLogService).list(10)).resolves.toEqual([
      expect.objectContaining({ actor: 'unauthenticated', action: 'deployment.approve', outcome: 'denied', status: 401, target: D1 }),
    ]);
    expect(h.fake.calls).toEqual([]);
  });
});

describe('orchestrator HTTP API with CW_API_AUTH=disabled', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi('api-auth-off', { CW_API_AUTH: 'disabled' });
  }, 120_000);

  afterAll(async () => {
    await h?.dispose();
  });

  it('treats every caller as an anonymous admin', async () => {
    expect((await fetch(`${h.baseUrl}/deployments`)).status).toBe(200);
    const put = await fetch(`${h.baseUrl}/policies/dev`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ onFailure: 'pause' }) });
    expect(put.status).toBe(200);
    expect(h.fake.calls.find((c) => c.method === 'putPolicy')?.args).toEqual(['dev', { onFailure: 'pause' }, { name: 'anonymous', role: 'admin' }]);
    await h.app.get(AuditLogService).flush();
    await expect(h.app.get(AuditLogService).list(1)).resolves.toEqual([expect.objectContaining({ actor: 'anonymous', role: 'admin', action: 'policy.put', outcome: 'ok', target: 'dev' })]);
  });

  it('answers a write even when its audit entry cannot be stored (and logs the failure instead)', async () => {
    const dataSource = h.app.get<DataSource>(AUDIT_DATA_SOURCE);
    await dataSource.query(`ALTER TABLE "${h.ctx.schema}".audit_log RENAME TO audit_log_away`);
    try {
      const put = await fetch(`${h.baseUrl}/policies/dev`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ budget: 'warn' }) });
      expect(put.status).toBe(200);
      await h.app.get(AuditLogService).flush();
    } finally {
      await dataSource.query(`ALTER TABLE "${h.ctx.schema}".audit_log_away RENAME TO audit_log`);
    }
    await expect(h.app.get(AuditLogService).list(10)).resolves.toHaveLength(1);
  });

  it('ends open feeds when the service shuts down instead of hanging', async () => {
    const response = await fetch(`${h.baseUrl}/events`);
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value as Uint8Array)).toContain(': ping');
    const closing = h.app.close();
    // the stream ends (done) once the controller closed it
    let done = false;
    const deadline = Date.now() + 10_000;
    while (!done && Date.now() < deadline) done = (await reader.read()).done;
    expect(done).toBe(true);
    await closing;
    expect(h.app.get(EventsController).openStreams).toBe(0);
  });
});
