import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { type CloudEvent } from '@cloudwright/contracts';
import { createMessagingKit, waitFor, type MessagingKit } from './__tests__/messaging-kit';
import { OwnNatsServerHandle } from './__tests__/own-nats-server';
import { readStream } from './__tests__/stream-reader';
import { GADGET_CHANGED_SUBJECT, GadgetChangedV1 } from './__tests__/test-events';
import { createEvent } from './publishing/event-factory';
import { MessagingRuntime } from './messaging-runtime';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe(`${MessagingRuntime.name} across a nats-server outage`, () => {
  let kit: MessagingKit;
  let server: OwnNatsServerHandle;

  beforeAll(async () => {
    server = await OwnNatsServerHandle.start();
    kit = await createMessagingKit('nats_outage');
    await kit.dataSource.query(`CREATE TABLE "${kit.ctx.schema}".handled (event_id uuid NOT NULL, gadget_id text NOT NULL, n int NOT NULL)`);
  }, 30_000);

  afterAll(async () => {
    // runtimes drain their connection on stop: give them a server to drain to
    await server?.restart().catch(() => undefined);
    await kit?.dispose();
    await server?.dispose();
  }, 30_000);

  const query = async <R>(sql: string, params: unknown[] = []): Promise<R[]> => kit.dataSource.query(sql, params);

  it('keeps committed outbox rows while the server is down and drains them in per-key order once it is back', async () => {
    const runtime = kit.runtime({ natsUrl: server.url, relay: { pollIntervalMs: 50 } });
    await runtime.start();
    const warmup = await runtime.unitOfWork.run((tx) => tx.publish(GadgetChangedV1, { gadgetId: `warmup-${randomUUID()}`, n: 0 }));
    await waitFor('the warm-up event to be published', async () => (await runtime.outboxRelay!.backlog()) === 0);

    await server.stop();
    const keys = [`a-${randomUUID()}`, `b-${randomUUID()}`, `c-${randomUUID()}`];
    const ids = new Map<string, string[]>(keys.map((k) => [k, []]));
    for (let n = 0; n < 10; n++) {
      for (const gadgetId of keys) {
        const event = await runtime.unitOfWork.run((tx) => tx.publish(GadgetChangedV1, { gadgetId, n }));
        ids.get(gadgetId)!.push(event.id);
      }
    }
    // the relay tried, failed and kept every row
    await waitFor(
      'a failed publish attempt to be recorded',
      async () => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM "${kit.ctx.schema}".cw_outbox WHERE last_error IS NOT NULL AND published_at IS NULL`))[0].n > 0,
      20_000,
    );
    await expect(runtime.outboxRelay!.backlog()).resolves.toBe(30);

    await server.restart();
    await waitFor('the backlog to drain', async () => (await runtime.outboxRelay!.backlog()) === 0, 30_000);

    const stored = await readStream<GadgetChangedV1>(runtime.jsm, runtime.topology.streams.events);
    expect(stored.filter((m) => m.event.id === warmup.id)).toHaveLength(1);
    for (const gadgetId of keys) {
      const arrived = stored.filter((m) => m.event.subject === gadgetId);
      expect(arrived.map((m) => m.event.id)).toEqual(ids.get(gadgetId));
      expect(arrived.map((m) => m.event.data.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
    await runtime.stop();
  }, 90_000);

  it('nats-server restarted mid-stream: consumers resume and nothing is lost', async () => {
    const N = 300;
    const M = 100;
    const runtime = kit.runtime({ natsUrl: server.url, relayEnabled: false, consumerDefaults: { ackWaitMs: 3000, backoffMs: [100] } });
    const invocations = new Map<string, number>();
    const run = `r-${randomUUID()}`;
    await runtime.subscribe(
      GadgetChangedV1,
      async (event: CloudEvent<GadgetChangedV1>, ctx) => {
        if (!event.data.gadgetId.startsWith(run)) return;
        invocations.set(event.id, (invocations.get(event.id) ?? 0) + 1);
        await sleep(5); // slow enough that the outage hits while events are still unprocessed
        await ctx.tx.manager.query(`INSERT INTO "${kit.ctx.schema}".handled (event_id, gadget_id, n) VALUES ($1, $2, $3)`, [event.id, event.data.gadgetId, event.data.n]);
      },
      { name: 'outage' },
    );
    await runtime.start();
    const handled = async () => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM "${kit.ctx.schema}".handled WHERE gadget_id LIKE $1`, [`${run}%`]))[0].n;

    // a producer retries a publish that timed out (a request sent while the client was reconnecting is lost);
    // the same event id makes the retry idempotent
    const publishOne = async (n: number): Promise<CloudEvent<GadgetChangedV1>> => {
      const event = createEvent('cloudwright/test', GadgetChangedV1, { gadgetId: `${run}-${n % 7}`, n });
      for (let attempt = 1; ; attempt++) {
        try {
          await runtime.publisher.publishEvent(event, GADGET_CHANGED_SUBJECT, { timeoutMs: 2000 });
          return event;
        } catch (error) {
          if (attempt >= 5) throw error;
        }
      }
    };
    const publish = (from: number, count: number) => Promise.all(Array.from({ length: count }, (_, i) => publishOne(from + i)));
    const first = await publish(0, N);
    await waitFor('some events to be handled', async () => (await handled()) >= 50);
    await server.stop();
    const handledAtStop = await handled();
    expect(handledAtStop).toBeLessThan(N);

    await server.restart();
    const second = await publish(N, M);
    const all = [...first, ...second].map((e) => e.id);
    await waitFor(`all ${N + M} events to be handled`, async () => (await handled()) === N + M, 60_000);
    await waitFor('the consumer to have nothing pending', async () => {
      const info = await runtime.jsm.consumers.info(runtime.topology.streams.events, 'test__outage');
      return info.num_pending === 0 && info.num_ack_pending === 0;
    }, 30_000);

    const rows = await query<{ total: number; distinct: number }>(
      `SELECT count(*)::int AS total, count(DISTINCT event_id)::int AS distinct FROM "${kit.ctx.schema}".handled WHERE gadget_id LIKE $1`,
      [`${run}%`],
    );
    expect(rows[0]).toEqual({ total: N + M, distinct: N + M });
    const inbox = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "${kit.ctx.schema}".cw_inbox WHERE consumer = 'test__outage' AND event_id = ANY($1::uuid[])`, [all]);
    expect(inbox[0].n).toBe(N + M);
    // every event's handler ran once: redeliveries after the outage were answered by the inbox
    expect(invocations.size).toBe(N + M);
    expect([...invocations.values()].filter((count) => count !== 1)).toEqual([]);
    await runtime.stop();
  }, 120_000);
});
