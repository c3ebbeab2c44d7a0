import 'reflect-metadata';
import { SimCloud } from '@cloudwright/cloud-sim';
import { type CloudEvent, type DeploymentDetailDto, type DeploymentRequestedV1, type DeploymentStatus } from '@cloudwright/contracts';
import { createTestContext, type TestContext } from '@cloudwright/devenv';
import { DomainErrorFilter, MessagingRuntime } from '@cloudwright/messaging';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { OrchestratorModule } from '../../../../../services/orchestrator/src/app.module';
import { parseApiTokens } from '../../../../../services/orchestrator/src/api';
import { loadOrchestratorConfig } from '../../../../../services/orchestrator/src/common/config/orchestrator.config';
import { CostTrackerModule } from '../../../../../services/cost-tracker/src/app.module';
import { loadCostTrackerConfig } from '../../../../../services/cost-tracker/src/common/config/cost-tracker.config';
import { ComplianceModule } from '../../../../../services/compliance/src/app.module';
import { loadComplianceConfig } from '../../../../../services/compliance/src/common/config/compliance.config';

const decoder = new TextDecoder();

/** Tokens of the test platform: one per role. */
export const TOKENS = { admin: 'admin-secret-0001', operator: 'operator-secret-0001', approver: 'approver-secret-0001', approver2: 'approver2-secret-01', viewer: 'viewer-secret-0001' };
const TOKEN_ENV = `ci-admin:admin:${TOKENS.admin},ci:operator:${TOKENS.operator},alice:approver:${TOKENS.approver},bob:approver:${TOKENS.approver2},dash:viewer:${TOKENS.viewer}`;

/** A budget for starting three services on a loaded two-core CI machine. */
export const PLATFORM_START_TIMEOUT_MS = 240_000;

/**
 * The whole platform in one process on a test context: orchestrator (cloud-analyzer + deployment-coordinator),
 * cost-tracker and compliance, each on its own schema, sharing the context's streams; the simulated cloud on its own
 * schema. `restartOrchestrator` stops and starts the coordinator on the same database (crash/resume tests).
 */
export interface Platform {
  ctx: TestContext;
  sim: SimCloud;
  orchestrator: NestFastifyApplication;
  runtime: MessagingRuntime;
  baseUrl: string;
  /** Base URLs of the gate services (empty without gates). */
  gateUrls: { costTracker?: string; compliance?: string };
  api<B = unknown>(method: string, url: string, body?: unknown, token?: string): Promise<{ status: number; body: B }>;
  deploy(request: DeploymentRequestedV1): Promise<string>;
  waitFor(id: string, statuses: DeploymentStatus[], timeoutMs?: number): Promise<DeploymentDetailDto>;
  events<T>(subject: string): Promise<CloudEvent<T>[]>;
  stopOrchestrator(): Promise<void>;
  startOrchestrator(): Promise<void>;
  dispose(): Promise<void>;
}

export interface PlatformOptions {
  /** Extra orchestrator env (CW_SAGA_POLL_MS…). */
  orchestratorEnv?: Record<string, string>;
  latencyScale?: number;
  /** Start cost-tracker and compliance (default true): without them, gates time out. */
  gates?: boolean;
}

