import { createTestContext, type TestContext } from '@cloudwright/devenv';
import { applyRequest } from '../__fixtures__/apply-requests';
import { SimCloud } from '../sim-cloud';

describe('SimCloud fault injection', () => {
  let ctx: TestContext;
  let sim: SimCloud;

  beforeAll(async () => {
    ctx = await createTestContext('cloud-sim-faults');
    sim = await SimCloud.open({ databaseUrl: ctx.databaseUrl, schema: ctx.schema, seed: 'faults' });
  });

  afterEach(async () => {
    await sim.clearFaults();
  });

  afterAll(async () => {
    await sim?.close();
    await ctx?.dispose();
  });

  it('fails the next N matching calls, then lets them through; a failed call has no effect and keeps no key', async () => {
    const id = await sim.injectFault({ match: { type: 'aws_db_instance' }, mode: 'fail', times: 2 });
    expect(id).toMatch(/^fault-\d+$/);
    const request = applyRequest('create', 'aws_db_instance.main', { stack: 'times' });
    await expect(sim.apply(request)).rejects.toMatchObject({ code: 'injected-fault', retryable: false, message: expect.stringContaining(`injected by fault ${id}`) as unknown });
    await expect(sim.apply(request)).rejects.toMatchObject({ code: 'injected-fault' });
    // same key again: the refused calls gave it back, so this one is evaluated and succeeds
    await expect(sim.apply(request)).resolves.toMatchObject({ replayed: false, presence: 'present' });
    await expect(sim.describe('times', 'staging', 'aws_db_instance.main')).resolves.not.toBeNull();
    await expect(sim.listFaults()).resolves.toEqual([expect.objectContaining({ id, remaining: 0, hits: 2, mode: 'fail', times: 2 })]);
    await expect(sim.callCounts({ stack: 'times' })).resolves.toEqual([expect.objectContaining({ operation: 'create', count: 1 })]);
  });

  it('uses the given code and message, and applies only to the matching operation', async () => {
    await sim.injectFault({ match: { address: 'aws_sqs_queue.*', operation: 'delete' }, mode: 'fail', code: 'throttled', message: 'rate exceeded' });
    await sim.apply(applyRequest('create', 'aws_sqs_queue.q1', { stack: 'codes' }));
    await expect(sim.apply(applyRequest('delete', 'aws_sqs_queue.q1', { stack: 'codes' }))).rejects.toMatchObject({
      code: 'throttled',
      retryable: true,
      message: expect.stringMatching(/^injected by fault fault-\d+: rate exceeded$/) as unknown,
    });
  });

  it('makes a compensation (delete) fail forever until the fault is cleared', async () => {
    await sim.apply(applyRequest('create', 'google_storage_bucket.b', { stack: 'forever' }));
    await sim.injectFault({ match: { stack: 'forever', operation: 'delete' }, mode: 'fail' });
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(sim.apply(applyRequest('delete', 'google_storage_bucket.b', { stack: 'forever', key: 'forever-delete' }))).rejects.toMatchObject({
        code: 'injected-fault',
      });
    }
    await sim.clearFaults();
    await expect(sim.apply(applyRequest('delete', 'google_storage_bucket.b', { stack: 'forever', key: 'forever-delete' }))).resolves.toMatchObject({ noop: false });
  });

  it('fires a probability fault on the same calls in two worlds with the same seed, on about that share of calls', async () => {
    const run = async (world: SimCloud, stack: string): Promise<boolean[]> => {
      await world.injectFault({ match: { type: 'azurerm_storage_account' }, mode: 'fail', probability: 0.3 });
      const failed: boolean[] = [];
      for (let n = 0; n < 60; n++) {
        const outcome = await world.apply(applyRequest('create', `azurerm_storage_account.s${n}`, { stack, key: `${stack}-${n}` })).then(
          () => false,
          () => true,
        );
        failed.push(outcome);
      }
      return failed;
    };
    const other = await createTestContext('cloud-sim-faults-twin');
    const twin = await SimCloud.open({ databaseUrl: other.databaseUrl, schema: other.schema, seed: 'faults' });
    try {
      const here = await run(sim, 'chance');
      const there = await run(twin, 'chance');
      expect(there).toEqual(here);
      const share = here.filter(Boolean).length / here.length;
      expect(share).toBeGreaterThan(0.1);
      expect(share).toBeLessThan(0.5);
    } finally {
      await twin.close();
      await other.dispose();
    }
  });

  it('slows matching calls by delayMs without failing them', async () => {
    await sim.injectFault({ match: { type: 'aws_vpc' }, mode: 'slow', delayMs: 300, times: 1 });
    let started = Date.now();
    await expect(sim.apply(applyRequest('create', 'aws_vpc.slow', { stack: 'slow' }))).resolves.toMatchObject({ presence: 'present' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    started = Date.now();
    await sim.apply(applyRequest('create', 'aws_vpc.fast', { stack: 'slow' }));
    expect(Date.now() - started).toBeLessThan(250);
  });

  it('fails every call in a region during an outage (retryable), and health there is false', async () => {
    await sim.apply(applyRequest('create', 'azurerm_redis_cache.c', { stack: 'outage', resource: { region: 'westeurope' } }));
    await sim.regionOutage('azure', 'West Europe', true);
    await expect(sim.listOutages()).resolves.toEqual([expect.objectContaining({ cloud: 'azure', region: 'westeurope' })]);
    await expect(sim.apply(applyRequest('create', 'azurerm_virtual_network.v', { stack: 'outage', resource: { region: 'westeurope' } }))).rejects.toMatchObject({
      code: 'region-unavailable',
      retryable: true,
    });
    await expect(sim.apply(applyRequest('delete', 'azurerm_redis_cache.c', { stack: 'outage', resource: { region: 'westeurope' } }))).rejects.toMatchObject({
      code: 'region-unavailable',
    });
    await expect(sim.health('outage', 'staging', 'azurerm_redis_cache.c')).resolves.toMatchObject({ healthy: false });
    // another region of the same cloud still works
    await expect(sim.apply(applyRequest('create', 'azurerm_virtual_network.v', { stack: 'outage', resource: { region: 'northeurope' } }))).resolves.toBeDefined();
    await sim.regionOutage('azure', 'westeurope', false);
    await expect(sim.health('outage', 'staging', 'azurerm_redis_cache.c')).resolves.toMatchObject({ healthy: true });
    await expect(sim.regionOutage('azure', 'atlantis', true)).rejects.toMatchObject({ code: 'unknown-region' });
  });

  it('makes a health check fail only with a fault naming operation health', async () => {
    await sim.apply(applyRequest('create', 'aws_instance.h', { stack: 'health' }));
    await sim.injectFault({ match: { address: 'aws_instance.h' }, mode: 'fail' });
    await expect(sim.health('health', 'staging', 'aws_instance.h')).resolves.toMatchObject({ healthy: true });
    const id = await sim.injectFault({ match: { address: 'aws_instance.h', operation: 'health' }, mode: 'fail', times: 1 });
    await expect(sim.health('health', 'staging', 'aws_instance.h')).resolves.toEqual({
      address: 'aws_instance.h',
      healthy: false,
      detail: `injected by fault ${id}: health of aws_instance.h failed`,
    });
    await expect(sim.health('health', 'staging', 'aws_instance.h')).resolves.toMatchObject({ healthy: true });
  });

  it('checks several resources in one call as one by one: absent, in an outage, hit by a health fault, healthy', async () => {
    await sim.apply(applyRequest('create', 'aws_vpc.ok', { stack: 'many' }));
    await sim.apply(applyRequest('create', 'aws_instance.flaky', { stack: 'many' }));
    await sim.apply(applyRequest('create', 'aws_vpc.eu', { stack: 'many', resource: { region: 'eu-central-1' } }));
    await sim.regionOutage('aws', 'eu-central-1', true);
    const id = await sim.injectFault({ match: { address: 'aws_instance.flaky', operation: 'health' }, mode: 'fail', times: 1 });
    await expect(sim.healthOf('many', 'staging', ['aws_vpc.ok', 'aws_vpc.absent', 'aws_instance.flaky', 'aws_vpc.eu'])).resolves.toEqual([
      { address: 'aws_vpc.ok', healthy: true, detail: expect.stringMatching(/^aws_vpc arn:aws:ec2:us-east-1:\d{12}:vpc\/vpc-[0-9a-f]+ is running in us-east-1$/) as unknown },
      { address: 'aws_vpc.absent', healthy: false, detail: 'aws_vpc.absent does not exist in many/staging' },
      { address: 'aws_instance.flaky', healthy: false, detail: `injected by fault ${id}: health of aws_instance.flaky failed` },
      { address: 'aws_vpc.eu', healthy: false, detail: 'aws region eu-central-1 is unavailable (simulated outage)' },
    ]);
    await sim.regionOutage('aws', 'eu-central-1', false);
    // the fault fired once and is used up; the outage is over
    await expect(sim.healthOf('many', 'staging', ['aws_instance.flaky', 'aws_vpc.eu'])).resolves.toMatchObject([{ healthy: true }, { healthy: true }]);
    await expect(sim.healthOf('many', 'staging', [])).resolves.toEqual([]);
  });

  it('is seen by every process: a fault injected through one SimCloud fails a call through another', async () => {
    const second = await SimCloud.open({ databaseUrl: ctx.databaseUrl, schema: ctx.schema });
    try {
      await second.injectFault({ match: { stack: 'shared' }, mode: 'fail', times: 1 });
      await expect(sim.apply(applyRequest('create', 'aws_vpc.shared', { stack: 'shared' }))).rejects.toMatchObject({ code: 'injected-fault' });
      await expect(second.clearFaults()).resolves.toBe(1);
    } finally {
      await second.close();
    }
  });
});
