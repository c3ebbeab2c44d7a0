import 'reflect-metadata';
import { type CloudEvent } from '@cloudwright/contracts';
import { createTestContext, type TestContext } from '@cloudwright/devenv';
import { DomainErrorFilter, MessagingRuntime } from '@cloudwright/messaging';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type DataSource } from 'typeorm';
import { ComplianceModule } from '../app.module';
import { type Clock } from '../common/clock';
import { loadComplianceConfig, type ComplianceConfig } from '../common/config/compliance.config';
import { COMPLIANCE_DATA_SOURCE } from '../common/database/data-source';
import { HTTP_BODY_LIMIT } from '../common/http/query-params';

const decoder = new TextDecoder();

/** A clock tests can move (waiver expiry). */
export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advanceDays(days: number): void {
    this.offsetMs += days * 86_400_000;
  }
  reset(): void {
    this.offsetMs = 0;
  }
}

/** The compliance service running in-process on a test file's own schema and stream/subject prefixes. */
export interface ComplianceHarness {
  ctx: TestContext;
  config: ComplianceConfig;
  clock: TestClock;
  app: NestFastifyApplication;
  runtime: MessagingRuntime;
  dataSource: DataSource;
  /** Events of one canonical subject (`cw.evt.compliance.scanned.v1`) stored on the events stream, oldest first. */
  events<T>(subject: string): Promise<CloudEvent<T>[]>;
  /** An HTTP request to the app listening on a free local port. */
  http<B = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: B; text: string }>;
  dispose(): Promise<void>;
}

/**
 * Budget for starting the service in a test file's beforeAll: migrations plus Nest boot take seconds, but a fresh CI
 * machine runs every integration file in parallel on two cores against embedded servers.
 */
export const START_TIMEOUT_MS = 180_000;

/** API tokens of the test service, one per role; `http` sends the admin one unless the call gives its own Authorization. */
export const TEST_TOKENS = { admin: 'admin-secret-00000001', operator: 'operator-secret-000001', approver: 'approver-secret-000001', viewer: 'viewer-secret-00000001' };
const TEST_TOKENS_ENV = Object.entries(TEST_TOKENS)
  .map(([role, secret]) => `test-${role}:${role}:${secret}`)
  .join(',');

export async function startCompliance(label: string, env: Record<string, string> = {}): Promise<ComplianceHarness> {
  const ctx = await createTestContext(label);
  const config = loadComplianceConfig({
    CW_NATS_URL: ctx.natsUrl,
    CW_DATABASE_URL: ctx.databaseUrl,
    CW_COMPLIANCE_SCHEMA: ctx.schema,
    CW_STREAM_PREFIX: ctx.streamPrefix,
    CW_SUBJECT_PREFIX: ctx.subjectPrefix,
    CW_MIGRATE_ON_BOOT: 'true',
    CW_DB_POOL_MAX: '4',
    CW_LOG_LEVEL: process.env.CW_TEST_LOG_LEVEL ?? 'silent',
    CW_API_TOKENS: TEST_TOKENS_ENV,
    ...env,
  });
  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({ imports: [ComplianceModule.register(config, clock)] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ bodyLimit: HTTP_BODY_LIMIT }), { logger: false });
  app.useGlobalFilters(new DomainErrorFilter());
  // a real socket: Fastify's injector (light-my-request) loads an ESM-only dependency jest cannot require on Node 20
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const runtime = app.get(MessagingRuntime);
  const dataSource = app.get<DataSource>(COMPLIANCE_DATA_SOURCE);
  return {
    ctx,
    config,
    clock,
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
    async http<B>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) {
      const isText = typeof body === 'string';
      const response = await fetch(`${baseUrl}${url}`, {
        method,
        ...(body === undefined ? {} : { body: isText ? body : JSON.stringify(body) }),
        headers: { authorization: `Bearer ${TEST_TOKENS.admin}`, ...(body === undefined || isText ? {} : { 'content-type': 'application/json' }), ...headers },
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: response.status, body: parsed as B, text };
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
