import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMessagingKit, waitFor, type MessagingKit } from '../__tests__/messaging-kit';
import { FixtureProcess, jsonLines, type FixtureExit } from '../__tests__/run-fixture';
import { copiesOf } from '../__tests__/stream-reader';
import { GadgetChangedV1 } from '../__tests__/test-events';
import { OutboxRelay } from './outbox-relay';

const FIXTURE = join(__dirname, '../__tests__/fixtures/outbox-crash.fixture.ts');

describe(`${OutboxRelay.name} crash safety`, () => {
  let kit: MessagingKit;
  const children: FixtureProcess[] = [];

  beforeAll(async () => {
    kit = await createMessagingKit('outbox_crash');
  });

  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill()));
    await kit.dispose();
  });

  async function crashChild(point: 'after-commit' | 'after-publish', gadgetId: string): Promise<{ exit: FixtureExit; eventId: string }> {
    const child = new FixtureProcess(FIXTURE, {
      CW_CRASH_POINT: point,
      CW_NATS_URL: kit.ctx.natsUrl,
      CW_DATABASE_URL: kit.ctx.databaseUrl,
      CW_TEST_SCHEMA: kit.ctx.schema,
      CW_TEST_STREAM_PREFIX: kit.ctx.streamPrefix,
      CW_TEST_SUBJECT_PREFIX: kit.ctx.subjectPrefix,
      CW_GADGET_ID: gadgetId,
    });
    children.push(child);
    const exit = await child.exited;
    const [line] = jsonLines(exit.stdout);
    if (typeof line?.eventId !== 'string') throw new Error(`fixture printed no event id (exit ${exit.code ?? exit.signal}): ${exit.stderr}`);
    return { exit, eventId: line.eventId };
  }

  const outboxRow = async (id: string) => {
    const rows: { published_at: Date | null }[] = await kit.dataSource.query(`SELECT published_at FROM "${kit.ctx.schema}".cw_outbox WHERE id = $1`, [id]);
    return rows[0];
  };

  it('a process killed between the database commit and the publish publishes exactly one event after restart', async () => {
    const { exit, eventId } = await crashChild('after-commit', `g-${randomUUID()}`);
    expect(exit.signal).toBe('SIGKILL');
    const probe = kit.runtime({ relayEnabled: false });
    await probe.connect();
    await expect(copiesOf(probe.jsm, probe.topology.streams.events, eventId)).resolves.toHaveLength(0);
    await expect(outboxRow(eventId)).resolves.toEqual({ published_at: null });

    const restarted = kit.runtime();
    await restarted.start();
    await waitFor('the outbox row to be marked sent', async () => (await outboxRow(eventId))?.published_at instanceof Date);
    const copies = await copiesOf(restarted.jsm, restarted.topology.streams.events, eventId);
    expect(copies).toHaveLength(1);
    expect(copies[0].msgId).toBe(eventId);
    await restarted.stop();
    await probe.stop();
  });

  it('a process killed after the publish but before marking the row sent leaves one copy in the stream after restart', async () => {
    const { exit, eventId } = await crashChild('after-publish', `g-${randomUUID()}`);
    expect(exit.signal).toBe('SIGKILL');
    const restarted = kit.runtime({ relayEnabled: false });
    await restarted.connect();
    await expect(copiesOf(restarted.jsm, restarted.topology.streams.events, eventId)).resolves.toHaveLength(1);
    await expect(outboxRow(eventId)).resolves.toEqual({ published_at: null });

    // the restarted relay publishes the row again; the stream's duplicate window drops the second copy
    await expect(restarted.outboxRelay!.drain()).resolves.toBe(1);
    await expect(outboxRow(eventId)).resolves.toEqual({ published_at: expect.any(Date) as unknown });
    const copies = await copiesOf(restarted.jsm, restarted.topology.streams.events, eventId);
    expect(copies).toHaveLength(1);
    expect(copies[0].msgId).toBe(eventId);
    await restarted.stop();
  });

  it('a row republished beyond the duplicate window reaches the stream twice and is handled once', async () => {
    const shortWindow = await createMessagingKit('outbox_window');
    try {
      await shortWindow.dataSource.query(`CREATE TABLE "${shortWindow.ctx.schema}".handled (event_id uuid NOT NULL, n int NOT NULL)`);
      let failMarking = true;
      const runtime = shortWindow.runtime({
        relayEnabled: false,
        topology: { streamPrefix: shortWindow.ctx.streamPrefix, subjectPrefix: shortWindow.ctx.subjectPrefix, duplicateWindowMs: 1000 },
        consumerDefaults: { ackWaitMs: 5000, backoffMs: [50] },
        relay: {
          afterPublish: () => {
            if (failMarking) throw new Error('crashed before the rows were marked sent');
          },
        },
      });
      let calls = 0;
      await runtime.subscribe(
        GadgetChangedV1,
        async (event, ctx) => {
          calls++;
          await ctx.tx.manager.query(`INSERT INTO "${shortWindow.ctx.schema}".handled (event_id, n) VALUES ($1, $2)`, [event.id, event.data.n]);
        },
        { name: 'window' },
      );
      await runtime.start();
      const event = await runtime.unitOfWork.run((tx) => tx.publish(GadgetChangedV1, { gadgetId: `g-${randomUUID()}`, n: 7 }));
      await expect(runtime.outboxRelay!.drain()).rejects.toThrow('crashed before the rows were marked sent');

      await sleep(1200); // past the stream's 1 s duplicate window: nothing else can be awaited here
      failMarking = false;
      await expect(runtime.outboxRelay!.drain()).resolves.toBe(1);
      await expect(copiesOf(runtime.jsm, runtime.topology.streams.events, event.id)).resolves.toHaveLength(2);

      await waitFor('both copies delivered and acked', async () => {
        const info = await runtime.jsm.consumers.info(runtime.topology.streams.events, 'test__window');
        return info.delivered.stream_seq >= 2 && info.num_ack_pending === 0 && info.num_pending === 0;
      });
      expect(calls).toBe(1);
      const handled: unknown[] = await shortWindow.dataSource.query(`SELECT 1 FROM "${shortWindow.ctx.schema}".handled WHERE event_id = $1`, [event.id]);
      expect(handled).toHaveLength(1);
    } finally {
      await shortWindow.dispose();
    }
  });
});
