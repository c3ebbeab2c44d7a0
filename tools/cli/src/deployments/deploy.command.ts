import { setTimeout as delay } from 'node:timers/promises';
import { CLOUDS, DEPLOY_EXIT_CODES, type DeploymentDetailDto } from '@cloudwright/contracts';
import { type CliCommand } from '../command';
import { UsageError } from '../common/connection';
import { type DeploymentsApiClient } from './api-client';
import { API_OPTIONS, API_USAGE, createClient, guard, parseCommandArgs, parseTextOrJson, parseTimeout, processIo, type CommandIo, type TextOrJson } from './command-io';
import { followDeployment, LiveWriter } from './deployment-follow';
import { buildDeploymentRequest } from './deployment-request';
import { exitCodeForStatus, renderSummary } from './deployment-render';

export const DEPLOY_USAGE = `usage: cloudwright deploy --plan <plan.json> --stack <name> --env <environment>
         [--clouds aws,azure,gcp|auto] [--wait] [--timeout <90s|15m|1h>] [--output text|json] [--request-key <key>]
         [--ci-provider <p>] [--run-id <id>] [--commit <sha>] [--actor <who>] [--repository <owner/name>]
         [--branch <b>] [--run-url <url>] [--api <url>] [--token <token>]

Submits a deployment of a Terraform plan (terraform show -json <planfile>) to the orchestrator's API
(POST /deployments) and prints its id. The request key defaults to <ci provider>:<repository>:<run id>:<stack>:<env>,
so a re-run of the same CI job follows the deployment it already started instead of starting another.
With --wait it follows the deployment live (gates, approvals, steps, a progress bar on a terminal) until it ends:
  exit 0  succeeded
  exit 2  blocked by a gate (analysis, cost, compliance) or rejected at approval
  exit 3  rolled back, or its rollback failed (the environment needs a human)
  exit 4  --timeout elapsed (the deployment keeps running) or cancelled
  exit 1  usage, connection or API error
Without --wait: exit 0 once the deployment is submitted (1 on error).
--output json prints only the final deployment (DeploymentDetailDto) on stdout; progress goes to stderr.
${API_USAGE}`;

export const DEPLOY_OPTIONS = {
  ...API_OPTIONS,
  plan: { type: 'string' },
  stack: { type: 'string' },
  env: { type: 'string' },
  clouds: { type: 'string' },
  wait: { type: 'boolean' },
  timeout: { type: 'string' },
  output: { type: 'string' },
  'request-key': { type: 'string' },
  'ci-provider': { type: 'string' },
  'run-id': { type: 'string' },
  commit: { type: 'string' },
  actor: { type: 'string' },
  repository: { type: 'string' },
  branch: { type: 'string' },
  'run-url': { type: 'string' },
} as const;

