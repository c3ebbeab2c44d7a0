/**
 * The configuration every service reads the same way (NATS, PostgreSQL and its own schema, HTTP, pool, migrations,
 * stream/subject prefixes, log level), and a reader that collects every problem before failing, so a service lists all
 * its invalid variables at once. Services add their own keys with the same reader.
 */
export interface ServiceConfig {
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
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads variables, recording a problem for each invalid one instead of throwing at the first. */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(readonly env: NodeJS.ProcessEnv) {}

  /** A required value matching `pattern`; a password in a URL is masked in the message. */
  required(key: string, pattern: RegExp, hint: string): string {
    const value = this.env[key];
    if (!value) this.problems.push(`${key} is required (${hint})`);
    else if (!pattern.test(value)) this.problems.push(`${key}="${value.replace(/:[^:@/]*@/, ':***@')}" must be ${hint}`);
    return value ?? '';
  }

  int(key: string, fallback: number, min: number, max: number): number {
    const raw = this.env[key];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) this.problems.push(`${key}="${raw}" must be an integer from ${min} to ${max}`);
    return n;
  }

  /** One of `allowed`; `fallback` when unset (an empty value counts as unset when `emptyIsUnset`). */
  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T, emptyIsUnset = false): T {
    const raw = this.env[key];
    const value = raw === undefined || (emptyIsUnset && raw === '') ? fallback : raw;
    if (!(allowed as readonly string[]).includes(value)) this.problems.push(`${key}="${value}" must be one of ${allowed.join(', ')}`);
    return value as T;
  }

  absolutePath(key: string): string | undefined {
    const value = this.env[key];
    if (value === undefined || value === '') return undefined;
    if (!value.startsWith('/')) this.problems.push(`${key}="${value}" must be an absolute path`);
    return value;
  }

  /** Throws every recorded problem at once. */
  check(): void {
    if (this.problems.length) throw new ConfigError(this.problems);
  }
}

/** The common keys: `schemaVar` names the service's schema variable (`CW_COST_TRACKER_SCHEMA`). */
export function readServiceConfig(reader: EnvReader, service: { schemaVar: string; defaultSchema: string; defaultPort: number }): ServiceConfig {
  const env = reader.env;
  const natsUrl = reader.required('CW_NATS_URL', /^(nats|tls):\/\/\S+$/, 'a nats:// URL, e.g. nats://127.0.0.1:4222');
  const databaseUrl = reader.required('CW_DATABASE_URL', /^postgres(ql)?:\/\/\S+$/, 'a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/cloudwright');
  const schema = env[service.schemaVar] ?? service.defaultSchema;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) reader.problems.push(`${service.schemaVar}="${schema}" must be a lower-case identifier`);
  const logLevel = reader.oneOf('CW_LOG_LEVEL', LOG_LEVELS, 'info');
  const migrate = env.CW_MIGRATE_ON_BOOT ?? 'false';
  if (!['true', 'false'].includes(migrate)) reader.problems.push(`CW_MIGRATE_ON_BOOT="${migrate}" must be true or false`);
  return {
    natsUrl,
    databaseUrl,
    schema,
    httpHost: env.CW_HTTP_HOST ?? '127.0.0.1',
    httpPort: reader.int('CW_HTTP_PORT', service.defaultPort, 0, 65535),
    dbPoolMax: reader.int('CW_DB_POOL_MAX', 5, 1, 50),
    migrateOnBoot: migrate === 'true',
    streamPrefix: env.CW_STREAM_PREFIX ?? '',
    subjectPrefix: env.CW_SUBJECT_PREFIX ?? '',
    logLevel,
  };
}
