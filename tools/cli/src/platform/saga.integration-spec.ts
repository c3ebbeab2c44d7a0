import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AlertRaisedV1, type DeploymentDetailDto, type DeploymentRequestedV1, type DeploymentSummaryDto, type RevisionDto } from '@cloudwright/contracts';
import { findRepoRoot } from '@cloudwright/devenv';
import { PLATFORM_START_TIMEOUT_MS, TOKENS, startPlatform, type Platform } from './__tests__/platform-harness';

const MULTI_CLOUD = JSON.parse(readFileSync(join(findRepoRoot(__dirname), 'examples/plans/multi-cloud.plan.json'), 'utf8')) as Record<string, unknown>;

/** A plan of a linear chain of AWS resources: vpc ← subnet ← security group ← instance (each refers to the previous). */
function chainPlan(stack: string): Record<string, unknown> {
  const chain = [
    { type: 'aws_vpc', name: 'main', values: { cidr_block: '10.0.0.0/16', tags: { stack } } },
    { type: 'aws_subnet', name: 'app', values: { cidr_block: '10.0.1.0/24', availability_zone: 'us-east-1a' } },
    { type: 'aws_security_group', name: 'app', values: { name: `${stack}-app`, description: 'app' } },
    { type: 'aws_instance', name: 'app', values: { ami: 'ami-0abcdef1234567890', instance_type: 't3.micro' } },
  ];
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: chain.map((r) => ({
      address: `${r.type}.${r.name}`,
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['create'], before: null, after: r.values, after_unknown: { id: true } },
    })),
    configuration: {
      provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } } },
      root_module: {
        resources: chain.map((r, i) => ({
          address: `${r.type}.${r.name}`,
          mode: 'managed',
          type: r.type,
          name: r.name,
          provider_config_key: 'aws',
          expressions: i === 0 ? {} : { ref: { references: [`${chain[i - 1].type}.${chain[i - 1].name}.id`, `${chain[i - 1].type}.${chain[i - 1].name}`] } },
        })),
      },
    },
  };
}
const CHAIN = ['aws_vpc.main', 'aws_subnet.app', 'aws_security_group.app', 'aws_instance.app'];

function request(stack: string, environment: string, plan: Record<string, unknown>, overrides: Partial<DeploymentRequestedV1> = {}): DeploymentRequestedV1 {
  const runId = randomUUID().slice(0, 8);
  return {
    requestKey: `github-actions:acme/infra:${runId}:${stack}:${environment}`,
    stack,
    environment,
    targetClouds: ['auto'],
    plan: { format: 'terraform-plan-json', inline: plan },
    ci: { provider: 'github-actions', runId, commit: 'a1b2c3d4e5f6', actor: 'ci-bot', repository: 'acme/infra' },
    ...overrides,
  };
}

