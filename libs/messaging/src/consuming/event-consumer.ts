import {
  ErrorCode,
  UpcastError,
  eventDefinitionOf,
  familySubjectPattern,
  formatFieldErrors,
  isDomainError,
  upcastTo,
  validateEnvelope,
  validatePayload,
  type CloudEvent,
  type EventClass,
  type EventDefinition,
} from '@cloudwright/contracts';
import { type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { type DataSource, type EntityManager } from 'typeorm';
import { errorMessage, sleep } from '../common/async';
import { quoteIdent } from '../common/sql';
import { publishDeadLetter, type DeadLetterReason } from '../dead-letters/dead-letter-publisher';
import { type Logger } from '../observability/logger';
import { type MessagingMetrics } from '../observability/metrics';
import { endSpan, extractTraceContext, otelContext, otelTrace, startHandleSpan } from '../observability/tracing';
import { causedBy } from '../publishing/event-factory';
import { provisionConsumer, provisionStreams } from '../topology/stream-provisioner';
import { type Topology } from '../topology/topology';
import { type OutboxWriter, type Transaction } from '../transaction/unit-of-work';
import { DEFAULT_CONSUMER_OPTIONS, type ConsumerOptions, type EventHandlerFn, type HandlerContext } from './consumer-options';

export interface EventConsumerDeps {
  js: JetStreamClient;
  jsm: JetStreamManager;
  dataSource: DataSource;
  schema: string;
  topology: Topology;
  outbox: OutboxWriter;
  /** Called after a handler transaction that wrote outbox rows committed (wakes the relay). */
  afterCommit: () => void;
  metrics: MessagingMetrics;
  logger: Logger;
}

interface Delivery {
  msg: JsMsg;
  event: CloudEvent<unknown>;
}

/** The `tx` of a consumer declared with `inbox: false`: using it is a programming error, reported clearly. */
function noTransaction(durable: string): Transaction {
  const fail = () => new Error(`${durable} is declared with inbox: false: it has no database transaction (tx.manager / tx.publish)`);
  return {
    get manager(): EntityManager {
      throw fail();
    },
    publish: () => Promise.reject(fail()),
  };
}

/** A handler threw inside a batch transaction; `index` names its message. */
class HandlerFailure extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(`handler failed on message ${index} of the batch`);
  }
}

type Decoded = { ok: true; event: CloudEvent<unknown> } | ({ ok: false } & DeadLetterReason);

const decoder = new TextDecoder();

/**
 * One durable pull consumer running one handler. Messages are decoded and validated, handled in a database
 * transaction together with an inbox row (so a redelivery is acked without running the handler again), and acked
 * only after commit. Failures are retried with a growing `nak` delay and dead-lettered after `maxDeliver`;
 * messages that cannot be valid (bad JSON, envelope or payload) are dead-lettered at once with the field errors.
 */
export class EventConsumer<T extends object = object> {
  readonly durable: string;
  /** CW_EVENTS for events; CW_COMMANDS (work queue: this durable is the command's only consumer) for commands. */
  readonly stream: string;
  private readonly definition: EventDefinition<T>;
  private readonly options: Required<Omit<ConsumerOptions, 'name' | 'fromVersion'>> & Pick<ConsumerOptions, 'fromVersion'>;
  private readonly inboxSql: string;
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private stopping = false;
  private pendingTimer?: NodeJS.Timeout;
  /** Metric children bound to this consumer's labels once (label lookups per event are measurable at 30k/s). */
  private readonly counters: {
    handled: { inc(n?: number): void };
    duplicates: { inc(n?: number): void };
    handlerSeconds: { observe(v: number): void };
  };

