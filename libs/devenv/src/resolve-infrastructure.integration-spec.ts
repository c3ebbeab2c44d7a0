import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './free-port';
import { probeNats } from './nats-server';
import { probePostgres } from './postgres-server';
import { isProcessAlive } from './process-control';
import { resolveInfrastructure, type Infrastructure } from './resolve-infrastructure';
import { readRuntimeState, runtimeStatePath, stopFromStateFile } from './runtime-state';

describe(resolveInfrastructure.name, () => {
  const handles: Infrastructure[] = [];
  const dirs: string[] = [];
  const tempDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-devenv-'));
    chmodSync(dir, 0o755);
    dirs.push(dir);
    return dir;
  };
  const startOwn = async (dataDir: string, lines: string[] = []) => {
    const infrastructure = await resolveInfrastructure({ env: {}, probeLocal: false, dataDir, database: 'cw_devenv_test', log: (line) => lines.push(line) });
    handles.push(infrastructure);
    return infrastructure;
  };

  afterAll(async () => {
    for (const handle of handles) await handle.stop().catch(() => undefined);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('starts its own nats-server and PostgreSQL, stops them without leftovers and reuses the data dir', async () => {
    const dataDir = tempDataDir();
    const lines: string[] = [];
    const first = await startOwn(dataDir, lines);

    expect(first.started.map((server) => server.kind)).toEqual(['nats', 'postgres']);
    expect(first.natsUrl).not.toBe('nats://127.0.0.1:4222');
    await expect(probeNats(first.natsUrl)).resolves.toBeUndefined(); // JetStream answers
    await expect(probePostgres(first.databaseUrl)).resolves.toBeUndefined();
    expect(first.databaseUrl).toMatch(/\/cw_devenv_test$/);
    expect(lines).toEqual(first.notes);
    expect(first.notes.join('\n')).toMatch(/NATS: started nats-server .* with JetStream on 127\.0\.0\.1:\d+/);
    expect(first.notes.join('\n')).toMatch(/PostgreSQL: started embedded PostgreSQL \d+ .*\(new cluster\)/);
    expect(readRuntimeState(dataDir)?.servers.map((server) => server.pid)).toEqual(first.started.map((server) => server.pid));

    await first.stop();
    await first.stop(); // idempotent
    for (const server of first.started) expect(isProcessAlive(server.pid)).toBe(false);
    expect(existsSync(runtimeStatePath(dataDir))).toBe(false);

    const second = await startOwn(dataDir);
    expect(second.notes.join('\n')).toMatch(/PostgreSQL: started embedded PostgreSQL .*\(existing cluster\)/);
    expect(second.notes.join('\n')).toMatch(/database "cw_devenv_test" already exists/);
    await expect(probePostgres(second.databaseUrl)).resolves.toBeUndefined();
    await second.stop();
    for (const server of second.started) expect(isProcessAlive(server.pid)).toBe(false);
  });

  it('stops a platform from its runtime.json (cloudwright down)', async () => {
    const dataDir = tempDataDir();
    const infrastructure = await startOwn(dataDir);

    const stopped = await stopFromStateFile(dataDir);

    expect(stopped.map((server) => [server.kind, server.outcome])).toEqual([
      ['postgres', 'stopped'],
      ['nats', 'stopped'],
    ]);
    for (const server of infrastructure.started) expect(isProcessAlive(server.pid)).toBe(false);
    expect(existsSync(runtimeStatePath(dataDir))).toBe(false);
    await expect(infrastructure.stop()).resolves.toBeUndefined();
  });

  it('fails with a message naming CW_NATS_URL when it does not answer', async () => {
    const port = await findFreePort();

    await expect(resolveInfrastructure({ env: { CW_NATS_URL: `nats://127.0.0.1:${port}` }, log: () => undefined })).rejects.toThrow(
      new RegExp(`CW_NATS_URL=nats://127\\.0\\.0\\.1:${port} does not answer as a NATS server with JetStream`),
    );
  });

  it('fails with a message naming CW_DATABASE_URL when it does not answer', async () => {
    const port = await findFreePort();
    const env = { CW_NATS_URL: process.env.CW_NATS_URL, CW_DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${port}/x_test` };

    await expect(resolveInfrastructure({ env, log: () => undefined })).rejects.toThrow(
      new RegExp(`CW_DATABASE_URL=postgres://postgres:\\*\\*\\*@127\\.0\\.0\\.1:${port}/x_test does not answer`),
    );
  });
});
