import { type ApplyRequest, type ApplyResult, type CloudProvider, type HealthResult } from '@cloudwright/cloud-provider';
import { type Logger, type UnitOfWork } from '@cloudwright/messaging';
import { type DataSource } from 'typeorm';
import { type Activity, type DeploymentCoordinator, type RoundItem } from './deployment-coordinator';
import { SagaDriver, type SagaOptions } from './saga-driver';
import { type StepRow } from './saga-store';

/**
 * The driver's scheduling of rounds (group commit, one round per deployment at a time, solo retries), with a scripted
 * coordinator in place of the transactional one: what a round does in PostgreSQL is covered by the saga integration
 * tests; here only which deployments and answers each round is given.
 */

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const flush = async (times = 5) => {
  for (let i = 0; i < times; i++) await new Promise((r) => setImmediate(r));
};

function step(id: string, deploymentId: string): StepRow {
  return {
    id,
    deploymentId,
    ordinal: 1,
    seq: 1,
    address: `aws_vpc.${id}`,
    resourceType: 'aws_vpc',
    cloud: 'aws',
    region: 'us-east-1',
    action: 'create',
    phase: 'forward',
    compensates: null,
    status: 'running',
    attempts: 1,
    dependsOn: [],
    spec: { address: `aws_vpc.${id}`, type: 'aws_vpc', cloud: 'aws', region: 'us-east-1', attributes: {}, dependsOn: [] },
    providerId: null,
    errorCode: null,
    errorMessage: null,
    note: null,
    nextAttemptAt: null,
    startedAt: new Date(),
    finishedAt: null,
    callStartedAt: null,
    callFinishedAt: null,
  };
}

const activity = (deploymentId: string, stepId: string): Activity => ({
  kind: 'step',
  deploymentId,
  stack: `stack-${deploymentId}`,
  environment: 'test',
  step: step(stepId, deploymentId),
  idempotencyKey: `${deploymentId}:${stepId}:1`,
  timeoutMs: 10_000,
});

/** A coordinator whose rounds wait until the test lets them finish (or fail), recording what each was given. */
class ScriptedCoordinator {
  readonly rounds: { items: RoundItem[]; done: ReturnType<typeof deferred> }[] = [];
  running = 0;
  maxRunning = 0;
  /** Activities handed out by the next round of a deployment. */
  readonly next = new Map<string, Activity[]>();
  /** Rounds of more than one deployment fail with this error. */
  failBatches: Error | undefined;

  async advanceMany(_tx: unknown, items: readonly RoundItem[]): Promise<Map<string, Activity[]>> {
    const round = { items: items.map((i) => ({ id: i.id, answers: { ...i.answers, steps: new Map(i.answers.steps) } })), done: deferred() };
    this.rounds.push(round);
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      await round.done.promise;
      if (this.failBatches && items.length > 1) throw this.failBatches;
      const out = new Map<string, Activity[]>();
      for (const { id } of items) {
        out.set(id, this.next.get(id) ?? []);
        this.next.delete(id);
      }
      return out;
    } finally {
      this.running--;
    }
  }

  ids(round: number): string[] {
    return this.rounds[round]?.items.map((i) => i.id) ?? [];
  }

  /** Lets every round started so far finish. */
  finishAll(): void {
    for (const r of this.rounds) r.done.resolve();
  }
}

class AnsweringProvider implements CloudProvider {
  readonly name = 'test';
  readonly applied: string[] = [];
  apply(request: ApplyRequest): Promise<ApplyResult> {
    this.applied.push(request.idempotencyKey);
    return Promise.resolve({ operation: request.operation, address: request.resource.address, presence: 'present', resource: null, replayed: false, noop: false });
  }
  describe(): Promise<null> {
    return Promise.resolve(null);
  }
  health(_stack: string, _environment: string, address: string): Promise<HealthResult> {
    return Promise.resolve({ address, healthy: true, detail: 'ok' });
  }
  healthOf(_stack: string, _environment: string, addresses: readonly string[]): Promise<HealthResult[]> {
    return Promise.resolve(addresses.map((address) => ({ address, healthy: true, detail: 'ok' })));
  }
  list(): Promise<[]> {
    return Promise.resolve([]);
  }
}

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as unknown as Logger;

function driver(options: Partial<SagaOptions> = {}) {
  const coordinator = new ScriptedCoordinator();
  const provider = new AnsweringProvider();
  const unitOfWork = { run: <T>(work: (tx: unknown) => Promise<T>) => work({}) } as unknown as UnitOfWork;
  const base = { schema: 'unused', pollMs: 1000, batch: 100, maxConcurrentCalls: 8, concurrentRounds: 1, roundBatch: 32, slowRoundMs: 60_000, ...options };
  const opts: SagaOptions = { maxRounds: base.concurrentRounds, ...base };
  const saga = new SagaDriver(coordinator as unknown as DeploymentCoordinator, unitOfWork, provider, {} as DataSource, silent, opts);
  return { saga, coordinator, provider };
}

