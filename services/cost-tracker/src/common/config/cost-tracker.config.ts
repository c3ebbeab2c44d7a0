import { EnvReader, readApiAuthConfig, readServiceConfig, type ApiAuthConfig, type ServiceConfig } from '@cloudwright/messaging';

export { ConfigError } from '@cloudwright/messaging';

/** Typed configuration of the cost-tracker, read once at boot; every invalid variable is listed before exiting. */
export interface CostTrackerConfig extends ServiceConfig {
  /** Folder polled for FOCUS exports (`*.csv`); processed files move to `processed/` or `failed/` with a report. */
  watchDir: string | undefined;
  watchIntervalMs: number;
  /** Folder the HTTP/CLI `POST /imports {path}` may read from (default: any readable path). */
  importRoot: string | undefined;
  /** How often budgets and anomalies are evaluated besides after each import. */
  evaluateIntervalMs: number;
  /** Bearer tokens of the HTTP API (CW_API_TOKENS / CW_API_TOKENS_FILE, CW_API_AUTH), the orchestrator's format. */
  auth: ApiAuthConfig;
}

export function loadCostTrackerConfig(env: NodeJS.ProcessEnv = process.env): CostTrackerConfig {
  const reader = new EnvReader(env);
  const config: CostTrackerConfig = {
    ...readServiceConfig(reader, { schemaVar: 'CW_COST_TRACKER_SCHEMA', defaultSchema: 'cost_tracker', defaultPort: 3002 }),
    watchDir: reader.absolutePath('CW_COST_WATCH_DIR'),
    watchIntervalMs: reader.int('CW_COST_WATCH_INTERVAL_MS', 30_000, 100, 86_400_000),
    importRoot: reader.absolutePath('CW_COST_IMPORT_ROOT'),
    evaluateIntervalMs: reader.int('CW_COST_EVALUATE_INTERVAL_MS', 3_600_000, 1000, 86_400_000),
    auth: readApiAuthConfig(reader),
  };
  reader.check();
  return config;
}

export const COST_TRACKER_CONFIG = Symbol('COST_TRACKER_CONFIG');
