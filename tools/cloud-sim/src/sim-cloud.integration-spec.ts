import { ProviderError } from '@cloudwright/cloud-provider';
import { createTestContext, type TestContext } from '@cloudwright/devenv';
import { applyRequest } from './__fixtures__/apply-requests';
import { SimCloud } from './sim-cloud';

describe(SimCloud.name, () => {
  let ctx: TestContext;
  let sim: SimCloud;

  beforeAll(async () => {
    ctx = await createTestContext('cloud-sim-apply');
    sim = await SimCloud.open({ databaseUrl: ctx.databaseUrl, schema: ctx.schema, seed: 42 });
  });

  afterAll(async () => {
    await sim?.close();
    await ctx?.dispose();
  });

  it('creates a resource with a provider id in the cloud shape and lists, describes and health-checks it', async () => {
    const result = await sim.apply(applyRequest('create', 'aws_vpc.main', { stack: 'create', resource: { attributes: { cidr_block: '10.0.0.0/16' } } }));
    expect(result).toMatchObject({ operation: 'create', address: 'aws_vpc.main', presence: 'present', replayed: false, noop: false });
    expect(result.resource?.providerId).toMatch(/^arn:aws:ec2:us-east-1:\d{12}:vpc\/vpc-[0-9a-f]{17}$/);
    expect(result.resource?.attributes).toMatchObject({ cidr_block: '10.0.0.0/16', id: expect.stringMatching(/^vpc-/) as unknown });
    await expect(sim.describe('create', 'staging', 'aws_vpc.main')).resolves.toEqual(result.resource);
    await expect(sim.list('create', 'staging')).resolves.toEqual([result.resource]);
    await expect(sim.describe('create', 'production', 'aws_vpc.main')).resolves.toBeNull();
    await expect(sim.health('create', 'staging', 'aws_vpc.main')).resolves.toMatchObject({ healthy: true });
    await expect(sim.health('create', 'staging', 'aws_vpc.absent')).resolves.toMatchObject({ healthy: false });
  });

  it('replays a seen idempotency key: same result, replayed, no second effect', async () => {
    const request = applyRequest('create', 'azurerm_kubernetes_cluster.aks', { stack: 'replay', resource: { attributes: { name: 'aks-1', dns_prefix: 'shop' } } });
    const first = await sim.apply(request);
    const again = await sim.apply(request);
    expect(again).toEqual({ ...first, replayed: true });
    expect(first.resource?.providerId).toBe(
      `/subscriptions/${sim.accounts.azureSubscriptionId}/resourceGroups/rg-replay-staging/providers/Microsoft.ContainerService/managedClusters/aks-1`,
    );
    await expect(sim.callCounts({ stack: 'replay' })).resolves.toEqual([
      { stack: 'replay', environment: 'staging', address: 'azurerm_kubernetes_cluster.aks', operation: 'create', count: 1 },
    ]);
  });

  it('gives 20 concurrent calls with one key one effect: one original result and 19 replays', async () => {
    const request = applyRequest('create', 'google_sql_database_instance.db', { stack: 'race', resource: { attributes: { name: 'orders' } } });
    const results = await Promise.all(Array.from({ length: 20 }, () => sim.apply(request)));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.resource?.providerId)).size).toBe(1);
    await expect(sim.callCounts({ stack: 'race' })).resolves.toEqual([
      { stack: 'race', environment: 'staging', address: 'google_sql_database_instance.db', operation: 'create', count: 1 },
    ]);
  });

  it('gives one effect per key when two processes (two SimClouds) race with the same keys', async () => {
    const second = await SimCloud.open({ databaseUrl: ctx.databaseUrl, schema: ctx.schema, poolMax: 2 });
    try {
      const requests = Array.from({ length: 30 }, (_, n) => applyRequest('create', `aws_sns_topic.t${n}`, { stack: 'two-procs' }));
      const results = await Promise.all(requests.flatMap((request) => [sim.apply(request), second.apply(request)]));
      expect(results.filter((r) => !r.replayed)).toHaveLength(30);
      const counts = await sim.callCounts({ stack: 'two-procs' });
      expect(counts).toHaveLength(30);
      expect(counts.every((c) => c.count === 1)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('keeps many concurrent calls on one stack from starving other stacks on a small pool', async () => {
    const small = await SimCloud.open({ databaseUrl: ctx.databaseUrl, schema: ctx.schema, poolMax: 2 });
    try {
      let busyDone = 0;
      const busy = Array.from({ length: 40 }, (_, n) =>
        small.apply(applyRequest('create', `aws_sqs_queue.q${n}`, { stack: 'busy' })).then((result) => {
          busyDone += 1;
          return result;
        }),
      );
      const other = await small.apply(applyRequest('create', 'aws_sqs_queue.other', { stack: 'quiet' }));
      expect(other.presence).toBe('present');
      // the busy stack's calls queue in process and hold one connection at a time: the other stack is not stuck behind them
      expect(busyDone).toBeLessThan(20);
      await expect(Promise.all(busy)).resolves.toHaveLength(40);
      await expect(small.list('busy', 'staging')).resolves.toHaveLength(40);
    } finally {
      await small.close();
    }
  });

  it('reports a store failure as a retryable ProviderError internal from every port call', async () => {
    const closed = await SimCloud.open({ databaseUrl: ctx.databaseUrl, schema: ctx.schema });
    await closed.close();
    for (const call of [
      () => closed.apply(applyRequest('create', 'aws_vpc.closed', { stack: 'closed' })),
      () => closed.describe('closed', 'staging', 'aws_vpc.closed'),
      () => closed.list('closed', 'staging'),
      () => closed.health('closed', 'staging', 'aws_vpc.closed'),
    ]) {
      await expect(call()).rejects.toMatchObject({ name: 'ProviderError', code: 'internal', retryable: true });
    }
  });

  it('refuses to reuse a key for another request', async () => {
    const request = applyRequest('create', 'aws_s3_bucket.logs', { stack: 'mismatch' });
    await sim.apply(request);
    const other = applyRequest('create', 'aws_s3_bucket.other', { stack: 'mismatch', key: request.idempotencyKey });
    await expect(sim.apply(other)).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringContaining('cannot be reused') as unknown });
  });

  it('refuses a create of a present address under another key, and deletes an absent one as a no-op', async () => {
    await sim.apply(applyRequest('create', 'aws_sqs_queue.jobs', { stack: 'dup' }));
    await expect(sim.apply(applyRequest('create', 'aws_sqs_queue.jobs', { stack: 'dup' }))).rejects.toMatchObject({ code: 'already-exists', retryable: false });
    const deleted = await sim.apply(applyRequest('delete', 'aws_sqs_queue.jobs', { stack: 'dup' }));
    expect(deleted).toMatchObject({ presence: 'absent', resource: null, noop: false });
    const again = await sim.apply(applyRequest('delete', 'aws_sqs_queue.jobs', { stack: 'dup' }));
    expect(again).toMatchObject({ presence: 'absent', noop: true, replayed: false });
    await expect(sim.callCounts({ stack: 'dup' })).resolves.toEqual([
      { stack: 'dup', environment: 'staging', address: 'aws_sqs_queue.jobs', operation: 'create', count: 1 },
      { stack: 'dup', environment: 'staging', address: 'aws_sqs_queue.jobs', operation: 'delete', count: 1 },
    ]);
  });

  it('updates attributes, keeps the provider id, and counts an identical update as a no-op', async () => {
    const created = await sim.apply(applyRequest('create', 'aws_instance.web', { stack: 'upd', resource: { attributes: { instance_type: 't3.micro' } } }));
    const updated = await sim.apply(applyRequest('update', 'aws_instance.web', { stack: 'upd', resource: { attributes: { instance_type: 't3.large' } } }));
    expect(updated).toMatchObject({ noop: false, resource: { providerId: created.resource?.providerId, attributes: { instance_type: 't3.large' } } });
    const same = await sim.apply(applyRequest('update', 'aws_instance.web', { stack: 'upd', resource: { attributes: { instance_type: 't3.large' } } }));
    expect(same.noop).toBe(true);
    await expect(sim.apply(applyRequest('update', 'aws_instance.gone', { stack: 'upd' }))).rejects.toMatchObject({ code: 'not-found' });
    await expect(sim.apply(applyRequest('update', 'aws_instance.web', { stack: 'upd', resource: { region: 'eu-west-1' } }))).rejects.toMatchObject({
      code: 'invalid-request',
    });
    const counts = await sim.callCounts({ stack: 'upd', address: 'aws_instance.web' });
    expect(counts.map((c) => [c.operation, c.count])).toEqual([
      ['create', 1],
      ['update', 1],
    ]);
  });

  it('requires dependencies before a create and refuses to delete what others depend on', async () => {
    const stack = 'deps';
    await expect(
      sim.apply(applyRequest('create', 'aws_subnet.private[0]', { stack, resource: { dependsOn: ['aws_vpc.main'] } })),
    ).rejects.toMatchObject({ code: 'dependency-missing', message: expect.stringContaining('aws_vpc.main') as unknown });
    await sim.apply(applyRequest('create', 'aws_vpc.main', { stack }));
    await sim.apply(applyRequest('create', 'aws_subnet.private[0]', { stack, resource: { dependsOn: ['aws_vpc.main', 'data.aws_ami.ubuntu'] } }));
    await sim.apply(applyRequest('create', 'aws_subnet.private[1]', { stack, resource: { dependsOn: ['aws_vpc.main'] } }));
    const refused = sim.apply(applyRequest('delete', 'aws_vpc.main', { stack }));
    await expect(refused).rejects.toBeInstanceOf(ProviderError);
    await expect(refused).rejects.toMatchObject({
      code: 'dependency-violation',
      message: expect.stringContaining('aws_subnet.private[0], aws_subnet.private[1]') as unknown,
    });
    await sim.apply(applyRequest('delete', 'aws_subnet.private[0]', { stack }));
    await sim.apply(applyRequest('delete', 'aws_subnet.private[1]', { stack }));
    await expect(sim.apply(applyRequest('delete', 'aws_vpc.main', { stack }))).resolves.toMatchObject({ presence: 'absent', noop: false });
    // refused calls had no effect and are not counted
    const counts = await sim.callCounts({ stack, address: 'aws_vpc.main' });
    expect(counts.map((c) => [c.operation, c.count])).toEqual([
      ['create', 1],
      ['delete', 1],
    ]);
  });

  it('enforces quotas per cloud, region and category, and a quota per region overrides the world default', async () => {
    await sim.setQuota({ category: 'kubernetes', limit: 2, cloud: 'gcp', region: 'europe-west1' });
    const cluster = (n: number, region = 'europe-west1') =>
      applyRequest('create', `google_container_cluster.c${n}`, { stack: 'quota', environment: region, resource: { region } });
    await sim.apply(cluster(1));
    await sim.apply(cluster(2));
    await expect(sim.apply(cluster(3))).rejects.toMatchObject({ code: 'quota-exceeded', message: expect.stringContaining('gcp europe-west1') as unknown });
    // another region keeps the default quota of 10
    await expect(sim.apply(cluster(3, 'us-east1'))).resolves.toMatchObject({ presence: 'present' });
    // a freed slot can be used again
    await sim.apply(applyRequest('delete', 'google_container_cluster.c1', { stack: 'quota', environment: 'europe-west1', resource: { region: 'europe-west1' } }));
    await expect(sim.apply(cluster(3))).resolves.toMatchObject({ presence: 'present' });
  });

  it('never lets concurrent creates exceed a quota', async () => {
    await sim.setQuota({ category: 'database', limit: 3, cloud: 'azure', region: 'northeurope' });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, n) =>
        sim.apply(applyRequest('create', `azurerm_postgresql_flexible_server.db${n}`, { stack: `quota-race-${n}`, resource: { region: 'northeurope' } })),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'quota-exceeded' });
  });

  it('rejects bad requests with errors naming the field, the region or the type', async () => {
    await expect(sim.apply(applyRequest('create', 'aws_vpc.x', { resource: { region: 'mars-north-1' } }))).rejects.toMatchObject({
      code: 'unknown-region',
      message: expect.stringContaining('mars-north-1') as unknown,
    });
    await expect(sim.apply(applyRequest('create', 'kubernetes_namespace.x', { resource: { type: 'kubernetes_namespace', cloud: 'aws' } }))).rejects.toMatchObject({
      code: 'unsupported-type',
    });
    await expect(sim.apply({ ...applyRequest('create', 'aws_vpc.x'), stack: '' })).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('stack') as unknown,
    });
    await expect(sim.apply(applyRequest('create', 'aws_vpc.x', { resource: { cloud: 'gcp' } }))).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('aws type') as unknown,
    });
  });

  it('replays a stored refusal of an impossible request with the same error', async () => {
    const request = applyRequest('create', 'aws_vpc.y', { stack: 'bad-region', resource: { region: 'moon-1' } });
    const first = await sim.apply(request).catch((error: unknown) => error);
    const second = await sim.apply(request).catch((error: unknown) => error);
    expect(first).toMatchObject({ code: 'unknown-region' });
    expect(second).toEqual(first);
  });

  it('accepts region null for global types and places regional types in the default region', async () => {
    const role = await sim.apply(applyRequest('create', 'aws_iam_role.app', { stack: 'global', resource: { region: null } }));
    expect(role.resource?.region).toBeNull();
    expect(role.resource?.providerId).toMatch(new RegExp(`^arn:aws:iam::${sim.accounts.awsAccountId}:role/app-[a-z0-9]{6}$`));
    const bucket = await sim.apply(applyRequest('create', 'google_storage_bucket.assets', { stack: 'global', resource: { region: 'us', attributes: { name: 'assets' } } }));
    expect(bucket.resource).toMatchObject({ region: 'US', providerId: 'https://www.googleapis.com/storage/v1/b/assets' });
    const vm = await sim.apply(applyRequest('create', 'azurerm_linux_virtual_machine.vm', { stack: 'global', resource: { region: null } }));
    expect(vm.resource?.region).toBe('eastus');
  });

  it('gives the same provider ids to the same calls in another world with the same seed', async () => {
    const other = await createTestContext('cloud-sim-apply-twin');
    const twin = await SimCloud.open({ databaseUrl: other.databaseUrl, schema: other.schema, seed: 42 });
    try {
      const request = applyRequest('create', 'aws_instance.twin', { stack: 'twin' });
      const here = await sim.apply(request);
      const there = await twin.apply(request);
      expect(there.resource?.providerId).toBe(here.resource?.providerId);
      await expect(SimCloud.open({ databaseUrl: other.databaseUrl, schema: other.schema, seed: 7 })).rejects.toThrow(/seed "42", not "7"/);
    } finally {
      await twin.close();
      await other.dispose();
    }
  });

  it('waits out provisioning latency scaled by latencyScale, without holding a connection', async () => {
    const slow = await SimCloud.open({ databaseUrl: ctx.databaseUrl, schema: ctx.schema, latencyScale: 0.001, poolMax: 1 });
    try {
      const started = Date.now();
      // a kubernetes cluster takes 600 simulated seconds: 0.6 s at this scale; a vpc 5 ms
      const cluster = slow.apply(applyRequest('create', 'aws_eks_cluster.main', { stack: 'latency' }));
      await new Promise((resolve) => setTimeout(resolve, 150));
      // with a pool of one connection, this call can only finish first if the cluster's call does not hold it while waiting
      await slow.apply(applyRequest('create', 'aws_vpc.fast', { stack: 'latency-2' }));
      const fastDone = Date.now() - started;
      await cluster;
      const clusterDone = Date.now() - started;
      expect(fastDone).toBeLessThan(500);
      expect(clusterDone).toBeGreaterThanOrEqual(590);
    } finally {
      await slow.close();
    }
  });
});
