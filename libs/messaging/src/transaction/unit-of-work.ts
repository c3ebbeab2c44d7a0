import { eventDefinitionOf, type CloudEvent, type EventClass } from '@cloudwright/contracts';
import { type DataSource, type EntityManager } from 'typeorm';
import { quoteIdent, valuesList } from '../common/sql';
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

/** A transaction's events, written to the outbox together (one statement) before it commits. */
export interface BufferedTransaction extends Transaction {
  /** Writes the events published so far; must run inside the transaction, before the commit. */
  flush(): Promise<void>;
}

interface PendingRow {
  event: CloudEvent<object>;
  subject: string;
  trace: string;
}

/** Writes outbox rows inside a caller's transaction. */
export class OutboxWriter {
  private readonly insertSql: string;

  constructor(private readonly options: OutboxWriterOptions) {
    this.insertSql = `INSERT INTO ${quoteIdent(options.schema)}.cw_outbox (id, ordering_key, subject, type, payload, trace) VALUES `;
  }

  /**
   * A transaction whose events are kept in memory and written in one multi-row INSERT by flush(), in publish order
   * (the outbox sequence follows it). Each event is built, validated and traced when it is published.
   */
  transaction(manager: EntityManager): BufferedTransaction {
    const pending: PendingRow[] = [];
    return {
      manager,
      publish: <T extends object>(contract: EventClass<T>, data: T, meta?: EventMetadata): Promise<CloudEvent<T>> => {
        const event = createEvent(this.options.source, contract, data, meta ?? {});
        pending.push({ event, subject: eventDefinitionOf(contract).subject, trace: JSON.stringify(captureTraceContext()) });
        return Promise.resolve(event);
      },
      flush: async () => {
        while (pending.length) {
          const rows = pending.splice(0, 500).map(({ event, subject, trace }) => [event.id, event.subject ?? event.correlationid, subject, event.type, JSON.stringify(event), trace]);
          const { sql, params } = valuesList(rows);
          await manager.query(this.insertSql + sql, params);
        }
      },
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
    const result = await this.dataSource.transaction(async (manager) => {
      const tx = this.outbox.transaction(manager);
      const out = await work(tx);
      await tx.flush();
      return out;
    });
    this.afterCommit();
    return result;
  }
}
