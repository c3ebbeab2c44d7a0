import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DeploymentDetailDto } from '@cloudwright/contracts';
import { DEFAULT_API_URL, resolveApiTarget } from './api-client';
import { type CommandIo } from './command-io';
import { runAction, runRollback } from './operate.command';
import { runHistory, runStatus } from './status.command';
import { DEPLOYMENT_ID, at, detailFactory, scenario, startFakeOrchestrator, type FakeOrchestrator } from './__tests__/fake-orchestrator';

const EMPTY_DATA_DIR = mkdtempSync(join(tmpdir(), 'cw-data-'));
const ROLLBACK_ID = '22222222-3333-4444-8555-666666666666';

function capture(env: NodeJS.ProcessEnv) {
  let out = '';
  let err = '';
  const io: CommandIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    stdoutIsTty: false,
    stderrIsTty: false,
    env,
    dataDir: EMPTY_DATA_DIR,
    now: () => new Date(at(60)),
    render: { utc: true },
    pollIntervalMs: 20,
  };
  return { io, stdout: () => out, stderr: () => err };
}

describe('deployment operator commands', () => {
  let api: FakeOrchestrator | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });
  const env = (token = 'op-token') => ({ CW_API_URL: api?.url, CW_API_TOKEN: token });

  it('approve posts the comment with an approver token and prints the deployment after it', async () => {
    const after = detailFactory({ status: 'awaiting-approval', approval: { required: 2, approvers: [], deadline: at(600) }, approvals: [{ approver: 'alice', role: 'approver', decision: 'approve', comment: 'lgtm', at: at(30) }] });
    api = await startFakeOrchestrator({ stages: [], tokens: { 'ap-token': 'approver' }, answers: { [`POST /deployments/${DEPLOYMENT_ID}/approve`]: after } });
    const run = capture(env('ap-token'));
    await expect(runAction('approve', [DEPLOYMENT_ID, '--comment', 'lgtm'], run.io)).resolves.toBe(0);
    expect(api.requests.at(-1)).toMatchObject({ method: 'POST', path: `/deployments/${DEPLOYMENT_ID}/approve`, body: { comment: 'lgtm' }, authorization: 'Bearer ap-token' });
    expect(run.stdout()).toBe(`approved deployment ${DEPLOYMENT_ID}: now awaiting-approval; 1/2 approvals\n`);
  });

  it('approve exits 1 with the server message on 409', async () => {
    const message = `deployment ${DEPLOYMENT_ID} is succeeded: only a deployment awaiting approval can be approved`;
    api = await startFakeOrchestrator({
      stages: [],
      tokens: { 'ap-token': 'approver' },
      errors: { [`POST /deployments/${DEPLOYMENT_ID}/approve`]: { status: 409, body: { statusCode: 409, error: 'Conflict', message, code: 'CONFLICT' } } },
    });
    const run = capture(env('ap-token'));
    await expect(runAction('approve', [DEPLOYMENT_ID], run.io)).resolves.toBe(1);
    expect(run.stderr()).toBe(`cloudwright approve: ${message} (POST /deployments/${DEPLOYMENT_ID}/approve: 409 CONFLICT)\n`);
  });

  it('an operator token cannot approve: 403 names the role', async () => {
    api = await startFakeOrchestrator({ stages: [], tokens: { 'op-token': 'viewer' } });
    const run = capture(env());
    await expect(runAction('reject', [DEPLOYMENT_ID, '--comment', 'no'], run.io)).resolves.toBe(1);
    expect(run.stderr()).toBe('cloudwright reject: forbidden (403): approve/reject needs the approver role; your token has viewer\n');
  });

  it('cancel sends the reason and retry sends an empty body; --output json prints the DTO', async () => {
    const cancelled = detailFactory({ status: 'rolling-back', reason: 'cancelled by op' });
    api = await startFakeOrchestrator({
      stages: [],
      answers: { [`POST /deployments/${DEPLOYMENT_ID}/cancel`]: cancelled, [`POST /deployments/${DEPLOYMENT_ID}/retry`]: detailFactory({ status: 'provisioning' }) },
    });
    const cancel = capture(env());
    await expect(runAction('cancel', [DEPLOYMENT_ID, '--reason', 'wrong branch', '--output', 'json'], cancel.io)).resolves.toBe(0);
    expect(api.requests.at(-1)?.body).toEqual({ reason: 'wrong branch' });
    expect((JSON.parse(cancel.stdout()) as DeploymentDetailDto).status).toBe('rolling-back');
    const retry = capture(env());
    await expect(runAction('retry', [DEPLOYMENT_ID], retry.io)).resolves.toBe(0);
    expect(api.requests.at(-1)).toMatchObject({ path: `/deployments/${DEPLOYMENT_ID}/retry`, body: {} });
    expect(retry.stdout()).toBe(`retrying deployment ${DEPLOYMENT_ID}: now provisioning\n`);
  });

  it.each<[string, (io: CommandIo) => Promise<number>, RegExp, string]>([
    ['a missing id', (io) => runAction('approve', [], io), /<deployment id> is required/, 'usage: cloudwright approve <deployment id>'],
    ['a non-UUID id', (io) => runAction('cancel', ['latest'], io), /<deployment id> "latest" is not a deployment id \(a UUID\)/, 'usage: cloudwright cancel'],
    ['an option of another action', (io) => runAction('retry', [DEPLOYMENT_ID, '--comment', 'x'], io), /Unknown option '--comment'/, 'usage: cloudwright retry'],
    ['a bad revision', (io) => runRollback([DEPLOYMENT_ID, '--to-revision', '0'], io), /--to-revision "0" must be a positive integer/, 'usage: cloudwright rollback'],
    ['a too long comment', (io) => runAction('approve', [DEPLOYMENT_ID, '--comment', 'x'.repeat(2049)], io), /--comment is 2049 characters; at most 2048/, 'usage: cloudwright approve'],
    ['a bad limit', (io) => runHistory(['--limit', '1000'], io), /--limit "1000" must be an integer from 1 to 500/, 'usage: cloudwright history'],
    ['an unknown status', (io) => runHistory(['--status', 'done'], io), /--status "done" is not a deployment status; use one of queued, analyzing/, 'usage: cloudwright history'],
    ['both id and request key', (io) => runStatus([DEPLOYMENT_ID, '--request-key', 'k'], io), /give a deployment id or --request-key, not both/, 'usage: cloudwright status'],
    ['--timeout without --wait', (io) => runStatus([DEPLOYMENT_ID, '--timeout', '1m'], io), /--timeout only applies with --wait/, 'usage: cloudwright status'],
  ])('exits 1 with the usage on %s, before any request', async (_case, run, message, usage) => {
    const cli = capture({ CW_API_URL: 'http://127.0.0.1:1' });
    await expect(run(cli.io)).resolves.toBe(1);
    expect(cli.stderr()).toMatch(message);
    expect(cli.stderr()).toContain(usage);
    expect(cli.stdout()).toBe('');
  });

  it('rollback starts the rollback deployment and --wait follows it to its end', async () => {
    const stages = scenario('succeeded');
    api = await startFakeOrchestrator({
      stages,
      answers: { [`POST /deployments/${ROLLBACK_ID}/rollback`]: { ...detailFactory({ kind: 'rollback', rollbackToRevision: 2, status: 'queued' }) } },
    });
    const run = capture(env());
    await expect(runRollback([ROLLBACK_ID, '--to-revision', '2', '--reason', 'bad release', '--wait'], run.io)).resolves.toBe(0);
    expect(api.requests.find((r) => r.path === `/deployments/${ROLLBACK_ID}/rollback`)?.body).toEqual({ toRevision: 2, reason: 'bad release' });
    expect(run.stdout()).toContain(`rollback deployment ${DEPLOYMENT_ID} restores revision 2 of web / staging: now queued`);
    expect(run.stdout()).toContain('  exit code  0 (succeeded)');
  });

  it('status shows the detail view; by request key too; --wait uses the deploy exit codes', async () => {
    api = await startFakeOrchestrator({ stages: scenario('cancelled') });
    const plain = capture(env());
    await expect(runStatus([DEPLOYMENT_ID], plain.io)).resolves.toBe(0);
    expect(plain.stdout()).toContain(`deployment ${DEPLOYMENT_ID}  (deploy)  stack web / staging`);
    expect(plain.stdout()).toContain('  queue        position 1 (1 = next to run)');
    const byKey = capture(env());
    await expect(runStatus(['--request-key', 'github-actions:acme/web:42:web:staging', '--output', 'json'], byKey.io)).resolves.toBe(0);
    expect((JSON.parse(byKey.stdout()) as DeploymentDetailDto).id).toBe(DEPLOYMENT_ID);
    const waited = capture(env());
    await expect(runStatus([DEPLOYMENT_ID, '--wait'], waited.io)).resolves.toBe(4);
    expect(waited.stdout()).toContain('cancelled  by alice: wrong branch (1 compensated)');
  });

  it('status of an unknown id exits 1 with the server message', async () => {
    api = await startFakeOrchestrator({ stages: [] });
    const run = capture(env());
    await expect(runStatus(['00000000-0000-4000-8000-000000000000'], run.io)).resolves.toBe(1);
    expect(run.stderr()).toBe('cloudwright status: no route GET /deployments/00000000-0000-4000-8000-000000000000 (GET /deployments/00000000-0000-4000-8000-000000000000: 404 NOT_FOUND)\n');
  });

  it('history passes the filters and prints the table', async () => {
    api = await startFakeOrchestrator({ stages: [], answers: { 'GET /deployments': [detailFactory({ status: 'succeeded', revision: 7, finishedAt: at(30), startedAt: at(1) })] } });
    const run = capture(env());
    await expect(runHistory(['--stack', 'web', '--env', 'staging', '--status', 'succeeded', '--limit', '5'], run.io)).resolves.toBe(0);
    expect(api.requests.at(-1)?.path).toBe('/deployments?stack=web&environment=staging&status=succeeded&limit=5');
    expect(run.stdout()).toMatch(new RegExp(`${DEPLOYMENT_ID} +succeeded +deploy +7 `));
  });
});

