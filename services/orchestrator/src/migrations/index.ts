import { messagingTablesMigration, quoteIdent as q } from '@cloudwright/messaging';
import { type MigrationInterface, type QueryRunner } from 'typeorm';

function deploymentRequests(schema: string): new () => MigrationInterface {
  return class DeploymentRequests1763769700000 implements MigrationInterface {
    name = 'DeploymentRequests1763769700000';
    async up(runner: QueryRunner): Promise<void> {
      const s = q(schema);
      await runner.query(`CREATE TABLE ${s}.deployment_requests (
        id uuid PRIMARY KEY,
        request_key text NOT NULL UNIQUE,
        stack text NOT NULL,
        environment text NOT NULL,
        target_clouds text[] NOT NULL,
        plan_source text NOT NULL,
        plan_sha256 char(64) NOT NULL,
        plan_bytes integer NOT NULL,
        resource_changes integer,
        ci jsonb NOT NULL,
        labels jsonb NOT NULL DEFAULT '{}'::jsonb,
        correlation_id text NOT NULL,
        status text NOT NULL,
        requested_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        duplicate_requests integer NOT NULL DEFAULT 0
      )`);
      await runner.query(`CREATE INDEX deployment_requests_stack_env ON ${s}.deployment_requests (stack, environment, received_at DESC)`);
    }
    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DROP TABLE ${q(schema)}.deployment_requests`);
    }
  };
}

/** The orchestrator's migrations, in order, for its schema. */
export function orchestratorMigrations(schema: string): (new () => MigrationInterface)[] {
  return [messagingTablesMigration(schema), deploymentRequests(schema)];
}
