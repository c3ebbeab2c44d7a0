import { SEVERITIES, type Severity } from '@cloudwright/compliance';

/** Typed configuration of the compliance service, read once at boot; every invalid variable is listed before exiting. */
export interface ComplianceConfig {
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
  /** Gate threshold of environments without a stored policy: unwaived failing findings at or above it block. */
  blockOn: Severity;
  /** An overall score this many points below the previous scan's raises `compliance-score-drop`. */
  scoreDropPoints: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadComplianceConfig(env: NodeJS.ProcessEnv = process.env): ComplianceConfig {
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
  const natsUrl = required('CW_NATS_URL', /^(nats|tls):\/\/\S+$/, 'a nats:// URL, e.g. nats://127.0.0.1:4222');
  const databaseUrl = required('CW_DATABASE_URL', /^postgres(ql)?:\/\/\S+$/, 'a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/cloudwright');
  const schema = env.CW_COMPLIANCE_SCHEMA ?? 'compliance';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) problems.push(`CW_COMPLIANCE_SCHEMA="${schema}" must be a lower-case identifier`);
  const logLevel = env.CW_LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`CW_LOG_LEVEL="${logLevel}" must be one of ${LOG_LEVELS.join(', ')}`);
  const migrate = env.CW_MIGRATE_ON_BOOT ?? 'false';
  if (!['true', 'false'].includes(migrate)) problems.push(`CW_MIGRATE_ON_BOOT="${migrate}" must be true or false`);
  const blockOn = env.CW_COMPLIANCE_BLOCK_ON || 'critical';
  if (!(SEVERITIES as readonly string[]).includes(blockOn)) problems.push(`CW_COMPLIANCE_BLOCK_ON="${blockOn}" must be one of ${SEVERITIES.join(', ')}`);
  const dropRaw = env.CW_COMPLIANCE_SCORE_DROP;
  let scoreDropPoints = 5;
  if (dropRaw !== undefined && dropRaw !== '') {
    scoreDropPoints = Number(dropRaw);
    if (!Number.isFinite(scoreDropPoints) || scoreDropPoints <= 0 || scoreDropPoints > 100) {
      problems.push(`CW_COMPLIANCE_SCORE_DROP="${dropRaw}" must be a number of score points above 0 and at most 100`);
    }
  }
  const config: ComplianceConfig = {
    natsUrl,
    databaseUrl,
    schema,
    httpHost: env.CW_HTTP_HOST ?? '127.0.0.1',
    httpPort: int('CW_HTTP_PORT', 3003, 0, 65535),
    dbPoolMax: int('CW_DB_POOL_MAX', 5, 1, 50),
    migrateOnBoot: migrate === 'true',
    streamPrefix: env.CW_STREAM_PREFIX ?? '',
    subjectPrefix: env.CW_SUBJECT_PREFIX ?? '',
    logLevel,
    blockOn: blockOn as Severity,
    scoreDropPoints,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

export const COMPLIANCE_CONFIG = Symbol('COMPLIANCE_CONFIG');
