import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Injectable, type INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type CloudEvent } from '@cloudwright/contracts';
import { Registry } from 'prom-client';
import { createMessagingKit, waitFor, type MessagingKit } from '../__tests__/messaging-kit';
import { GadgetChangedV1 } from '../__tests__/test-events';
import { type HandlerContext } from '../consuming/consumer-options';
import { MessagingRuntime } from '../messaging-runtime';
import { createLogger } from '../observability/logger';
import { JetStreamPublisher } from '../publishing/jetstream-publisher';
import { MessagingModule } from './messaging.module';
import { OnEvent } from './on-event.decorator';

/** What the handler saw, shared by every app instance of this file. */
const seen = { calls: new Map<string, number>(), gate: undefined as Promise<void> | undefined, entered: new Set<string>() };

@Injectable()
class GadgetProjector {
  static schema = '';

  @OnEvent(GadgetChangedV1, { name: 'x', ackWaitMs: 2000 })
  async onGadgetChanged(event: CloudEvent<GadgetChangedV1>, ctx: HandlerContext): Promise<void> {
    seen.calls.set(event.id, (seen.calls.get(event.id) ?? 0) + 1);
    seen.entered.add(event.id);
    await ctx.tx.manager.query(`INSERT INTO "${GadgetProjector.schema}".projection (event_id, gadget_id) VALUES ($1, $2)`, [event.id, event.data.gadgetId]);
    if (seen.gate) await seen.gate;
  }
}

describe(MessagingModule.name, () => {
  let kit: MessagingKit;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    kit = await createMessagingKit('nest');
    GadgetProjector.schema = kit.ctx.schema;
    await kit.dataSource.query(`CREATE TABLE "${kit.ctx.schema}".projection (event_id uuid PRIMARY KEY, gadget_id text NOT NULL)`);
  });

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    await kit.dispose();
  });

  async function createApp(): Promise<INestApplication> {
    const moduleRef = await Test.createTestingModule({
      imports: [
        MessagingModule.forRootAsync({
          useFactory: () => ({
            service: 'test',
            natsUrl: kit.ctx.natsUrl,
            dataSource: kit.dataSource,
            schema: kit.ctx.schema,
            topology: { streamPrefix: kit.ctx.streamPrefix, subjectPrefix: kit.ctx.subjectPrefix },
            ensureTables: true,
            relay: { pollIntervalMs: 50 },
            metricsRegistry: new Registry(),
            logger: createLogger('test', process.env.CW_TEST_LOG_LEVEL ?? 'silent'),
          }),
        }),
      ],
      providers: [GadgetProjector],
    }).compile();
    const app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: false });
    apps.push(app);
    await app.init();
    return app;
  }

  const projected = async (eventId: string): Promise<number> => {
    const rows: unknown[] = await kit.dataSource.query(`SELECT 1 FROM "${kit.ctx.schema}".projection WHERE event_id = $1`, [eventId]);
    return rows.length;
  };

  it('delivers an event to an @OnEvent method and reports postgres and nats up', async () => {
    const app = await createApp();
    const runtime = app.get(MessagingRuntime);
    await expect(runtime.health()).resolves.toMatchObject({ status: 'up', details: { postgres: { status: 'up' }, nats: { status: 'up', consumers: 1 } } });
    const info = await runtime.jsm.consumers.info(runtime.topology.streams.events, 'test__x');
    expect(info.config.filter_subject).toBe(runtime.topology.wire('cw.evt.test.gadget.changed.v1'));

    const event = await app.get(JetStreamPublisher).publish(GadgetChangedV1, { gadgetId: `g-${randomUUID()}`, n: 1 });
    await waitFor('the handler to commit', async () => (await projected(event.id)) === 1);
    expect(seen.calls.get(event.id)).toBe(1);
    await app.close();
    await expect(runtime.health()).resolves.toMatchObject({ status: 'down', details: { nats: { status: 'down' } } });
  });

  it('lets a handler that is mid-way when close() is called commit and ack: nothing is redelivered afterwards', async () => {
    const first = await createApp();
    let release!: () => void;
    seen.gate = new Promise<void>((resolve) => (release = resolve));
    const event = await first.get(JetStreamPublisher).publish(GadgetChangedV1, { gadgetId: `g-${randomUUID()}`, n: 2 });
    await waitFor('the handler to be mid-way', () => seen.entered.has(event.id));

    const runtime = first.get(MessagingRuntime);
    const closing = first.close();
    setTimeout(release, 200);
    await closing;
    seen.gate = undefined;
    await expect(projected(event.id)).resolves.toBe(1);

    // the ack reached the server before the connection drained
    const second = await createApp();
    const info = await second.get(MessagingRuntime).jsm.consumers.info(runtime.topology.streams.events, 'test__x');
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_redelivered).toBe(0);
    expect(info.ack_floor.stream_seq).toBe(info.delivered.stream_seq);

    // a later event is handled by the new instance; the drained one is not handled again
    const later = await second.get(JetStreamPublisher).publish(GadgetChangedV1, { gadgetId: `g-${randomUUID()}`, n: 3 });
    await waitFor('the later event to be handled', async () => (await projected(later.id)) === 1);
    expect(seen.calls.get(event.id)).toBe(1);
    await second.close();
  });
});
