import { EnvReader, readServiceConfig, type ServiceConfig } from '@cloudwright/messaging';

export { ConfigError } from '@cloudwright/messaging';

/** Typed configuration of the orchestrator, read once at boot; every invalid variable is listed before exiting. */
export interface OrchestratorConfig extends ServiceConfig {
  saga: {
    /** How often the coordinator looks for due timers (ms). */
    pollMs: number;
    /** Provider calls running at once in this process. */
    maxConcurrentCalls: number;
    /** Saga rounds (transactions) running at once: 1 gives the largest group commits; more helps only when rounds wait on the database, not the CPU. */
    concurrentRounds: number;
    /** Deployments one saga round advances at most (group commit under load). */
    roundBatch: number;
    /** Saga rounds running at once when all running ones are slow. */
    maxRounds: number;
    /** How long a saga round runs before another may start beside it (ms). */
    slowRoundMs: number;
  };
  /** The simulated cloud (the default provider): its schema in the same database, seed and latency scale. */
  cloudSim: { schema: string; seed: string; latencyScale: number; poolMax: number };
}

export function loadOrchestratorConfig(env: NodeJS.ProcessEnv = process.env): OrchestratorConfig {
  const reader = new EnvReader(env);
  const config = readServiceConfig(reader, { schemaVar: 'CW_ORCHESTRATOR_SCHEMA', defaultSchema: 'orchestrator', defaultPort: 8080 });
  const latency = env.CW_CLOUDSIM_LATENCY_SCALE ?? '0';
  const latencyScale = Number(latency);
  if (!Number.isFinite(latencyScale) || latencyScale < 0) reader.problems.push(`CW_CLOUDSIM_LATENCY_SCALE="${latency}" must be a number ≥ 0 (0 = no provisioning latency)`);
  const simSchema = env.CW_CLOUDSIM_SCHEMA ?? 'cloudsim';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(simSchema)) reader.problems.push(`CW_CLOUDSIM_SCHEMA="${simSchema}" must be a lower-case PostgreSQL identifier`);
  const result: OrchestratorConfig = {
    ...config,
    saga: {
      pollMs: reader.int('CW_SAGA_POLL_MS', 100, 10, 60_000),
      maxConcurrentCalls: reader.int('CW_SAGA_MAX_CALLS', 64, 1, 4096),
      concurrentRounds: reader.int('CW_SAGA_ROUNDS', 1, 1, 64),
      roundBatch: reader.int('CW_SAGA_ROUND_BATCH', 32, 1, 1000),
      maxRounds: reader.int('CW_SAGA_MAX_ROUNDS', 4, 1, 64),
      slowRoundMs: reader.int('CW_SAGA_SLOW_ROUND_MS', 500, 1, 600_000),
    },
    cloudSim: { schema: simSchema, seed: env.CW_CLOUDSIM_SEED ?? 'cloudwright', latencyScale, poolMax: reader.int('CW_CLOUDSIM_POOL_MAX', 5, 1, 100) },
  };
  reader.check();
  return result;
}

export const ORCHESTRATOR_CONFIG = Symbol('ORCHESTRATOR_CONFIG');
