/**
 * `npm run bench:bus`: the raw JetStream client as a baseline, then the Cloudwright transport (MessagingRuntime)
 * without and with database work, publish→handled latency, and idle memory. Prints a table and writes the
 * "bus" section of docs/benchmarks.md. Exit 0 when it ran (targets may FAIL), 1 on an error.
 *
 * CW_BENCH_SCALE (default 1) scales the message counts and the latency run, e.g. 0.1 for a smoke run.
 * CW_BENCH_LOG_LEVEL (default warn) is the runtimes' log level. CW_NATS_URL / CW_DATABASE_URL pick servers.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { findRepoRoot } from '@cloudwright/devenv';
import { type MessagingRuntime } from '@cloudwright/messaging';
import { BenchProbeSentV1, PAD, nowMs } from './bench-contract';
import { createBenchEnv, type BenchEnv } from './bench-env';
import { measureIdleProcess, measureService, type IdleRss } from './idle-rss';
import { measureRawJetStream } from './raw-jetstream';
import { busSection, describeMachine, printTable, writeSection, type Figure } from './report';
import { errorText, fmtInt, fmtMs, fmtPct, inWindows, percentile, rssMb, sleep, waitUntil } from './util';

const WATCHDOG_MS = 175_000;
const PHASE_TIMEOUT_MS = 45_000;
const WINDOW = 1_000;
const TARGET_TRANSPORT_RATIO = 0.5;
const TARGET_DURABLE_RATE = 3_000;
const TARGET_P99_MS = 20;
const TARGET_IDLE_MB = 150;
const LATENCY_RATE = 1_000;

const log = (line: string) => console.log(`[bench] ${line}`);

interface Consumed {
  /** Events per second: all `count` when finished, else those handled up to the last progress. */
  rate: number;
  seconds: number;
  handled: number;
  finished: boolean;
  /** No progress for STALL_MS while events were missing (the wait was given up). */
  stalled: boolean;
}

const STALL_MS = 3_000;

/** Describes a consume result: the rate, or why it is incomplete. */
function consumedText(c: Consumed, count: number, unit: string): string {
  if (c.finished) return `${fmtInt(c.rate)} ${unit}`;
  const why = c.stalled ? `STALLED: ${fmtInt(count - c.handled)} of ${fmtInt(count)} not handled, no progress for ${STALL_MS / 1000} s` : 'timed out';
  return `${fmtInt(c.rate)} ${unit} until then (${why})`;
}

/** Publishes `count` probe events through the library's JetStreamPublisher, `WINDOW` in flight; msgs/s. */
async function publishProbes(runtime: MessagingRuntime, count: number, offset = 0): Promise<number> {
  const t0 = performance.now();
  await inWindows(count, WINDOW, (i) => runtime.publisher.publish(BenchProbeSentV1, { n: offset + i, sentAt: nowMs(), pad: PAD }));
  return count / ((performance.now() - t0) / 1000);
}

/**
 * Starts the runtime (its consumers begin pulling) and waits until `handled()` reaches `count`, giving up after
 * PHASE_TIMEOUT_MS or when nothing was handled for STALL_MS.
 */
async function consumeAll(runtime: MessagingRuntime, count: number, handled: () => number, whileConsuming?: () => Promise<unknown>): Promise<Consumed> {
  const t0 = performance.now();
  await runtime.start();
  const side = whileConsuming?.();
  let last = handled();
  let lastAt = performance.now();
  let stalled = false;
  const finished = await waitUntil(() => {
    const now = handled();
    if (now >= count) return true;
    if (now !== last) [last, lastAt] = [now, performance.now()];
    stalled = performance.now() - lastAt > STALL_MS;
    return stalled;
  }, PHASE_TIMEOUT_MS, 2).then(() => handled() >= count);
  const end = finished ? performance.now() : lastAt;
  await side;
  const seconds = (end - t0) / 1000;
  const done = finished ? count : last;
  return { rate: done / seconds, seconds, handled: done, finished, stalled: !finished && stalled };
}

async function settle(runtime: MessagingRuntime, durable: string): Promise<void> {
  await waitUntil(async () => {
    const info = await runtime.jsm.consumers.info(runtime.topology.streams.events, durable);
    return info.num_ack_pending === 0 && info.num_pending === 0;
  }, 10_000, 50);
}

async function count(env: BenchEnv, sql: string, params: unknown[] = []): Promise<number> {
  const rows: { n: string }[] = await env.dataSource.query(sql, params);
  return Number(rows[0]?.n ?? 0);
}

