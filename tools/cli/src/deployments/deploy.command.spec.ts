import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DeploymentDetailDto, type DeploymentRequestedV1 } from '@cloudwright/contracts';
import { type CommandIo } from './command-io';
import { runDeploy } from './deploy.command';
import { DEPLOYMENT_ID, at, detailFactory, gate, scenario, startFakeOrchestrator, type FakeOrchestrator } from './__tests__/fake-orchestrator';

const dir = mkdtempSync(join(tmpdir(), 'cw-deploy-'));
const PLAN = join(dir, 'plan.json');
writeFileSync(PLAN, JSON.stringify({ format_version: '1.2', resource_changes: [] }));
const EMPTY_DATA_DIR = mkdtempSync(join(tmpdir(), 'cw-data-'));

interface Captured {
  io: CommandIo;
  stdout: () => string;
  stderr: () => string;
}

function capture(env: NodeJS.ProcessEnv, tty = false): Captured {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (t) => (out += t),
      stderr: (t) => (err += t),
      stdoutIsTty: tty,
      stderrIsTty: false,
      env,
      dataDir: EMPTY_DATA_DIR,
      now: () => new Date(at(10)),
      render: { utc: true },
      pollIntervalMs: 20,
    },
    stdout: () => out,
    stderr: () => err,
  };
}

