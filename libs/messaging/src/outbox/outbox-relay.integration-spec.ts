import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Headers as H } from '@cloudwright/contracts';
import { createMessagingKit, type MessagingKit } from '../__tests__/messaging-kit';
import { copiesOf, readStream } from '../__tests__/stream-reader';
import { GADGET_CHANGED_SUBJECT, GadgetChangedV1 } from '../__tests__/test-events';
import { type MessagingRuntime } from '../messaging-runtime';
import { OutboxRelay } from './outbox-relay';

describe(OutboxRelay.name, () => {
  let kit: MessagingKit;
  let runtime: MessagingRuntime;

  beforeAll(async () => {
    kit = await createMessagingKit('outbox');
    await kit.dataSource.query(`CREATE TABLE "${kit.ctx.schema}".gadgets (id text PRIMARY KEY, n int NOT NULL)`);
    // the relay runs only when a test drains it, so every assertion sees exactly what one drain published
    runtime = kit.runtime({ relayEnabled: false });
    await runtime.start();
  });

  afterAll(async () => {
    await kit.dispose();
  });

  const outboxRow = async (id: string) => {
    const rows: { published_at: Date | null; attempts: number }[] = await kit.dataSource.query(
      `SELECT published_at, attempts FROM "${kit.ctx.schema}".cw_outbox WHERE id = $1`,
      [id],
    );
    return rows[0];
  };

  it('publishes a committed event exactly once with Nats-Msg-Id = event id', async () => {
    const gadgetId = `g-${randomUUID()}`;
    const event = await runtime.unitOfWork.run(async (tx) => {
      await tx.manager.query(`INSERT INTO "${kit.ctx.schema}".gadgets (id, n) VALUES ($1, 1)`, [gadgetId]);
      return tx.publish(GadgetChangedV1, { gadgetId, n: 1 });
    });
    await expect(copiesOf(runtime.jsm, runtime.topology.streams.events, event.id)).resolves.toHaveLength(0);

    await expect(runtime.outboxRelay!.drain()).resolves.toBe(1);
    await expect(runtime.outboxRelay!.drain()).resolves.toBe(0);

    const copies = await copiesOf(runtime.jsm, runtime.topology.streams.events, event.id);
    expect(copies).toHaveLength(1);
    const [stored] = copies;
    expect(stored.msgId).toBe(event.id);
    expect(stored.subject).toBe(runtime.topology.wire(GADGET_CHANGED_SUBJECT));
    expect(stored.header(H.EventType)).toBe('io.cloudwright.test.gadget.changed.v1');
    expect(stored.header(H.CorrelationId)).toBe(event.id);
    expect(stored.event).toEqual({
      specversion: '1.0',
      id: event.id,
      source: 'cloudwright/test',
      type: 'io.cloudwright.test.gadget.changed.v1',
      time: event.time,
      datacontenttype: 'application/json',
      subject: gadgetId,
      correlationid: event.id,
      data: { gadgetId, n: 1 },
    });
    const row = await outboxRow(event.id);
    expect(row?.published_at).toBeInstanceOf(Date);
    expect(row?.attempts).toBe(1);
  });

  it('publishes nothing when the transaction rolls back', async () => {
    const gadgetId = `g-${randomUUID()}`;
    let eventId: string | undefined;
    await expect(
      runtime.unitOfWork.run(async (tx) => {
        await tx.manager.query(`INSERT INTO "${kit.ctx.schema}".gadgets (id, n) VALUES ($1, 1)`, [gadgetId]);
        eventId = (await tx.publish(GadgetChangedV1, { gadgetId, n: 1 })).id;
        throw new Error('business rule violated after the event was written');
      }),
    ).rejects.toThrow('business rule violated');
    expect(eventId).toBeDefined();

    await expect(runtime.outboxRelay!.drain()).resolves.toBe(0);
    await expect(outboxRow(eventId!)).resolves.toBeUndefined();
    const gadgets: unknown[] = await kit.dataSource.query(`SELECT 1 FROM "${kit.ctx.schema}".gadgets WHERE id = $1`, [gadgetId]);
    expect(gadgets).toHaveLength(0);
    await expect(copiesOf(runtime.jsm, runtime.topology.streams.events, eventId!)).resolves.toHaveLength(0);
  });

  it('publishes the events of one ordering key in commit order', async () => {
    const keys = [`a-${randomUUID()}`, `b-${randomUUID()}`, `c-${randomUUID()}`];
    const committed = new Map<string, number[]>(keys.map((k) => [k, []]));
    // interleaved commits, some of them concurrent across keys, sequential within a key
    await Promise.all(
      keys.map(async (gadgetId) => {
        for (let n = 0; n < 20; n++) {
          await runtime.unitOfWork.run((tx) => tx.publish(GadgetChangedV1, { gadgetId, n }));
          committed.get(gadgetId)!.push(n);
        }
      }),
    );
    await expect(runtime.outboxRelay!.drain()).resolves.toBe(60);

    const stored = await readStream<GadgetChangedV1>(runtime.jsm, runtime.topology.streams.events);
    for (const gadgetId of keys) {
      const arrived = stored.filter((m) => m.event.subject === gadgetId).map((m) => m.event.data.n);
      expect(arrived).toEqual(committed.get(gadgetId));
    }
  });
});
