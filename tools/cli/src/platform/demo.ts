import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SimCloud } from '@cloudwright/cloud-sim';
import { DeploymentRequestedV1, type DeploymentDetailDto, type DeploymentSummaryDto } from '@cloudwright/contracts';
import { jetstream } from '@nats-io/jetstream';
import { DeadLetterAdmin, JetStreamPublisher, createEvent } from '@cloudwright/messaging';
import { openConnection } from '../common/connection';
import { runDeploy } from '../deployments/deploy.command';
import { buildDeploymentRequest } from '../deployments/deployment-request';

interface DemoOptions {
  root: string;
  apiUrl: string;
  /** The cost-tracker's HTTP API. */
  costUrl: string;
  /** The compliance service's HTTP API. */
  complianceUrl: string;
  natsUrl: string;
  databaseUrl: string;
  /** Where the demo writes its files (the platform data folder). */
  dataDir: string;
  /** API tokens `up` generated for this run. */
  tokens: { admin: string; operator: string; approver: string; viewer: string };
}

async function poll<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await fn();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

/** POSTs JSON to a gate service's API with a bearer token; throws with the server's message on an error status. */
async function postJson<T>(url: string, body: unknown, token: string): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** The cost part of the demo: price the example multi-cloud plan, import a FOCUS export, read actual cost by provider. */
async function costDemo(options: DemoOptions, step: (t: string) => void, ok: (t: string) => void): Promise<void> {
  step('the cost-tracker prices examples/plans/multi-cloud.plan.json (AWS, Azure, GCP) with its usage file');
  const plan = JSON.parse(readFileSync(join(options.root, 'examples/plans/multi-cloud.plan.json'), 'utf8')) as unknown;
  const usage = readFileSync(join(options.root, 'examples/usage/multi-cloud.usage.yml'), 'utf8');
  const estimate = await postJson<{ totals: { monthly: string }; resourceCount: number; unsupportedCount: number; catalogVersion: string }>(`${options.costUrl}/estimates`, { plan, usage, stack: 'shop', environment: 'staging' }, options.tokens.operator);
  ok(`$${Number(estimate.totals.monthly).toFixed(2)} per month for ${estimate.resourceCount} priced resources (${estimate.unsupportedCount} not priced), catalog ${estimate.catalogVersion}`);

  step('the cost-tracking agent imports a FOCUS 1.0 billing export (examples/focus/shop-staging.focus.csv)');
  const imported = await postJson<{ status: string; rows: number; duplicateOf?: string; totals: { currency: string; billedCost: string }[] }>(`${options.costUrl}/imports`, { path: join(options.root, 'examples/focus/shop-staging.focus.csv') }, options.tokens.admin);
  if (imported.status !== 'imported' && imported.status !== 'duplicate') throw new Error(`the import was ${imported.status}`);
  ok(imported.status === 'duplicate' ? `already imported before (import ${imported.duplicateOf ?? '?'}): not counted twice` : `${imported.rows} rows imported, billed ${imported.totals.map((t) => `${t.billedCost} ${t.currency}`).join(', ')}`);

  step('actual cost of stack shop / staging by provider (GET /costs?dimension=provider)');
  const res = await fetch(`${options.costUrl}/costs?dimension=provider&stack=shop&environment=staging&from=2026-11-01&to=2026-12-01`, { headers: { authorization: `Bearer ${options.tokens.viewer}` } });
  if (!res.ok) throw new Error(`GET /costs answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const costs = (await res.json()) as { rows: { key: string | null; currency: string; effectiveCost: string }[] };
  if (costs.rows.length === 0) throw new Error('no actual cost recorded for stack shop / staging');
  for (const row of costs.rows) ok(`${row.key ?? '(none)'}: ${row.effectiveCost} ${row.currency}`);
}

interface ScanAnswer {
  scanId: string;
  gate: { verdict: string; blockOn: string; reasons: string[] };
  counts: Record<string, number>;
  report: { scores: { overall: number | null; frameworks: { framework: string; score: number | null; passed: number; failed: number; manual: number }[] } };
}

/**
 * The compliance part of the demo: staging's gate policy blocks on high findings; scan the same multi-cloud plan for stack
 * shop / staging (stored, with history), waive the public demo bucket's findings with an owner and an expiry, scan again.
 */
async function complianceDemo(options: DemoOptions, step: (t: string) => void, ok: (t: string) => void): Promise<void> {
  const plan = JSON.parse(readFileSync(join(options.root, 'examples/plans/multi-cloud.plan.json'), 'utf8')) as unknown;
  const frameworks = ['cis-aws-foundations', 'pci-dss-4.0', 'us3.12-validation'];
  step('the staging gate policy blocks on unwaived findings of high severity or worse (PUT /policies/staging)');
  const policyRes = await fetch(`${options.complianceUrl}/policies/staging`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.tokens.admin}` },
    body: JSON.stringify({ blockOn: 'high' }),
  });
  if (!policyRes.ok) throw new Error(`PUT /policies/staging answered ${policyRes.status}: ${(await policyRes.text()).slice(0, 300)}`);
  ok('policy stored');

  step(`the compliance service scans examples/plans/multi-cloud.plan.json for shop / staging against ${frameworks.join(', ')}`);
  const first = await postJson<ScanAnswer>(`${options.complianceUrl}/scans`, { plan, stack: 'shop', environment: 'staging', frameworks }, options.tokens.operator);
  ok(`overall score ${first.report.scores.overall ?? 'n/a'}; failing: ${first.counts.critical} critical, ${first.counts.high} high, ${first.counts.medium} medium, ${first.counts.low} low; ${first.counts.manual} manual (no evidence)`);
  for (const fw of first.report.scores.frameworks) ok(`${fw.framework}: ${fw.score ?? 'n/a'} (${fw.passed} passed, ${fw.failed} failed, ${fw.manual} manual)`);
  ok(`gate: ${first.gate.verdict}${first.gate.reasons.length ? ` — ${first.gate.reasons.join('; ')}` : ''}`);

  step('a waiver for the public demo assets bucket (owner, reason, expiry), then the same scan again');
  const expires = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const waiverRes = await fetch(`${options.complianceUrl}/waivers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.tokens.approver}` },
    body: JSON.stringify({ id: `demo-assets-${Date.now()}`, stack: 'shop', environment: 'staging', resource: 'aws_s3_bucket.assets', reason: 'public demo assets, reviewed', owner: 'demo-bot', expires }),
  });
  if (!waiverRes.ok) throw new Error(`POST /waivers answered ${waiverRes.status}: ${(await waiverRes.text()).slice(0, 300)}`);
  const second = await postJson<ScanAnswer>(`${options.complianceUrl}/scans`, { plan, stack: 'shop', environment: 'staging', frameworks }, options.tokens.operator);
  ok(`muted findings: ${second.counts.muted} (still listed); gate: ${second.gate.verdict}; scan ${second.scanId} stored with its history`);
}

