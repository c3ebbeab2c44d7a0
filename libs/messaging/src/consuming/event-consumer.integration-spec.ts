import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DeploymentRequestedV1, DomainError, ErrorCode, EventContract, type CloudEvent } from '@cloudwright/contracts';
import { aDeploymentRequest } from '@cloudwright/contracts/testing';
import { IsInt, IsString, Min } from 'class-validator';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { createMessagingKit, waitFor, type MessagingKit } from '../__tests__/messaging-kit';
import { DeadLetterAdmin } from '../dead-letters/dead-letter-admin';
import { createEvent } from '../publishing/event-factory';
import { type MessagingRuntime } from '../messaging-runtime';

@EventContract({ domain: 'test', entity: 'widget', verb: 'counted', version: 1, producer: 'test', description: 'test event', subjectField: 'widgetId' })
class WidgetCountedV1 {
  @IsString()
  widgetId!: string;

  @IsInt()
  @Min(0)
  n!: number;
}

const encoder = new TextEncoder();

describe('EventConsumer', () => {
  let kit: MessagingKit;
  let runtime: MessagingRuntime;

  beforeAll(async () => {
    kit = await createMessagingKit('consumer');
    await kit.dataSource.query(`CREATE TABLE "${kit.ctx.schema}".widget_counts (event_id uuid PRIMARY KEY, widget_id text NOT NULL, n int NOT NULL)`);
    runtime = kit.runtime({ consumerDefaults: { backoffMs: [20], maxDeliver: 3, ackWaitMs: 5000 } });
    await runtime.start();
  });

  afterAll(async () => {
    await kit.dispose();
  });

  const rows = async (widgetId: string): Promise<number> => {
    const r: { n: string }[] = await kit.dataSource.query(`SELECT count(*)::text AS n FROM "${kit.ctx.schema}".widget_counts WHERE widget_id = $1`, [widgetId]);
    return Number(r[0].n);
  };

  async function record(event: CloudEvent<WidgetCountedV1>, manager: { query: (sql: string, p: unknown[]) => Promise<unknown> }) {
    await manager.query(`INSERT INTO "${kit.ctx.schema}".widget_counts (event_id, widget_id, n) VALUES ($1, $2, $3)`, [event.id, event.data.widgetId, event.data.n]);
  }

  it('handles an event published twice once, whether the stream or the inbox drops the copy', async () => {
    const widgetId = `w-${randomUUID()}`;
    let calls = 0;
    await runtime.subscribe(WidgetCountedV1, async (event, ctx) => {
      if (event.data.widgetId !== widgetId) return;
      calls++;
      await record(event, ctx.tx.manager);
    }, { name: 'dedup' });
    const event = createEvent('cloudwright/test', WidgetCountedV1, { widgetId, n: 1 });
    await runtime.publisher.publishEvent(event, 'cw.evt.test.widget.counted.v1');
    const again = await runtime.publisher.publishEvent(event, 'cw.evt.test.widget.counted.v1');
    expect(again.duplicate).toBe(true);
    // past the duplicate window: the same event id under another Nats-Msg-Id reaches the stream a second time
    const h = natsHeaders();
    await runtime.js.publish(runtime.topology.wire('cw.evt.test.widget.counted.v1'), encoder.encode(JSON.stringify(event)), { msgID: `other-${event.id}`, headers: h });
    await waitFor('the copy to be acked', async () => {
      const info = await runtime.jsm.consumers.info(runtime.topology.streams.events, 'test__dedup');
      return info.num_ack_pending === 0 && info.num_pending === 0 && info.delivered.stream_seq >= 2;
    });
    expect(calls).toBe(1);
    await expect(rows(widgetId)).resolves.toBe(1);
  });

  it('handles an event once after three deliveries when the handler fails twice then succeeds', async () => {
    const widgetId = `w-${randomUUID()}`;
    const deliveries: number[] = [];
    await runtime.subscribe(WidgetCountedV1, async (event, ctx) => {
      if (event.data.widgetId !== widgetId) return;
      deliveries.push(ctx.deliveryCount);
      await record(event, ctx.tx.manager);
      if (ctx.deliveryCount < 3) throw new Error(`flaky dependency (attempt ${ctx.deliveryCount})`);
    }, { name: 'flaky' });
    await runtime.publisher.publish(WidgetCountedV1, { widgetId, n: 2 });
    await waitFor('the third delivery to commit', async () => (await rows(widgetId)) === 1);
    expect(deliveries).toEqual([1, 2, 3]);
    await expect(rows(widgetId)).resolves.toBe(1);
  });

  it('dead-letters an event whose handler always fails, with the reason, and replays it after a fix', async () => {
    const widgetId = `w-${randomUUID()}`;
    let broken = true;
    let attempts = 0;
    await runtime.subscribe(WidgetCountedV1, async (event, ctx) => {
      if (event.data.widgetId !== widgetId) return;
      attempts++;
      if (broken) throw new Error('database constraint widget_n_check violated');
      await record(event, ctx.tx.manager);
    }, { name: 'always-fails' });
    const event = await runtime.publisher.publish(WidgetCountedV1, { widgetId, n: 3 });
    const admin = new DeadLetterAdmin(runtime.connection, runtime.jsm, runtime.topology);
    await waitFor('the dead letter', async () => (await admin.list({ consumer: 'test__always-fails' })).some((l) => l.eventId === event.id));
    const [letter] = (await admin.list({ consumer: 'test__always-fails' })).filter((l) => l.eventId === event.id);
    expect(attempts).toBe(3);
    expect(letter).toMatchObject({
      code: ErrorCode.Internal,
      consumer: 'test__always-fails',
      deliveryCount: 3,
      originalSubject: runtime.topology.wire('cw.evt.test.widget.counted.v1'),
      originalStream: runtime.topology.streams.events,
      eventType: 'io.cloudwright.test.widget.counted.v1',
    });
    expect(letter.reason).toContain('handler failed 3 time(s); last error: database constraint widget_n_check violated');
    expect(Date.parse(letter.time)).not.toBeNaN();

    broken = false;
    await admin.replay(letter.seq);
    await waitFor('the replayed event to be handled', async () => (await rows(widgetId)) === 1);
    await expect(admin.get(letter.seq)).resolves.toBeUndefined();
  });

  it('dead-letters a schema-invalid message at once with the field errors', async () => {
    let calls = 0;
    await runtime.subscribe(DeploymentRequestedV1, () => {
      calls++;
      return Promise.resolve();
    }, { name: 'deployments' });
    const valid = createEvent('ci', DeploymentRequestedV1, aDeploymentRequest());
    const invalid = { ...valid, id: randomUUID(), data: { ...valid.data, ci: { ...valid.data.ci, commit: 'not a sha' }, targetClouds: ['auto', 'aws'] } };
    await runtime.js.publish(runtime.topology.wire('cw.evt.deployment.requested.v1'), encoder.encode(JSON.stringify(invalid)), { msgID: invalid.id });
    await runtime.js.publish(runtime.topology.wire('cw.evt.deployment.requested.v1'), encoder.encode('{"specversion": "1.0", oops'), { msgID: randomUUID() });
    const admin = new DeadLetterAdmin(runtime.connection, runtime.jsm, runtime.topology);
    await waitFor('two dead letters', async () => (await admin.list({ consumer: 'test__deployments' })).length === 2);
    const [schemaInvalid, notJson] = await admin.list({ consumer: 'test__deployments' });
    expect(schemaInvalid).toMatchObject({ code: ErrorCode.ValidationFailed, deliveryCount: 1, eventId: invalid.id });
    expect(schemaInvalid.reason).toContain('data.ci.commit');
    expect(schemaInvalid.reason).toContain('data.targetClouds');
    expect(notJson).toMatchObject({ code: ErrorCode.ValidationFailed, deliveryCount: 1 });
    expect(notJson.reason).toMatch(/^body is not JSON/);
    expect(calls).toBe(0);
  });

  it('dead-letters at once when the handler rejects the event with a permanent domain error', async () => {
    const widgetId = `w-${randomUUID()}`;
    let attempts = 0;
    await runtime.subscribe(WidgetCountedV1, (event) => {
      if (event.data.widgetId !== widgetId) return Promise.resolve();
      attempts++;
      return Promise.reject(new DomainError(ErrorCode.NotFound, `widget ${widgetId} does not exist`));
    }, { name: 'permanent' });
    const event = await runtime.publisher.publish(WidgetCountedV1, { widgetId, n: 4 });
    const admin = new DeadLetterAdmin(runtime.connection, runtime.jsm, runtime.topology);
    await waitFor('the dead letter', async () => (await admin.list({ consumer: 'test__permanent' })).some((l) => l.eventId === event.id));
    const [letter] = await admin.list({ consumer: 'test__permanent' });
    expect(letter).toMatchObject({ code: ErrorCode.NotFound, deliveryCount: 1 });
    expect(letter.reason).toContain(`widget ${widgetId} does not exist`);
    expect(attempts).toBe(1);
  });

  it('isolates one poison message in a batch: the others commit once, it is dead-lettered', async () => {
    const widgetId = `w-${randomUUID()}`;
    const calls = new Map<number, number>();
    await runtime.subscribe(WidgetCountedV1, async (event, ctx) => {
      if (event.data.widgetId !== widgetId) return;
      calls.set(event.data.n, (calls.get(event.data.n) ?? 0) + 1);
      if (event.data.n === 57) throw new DomainError(ErrorCode.ValidationFailed, 'n = 57 is not allowed');
      await record(event, ctx.tx.manager);
    }, { name: 'batch', batchSize: 64 });
    await Promise.all(Array.from({ length: 200 }, (_, n) => runtime.publisher.publish(WidgetCountedV1, { widgetId, n })));
    await waitFor('199 rows', async () => (await rows(widgetId)) === 199);
    const admin = new DeadLetterAdmin(runtime.connection, runtime.jsm, runtime.topology);
    await waitFor('the poison message dead-lettered', async () => (await admin.list({ consumer: 'test__batch' })).length === 1);
    const distinct: { n: string }[] = await kit.dataSource.query(`SELECT count(DISTINCT n)::text AS n FROM "${kit.ctx.schema}".widget_counts WHERE widget_id = $1`, [widgetId]);
    expect(Number(distinct[0].n)).toBe(199);
    expect(calls.get(57)).toBe(1); // the failing handler ran once in its one delivery
  });

  it('handles the tail of a burst at once, without waiting for more traffic or the ack wait', async () => {
    const widgetId = `w-${randomUUID()}`;
    await runtime.subscribe(WidgetCountedV1, async (event, ctx) => {
      if (event.data.widgetId === widgetId) await record(event, ctx.tx.manager);
    }, { name: 'burst', ackWaitMs: 30_000 });
    await Promise.all(Array.from({ length: 150 }, (_, n) => runtime.publisher.publish(WidgetCountedV1, { widgetId, n })));
    // far below the 30 s ack wait: a stalled partial batch would only be redelivered after it
    await waitFor('all 150 events', async () => (await rows(widgetId)) === 150, 5000);
  });

  it('runs a consumer declared without inbox outside any transaction and acks after the handler', async () => {
    const widgetId = `w-${randomUUID()}`;
    const seen: number[] = [];
    let txError = '';
    await runtime.subscribe(WidgetCountedV1, (event, ctx) => {
      if (event.data.widgetId !== widgetId) return Promise.resolve();
      seen.push(event.data.n);
      try {
        void ctx.tx.manager;
      } catch (error) {
        txError = (error as Error).message;
      }
      return Promise.resolve();
    }, { name: 'no-inbox', inbox: false });
    await runtime.publisher.publish(WidgetCountedV1, { widgetId, n: 1 });
    await runtime.publisher.publish(WidgetCountedV1, { widgetId, n: 2 });
    await waitFor('both events and no pending acks', async () => {
      const info = await runtime.jsm.consumers.info(runtime.topology.streams.events, 'test__no-inbox');
      return seen.length === 2 && info.num_ack_pending === 0 && info.num_pending === 0;
    });
    expect(seen.sort()).toEqual([1, 2]);
    expect(txError).toContain('declared with inbox: false');
    const inbox: { n: string }[] = await kit.dataSource.query(`SELECT count(*)::text AS n FROM "${kit.ctx.schema}".cw_inbox WHERE consumer = 'test__no-inbox'`);
    expect(inbox[0].n).toBe('0');
  });
});

