import { type DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { quoteIdent } from '../common/sql';

/**
 * The outbox (events committed with the domain write, published after commit) and the inbox (events a consumer
 * has handled, for idempotency). One pair per service schema; one dedup key end to end:
 * outbox.id = CloudEvent id = Nats-Msg-Id = inbox.event_id.
 */
export function messagingTablesSql(schema: string): string[] {
  const s = quoteIdent(schema);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE IF NOT EXISTS ${s}.cw_outbox (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      ordering_key text NOT NULL,
      subject text NOT NULL,
      type text NOT NULL,
      payload text NOT NULL,
      trace jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    )`,
    `CREATE INDEX IF NOT EXISTS cw_outbox_unpublished ON ${s}.cw_outbox (seq) WHERE published_at IS NULL`,
    `CREATE TABLE IF NOT EXISTS ${s}.cw_inbox (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      handled_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`,
  ];
}

/** Creates the messaging tables when missing (dev runtime and tests; production runs the migration). */
export async function ensureMessagingTables(dataSource: DataSource, schema: string): Promise<void> {
  await dataSource.transaction(async (manager) => {
    // Serialise concurrent boots of replicas on the same schema.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cw-messaging-ddl:${schema}`]);
    for (const sql of messagingTablesSql(schema)) await manager.query(sql);
  });
}

/** A TypeORM migration creating the messaging tables in `schema`, for a service's migration list. */
export function messagingTablesMigration(schema: string): new () => MigrationInterface {
  return class MessagingTables1763769600000 implements MigrationInterface {
    name = `MessagingTables1763769600000`;
    async up(queryRunner: QueryRunner): Promise<void> {
      for (const sql of messagingTablesSql(schema)) await queryRunner.query(sql);
    }
    async down(queryRunner: QueryRunner): Promise<void> {
      const s = quoteIdent(schema);
      await queryRunner.query(`DROP TABLE IF EXISTS ${s}.cw_inbox`);
      await queryRunner.query(`DROP TABLE IF EXISTS ${s}.cw_outbox`);
    }
  };
}