export async function startPlatform(label: string, options: PlatformOptions = {}): Promise<Platform> {
  const ctx = await createTestContext(label);
  const schemas = { cost: `${ctx.schema}_c`, compliance: `${ctx.schema}_p`, sim: `${ctx.schema}_s` };
  const common = {
    CW_NATS_URL: ctx.natsUrl,
    CW_DATABASE_URL: ctx.databaseUrl,
    CW_STREAM_PREFIX: ctx.streamPrefix,
    CW_SUBJECT_PREFIX: ctx.subjectPrefix,
    CW_MIGRATE_ON_BOOT: 'true',
    CW_DB_POOL_MAX: '4',
    CW_LOG_LEVEL: process.env.CW_TEST_LOG_LEVEL ?? 'silent',
    CW_API_TOKENS: TOKEN_ENV,
  };
  const sim = await SimCloud.open({ databaseUrl: ctx.databaseUrl, schema: schemas.sim, seed: 'saga-tests', latencyScale: options.latencyScale ?? 0 });
  const apps: NestFastifyApplication[] = [];
  const boot = async (module: Parameters<typeof Test.createTestingModule>[0]['imports']): Promise<NestFastifyApplication> => {
    const moduleRef = await Test.createTestingModule({ imports: module }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ bodyLimit: 8 * 1024 * 1024 }), { logger: false });
    app.useGlobalFilters(new DomainErrorFilter());
    await app.listen(0, '127.0.0.1');
    return app;
  };
  if (options.gates !== false) {
    apps.push(await boot([CostTrackerModule.register(loadCostTrackerConfig({ ...common, CW_COST_TRACKER_SCHEMA: schemas.cost }))]));
    apps.push(await boot([ComplianceModule.register(loadComplianceConfig({ ...common, CW_COMPLIANCE_SCHEMA: schemas.compliance }))]));
  }
  const orchestratorConfig = loadOrchestratorConfig({ ...common, CW_ORCHESTRATOR_SCHEMA: ctx.schema, CW_SAGA_POLL_MS: '50', ...options.orchestratorEnv });
  const auth = { mode: 'enabled' as const, tokens: parseApiTokens({ CW_API_TOKENS: TOKEN_ENV }) };
  let orchestrator = await boot([OrchestratorModule.register(orchestratorConfig, { provider: sim, auth })]);
  const urlOf = (app: NestFastifyApplication) => `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const platform: Platform = {
    ctx,
    sim,
    orchestrator,
    runtime: orchestrator.get(MessagingRuntime),
    baseUrl: urlOf(orchestrator),
    gateUrls: apps.length ? { costTracker: urlOf(apps[0]), compliance: urlOf(apps[1]) } : {},
    async api<B>(method: string, url: string, body?: unknown, token: string = TOKENS.admin) {
      const response = await fetch(`${platform.baseUrl}${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
      return { status: response.status, body: parsed as B };
    },
    async deploy(request) {
      const submitted = await platform.api<{ deploymentId: string | null }>('POST', '/deployments', request, TOKENS.operator);
      if (submitted.status !== 202) throw new Error(`POST /deployments answered ${submitted.status}: ${JSON.stringify(submitted.body)}`);
      let id = submitted.body.deploymentId;
      const deadline = Date.now() + 30_000;
      while (!id && Date.now() < deadline) {
        const found = await platform.api<DeploymentDetailDto>('GET', `/deployments/by-request-key/${encodeURIComponent(request.requestKey)}`);
        if (found.status === 200) id = found.body.id;
        else await new Promise((r) => setTimeout(r, 50));
      }
      if (!id) throw new Error(`deployment for ${request.requestKey} was never recorded`);
      return id;
    },
    async waitFor(id, statuses, timeoutMs = 25_000) {
      const deadline = Date.now() + timeoutMs;
      let last: DeploymentDetailDto | undefined;
      while (Date.now() < deadline) {
        const got = await platform.api<DeploymentDetailDto>('GET', `/deployments/${id}`);
        if (got.status === 200) {
          last = got.body;
          if (statuses.includes(last.status)) return last;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`deployment ${id} did not reach ${statuses.join('|')} within ${timeoutMs} ms; last: ${last?.status} ${last?.reason ?? ''}\n${JSON.stringify(last?.gates ?? [], null, 1).slice(0, 3000)}`);
    },
    async events<T>(subject: string) {
      const runtime = platform.runtime;
      const stream = runtime.topology.streams.events;
      const info = await runtime.jsm.streams.info(stream);
      const out: CloudEvent<T>[] = [];
      for (let seq = Math.max(1, info.state.first_seq); seq <= info.state.last_seq && info.state.messages > 0; seq++) {
        const msg = await runtime.jsm.streams.getMessage(stream, { seq }).catch(() => null);
        if (msg && msg.subject === runtime.topology.wire(subject)) out.push(JSON.parse(decoder.decode(msg.data)) as CloudEvent<T>);
      }
      return out;
    },
    async stopOrchestrator() {
      await orchestrator.close();
    },
    async startOrchestrator() {
      orchestrator = await boot([OrchestratorModule.register(orchestratorConfig, { provider: sim, auth })]);
      platform.orchestrator = orchestrator;
      platform.runtime = orchestrator.get(MessagingRuntime);
      platform.baseUrl = urlOf(orchestrator);
    },
    async dispose() {
      await orchestrator.close().catch(() => undefined);
      for (const app of apps) await app.close();
      await sim.close();
      const client = new Client({ connectionString: ctx.databaseUrl });
      await client.connect();
      try {
        for (const s of Object.values(schemas)) await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(s)} CASCADE`);
      } finally {
        await client.end();
      }
      await ctx.dispose();
    },
  };
  return platform;
}