async function run(env: BenchEnv, scale: number, figures: Figure[], notes: string[]): Promise<string | undefined> {
  const n = Math.max(100, Math.round(50_000 * scale));
  const durableN = Math.max(100, Math.round(30_000 * scale));
  const latencySeconds = Math.min(10, Math.max(2, 10 * scale));
  const s = `"${env.schema}"`;
  const insertRow = `INSERT INTO ${s}.bench_rows (event_id, n, sent_at, pad) VALUES ($1, $2, $3, $4)`;
  await env.dataSource.query(`CREATE TABLE ${s}.bench_rows (event_id uuid PRIMARY KEY, n int NOT NULL, sent_at double precision NOT NULL, pad text NOT NULL)`);

  // --- 1. baseline: the raw @nats-io/jetstream client ------------------------------------------------------
  log(`raw JetStream: publishing ${fmtInt(n)} messages of 200 bytes (${WINDOW} in flight), then consume()+ack`);
  const raw = await measureRawJetStream({
    natsUrl: env.infra.natsUrl,
    stream: `${env.streamPrefix}RAW`,
    subject: `${env.subjectPrefix}raw`,
    count: n,
    messageBytes: 200,
    window: WINDOW,
    timeoutMs: PHASE_TIMEOUT_MS,
  });
  figures.push({ name: 'raw JetStream async publish', value: `${fmtInt(raw.publishRate)} msg/s`, note: `${fmtInt(n)} × 200 B, ${WINDOW} in flight` });
  figures.push({ name: 'raw JetStream consume()+ack', value: `${fmtInt(raw.consumeRate)} msg/s${raw.timedOut ? ' (timed out)' : ''}`, note: 'durable pull consumer, default consume() options' });

  // --- 2. transport overhead: MessagingRuntime, handler without database work ------------------------------
  const transport = env.runtime('t');
  await transport.connect();
  log(`transport: publishing ${fmtInt(n)} CloudEvents with JetStreamPublisher`);
  const libPublish = await publishProbes(transport, n);
  figures.push({ name: 'JetStreamPublisher.publish', value: `${fmtInt(libPublish)} msg/s`, note: `validated CloudEvent ~450 B + trace headers, ${WINDOW} in flight` });
  // 2a. the transport alone: decode, envelope + payload validation, tracing span, metrics, ack (inbox: false)
  let noopHandled = 0;
  await transport.subscribe(BenchProbeSentV1, () => {
    noopHandled++;
    return Promise.resolve();
  }, { name: 'transport', inbox: false });
  log('transport: consuming them with a handler that does no database work (consumer declared with inbox: false)');
  const t = await consumeAll(transport, n, () => noopHandled);
  if (t.finished) await settle(transport, 'bench__transport');
  const ratio = t.rate / raw.consumeRate;
  figures.push({
    name: 'transport consume, handler without DB work',
    value: `${consumedText(t, n, 'msg/s')} = ${fmtPct(ratio)} of raw`,
    target: `≥ ${fmtPct(TARGET_TRANSPORT_RATIO)} of raw consume+ack`,
    pass: t.finished && ratio >= TARGET_TRANSPORT_RATIO,
  });
  // 2b. the same events and handler through a default consumer: the inbox transaction per batch included
  let inboxHandled = 0;
  await transport.subscribe(BenchProbeSentV1, () => {
    inboxHandled++;
    return Promise.resolve();
  }, { name: 'transport-inbox' });
  log('transport: the same events again through a default consumer (inbox idempotency, one transaction per batch)');
  const ti = await consumeAll(transport, n, () => inboxHandled);
  if (ti.finished) await settle(transport, 'bench__transport-inbox');
  const inboxRows = await count(env, `SELECT count(*)::text AS n FROM ${s}.cw_inbox WHERE consumer = $1`, ['bench__transport-inbox']);
  await transport.stop();
  figures.push({
    name: 'transport consume with inbox, handler without DB work',
    value: `${consumedText(ti, n, 'msg/s')} = ${fmtPct(ti.rate / raw.consumeRate)} of raw`,
    note: 'info: one transaction + one inbox INSERT … unnest per batch of up to 64',
  });
  notes.push(
    'The transport-overhead target is measured on a consumer declared with `inbox: false` (what a handler without database ' +
      'work declares): decode, envelope and payload validation, a tracing span, metrics and the ack per event. The default ' +
      `consumer adds one transaction and one inbox INSERT per batch; ${fmtInt(inboxRows)} inbox rows were written for ${fmtInt(n)} events.`,
  );

  // --- 3. durable processing: one row per event, inbox idempotency, default batch size ---------------------
  const durable = env.runtime('d');
  await durable.connect();
  log(`durable: publishing ${fmtInt(durableN)} events, then consuming them with one INSERT per event`);
  await publishProbes(durable, durableN);
  let durableHandled = 0;
  await durable.subscribe(BenchProbeSentV1, async (event, ctx) => {
    await ctx.tx.manager.query(insertRow, [event.id, event.data.n, event.data.sentAt, event.data.pad]);
    durableHandled++;
  }, { name: 'durable' });
  const d = await consumeAll(durable, durableN, () => durableHandled);
  if (d.finished) await settle(durable, 'bench__durable');
  await durable.stop();
  const durableRows = await count(env, `SELECT count(*)::text AS n FROM ${s}.bench_rows`);
  figures.push({
    name: 'durable processing (pre-published backlog)',
    value: consumedText(d, durableN, 'events/s'),
    target: `≥ ${fmtInt(TARGET_DURABLE_RATE)} events/s`,
    pass: d.finished && d.rate >= TARGET_DURABLE_RATE,
    note: `${fmtInt(durableN)} events, 1 INSERT each + inbox, batch 64`,
  });
  if (d.finished && durableRows !== durableN) notes.push(`CHECK FAILED: ${fmtInt(durableRows)} rows for ${fmtInt(durableN)} durable events.`);

  // --- 3b. the same while publishing concurrently -----------------------------------------------------------
  const concurrent = env.runtime('c');
  await concurrent.connect();
  let concurrentHandled = 0;
  await concurrent.subscribe(BenchProbeSentV1, async (event, ctx) => {
    await ctx.tx.manager.query(insertRow, [event.id, event.data.n, event.data.sentAt, event.data.pad]);
    concurrentHandled++;
  }, { name: 'concurrent' });
  log(`durable + concurrent publishing: ${fmtInt(durableN)} events published while consumed`);
  let concurrentPublish = 0;
  const c = await consumeAll(concurrent, durableN, () => concurrentHandled, async () => (concurrentPublish = await publishProbes(concurrent, durableN, durableN)));
  if (c.finished) await settle(concurrent, 'bench__concurrent');
  if ([t, d, c].some((x) => x.stalled)) {
    notes.push(
      'STALLED means the last events of a backlog were delivered to the consumer but not handled: EventConsumer.run() ' +
        'flushes a partial batch only when `messages.getPending() === 0`, and that count stays above 0 after the ' +
        'iterator ran one of its internal callbacks, so the tail waits for the next message or the ack-wait ' +
        'redelivery (30 s by default). The bench stops waiting after 3 s of no progress.',
    );
  }
  await concurrent.stop();
  figures.push({
    name: 'durable processing while publishing',
    value: consumedText(c, durableN, 'events/s'),
    note: `publisher in the same process at ${fmtInt(concurrentPublish)} msg/s`,
  });

  // --- 4. latency at a steady 1,000 events/s ------------------------------------------------------------------
  const latency = env.runtime('l');
  const samples: number[] = [];
  await latency.subscribe(BenchProbeSentV1, async (event, ctx) => {
    await ctx.tx.manager.query(insertRow, [event.id, event.data.n, event.data.sentAt, event.data.pad]);
    samples.push(nowMs() - event.data.sentAt);
  }, { name: 'latency' });
  await latency.start();
  log(`latency: publishing ${LATENCY_RATE}/s for ${latencySeconds} s (timer-paced), handler writes one row`);
  const total = Math.round(LATENCY_RATE * latencySeconds);
  const inFlight = new Set<Promise<unknown>>();
  let publishErrors = 0;
  let sent = 0;
  const l0 = performance.now();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - l0) / 1000) * LATENCY_RATE));
    while (sent < due) {
      const p = latency.publisher.publish(BenchProbeSentV1, { n: 100_000_000 + sent, sentAt: nowMs(), pad: PAD }).catch(() => publishErrors++);
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
      sent++;
    }
    await sleep(1);
  }
  const paced = total / ((performance.now() - l0) / 1000);
  await Promise.all(inFlight);
  const allHandled = await waitUntil(() => samples.length >= total - publishErrors, 15_000, 5);
  await settle(latency, 'bench__latency');
  await latency.stop();
  const sorted = [...samples].sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  figures.push({ name: 'latency publish→handled p50', value: `${fmtMs(percentile(sorted, 50))} ms`, note: `${fmtInt(samples.length)} events at ${fmtInt(paced)}/s` });
  figures.push({ name: 'latency publish→handled p95', value: `${fmtMs(percentile(sorted, 95))} ms` });
  figures.push({
    name: 'latency publish→handled p99',
    value: `${fmtMs(p99)} ms${allHandled ? '' : ` (only ${fmtInt(samples.length)}/${fmtInt(total)} handled)`}`,
    target: `< ${TARGET_P99_MS} ms at ${fmtInt(LATENCY_RATE)} events/s`,
    pass: allHandled && publishErrors === 0 && p99 < TARGET_P99_MS,
  });
  figures.push({ name: 'latency publish→handled max', value: `${fmtMs(sorted[sorted.length - 1] ?? Number.NaN)} ms` });
  notes.push(
    'Latency is measured from just before `JetStreamPublisher.publish` to the handler being invoked inside its batch ' +
      'transaction (before that batch commits and acks); both clocks are the same process.',
  );
  if (publishErrors) notes.push(`${publishErrors} latency publishes failed.`);

  // --- 5. idle memory ----------------------------------------------------------------------------------------
  log('idle RSS: an idle MessagingRuntime with one consumer (in a fresh process and in this one)');
  const inProcess = env.runtime('i');
  await inProcess.subscribe(BenchProbeSentV1, () => Promise.resolve(), { name: 'idle' });
  await inProcess.start();
  const child = await measureIdleProcess({
    script: join(__dirname, 'idle-runtime.js'),
    env: {
      ...process.env,
      CW_NATS_URL: env.infra.natsUrl,
      CW_DATABASE_URL: env.infra.databaseUrl,
      BENCH_SCHEMA: env.schema,
      BENCH_STREAM_PREFIX: `${env.streamPrefix}IDLE_`,
      BENCH_SUBJECT_PREFIX: `${env.subjectPrefix}idle.`,
    },
    readyLine: /^READY$/m,
    readyTimeoutMs: 20_000,
    settleMs: 5_000,
  });
  const selfRss = rssMb();
  await inProcess.stop();
  figures.push(rssFigure('library-level idle runtime, fresh process', child, 'node + typeorm/pg + MessagingRuntime, 1 consumer, relay'));
  figures.push({ name: 'library-level idle runtime, this bench process', value: `${fmtInt(selfRss ?? Number.NaN)} MB`, note: 'after the phases above; heap not collected' });

  const mainJs = join(findRepoRoot(__dirname), 'services/orchestrator/dist/main.js');
  log('idle RSS: the orchestrator service');
  const orchestrator = await measureService(mainJs, env.infra.natsUrl, env.infra.databaseUrl, {
    schema: await env.extraSchema('orch'),
    streamPrefix: `${env.streamPrefix}ORCH_`,
    subjectPrefix: `${env.subjectPrefix}orch.`,
  });
  figures.push({
    ...rssFigure('idle service process (orchestrator)', orchestrator),
    target: `< ${TARGET_IDLE_MB} MB`,
    pass: orchestrator.rssMb === undefined ? undefined : orchestrator.rssMb < TARGET_IDLE_MB,
  });
  if (orchestrator.skipped) notes.push(`Orchestrator idle RSS skipped: ${orchestrator.skipped}.`);
  notes.push(...orchestrator.notes.map((x) => `Orchestrator: ${x}.`));
  return describeNats(env);
}

