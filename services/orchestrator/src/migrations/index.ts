import { messagingTablesMigration, quoteIdent as q } from '@cloudwright/messaging';
import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { auditLogMigration } from '../audit/audit-log.migration';

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

/** The deployment saga: deployments (the former request table), steps, gates, transitions, approvals, locks, revisions, policies, alerts. */
function deploymentSaga(schema: string): new () => MigrationInterface {
  return class DeploymentSaga1795000000000 implements MigrationInterface {
    name = 'DeploymentSaga1795000000000';
    async up(runner: QueryRunner): Promise<void> {
      const s = q(schema);
      await runner.query(`ALTER TABLE ${s}.deployment_requests RENAME TO deployments`);
      await runner.query(`ALTER INDEX ${s}.deployment_requests_stack_env RENAME TO deployments_stack_env`);
      await runner.query(`ALTER TABLE ${s}.deployments
        ADD COLUMN kind text NOT NULL DEFAULT 'deploy',
        ADD COLUMN plan jsonb,
        ADD COLUMN clouds text[] NOT NULL DEFAULT '{}',
        ADD COLUMN reason text,
        ADD COLUMN revision integer,
        ADD COLUMN rollback_to_revision integer,
        ADD COLUMN rollback_of uuid,
        ADD COLUMN rollback_reason text,
        ADD COLUMN rollback_detail text,
        ADD COLUMN cancel_requested_by text,
        ADD COLUMN queue_seq bigserial,
        ADD COLUMN started_at timestamptz,
        ADD COLUMN finished_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN wake_at timestamptz,
        ADD COLUMN deadline_at timestamptz,
        ADD COLUMN approval jsonb,
        ADD COLUMN policy jsonb,
        ADD COLUMN desired jsonb`);
      await runner.query(`CREATE INDEX deployments_due ON ${s}.deployments (wake_at) WHERE status NOT IN ('succeeded','blocked','rejected','rolled-back','cancelled','queued')`);
      await runner.query(`CREATE INDEX deployments_queue ON ${s}.deployments (stack, environment, queue_seq) WHERE status = 'queued'`);
      await runner.query(`CREATE TABLE ${s}.deployment_steps (
        id uuid PRIMARY KEY,
        deployment_id uuid NOT NULL REFERENCES ${s}.deployments(id),
        ordinal integer NOT NULL,
        seq integer,
        address text NOT NULL,
        resource_type text NOT NULL,
        cloud text,
        region text,
        action text NOT NULL,
        phase text NOT NULL,
        compensates uuid,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        depends_on uuid[] NOT NULL DEFAULT '{}',
        spec jsonb,
        provider_id text,
        error_code text,
        error_message text,
        note text,
        next_attempt_at timestamptz,
        started_at timestamptz,
        finished_at timestamptz
      )`);
      await runner.query(`CREATE INDEX deployment_steps_deployment ON ${s}.deployment_steps (deployment_id, phase, ordinal)`);
      await runner.query(`CREATE TABLE ${s}.deployment_gates (
        deployment_id uuid NOT NULL REFERENCES ${s}.deployments(id),
        gate text NOT NULL,
        status text NOT NULL,
        summary text NOT NULL DEFAULT '',
        reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
        facts jsonb NOT NULL DEFAULT '{}'::jsonb,
        details jsonb,
        requested_at timestamptz,
        decided_at timestamptz,
        PRIMARY KEY (deployment_id, gate)
      )`);
      await runner.query(`CREATE TABLE ${s}.deployment_transitions (
        id bigserial PRIMARY KEY,
        deployment_id uuid NOT NULL REFERENCES ${s}.deployments(id),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        from_status text,
        to_status text NOT NULL,
        reason text,
        actor text
      )`);
      await runner.query(`CREATE INDEX deployment_transitions_deployment ON ${s}.deployment_transitions (deployment_id, id)`);
      await runner.query(`CREATE TABLE ${s}.deployment_approvals (
        deployment_id uuid NOT NULL REFERENCES ${s}.deployments(id),
        approver text NOT NULL,
        role text NOT NULL,
        decision text NOT NULL,
        comment text,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (deployment_id, approver)
      )`);
      await runner.query(`CREATE TABLE ${s}.environment_locks (
        stack text NOT NULL,
        environment text NOT NULL,
        deployment_id uuid NOT NULL REFERENCES ${s}.deployments(id),
        acquired_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stack, environment)
      )`);
      await runner.query(`CREATE TABLE ${s}.stack_revisions (
        stack text NOT NULL,
        environment text NOT NULL,
        revision integer NOT NULL,
        deployment_id uuid NOT NULL REFERENCES ${s}.deployments(id),
        kind text NOT NULL,
        resources jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stack, environment, revision)
      )`);
      await runner.query(`CREATE TABLE ${s}.environment_policies (
        environment text PRIMARY KEY,
        policy jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL
      )`);
      await runner.query(`CREATE TABLE ${s}.deployment_alerts (
        dedup_key text PRIMARY KEY,
        kind text NOT NULL,
        stack text NOT NULL,
        environment text NOT NULL,
        deployment_id uuid NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now()
      )`);
    }
    async down(runner: QueryRunner): Promise<void> {
      const s = q(schema);
      for (const t of ['deployment_alerts', 'environment_policies', 'stack_revisions', 'environment_locks', 'deployment_approvals', 'deployment_transitions', 'deployment_gates', 'deployment_steps']) {
        await runner.query(`DROP TABLE ${s}.${t}`);
      }
      await runner.query(`ALTER TABLE ${s}.deployments RENAME TO deployment_requests`);
    }
  };
}

/** When the provider call of each step attempt began and answered (the step's timeline shows provider time apart from the coordinator's). */
function stepCallTimes(schema: string): new () => MigrationInterface {
  return class StepCallTimes1795100000000 implements MigrationInterface {
    name = 'StepCallTimes1795100000000';
    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`ALTER TABLE ${q(schema)}.deployment_steps ADD COLUMN call_started_at timestamptz, ADD COLUMN call_finished_at timestamptz`);
    }
    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`ALTER TABLE ${q(schema)}.deployment_steps DROP COLUMN call_started_at, DROP COLUMN call_finished_at`);
    }
  };
}

/** The orchestrator's migrations, in order, for its schema. */
export function orchestratorMigrations(schema: string): (new () => MigrationInterface)[] {
  return [messagingTablesMigration(schema), deploymentRequests(schema), deploymentSaga(schema), auditLogMigration(schema), stepCallTimes(schema)];
}
