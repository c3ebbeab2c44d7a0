import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import {
  type DeploymentDetailDto,
  type DeploymentStatus,
  type FeedEventDto,
  type GateResultDto,
  type StepDto,
  type SubmitDeploymentResponse,
} from '@cloudwright/contracts';

/**
 * A real HTTP server speaking the orchestrator API's shapes with canned answers, for testing the CLI's own logic
 * (client, SSE parsing, following, exit codes) without the orchestrator. Not a test double of NATS or PostgreSQL.
 */

export const DEPLOYMENT_ID = '6f1c1a52-7a8e-4a57-9a39-0d1b9d7c2e11';
const T0 = Date.parse('2026-11-22T12:00:00.000Z');
export const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

export function detailFactory(overrides: Partial<DeploymentDetailDto> = {}): DeploymentDetailDto {
  return {
    id: DEPLOYMENT_ID,
    requestKey: 'github-actions:acme/web:42:web:staging',
    kind: 'deploy',
    stack: 'web',
    environment: 'staging',
    status: 'queued',
    targetClouds: ['aws'],
    clouds: [],
    revision: null,
    rollbackToRevision: null,
    reason: null,
    queuePosition: 1,
    correlationId: 'corr-1',
    ci: { provider: 'github-actions', runId: '42', commit: 'abc1234', actor: 'octocat' },
    labels: {},
    requestedAt: at(0),
    startedAt: null,
    finishedAt: null,
    updatedAt: at(0),
    stepCounts: { total: 0, succeeded: 0, failed: 0, running: 0, compensations: 0 },
    gates: [],
    timeline: [{ at: at(0), from: null, to: 'queued', reason: null, actor: null }],
    steps: [],
    approvals: [],
    approval: null,
    rollback: null,
    ...overrides,
  };
}

export function gate(name: GateResultDto['gate'], status: GateResultDto['status'], summary: string, seconds: number, reasons: string[] = []): GateResultDto {
  return { gate: name, status, summary, reasons, facts: {}, details: null, requestedAt: at(seconds - 1), decidedAt: at(seconds) };
}

export function step(id: string, seq: number, address: string, status: StepDto['status'], startS: number, endS: number | null, extra: Partial<StepDto> = {}): StepDto {
  return {
    id,
    seq,
    address,
    resourceType: address.split('.')[0] ?? 'x',
    cloud: 'aws',
    region: 'us-east-1',
    action: 'create',
    phase: 'forward',
    compensates: null,
    status,
    attempts: 1,
    dependsOn: [],
    providerId: null,
    error: null,
    note: null,
    startedAt: at(startS),
    finishedAt: endS === null ? null : at(endS),
    callStartedAt: at(startS),
    callFinishedAt: endS === null ? null : at(endS),
    ...extra,
  };
}

let eventSeq = 0;
export function feedEvent(type: string, seconds: number, data: Record<string, unknown>): FeedEventDto {
  eventSeq += 1;
  return {
    id: `evt-${eventSeq}`,
    type,
    subject: DEPLOYMENT_ID,
    time: at(seconds),
    correlationid: 'corr-1',
    data: { deploymentId: DEPLOYMENT_ID, stack: 'web', environment: 'staging', requestKey: 'k', kind: 'deploy', ...data },
  };
}

/** One state of the scenario: what GET /deployments/:id answers, and the feed events that led to it. */
export interface Stage {
  detail: DeploymentDetailDto;
  events: FeedEventDto[];
}

