import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DeploymentRequestedV1 } from '@cloudwright/contracts';
import { jetstream } from '@nats-io/jetstream';
import { DeadLetterAdmin, JetStreamPublisher, createEvent } from '@cloudwright/messaging';
import { openConnection } from '../common/connection';
import { buildDeploymentRequest } from '../deployments/deployment-request';

interface DemoOptions {
  root: string;
  apiUrl: string;
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

    console.log('\n✔ demo passed: one deployment per request key, invalid input dead-lettered with its reason.');
    return true;
  } catch (error) {
    console.error(`\n✘ demo failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  } finally {
    await conn.close();
  }
}
