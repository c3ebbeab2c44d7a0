import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findFreePort } from '@cloudwright/devenv';
import { rssMb, sleep } from './util';

export interface IdleRss {
  rssMb?: number;
  readyMs?: number;
  /** Why there is no figure. */
  skipped?: string;
  notes: string[];
}

export interface SpawnIdleOptions {
  script: string;
  env: NodeJS.ProcessEnv;
  /** Ready when stdout/stderr prints this. */
  readyLine?: RegExp;
  /** Ready when GET of this URL answers 2xx. */
  healthUrl?: string;
  readyTimeoutMs: number;
  settleMs: number;
}

/** Spawns `node <script>`, waits until it is ready, lets it idle `settleMs`, reads VmRSS, stops it with SIGTERM. */
export async function measureIdleProcess(o: SpawnIdleOptions): Promise<IdleRss> {
  const notes: string[] = [];
  const t0 = performance.now();
  const child = spawn(process.execPath, [o.script], { env: o.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let ready = false;
  let exited: number | null | undefined;
  const onData = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (o.readyLine?.test(output)) ready = true;
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exit = new Promise<void>((resolve) => child.once('exit', (code) => ((exited = code), resolve())));
  try {
    const deadline = Date.now() + o.readyTimeoutMs;
    while (!ready && exited === undefined && Date.now() < deadline) {
      if (o.healthUrl) {
        try {
          const res = await fetch(o.healthUrl, { signal: AbortSignal.timeout(1000) });
          if (res.ok) ready = true;
        } catch {
          // not listening yet
        }
      }
      if (!ready) await sleep(100);
    }
    if (!ready) {
      const why = exited !== undefined ? `exited with code ${exited} before it was ready` : `not ready after ${o.readyTimeoutMs} ms`;
      return { skipped: `${why}; last output: ${output.trim().split('\n').slice(-5).join(' | ')}`, notes };
    }
    const readyMs = performance.now() - t0;
    await sleep(o.settleMs);
    const rss = rssMb(child.pid);
    return { rssMb: rss, readyMs, notes };
  } finally {
    if (exited === undefined) {
      child.kill('SIGTERM');
      const stopped = await Promise.race([exit.then(() => true), sleep(10_000).then(() => false)]);
      if (!stopped) {
        notes.push('did not stop within 10 s of SIGTERM; killed');
        child.kill('SIGKILL');
        await exit;
      }
    }
  }
}

export interface ServiceIsolation {
  /** PostgreSQL schema the service may create (and the caller drops). */
  schema: string;
  streamPrefix: string;
  subjectPrefix: string;
}

/** The text of every compiled .js file of a service's dist folder (to see which env variables it reads). */
function distText(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) parts.push(readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return parts.join('\n');
}

/**
 * A service's idle RSS, when its dist/main.js is built. The variables it reads are found in its compiled files:
 * `CW_HTTP_PORT` (or another `CW_…PORT`) gets a free port and readiness is `GET /health`; a `CW_…SCHEMA`,
 * `CW_STREAM_PREFIX` and `CW_SUBJECT_PREFIX` get the bench's isolated names; `CW_MIGRATE_ON_BOOT=true`.
 */
export async function measureService(mainJs: string, natsUrl: string, databaseUrl: string, isolation: ServiceIsolation): Promise<IdleRss> {
  if (!existsSync(mainJs)) return { skipped: `${mainJs} does not exist (the service is not built yet)`, notes: [] };
  const text = distText(dirname(mainJs));
  const reads = [...new Set(text.match(/\bCW_[A-Z0-9_]+\b/g) ?? [])].sort();
  const portVar = reads.includes('CW_HTTP_PORT') ? 'CW_HTTP_PORT' : reads.find((v) => v.endsWith('PORT'));
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = { ...process.env, CW_NATS_URL: natsUrl, CW_DATABASE_URL: databaseUrl, CW_LOG_LEVEL: 'warn' };
  const set = (name: string | undefined, value: string) => {
    if (name && reads.includes(name)) env[name] = value;
  };
  set(portVar, String(port));
  set('CW_HTTP_HOST', '127.0.0.1');
  set('CW_MIGRATE_ON_BOOT', 'true');
  set('CW_STREAM_PREFIX', isolation.streamPrefix);
  set('CW_SUBJECT_PREFIX', isolation.subjectPrefix);
  for (const name of reads.filter((v) => v.endsWith('_SCHEMA'))) set(name, isolation.schema);
  const result = await measureIdleProcess({
    script: mainJs,
    env,
    healthUrl: portVar ? `http://127.0.0.1:${port}/health` : undefined,
    readyLine: portVar ? undefined : /\b(ready|listening|started)\b/i,
    readyTimeoutMs: 30_000,
    settleMs: 5_000,
  });
  result.notes.push(portVar ? `${portVar}=${port}, ready when GET /health answered 2xx` : 'no CW_*PORT variable found: ready on a log line');
  result.notes.push(`reads ${reads.join(', ')}`);
  return result;
}
