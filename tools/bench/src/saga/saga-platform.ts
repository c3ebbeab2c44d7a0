import 'reflect-metadata';
import { type CloudProvider } from '@cloudwright/cloud-provider';
import { DomainErrorFilter } from '@cloudwright/messaging';
import { type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
// tools may import services: the compiled modules (built before the bench by `npm run build`)
import { ComplianceModule } from '../../../../services/compliance/dist/app.module';
import { loadComplianceConfig } from '../../../../services/compliance/dist/common/config/compliance.config';
import { CostTrackerModule } from '../../../../services/cost-tracker/dist/app.module';
import { loadCostTrackerConfig } from '../../../../services/cost-tracker/dist/common/config/cost-tracker.config';
import { OrchestratorModule } from '../../../../services/orchestrator/dist/app.module';
import { parseApiTokens } from '../../../../services/orchestrator/dist/api';
import { loadOrchestratorConfig } from '../../../../services/orchestrator/dist/common/config/orchestrator.config';

/** Where the bench's services live: one database, their schemas, one stream/subject prefix. */
export interface SagaWorld {
  natsUrl: string;
  databaseUrl: string;
  streamPrefix: string;
  subjectPrefix: string;
  schemas: { orchestrator: string; cost: string; compliance: string; sim: string };
  simSeed: string;
  logLevel: string;
  /** Extra orchestrator settings (`CW_…` keys), e.g. from CW_BENCH_ORCH_* variables. */
  orchestratorOverrides?: Record<string, string>;
}

/** `CW_BENCH_ORCH_<KEY>=v` in `env` → `CW_<KEY>=v` for the orchestrator (e.g. CW_BENCH_ORCH_DB_POOL_MAX=20). */
export function orchestratorOverridesFrom(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (key.startsWith('CW_BENCH_ORCH_') && value !== undefined) out[`CW_${key.slice('CW_BENCH_ORCH_'.length)}`] = value;
  return out;
}

/** The bench's API token (operator and viewer routes are all it calls). */
export const BENCH_TOKEN = 'bench-admin-secret-0001';
export const BENCH_TOKENS_ENV = `bench:admin:${BENCH_TOKEN}`;

/** The environment every service of the world reads (CW_* keys), without the per-service schema. */
export function commonEnv(world: SagaWorld): Record<string, string> {
  return {
    CW_NATS_URL: world.natsUrl,
    CW_DATABASE_URL: world.databaseUrl,
    CW_STREAM_PREFIX: world.streamPrefix,
    CW_SUBJECT_PREFIX: world.subjectPrefix,
    CW_MIGRATE_ON_BOOT: 'true',
    CW_LOG_LEVEL: world.logLevel,
  };
}

/** The orchestrator's environment (also what its child process gets in --chaos runs). */
export function orchestratorEnv(world: SagaWorld, port: number): Record<string, string> {
  return {
    ...commonEnv(world),
    CW_ORCHESTRATOR_SCHEMA: world.schemas.orchestrator,
    CW_DB_POOL_MAX: '10',
    CW_HTTP_PORT: String(port),
    CW_HTTP_HOST: '127.0.0.1',
    CW_CLOUDSIM_SCHEMA: world.schemas.sim,
    CW_CLOUDSIM_SEED: world.simSeed,
    CW_CLOUDSIM_LATENCY_SCALE: '0',
    CW_CLOUDSIM_POOL_MAX: '10',
    CW_API_TOKENS: BENCH_TOKENS_ENV,
    ...world.orchestratorOverrides,
  };
}

async function listen(module: DynamicModule, port = 0): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter({ bodyLimit: 8 * 1024 * 1024 }), { logger: ['error', 'warn'] });
  app.useGlobalFilters(new DomainErrorFilter());
  await app.listen(port, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error(`the service did not report a TCP address (${String(address)})`);
  return { app, url: `http://127.0.0.1:${address.port}` };
}

/** The gate agents: cost-tracker (cost-optimizer) and compliance, in this process. */
export async function startGates(world: SagaWorld): Promise<NestFastifyApplication[]> {
  const common = { ...commonEnv(world), CW_DB_POOL_MAX: '6' };
  const apps: NestFastifyApplication[] = [];
  try {
    apps.push((await listen(CostTrackerModule.register(loadCostTrackerConfig({ ...common, CW_COST_TRACKER_SCHEMA: world.schemas.cost })))).app);
    apps.push((await listen(ComplianceModule.register(loadComplianceConfig({ ...common, CW_COMPLIANCE_SCHEMA: world.schemas.compliance })))).app);
  } catch (error) {
    for (const app of apps) await app.close().catch(() => undefined);
    throw error;
  }
  return apps;
}

/** The orchestrator (cloud-analyzer + deployment-coordinator + API) in this process, provisioning through `provider`. */
export async function startOrchestrator(world: SagaWorld, provider: CloudProvider): Promise<{ app: NestFastifyApplication; url: string }> {
  const config = loadOrchestratorConfig(orchestratorEnv(world, 0));
  const auth = { mode: 'enabled' as const, tokens: parseApiTokens({ CW_API_TOKENS: BENCH_TOKENS_ENV }) };
  return listen(OrchestratorModule.register(config, { provider, auth }));
}
