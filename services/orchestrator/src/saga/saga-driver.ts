import { Inject, Injectable, Optional, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { isProviderError, type CloudProvider, type HealthResult } from '@cloudwright/cloud-provider';
import { UnitOfWork, type Logger } from '@cloudwright/messaging';
import { Summary, type Registry } from 'prom-client';
import { type DataSource } from 'typeorm';
import { DeploymentCoordinator, type Activity, type RoundItem, type StepOutcome } from './deployment-coordinator';
import { SagaStore } from './saga-store';

export const CLOUD_PROVIDER = Symbol('CLOUD_PROVIDER');
export const SAGA_DATA_SOURCE = Symbol('SAGA_DATA_SOURCE');
export const SAGA_LOGGER = Symbol('SAGA_LOGGER');
export const SAGA_OPTIONS = Symbol('SAGA_OPTIONS');
export const SAGA_METRICS_REGISTRY = Symbol('SAGA_METRICS_REGISTRY');

export interface SagaOptions {
  schema: string;
  /** How often due timers are looked for. */
  pollMs: number;
  /** Deployments advanced per poll. */
  batch: number;
  /** Provider calls running at once in this process, across deployments. */
  maxConcurrentCalls: number;
  /** Rounds (transactions) running at once. */
  concurrentRounds: number;
  /** Rounds running at once when every running round is slow (see slowRoundMs); at least concurrentRounds. */
  maxRounds: number;
  /** A round running this long (a large plan becoming steps, a lock wait) lets another start beside it. */
  slowRoundMs: number;
  /** Deployments one round advances at most. */
  roundBatch: number;
}

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** A deployment's pending work in this process: answers to record and whether another round is wanted. */
interface Mailbox {
  steps: Map<string, StepOutcome>;
  verification?: HealthResult[] | { error: string };
  again: boolean;
  retry?: NodeJS.Timeout;
  /** A round with other deployments failed: this one gets rounds of its own until one succeeds. */
  solo?: boolean;
}

/**
 * Runs the saga. Each deployment has a mailbox in this process: a provider answer is put there and the deployment
 * waits for the next round. A round is one transaction (DeploymentCoordinator.advanceMany) that records every answer
 * waiting for the deployments it takes and dispatches what became runnable, in one commit. Up to `concurrentRounds`
 * rounds run at once and each takes up to `roundBatch` waiting deployments, so under load answers of many deployments
 * share one commit (group commit), while a deployment alone still gets a round at once. When every running round has
 * run for `slowRoundMs` (a large plan becoming steps, a wait on a lock), another may start beside them, up to
 * `maxRounds`, so one slow round does not stall every other deployment. A deployment is in at most one
 * round at a time. If a round of several deployments fails, each of them is retried in a round of its own, so one
 * deployment's problem never holds back the others. A loop wakes deployments whose timer is due (gate and approval
 * deadlines, step backoff, heartbeats). Nothing here is state: a process killed at any point loses its mailboxes and
 * in-flight calls, whose steps are still `running` in PostgreSQL; the next process dispatches them again with the
 * same idempotency keys (start-up wakes every saga with provider work).
 */
@Injectable()
export class SagaDriver implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** Step ids (and `verify:<deployment>`) whose provider call runs in this process or whose answer is not yet recorded. */
  private readonly inFlight = new Set<string>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly mailboxes = new Map<string, Mailbox>();
  /** Deployments waiting for a round, in arrival order. */
  private readonly ready = new Set<string>();
  /** Deployments in a running round. */
  private readonly inRound = new Set<string>();
  /** Running rounds and when each started (performance.now()). */
  private readonly rounds = new Map<Promise<void>, number>();
  private slowCheck: NodeJS.Timeout | undefined;
  private readonly calls: Semaphore;
  private readonly metrics: SagaMetrics;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly coordinator: DeploymentCoordinator,
    private readonly unitOfWork: UnitOfWork,
    @Inject(CLOUD_PROVIDER) private readonly provider: CloudProvider,
    @Inject(SAGA_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SAGA_LOGGER) private readonly logger: Logger,
    @Inject(SAGA_OPTIONS) private readonly options: SagaOptions,
    @Optional() @Inject(SAGA_METRICS_REGISTRY) registry?: Registry,
  ) {
    this.calls = new Semaphore(options.maxConcurrentCalls);
    this.metrics = new SagaMetrics(registry);
  }

  async onApplicationBootstrap(): Promise<void> {
    const resumed = await new SagaStore(this.dataSource.manager, this.options.schema).wakeProviderWork();
    if (resumed) this.logger.info({ resumed }, 'resuming open deployment sagas');
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    for (const box of this.mailboxes.values()) clearTimeout(box.retry);
    // in-flight provider calls finish and are recorded; anything cut short is redone by the next process
    while (this.running.size || this.rounds.size) await Promise.allSettled([...this.running, ...this.rounds.keys()]);
    clearTimeout(this.slowCheck);
  }

  /** Advance this deployment now (after a commit elsewhere changed it: an approval, a cancel, a gate answer). */
  kick(deploymentId: string): void {
    this.schedule(deploymentId);
  }

  private mailbox(id: string): Mailbox {
    let box = this.mailboxes.get(id);
    if (!box) {
      box = { steps: new Map(), again: false };
      this.mailboxes.set(id, box);
    }
    return box;
  }

  /** The deployment gets a round: the next one that starts, or right after the one it is in. */
  private schedule(id: string): void {
    const box = this.mailbox(id);
    box.again = true;
    if (this.inRound.has(id) || box.retry) return;
    this.ready.add(id);
    this.pump();
  }

  /** Whether another round may start now; if only slowness would allow it, checks again when the youngest round turns slow. */
  private roomForRound(): boolean {
    if (this.rounds.size < this.options.concurrentRounds) return true;
    if (this.rounds.size >= this.options.maxRounds) return false;
    const youngest = Math.max(...this.rounds.values());
    const slowIn = youngest + this.options.slowRoundMs - performance.now();
    if (slowIn <= 0) return true;
    if (!this.slowCheck && !this.stopping) {
      this.slowCheck = setTimeout(() => {
        this.slowCheck = undefined;
        this.pump();
      }, Math.ceil(slowIn));
    }
    return false;
  }

  /** Starts rounds while there are waiting deployments and room for a round. */
  private pump(): void {
    while (this.ready.size && this.roomForRound()) {
      const ids: string[] = [];
      for (const id of this.ready) {
        const box = this.mailbox(id);
        if (this.stopping && !box.steps.size && !box.verification) {
          // shutting down: only answers are still recorded
          this.ready.delete(id);
          box.again = false;
          continue;
        }
        if (box.solo) {
          if (ids.length === 0) ids.push(id);
          break;
        }
        ids.push(id);
        if (ids.length >= this.options.roundBatch) break;
      }
      if (!ids.length) {
        // only solo deployments behind a batch that filled up, or nothing left
        const solo = [...this.ready].find((id) => this.mailboxes.get(id)?.solo);
        if (!solo) break;
        ids.push(solo);
      }
      this.startRound(ids);
    }
  }

  private startRound(ids: string[]): void {
    for (const id of ids) {
      this.ready.delete(id);
      this.inRound.add(id);
    }
    const work: Promise<void> = this.round(ids).finally(() => {
      this.rounds.delete(work);
      for (const id of ids) {
        this.inRound.delete(id);
        const box = this.mailboxes.get(id);
        if (!box) continue;
        if (box.again && !box.retry) this.ready.add(id);
        else if (!box.again && !box.steps.size && !box.verification && !box.retry) this.mailboxes.delete(id);
      }
      this.pump();
    });
    this.rounds.set(work, performance.now());
  }

  private async round(ids: string[]): Promise<void> {
    const items: RoundItem[] = ids.map((id) => {
      const box = this.mailbox(id);
      box.again = false;
      const answers = { steps: new Map(box.steps), ...(box.verification ? { verification: box.verification } : {}), recordOnly: this.stopping };
      box.steps.clear();
      box.verification = undefined;
      return { id, answers };
    });
    const asked = performance.now();
    let held = asked;
    let activities: Map<string, Activity[]>;
    try {
      activities = await this.unitOfWork.run((tx) => {
        held = performance.now();
        return this.coordinator.advanceMany(tx, items, this.inFlight);
      });
    } catch (error) {
      // keep the answers (newer ones win); a crash instead leaves the steps running, redone on restart
      for (const { id, answers } of items) {
        const box = this.mailbox(id);
        for (const [stepId, outcome] of answers.steps) if (!box.steps.has(stepId)) box.steps.set(stepId, outcome);
        box.verification ??= answers.verification;
        if (this.stopping) continue;
        if (items.length > 1) {
          box.solo = true;
          box.again = true;
        } else {
          box.retry = setTimeout(() => {
            box.retry = undefined;
            this.schedule(id);
          }, 1000);
        }
      }
      if (items.length > 1) this.logger.warn({ err: error, deployments: ids.length }, 'a saga round of several deployments failed; each is retried in a round of its own');
      else this.logger.error({ err: error, deploymentId: ids[0] }, 'a saga round failed; retrying in 1 s');
      return;
    }
    const ended = performance.now();
    const answered: string[] = [];
    const started: Activity[] = [];
    for (const { id, answers } of items) {
      const box = this.mailboxes.get(id);
      if (box) box.solo = false;
      for (const stepId of answers.steps.keys()) {
        this.inFlight.delete(stepId);
        answered.push(stepId);
      }
      if (answers.verification) this.inFlight.delete(`verify:${id}`);
      started.push(...(activities.get(id) ?? []));
    }
    this.metrics.round(ended - asked, ended - held, items.length, answered, started);
    for (const activity of started) this.start(activity);
  }

  private async run(): Promise<void> {
    let orphanCheck = 0;
    while (!this.stopping) {
      try {
        for (const id of await new SagaStore(this.dataSource.manager, this.options.schema).due(this.options.batch)) this.schedule(id);
        if (++orphanCheck % 50 === 0) await this.promoteOrphans();
      } catch (error) {
        if (!this.stopping) this.logger.error({ err: error }, 'saga loop failed; retrying');
      }
      if (this.stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** Safety net: a queued deployment whose environment has no lock holder gets it. */
  private async promoteOrphans(): Promise<void> {
    const orphans = await new SagaStore(this.dataSource.manager, this.options.schema).orphanQueued(20);
    for (const o of orphans) {
      await this.unitOfWork.run(async (tx) => {
        const store = this.coordinator.store(tx);
        await store.serialiseEnvironment(o.stack, o.environment);
        await this.coordinator.promote(tx, o.stack, o.environment);
      });
    }
  }

  private start(activity: Activity): void {
    const key = activity.kind === 'step' ? activity.step.id : `verify:${activity.deploymentId}`;
    if (this.inFlight.has(key)) return;
    this.inFlight.add(key);
    const work = (activity.kind === 'step' ? this.runStep(activity) : this.runVerify(activity))
      .then(
        (delivered) => {
          if (!delivered) this.inFlight.delete(key); // cut short by shutdown: the next process redoes it
        },
        (error: unknown) => {
          this.inFlight.delete(key);
          this.logger.error({ err: error, deploymentId: activity.deploymentId }, 'an activity failed outside the provider call; the next round redoes it');
        },
      )
      .finally(() => this.running.delete(work));
    this.running.add(work);
  }

  /** Calls the provider and puts the answer in the deployment's mailbox (false when shutting down cut the call short). */
  private async runStep(activity: Extract<Activity, { kind: 'step' }>): Promise<boolean> {
    const { step } = activity;
    const outcome = await this.calls.run(async (): Promise<StepOutcome> => {
      const calledAt = Date.now();
      const failure = (code: string, message: string, retryable: boolean): StepOutcome => ({ ok: false, code, message, retryable, calledAt, answeredAt: Date.now() });
      if (!step.spec) return failure('invalid-request', `step ${step.address} has no resource spec`, false);
      try {
        const { stack, environment } = activity;
        const result = await withTimeout(
          this.provider.apply({ idempotencyKey: activity.idempotencyKey, stack, environment, deploymentId: activity.deploymentId, operation: step.action, resource: step.spec }),
          activity.timeoutMs,
          `${step.action} ${step.address}`,
        );
        return { ok: true, result, calledAt, answeredAt: Date.now() };
      } catch (error) {
        if (isProviderError(error)) {
          // a create retried after a lost answer finds its own resource: the goal is reached
          if (error.code === 'already-exists' && step.action === 'create' && step.attempts > 1) {
            const existing = await this.provider.describe(activity.stack, activity.environment, step.address);
            if (existing) return { ok: true, result: { operation: 'create', address: step.address, presence: 'present', resource: existing, replayed: true, noop: true }, calledAt, answeredAt: Date.now() };
          }
          return failure(error.code, error.message, error.retryable);
        }
        if (error instanceof StepTimeoutError) return failure('timeout', error.message, true);
        return failure('internal', error instanceof Error ? error.message : String(error), true);
      }
    });
    if (this.stopping && !outcome.ok && outcome.code === 'internal') return false;
    this.mailbox(activity.deploymentId).steps.set(step.id, outcome);
    this.schedule(activity.deploymentId);
    return true;
  }

  private async runVerify(activity: Extract<Activity, { kind: 'verify' }>): Promise<boolean> {
    let results: HealthResult[] | { error: string };
    try {
      results = await this.calls.run(() => this.provider.healthOf(activity.stack, activity.environment, activity.addresses));
    } catch (error) {
      results = { error: error instanceof Error ? error.message : String(error) };
    }
    this.mailbox(activity.deploymentId).verification = results;
    this.schedule(activity.deploymentId);
    return true;
  }
}

/**
 * The coordinator's own cost, as Prometheus summaries. A round's time is shared equally among the steps it handled
 * (answers recorded and steps dispatched), and a step attempt's overhead is its share of the round that dispatched it
 * plus its share of the round that recorded its answer — once for the time the round held its connection (its
 * statements and commit) and once with the wait for a pooled connection added.
 */
class SagaMetrics {
  private readonly summaries?: { round: Summary; roundHeld: Summary; roundDeployments: Summary; step: Summary; stepWithWait: Summary };
  /** Shares (ms) of the dispatching round, per step whose answer is not recorded yet. */
  private readonly dispatchShare = new Map<string, { held: number; total: number }>();

  constructor(registry?: Registry) {
    if (!registry) return;
    const common = { percentiles: [0.5, 0.9, 0.99], registers: [registry] };
    this.summaries = {
      round: new Summary({ name: 'cw_saga_round_seconds', help: 'One saga round (record the answers, dispatch the runnable steps), from asking for a pooled connection to the commit', ...common }),
      roundHeld: new Summary({ name: 'cw_saga_round_held_seconds', help: 'One saga round while it holds its connection: its statements and the commit', ...common }),
      roundDeployments: new Summary({ name: 'cw_saga_round_deployments', help: 'Deployments advanced by one saga round (one commit)', ...common }),
      step: new Summary({
        name: 'cw_saga_step_overhead_seconds',
        help: 'Coordinator time per step attempt: its share of the connection-holding time of the round that dispatched it and of the round that recorded its answer',
        ...common,
      }),
      stepWithWait: new Summary({ name: 'cw_saga_step_overhead_with_pool_wait_seconds', help: 'The same, with the rounds\' waits for a pooled connection included', ...common }),
    };
  }

  round(totalMs: number, heldMs: number, deployments: number, answered: Iterable<string>, dispatched: readonly Activity[]): void {
    const m = this.summaries;
    if (!m) return;
    m.round.observe(totalMs / 1000);
    m.roundHeld.observe(heldMs / 1000);
    m.roundDeployments.observe(deployments);
    const answers = [...answered];
    const steps = dispatched.filter((a) => a.kind === 'step');
    const handled = answers.length + steps.length;
    if (!handled) return;
    const share = { held: heldMs / handled, total: totalMs / handled };
    for (const id of answers) {
      const before = this.dispatchShare.get(id) ?? { held: 0, total: 0 };
      m.step.observe((before.held + share.held) / 1000);
      m.stepWithWait.observe((before.total + share.total) / 1000);
      this.dispatchShare.delete(id);
    }
    for (const a of steps) {
      const before = this.dispatchShare.get(a.step.id) ?? { held: 0, total: 0 };
      this.dispatchShare.set(a.step.id, { held: before.held + share.held, total: before.total + share.total });
    }
    if (this.dispatchShare.size > 100_000) this.dispatchShare.clear();
  }
}

class StepTimeoutError extends Error {}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StepTimeoutError(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
