import { Inject, Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { isProviderError, type CloudProvider, type HealthResult } from '@cloudwright/cloud-provider';
import { UnitOfWork, type Logger } from '@cloudwright/messaging';
import { type DataSource } from 'typeorm';
import { DeploymentCoordinator, type Activity, type StepOutcome } from './deployment-coordinator';
import { SagaStore } from './saga-store';

export const CLOUD_PROVIDER = Symbol('CLOUD_PROVIDER');
export const SAGA_DATA_SOURCE = Symbol('SAGA_DATA_SOURCE');
export const SAGA_LOGGER = Symbol('SAGA_LOGGER');
export const SAGA_OPTIONS = Symbol('SAGA_OPTIONS');

export interface SagaOptions {
  schema: string;
  /** How often due timers are looked for. */
  pollMs: number;
  /** Deployments advanced per poll. */
  batch: number;
  /** Provider calls running at once in this process, across deployments. */
  maxConcurrentCalls: number;
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

/**
 * Runs the saga: a loop that advances deployments whose timer is due (gate and approval deadlines, step backoff,
 * heartbeats), and the activities the coordinator hands out (provider calls and health checks), whose outcomes are
 * recorded in their own transactions. Nothing here is state: a process killed at any point loses only its in-flight
 * calls, which the next process dispatches again with the same idempotency keys (startup wakes every open saga).
 */
@Injectable()
export class SagaDriver implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly inFlight = new Set<string>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly kicked = new Set<string>();
  private readonly calls: Semaphore;
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
  ) {
    this.calls = new Semaphore(options.maxConcurrentCalls);
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
    // in-flight provider calls finish and are recorded; anything cut short is redone by the next process
    await Promise.allSettled([...this.running]);
  }

  /** Advance this deployment soon (after a commit that changed it). */
  kick(deploymentId: string): void {
    this.kicked.add(deploymentId);
    this.wake?.();
  }

  private async run(): Promise<void> {
    let orphanCheck = 0;
    while (!this.stopping) {
      try {
        const ids = new Set(this.kicked);
        this.kicked.clear();
        for (const id of await new SagaStore(this.dataSource.manager, this.options.schema).due(this.options.batch)) ids.add(id);
        await Promise.all([...ids].map((id) => this.advance(id)));
        if (++orphanCheck % 50 === 0) await this.promoteOrphans();
      } catch (error) {
        if (!this.stopping) this.logger.error({ err: error }, 'saga loop failed; retrying');
      }
      if (this.stopping) break;
      if (this.kicked.size) continue;
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

  private advanceSoon(id: string): void {
    const work = this.advance(id)
      .catch((error: unknown) => {
        this.logger.error({ err: error, deploymentId: id }, 'advancing a deployment failed; the next tick retries it');
        this.kick(id);
      })
      .finally(() => this.running.delete(work));
    this.running.add(work);
  }

  async advance(id: string): Promise<void> {
    const activities = await this.unitOfWork.run((tx) => this.coordinator.advance(tx, id, this.inFlight));
    for (const activity of activities) this.start(activity);
  }

  private start(activity: Activity): void {
    const key = activity.kind === 'step' ? activity.step.id : `verify:${activity.deploymentId}`;
    if (this.inFlight.has(key)) return;
    this.inFlight.add(key);
    const work = (activity.kind === 'step' ? this.runStep(activity) : this.runVerify(activity))
      .catch((error: unknown) => this.logger.error({ err: error, deploymentId: activity.deploymentId }, 'recording an activity failed; the next tick retries it'))
      .finally(() => {
        this.inFlight.delete(key);
        this.running.delete(work);
        // advance at once (not with the next batch of the loop): the successors of a finished step start now
        if (!this.stopping) this.advanceSoon(activity.deploymentId);
      });
    this.running.add(work);
  }

  private async runStep(activity: Extract<Activity, { kind: 'step' }>): Promise<void> {
    const { step } = activity;
    const started = Date.now();
    const outcome = await this.calls.run(async (): Promise<StepOutcome> => {
      if (!step.spec) return { ok: false, code: 'invalid-request', message: `step ${step.address} has no resource spec`, retryable: false, durationMs: 0 };
      const [stack, environment] = await this.stackOf(activity.deploymentId);
      try {
        const result = await withTimeout(
          this.provider.apply({ idempotencyKey: activity.idempotencyKey, stack, environment, deploymentId: activity.deploymentId, operation: step.action, resource: step.spec }),
          activity.timeoutMs,
          `${step.action} ${step.address}`,
        );
        return { ok: true, result, durationMs: Date.now() - started };
      } catch (error) {
        if (isProviderError(error)) {
          // a create retried after a lost answer finds its own resource: the goal is reached
          if (error.code === 'already-exists' && step.action === 'create' && step.attempts > 1) {
            const existing = await this.provider.describe(stack, environment, step.address);
            if (existing) return { ok: true, result: { operation: 'create', address: step.address, presence: 'present', resource: existing, replayed: true, noop: true }, durationMs: Date.now() - started };
          }
          return { ok: false, code: error.code, message: error.message, retryable: error.retryable, durationMs: Date.now() - started };
        }
        if (error instanceof StepTimeoutError) return { ok: false, code: 'timeout', message: error.message, retryable: true, durationMs: Date.now() - started };
        return { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error), retryable: true, durationMs: Date.now() - started };
      }
    });
    if (this.stopping && !outcome.ok && outcome.code === 'internal') return; // shutting down: the next process redoes it
    await this.unitOfWork.run((tx) => this.coordinator.completeStep(tx, activity.deploymentId, step.id, outcome));
  }

  private async runVerify(activity: Extract<Activity, { kind: 'verify' }>): Promise<void> {
    let results: HealthResult[] | { error: string };
    try {
      const [stack, environment] = await this.stackOf(activity.deploymentId);
      results = await Promise.all(activity.addresses.map((a) => this.calls.run(() => this.provider.health(stack, environment, a))));
    } catch (error) {
      results = { error: error instanceof Error ? error.message : String(error) };
    }
    await this.unitOfWork.run((tx) => this.coordinator.completeVerification(tx, activity.deploymentId, results));
  }

  private readonly stacks = new Map<string, [string, string]>();
  private async stackOf(deploymentId: string): Promise<[string, string]> {
    const known = this.stacks.get(deploymentId);
    if (known) return known;
    const dep = await new SagaStore(this.dataSource.manager, this.options.schema).find(deploymentId);
    if (!dep) throw new Error(`deployment ${deploymentId} not found`);
    const pair: [string, string] = [dep.stack, dep.environment];
    if (this.stacks.size > 10_000) this.stacks.clear();
    this.stacks.set(deploymentId, pair);
    return pair;
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