export interface FakeOptions {
  stages: Stage[];
  /** Tokens accepted, with their role. Default: { 'op-token': 'operator' }. */
  tokens?: Record<string, string>;
  /** deploymentId in the POST answer; null = resolve by request key. */
  submitDeploymentId?: string | null;
  /** by-request-key answers 404 this many times first. */
  byKeyMisses?: number;
  /** Serve the feed at all (else 503). */
  feed?: boolean;
  /** Close each feed connection after this many events, and refuse reconnects (503). */
  dropFeedAfter?: number;
  /** Canned error answers by "METHOD path": status and body. */
  errors?: Record<string, { status: number; body: unknown }>;
  /** Answers for other routes ("METHOD path" → JSON). */
  answers?: Record<string, unknown>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export interface FakeOrchestrator {
  url: string;
  requests: RecordedRequest[];
  /** Feed connections opened. */
  feedConnections: number;
  close(): Promise<void>;
}

const ROLE_OF_ROUTE: [RegExp, string, string][] = [
  [/^POST \/deployments$/, 'operator', 'POST /deployments'],
  [/^POST \/deployments\/[^/]+\/(approve|reject)$/, 'approver', 'approve/reject'],
  [/^POST \/deployments\/[^/]+\/(cancel|retry|rollback)$/, 'operator', 'operator actions'],
];
const RANK: Record<string, number> = { viewer: 0, operator: 1, approver: 1, admin: 2 };

export async function startFakeOrchestrator(options: FakeOptions): Promise<FakeOrchestrator> {
  const tokens = options.tokens ?? { 'op-token': 'operator' };
  let stage = 0;
  let feedEverConnected = false;
  let byKeyMisses = options.byKeyMisses ?? 0;
  const feeds = new Set<ServerResponse>();
  const state: FakeOrchestrator = { url: '', requests: [], feedConnections: 0, close: () => Promise.resolve() };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  // Each event written in two pieces split inside a line: the client must reassemble chunks.
  const writeEvent = (res: ServerResponse, event: FeedEventDto) => {
    const text = `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
    const cut = Math.floor(text.length / 2);
    res.write(text.slice(0, cut));
    res.write(text.slice(cut));
  };
  const current = () => options.stages[Math.min(stage, options.stages.length - 1)];
  const advance = () => {
    if (stage >= options.stages.length - 1) return;
    stage += 1;
    for (const res of feeds) for (const event of current()?.events ?? []) emit(res, event);
  };
  const sent = new WeakMap<ServerResponse, number>();
  const emit = (res: ServerResponse, event: FeedEventDto) => {
    const count = (sent.get(res) ?? 0) + 1;
    sent.set(res, count);
    writeEvent(res, event);
    if (options.dropFeedAfter !== undefined && count >= options.dropFeedAfter) {
      feeds.delete(res);
      // Let the written events reach the client, then cut the connection without ending the response.
      setTimeout(() => res.socket?.destroy(), 30);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text ? JSON.parse(text) : undefined;
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    state.requests.push({ method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, authorization: req.headers.authorization, body });

    const token = req.headers.authorization?.replace(/^Bearer /, '');
    const role = token ? tokens[token] : undefined;
    if (!role) {
      res.setHeader('www-authenticate', 'Bearer');
      send(res, 401, { statusCode: 401, error: 'Unauthorized', message: token ? 'unknown API token' : 'missing bearer token', code: 'UNAUTHORIZED' });
      return;
    }
    const needed = ROLE_OF_ROUTE.find(([pattern]) => pattern.test(route));
    if (needed && role !== 'admin' && (RANK[role] ?? 0) < (RANK[needed[1]] ?? 0)) {
      send(res, 403, { statusCode: 403, error: 'Forbidden', message: `${needed[2]} needs the ${needed[1]} role; your token has ${role}`, code: 'FORBIDDEN' });
      return;
    }
    const canned = options.errors?.[route];
    if (canned) {
      send(res, canned.status, canned.body);
      return;
    }
    if (route === 'POST /deployments') {
      const request = body as { requestKey: string };
      const answer: SubmitDeploymentResponse = {
        deploymentId: options.submitDeploymentId === undefined ? DEPLOYMENT_ID : options.submitDeploymentId,
        eventId: 'evt-submit',
        requestKey: request.requestKey,
        correlationId: 'corr-1',
        status: 'submitted',
      };
      send(res, 202, answer);
      return;
    }
    if (url.pathname.startsWith('/deployments/by-request-key/')) {
      if (byKeyMisses > 0) {
        byKeyMisses -= 1;
        send(res, 404, { statusCode: 404, error: 'Not Found', message: 'no deployment for that request key', code: 'NOT_FOUND' });
        return;
      }
      send(res, 200, current()?.detail);
      return;
    }
    if (route === `GET /deployments/${DEPLOYMENT_ID}`) {
      send(res, 200, current()?.detail);
      if (feedEverConnected || options.feed === false) advance();
      return;
    }
    if (route === 'GET /events') {
      state.feedConnections += 1;
      if (options.feed === false || (options.dropFeedAfter !== undefined && feedEverConnected)) {
        send(res, 503, { statusCode: 503, error: 'Service Unavailable', message: 'feed unavailable', code: 'UNAVAILABLE' });
        return;
      }
      feedEverConnected = true;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(': ping\n\n');
      feeds.add(res);
      req.on('close', () => feeds.delete(res));
      return;
    }
    if (options.answers && route in options.answers) {
      send(res, 200, options.answers[route]);
      return;
    }
    send(res, 404, { statusCode: 404, error: 'Not Found', message: `no route ${route}`, code: 'NOT_FOUND' });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { statusCode: 500, message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = async () => {
    for (const res of feeds) res.socket?.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}

/** A scenario: queued → gates → provisioning two steps → `final`. */
export function scenario(final: DeploymentStatus, extra: Partial<DeploymentDetailDto> = {}): Stage[] {
  const vpc = 'aaaaaaaa-0000-4000-8000-000000000001';
  const db = 'aaaaaaaa-0000-4000-8000-000000000002';
  const costGate = gate('cost', 'passed', '$412.77/month (within budget)', 3);
  const analysis = gate('analysis', 'passed', 'aws scores 91', 2);
  const compliance = gate('compliance', 'passed', 'score 96, no blocking findings', 4);
  const counts = (succeeded: number, running: number) => ({ total: 2, succeeded, failed: 0, running, compensations: 0 });
  const stages: Stage[] = [
    { detail: detailFactory(), events: [] },
    {
      detail: detailFactory({ status: 'scanning', queuePosition: null, startedAt: at(1), gates: [analysis, costGate], clouds: ['aws'] }),
      events: [
        feedEvent('deployment.started.v1', 1, { status: 'analyzing', changes: 2 }),
        feedEvent('deployment.gate-passed.v1', 2, { status: 'estimating', gate: 'analysis', summary: 'aws scores 91', facts: {} }),
        feedEvent('deployment.gate-passed.v1', 3, { status: 'scanning', gate: 'cost', summary: '$412.77/month (within budget)', facts: {} }),
      ],
    },
    {
      detail: detailFactory({
        status: 'provisioning',
        queuePosition: null,
        startedAt: at(1),
        clouds: ['aws'],
        gates: [analysis, costGate, compliance],
        steps: [step(vpc, 1, 'aws_vpc.main', 'succeeded', 5, 5.4), step(db, 2, 'aws_db_instance.main', 'running', 5.5, null)],
        stepCounts: counts(1, 1),
      }),
      events: [
        feedEvent('deployment.gate-passed.v1', 4, { status: 'provisioning', gate: 'compliance', summary: 'score 96, no blocking findings', facts: {} }),
        feedEvent('deployment.step-started.v1', 5, { status: 'provisioning', stepId: vpc, seq: 1, address: 'aws_vpc.main', resourceType: 'aws_vpc', cloud: 'aws', region: 'us-east-1', action: 'create', phase: 'forward', attempt: 1 }),
        feedEvent('deployment.step-succeeded.v1', 5.4, { status: 'provisioning', stepId: vpc, seq: 1, address: 'aws_vpc.main', resourceType: 'aws_vpc', cloud: 'aws', region: 'us-east-1', action: 'create', phase: 'forward', attempt: 1, durationMs: 400 }),
      ],
    },
  ];
  const last = stages[2]?.detail ?? detailFactory();
  const doneSteps = [step(vpc, 1, 'aws_vpc.main', 'succeeded', 5, 5.4), step(db, 2, 'aws_db_instance.main', 'succeeded', 5.5, 8)];
  const finalEvents: Record<string, FeedEventDto[]> = {
    succeeded: [
      feedEvent('deployment.step-succeeded.v1', 8, { status: 'provisioning', stepId: db, seq: 2, address: 'aws_db_instance.main', resourceType: 'aws_db_instance', cloud: 'aws', region: 'us-east-1', action: 'create', phase: 'forward', attempt: 1, durationMs: 2500 }),
      feedEvent('deployment.succeeded.v1', 9, { status: 'succeeded', revision: 3, created: 2, updated: 0, deleted: 0, durationMs: 9000 }),
    ],
    'rolled-back': [
      feedEvent('deployment.step-failed.v1', 8, { status: 'provisioning', stepId: db, seq: 2, address: 'aws_db_instance.main', resourceType: 'aws_db_instance', cloud: 'aws', region: 'us-east-1', action: 'create', phase: 'forward', attempt: 1, errorCode: 'quota-exceeded', error: 'db.r5 quota reached in us-east-1', willRetry: false }),
      feedEvent('deployment.failed.v1', 8.1, { status: 'failed', reason: 'aws_db_instance.main failed: quota-exceeded', next: 'rolling-back' }),
      feedEvent('deployment.rolling-back.v1', 8.2, { status: 'rolling-back', reason: 'step-failed', detail: 'aws_db_instance.main failed', compensations: 1 }),
      feedEvent('deployment.rolled-back.v1', 9, { status: 'rolled-back', reason: 'step-failed', compensated: 1 }),
    ],
    cancelled: [feedEvent('deployment.cancelled.v1', 9, { status: 'cancelled', by: 'alice', reason: 'wrong branch', compensated: 1 })],
    blocked: [],
    rejected: [],
    'rollback-failed': [],
  };
  stages.push({
    detail: {
      ...last,
      status: final,
      finishedAt: at(9),
      updatedAt: at(9),
      revision: final === 'succeeded' ? 3 : null,
      reason: final === 'succeeded' ? null : `ended ${final}`,
      steps: final === 'succeeded' ? doneSteps : last.steps,
      stepCounts: final === 'succeeded' ? counts(2, 0) : { ...counts(1, 0), failed: 1, compensations: 1 },
      timeline: [...last.timeline, { at: at(9), from: 'provisioning', to: final, reason: null, actor: null }],
      ...extra,
    },
    events: finalEvents[final] ?? [],
  });
  return stages;
}