function rssFigure(name: string, r: IdleRss, note?: string): Figure {
  if (r.rssMb === undefined) return { name, value: 'skipped', note: r.skipped };
  return { name, value: `${fmtInt(r.rssMb)} MB`, note: [note, r.readyMs ? `ready in ${fmtInt(r.readyMs)} ms, idled 5 s` : undefined].filter(Boolean).join('; ') };
}

async function describeNats(env: BenchEnv): Promise<string | undefined> {
  const { connect } = await import('@nats-io/transport-node');
  const nc = await connect({ servers: env.infra.natsUrl, reconnect: false });
  const version = nc.info?.version;
  await nc.close();
  return version;
}

async function main(): Promise<number> {
  const watchdog = setTimeout(() => {
    console.error(`[bench] ERROR: the run exceeded ${WATCHDOG_MS / 1000} s; aborting (streams/schema of this run may remain)`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();
  const scale = Number(process.env.CW_BENCH_SCALE ?? '1');
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`CW_BENCH_SCALE must be a positive number, not "${process.env.CW_BENCH_SCALE}"`);
  const started = performance.now();
  const env = await createBenchEnv(log);
  log(`schema ${env.schema}, streams ${env.streamPrefix}*, subjects ${env.subjectPrefix}*`);
  const figures: Figure[] = [];
  const notes: string[] = [];
  let natsVersion: string | undefined;
  let postgres = 'PostgreSQL (unknown)';
  try {
    const rows: { version: string }[] = await env.dataSource.query('select version()');
    postgres = rows[0]?.version ?? postgres;
    natsVersion = await run(env, scale, figures, notes);
  } finally {
    log('cleaning up (runtimes, schema, streams)');
    await env.dispose();
  }
  const machine = describeMachine(natsVersion, postgres);
  console.log('');
  printTable(figures);
  for (const note of notes) console.log(`- ${note}`);
  const failed = figures.filter((f) => f.pass === false).map((f) => f.name);
  console.log('');
  console.log(failed.length ? `FAIL: ${failed.join('; ')}` : 'All targets PASS.');
  const docs = join(findRepoRoot(__dirname), 'docs/benchmarks.md');
  writeSection(docs, busSection(machine, figures, notes, scale));
  log(`wrote ${docs}; total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench] ERROR: ${errorText(error)}`);
    if (error instanceof Error && error.stack) console.error(error.stack);
    process.exit(1);
  },
);
