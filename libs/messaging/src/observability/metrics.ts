import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of the messaging layer, registered on one registry per process (the service's `/metrics`
 * exposes it). Labels stay low-cardinality: consumer (durable name), event type, reason code.
 */
export class MessagingMetrics {
  readonly handled: Counter<'consumer' | 'type'>;
  readonly duplicates: Counter<'consumer' | 'type'>;
  readonly failed: Counter<'consumer' | 'type' | 'code'>;
  readonly redelivered: Counter<'consumer' | 'type'>;
  readonly deadLettered: Counter<'consumer' | 'reason'>;
  readonly handlerSeconds: Histogram<'consumer' | 'type'>;
  readonly published: Counter<'type'>;
  readonly publishFailed: Counter<'type'>;
  readonly outboxBacklog: Gauge;
  readonly consumerPending: Gauge<'consumer' | 'stream'>;

  constructor(readonly registry: Registry = new Registry()) {
    const registers = [registry];
    this.handled = new Counter({ name: 'cw_messaging_handled_total', help: 'Events handled and acked (first time)', labelNames: ['consumer', 'type'], registers });
    this.duplicates = new Counter({ name: 'cw_messaging_duplicates_total', help: 'Deliveries acked without running the handler because the inbox had them', labelNames: ['consumer', 'type'], registers });
    this.failed = new Counter({ name: 'cw_messaging_handler_failures_total', help: 'Handler failures (each is retried or dead-lettered)', labelNames: ['consumer', 'type', 'code'], registers });
    this.redelivered = new Counter({ name: 'cw_messaging_redelivered_total', help: 'Deliveries that were redeliveries', labelNames: ['consumer', 'type'], registers });
    this.deadLettered = new Counter({ name: 'cw_messaging_dead_lettered_total', help: 'Messages moved to the dead-letter stream', labelNames: ['consumer', 'reason'], registers });
    this.handlerSeconds = new Histogram({
      name: 'cw_messaging_handler_duration_seconds',
      help: 'Time from delivery to the commit of the handler transaction',
      labelNames: ['consumer', 'type'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.published = new Counter({ name: 'cw_messaging_published_total', help: 'Events published and acknowledged by JetStream', labelNames: ['type'], registers });
    this.publishFailed = new Counter({ name: 'cw_messaging_publish_failures_total', help: 'Publish attempts that failed (outbox rows are retried)', labelNames: ['type'], registers });
    this.outboxBacklog = new Gauge({ name: 'cw_messaging_outbox_backlog', help: 'Outbox rows committed but not yet published', registers });
    this.consumerPending = new Gauge({ name: 'cw_messaging_consumer_pending', help: 'Messages in the stream not yet delivered to the durable consumer', labelNames: ['consumer', 'stream'], registers });
  }
}
