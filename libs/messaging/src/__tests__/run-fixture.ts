import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const SWC_REGISTER = join(__dirname, 'swc-register.js');

export interface FixtureExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript fixture in a child `node` process (no build: the swc require hook compiles it). */
export class FixtureProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<FixtureExit>;
  private stdout = '';
  private stderr = '';

  constructor(script: string, env: Record<string, string>) {
    this.child = spawn(process.execPath, ['-r', SWC_REGISTER, script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.stdout += chunk.toString('utf8')));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve, reject) => {
      this.child.once('error', reject);
      this.child.once('close', (code, signal) => resolve({ code, signal, stdout: this.stdout, stderr: this.stderr }));
    });
  }

  /** Kills the child if it still runs (afterAll), and waits for it. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited.catch(() => undefined);
  }
}

/** The JSON objects a fixture printed, one per stdout line. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
