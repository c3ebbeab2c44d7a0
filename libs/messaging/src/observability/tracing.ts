import { Headers as H } from '@cloudwright/contracts';
import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import { type MsgHdrs } from '@nats-io/nats-core';

/** OpenTelemetry tracer of the messaging layer. Without a registered SDK every call is a no-op. */
export const tracer = trace.getTracer('@cloudwright/messaging');

/** Trace context as stored with an outbox row, so the relay publishes with the writer's context. */
export type TraceCarrier = Record<string, string>;

const recordSetter: TextMapSetter<TraceCarrier> = { set: (carrier, key, value) => void (carrier[key] = value) };
const headerGetter: TextMapGetter<MsgHdrs | undefined> = {
  get: (carrier, key) => carrier?.get(key) || undefined,
  keys: (carrier) => (carrier ? [...carrier.keys()] : []),
};

/** The W3C `traceparent`/`tracestate` of `ctx` (the active context by default). */
export function captureTraceContext(ctx: Context = context.active()): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(ctx, carrier, recordSetter);
  return carrier;
}

export function writeTraceHeaders(headers: MsgHdrs, carrier: TraceCarrier): void {
  for (const key of [H.TraceParent, H.TraceState]) {
    const value = carrier[key];
    if (value) headers.set(key, value);
  }
}

export function extractTraceContext(headers: MsgHdrs | undefined): Context {
  return propagation.extract(context.active(), headers, headerGetter);
}

export function startPublishSpan(subject: string, eventType: string, parent: Context = context.active()): Span {
  return tracer.startSpan(
    `publish ${subject}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject, 'cloudevents.event_type': eventType },
    },
    parent,
  );
}

export function startHandleSpan(consumer: string, subject: string, eventType: string, eventId: string, parent: Context): Span {
  return tracer.startSpan(
    `handle ${subject}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'nats',
        'messaging.destination.name': subject,
        'messaging.consumer.group.name': consumer,
        'messaging.message.id': eventId,
        'cloudevents.event_type': eventType,
      },
    },
    parent,
  );
}

export function endSpan(span: Span, error?: unknown): void {
  if (error !== undefined) {
    const message = error instanceof Error ? error.message : JSON.stringify(error);
    span.recordException(error instanceof Error ? error : new Error(message));
    span.setStatus({ code: SpanStatusCode.ERROR, message });
  }
  span.end();
}

export { context as otelContext, trace as otelTrace };