  constructor(
    private readonly deps: EventConsumerDeps,
    private readonly contract: EventClass<T>,
    private readonly handler: EventHandlerFn<T>,
    durable: string,
    options: ConsumerOptions = {},
  ) {
    this.durable = durable;
    this.definition = eventDefinitionOf(contract);
    this.stream = this.definition.kind === 'command' ? deps.topology.streams.commands : deps.topology.streams.events;
    this.options = { ...DEFAULT_CONSUMER_OPTIONS, ...options, backoffMs: options.backoffMs ?? [...DEFAULT_CONSUMER_OPTIONS.backoffMs] };
    const labels = { consumer: durable, type: this.definition.type };
    this.counters = {
      handled: deps.metrics.handled.labels(labels),
      duplicates: deps.metrics.duplicates.labels(labels),
      handlerSeconds: deps.metrics.handlerSeconds.labels(labels),
    };
    if (this.options.maxDeliver < 1) throw new Error(`${durable}: maxDeliver must be at least 1`);
    this.inboxSql =
      `INSERT INTO ${quoteIdent(deps.schema)}.cw_inbox (consumer, event_id, event_type) ` +
      'SELECT $1, id, type FROM unnest($2::uuid[], $3::text[]) AS m(id, type) ON CONFLICT DO NOTHING RETURNING event_id';
  }

  /** The subject this consumer filters on (all versions from `fromVersion` when set). */
  get filterSubject(): string {
    const { topology } = this.deps;
    if (this.options.fromVersion !== undefined && this.options.fromVersion < this.definition.version) {
      return topology.wire(familySubjectPattern(this.definition));
    }
    return topology.wire(this.definition.subject);
  }

  async start(): Promise<void> {
    await this.provision();
    this.stopping = false;
    this.loop = this.run();
    this.pendingTimer = setInterval(() => void this.reportPending(), 5000);
    this.pendingTimer.unref();
  }

