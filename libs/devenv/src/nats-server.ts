import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { InfrastructureUnavailableError, MissingPrerequisiteError, describeError } from './devenv.errors';

export const NATS_INSTALL_COMMAND = 'sudo apt-get install -y nats-server';
const EXTRA_BIN_DIRS = ['/usr/sbin', '/usr/local/bin', '/usr/bin', '/usr/local/sbin'];

/** Connects to `url` and checks that JetStream answers; throws with the reason otherwise. */
export async function probeNats(url: string, timeoutMs = 1_000): Promise<void> {
  const nc = await connect({ servers: url, timeout: timeoutMs, reconnect: false, maxReconnectAttempts: 0 });
  try {
    const jsm = await jetstreamManager(nc, { timeout: timeoutMs });
    await jsm.getAccountInfo();
  } finally {
    await nc.close().catch(() => undefined);
  }
}

/** Full path of `nats-server` from PATH, /usr/sbin or /usr/local/bin, or undefined. */
export function findNatsServerBinary(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...EXTRA_BIN_DIRS];
  for (const dir of dirs) {
    const candidate = join(dir, 'nats-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Returns the nats-server binary, installing the Debian package first when it is missing, we are root and
 * installing is allowed. Throws MissingPrerequisiteError with the install command otherwise.
 */
export function ensureNatsServerBinary(allowInstall: boolean, log: (line: string) => void): string {
  const found = findNatsServerBinary();
  if (found) return found;
  const message = `nats-server is not installed. Install it with: ${NATS_INSTALL_COMMAND}`;
  log(message);
  if (!allowInstall || process.getuid?.() !== 0) throw new MissingPrerequisiteError(message, NATS_INSTALL_COMMAND);
  log('NATS: running as root, installing nats-server with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', 'nats-server'], { stdio: 'inherit', env }).status === 0;
  if (!install()) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    install();
  }
  const installed = findNatsServerBinary();
  if (!installed) throw new MissingPrerequisiteError(`${message} (apt-get install failed)`, NATS_INSTALL_COMMAND);
  return installed;
}

export interface OwnNatsServer {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  storeDir: string;
  logFile: string;
}

/** Starts `nats-server -js` on 127.0.0.1:<port> with its file store in `storeDir`; resolves once JetStream answers. */
export async function startNatsServer(binary: string, port: number, storeDir: string, readyTimeoutMs = 15_000): Promise<OwnNatsServer> {
  mkdirSync(storeDir, { recursive: true });
  const logFile = join(storeDir, 'nats-server.log');
  const url = `nats://127.0.0.1:${port}`;
  const child = spawn(binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir, '-l', logFile], { stdio: 'ignore' });
  let exit: string | undefined;
  let spawnError: unknown;
  child.once('error', (error) => (spawnError = error));
  child.once('exit', (code, signal) => (exit = `exited with ${signal ?? `code ${code}`}`));
  const deadline = Date.now() + readyTimeoutMs;
  let lastError: unknown;
  for (;;) {
    if (spawnError !== undefined || exit !== undefined || child.pid === undefined) {
      throw new InfrastructureUnavailableError(
        `nats-server ${exit ?? `could not start: ${describeError(spawnError)}`} before accepting connections on ${url}. ${logTail(logFile)}`,
      );
    }
    try {
      await probeNats(url, 1_000);
      return { child, pid: child.pid, port, url, storeDir, logFile };
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new InfrastructureUnavailableError(
        `nats-server did not accept connections on ${url} within ${readyTimeoutMs} ms (${describeError(lastError)}). ${logTail(logFile)}`,
      );
    }
    await sleep(100);
  }
}

/** SIGTERM, wait for the 'exit' event, SIGKILL after `timeoutMs`. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

export function logTail(file: string, lines = 8): string {
  try {
    const tail = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    return tail ? `Last lines of ${file}:\n${tail}` : '';
  } catch {
    return '';
  }
}
