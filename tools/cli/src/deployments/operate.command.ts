import { type DeploymentDetailDto, type DeploymentSummaryDto } from '@cloudwright/contracts';
import { type CliCommand } from '../command';
import { UsageError } from '../common/connection';
import { API_OPTIONS, API_USAGE, createClient, guard, oneId, parseCommandArgs, parseTextOrJson, parseTimeout, processIo, type CommandIo } from './command-io';
import { waitAndReport } from './deploy.command';

const MAX_TEXT = 2048;

function optionalText(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.length > MAX_TEXT) throw new UsageError(`${flag} is ${value.length} characters; at most ${MAX_TEXT}`);
  return value;
}

function describeAfter(detail: DeploymentSummaryDto | DeploymentDetailDto): string {
  const parts = [`now ${detail.status}`];
  if ('approval' in detail && detail.approval) {
    const given = detail.approvals.filter((a) => a.decision === 'approve').length;
    parts.push(`${given}/${detail.approval.required} approvals`);
  }
  if (detail.reason) parts.push(detail.reason);
  return parts.join('; ');
}

interface SimpleAction {
  name: 'approve' | 'reject' | 'cancel' | 'retry';
  done: string;
  summary: string;
  usage: string;
  textFlag?: 'comment' | 'reason';
  call(client: ReturnType<typeof createClient>, id: string, text: string | undefined): Promise<DeploymentDetailDto>;
}

const ACTIONS: SimpleAction[] = [
  {
    name: 'approve',
    done: 'approved',
    summary: 'approve a deployment awaiting approval (approver role)',
    usage: 'cloudwright approve <deployment id> [--comment <text>]',
    textFlag: 'comment',
    call: (c, id, comment) => c.approve(id, comment === undefined ? {} : { comment }),
  },
  {
    name: 'reject',
    done: 'rejected',
    summary: 'reject a deployment awaiting approval (approver role)',
    usage: 'cloudwright reject <deployment id> [--comment <text>]',
    textFlag: 'comment',
    call: (c, id, comment) => c.reject(id, comment === undefined ? {} : { comment }),
  },
  {
    name: 'cancel',
    done: 'cancel requested for',
    summary: 'cancel a deployment; what it provisioned is compensated (operator role)',
    usage: 'cloudwright cancel <deployment id> [--reason <text>]',
    textFlag: 'reason',
    call: (c, id, reason) => c.cancel(id, reason === undefined ? {} : { reason }),
  },
  {
    name: 'retry',
    done: 'retrying',
    summary: 'retry the failed step of a paused deployment, or the failed compensation (operator role)',
    usage: 'cloudwright retry <deployment id>',
    call: (c, id) => c.retry(id),
  },
];

function actionUsage(action: SimpleAction): string {
  return `usage: ${action.usage} [--output text|json] [--api <url>] [--token <token>]

${action.summary[0]?.toUpperCase() ?? ''}${action.summary.slice(1)}. Prints the deployment after the action.
Exit codes: 0 done, 1 usage, connection or API error (e.g. 409 when the deployment is not in a state that allows it).
${API_USAGE}`;
}

export async function runAction(name: SimpleAction['name'], argv: string[], io: CommandIo = processIo()): Promise<number> {
  const action = ACTIONS.find((a) => a.name === name);
  if (!action) throw new Error(`unknown action ${name}`);
  const usage = actionUsage(action);
  return guard(name, usage, io, async () => {
    const { values, positionals } = parseCommandArgs(
      argv,
      { ...API_OPTIONS, output: { type: 'string' }, ...(action.textFlag ? { [action.textFlag]: { type: 'string' } } : {}) },
      true,
    );
    if (values.help) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    const id = oneId(positionals);
    const output = parseTextOrJson(typeof values.output === 'string' ? values.output : undefined);
    const raw = action.textFlag ? (values as Record<string, unknown>)[action.textFlag] : undefined;
    const text = optionalText(typeof raw === 'string' ? raw : undefined, `--${action.textFlag ?? ''}`);
    const detail = await action.call(createClient({ api: values.api, token: values.token }, io), id, text);
    io.stdout(output === 'json' ? `${JSON.stringify(detail, null, 2)}\n` : `${action.done} deployment ${detail.id}: ${describeAfter(detail)}\n`);
    return 0;
  });
}

export const ROLLBACK_USAGE = `usage: cloudwright rollback <deployment id> [--to-revision <n>] [--reason <text>] [--wait] [--timeout <dur>]
                          [--output text|json] [--api <url>] [--token <token>]

Rolls the stack/environment of a succeeded deployment back to an earlier revision (default: the one before it) by
starting a new deployment of kind rollback, and prints it. --wait follows the new deployment with the exit codes of
\`cloudwright deploy --wait\`; without --wait the exit code is 0 (1 on error, e.g. 409 when there is no earlier revision).
${API_USAGE}`;

export async function runRollback(argv: string[], io: CommandIo = processIo()): Promise<number> {
  return guard('rollback', ROLLBACK_USAGE, io, async () => {
    const { values, positionals } = parseCommandArgs(
      argv,
      { ...API_OPTIONS, 'to-revision': { type: 'string' }, reason: { type: 'string' }, wait: { type: 'boolean' }, timeout: { type: 'string' }, output: { type: 'string' } },
      true,
    );
    if (values.help) {
      io.stdout(`${ROLLBACK_USAGE}\n`);
      return 0;
    }
    const id = oneId(positionals);
    const output = parseTextOrJson(values.output);
    const wait = values.wait === true;
    const timeoutMs = parseTimeout(values.timeout, wait);
    let toRevision: number | undefined;
    if (values['to-revision'] !== undefined) {
      toRevision = Number(values['to-revision']);
      if (!/^\d+$/.test(values['to-revision']) || toRevision < 1) throw new UsageError(`--to-revision "${values['to-revision']}" must be a positive integer`);
    }
    const reason = optionalText(values.reason, '--reason');
    const client = createClient(values, io);
    const started = await client.rollback(id, { ...(toRevision === undefined ? {} : { toRevision }), ...(reason === undefined ? {} : { reason }) });
    const line = `rollback deployment ${started.id} restores revision ${started.rollbackToRevision ?? '?'} of ${started.stack} / ${started.environment}: ${describeAfter(started)}`;
    if (wait) {
      (output === 'json' ? io.stderr : io.stdout)(`${line}\n`);
      return waitAndReport(client, started.id, { output, timeoutMs, io });
    }
    io.stdout(output === 'json' ? `${JSON.stringify(started, null, 2)}\n` : `${line}\nfollow it with: cloudwright status ${started.id} --wait\n`);
    return 0;
  });
}

export const operateCommands: CliCommand[] = [
  ...ACTIONS.map((a): CliCommand => ({ name: a.name, summary: a.summary, run: (argv) => runAction(a.name, argv) })),
  {
    name: 'rollback',
    summary: 'roll a stack/environment back to an earlier revision (a new deployment); --wait follows it',
    run: (argv) => runRollback(argv),
  },
];
