import { quoteIdent as q } from '@cloudwright/messaging';
import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The API's audit log table in the orchestrator's schema (append-only; read newest first). */
export function auditLogMigration(schema: string): new () => MigrationInterface {
  return class AuditLog1763900000000 implements MigrationInterface {
    name = 'AuditLog1763900000000';
    async up(runner: QueryRunner): Promise<void> {
      const s = q(schema);
      await runner.query(`CREATE TABLE ${s}.audit_log (
        id uuid PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        role text,
        method text NOT NULL,
        path text NOT NULL,
        action text NOT NULL,
        target text,
        outcome text NOT NULL CHECK (outcome IN ('ok', 'denied', 'error')),
        status integer NOT NULL,
        detail text,
        correlation_id text
      )`);
      await runner.query(`CREATE INDEX audit_log_at ON ${s}.audit_log (at DESC)`);
    }
    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DROP TABLE ${q(schema)}.audit_log`);
    }
  };
}