describe('SagaDriver rounds', () => {
  beforeEach(() => jest.useRealTimers());

  it('gives deployments that became ready during a round one round together (group commit), one round at a time', async () => {
    const { saga, coordinator } = driver();
    saga.kick('a');
    await flush();
    expect(coordinator.ids(0)).toEqual(['a']);
    saga.kick('b');
    saga.kick('c');
    saga.kick('a'); // a again while its round runs: after it, with the others
    await flush();
    expect(coordinator.rounds).toHaveLength(1);
    coordinator.finishAll();
    await flush();
    expect(coordinator.ids(1)).toEqual(['b', 'c', 'a']);
    expect(coordinator.maxRunning).toBe(1);
    coordinator.finishAll();
    await flush();
    expect(coordinator.rounds).toHaveLength(2);
  });

  it('takes at most roundBatch deployments per round and runs up to concurrentRounds rounds at once', async () => {
    const { saga, coordinator } = driver({ roundBatch: 2, concurrentRounds: 2 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) saga.kick(id);
    await flush();
    expect(coordinator.rounds.map((r) => r.items.map((i) => i.id))).toEqual([['a'], ['b']]);
    coordinator.finishAll();
    await flush();
    expect(coordinator.rounds.slice(2).map((r) => r.items.map((i) => i.id))).toEqual([['c', 'd'], ['e']]);
    expect(coordinator.maxRunning).toBe(2);
    coordinator.finishAll();
    await flush();
  });

  it('lets one more round start beside rounds that have run for slowRoundMs, up to maxRounds', async () => {
    const { saga, coordinator } = driver({ concurrentRounds: 1, maxRounds: 2, slowRoundMs: 30 });
    saga.kick('slow');
    await flush();
    saga.kick('b');
    await flush();
    expect(coordinator.rounds).toHaveLength(1); // b waits: the running round is not slow yet
    await new Promise((r) => setTimeout(r, 60));
    await flush();
    expect(coordinator.ids(1)).toEqual(['b']);
    saga.kick('c');
    await new Promise((r) => setTimeout(r, 60));
    await flush();
    expect(coordinator.rounds).toHaveLength(2); // maxRounds reached: c waits however slow they are
    coordinator.finishAll();
    await flush();
    expect(coordinator.ids(2)).toEqual(['c']);
    coordinator.finishAll();
    await flush();
  });

  it('calls the provider for the dispatched steps after the commit and records the answers in a later round', async () => {
    const { saga, coordinator, provider } = driver();
    coordinator.next.set('a', [activity('a', 's1'), activity('a', 's2')]);
    coordinator.next.set('b', [activity('b', 's3')]);
    saga.kick('a');
    saga.kick('b');
    await flush();
    expect(provider.applied).toEqual([]);
    for (let i = 0; i < 5; i++) {
      coordinator.finishAll();
      await flush();
    }
    expect(provider.applied.sort()).toEqual(['a:s1:1', 'a:s2:1', 'b:s3:1']);
    const answered = coordinator.rounds.slice(1).flatMap((r) => r.items.flatMap((i) => [...i.answers.steps.keys()]));
    expect(answered.sort()).toEqual(['s1', 's2', 's3']);
  });

  it('retries each deployment of a failed round in a round of its own, keeping its answers', async () => {
    const { saga, coordinator } = driver();
    coordinator.next.set('a', [activity('a', 's1')]);
    saga.kick('x'); // holds the only round slot while a's answer, b and c arrive
    saga.kick('a');
    await flush();
    expect(coordinator.ids(0)).toEqual(['x']);
    coordinator.rounds[0]?.done.resolve();
    await flush();
    expect(coordinator.ids(1)).toEqual(['a']);
    saga.kick('x');
    await flush();
    coordinator.rounds[1]?.done.resolve(); // a dispatches s1, whose answer arrives while x's second round runs
    await flush(10);
    expect(coordinator.ids(2)).toEqual(['x']);
    saga.kick('b');
    saga.kick('c');
    coordinator.rounds[2]?.done.resolve();
    await flush();
    expect(coordinator.ids(3)).toEqual(['a', 'b', 'c']);
    coordinator.failBatches = new Error('deadlock detected');
    for (let i = 0; i < 6; i++) {
      coordinator.finishAll();
      await flush();
    }
    const after = coordinator.rounds.slice(4);
    expect(after.map((r) => r.items.length)).toEqual([1, 1, 1]);
    expect(after.map((r) => r.items[0]?.id)).toEqual(['a', 'b', 'c']);
    expect([...(after[0]?.items[0]?.answers.steps.keys() ?? [])]).toEqual(['s1']);
  });
});
