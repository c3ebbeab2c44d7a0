import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { sleep } from '../util';

/**
 * The orchestrator as a child process (`node services/orchestrator/dist/main.js` on a fixed port), which the chaos
 * run kills with SIGKILL and starts again. Its logs go to `logFile`.
 */
export class OrchestratorProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  /** Times it was started. */
  starts = 0;

  constructor(
    private readonly mainJs: string,
    private readonly env: Record<string, string>,
    readonly url: string,
    private readonly logFile: string,
  ) {}

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process and waits until GET /health answers 200 (throws when it exits or `timeoutMs` passes first). */
  async start(timeoutMs = 60_000): Promise<number> {
    if (this.running) throw new Error('the orchestrator child is already running');
    const t0 = performance.now();
    const out = openSync(this.logFile, 'a');
    const child = spawn(process.execPath, [this.mainJs], { env: { ...process.env, ...this.env }, stdio: ['ignore', out, out] });
    closeSync(out);
    this.child = child;
    this.starts++;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the orchestrator child exited with code ${child.exitCode} during start-up (log: ${this.logFile})`);
      try {
        if ((await fetch(`${this.url}/health`)).ok) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    throw new Error(`the orchestrator child did not become healthy within ${timeoutMs / 1000} s (log: ${this.logFile})`);
  }

  /** SIGKILL: no shutdown hook runs, in-flight work is lost as in a crash. Resolves once the process is gone. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** Graceful stop (SIGTERM, then SIGKILL after 15 s). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child?.kill('SIGTERM');
    const done = await Promise.race([this.exited.then(() => true), sleep(15_000).then(() => false)]);
    if (!done) await this.kill();
  }
}
