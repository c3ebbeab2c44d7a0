import { DEPLOYMENT_STATUSES } from '@cloudwright/contracts';
import { type CliCommand } from '../command';
import { UsageError } from '../common/connection';
import { API_OPTIONS, API_USAGE, createClient, guard, oneId, parseCommandArgs, parseTextOrJson, parseTimeout, processIo, type CommandIo } from './command-io';
import { waitAndReport } from './deploy.command';
import { renderDetail, renderHistory } from './deployment-render';

export const STATUS_USAGE = `usage: cloudwright status <deployment id> [--wait] [--timeout <dur>] [--output text|json] [--api <url>] [--token <token>]
       cloudwright status --request-key <key> [...]

Shows one deployment: status and reason, queue position, gates with their result, approvals, the step timeline and
the status transitions. --wait follows it until it ends, with the exit codes of \`cloudwright deploy --wait\`
(0 succeeded, 2 blocked/rejected, 3 rolled back/rollback failed, 4 timeout/cancelled, 1 error); without --wait
the exit code is 0 (1 on error).
${API_USAGE}`;

export async function runStatus(argv: string[], io: CommandIo = processIo()): Promise<number> {
  return guard('status', STATUS_USAGE, io, async () => {
    const { values, positionals } = parseCommandArgs(
      argv,
      { ...API_OPTIONS, 'request-key': { type: 'string' }, wait: { type: 'boolean' }, timeout: { type: 'string' }, output: { type: 'string' } },
      true,
    );
    if (values.help) {
      io.stdout(`${STATUS_USAGE}\n`);
      return 0;
    }
    const key = values['request-key'];
    if (key !== undefined && positionals.length > 0) throw new UsageError('give a deployment id or --request-key, not both');
    const id = key === undefined ? oneId(positionals) : undefined;
    if (key !== undefined && key.trim() === '') throw new UsageError('--request-key is empty');
    const output = parseTextOrJson(values.output);
    const wait = values.wait === true;
    const timeoutMs = parseTimeout(values.timeout, wait);
    const client = createClient(values, io);
    let detail;
    if (key !== undefined) {
      detail = await client.findByRequestKey(key);
      if (!detail) throw new Error(`no deployment recorded for request key ${key} (yet); the orchestrator records it moments after the request`);
    } else {
      detail = await client.get(id ?? '');
    }
    if (wait) return waitAndReport(client, detail.id, { output, timeoutMs, io });
    io.stdout(output === 'json' ? `${JSON.stringify(detail, null, 2)}\n` : `${renderDetail(detail, io.now(), io.render)}\n`);
    return 0;
  });
}

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'show a deployment (gates, approvals, steps, queue position); --wait follows it to the end',
  run: (argv) => runStatus(argv),
};

export const HISTORY_USAGE = `usage: cloudwright history [--stack <name>] [--env <environment>] [--status <status>] [--limit <1-500>]
                         [--output text|json] [--api <url>] [--token <token>]

Lists deployments, newest first (default limit 20). Statuses: ${DEPLOYMENT_STATUSES.join(', ')}.
${API_USAGE}`;

export async function runHistory(argv: string[], io: CommandIo = processIo()): Promise<number> {
  return guard('history', HISTORY_USAGE, io, async () => {
    const { values } = parseCommandArgs(argv, {
      ...API_OPTIONS,
      stack: { type: 'string' },
      env: { type: 'string' },
      status: { type: 'string' },
      limit: { type: 'string' },
      output: { type: 'string' },
    });
    if (values.help) {
      io.stdout(`${HISTORY_USAGE}\n`);
      return 0;
    }
    const output = parseTextOrJson(values.output);
    if (values.status !== undefined && !(DEPLOYMENT_STATUSES as readonly string[]).includes(values.status)) {
      throw new UsageError(`--status "${values.status}" is not a deployment status; use one of ${DEPLOYMENT_STATUSES.join(', ')}`);
    }
    const limitText = values.limit ?? '20';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > 500) throw new UsageError(`--limit "${limitText}" must be an integer from 1 to 500`);
    const rows = await createClient(values, io).list({ stack: values.stack, environment: values.env, status: values.status, limit });
    io.stdout(output === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : `${renderHistory(rows, io.now(), io.render)}\n`);
    return 0;
  });
}

export const historyCommand: CliCommand = {
  name: 'history',
  summary: 'list deployments of a stack / environment (status, revision, duration, reason)',
  run: (argv) => runHistory(argv),
};
