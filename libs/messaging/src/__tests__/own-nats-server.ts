import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, findNatsServerBinary } from '@cloudwright/devenv';
// not part of devenv's public entry: tests reach for the process helpers directly
import { startNatsServer, stopChild, type OwnNatsServer } from '@cloudwright/devenv';

/**
 * A private nats-server (JetStream, file store in a temp dir) on a free port, which a test may stop and start
 * again on the same port and store. Never the shared server on 4222.
 */
export class OwnNatsServerHandle {
  private server?: OwnNatsServer;

  private constructor(
    private readonly binary: string,
    readonly port: number,
    readonly storeDir: string,
  ) {}

  static async start(): Promise<OwnNatsServerHandle> {
    const binary = findNatsServerBinary();
    if (!binary) throw new Error('nats-server is not installed (apt-get install -y nats-server)');
    const handle = new OwnNatsServerHandle(binary, await findFreePort(), mkdtempSync(join(tmpdir(), 'cw-nats-')));
    await handle.restart();
    return handle;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  /** SIGTERM (nats-server shuts down cleanly) and wait for the exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await stopChild(server.child, signal);
  }

  /** Starts the server (again) on the same port and store; resolves once JetStream answers. */
  async restart(): Promise<void> {
    if (this.server) return;
    this.server = await startNatsServer(this.binary, this.port, this.storeDir);
  }

  /** Stops the server and deletes its store. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
