import { type DataSource, type QueryRunner } from 'typeorm';
import { Signal, errorMessage, forEachLimit, sleep } from '../common/async';
import { quoteIdent } from '../common/sql';
import { type Logger } from '../observability/logger';
import { type MessagingMetrics } from '../observability/metrics';
import { type TraceCarrier } from '../observability/tracing';
import { type JetStreamPublisher } from '../publishing/jetstream-publisher';

export interface OutboxRelayOptions {
  schema: string;
  /** How often to look for rows when nobody nudged (other replicas' writes, missed nudges). Default 500 ms. */
  pollIntervalMs?: number;
  /** Rows per round (default 500). */
  batchSize?: number;
  /** Ordering keys published in parallel (default 32); rows of one key are published one after the other. */
  concurrency?: number;
  /** Published rows are deleted after this long (default 1 hour). */
  retentionMs?: number;
  /** Instrumentation point: called after a round's publishes were acknowledged, before the rows are marked sent. */
  afterPublish?: (ids: string[]) => void | Promise<void>;
}

interface OutboxRow {
  seq: string;
  id: string;
  ordering_key: string;
  subject: string;
  type: string;
  payload: string;
  trace: TraceCarrier;
}

/**
 * Publishes committed outbox rows to JetStream and marks them sent. One relay per schema is active at a time
 * (a PostgreSQL advisory lock held on its own session), so events of one ordering key leave in commit order;
 * other replicas stand by and take over when the leader's session ends.
 *
 * A crash between publish and mark re-publishes the row on restart with the same `Nats-Msg-Id`: the stream's
 * duplicate window drops it, and past the window the consumers' inbox does.
 */
export class OutboxRelay {
  private readonly signal = new Signal();
  private readonly options: Required<Omit<OutboxRelayOptions, 'afterPublish'>> & Pick<OutboxRelayOptions, 'afterPublish'>;
  private readonly table: string;
  private leader?: QueryRunner;
  private loop?: Promise<void>;
  private stopping = false;
  private lastPurge = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: JetStreamPublisher,
    options: OutboxRelayOptions,
    private readonly logger: Logger,
    private readonly metrics?: MessagingMetrics,
  ) {
    this.options = { pollIntervalMs: 500, batchSize: 500, concurrency: 32, retentionMs: 60 * 60 * 1000, ...options };
    this.table = `${quoteIdent(options.schema)}.cw_outbox`;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Wake the relay now (called after a transaction with events commits). */
  nudge(): void {
    this.signal.notify();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.signal.notify();
    await this.loop;
    this.loop = undefined;
    await this.resign();
  }

  /** Publishes every pending row once (tests and the CLI); returns how many were published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const { published, fetched, failed } = await this.round();
      total += published;
      if (failed) throw new Error(`outbox drain: ${failed} row(s) could not be published`);
      if (fetched < this.options.batchSize) return total;
    }
  }

  /** Rows committed but not yet published. */
  async backlog(): Promise<number> {
    const rows: { n: string }[] = await this.dataSource.query(`SELECT count(*)::text AS n FROM ${this.table} WHERE published_at IS NULL`);
    return Number(rows[0]?.n ?? 0);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        if (!(await this.lead())) {
          await this.signal.wait(this.options.pollIntervalMs * 4);
          continue;
        }
        const { fetched, failed } = await this.round();
        await this.maintain();
        if (failed) {
          failures++;
          await sleep(Math.min(250 * 2 ** failures, 5000));
        } else {
          failures = 0;
          if (fetched < this.options.batchSize) await this.signal.wait(this.options.pollIntervalMs);
        }
      } catch (error) {
        failures++;
        this.logger.warn({ err: errorMessage(error) }, 'outbox relay round failed; retrying');
        await this.resign();
        await sleep(Math.min(250 * 2 ** failures, 5000));
      }
    }
  }

  private async lead(): Promise<boolean> {
    if (this.leader && !this.leader.isReleased) return true;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const rows = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [`cw-outbox-relay:${this.options.schema}`])) as { ok: boolean }[];
    if (rows[0]?.ok) {
      this.leader = runner;
      this.logger.info({ schema: this.options.schema }, 'outbox relay is the active publisher for this schema');
      return true;
    }
    await runner.release();
    return false;
  }

  private async resign(): Promise<void> {
    const runner = this.leader;
    this.leader = undefined;
    if (!runner || runner.isReleased) return;
    try {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`cw-outbox-relay:${this.options.schema}`]);
    } catch {
      // the session is gone; PostgreSQL released the lock with it
    }
    await runner.release();
  }

  private async round(): Promise<{ fetched: number; published: number; failed: number }> {
    const rows: OutboxRow[] = await this.dataSource.query(
      `SELECT seq, id, ordering_key, subject, type, payload, trace FROM ${this.table} WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
      [this.options.batchSize],
    );
    if (!rows.length) {
      this.metrics?.outboxBacklog.set(0);
      return { fetched: 0, published: 0, failed: 0 };
    }
    const byKey = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const list = byKey.get(row.ordering_key);
      if (list) list.push(row);
      else byKey.set(row.ordering_key, [row]);
    }
    const published: string[] = [];
    const failed: { id: string; error: string }[] = [];
    await forEachLimit([...byKey.values()], this.options.concurrency, async (keyRows) => {
      for (const row of keyRows) {
        try {
          const body = JSON.parse(row.payload) as { correlationid: string };
          await this.publisher.publishSerialized(
            { id: row.id, type: row.type, subject: row.subject, correlationId: body.correlationid, body: row.payload },
            { trace: row.trace, attempts: 1 }, // the relay retries rows itself
          );
          published.push(row.id);
        } catch (error) {
          failed.push({ id: row.id, error: errorMessage(error) });
          return; // later rows of this key wait, so the key's order is kept
        }
      }
    });
    if (published.length && this.options.afterPublish) await this.options.afterPublish(published);
    if (published.length) {
      await this.dataSource.query(`UPDATE ${this.table} SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`, [published]);
    }
    if (failed.length) {
      await this.dataSource.query(
        `UPDATE ${this.table} AS o SET attempts = o.attempts + 1, last_error = f.error FROM unnest($1::uuid[], $2::text[]) AS f(id, error) WHERE o.id = f.id`,
        [failed.map((f) => f.id), failed.map((f) => f.error)],
      );
      this.logger.warn({ failed: failed.length, first: failed[0]?.error }, 'outbox relay could not publish; will retry');
    }
    this.metrics?.outboxBacklog.set(rows.length - published.length);
    return { fetched: rows.length, published: published.length, failed: failed.length };
  }

  private async maintain(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < 60_000) return;
    this.lastPurge = now;
    await this.dataSource.query(`DELETE FROM ${this.table} WHERE published_at < now() - ($1::bigint * interval '1 millisecond')`, [this.options.retentionMs]);
  }
}
