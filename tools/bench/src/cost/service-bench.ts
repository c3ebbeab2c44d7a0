import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { findFreePort, findRepoRoot, stopChild } from '@cloudwright/devenv';
import { createBenchEnv } from '../bench-env';
import { type Figure } from '../report';
import { fmtInt, fmtMs, percentile, rssMb, sleep } from '../util';

const TARGET_P99_MS = 300;
const TARGET_IMPORT_S = 30;
const CONCURRENT = 100;

export interface ServiceBenchResult {
  natsVersion: string | undefined;
  postgres: string;
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the cost-tracker exited with code ${child.exitCode} during start-up`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`the cost-tracker did not become healthy within ${timeoutMs / 1000} s`);
}

/** Writes a FOCUS 1.0 file of `rows` data rows by cycling the shared sample's single-line rows. */
async function writeFocusFile(sample: string, path: string, rows: number): Promise<string> {
  const lines: string[] = [];
  const rl = createInterface({ input: createReadStream(sample), crlfDelay: Infinity });
  for await (const line of rl) lines.push(line);
  const header = lines[0] ?? '';
  // single-line rows only (a quoted field spanning lines cannot be cycled line by line)
  const templates = lines.slice(1).filter((l) => l.trim() !== '' && (l.match(/"/g) ?? []).length % 2 === 0);
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`${header}\n`);
  for (let i = 0; i < rows; i++) await write(`${templates[i % templates.length] ?? ''}\n`);
  await new Promise<void>((r) => out.end(() => r()));
  return `cycling the ${fmtInt(templates.length)} single-line rows of the FOCUS 1.0 sample`;
}

export async function measureService(scale: number, figures: Figure[], notes: string[], log: (line: string) => void): Promise<ServiceBenchResult> {
  const root = findRepoRoot(__dirname);
  const main = join(root, 'services/cost-tracker/dist/main.js');
  const env = await createBenchEnv(log);
  let postgres = 'PostgreSQL (unknown)';
  let natsVersion: string | undefined;
  const work = mkdtempSync(join(tmpdir(), 'cw-bench-cost-svc-'));
  let child: ChildProcess | undefined;
  try {
    const rows: { version: string }[] = await env.dataSource.query('select version()');
    postgres = rows[0]?.version ?? postgres;
    const { connect } = await import('@nats-io/transport-node');
    const nc = await connect({ servers: env.infra.natsUrl, reconnect: false });
    natsVersion = nc.info?.version;
    await nc.close();

    const schema = await env.extraSchema('cost');
    const port = await findFreePort();
    child = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        CW_NATS_URL: env.infra.natsUrl,
        CW_DATABASE_URL: env.infra.databaseUrl,
        CW_COST_TRACKER_SCHEMA: schema,
        CW_STREAM_PREFIX: env.streamPrefix,
        CW_SUBJECT_PREFIX: env.subjectPrefix,
        CW_HTTP_PORT: String(port),
        CW_MIGRATE_ON_BOOT: 'true',
        CW_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(url, child, 30_000);
    log(`cost-tracker healthy at ${url}`);

    // 1. concurrent estimates
    const plan = readFileSync(join(root, 'examples/plans/multi-cloud.plan.json'), 'utf8');
    const planResources = (JSON.parse(plan) as { resource_changes: unknown[] }).resource_changes.length;
    const estimate = async (): Promise<number> => {
      const t0 = performance.now();
      const res = await fetch(`${url}/estimates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: plan });
      if (!res.ok) throw new Error(`POST /estimates answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      return performance.now() - t0;
    };
    for (let i = 0; i < 10; i++) await estimate(); // warm-up
    const rounds = 3;
    const latencies: number[] = [];
    let worstP99 = 0;
    for (let round = 0; round < rounds; round++) {
      const batch = await Promise.all(Array.from({ length: Math.max(10, Math.round(CONCURRENT * Math.min(1, scale * 10))) }, () => estimate()));
      batch.sort((a, b) => a - b);
      worstP99 = Math.max(worstP99, percentile(batch, 0.99));
      latencies.push(...batch);
    }
    latencies.sort((a, b) => a - b);
    figures.push(
      { name: `${CONCURRENT} concurrent POST /estimates (${planResources}-resource plan, HTTP, ${rounds} rounds) p50`, value: `${fmtMs(percentile(latencies, 0.5))} ms` },
      { name: `${CONCURRENT} concurrent POST /estimates p99 (worst round)`, value: `${fmtMs(worstP99)} ms`, target: '< 300 ms', pass: worstP99 < TARGET_P99_MS },
    );

    // 2. FOCUS import, at two sizes to show memory does not grow with the file
    const sample = resolve(root, '../shared/data/focus/focus-1.0-sample.csv');
    const sizes = existsSync(sample) ? [Math.round(100_000 * scale), Math.round(1_000_000 * scale)] : [];
    if (sizes.length === 0) notes.push(`FOCUS import figures SKIPPED: ${sample} is absent (the rows are cycled from that sample).`);
    for (const size of sizes) {
      const file = join(work, `focus-${size}.csv`);
      const source = await writeFocusFile(sample, file, size);
      const pid = child.pid as number;
      const before = rssMb(pid) ?? Number.NaN;
      let peak = before;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          peak = Math.max(peak, rssMb(pid) ?? 0);
          await sleep(100);
        }
      })();
      const t0 = performance.now();
      const res = await fetch(`${url}/imports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: file, skipInvalid: false }) });
      const body = (await res.json()) as { status?: string; rows?: number };
      const seconds = (performance.now() - t0) / 1000;
      sampling = false;
      await sampler;
      if (!res.ok || body.status !== 'imported') throw new Error(`POST /imports answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
      const imported = body.rows ?? Number.NaN;
      const isTarget = size === sizes[1];
      figures.push(
        {
          name: `import ${fmtInt(size)} FOCUS rows (POST /imports with a path)`,
          value: `${seconds.toFixed(1)} s = ${fmtInt(size / seconds)} rows/s`,
          ...(isTarget ? { target: '< 30 s for 1,000,000', pass: scale < 1 ? undefined : seconds < TARGET_IMPORT_S } : {}),
          note: `${fmtInt(imported)} rows imported; ${source}`,
        },
        { name: `cost-tracker RSS during that import`, value: `${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB peak` },
      );
      rmSync(file, { force: true });
    }
    notes.push(
      'Service figures: the built cost-tracker (services/cost-tracker/dist/main.js) in its own process with its own schema and stream prefix; requests from this process over HTTP on 127.0.0.1.',
      'Memory not growing with the file: compare the peak RSS of the 100,000-row and the 1,000,000-row imports above.',
    );
  } finally {
    if (child) await stopChild(child, 'SIGTERM', 15_000);
    rmSync(work, { recursive: true, force: true });
    await env.dispose();
  }
  return { natsVersion, postgres };
}