describe(resolveApiTarget.name, () => {
  it('takes the flag, then CW_API_URL / CW_API_TOKEN, then the files `up` wrote, then the default', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cw-data-'));
    expect(resolveApiTarget({}, {}, dataDir)).toEqual({ url: DEFAULT_API_URL, urlSource: 'default', token: undefined, tokenSource: 'none' });
    writeFileSync(join(dataDir, 'api-url'), 'http://127.0.0.1:9191/\n');
    writeFileSync(join(dataDir, 'api-token'), 'file-token\n');
    expect(resolveApiTarget({}, {}, dataDir)).toMatchObject({ url: 'http://127.0.0.1:9191', urlSource: 'platform', token: 'file-token', tokenSource: 'platform' });
    expect(resolveApiTarget({}, { CW_API_URL: 'https://cw.example.com', CW_API_TOKEN: 'env-token' }, dataDir)).toMatchObject({
      url: 'https://cw.example.com',
      urlSource: 'CW_API_URL',
      token: 'env-token',
      tokenSource: 'CW_API_TOKEN',
    });
    expect(resolveApiTarget({ api: 'http://h:1', token: 'flag' }, { CW_API_URL: 'https://x', CW_API_TOKEN: 'y' }, dataDir)).toMatchObject({
      url: 'http://h:1',
      urlSource: '--api',
      token: 'flag',
      tokenSource: '--token',
    });
  });

  it('rejects a URL that is not http(s) and an empty token, naming where they came from', () => {
    expect(() => resolveApiTarget({}, { CW_API_URL: 'nats://127.0.0.1:4222' }, EMPTY_DATA_DIR)).toThrow('CW_API_URL "nats://127.0.0.1:4222" must be an http:// or https:// URL');
    expect(() => resolveApiTarget({ api: 'not a url' }, {}, EMPTY_DATA_DIR)).toThrow('--api "not a url" is not a URL');
    expect(() => resolveApiTarget({ token: ' ' }, {}, EMPTY_DATA_DIR)).toThrow('--token is empty');
  });
});
