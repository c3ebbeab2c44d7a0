import { type CloudEvent, type EventClass } from '@cloudwright/contracts';
import { type Logger } from '../observability/logger';
import { type EventMetadata } from '../publishing/event-factory';
import { type Transaction } from '../transaction/unit-of-work';

export interface ConsumerOptions {
  /** Handler name; the durable consumer is `<service>__<name>`. Defaults to the provider's class and method name. */
  name?: string;
  /** Deliveries before the message is dead-lettered (default 5). */
  maxDeliver?: number;
  /** `nak` delay after the Nth failed delivery (the last value repeats). Default 1 s, 5 s, 30 s, 2 min, 10 min. */
  backoffMs?: number[];
  /** Time the server waits for an ack before redelivering (default 30 s); call `ctx.working()` in long handlers. */
  ackWaitMs?: number;
  /**
   * Messages handled in one database transaction (default 64). When one handler throws, the transaction rolls back,
   * that delivery counts as failed, and the others run again in a new transaction: a handler batched with a failing
   * one may run twice in one delivery (its effects commit once). Keep side effects inside the transaction, or set 1
   * for handlers with effects outside the database.
   */
  batchSize?: number;
  /**
   * Record handled events in the inbox, in the handler's transaction (default true: exactly-once effects in the
   * database). `false` is for handlers with no database effects that are idempotent by themselves: no transaction,
   * ack after the handler returns (at-least-once), and `ctx.tx` must not be used.
   */
  inbox?: boolean;
  /** Messages delivered but not yet acked, per consumer (default 1000). */
  maxAckPending?: number;
  /**
   * Also consume older versions of the event (upcast on read). Only for consumers created once producers stopped
   * publishing the old version beside the new one; otherwise both copies of one event would be handled.
   */
  fromVersion?: number;
}

export const DEFAULT_CONSUMER_OPTIONS = {
  maxDeliver: 5,
  backoffMs: [1000, 5000, 30_000, 120_000, 600_000],
  ackWaitMs: 30_000,
  batchSize: 64,
  maxAckPending: 1000,
  inbox: true,
} as const;

export interface HandlerContext {
  /** The handler's database transaction: writes and `tx.publish` commit together, and only then is the event acked. */
  readonly tx: Transaction;
  /** 1 on the first delivery. */
  readonly deliveryCount: number;
  /** The consumer's durable name. */
  readonly consumer: string;
  /** Logger carrying the correlation id, event id and type. */
  readonly logger: Logger;
  /** Tells the server the handler is still working (resets the ack timer). */
  working(): void;
  /** Publishes (through the outbox, in `tx`) an event caused by this one: same correlation id, causation = this id. */
  publish<T extends object>(contract: EventClass<T>, data: T, meta?: Omit<EventMetadata, 'correlationId' | 'causationId'>): Promise<CloudEvent<T>>;
}

export type EventHandlerFn<T> = (event: CloudEvent<T>, ctx: HandlerContext) => Promise<void>;