describe('deployment saga (orchestrator + cost-tracker + compliance + simulated cloud, real NATS and PostgreSQL)', () => {
  let p: Platform;

  beforeAll(async () => {
    p = await startPlatform('saga');
  }, PLATFORM_START_TIMEOUT_MS);

  afterAll(async () => {
    await p?.dispose();
  });

  afterEach(async () => {
    await p.sim.clearFaults();
  });

  const creates = async (stack: string, environment: string) =>
    new Map((await p.sim.callCounts({ stack, environment })).filter((c) => c.operation === 'create').map((c) => [c.address, c.count]));

  it('deploys a multi-cloud stack through every gate, creating each resource exactly once', async () => {
    const id = await p.deploy(request('shop', 'dev', MULTI_CLOUD));
    const done = await p.waitFor(id, ['succeeded', 'blocked', 'rolled-back', 'rollback-failed']);
    expect(done.status).toBe('succeeded');
    expect(done.gates.map((g) => [g.gate, g.status])).toEqual([
      ['analysis', 'passed'],
      ['cost', 'passed'],
      ['compliance', 'passed'],
      ['approval', 'skipped'],
    ]);
    expect(done.clouds.sort()).toEqual(['aws', 'azure', 'gcp']);
    expect(done.revision).toBe(1);
    const forward = done.steps.filter((s) => s.phase === 'forward');
    expect(forward).toHaveLength(18);
    expect(forward.every((s) => s.status === 'succeeded')).toBe(true);
    // dependency order: a step starts only after the steps it depends on
    const seqOf = new Map(forward.map((s) => [s.id, s.seq ?? 0]));
    for (const s of forward) for (const d of s.dependsOn) expect(seqOf.get(d)).toBeLessThan(s.seq ?? 0);
    const counts = await creates('shop', 'dev');
    expect(counts.size).toBe(18);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect((await p.sim.list('shop', 'dev')).length).toBe(18);
    const types = (await p.events<{ deploymentId: string }>('cw.evt.deployment.succeeded.v1')).filter((e) => e.data.deploymentId === id);
    expect(types).toHaveLength(1);
    expect(types[0].correlationid).toBe(done.correlationId);
  });

  it('starts one deployment for the same request key sent twice', async () => {
    const req = request('idem', 'dev', chainPlan('idem'));
    const first = await p.deploy(req);
    const again = await p.api<{ deploymentId: string | null }>('POST', '/deployments', req, TOKENS.operator);
    expect([200, 202]).toContain(again.status);
    await p.waitFor(first, ['succeeded']);
    const list = await p.api<DeploymentSummaryDto[]>('GET', '/deployments?stack=idem');
    expect(list.body.map((d) => d.id)).toEqual([first]);
    expect([...(await creates('idem', 'dev')).values()]).toEqual([1, 1, 1, 1]);
  });

  it.each([1, 2, 3, 4])('rolls back in exact reverse order when step %i of 4 fails', async (position) => {
    const stack = `chain${position}`;
    await p.sim.injectFault({ match: { address: CHAIN[position - 1], operation: 'create' }, mode: 'fail', message: 'quota exhausted in test' });
    const id = await p.deploy(request(stack, 'dev', chainPlan(stack)));
    const done = await p.waitFor(id, ['rolled-back', 'succeeded', 'rollback-failed']);
    expect(done.status).toBe('rolled-back');
    expect(done.rollback?.reason).toBe('step-failed');
    const forward = done.steps.filter((s) => s.phase === 'forward');
    const succeeded = forward.filter((s) => s.status === 'succeeded').sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    expect(succeeded.map((s) => s.address)).toEqual(CHAIN.slice(0, position - 1));
    const compensations = done.steps.filter((s) => s.phase === 'compensation' && s.status === 'succeeded').sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    expect(compensations.map((s) => `${s.action} ${s.address}`)).toEqual(CHAIN.slice(0, position - 1).reverse().map((a) => `delete ${a}`));
    expect(await p.sim.list(stack, 'dev')).toEqual([]);
    const alerts = (await p.events<AlertRaisedV1>('cw.evt.alert.raised.v1')).filter((e) => e.data.stack === stack);
    expect(alerts.map((a) => a.data.dedupKey)).toEqual([`deployment-rolled-back:${stack}:dev`]);
  });

  it('runs two requests for one environment one after the other, the second visibly queued', async () => {
    await p.api('PUT', '/policies/queue-env', { approval: { required: true, count: 1, approvers: [], timeoutSeconds: 600 } });
    const first = await p.deploy(request('queued', 'queue-env', chainPlan('queued')));
    await p.waitFor(first, ['awaiting-approval']);
    const second = await p.deploy(request('queued', 'queue-env', chainPlan('queued')));
    const waiting = await p.waitFor(second, ['queued']);
    expect(waiting.queuePosition).toBe(1);
    const queue = await p.api<{ holder: { id: string } | null; queued: { id: string }[] }[]>('GET', '/queue?stack=queued&environment=queue-env', undefined, TOKENS.viewer);
    expect(queue.body[0].holder?.id).toBe(first);
    expect(queue.body[0].queued.map((q) => q.id)).toEqual([second]);
    expect((await p.api('POST', `/deployments/${first}/approve`, { comment: 'ok' }, TOKENS.approver)).status).toBe(200);
    const firstDone = await p.waitFor(first, ['succeeded']);
    const secondWaiting = await p.waitFor(second, ['awaiting-approval']);
    expect(new Date(secondWaiting.startedAt ?? 0).getTime()).toBeGreaterThanOrEqual(new Date(firstDone.finishedAt ?? 0).getTime());
    expect((await p.api('POST', `/deployments/${second}/reject`, { comment: 'not today' }, TOKENS.approver)).status).toBe(200);
    const rejected = await p.waitFor(second, ['rejected']);
    expect(rejected.approvals).toEqual([expect.objectContaining({ approver: 'alice', decision: 'reject', comment: 'not today' })]);
  });

  it('denies a deployment nobody approves before the deadline, and raises an alert', async () => {
    await p.api('PUT', '/policies/slow-approvals', { approval: { required: true, count: 1, approvers: [], timeoutSeconds: 1 } });
    const id = await p.deploy(request('denied', 'slow-approvals', chainPlan('denied')));
    const done = await p.waitFor(id, ['rejected', 'succeeded']);
    expect(done.status).toBe('rejected');
    expect(done.gates.find((g) => g.gate === 'approval')?.status).toBe('blocked');
    expect(await p.sim.list('denied', 'slow-approvals')).toEqual([]);
    const alerts = (await p.events<AlertRaisedV1>('cw.evt.alert.raised.v1')).filter((e) => e.data.stack === 'denied');
    expect(alerts.map((a) => a.data.kind)).toEqual(['deployment-approval-timeout']);
  });

  it('ends in rollback-failed with a critical alert when a compensation keeps failing', async () => {
    await p.api('PUT', '/policies/fragile', { compensationRetries: 1 });
    await p.sim.injectFault({ match: { address: 'aws_instance.app', operation: 'create' }, mode: 'fail' });
    await p.sim.injectFault({ match: { address: 'aws_subnet.app', operation: 'delete' }, mode: 'fail', message: 'subnet delete refused in test' });
    const id = await p.deploy(request('fragile', 'fragile', chainPlan('fragile')));
    const done = await p.waitFor(id, ['rollback-failed', 'rolled-back']);
    expect(done.status).toBe('rollback-failed');
    expect(done.reason).toContain('aws_subnet.app');
    const compensations = done.steps.filter((s) => s.phase === 'compensation' && s.status !== 'skipped');
    expect(compensations.map((s) => `${s.address}:${s.status}`)).toEqual(['aws_security_group.app:succeeded', 'aws_subnet.app:failed']);
    const alert = (await p.events<AlertRaisedV1>('cw.evt.alert.raised.v1')).find((e) => e.data.stack === 'fragile');
    expect(alert?.data).toMatchObject({ kind: 'deployment-rollback-failed', severity: 'critical', dedupKey: 'deployment-rollback-failed:fragile:fragile' });
    // the environment stays locked: a second request queues behind it
    const next = await p.deploy(request('fragile', 'fragile', chainPlan('fragile')));
    expect((await p.waitFor(next, ['queued'])).queuePosition).toBe(1);
    // the operator fixes the cloud and retries the compensation: the rollback completes, the queue moves on
    await p.sim.clearFaults();
    expect((await p.api('POST', `/deployments/${id}/retry`, {}, TOKENS.operator)).status).toBe(200);
    expect((await p.waitFor(id, ['rolled-back'])).status).toBe('rolled-back');
    expect((await p.waitFor(next, ['succeeded'])).status).toBe('succeeded');
  });

  it('blocks at the compliance gate and provisions nothing', async () => {
    // the multi-cloud example has high-severity findings: an environment whose compliance policy blocks on "high" stops it
    const policy = await fetch(`${p.gateUrls.compliance}/policies/strict`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.admin}` },
      body: JSON.stringify({ blockOn: 'high' }),
    });
    expect(policy.status).toBe(200);
    const id = await p.deploy(request('strict', 'strict', MULTI_CLOUD));
    const done = await p.waitFor(id, ['blocked', 'succeeded']);
    expect(done.status).toBe('blocked');
    expect(done.gates.find((g) => g.gate === 'compliance')?.status).toBe('blocked');
    expect(done.steps).toEqual([]);
    expect(await p.sim.list('strict', 'strict')).toEqual([]);
  });

  it('cancels a deployment awaiting approval without touching the cloud', async () => {
    await p.api('PUT', '/policies/gated', { approval: { required: true, count: 2, approvers: ['alice', 'bob'], timeoutSeconds: 600 } });
    const id = await p.deploy(request('gated', 'gated', chainPlan('gated')));
    await p.waitFor(id, ['awaiting-approval']);
    expect((await p.api('POST', `/deployments/${id}/approve`, {}, TOKENS.approver)).status).toBe(200);
    const again = await p.api<{ message: string }>('POST', `/deployments/${id}/approve`, {}, TOKENS.approver);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('already decided');
    expect((await p.api('POST', `/deployments/${id}/cancel`, { reason: 'change window closed' }, TOKENS.operator)).status).toBe(200);
    const done = await p.waitFor(id, ['cancelled']);
    expect(done.reason).toContain('change window closed');
    expect(await p.sim.callCounts({ stack: 'gated' })).toEqual([]);
  });

  it('pauses on failure when the environment says so, and a retry finishes the deployment', async () => {
    await p.api('PUT', '/policies/paused', { onFailure: 'pause' });
    const fault = await p.sim.injectFault({ match: { address: 'aws_security_group.app', operation: 'create' }, mode: 'fail', times: 1 });
    void fault;
    const id = await p.deploy(request('paused', 'paused', chainPlan('paused')));
    const failed = await p.waitFor(id, ['failed', 'rolled-back']);
    expect(failed.status).toBe('failed');
    expect((await p.api('POST', `/deployments/${id}/retry`, {}, TOKENS.operator)).status).toBe(200);
    const done = await p.waitFor(id, ['succeeded', 'rolled-back']);
    expect(done.status).toBe('succeeded');
    expect([...(await creates('paused', 'paused')).values()]).toEqual([1, 1, 1, 1]);
  });

  it('rolls a stack back to an earlier revision', async () => {
    const first = await p.deploy(request('revs', 'dev', chainPlan('revs')));
    await p.waitFor(first, ['succeeded']);
    const grown = chainPlan('revs') as { resource_changes: Record<string, unknown>[]; configuration: { root_module: { resources: unknown[] } } };
    for (const rc of grown.resource_changes) (rc.change as { actions: string[]; before: unknown }).actions = ['no-op'];
    for (const rc of grown.resource_changes) (rc.change as { before: unknown; after: unknown }).before = (rc.change as { after: unknown }).after;
    grown.resource_changes.push({
      address: 'aws_s3_bucket.logs',
      mode: 'managed',
      type: 'aws_s3_bucket',
      name: 'logs',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['create'], before: null, after: { bucket: 'revs-logs' }, after_unknown: {} },
    });
    grown.configuration.root_module.resources.push({ address: 'aws_s3_bucket.logs', mode: 'managed', type: 'aws_s3_bucket', name: 'logs', provider_config_key: 'aws', expressions: {} });
    const second = await p.deploy(request('revs', 'dev', grown));
    const secondDone = await p.waitFor(second, ['succeeded']);
    expect(secondDone.revision).toBe(2);
    expect((await p.sim.list('revs', 'dev')).map((r) => r.address)).toContain('aws_s3_bucket.logs');
    const rollback = await p.api<DeploymentSummaryDto>('POST', `/deployments/${second}/rollback`, { reason: 'logs bucket not wanted' }, TOKENS.operator);
    expect(rollback.status).toBe(202);
    expect(rollback.body.kind).toBe('rollback');
    const restored = await p.waitFor(rollback.body.id, ['succeeded', 'rolled-back']);
    expect(restored.status).toBe('succeeded');
    expect(restored.steps.map((s) => `${s.action} ${s.address}`)).toEqual(['delete aws_s3_bucket.logs']);
    expect((await p.sim.list('revs', 'dev')).map((r) => r.address).sort()).toEqual([...CHAIN].sort());
    const revisions = await p.api<RevisionDto[]>('GET', '/stacks/revs/environments/dev/revisions', undefined, TOKENS.viewer);
    expect(revisions.body.map((r) => [r.revision, r.kind])).toEqual([
      [3, 'rollback'],
      [2, 'deploy'],
      [1, 'deploy'],
    ]);
  });

  it('resumes a saga after the coordinator stopped mid-deployment, creating every resource exactly once', async () => {
    // a slow cloud call keeps the saga mid-way while the coordinator stops
    await p.sim.injectFault({ match: { address: 'aws_security_group.app', operation: 'create' }, mode: 'slow', delayMs: 1500 });
    const id = await p.deploy(request('resume', 'dev', chainPlan('resume')));
    await waitUntil(async () => (await p.sim.callCounts({ stack: 'resume' })).some((c) => c.address === 'aws_subnet.app'));
    await p.stopOrchestrator();
    const midway = await p.sim.list('resume', 'dev');
    expect(midway.length).toBeLessThan(CHAIN.length);
    await p.startOrchestrator();
    const done = await p.waitFor(id, ['succeeded', 'rolled-back']);
    expect(done.status).toBe('succeeded');
    expect(Object.fromEntries(await creates('resume', 'dev'))).toEqual(Object.fromEntries(CHAIN.map((a) => [a, 1])));
  });

  it('compensates what it provisioned when cancelled mid-deployment, and ends cancelled', async () => {
    await p.sim.injectFault({ match: { address: 'aws_instance.app', operation: 'create' }, mode: 'slow', delayMs: 1500 });
    const id = await p.deploy(request('cancelme', 'dev', chainPlan('cancelme')));
    await waitUntil(async () => (await p.sim.callCounts({ stack: 'cancelme' })).some((c) => c.address === 'aws_security_group.app'));
    expect((await p.api('POST', `/deployments/${id}/cancel`, { reason: 'wrong commit' }, TOKENS.operator)).status).toBe(200);
    const done = await p.waitFor(id, ['cancelled', 'rolled-back', 'succeeded']);
    expect(done.status).toBe('cancelled');
    const compensations = done.steps.filter((s) => s.phase === 'compensation' && s.status === 'succeeded').map((s) => s.address);
    expect(compensations).toEqual([...CHAIN].reverse().slice(CHAIN.length - compensations.length));
    expect(compensations.length).toBeGreaterThanOrEqual(3);
    expect(await p.sim.list('cancelme', 'dev')).toEqual([]);
  });

  it('advances concurrent deployments of different stacks together, each step recorded and each resource created once', async () => {
    const stacks = ['many-a', 'many-b', 'many-c', 'many-d', 'many-e', 'many-f'];
    const ids = await Promise.all(stacks.map((stack) => p.deploy(request(stack, 'dev', chainPlan(stack)))));
    const done = await Promise.all(ids.map((id) => p.waitFor(id, ['succeeded', 'rolled-back', 'blocked', 'rollback-failed'])));
    expect(done.map((d) => d.status)).toEqual(stacks.map(() => 'succeeded'));
    for (const [i, stack] of stacks.entries()) {
      expect(Object.fromEntries(await creates(stack, 'dev'))).toEqual(Object.fromEntries(CHAIN.map((a) => [a, 1])));
      // every step attempt's provider call is on record, inside its dispatch → record window
      for (const step of done[i].steps.filter((s) => s.phase === 'forward')) {
        expect(step.attempts).toBe(1);
        const [started, called, answered, finished] = [step.startedAt, step.callStartedAt, step.callFinishedAt, step.finishedAt].map((t) => Date.parse(t ?? ''));
        expect(started).toBeLessThanOrEqual(called);
        expect(called).toBeLessThanOrEqual(answered);
        expect(answered).toBeLessThanOrEqual(finished);
      }
    }
    // one step-succeeded event per step (the outbox relays them shortly after each commit)
    const stepEvents = async () => (await p.events<{ deploymentId: string; stepId: string }>('cw.evt.deployment.step-succeeded.v1')).filter((e) => ids.includes(e.data.deploymentId));
    await waitUntil(async () => (await stepEvents()).length >= stacks.length * CHAIN.length);
    const events = await stepEvents();
    expect(events).toHaveLength(stacks.length * CHAIN.length);
    expect(new Set(events.map((e) => e.data.stepId)).size).toBe(events.length);
    const metrics = await (await fetch(`${p.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^cw_saga_round_deployments_count [1-9]\d*$/m);
  });

  it('answers with the deployment record: gates, timeline and steps', async () => {
    const list = await p.api<DeploymentSummaryDto[]>('GET', '/deployments?stack=shop', undefined, TOKENS.viewer);
    const detail = await p.api<DeploymentDetailDto>('GET', `/deployments/${list.body[0].id}`, undefined, TOKENS.viewer);
    expect(detail.body.timeline.map((t) => t.to)).toEqual(['queued', 'analyzing', 'estimating', 'scanning', 'provisioning', 'verifying', 'succeeded']);
    expect(detail.body.gates.find((g) => g.gate === 'cost')?.facts.monthly).toMatch(/^\d+(\.\d+)?$/);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