/** Calls the orchestrator's API with a token; throws with the server's message on an error status. */
async function api<T>(options: DemoOptions, method: string, path: string, token: string, body?: unknown): Promise<T> {
  const res = await fetch(`${options.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** Runs `cloudwright deploy … --wait` in-process (its live progress is the demo's output) and returns its exit code. */
async function deployWithCli(options: DemoOptions, args: string[]): Promise<number> {
  return runDeploy([...args, '--wait', '--timeout', '5m', '--api', options.apiUrl, `--token=${options.tokens.operator}`]);
}

/**
 * The deployment saga part of the demo: the multi-cloud stack through every gate (with an approval), then a
 * deployment with an injected failure that rolls back, then actual cost from the simulated cloud's billing export.
 */
async function sagaDemo(options: DemoOptions, step: (t: string) => void, ok: (t: string) => void): Promise<void> {
  const planPath = join(options.root, 'examples/plans/multi-cloud.plan.json');
  const env = `demo-${Date.now().toString(36)}`;
  step(`environment ${env} requires one approval (PUT /policies/${env})`);
  await api(options, 'PUT', `/policies/${env}`, options.tokens.admin, { approval: { required: true, count: 1, approvers: [], timeoutSeconds: 900 } });
  ok('policy stored');

  step(`cloudwright deploy --plan examples/plans/multi-cloud.plan.json --stack shop --env ${env} --wait (AWS, Azure and GCP through every gate)`);
  const runId = `demo-${Date.now()}`;
  const deploying = deployWithCli(options, ['--plan', planPath, '--stack', 'shop', '--env', env, '--clouds', 'auto', '--run-id', runId, '--ci-provider', 'github-actions', '--repository', 'acme/shop', '--actor', 'demo-bot', '--commit', 'a1b2c3d4e5f6']);
  const waiting = await poll(
    'the deployment to wait for approval',
    async () => {
      const list = await api<DeploymentSummaryDto[]>(options, 'GET', `/deployments?stack=shop&environment=${env}`, options.tokens.viewer);
      return list.find((d) => d.status === 'awaiting-approval' || ['blocked', 'rolled-back', 'rollback-failed'].includes(d.status));
    },
    120_000,
  );
  if (waiting.status !== 'awaiting-approval') throw new Error(`the deployment ended ${waiting.status} before approval: ${waiting.reason ?? ''}`);
  await api(options, 'POST', `/deployments/${waiting.id}/approve`, options.tokens.approver, { comment: 'demo: reviewed the plan, cost and compliance' });
  const code = await deploying;
  if (code !== 0) throw new Error(`cloudwright deploy exited ${code} (expected 0: succeeded)`);
  const done = await api<DeploymentDetailDto>(options, 'GET', `/deployments/${waiting.id}`, options.tokens.viewer);
  const costGate = done.gates.find((g) => g.gate === 'cost');
  ok(`succeeded: revision ${done.revision}, ${done.stepCounts.succeeded} resources on ${done.clouds.join(', ')}; cost gate ${costGate?.summary ?? ''}`);

  step('a second deployment of the stack with an injected cloud failure (the simulated GCP refuses google_sql_database_instance.orders)');
  const sim = await SimCloud.open({ databaseUrl: options.databaseUrl, schema: process.env.CW_CLOUDSIM_SCHEMA ?? 'cloudsim' });
  try {
    const changed = JSON.parse(readFileSync(planPath, 'utf8')) as { resource_changes: { address: string; change: { actions: string[]; before: unknown; after: unknown } }[] };
    for (const rc of changed.resource_changes) {
      if (rc.address === 'google_sql_database_instance.orders') rc.change.actions = ['delete', 'create'];
      else {
        rc.change.actions = ['no-op'];
        rc.change.before = rc.change.after;
      }
      if (rc.address === 'google_sql_database_instance.orders') rc.change.before = rc.change.after;
    }
    const changedPath = join(options.dataDir, `${env}-replace-db.plan.json`);
    writeFileSync(changedPath, JSON.stringify(changed));
    const fault = await sim.injectFault({ match: { address: 'google_sql_database_instance.orders', operation: 'create' }, mode: 'fail', code: 'quota-exceeded', message: 'demo: Cloud SQL quota exceeded in europe-west1' });
    try {
      await api(options, 'PUT', `/policies/${env}`, options.tokens.admin, { approval: { required: false, count: 1, approvers: [], timeoutSeconds: 900 } });
      const failedCode = await deployWithCli(options, ['--plan', changedPath, '--stack', 'shop', '--env', env, '--run-id', `${runId}-2`, '--ci-provider', 'github-actions', '--repository', 'acme/shop', '--actor', 'demo-bot', '--commit', 'b2c3d4e5f6a7']);
      if (failedCode !== 3) throw new Error(`cloudwright deploy exited ${failedCode} (expected 3: rolled back)`);
      ok('exit code 3: rolled back — the database deleted by the replace was re-created by its compensation');
    } finally {
      await sim.clearFaults(fault);
    }
    const present = await sim.list('shop', env);
    ok(`the simulated clouds hold ${present.length} resources of shop/${env}, as after revision ${done.revision}`);

    step('three simulated days pass; the cost-tracking agent imports the simulated clouds\' FOCUS billing export');
    await sim.advance(3 * 86_400_000);
    const now = await sim.now();
    const from = new Date(now.getTime() - 4 * 86_400_000);
    const csv = await sim.billingExport({ from, to: now });
    const exportPath = join(options.dataDir, `${env}-billing.focus.csv`);
    writeFileSync(exportPath, csv);
    const imported = await postJson<{ status: string; rows: number }>(`${options.costUrl}/imports`, { path: exportPath }, options.tokens.admin);
    ok(`${imported.rows} FOCUS rows ${imported.status} (${exportPath})`);
    const res = await fetch(`${options.costUrl}/costs?dimension=provider&stack=shop&environment=${env}&from=${from.toISOString().slice(0, 10)}&to=${new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10)}`, {
      headers: { authorization: `Bearer ${options.tokens.viewer}` },
    });
    if (!res.ok) throw new Error(`GET /costs answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    const costs = (await res.json()) as { rows: { key: string | null; currency: string; effectiveCost: string }[] };
    const actual = costs.rows.reduce((sum, r) => sum + Number(r.effectiveCost), 0);
    const estimateMonthly = Number(costGate?.facts.monthly ?? '0');
    for (const row of costs.rows) ok(`${row.key ?? '(none)'}: ${row.effectiveCost} ${row.currency}`);
    ok(`actual ${actual.toFixed(2)} USD for the exported days against the estimate's ${((estimateMonthly / 730) * 24).toFixed(2)} USD per day (${estimateMonthly.toFixed(2)} per month)`);
  } finally {
    await sim.close();
  }
}

