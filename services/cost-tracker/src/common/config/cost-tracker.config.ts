/** Typed configuration of the cost-tracker, read once at boot; every invalid variable is listed before exiting. */
export interface CostTrackerConfig {
  natsUrl: string;
  databaseUrl: string;
  /** PostgreSQL schema owned by this service. */
  schema: string;
  httpHost: string;
  httpPort: number;
  dbPoolMax: number;
  /** Run migrations at boot (the dev runtime does; production runs `migrate` as a job). */
  migrateOnBoot: boolean;
  streamPrefix: string;
  subjectPrefix: string;
  logLevel: string;
  /** Folder polled for FOCUS exports (`*.csv`); processed files move to `processed/` or `failed/` with a report. */
  watchDir: string | undefined;
  watchIntervalMs: number;
  /** Folder the HTTP/CLI `POST /imports {path}` may read from (default: any readable path). */
  importRoot: string | undefined;
  /** How often budgets and anomalies are evaluated besides after each import. */
  evaluateIntervalMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadCostTrackerConfig(env: NodeJS.ProcessEnv = process.env): CostTrackerConfig {
  const problems: string[] = [];
  const required = (key: string, pattern: RegExp, hint: string): string => {
    const value = env[key];
    if (!value) problems.push(`${key} is required (${hint})`);
    else if (!pattern.test(value)) problems.push(`${key}="${value.replace(/:[^:@/]*@/, ':***@')}" must be ${hint}`);
    return value ?? '';
  };
  const int = (key: string, fallback: number, min: number, max: number): number => {
    const raw = env[key];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${key}="${raw}" must be an integer from ${min} to ${max}`);
    return n;
  };
  const absolutePath = (key: string): string | undefined => {
    const value = env[key];
    if (value === undefined || value === '') return undefined;
    if (!value.startsWith('/')) problems.push(`${key}="${value}" must be an absolute path`);
    return value;
  };
  const natsUrl = required('CW_NATS_URL', /^(nats|tls):\/\/\S+$/, 'a nats:// URL, e.g. nats://127.0.0.1:4222');
  const databaseUrl = required('CW_DATABASE_URL', /^postgres(ql)?:\/\/\S+$/, 'a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/cloudwright');
  const schema = env.CW_COST_TRACKER_SCHEMA ?? 'cost_tracker';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) problems.push(`CW_COST_TRACKER_SCHEMA="${schema}" must be a lower-case identifier`);
  const logLevel = env.CW_LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`CW_LOG_LEVEL="${logLevel}" must be one of ${LOG_LEVELS.join(', ')}`);
  const migrate = env.CW_MIGRATE_ON_BOOT ?? 'false';
  if (!['true', 'false'].includes(migrate)) problems.push(`CW_MIGRATE_ON_BOOT="${migrate}" must be true or false`);
  const config: CostTrackerConfig = {
    natsUrl,
    databaseUrl,
    schema,
    httpHost: env.CW_HTTP_HOST ?? '127.0.0.1',
    httpPort: int('CW_HTTP_PORT', 3002, 0, 65535),
    dbPoolMax: int('CW_DB_POOL_MAX', 5, 1, 50),
    migrateOnBoot: migrate === 'true',
    streamPrefix: env.CW_STREAM_PREFIX ?? '',
    subjectPrefix: env.CW_SUBJECT_PREFIX ?? '',
    logLevel,
    watchDir: absolutePath('CW_COST_WATCH_DIR'),
    watchIntervalMs: int('CW_COST_WATCH_INTERVAL_MS', 30_000, 100, 86_400_000),
    importRoot: absolutePath('CW_COST_IMPORT_ROOT'),
    evaluateIntervalMs: int('CW_COST_EVALUATE_INTERVAL_MS', 3_600_000, 1000, 86_400_000),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

export const COST_TRACKER_CONFIG = Symbol('COST_TRACKER_CONFIG');