/** `--clouds`: `auto` alone, or a comma list of aws, azure, gcp without repeats. */
export function parseClouds(value: string | undefined): string {
  if (value === undefined) return 'auto';
  const items = value.split(',').map((c) => c.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError('--clouds is empty: give auto or a list of aws, azure, gcp');
  if (items.includes('auto')) {
    if (items.length > 1) throw new UsageError(`--clouds "${value}": auto cannot be combined with named clouds`);
    return 'auto';
  }
  for (const c of items) if (!(CLOUDS as readonly string[]).includes(c)) throw new UsageError(`--clouds "${value}": unknown cloud "${c}"; use aws, azure, gcp or auto`);
  if (new Set(items).size !== items.length) throw new UsageError(`--clouds "${value}" names a cloud twice`);
  return items.join(',');
}

/**
 * The deployment recorded for a request key: polls GET /deployments/by-request-key/:key with backoff
 * (100 ms doubling to 1 s) until it exists or `windowMs` passed; undefined if it never appeared.
 */
export async function resolveByRequestKey(client: DeploymentsApiClient, key: string, windowMs: number): Promise<DeploymentDetailDto | undefined> {
  const until = Date.now() + windowMs;
  let wait = 100;
  for (;;) {
    const found = await client.findByRequestKey(key);
    if (found) return found;
    const left = until - Date.now();
    if (left <= 0) return undefined;
    await delay(Math.min(wait, left));
    wait = Math.min(wait * 2, 1_000);
  }
}

/** Writes the result of a followed or fetched deployment and returns the exit code. Shared by deploy, status and rollback. */
export async function waitAndReport(
  client: DeploymentsApiClient,
  id: string,
  opts: { output: TextOrJson; timeoutMs: number | undefined; io: CommandIo },
): Promise<number> {
  const { io, output } = opts;
  // In JSON mode stdout carries only the final document: the live lines go to stderr.
  const writeLive = output === 'json' ? io.stderr : io.stdout;
  const tty = output === 'json' ? io.stderrIsTty : io.stdoutIsTty;
  const out = new LiveWriter(writeLive, tty);
  const result = await followDeployment(client, id, {
    timeoutMs: opts.timeoutMs,
    pollIntervalMs: io.pollIntervalMs,
    render: io.render,
    out,
    note: (text) => io.stderr(`cloudwright: ${text}\n`),
  });
  const code = result.timedOut ? DEPLOY_EXIT_CODES.timeout : (exitCodeForStatus(result.detail.status) ?? DEPLOY_EXIT_CODES.usage);
  const summary = renderSummary(result.detail, result, io.now(), io.render);
  if (output === 'json') {
    if (result.timedOut) io.stderr(`${summary.join('\n')}\n`);
    io.stdout(`${JSON.stringify(result.detail, null, 2)}\n`);
  } else {
    io.stdout(`\n${summary.join('\n')}\n`);
  }
  return code;
}

export async function runDeploy(argv: string[], io: CommandIo = processIo()): Promise<number> {
  return guard('deploy', DEPLOY_USAGE, io, async () => {
    const { values, positionals } = parseCommandArgs(argv, DEPLOY_OPTIONS, true);
    if (values.help) {
      io.stdout(`${DEPLOY_USAGE}\n`);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals.join(' ')}"`);
    const missing = (['plan', 'stack', 'env'] as const).filter((k) => !values[k]);
    if (missing.length > 0) throw new UsageError(`${missing.map((k) => `--${k}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} required`);
    const output = parseTextOrJson(values.output);
    const wait = values.wait === true;
    const timeoutMs = parseTimeout(values.timeout, wait);
    const request = buildDeploymentRequest(
      {
        planPath: values.plan ?? '',
        stack: values.stack ?? '',
        environment: values.env ?? '',
        clouds: parseClouds(values.clouds),
        requestKey: values['request-key'],
        provider: values['ci-provider'],
        runId: values['run-id'],
        commit: values.commit,
        actor: values.actor,
        repository: values.repository,
        branch: values.branch,
        runUrl: values['run-url'],
      },
      io.env,
    );
    const client = createClient(values, io);
    const info = (text: string) => (output === 'json' ? io.stderr(`${text}\n`) : io.stdout(`${text}\n`));

    const submitted = await client.submit(request);
    info(
      submitted.deploymentId
        ? `request key ${submitted.requestKey} was already accepted: deployment ${submitted.deploymentId} (${submitted.status})`
        : `submitted stack ${request.stack} / ${request.environment} (request key ${submitted.requestKey}, correlation ${submitted.correlationId})`,
    );
    let detail: DeploymentDetailDto | undefined;
    if (submitted.deploymentId) detail = await client.get(submitted.deploymentId);
    else detail = await resolveByRequestKey(client, submitted.requestKey, 10_000);
    if (!detail) {
      const hint = `cloudwright status --request-key '${submitted.requestKey}'${wait ? ' --wait' : ''}`;
      if (!wait) {
        info(`the orchestrator has not recorded the deployment yet; look it up with: ${hint}`);
        if (output === 'json') io.stdout(`${JSON.stringify(submitted, null, 2)}\n`);
        return 0;
      }
      throw new Error(`the API accepted the request (event ${submitted.eventId}) but no deployment was recorded for request key ${submitted.requestKey} within 10s; is the orchestrator's intake running? Follow it later with: ${hint}`);
    }
    if (wait) {
      info(`deployment ${detail.id} — following it (Ctrl-C stops following, not the deployment)`);
      return waitAndReport(client, detail.id, { output, timeoutMs, io });
    }
    info(`deployment ${detail.id}: ${detail.status}${detail.status === 'queued' && detail.queuePosition !== null ? ` (position ${detail.queuePosition})` : ''}`);
    if (output === 'json') io.stdout(`${JSON.stringify(detail, null, 2)}\n`);
    else io.stdout(`follow it with: cloudwright status ${detail.id} --wait\n`);
    return 0;
  });
}

export const deployCommand: CliCommand = {
  name: 'deploy',
  summary: 'deploy a Terraform plan through the orchestrator API; --wait follows it (exit 0 ok, 2 blocked, 3 rolled back, 4 timeout)',
  run: (argv) => runDeploy(argv),
};
