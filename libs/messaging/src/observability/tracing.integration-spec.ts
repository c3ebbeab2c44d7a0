import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Headers as H } from '@cloudwright/contracts';
import { context, propagation, trace, SpanKind, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createMessagingKit, waitFor, type MessagingKit } from '../__tests__/messaging-kit';
import { copiesOf } from '../__tests__/stream-reader';
import { GadgetChangedV1 } from '../__tests__/test-events';
import { type MessagingRuntime } from '../messaging-runtime';
import { startHandleSpan } from './tracing';

describe(startHandleSpan.name, () => {
  let kit: MessagingKit;
  let runtime: MessagingRuntime;
  let provider: BasicTracerProvider;
  const exporter = new InMemorySpanExporter();
  const activeInHandler = new Map<string, { traceId: string; spanId: string } | undefined>();

  beforeAll(async () => {
    provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    trace.setGlobalTracerProvider(provider);
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

    kit = await createMessagingKit('tracing');
    runtime = kit.runtime();
    await runtime.subscribe(
      GadgetChangedV1,
      async (event) => {
        activeInHandler.set(event.id, trace.getActiveSpan()?.spanContext());
        await Promise.resolve();
      },
      { name: 'traced' },
    );
    await runtime.start();
  });

  afterAll(async () => {
    await kit?.dispose();
    await provider?.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });

  const spans = () => exporter.getFinishedSpans();
  const handleSpanOf = (eventId: string): ReadableSpan | undefined =>
    spans().find((s) => s.kind === SpanKind.CONSUMER && s.attributes['messaging.message.id'] === eventId);

  async function expectHop(eventId: string, parent: Span): Promise<void> {
    await waitFor('the handler span', () => handleSpanOf(eventId) !== undefined);
    const parentContext = parent.spanContext();
    const handle = handleSpanOf(eventId)!;
    const publish = spans().find((s) => s.kind === SpanKind.PRODUCER && s.spanContext().spanId === handle.parentSpanContext?.spanId);
    expect(publish).toBeDefined();
    expect(publish!.name).toBe(`publish ${runtime.topology.wire('cw.evt.test.gadget.changed.v1')}`);
    expect(publish!.parentSpanContext?.spanId).toBe(parentContext.spanId);
    expect(publish!.spanContext().traceId).toBe(parentContext.traceId);
    expect(handle.spanContext().traceId).toBe(parentContext.traceId);
    expect(handle.attributes['messaging.consumer.group.name']).toBe('test__traced');
    // the handler ran inside its own span
    expect(activeInHandler.get(eventId)).toEqual(expect.objectContaining({ traceId: parentContext.traceId, spanId: handle.spanContext().spanId }));
    const [stored] = await copiesOf(runtime.jsm, runtime.topology.streams.events, eventId);
    expect(stored.header(H.TraceParent)).toBe(`00-${parentContext.traceId}-${publish!.spanContext().spanId}-01`);
  }

  it('continues the trace of a direct publish in the handler', async () => {
    const tracer = trace.getTracer('test');
    const parent = tracer.startSpan('http POST /gadgets');
    const event = await context.with(trace.setSpan(context.active(), parent), () =>
      runtime.publisher.publish(GadgetChangedV1, { gadgetId: `g-${randomUUID()}`, n: 1 }),
    );
    parent.end();
    await expectHop(event.id, parent);
  });

  it('continues the writer’s trace through the outbox relay into the handler', async () => {
    const tracer = trace.getTracer('test');
    const parent = tracer.startSpan('http POST /gadgets');
    const event = await context.with(trace.setSpan(context.active(), parent), () =>
      runtime.unitOfWork.run((tx) => tx.publish(GadgetChangedV1, { gadgetId: `g-${randomUUID()}`, n: 2 })),
    );
    parent.end();
    await expectHop(event.id, parent);
  });
});
