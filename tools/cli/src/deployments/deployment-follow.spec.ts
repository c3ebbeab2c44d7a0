import { DeploymentsApiClient } from './api-client';
import { followDeployment, LiveWriter } from './deployment-follow';
import { DEPLOYMENT_ID, scenario, startFakeOrchestrator, type FakeOrchestrator } from './__tests__/fake-orchestrator';

describe(LiveWriter.name, () => {
  it('writes plain lines and no progress without a TTY', () => {
    let out = '';
    const writer = new LiveWriter((t) => (out += t), false);
    writer.progress('[=>  ] 1/4 steps');
    writer.line('a');
    writer.end();
    expect(out).toBe('a\n');
  });

  it('redraws the progress line under each new line on a TTY and clears it at the end', () => {
    let out = '';
    const writer = new LiveWriter((t) => (out += t), true);
    writer.progress('P1');
    writer.line('a');
    writer.progress('P1');
    writer.progress('P2');
    writer.end();
    expect(out).toBe('P1\r\u001b[2Ka\nP1\r\u001b[2KP2\r\u001b[2K');
  });
});

describe(followDeployment.name, () => {
  let api: FakeOrchestrator | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('treats a feed that goes quiet (not even a ping) as dropped and reconnects, while the poll goes on', async () => {
    api = await startFakeOrchestrator({ stages: scenario('succeeded').slice(0, 3) });
    const client = new DeploymentsApiClient({ url: api.url, urlSource: '--api', token: 'op-token', tokenSource: '--token' });
    const notes: string[] = [];
    const lines: string[] = [];
    const result = await followDeployment(client, DEPLOYMENT_ID, {
      timeoutMs: 600,
      pollIntervalMs: 20,
      feedIdleMs: 150,
      reconnectDelayMs: 10,
      render: { utc: true },
      out: new LiveWriter((t) => lines.push(t), false),
      note: (t) => notes.push(t),
    });
    expect(result.timedOut).toBe(true);
    expect(result.detail.status).toBe('provisioning');
    expect(result.feedDrops).toBeGreaterThanOrEqual(1);
    expect(notes[0]).toBe('live feed dropped (no data for 0.15s); following by polling every 0.02s, reconnecting in 0.01s');
    expect(notes).toContain('live feed reconnected');
    expect(api.feedConnections).toBeGreaterThanOrEqual(2);
  });

  it('stops following by polling alone when the feed is refused for good (403)', async () => {
    api = await startFakeOrchestrator({ stages: scenario('succeeded'), feed: false, errors: { 'GET /events': { status: 403, body: { code: 'FORBIDDEN', message: 'no feed for you' } } } });
    const client = new DeploymentsApiClient({ url: api.url, urlSource: '--api', token: 'op-token', tokenSource: '--token' });
    const notes: string[] = [];
    const result = await followDeployment(client, DEPLOYMENT_ID, {
      timeoutMs: 5_000,
      pollIntervalMs: 20,
      out: new LiveWriter(() => undefined, false),
      note: (t) => notes.push(t),
    });
    expect(result.detail.status).toBe('succeeded');
    expect(notes).toEqual(['live feed unavailable (forbidden (403): no feed for you; GET /events?deploymentId=' + DEPLOYMENT_ID + ' needs the viewer role); following by polling every 0.02s']);
    expect(api.feedConnections).toBe(0);
  });
});
