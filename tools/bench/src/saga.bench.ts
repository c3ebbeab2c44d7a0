/**
 * `npm run bench:saga`: 100 concurrent deployments of 20 resources each (AWS/Azure/GCP, a realistic dependency graph)
 * through the whole saga — analysis, cost and compliance gates, provisioning on the zero-latency simulated cloud —
 * with every agent in this process. Prints wall time, deployments/minute, end-to-end p50/p99, the coordinator's
 * overhead per step against the JetStream round-trip floor, and writes the "saga" section of docs/benchmarks.md.
 *
 * `npm run bench:saga -- --chaos`: the orchestrator runs in a child process killed with SIGKILL 3–5 times at seeded
 * random moments and restarted; 10 % of the deployments get a failing resource and roll back. Checks that every
 * deployment ends succeeded or rolled back and that no resource was created (or deleted) twice; writes the
 * "saga --chaos" section.
 *
 * CW_BENCH_SCALE (default 1) scales the number of deployments (0.1 for a smoke run); CW_BENCH_SEED (default
 * `bench-saga`) seeds plans, faults and kill times; CW_BENCH_LOG_LEVEL (default warn) is the services' log level.
 * CW_BENCH_ORCH_<KEY>=v sets CW_<KEY>=v for the orchestrator (e.g. CW_BENCH_ORCH_DB_POOL_MAX=20,
 * CW_BENCH_ORCH_SAGA_MAX_CALLS=128); the run's notes list them. CW_NATS_URL / CW_DATABASE_URL pick servers.
 */
import 'reflect-metadata';
import { tmpdir, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { SIM_CATEGORIES, SimCloud, Prng, type SimCategory } from '@cloudwright/cloud-sim';
import { DeploymentRequestedV1, type DeploymentDetailDto, type DeploymentStatus, type DeploymentSummaryDto } from '@cloudwright/contracts';
import { findFreePort, findRepoRoot } from '@cloudwright/devenv';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createBenchEnv, type BenchEnv } from './bench-env';
import { benchSection, describeMachine, printTable, writeSection, type Figure } from './report';
import { measureRoundTrips } from './saga/jetstream-floor';
import { OrchestratorProcess } from './saga/orchestrator-process';
import { BENCH_TOKEN, orchestratorEnv, orchestratorOverridesFrom, startGates, startOrchestrator, type SagaWorld } from './saga/saga-platform';
import { addressOf, generateDeployments, type BenchDeployment } from './saga/saga-plan';
import { checkCreates, endToEndMs, phasesOf, stepDurations, stepGaps, summaryMs, type Phases } from './saga/saga-metrics';
import { errorText, fmtInt, fmtMs, percentile, sleep } from './util';

const DEPLOYMENTS = 100;
const RESOURCES = 20;
const ENVIRONMENT = 'bench';
const TARGET_WALL_S = 60;
const TARGET_OVERHEAD_P50_MS = 5;
const ROUND_TRIPS = 500;
const LOOP_RESOLUTION_MS = 10;
const FAULT_SHARE = 0.1;
/** maxParallelSteps of the default environment policy (the bench environment has no policy of its own). */
const DEFAULT_MAX_PARALLEL_STEPS = 8;
const WAIT_MS = { normal: 180_000, chaos: 420_000 };
const WATCHDOG_MS = 600_000;
/** Statuses after which the bench stops waiting for a deployment (rollback-failed holds its lock but does not move). */
const ENDED: readonly DeploymentStatus[] = ['succeeded', 'blocked', 'rejected', 'rolled-back', 'cancelled', 'rollback-failed'];

const log = (line: string) => console.log(`[bench] ${line}`);

