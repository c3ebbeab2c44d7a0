import { randomBytes } from 'node:crypto';
import { resolveInfrastructure, type Infrastructure } from '@cloudwright/devenv';
import { MessagingRuntime, createLogger, type MessagingOptions } from '@cloudwright/messaging';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';

export const BENCH_DATABASE = 'cloudwright_bench';

/** One bench run: the infrastructure, its own schema and stream/subject prefixes, and runtimes made on them. */
export interface BenchEnv {
  infra: Infrastructure;
  dataSource: DataSource;
  schema: string;
  token: string;
  /** `B_<TOKEN>_`: every stream of the run starts with it. */
  streamPrefix: string;
  /** `b<token>.`: every subject of the run starts with it. */
  subjectPrefix: string;
  /** Reserves another schema name `<schema>_<suffix>` (not created), dropped by dispose(). */
  extraSchema(suffix: string): Promise<string>;
  /** A runtime on its own phase prefixes (so each phase's durable sees only its own events). */
  runtime(phase: string, overrides?: Partial<MessagingOptions>): MessagingRuntime;
  /** Stops the runtimes, drops the schema, deletes the streams, stops servers the run started. */
  dispose(): Promise<void>;
}

export async function createBenchEnv(log: (line: string) => void): Promise<BenchEnv> {
  const infra = await resolveInfrastructure({ database: BENCH_DATABASE, log });
  const token = randomBytes(4).toString('hex');
  const schema = `bench_bus_${token}`;
  const streamPrefix = `B_${token.toUpperCase()}_`;
  const subjectPrefix = `b${token}.`;
  const dataSource = new DataSource({ type: 'postgres', url: infra.databaseUrl, extra: { max: 5 }, schema });
  try {
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA "${schema}"`);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    await infra.stop().catch(() => undefined);
    throw error;
  }
  const runtimes: MessagingRuntime[] = [];
  const schemas = [schema];
  const logLevel = process.env.CW_BENCH_LOG_LEVEL ?? 'warn';
  let disposing: Promise<void> | undefined;
  return {
    infra,
    dataSource,
    schema,
    token,
    streamPrefix,
    subjectPrefix,
    extraSchema(suffix) {
      const name = `${schema}_${suffix}`;
      schemas.push(name);
      return Promise.resolve(name);
    },
    runtime(phase, overrides = {}) {
      const runtime = new MessagingRuntime({
        service: 'bench',
        natsUrl: infra.natsUrl,
        dataSource,
        schema,
        topology: { streamPrefix: `${streamPrefix}${phase.toUpperCase()}_`, subjectPrefix: `${subjectPrefix}${phase}.` },
        ensureTables: true,
        metricsRegistry: new Registry(),
        logger: createLogger('bench', logLevel),
        ...overrides,
      });
      runtimes.push(runtime);
      return runtime;
    },
    dispose: () =>
      (disposing ??= (async () => {
        const problems: string[] = [];
        for (const r of runtimes) await r.stop().catch((e: unknown) => problems.push(`runtime stop: ${String(e)}`));
        for (const name of schemas) {
          try {
            await dataSource.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
          } catch (e) {
            problems.push(`drop schema ${name}: ${String(e)}`);
          }
        }
        await dataSource.destroy().catch(() => undefined);
        try {
          await deleteStreams(infra.natsUrl, streamPrefix);
        } catch (e) {
          problems.push(`delete streams ${streamPrefix}*: ${String(e)}`);
        }
        await infra.stop().catch((e: unknown) => problems.push(`stop infrastructure: ${String(e)}`));
        if (problems.length) throw new Error(`cleanup incomplete: ${problems.join('; ')}`);
      })()),
  };
}

export async function deleteStreams(natsUrl: string, prefix: string): Promise<string[]> {
  const nc = await connect({ servers: natsUrl, timeout: 5_000, reconnect: false });
  try {
    const jsm = await jetstreamManager(nc);
    const names: string[] = [];
    for await (const name of jsm.streams.names()) if (name.startsWith(prefix)) names.push(name);
    for (const name of names) await jsm.streams.delete(name);
    return names;
  } finally {
    await nc.close();
  }
}
