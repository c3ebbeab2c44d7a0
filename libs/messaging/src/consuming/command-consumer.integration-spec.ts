import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { CommandContract } from '@cloudwright/contracts';
import { IsInt, IsString, Min } from 'class-validator';
import { createMessagingKit, waitFor, type MessagingKit } from '../__tests__/messaging-kit';
import { DeadLetterAdmin } from '../dead-letters/dead-letter-admin';
import { type MessagingRuntime } from '../messaging-runtime';

@CommandContract({ agent: 'test-agent', verb: 'count-widget', version: 1, producer: 'test', description: 'test command', subjectField: 'widgetId' })
class TestAgentCountWidgetV1 {
  @IsString()
  widgetId!: string;

  @IsInt()
  @Min(0)
  n!: number;
}

const encoder = new TextEncoder();

describe('EventConsumer (commands)', () => {
  let kit: MessagingKit;
  let runtime: MessagingRuntime;
  const handled: { id: string; widgetId: string; n: number }[] = [];

  beforeAll(async () => {
    kit = await createMessagingKit('commands');
    runtime = kit.runtime({ consumerDefaults: { backoffMs: [20], maxDeliver: 2, ackWaitMs: 5000 } });
    await runtime.subscribe(TestAgentCountWidgetV1, async (event, ctx) => {
      await ctx.tx.manager.query('SELECT 1');
      handled.push({ id: event.id, widgetId: event.data.widgetId, n: event.data.n });
    }, { name: 'count-widget' });
    await runtime.start();
  });

  afterAll(async () => {
    await kit.dispose();
  });

  it('publishes a command through the outbox to CW_COMMANDS on cw.cmd.<agent>.<verb>.v<N> and never to CW_EVENTS', async () => {
    const widgetId = `w-${randomUUID()}`;
    const event = await runtime.unitOfWork.run((tx) => tx.publish(TestAgentCountWidgetV1, { widgetId, n: 7 }));
    await waitFor('the command to be handled', () => handled.some((h) => h.id === event.id));
    expect(handled.filter((h) => h.id === event.id)).toEqual([{ id: event.id, widgetId, n: 7 }]);
    const info = await runtime.jsm.consumers.info(runtime.topology.streams.commands, 'test__count-widget');
    expect(info.config.filter_subject).toBe(runtime.topology.wire('cw.cmd.test-agent.count-widget.v1'));
    const events = await runtime.jsm.streams.info(runtime.topology.streams.events);
    expect(events.state.messages).toBe(0);
  });

  it('removes an acknowledged command from the work-queue stream', async () => {
    const event = await runtime.publisher.publish(TestAgentCountWidgetV1, { widgetId: `w-${randomUUID()}`, n: 1 });
    await waitFor('the command to be handled', () => handled.some((h) => h.id === event.id));
    await waitFor('the work queue to be empty', async () => (await runtime.jsm.streams.info(runtime.topology.streams.commands)).state.messages === 0);
  });

  it('dead-letters an invalid command at once, naming the field', async () => {
    const admin = new DeadLetterAdmin(runtime.connection, runtime.jsm, runtime.topology);
    const id = randomUUID();
    const body = {
      specversion: '1.0',
      id,
      source: 'cloudwright/test',
      type: 'io.cloudwright.test-agent.count-widget.v1',
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      correlationid: id,
      data: { widgetId: 'w-1', n: -1 },
    };
    await runtime.js.publish(runtime.topology.wire('cw.cmd.test-agent.count-widget.v1'), encoder.encode(JSON.stringify(body)), { msgID: id });
    await waitFor('the dead letter', async () => (await admin.list({ consumer: 'test__count-widget' })).some((l) => l.eventId === id));
    const [letter] = (await admin.list({ consumer: 'test__count-widget' })).filter((l) => l.eventId === id);
    expect(letter).toMatchObject({ code: 'VALIDATION_FAILED', originalStream: runtime.topology.streams.commands });
    expect(letter.reason).toContain('data.n');
    expect(handled.some((h) => h.id === id)).toBe(false);
  });
});