/**
 * The quick start's end-to-end demo, against the running platform: the deployment saga (every gate, an approval, a
 * rollback after an injected failure, actual cost from the simulated billing export), a re-run CI job that maps to the
 * same deployment, an invalid request dead-lettered with its reason, pricing and compliance scans.
 */
export async function runDemo(options: DemoOptions): Promise<boolean> {
  const step = (text: string) => console.log(`\n▶ ${text}`);
  const ok = (text: string) => console.log(`  ✔ ${text}`);
  const conn = await openConnection(options.natsUrl);
  try {
    await sagaDemo(options, step, ok);

    const publisher = new JetStreamPublisher(conn.nc, conn.topology, 'cloudwright/demo');
    const runId = `demo-${Date.now()}`;
    const data = buildDeploymentRequest({
      planPath: join(options.root, 'examples/plans/web-stack.plan.json'),
      stack: 'web',
      environment: 'staging',
      clouds: 'auto',
      provider: 'github-actions',
      runId,
      commit: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0',
      actor: 'demo-bot',
      repository: 'acme/web',
      branch: 'main',
    });
    step(`CI run ${runId} publishes deployment.requested.v1 for stack web / staging straight to JetStream, then the job is re-run`);
    const first = await publisher.publish(DeploymentRequestedV1, data);
    await publisher.publish(DeploymentRequestedV1, { ...data, ci: { ...data.ci, runAttempt: 2 } });
    const deployment = await poll('the deployment to be recorded', async () => {
      const res = await fetch(`${options.apiUrl}/deployments/by-request-key/${encodeURIComponent(data.requestKey)}`, { headers: { authorization: `Bearer ${options.tokens.viewer}` } });
      return res.ok ? ((await res.json()) as DeploymentDetailDto) : undefined;
    });
    if (deployment.id !== first.id) throw new Error(`expected deployment ${first.id}, got ${deployment.id}`);
    const list = await api<DeploymentSummaryDto[]>(options, 'GET', '/deployments?stack=web&environment=staging', options.tokens.viewer);
    ok(`one deployment for the request key (${deployment.id}, ${deployment.status}); deployments of web/staging: ${list.filter((d) => d.requestKey === data.requestKey).length}`);

    step('a broken pipeline publishes a request with an invalid commit and clouds');
    const valid = createEvent('cloudwright/demo', DeploymentRequestedV1, data);
    const invalid = { ...valid, id: randomUUID(), data: { ...valid.data, ci: { ...valid.data.ci, commit: 'HEAD' }, targetClouds: ['auto', 'aws'] } };
    await jetstream(conn.nc).publish(conn.topology.wire('cw.evt.deployment.requested.v1'), JSON.stringify(invalid), { msgID: invalid.id });
    const admin = new DeadLetterAdmin(conn.nc, conn.jsm, conn.topology);
    const letter = await poll('the dead letter', async () => (await admin.list()).find((l) => l.eventId === invalid.id));
    ok(`dead letter #${letter.seq} from ${letter.consumer} [${letter.code}]: ${letter.reason}`);

    await costDemo(options, step, ok);
    await complianceDemo(options, step, ok);

    console.log(
      '\n✔ demo passed: a multi-cloud stack deployed through every gate and an approval, an injected failure rolled back, actual cost from the billing export, one deployment per request key, invalid input dead-lettered, a plan priced and scanned with a waiver.',
    );
    return true;
  } catch (error) {
    console.error(`\n✘ demo failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  } finally {
    await conn.close();
  }
}
