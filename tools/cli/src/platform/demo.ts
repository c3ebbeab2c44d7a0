import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeploymentRequestedV1 } from '@cloudwright/contracts';
import { jetstream } from '@nats-io/jetstream';
import { DeadLetterAdmin, JetStreamPublisher, createEvent } from '@cloudwright/messaging';
import { openConnection } from '../common/connection';
import { buildDeploymentRequest } from '../deployments/deployment-request';

interface DemoOptions {
  root: string;
  apiUrl: string;
  /** The cost-tracker's HTTP API. */
  costUrl: string;
  /** The compliance service's HTTP API. */
  complianceUrl: string;
  natsUrl: string;
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

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** The cost part of the demo: price the example multi-cloud plan, import a FOCUS export, read actual cost by provider. */
async function costDemo(options: DemoOptions, step: (t: string) => void, ok: (t: string) => void): Promise<void> {
  step('the cost-tracker prices examples/plans/multi-cloud.plan.json (AWS, Azure, GCP) with its usage file');
  const plan = JSON.parse(readFileSync(join(options.root, 'examples/plans/multi-cloud.plan.json'), 'utf8')) as unknown;
  const usage = readFileSync(join(options.root, 'examples/usage/multi-cloud.usage.yml'), 'utf8');
  const estimate = await postJson<{ totals: { monthly: string }; resourceCount: number; unsupportedCount: number; catalogVersion: string }>(`${options.costUrl}/estimates`, { plan, usage, stack: 'shop', environment: 'staging' });
  ok(`$${Number(estimate.totals.monthly).toFixed(2)} per month for ${estimate.resourceCount} priced resources (${estimate.unsupportedCount} not priced), catalog ${estimate.catalogVersion}`);

  step('the cost-tracking agent imports a FOCUS 1.0 billing export (examples/focus/shop-staging.focus.csv)');
  const imported = await postJson<{ status: string; rows: number; duplicateOf?: string; totals: { currency: string; billedCost: string }[] }>(`${options.costUrl}/imports`, { path: join(options.root, 'examples/focus/shop-staging.focus.csv') });
  if (imported.status !== 'imported' && imported.status !== 'duplicate') throw new Error(`the import was ${imported.status}`);
  ok(imported.status === 'duplicate' ? `already imported before (import ${imported.duplicateOf ?? '?'}): not counted twice` : `${imported.rows} rows imported, billed ${imported.totals.map((t) => `${t.billedCost} ${t.currency}`).join(', ')}`);

  step('actual cost of stack shop / staging by provider (GET /costs?dimension=provider)');
  const res = await fetch(`${options.costUrl}/costs?dimension=provider&stack=shop&environment=staging&from=2026-11-01&to=2026-12-01`);
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
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ blockOn: 'high' }),
  });
  if (!policyRes.ok) throw new Error(`PUT /policies/staging answered ${policyRes.status}: ${(await policyRes.text()).slice(0, 300)}`);
  ok('policy stored');

  step(`the compliance service scans examples/plans/multi-cloud.plan.json for shop / staging against ${frameworks.join(', ')}`);
  const first = await postJson<ScanAnswer>(`${options.complianceUrl}/scans`, { plan, stack: 'shop', environment: 'staging', frameworks });
  ok(`overall score ${first.report.scores.overall ?? 'n/a'}; failing: ${first.counts.critical} critical, ${first.counts.high} high, ${first.counts.medium} medium, ${first.counts.low} low; ${first.counts.manual} manual (no evidence)`);
  for (const fw of first.report.scores.frameworks) ok(`${fw.framework}: ${fw.score ?? 'n/a'} (${fw.passed} passed, ${fw.failed} failed, ${fw.manual} manual)`);
  ok(`gate: ${first.gate.verdict}${first.gate.reasons.length ? ` — ${first.gate.reasons.join('; ')}` : ''}`);

  step('a waiver for the public demo assets bucket (owner, reason, expiry), then the same scan again');
  const expires = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const waiverRes = await fetch(`${options.complianceUrl}/waivers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: `demo-assets-${Date.now()}`, stack: 'shop', environment: 'staging', resource: 'aws_s3_bucket.assets', reason: 'public demo assets, reviewed', owner: 'demo-bot', expires }),
  });
  if (!waiverRes.ok) throw new Error(`POST /waivers answered ${waiverRes.status}: ${(await waiverRes.text()).slice(0, 300)}`);
  const second = await postJson<ScanAnswer>(`${options.complianceUrl}/scans`, { plan, stack: 'shop', environment: 'staging', frameworks });
  ok(`muted findings: ${second.counts.muted} (still listed); gate: ${second.gate.verdict}; scan ${second.scanId} stored with its history`);
}

/**
 * The quick start's end-to-end demo, against the running platform: a CI pipeline publishes a deployment request,
 * re-runs the same job (same request key), and a broken pipeline sends an invalid one. Checks: one deployment
 * recorded with the duplicate counted, and the invalid message in the dead-letter stream with its field errors.
 */
export async function runDemo(options: DemoOptions): Promise<boolean> {
  const step = (text: string) => console.log(`\n▶ ${text}`);
  const ok = (text: string) => console.log(`  ✔ ${text}`);
  const conn = await openConnection(options.natsUrl);
  try {
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

    step(`CI run ${runId} publishes deployment.requested.v1 for stack web / staging`);
    const first = await publisher.publish(DeploymentRequestedV1, data);
    ok(`published ${first.id} (request key ${data.requestKey})`);

    step('the same CI job is re-run: a new event with the same request key');
    const second = await publisher.publish(DeploymentRequestedV1, { ...data, ci: { ...data.ci, runAttempt: 2 } });
    ok(`published ${second.id}`);

    step('a broken pipeline publishes a request with an invalid commit and clouds');
    const valid = createEvent('cloudwright/demo', DeploymentRequestedV1, data);
    const invalid = { ...valid, id: randomUUID(), data: { ...valid.data, ci: { ...valid.data.ci, commit: 'HEAD' }, targetClouds: ['auto', 'aws'] } };
    await jetstream(conn.nc).publish(conn.topology.wire('cw.evt.deployment.requested.v1'), JSON.stringify(invalid), { msgID: invalid.id });
    ok(`published ${invalid.id}`);

    step('the orchestrator records one deployment for the request key');
    const deployment = await poll('the deployment to be recorded with its duplicate', async () => {
      const res = await fetch(`${options.apiUrl}/deployments/by-request-key/${encodeURIComponent(data.requestKey)}`);
      if (!res.ok) return undefined;
      const body = (await res.json()) as { id: string; status: string; duplicateRequests: number; plan: { resourceChanges: number | null } };
      return body.duplicateRequests >= 1 ? body : undefined;
    });
    if (deployment.id !== first.id) throw new Error(`expected deployment ${first.id}, got ${deployment.id}`);
    ok(`deployment ${deployment.id}: status ${deployment.status}, ${deployment.plan.resourceChanges} resource changes, re-runs counted: ${deployment.duplicateRequests}`);

    step('the invalid request is in the dead-letter stream with its field errors');
    const admin = new DeadLetterAdmin(conn.nc, conn.jsm, conn.topology);
    const letter = await poll('the dead letter', async () => (await admin.list()).find((l) => l.eventId === invalid.id));
    ok(`dead letter #${letter.seq} from ${letter.consumer} [${letter.code}]: ${letter.reason}`);

    await costDemo(options, step, ok);
    await complianceDemo(options, step, ok);

    console.log(
      '\n✔ demo passed: one deployment per request key, invalid input dead-lettered with its reason, a multi-cloud plan priced, actual cost imported and queried, the plan scanned against compliance frameworks with a waiver.',
    );
    return true;
  } catch (error) {
    console.error(`\n✘ demo failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  } finally {
    await conn.close();
  }
}