  /** Stops pulling, finishes the batch in hand (acked after its commit) and returns. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.pendingTimer) clearInterval(this.pendingTimer);
    await this.messages?.close();
    await this.loop;
  }

  private async provision(): Promise<void> {
    await provisionConsumer(this.deps.jsm, {
      stream: this.stream,
      durable: this.durable,
      filterSubject: this.filterSubject,
      // the transport dead-letters at maxDeliver itself; the server stops one later as a backstop
      maxDeliver: this.options.maxDeliver + 1,
      ackWaitMs: this.options.ackWaitMs,
      maxAckPending: this.options.maxAckPending,
      description: `handles ${this.definition.type}`,
    });
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        const consumer = await this.deps.js.consumers.get(this.stream, this.durable);
        const messages = await consumer.consume({ max_messages: Math.max(2 * this.options.batchSize, 32), idle_heartbeat: 5000 });
        this.messages = messages;
        void this.watch(messages);
        await this.pump(messages);
      } catch (error) {
        if (this.stopping) break;
        this.deps.logger.warn({ consumer: this.durable, err: errorMessage(error) }, 'consumer loop failed; re-creating it');
        await sleep(1000);
        await this.provision().catch(() => undefined);
      }
    }
  }

  /**
   * Reads deliveries into a queue and processes whatever is queued, up to `batchSize` at a time, as soon as the
   * previous batch is done: a burst's last partial batch is never left waiting for more traffic.
   */
  private async pump(messages: ConsumerMessages): Promise<void> {
    const queue: JsMsg[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    const reader = (async () => {
      try {
        for await (const msg of messages) {
          queue.push(msg);
          wake?.();
        }
      } finally {
        done = true;
        wake?.();
      }
    })();
    for (;;) {
      if (!queue.length) {
        if (done) break;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      await this.processBatch(queue.splice(0, this.options.batchSize));
    }
    await reader;
  }

  /** Recreates streams and the durable when the server lost them (e.g. a server restarted with a new store). */
  private async watch(messages: ConsumerMessages): Promise<void> {
    for await (const status of messages.status()) {
      if (status.type === 'consumer_not_found' || status.type === 'consumer_deleted' || status.type === 'stream_not_found') {
        this.deps.logger.warn({ consumer: this.durable, status: status.type }, 'durable consumer missing; provisioning it again');
        try {
          await provisionStreams(this.deps.jsm, this.deps.topology);
          await this.provision();
        } catch (error) {
          this.deps.logger.warn({ consumer: this.durable, err: errorMessage(error) }, 'could not provision yet');
        }
      } else if (status.type === 'heartbeats_missed') {
        this.deps.logger.warn({ consumer: this.durable, count: status.count }, 'heartbeats missed; the client re-pulls');
      }
    }
  }

  private async reportPending(): Promise<void> {
    try {
      const info = await this.deps.jsm.consumers.info(this.stream, this.durable);
      this.deps.metrics.consumerPending.set({ consumer: this.durable, stream: info.stream_name }, info.num_pending);
    } catch {
      // reported on the next tick
    }
  }

  private decode(msg: JsMsg): Decoded {
    let raw: unknown;
    try {
      raw = JSON.parse(decoder.decode(msg.data));
    } catch (error) {
      return { ok: false, code: ErrorCode.ValidationFailed, reason: `body is not JSON: ${errorMessage(error)}` };
    }
    const envelope = validateEnvelope(raw);
    if (!envelope.ok) {
      return { ok: false, code: ErrorCode.ValidationFailed, reason: `invalid CloudEvent envelope: ${formatFieldErrors(envelope.errors)}` };
    }
    let event = envelope.value;
    if (event.type !== this.definition.type) {
      if (this.options.fromVersion === undefined) {
        return { ok: false, code: ErrorCode.UnknownEventType, reason: `type ${event.type} on ${msg.subject}; this consumer reads ${this.definition.type}` };
      }
      try {
        event = upcastTo(event, this.contract);
      } catch (error) {
        const code = error instanceof UpcastError && /newer/.test(error.message) ? ErrorCode.UnsupportedEventVersion : ErrorCode.UnknownEventType;
        return { ok: false, code, reason: errorMessage(error) };
      }
    }
    const payload = validatePayload(this.contract, event.data);
    if (!payload.ok) {
      return { ok: false, code: ErrorCode.ValidationFailed, reason: `schema validation failed for ${event.type}: ${formatFieldErrors(payload.errors)}` };
    }
    return { ok: true, event: { ...event, data: payload.value } };
  }

  private async processBatch(msgs: JsMsg[]): Promise<void> {
    const ready: Delivery[] = [];
    for (const msg of msgs) {
      const decoded = this.decode(msg);
      if (!decoded.ok) {
        await this.deadLetter(msg, decoded);
        continue;
      }
      if (msg.info.deliveryCount > this.options.maxDeliver) {
        await this.deadLetter(msg, {
          code: 'MAX_DELIVER_EXCEEDED',
          reason: `delivered ${msg.info.deliveryCount} times without an ack (the handler crashed or exceeded the ack wait)`,
        });
        continue;
      }
      if (msg.info.redelivered) this.deps.metrics.redelivered.inc({ consumer: this.durable, type: decoded.event.type });
      ready.push({ msg, event: decoded.event });
    }
    if (!ready.length) return;
    if (!this.options.inbox) {
      await this.handleWithoutTransaction(ready);
      return;
    }
    let remaining = ready;
    while (remaining.length) {
      try {
        await this.handleInTransaction(remaining);
        for (const d of remaining) d.msg.ack();
        return;
      } catch (error) {
        if (!(error instanceof HandlerFailure)) {
          // the transaction itself failed (e.g. the database went away): every message is retried
          for (const d of remaining) await this.onFailure(d, error);
          return;
        }
        // the failing delivery counts as failed once; the others are handled again in a new transaction
        const failed = remaining[error.index];
        await this.onFailure(failed, error.cause);
        remaining = remaining.filter((_, i) => i !== error.index);
      }
    }
  }

  /**
   * One transaction for the batch: the inbox rows in one statement, then each new event's handler. When a handler
   * throws, the whole transaction rolls back (inbox rows included) and `HandlerFailure` names the failing message;
   * the caller re-runs the others. A failing handler therefore runs once per delivery; a handler batched with a
   * failing one may run again in the same delivery, but its effects commit once.
   */
  private async handleInTransaction(deliveries: Delivery[]): Promise<void> {
    const started = process.hrtime.bigint();
    let wroteOutbox = false;
    const handled: Delivery[] = [];
    await this.deps.dataSource.transaction(async (manager) => {
      const rows: { event_id: string }[] = await manager.query(this.inboxSql, [
        this.durable,
        deliveries.map((d) => d.event.id),
        deliveries.map((d) => d.event.type),
      ]);
      const fresh = new Set(rows.map((r) => r.event_id));
      for (let i = 0; i < deliveries.length; i++) {
        const delivery = deliveries[i];
        if (!fresh.delete(delivery.event.id)) continue;
        try {
          await this.invoke(delivery, manager, () => (wroteOutbox = true));
        } catch (error) {
          throw new HandlerFailure(i, error);
        }
        handled.push(delivery);
      }
    });
    if (wroteOutbox) this.deps.afterCommit();
    this.record(deliveries, handled, started);
  }

  /** Consumers declared with `inbox: false`: no transaction, ack after the handler returns (at-least-once). */
  private async handleWithoutTransaction(deliveries: Delivery[]): Promise<void> {
    for (const delivery of deliveries) {
      const started = process.hrtime.bigint();
      try {
        await this.invoke(delivery, undefined, () => {
          throw new Error(`${this.durable} is declared with inbox: false and has no transaction to publish in`);
        });
        delivery.msg.ack();
        this.record([delivery], [delivery], started);
      } catch (error) {
        await this.onFailure(delivery, error);
      }
    }
  }

  private record(deliveries: Delivery[], handled: Delivery[], started: bigint): void {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const duplicates = deliveries.length - handled.length;
    if (duplicates) this.counters.duplicates.inc(duplicates);
    if (!handled.length) return;
    // every handled event has the handler's type (older versions were upcast to it)
    this.counters.handled.inc(handled.length);
    for (let i = 0; i < handled.length; i++) this.counters.handlerSeconds.observe(seconds);
  }

  private async invoke(delivery: Delivery, manager: EntityManager | undefined, onPublish: () => void): Promise<void> {
    const { msg, event } = delivery;
    const parent = extractTraceContext(msg.headers);
    const span = startHandleSpan(this.durable, msg.subject, event.type, event.id, parent);
    let logger: Logger | undefined;
    const deps = this.deps;
    const durable = this.durable;
    const buffered = manager ? this.deps.outbox.transaction(manager) : undefined;
    const tx = buffered ?? noTransaction(this.durable);
    const ctx: HandlerContext = {
      tx,
      deliveryCount: msg.info.deliveryCount,
      consumer: this.durable,
      get logger() {
        return (logger ??= deps.logger.child({ correlationId: event.correlationid, eventId: event.id, eventType: event.type, consumer: durable }));
      },
      working: () => msg.working(),
      publish: (contract, data, meta) => {
        onPublish();
        return tx.publish(contract, data, { ...meta, ...causedBy(event) });
      },
    };
    try {
      await otelContext.with(otelTrace.setSpan(parent, span), () => this.handler(event as CloudEvent<T>, ctx));
      await buffered?.flush();
      endSpan(span);
    } catch (error) {
      endSpan(span, error);
      throw error;
    }
  }

  private async onFailure(delivery: Delivery, error: unknown): Promise<void> {
    const { msg, event } = delivery;
    const code = isDomainError(error) ? error.code : ErrorCode.Internal;
    const count = msg.info.deliveryCount;
    this.deps.metrics.failed.inc({ consumer: this.durable, type: event.type, code });
    const log = { consumer: this.durable, eventId: event.id, correlationId: event.correlationid, deliveryCount: count, code, err: errorMessage(error) };
    if (isDomainError(error) && error.permanent) {
      this.deps.logger.warn(log, 'handler rejected the event; dead-lettering it');
      await this.deadLetter(msg, { code, reason: `handler rejected the event: ${error.message}` });
    } else if (count >= this.options.maxDeliver) {
      this.deps.logger.error(log, 'handler failed on the last delivery; dead-lettering');
      await this.deadLetter(msg, { code, reason: `handler failed ${count} time(s); last error: ${errorMessage(error)}` });
    } else {
      const delay = this.options.backoffMs[Math.min(count - 1, this.options.backoffMs.length - 1)] ?? 1000;
      this.deps.logger.warn({ ...log, retryInMs: delay }, 'handler failed; will retry');
      msg.nak(delay);
    }
  }

  private async deadLetter(msg: JsMsg, why: DeadLetterReason): Promise<void> {
    try {
      await publishDeadLetter(this.deps.js, this.deps.topology, msg, why);
      msg.term();
      this.deps.metrics.deadLettered.inc({ consumer: this.durable, reason: why.code });
      this.deps.logger.warn({ consumer: this.durable, subject: msg.subject, seq: msg.info.streamSequence, ...why }, 'message dead-lettered');
    } catch (error) {
      // never drop it: leave it to be redelivered and dead-lettered then
      this.deps.logger.error({ consumer: this.durable, err: errorMessage(error), ...why }, 'could not dead-letter; will retry');
      msg.nak(5000);
    }
  }
}