async function api<T>(baseUrl: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${BENCH_TOKEN}` } });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** Polls the deployment list until every bench stack's deployment ended (errors while the API is down are retried). */
async function waitForAll(url: () => string, stacks: ReadonlySet<string>, timeoutMs: number, onProgress: (ended: number) => void): Promise<DeploymentSummaryDto[]> {
  const deadline = Date.now() + timeoutMs;
  let last: DeploymentSummaryDto[] = [];
  let reported = -1;
  while (Date.now() < deadline) {
    try {
      const list = await api<DeploymentSummaryDto[]>(url(), `/deployments?environment=${ENVIRONMENT}&limit=500`);
      last = list.filter((d) => stacks.has(d.stack));
      const ended = last.filter((d) => ENDED.includes(d.status)).length;
      if (ended !== reported && (ended - reported >= 10 || ended === stacks.size)) onProgress((reported = ended));
      if (last.length >= stacks.size && ended === last.length) return last;
    } catch {
      // the orchestrator is restarting (chaos) or busy: ask again
    }
    await sleep(100);
  }
  const byStatus = countBy(last.map((d) => d.status));
  throw new Error(`not every deployment ended within ${timeoutMs / 1000} s: ${last.length}/${stacks.size} recorded, statuses ${JSON.stringify(byStatus)}`);
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

async function details(baseUrl: string, ids: string[]): Promise<DeploymentDetailDto[]> {
  const out: DeploymentDetailDto[] = [];
  for (let i = 0; i < ids.length; i += 10) out.push(...(await Promise.all(ids.slice(i, i + 10).map((id) => api<DeploymentDetailDto>(baseUrl, `/deployments/${id}`)))));
  return out;
}

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN, n: sorted.length };
};

interface RunOptions {
  chaos: boolean;
  scale: number;
  seed: string;
  logLevel: string;
}

interface RunResult {
  figures: Figure[];
  notes: string[];
  natsVersion: string | undefined;
}

async function run(env: BenchEnv, o: RunOptions): Promise<RunResult> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const world: SagaWorld = {
    natsUrl: env.infra.natsUrl,
    databaseUrl: env.infra.databaseUrl,
    streamPrefix: env.streamPrefix,
    subjectPrefix: env.subjectPrefix,
    schemas: { orchestrator: await env.extraSchema('orch'), cost: await env.extraSchema('cost'), compliance: await env.extraSchema('comp'), sim: await env.extraSchema('sim') },
    simSeed: o.seed,
    logLevel: o.logLevel,
    orchestratorOverrides: orchestratorOverridesFrom(process.env),
  };
  const overrides = Object.entries(world.orchestratorOverrides ?? {});
  if (overrides.length) notes.push(`Orchestrator settings overridden for this run: ${overrides.map(([k, v]) => `${k}=${v}`).join(', ')}.`);
  // quotas far above what 100 stacks need (the default 10 clusters per region would refuse most deployments)
  const quotas = Object.fromEntries(SIM_CATEGORIES.map((c) => [c, 1_000_000])) as Record<SimCategory, number>;
  const sim = await SimCloud.open({ databaseUrl: world.databaseUrl, schema: world.schemas.sim, seed: o.seed, latencyScale: 0, poolMax: 10, quotas });
  const apps: NestFastifyApplication[] = [];
  let child: OrchestratorProcess | undefined;
  try {
    log('starting cost-tracker and compliance (gates) in this process');
    apps.push(...(await startGates(world)));
    let baseUrl: string;
    if (o.chaos) {
      const port = await findFreePort();
      const logFile = join(tmpdir(), `cw-bench-saga-orchestrator-${env.token}.log`);
      child = new OrchestratorProcess(join(findRepoRoot(__dirname), 'services/orchestrator/dist/main.js'), orchestratorEnv(world, port), `http://127.0.0.1:${port}`, logFile);
      const readyMs = await child.start();
      log(`orchestrator child healthy at ${child.url} in ${fmtInt(readyMs)} ms (log: ${logFile})`);
      baseUrl = child.url;
    } else {
      const orchestrator = await startOrchestrator(world, sim);
      apps.push(orchestrator.app);
      baseUrl = orchestrator.url;
      log(`orchestrator (cloud-analyzer + deployment-coordinator + API) at ${baseUrl}`);
    }

    const requester = env.runtime('req', { topology: { streamPrefix: env.streamPrefix, subjectPrefix: env.subjectPrefix } });
    await requester.connect();
    const eventsStream = requester.topology.streams.events;
    const floorSubject = requester.topology.wire('cw.evt.bench.floor-probe.v1');

    log(`JetStream round-trip floor (idle): ${ROUND_TRIPS} × publish on ${eventsStream} + next() on a pull consumer`);
    const floorIdle = stats((await measureRoundTrips(world.natsUrl, eventsStream, floorSubject, ROUND_TRIPS)).samples);

    const count = Math.max(5, Math.round(DEPLOYMENTS * o.scale));
    const deployments = generateDeployments({ count, resourcesPerPlan: RESOURCES, environment: ENVIRONMENT, seed: o.seed, runId: env.token, faultShare: o.chaos ? FAULT_SHARE : 0 });
    const faulty = deployments.filter((d) => d.faultAddress !== null);
    for (const d of faulty) {
      await sim.injectFault({ match: { stack: d.stack, address: d.faultAddress ?? '', operation: 'create' }, mode: 'fail', message: `injected by bench:saga --chaos on ${d.faultAddress ?? ''}` });
    }
    const cloudMix = countBy(deployments.map((d) => d.clouds.join('+')));
    notes.push(
      `${count} plans of ${RESOURCES} resources (seed \`${o.seed}\`), one stack each, environment \`${ENVIRONMENT}\`: network → subnets → cluster → node pools, ` +
        `databases, buckets, security groups/firewalls, load balancers, public IPs; cloud mix ${Object.entries(cloudMix).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    );

    const stacks = new Set(deployments.map((d) => d.stack));
    // all agents share this process's event loop (except the chaos child): how long callbacks waited for it explains the latencies
    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    loopDelay.enable();
    const startedAt = Date.now();
    const t0 = performance.now();
    log(`publishing ${count} deployment.requested.v1 at once${o.chaos ? ` (${faulty.length} with a failing resource)` : ''}`);
    await Promise.all(deployments.map((d) => requester.publisher.publish(DeploymentRequestedV1, d.request)));

    // chaos: SIGKILL the orchestrator 3–5 times at seeded moments, restarting it each time
    const kills: { atS: number; restartMs: number }[] = [];
    let chaosDone = Promise.resolve();
    let finished = false;
    if (o.chaos && child) {
      const prng = Prng.keyed(o.seed, 'bench-saga-kills');
      const planned = 3 + prng.int(3);
      const gaps = Array.from({ length: planned }, () => 1_000 + prng.int(3_000));
      log(`chaos: ${planned} SIGKILLs planned, ${gaps.map((g) => `${(g / 1000).toFixed(1)} s`).join(', ')} after each (re)start`);
      const proc = child;
      chaosDone = (async () => {
        for (const gap of gaps) {
          await sleep(gap);
          if (finished) break;
          await proc.kill();
          const atS = (performance.now() - t0) / 1000;
          const restartMs = await proc.start();
          kills.push({ atS, restartMs });
          log(`chaos: killed the orchestrator at ${atS.toFixed(1)} s, healthy again after ${fmtInt(restartMs)} ms`);
        }
      })();
    }

    // the floor again while the deployments run
    const floorLoaded = measureRoundTrips(world.natsUrl, eventsStream, floorSubject, ROUND_TRIPS).then((r) => stats(r.samples));
    let ended: DeploymentSummaryDto[];
    try {
      ended = await waitForAll(() => baseUrl, stacks, o.chaos ? WAIT_MS.chaos : WAIT_MS.normal, (n) => log(`${n}/${count} deployments ended (${((performance.now() - t0) / 1000).toFixed(1)} s)`));
    } finally {
      finished = true;
      await chaosDone;
    }
    const waitedS = (performance.now() - t0) / 1000;
    loopDelay.disable();
    const lateMs = (p: number) => Math.max(0, loopDelay.percentile(p) / 1e6 - LOOP_RESOLUTION_MS);
    const floorUnderLoad = await floorLoaded;
    // one more deployment alone, after the run: the coordinator's latency between provider calls when nothing queues
    let probe: { gaps: ReturnType<typeof stepGaps>; status: string } | undefined;
    if (!o.chaos) {
      const [alone] = generateDeployments({ count: 1, resourcesPerPlan: RESOURCES, environment: ENVIRONMENT, seed: `${o.seed}-alone`, runId: `${env.token}-alone`, faultShare: 0 });
      log(`one deployment alone (${alone.stack})`);
      await requester.publisher.publish(DeploymentRequestedV1, alone.request);
      const [done] = await waitForAll(() => baseUrl, new Set([alone.stack]), WAIT_MS.normal, () => undefined);
      const [detail] = await details(baseUrl, [done.id]);
      probe = { gaps: stepGaps(detail), status: done.status };
    }
    const natsVersion = requester.connection.info?.version;
    await requester.stop();

    const lastFinish = Math.max(...ended.map((d) => Date.parse(d.finishedAt ?? '')));
    const wallS = (lastFinish - startedAt) / 1000;
    const e2e = stats(endToEndMs(ended));
    const byStatus = countBy(ended.map((d) => d.status));
    const all = await details(baseUrl, ended.map((d) => d.id));
    const gaps = all.flatMap(stepGaps);
    const depGaps = gaps.filter((g) => !g.root);
    const rootGaps = gaps.filter((g) => g.root);
    const gap = stats(depGaps.map((g) => g.gapMs));
    const metricsText = await (await fetch(`${baseUrl}/metrics`)).text();
    const overhead = summaryMs(metricsText, 'cw_saga_step_overhead_seconds');
    const overheadWithWait = summaryMs(metricsText, 'cw_saga_step_overhead_with_pool_wait_seconds');
    const roundTime = summaryMs(metricsText, 'cw_saga_round_seconds');
    const roundHeld = summaryMs(metricsText, 'cw_saga_round_held_seconds');
    const roundSize = summaryMs(metricsText, 'cw_saga_round_deployments', 1);
    const overheadP50 = overhead.quantiles.get(0.5) ?? Number.NaN;
    const phases = all.map(phasesOf).filter((x): x is Phases => x !== undefined);
    const gatesPhase = stats(phases.map((x) => x.gatesMs));
    const provisioningPhase = stats(phases.map((x) => x.provisioningMs));
    const durations = stats(all.flatMap(stepDurations));
    const byStack = new Map(deployments.map((d) => [d.stack, d]));
    const addresses = (d: BenchDeployment) => d.resources.map(addressOf);
    const counts = await sim.callCounts({ environment: ENVIRONMENT });
    const modeLabel = o.chaos ? ` with ${kills.length} orchestrator SIGKILLs` : '';

    figures.push({
      name: `${count} deployments × ${RESOURCES} resources, wall time${modeLabel}`,
      value: `${wallS.toFixed(1)} s`,
      target: o.chaos ? undefined : `< ${TARGET_WALL_S} s`,
      pass: o.chaos ? undefined : wallS < TARGET_WALL_S,
      note: 'first request published → last deployment finished',
    });
    figures.push({ name: 'throughput', value: `${(count / (wallS / 60)).toFixed(0)} deployments/min` });
    figures.push({ name: 'end-to-end p50 (requestedAt → finishedAt)', value: `${(e2e.p50 / 1000).toFixed(2)} s` });
    figures.push({ name: 'end-to-end p99', value: `${(e2e.p99 / 1000).toFixed(2)} s` });
    figures.push({ name: '  of which requested → provisioning p50 / p99', value: `${(gatesPhase.p50 / 1000).toFixed(2)} / ${(gatesPhase.p99 / 1000).toFixed(2)} s`, note: 'intake, lock, analysis, cost and compliance gates' });
    figures.push({ name: '  of which provisioning → final p50 / p99', value: `${(provisioningPhase.p50 / 1000).toFixed(2)} / ${(provisioningPhase.p99 / 1000).toFixed(2)} s`, note: 'steps, verification (and rollback)' });
    figures.push({ name: 'step startedAt → finishedAt p50 / p99', value: `${fmtMs(durations.p50)} / ${fmtMs(durations.p99)} ms`, note: 'zero-latency provider call incl. waiting for a call slot, and recording it' });
    figures.push({
      name: 'coordinator overhead per step p50',
      value: `${fmtMs(overheadP50)} ms`,
      target: o.chaos ? undefined : `< ${TARGET_OVERHEAD_P50_MS} ms`,
      pass: o.chaos ? undefined : overheadP50 < TARGET_OVERHEAD_P50_MS,
      note: `${fmtInt(overhead.count)} step attempts${o.chaos ? ' since the last restart' : ''}: its share of the rounds that dispatched it and recorded its answer, while they held their connection (cw_saga_step_overhead_seconds)`,
    });
    figures.push({ name: 'coordinator overhead per step p90 / p99', value: `${fmtMs(overhead.quantiles.get(0.9) ?? Number.NaN)} / ${fmtMs(overhead.quantiles.get(0.99) ?? Number.NaN)} ms` });
    figures.push({
      name: '  the same with the wait for a pooled connection p50 / p99',
      value: `${fmtMs(overheadWithWait.quantiles.get(0.5) ?? Number.NaN)} / ${fmtMs(overheadWithWait.quantiles.get(0.99) ?? Number.NaN)} ms`,
      note: 'cw_saga_step_overhead_with_pool_wait_seconds',
    });
    figures.push({
      name: '  one round holding its connection / with the wait, p50',
      value: `${fmtMs(roundHeld.quantiles.get(0.5) ?? Number.NaN)} / ${fmtMs(roundTime.quantiles.get(0.5) ?? Number.NaN)} ms`,
      note: `${fmtInt(roundTime.count)} rounds (one transaction each); p99 ${fmtMs(roundHeld.quantiles.get(0.99) ?? Number.NaN)} / ${fmtMs(roundTime.quantiles.get(0.99) ?? Number.NaN)} ms`,
    });
    figures.push({
      name: '  deployments per round p50 / p90 / max',
      value: `${fmtInt(roundSize.quantiles.get(0.5) ?? Number.NaN)} / ${fmtInt(roundSize.quantiles.get(0.9) ?? Number.NaN)} / ${fmtInt(roundSize.quantiles.get(0.99) ?? Number.NaN)}`,
      note: 'cw_saga_round_deployments (max shown as p99): under load one round advances every deployment whose answers arrived during the previous one (group commit)',
    });
    figures.push({
      name: 'step-to-step gap under load p50 / p99',
      value: `${fmtMs(gap.p50)} / ${fmtMs(gap.p99)} ms`,
      note: `${fmtInt(depGaps.length)} steps with dependencies: provider answer of the last dependency → the step's own provider call; includes queueing behind ${count} sagas`,
    });
    figures.push({
      name: '  of which answer → recorded / recorded → dispatched / dispatched → call p50',
      value: `${fmtMs(stats(depGaps.map((g) => g.recordMs)).p50)} / ${fmtMs(stats(depGaps.map((g) => g.dispatchMs)).p50)} / ${fmtMs(stats(depGaps.map((g) => g.callWaitMs)).p50)} ms`,
      note: `p99 ${fmtMs(stats(depGaps.map((g) => g.recordMs)).p99)} / ${fmtMs(stats(depGaps.map((g) => g.dispatchMs)).p99)} / ${fmtMs(stats(depGaps.map((g) => g.callWaitMs)).p99)} ms; the last waits for one of the process's provider call slots`,
    });
    figures.push({
      name: '  root steps: provisioning → call p50 / p99',
      value: `${fmtMs(stats(rootGaps.map((g) => g.gapMs)).p50)} / ${fmtMs(stats(rootGaps.map((g) => g.gapMs)).p99)} ms`,
      note: `${fmtInt(rootGaps.length)} steps; includes the plan becoming steps and the parallel-step limit (${DEFAULT_MAX_PARALLEL_STEPS})`,
    });
    if (probe) {
      const pd = probe.gaps.filter((g) => !g.root);
      const g = stats(pd.map((x) => x.gapMs));
      figures.push({
        name: 'one deployment alone: step-to-step gap p50 / p99',
        value: `${fmtMs(g.p50)} / ${fmtMs(g.p99)} ms`,
        note: `${probe.status}; ${pd.length} steps with dependencies, answer → recorded / recorded → dispatched / dispatched → call p50 ${fmtMs(stats(pd.map((x) => x.recordMs)).p50)} / ${fmtMs(stats(pd.map((x) => x.dispatchMs)).p50)} / ${fmtMs(stats(pd.map((x) => x.callWaitMs)).p50)} ms`,
      });
    }
    if (!o.chaos) {
      figures.push({
        name: 'event-loop delay during the run p50 / p99',
        value: `${fmtMs(lateMs(50))} / ${fmtMs(lateMs(99))} ms`,
        note: 'how late a 10 ms timer fired in the one process running every agent, the simulated cloud and the bench (perf_hooks.monitorEventLoopDelay minus its 10 ms resolution)',
      });
    }
    figures.push({ name: 'JetStream round trip p50 / p99, idle', value: `${fmtMs(floorIdle.p50)} / ${fmtMs(floorIdle.p99)} ms`, note: `${ROUND_TRIPS} × publish + pull next() on the events stream, before the run` });
    figures.push({ name: 'JetStream round trip p50 / p99, under load', value: `${fmtMs(floorUnderLoad.p50)} / ${fmtMs(floorUnderLoad.p99)} ms`, note: `${ROUND_TRIPS} × the same, during the run` });
    figures.push({ name: 'overhead p50 / round-trip floor p50 (under load)', value: `${(overheadP50 / floorUnderLoad.p50).toFixed(1)} ×` });

    if (!o.chaos) {
      const succeeded = ended.filter((d) => d.status === 'succeeded');
      figures.push({ name: 'deployments succeeded', value: `${succeeded.length}/${count}`, target: 'all', pass: succeeded.length === count, note: Object.entries(byStatus).map(([k, v]) => `${k} ${v}`).join(', ') });
      const expected = new Map(deployments.map((d) => [d.stack, addresses(d)]));
      const check = checkCreates(counts, expected);
      figures.push({
        name: 'addresses created exactly once (sim callCounts)',
        value: `${fmtInt(check.createdOnce)}/${fmtInt(check.expected)}`,
        target: 'all, none twice',
        pass: check.createdOnce === check.expected && check.duplicates.length === 0,
        note: check.duplicates.length || check.missing.length ? `twice: ${check.duplicates.slice(0, 5).join(', ') || 'none'}; never: ${check.missing.slice(0, 5).join(', ') || 'none'}` : undefined,
      });
    } else {
      const good = ended.filter((d) => d.status === 'succeeded' || d.status === 'rolled-back');
      figures.push({ name: 'deployments ended succeeded or rolled-back', value: `${good.length}/${count}`, target: 'all', pass: good.length === count, note: Object.entries(byStatus).map(([k, v]) => `${k} ${v}`).join(', ') });
      const wrong = ended.filter((d) => {
        const plan = byStack.get(d.stack);
        return plan && (plan.faultAddress === null ? d.status !== 'succeeded' : d.status !== 'rolled-back');
      });
      figures.push({
        name: 'ended as planned (faulty → rolled-back, others → succeeded)',
        value: `${count - wrong.length}/${count}`,
        target: 'all',
        pass: wrong.length === 0,
        note: wrong.length ? wrong.slice(0, 5).map((d) => `${d.stack} ${d.status}${d.reason ? ` (${d.reason.slice(0, 80)})` : ''}`).join('; ') : `${faulty.length} with an injected failure`,
      });
      const expected = new Map(ended.filter((d) => d.status === 'succeeded').map((d) => [d.stack, addresses(byStack.get(d.stack) ?? ({ resources: [] } as unknown as BenchDeployment))]));
      const mayExist = new Map(ended.filter((d) => d.status !== 'succeeded').map((d) => [d.stack, addresses(byStack.get(d.stack) ?? ({ resources: [] } as unknown as BenchDeployment))]));
      const check = checkCreates(counts, expected, mayExist);
      const creates = counts.filter((c) => c.operation === 'create' && stacks.has(c.stack)).reduce((n, c) => n + c.count, 0);
      const deletes = counts.filter((c) => c.operation === 'delete' && stacks.has(c.stack)).reduce((n, c) => n + c.count, 0);
      figures.push({
        name: 'succeeded deployments: addresses created exactly once',
        value: `${fmtInt(check.createdOnce)}/${fmtInt(check.expected)}`,
        target: 'all',
        pass: check.createdOnce === check.expected,
        note: check.missing.length ? `never created: ${check.missing.slice(0, 5).join(', ')}` : undefined,
      });
      figures.push({
        name: 'addresses created twice / deleted twice (all deployments)',
        value: `${check.duplicates.length} / ${check.deletedTwice.length}`,
        target: '0 / 0',
        pass: check.duplicates.length === 0 && check.deletedTwice.length === 0,
        note: `${fmtInt(creates)} creates, ${fmtInt(deletes)} deletes with effect${check.duplicates.length + check.deletedTwice.length ? `; ${[...check.duplicates, ...check.deletedTwice].slice(0, 5).join(', ')}` : ''}`,
      });
      let leftovers = 0;
      for (const d of ended.filter((x) => x.status === 'rolled-back')) leftovers += (await sim.list(d.stack, ENVIRONMENT)).length;
      figures.push({ name: 'resources left in rolled-back stacks', value: String(leftovers), target: '0', pass: leftovers === 0 });
      figures.push({
        name: 'orchestrator SIGKILLs',
        value: String(kills.length),
        target: '3–5',
        pass: kills.length >= 3 && kills.length <= 5,
        note: kills.map((k) => `${k.atS.toFixed(1)} s (up again in ${fmtInt(k.restartMs)} ms)`).join(', '),
      });
      notes.push(
        'Chaos: the orchestrator runs as `node services/orchestrator/dist/main.js` (same database, schemas, stream prefix; the simulated cloud opened from ' +
          'CW_CLOUDSIM_*), killed with SIGKILL after seeded gaps of 1–4 s from each restart; cost-tracker and compliance stay in the bench process. ' +
          `${faulty.length} deployments get a non-retryable create failure on one non-root resource. Wall time and latencies include the restarts.`,
      );
    }
    notes.push(
      'Overhead per step is the coordinator\'s own time: each saga round is one transaction that records the provider answers waiting for the ' +
        'deployments it takes and dispatches the steps that became runnable; its time is shared ' +
        'equally among the steps it handled, and a step attempt\'s overhead is its share of the round that dispatched it plus its share of the ' +
        'round that recorded its answer. The target figure counts the time a round holds its database connection (its statements and the commit); ' +
        'the line below it adds the wait for a connection from the pool (10), which under this load is queueing behind other sagas and the gate ' +
        'agents rather than work. Measured by the orchestrator (Prometheus summaries on /metrics).',
    );
    notes.push(
      `The step-to-step gap is what a deployment waits between two provider calls, from the deployment records (callFinishedAt of the last dependency → ` +
        `callStartedAt). With a zero-latency cloud this is a closed loop: ${count} sagas each keep up to ${DEFAULT_MAX_PARALLEL_STEPS} steps in flight, so ` +
        'the gap is set by throughput (Little\'s law: steps in flight ÷ steps per second), not by the work per step; it includes waiting for a pooled ' +
        'connection, for the CPU shared with PostgreSQL, NATS and the gate agents, and for one of the process\'s provider call slots.',
    );
    notes.push(`The bench waited ${waitedS.toFixed(1)} s in all (polling every 100 ms); the figures above come from the deployment records.`);
    return { figures, notes, natsVersion };
  } finally {
    if (child) await child.stop();
    for (const app of apps.reverse()) await app.close().catch((e: unknown) => log(`closing a service: ${errorText(e)}`));
    await sim.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => a !== '--chaos');
  if (unknown.length) throw new Error(`unknown argument(s) ${unknown.join(' ')}: the only option is --chaos`);
  const chaos = argv.includes('--chaos');
  const watchdog = setTimeout(() => {
    console.error(`[bench] ERROR: the run exceeded ${WATCHDOG_MS / 1000} s; aborting (streams/schemas of this run may remain)`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();
  const scale = Number(process.env.CW_BENCH_SCALE ?? '1');
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`CW_BENCH_SCALE must be a positive number, not "${process.env.CW_BENCH_SCALE}"`);
  const seed = process.env.CW_BENCH_SEED ?? 'bench-saga';
  const logLevel = process.env.CW_BENCH_LOG_LEVEL ?? 'warn';
  const load = loadavg()[0];
  if (load > 1.5) log(`NOTE: load average ${load.toFixed(2)} at start (> 1.5): the machine is not idle, figures will be worse than on an idle one`);
  const started = performance.now();
  const env = await createBenchEnv(log);
  log(`schemas ${env.schema}_*, streams ${env.streamPrefix}*, subjects ${env.subjectPrefix}*${chaos ? ', --chaos' : ''}`);
  let result: RunResult;
  let postgres = 'PostgreSQL (unknown)';
  try {
    const rows: { version: string }[] = await env.dataSource.query('select version()');
    postgres = rows[0]?.version ?? postgres;
    result = await run(env, { chaos, scale, seed, logLevel });
  } finally {
    log('cleaning up (services, schemas, streams)');
    await env.dispose();
  }
  const { figures, notes } = result;
  if (load > 1.5) notes.unshift(`Load average was ${load.toFixed(2)} at start (> 1.5): the machine was not idle.`);
  const machine = describeMachine(result.natsVersion, postgres);
  console.log('');
  console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; ${new Date().toISOString()}`);
  printTable(figures);
  for (const f of figures) if (f.pass === false && f.note) console.log(`! ${f.name}: ${f.note}`);
  for (const note of notes) console.log(`- ${note}`);
  const failed = figures.filter((f) => f.pass === false).map((f) => f.name);
  console.log('');
  console.log(failed.length ? `FAIL: ${failed.join('; ')}` : 'All targets PASS.');
  const name = chaos ? 'saga --chaos' : 'saga';
  const section = benchSection(name, `\`CW_BENCH_SCALE=${scale}\`, seed \`${seed}\``, machine, figures, notes).replace(
    /^## .*$/m,
    chaos ? '## saga --chaos (npm run bench:saga -- --chaos)' : '## saga (npm run bench:saga)',
  );
  const docs = join(findRepoRoot(__dirname), 'docs/benchmarks.md');
  writeSection(docs, section);
  log(`wrote ${docs}; total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return failed.length ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench] ERROR: ${errorText(error)}`);
    if (error instanceof Error && error.stack) console.error(error.stack);
    process.exit(1);
  },
);
