import { eventDefinitionOf, type CloudEvent, type EventClass } from '@cloudwright/contracts';
import { type DataSource, type EntityManager } from 'typeorm';
import { quoteIdent } from '../common/sql';
import { captureTraceContext } from '../observability/tracing';
import { createEvent, type EventMetadata } from '../publishing/event-factory';

/**
 * A database transaction of one service that may also emit events. `publish` writes the event to the outbox in
 * the same transaction: it is published after (and only if) the transaction commits.
 */
export interface Transaction {
  readonly manager: EntityManager;
  publish<T extends object>(contract: EventClass<T>, data: T, meta?: EventMetadata): Promise<CloudEvent<T>>;
}

export interface OutboxWriterOptions {
  schema: string;
  /** The CloudEvent `source` of events this service emits: `cloudwright/<service>`. */
  source: string;
}

/** Writes outbox rows inside a caller's transaction. */
export class OutboxWriter {
  private readonly insertSql: string;

  constructor(private readonly options: OutboxWriterOptions) {
    this.insertSql = `INSERT INTO ${quoteIdent(options.schema)}.cw_outbox (id, ordering_key, subject, type, payload, trace) VALUES ($1, $2, $3, $4, $5, $6)`;
  }

  async write<T extends object>(manager: EntityManager, contract: EventClass<T>, data: T, meta: EventMetadata = {}): Promise<CloudEvent<T>> {
    const event = createEvent(this.options.source, contract, data, meta);
    const definition = eventDefinitionOf(contract);
    await manager.query(this.insertSql, [
      event.id,
      event.subject ?? event.correlationid,
      definition.subject,
      event.type,
      JSON.stringify(event),
      JSON.stringify(captureTraceContext()),
    ]);
    return event;
  }

  transaction(manager: EntityManager): Transaction {
    return {
      manager,
      publish: (contract, data, meta) => this.write(manager, contract, data, meta),
    };
  }
}

/** Runs work in one database transaction and wakes the outbox relay after commit. */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  async run<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    const result = await this.dataSource.transaction((manager) => work(this.outbox.transaction(manager)));
    this.afterCommit();
    return result;
  }
}
