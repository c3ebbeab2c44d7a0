import { Headers as H, eventDefinitionOf, type CloudEvent, type EventClass } from '@cloudwright/contracts';
import { jetstream, type JetStreamClient, type PubAck } from '@nats-io/jetstream';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/nats-core';
import { sleep } from '../common/async';
import { type MessagingMetrics } from '../observability/metrics';
import {
  captureTraceContext,
  endSpan,
  extractTraceContext,
  otelContext,
  otelTrace,
  startPublishSpan,
  writeTraceHeaders,
  type TraceCarrier,
} from '../observability/tracing';
import { type Topology } from '../topology/topology';
import { createEvent, type EventMetadata } from './event-factory';

export interface PublishOptions {
  /** JetStream ack timeout (default 5 s). */
  timeoutMs?: number;
  /** Tries on a timeout or connection error, with the same `Nats-Msg-Id` (default 3). */
  attempts?: number;
  /** Trace context to publish under (the outbox stores the writer's); the active context by default. */
  trace?: TraceCarrier;
}

const encoder = new TextEncoder();

/**
 * Publishes CloudEvents straight to JetStream and waits for the stream's ack. `Nats-Msg-Id` = event id, so a
 * retried publish is stored once. Services publish through the outbox (`Transaction.publish`) instead, so the
 * event leaves only when their database transaction committed; this is for the CLI, CI and the outbox relay.
 */
export class JetStreamPublisher {
  private readonly js: JetStreamClient;

  constructor(
    nc: NatsConnection,
    private readonly topology: Topology,
    private readonly source: string,
    private readonly metrics?: MessagingMetrics,
  ) {
    this.js = jetstream(nc);
  }

  /** Validates, wraps and publishes one event; resolves with the event once JetStream stored it. */
  async publish<T extends object>(contract: EventClass<T>, data: T, meta: EventMetadata = {}, options: PublishOptions = {}): Promise<CloudEvent<T>> {
    const event = createEvent(this.source, contract, data, meta);
    await this.publishEvent(event, eventDefinitionOf(contract).subject, options);
    return event;
  }

  /** Publishes an already-built event to a canonical subject (`cw.evt.…`). */
  publishEvent(event: CloudEvent<unknown>, subject: string, options: PublishOptions = {}): Promise<PubAck> {
    return this.publishSerialized(
      { id: event.id, type: event.type, correlationId: event.correlationid, subject, body: JSON.stringify(event) },
      options,
    );
  }

  /** Publishes a serialized CloudEvent (the outbox relay stores the exact JSON text). */
  async publishSerialized(message: SerializedEvent, options: PublishOptions = {}): Promise<PubAck> {
    const wireSubject = this.topology.wire(message.subject);
    const parent = options.trace ? extractTraceContext(carrierHeaders(options.trace)) : otelContext.active();
    const span = startPublishSpan(wireSubject, message.type, parent);
    const headers = natsHeaders();
    headers.set(H.EventType, message.type);
    headers.set(H.CorrelationId, message.correlationId);
    writeTraceHeaders(headers, captureTraceContext(otelTrace.setSpan(parent, span)));
    const attempts = options.attempts ?? 3;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          // a retry carries the same Nats-Msg-Id: the stream keeps one copy whatever reached it before
          const ack = await this.js.publish(wireSubject, encoder.encode(message.body), {
            msgID: message.id,
            headers,
            timeout: options.timeoutMs ?? 5000,
          });
          this.metrics?.published.inc({ type: message.type });
          endSpan(span);
          return ack;
        } catch (error) {
          if (attempt >= attempts || !isRetryable(error)) throw error;
          await sleep(100 * attempt);
        }
      }
    } catch (error) {
      this.metrics?.publishFailed.inc({ type: message.type });
      endSpan(span, error);
      throw error;
    }
  }
}

/** Timeouts and connection errors (e.g. a publish sent while the client reconnects) are worth another try. */
function isRetryable(error: unknown): boolean {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error && /timeout|timed out|disconnect|reconnect|connection|no responders/i.test(`${cause.name} ${cause.message}`);
}

export interface SerializedEvent {
  id: string;
  type: string;
  correlationId: string;
  /** Canonical subject (`cw.evt.…`); the topology adds its prefix. */
  subject: string;
  /** The CloudEvent JSON text. */
  body: string;
}

function carrierHeaders(carrier: TraceCarrier) {
  const h = natsHeaders();
  for (const [k, v] of Object.entries(carrier)) h.set(k, v);
  return h;
}
