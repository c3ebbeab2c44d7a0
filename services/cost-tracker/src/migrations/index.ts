import { messagingTablesMigration, quoteIdent as q } from '@cloudwright/messaging';
import { type MigrationInterface, type QueryRunner } from 'typeorm';

function costTrackerTables(schema: string): new () => MigrationInterface {
  return class CostTrackerTables1763800000000 implements MigrationInterface {
    name = 'CostTrackerTables1763800000000';
    async up(runner: QueryRunner): Promise<void> {
      const s = q(schema);
      // one row per deployment (the latest estimate) and per on-demand estimate (deployment_id null)
      await runner.query(`CREATE TABLE ${s}.cost_estimates (
        id uuid PRIMARY KEY,
        deployment_id text UNIQUE,
        stack text,
        environment text,
        request_key text,
        status text NOT NULL CHECK (status IN ('priced', 'failed')),
        currency char(3) NOT NULL,
        hourly numeric,
        monthly numeric,
        yearly numeric,
        past_monthly numeric,
        diff_monthly numeric,
        resource_count integer NOT NULL DEFAULT 0,
        unsupported_count integer NOT NULL DEFAULT 0,
        catalog_version text,
        budget jsonb,
        error jsonb,
        estimate jsonb,
        correlation_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
      await runner.query(`CREATE INDEX cost_estimates_stack_env ON ${s}.cost_estimates (stack, environment, created_at DESC)`);
      await runner.query(`CREATE TABLE ${s}.cost_estimate_resources (
        estimate_id uuid NOT NULL REFERENCES ${s}.cost_estimates (id) ON DELETE CASCADE,
        address text NOT NULL,
        type text NOT NULL,
        cloud text NOT NULL,
        region text NOT NULL,
        action text NOT NULL,
        hourly numeric NOT NULL,
        monthly numeric NOT NULL,
        PRIMARY KEY (estimate_id, address)
      )`);
      await runner.query(`CREATE TABLE ${s}.budgets (
        id uuid PRIMARY KEY,
        stack text NOT NULL,
        environment text NOT NULL,
        tag_key text NOT NULL DEFAULT '',
        tag_value text NOT NULL DEFAULT '',
        amount numeric NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        period text NOT NULL DEFAULT 'monthly' CHECK (period = 'monthly'),
        thresholds_pct integer[] NOT NULL,
        forecast_overrun boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (stack, environment, tag_key, tag_value)
      )`);
      await runner.query(`CREATE TABLE ${s}.cost_imports (
        id uuid PRIMARY KEY,
        file_name text NOT NULL,
        sha256 char(64),
        source text NOT NULL,
        status text NOT NULL CHECK (status IN ('imported', 'rejected', 'failed')),
        skip_invalid boolean NOT NULL,
        rows integer NOT NULL DEFAULT 0,
        skipped_rows integer NOT NULL DEFAULT 0,
        period_start date,
        period_end date,
        totals jsonb NOT NULL DEFAULT '[]'::jsonb,
        report jsonb NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL DEFAULT now()
      )`);
      // a file's content is imported at most once
      await runner.query(`CREATE UNIQUE INDEX cost_imports_sha256_imported ON ${s}.cost_imports (sha256) WHERE status = 'imported'`);
      // daily facts: one row per import, day and dimensions (dim_key is a hash of the dimension values)
      await runner.query(`CREATE TABLE ${s}.cost_daily (
        import_id uuid NOT NULL REFERENCES ${s}.cost_imports (id) ON DELETE CASCADE,
        day date NOT NULL,
        dim_key text NOT NULL,
        provider text NOT NULL,
        billing_account_id text NOT NULL,
        sub_account_id text,
        sub_account_name text,
        service text NOT NULL,
        service_category text NOT NULL,
        region text,
        resource_id text,
        resource_name text,
        resource_type text,
        charge_category text NOT NULL,
        currency char(3) NOT NULL,
        stack text,
        environment text,
        deployment_id text,
        tags jsonb NOT NULL DEFAULT '{}'::jsonb,
        billed_cost numeric NOT NULL,
        effective_cost numeric NOT NULL,
        list_cost numeric,
        row_count integer NOT NULL,
        PRIMARY KEY (import_id, day, dim_key)
      )`);
      await runner.query(`CREATE INDEX cost_daily_day ON ${s}.cost_daily (day)`);
      await runner.query(`CREATE INDEX cost_daily_stack_env_day ON ${s}.cost_daily (stack, environment, day)`);
      await runner.query(`CREATE INDEX cost_daily_deployment ON ${s}.cost_daily (deployment_id) WHERE deployment_id IS NOT NULL`);
      await runner.query(`CREATE INDEX cost_daily_resource ON ${s}.cost_daily (resource_id) WHERE resource_id IS NOT NULL`);
      // alerts this service raised and not yet resolved (and the resolved ones, for history)
      await runner.query(`CREATE TABLE ${s}.cost_alerts (
        dedup_key text PRIMARY KEY,
        kind text NOT NULL,
        severity text NOT NULL,
        stack text,
        environment text,
        status text NOT NULL CHECK (status IN ('raised', 'resolved')),
        title text NOT NULL,
        description text NOT NULL,
        labels jsonb NOT NULL DEFAULT '{}'::jsonb,
        raised_at timestamptz NOT NULL,
        resolved_at timestamptz
      )`);
    }
    async down(runner: QueryRunner): Promise<void> {
      const s = q(schema);
      for (const table of ['cost_alerts', 'cost_daily', 'cost_imports', 'budgets', 'cost_estimate_resources', 'cost_estimates']) {
        await runner.query(`DROP TABLE IF EXISTS ${s}.${table}`);
      }
    }
  };
}

/** The cost-tracker's migrations, in order, for its schema. */
export function costTrackerMigrations(schema: string): (new () => MigrationInterface)[] {
  return [messagingTablesMigration(schema), costTrackerTables(schema)];
}
