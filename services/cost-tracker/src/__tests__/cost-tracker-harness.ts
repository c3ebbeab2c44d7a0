import 'reflect-metadata';
import { type CloudEvent } from '@cloudwright/contracts';
import { createTestContext, type TestContext } from '@cloudwright/devenv';
import { DomainErrorFilter, MessagingRuntime } from '@cloudwright/messaging';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type DataSource } from 'typeorm';
import { CostTrackerModule } from '../app.module';
import { loadCostTrackerConfig, type CostTrackerConfig } from '../common/config/cost-tracker.config';
import { COST_TRACKER_DATA_SOURCE } from '../common/database/data-source';

const decoder = new TextDecoder();

/** The cost-tracker running in-process on a test file's own schema and stream/subject prefixes. */
export interface CostTrackerHarness {
  ctx: TestContext;
  config: CostTrackerConfig;
  app: NestFastifyApplication;
  runtime: MessagingRuntime;
  dataSource: DataSource;
  /** Events of one canonical subject (`cw.evt.cost.estimated.v1`) stored on the events stream, oldest first. */
  events<T>(subject: string): Promise<CloudEvent<T>[]>;
  /** An HTTP request to the app listening on a free local port. */
  http(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown; text: string }>;
  dispose(): Promise<void>;
}

/** API tokens of the test service, one per role; `http` sends the admin one unless the call gives its own Authorization. */
export const TEST_TOKENS = { admin: 'admin-secret-00000001', operator: 'operator-secret-000001', approver: 'approver-secret-000001', viewer: 'viewer-secret-00000001' };
const TEST_TOKENS_ENV = Object.entries(TEST_TOKENS)
  .map(([role, secret]) => `test-${role}:${role}:${secret}`)
  .join(',');

export async function startCostTracker(label: string, env: Record<string, string> = {}): Promise<CostTrackerHarness> {
  const ctx = await createTestContext(label);
  const config = loadCostTrackerConfig({
    CW_NATS_URL: ctx.natsUrl,
    CW_DATABASE_URL: ctx.databaseUrl,
    CW_COST_TRACKER_SCHEMA: ctx.schema,
    CW_STREAM_PREFIX: ctx.streamPrefix,
    CW_SUBJECT_PREFIX: ctx.subjectPrefix,
    CW_MIGRATE_ON_BOOT: 'true',
    CW_DB_POOL_MAX: '4',
    CW_LOG_LEVEL: process.env.CW_TEST_LOG_LEVEL ?? 'silent',
    CW_API_TOKENS: TEST_TOKENS_ENV,
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [CostTrackerModule.register(config)] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ bodyLimit: 8 * 1024 * 1024 }), { logger: false });
  app.useGlobalFilters(new DomainErrorFilter());
  // a real socket: Fastify's injector (light-my-request) loads an ESM-only dependency jest cannot require on Node 20
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const runtime = app.get(MessagingRuntime);
  const dataSource = app.get<DataSource>(COST_TRACKER_DATA_SOURCE);
  return {
    ctx,
    config,
    app,
    runtime,
    dataSource,
    async events<T>(subject: string) {
      const stream = runtime.topology.streams.events;
      const info = await runtime.jsm.streams.info(stream);
      const out: CloudEvent<T>[] = [];
      if (info.state.messages === 0) return out;
      for (let seq = Math.max(1, info.state.first_seq); seq <= info.state.last_seq; seq++) {
        const msg = await runtime.jsm.streams.getMessage(stream, { seq }).catch(() => null);
        if (msg && msg.subject === runtime.topology.wire(subject)) out.push(JSON.parse(decoder.decode(msg.data)) as CloudEvent<T>);
      }
      return out;
    },
    async http(method, url, body, headers = {}) {
      const isText = typeof body === 'string' || Buffer.isBuffer(body);
      const response = await fetch(`${baseUrl}${url}`, {
        method,
        ...(body === undefined ? {} : { body: isText ? (body as string) : JSON.stringify(body) }),
        headers: { authorization: `Bearer ${TEST_TOKENS.admin}`, ...(body === undefined || isText ? {} : { 'content-type': 'application/json' }), ...headers },
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: response.status, body: parsed, text };
    },
    async dispose() {
      await app.close();
      await ctx.dispose();
    },
  };
}

/** Polls until `check` returns true (or throws with `what` after the timeout). */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