const GH_ENV = { GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: '42', GITHUB_SHA: 'abc1234', GITHUB_ACTOR: 'octocat', GITHUB_REPOSITORY: 'acme/web' };
const deployArgs = (...extra: string[]) => ['--plan', PLAN, '--stack', 'web', '--env', 'staging', ...extra];

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe(runDeploy.name, () => {
  let api: FakeOrchestrator | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });
  const envFor = (server: FakeOrchestrator, token = 'op-token') => ({ ...GH_ENV, CW_API_URL: server.url, CW_API_TOKEN: token });

  it('submits the plan, follows gates and steps live, prints a summary and exits 0 on success', async () => {
    api = await startFakeOrchestrator({ stages: scenario('succeeded') });
    const run = capture(envFor(api));
    const code = await runDeploy(deployArgs('--clouds', 'aws', '--wait', '--timeout', '1m'), run.io);
    expect(run.stderr()).toBe('');
    expect(code).toBe(0);
    const out = run.stdout();
    const post = api.requests.find((r) => r.method === 'POST');
    const body = post?.body as DeploymentRequestedV1;
    expect(body).toMatchObject({ stack: 'web', environment: 'staging', targetClouds: ['aws'], requestKey: 'github-actions:acme/web:42:web:staging' });
    expect(body.ci).toMatchObject({ provider: 'github-actions', runId: '42', commit: 'abc1234' });
    expect(post?.authorization).toBe('Bearer op-token');
    expect(api.requests.some((r) => r.path === `/events?deploymentId=${DEPLOYMENT_ID}`)).toBe(true);
    expect(out).toContain(`deployment ${DEPLOYMENT_ID} — following it`);
    expect(out).toContain('12:00:03  gate       cost       passed   $412.77/month (within budget)');
    expect(out).toContain('12:00:05  step       + create aws_vpc.main (aws us-east-1) ✓ 0.4s');
    expect(out).toContain('12:00:08  step       + create aws_db_instance.main (aws us-east-1) ✓ 2.5s');
    expect(out).toContain('12:00:09  succeeded  revision 3: 2 created, 0 updated, 0 deleted in 9s');
    // Feed and poll both saw each gate and step: each is printed once.
    expect(count(out, 'gate       cost')).toBe(1);
    expect(count(out, 'aws_vpc.main')).toBe(1);
    expect(out).toMatch(new RegExp(`deployment ${DEPLOYMENT_ID} succeeded — stack web / staging\\n  duration   8s`));
    expect(out).toContain('  revision   3');
    expect(out).toContain('  exit code  0 (succeeded)');
    // Not a TTY: no progress bar, no control characters.
    expect(out).not.toContain('\r');
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('steps]');
  });

  it('draws a progress line in place on a TTY', async () => {
    api = await startFakeOrchestrator({ stages: scenario('succeeded') });
    const run = capture(envFor(api), true);
    await expect(runDeploy(deployArgs('--wait'), run.io)).resolves.toBe(0);
    expect(run.stdout()).toContain('[=========>          ] 1/2 steps');
    expect(run.stdout()).toContain('[====================] 2/2 steps');
    expect(run.stdout()).toContain('\r\x1b[2K');
  });

  it('prints only the final DeploymentDetailDto on stdout with --output json, and exits 2 when a gate blocks', async () => {
    const blocked = gate('compliance', 'blocked', '2 blocking findings', 4, ['CW-AWS-0001 aws_db_instance.main is not encrypted']);
    const stages = scenario('blocked', { gates: [blocked], steps: [], stepCounts: { total: 0, succeeded: 0, failed: 0, running: 0, compensations: 0 }, reason: 'compliance gate blocked' });
    stages.splice(2, 1); // blocked at the compliance gate: never provisioning
    api = await startFakeOrchestrator({ stages });
    const run = capture(envFor(api));
    const code = await runDeploy(deployArgs('--wait', '--output', 'json'), run.io);
    expect(code).toBe(2);
    const doc = JSON.parse(run.stdout()) as DeploymentDetailDto;
    expect(doc).toMatchObject({ id: DEPLOYMENT_ID, status: 'blocked', reason: 'compliance gate blocked' });
    expect(run.stderr()).toContain('12:00:04  gate       compliance blocked  2 blocking findings');
    expect(run.stderr()).not.toContain('aws_vpc');
    expect(run.stderr()).toContain('- CW-AWS-0001 aws_db_instance.main is not encrypted');
  });

  it.each<[string, number]>([
    ['rolled-back', 3],
    ['rollback-failed', 3],
    ['cancelled', 4],
    ['rejected', 2],
  ])('exits with the code of the final status %s (%i)', async (status, exitCode) => {
    api = await startFakeOrchestrator({ stages: scenario(status as DeploymentDetailDto['status']) });
    const run = capture(envFor(api));
    await expect(runDeploy(deployArgs('--wait'), run.io)).resolves.toBe(exitCode);
    expect(run.stdout()).toContain(`  exit code  ${exitCode}`);
  });

  it('keeps following by polling when the feed drops mid-way, and still shows every step', async () => {
    api = await startFakeOrchestrator({ stages: scenario('rolled-back'), dropFeedAfter: 2 });
    const run = capture(envFor(api));
    const code = await runDeploy(deployArgs('--wait'), run.io);
    expect(code).toBe(3);
    expect(run.stderr()).toMatch(/live feed dropped \(.+\); following by polling every 0\.02s/);
    const out = run.stdout();
    // Seen on the feed before it dropped:
    expect(out).toContain('12:00:01  started    lock taken; 2 resource changes in the plan');
    // Only the poll could show these (the feed was gone):
    expect(out).toContain('gate       compliance passed   score 96, no blocking findings');
    expect(out).toContain('+ create aws_vpc.main (aws us-east-1) ✓ 0.4s');
    expect(out).toContain('status     rolled-back  — ended rolled-back');
    expect(out).toContain('deployment 6f1c1a52-7a8e-4a57-9a39-0d1b9d7c2e11 rolled-back');
    expect(api.feedConnections).toBeGreaterThanOrEqual(1);
  });

  it('shows the events of a rollback from the feed: the failed step, the failure and the compensation', async () => {
    api = await startFakeOrchestrator({ stages: scenario('rolled-back') });
    const run = capture(envFor(api));
    await expect(runDeploy(deployArgs('--wait'), run.io)).resolves.toBe(3);
    const out = run.stdout();
    expect(out).toContain('✗ quota-exceeded: db.r5 quota reached in us-east-1');
    expect(out).toContain('failed     aws_db_instance.main failed: quota-exceeded; next: rolling back');
    expect(out).toContain('rollback   rolling back (step-failed): aws_db_instance.main failed; 1 compensation(s) to run in reverse order');
    expect(out).toContain('rolled-back every compensation succeeded (1 compensated; reason step-failed)');
  });

  it('exits 4 when --timeout elapses, saying the deployment keeps running', async () => {
    api = await startFakeOrchestrator({ stages: scenario('succeeded').slice(0, 3) });
    const run = capture(envFor(api));
    const started = Date.now();
    const code = await runDeploy(deployArgs('--wait', '--timeout', '300ms'), run.io);
    expect(code).toBe(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(run.stdout()).toContain(`deployment ${DEPLOYMENT_ID} still provisioning`);
    expect(run.stdout()).toMatch(/timed out {2}stopped waiting after 0\.\ds; the deployment keeps running — follow it with: cloudwright status 6f1c.* --wait/);
    expect(run.stdout()).toContain('exit code  4 (timed out waiting, or cancelled)');
  });

  it('resolves the deployment id by request key when the API does not know it yet', async () => {
    api = await startFakeOrchestrator({ stages: scenario('succeeded'), submitDeploymentId: null, byKeyMisses: 2 });
    const run = capture(envFor(api));
    await expect(runDeploy(deployArgs('--request-key', 'my-key'), run.io)).resolves.toBe(0);
    const lookups = api.requests.filter((r) => r.path === '/deployments/by-request-key/my-key');
    expect(lookups).toHaveLength(3);
    expect(run.stdout()).toContain(`deployment ${DEPLOYMENT_ID}: queued (position 1)`);
    expect(run.stdout()).toContain(`follow it with: cloudwright status ${DEPLOYMENT_ID} --wait`);
  });

  it('without --wait prints the deployment as JSON and exits 0', async () => {
    api = await startFakeOrchestrator({ stages: [{ detail: detailFactory(), events: [] }] });
    const run = capture(envFor(api));
    await expect(runDeploy(deployArgs('--output', 'json'), run.io)).resolves.toBe(0);
    expect((JSON.parse(run.stdout()) as DeploymentDetailDto).status).toBe('queued');
  });

  it('exits 1 with the URL and how to start the platform when the connection is refused', async () => {
    const port = await closedPort();
    const run = capture({ ...GH_ENV, CW_API_URL: `http://127.0.0.1:${port}` });
    await expect(runDeploy(deployArgs('--wait'), run.io)).resolves.toBe(1);
    expect(run.stderr()).toBe(
      `cloudwright deploy: cannot reach the Cloudwright API at http://127.0.0.1:${port}: connection refused (from CW_API_URL); start the platform with \`npm run up\`, or give the orchestrator's URL with --api <url> or CW_API_URL\n`,
    );
    expect(run.stdout()).toBe('');
  });

  it('exits 1 with the server message and what to do on 401', async () => {
    api = await startFakeOrchestrator({ stages: scenario('succeeded') });
    const run = capture({ ...GH_ENV, CW_API_URL: api.url });
    await expect(runDeploy(deployArgs(), run.io)).resolves.toBe(1);
    expect(run.stderr()).toContain('unauthorized (401): missing bearer token; no API token was given: pass --token <token>, set CW_API_TOKEN');
    expect(run.stderr()).toContain('POST /deployments needs a token with the operator role');
  });

  it('exits 1 on 403 with the server message naming the role needed', async () => {
    api = await startFakeOrchestrator({ stages: scenario('succeeded'), tokens: { 'view-token': 'viewer' } });
    const run = capture(envFor(api, 'view-token'));
    await expect(runDeploy([...deployArgs(), '--token', 'view-token'], run.io)).resolves.toBe(1);
    expect(run.stderr()).toBe('cloudwright deploy: forbidden (403): POST /deployments needs the operator role; your token has viewer\n');
  });

  it.each<[string, string[], RegExp]>([
    ['missing flags', ['--plan', PLAN], /--stack, --env are required/],
    ['a bad output', deployArgs('--output', 'yaml'), /--output must be text or json \(got "yaml"\)/],
    ['--timeout without --wait', deployArgs('--timeout', '5m'), /--timeout only applies with --wait/],
    ['a unitless timeout', deployArgs('--wait', '--timeout', '30'), /--timeout "30" needs a unit/],
    ['an unknown cloud', deployArgs('--clouds', 'aws,ibm'), /--clouds "aws,ibm": unknown cloud "ibm"; use aws, azure, gcp or auto/],
    ['auto with clouds', deployArgs('--clouds', 'auto,aws'), /auto cannot be combined with named clouds/],
    ['an unknown flag', deployArgs('--colour'), /Unknown option '--colour'/],
    ['an unreadable plan', ['--plan', join(dir, 'missing.json'), '--stack', 'web', '--env', 'staging'], /cannot read the plan .*missing\.json/],
    ['a bad API URL', deployArgs('--api', 'localhost:8080'), /--api "localhost:8080" must be an http:\/\/ or https:\/\/ URL/],
  ])('exits 1 with the usage on %s', async (_case, argv, message) => {
    const run = capture(GH_ENV);
    await expect(runDeploy(argv, run.io)).resolves.toBe(1);
    expect(run.stderr()).toMatch(message);
    expect(run.stderr()).toContain('usage: cloudwright deploy --plan <plan.json>');
    expect(run.stdout()).toBe('');
  });
});
