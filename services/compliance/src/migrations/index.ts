import { messagingTablesMigration, quoteIdent as q } from '@cloudwright/messaging';
import { type MigrationInterface, type QueryRunner } from 'typeorm';

function complianceTables(schema: string): new () => MigrationInterface {
  return class ComplianceTables1764000000000 implements MigrationInterface {
    name = 'ComplianceTables1764000000000';
    async up(runner: QueryRunner): Promise<void> {
      const s = q(schema);
      // one row per scan: the saga's scans (deployment_id set) and HTTP scans of a stack/environment
      await runner.query(`CREATE TABLE ${s}.compliance_scans (
        id uuid PRIMARY KEY,
        deployment_id text,
        stack text NOT NULL,
        environment text NOT NULL,
        request_key text,
        source text NOT NULL CHECK (source IN ('command', 'http')),
        status text NOT NULL CHECK (status IN ('scanned', 'failed')),
        input_digest text,
        plan_sha256 text,
        rule_set_version text,
        frameworks text[] NOT NULL DEFAULT '{}',
        overall_score double precision CHECK (overall_score BETWEEN 0 AND 100),
        verdict text CHECK (verdict IN ('passed', 'blocked')),
        block_on text,
        min_score double precision,
        gate jsonb,
        counts jsonb,
        summary jsonb,
        audit jsonb,
        error jsonb,
        correlation_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'scanned') = (verdict IS NOT NULL))
      )`);
      // a deployment's scan with the same inputs is stored once (a repeated command re-publishes it)
      await runner.query(
        `CREATE UNIQUE INDEX compliance_scans_deployment_inputs ON ${s}.compliance_scans (deployment_id, input_digest) WHERE status = 'scanned' AND deployment_id IS NOT NULL`,
      );
      await runner.query(`CREATE INDEX compliance_scans_deployment ON ${s}.compliance_scans (deployment_id, created_at DESC) WHERE deployment_id IS NOT NULL`);
      // latest scan per stack/environment, trends, the previous scan for alerts
      await runner.query(`CREATE INDEX compliance_scans_stack_env ON ${s}.compliance_scans (stack, environment, created_at DESC) WHERE status = 'scanned'`);
      await runner.query(`CREATE INDEX compliance_scans_created ON ${s}.compliance_scans (created_at DESC)`);
      await runner.query(`CREATE TABLE ${s}.compliance_framework_scores (
        scan_id uuid NOT NULL REFERENCES ${s}.compliance_scans (id) ON DELETE CASCADE,
        framework text NOT NULL,
        stack text NOT NULL,
        environment text NOT NULL,
        name text NOT NULL,
        version text NOT NULL,
        score double precision CHECK (score BETWEEN 0 AND 100),
        passed integer NOT NULL,
        failed integer NOT NULL,
        unknown integer NOT NULL,
        manual integer NOT NULL,
        not_applicable integer NOT NULL,
        muted integer NOT NULL,
        requirements jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (scan_id, framework)
      )`);
      await runner.query(`CREATE INDEX compliance_framework_scores_trend ON ${s}.compliance_framework_scores (stack, environment, framework, created_at DESC)`);
      // findings other than pass / not-applicable (those are counted on the scan)
      await runner.query(`CREATE TABLE ${s}.compliance_findings (
        scan_id uuid NOT NULL REFERENCES ${s}.compliance_scans (id) ON DELETE CASCADE,
        ordinal integer NOT NULL,
        rule_id text NOT NULL,
        title text NOT NULL,
        category text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
        status text NOT NULL CHECK (status IN ('fail', 'unknown', 'manual', 'muted')),
        address text NOT NULL,
        resource_type text,
        cloud text,
        region text,
        message text NOT NULL,
        found text,
        expected text,
        attribute text,
        frameworks jsonb NOT NULL DEFAULT '[]'::jsonb,
        remediation jsonb NOT NULL,
        "references" jsonb NOT NULL DEFAULT '[]'::jsonb,
        waiver jsonb,
        PRIMARY KEY (scan_id, ordinal)
      )`);
      await runner.query(`CREATE INDEX compliance_findings_status_severity ON ${s}.compliance_findings (scan_id, status, severity)`);
      await runner.query(`CREATE INDEX compliance_findings_rule ON ${s}.compliance_findings (scan_id, rule_id)`);
      // '' = every stack / every environment
      await runner.query(`CREATE TABLE ${s}.compliance_waivers (
        id uuid PRIMARY KEY,
        waiver_id text NOT NULL,
        stack text NOT NULL DEFAULT '',
        environment text NOT NULL DEFAULT '',
        rule_id text,
        resource text,
        framework text,
        requirement text,
        reason text NOT NULL,
        owner text NOT NULL,
        expires date NOT NULL,
        source text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (rule_id IS NOT NULL OR resource IS NOT NULL OR framework IS NOT NULL),
        UNIQUE (stack, environment, waiver_id)
      )`);
      await runner.query(`CREATE INDEX compliance_waivers_expires ON ${s}.compliance_waivers (expires)`);
      await runner.query(`CREATE TABLE ${s}.compliance_evidence (
        stack text NOT NULL,
        environment text NOT NULL,
        key text NOT NULL,
        value boolean NOT NULL,
        source text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stack, environment, key)
      )`);
      await runner.query(`CREATE TABLE ${s}.compliance_policies (
        environment text PRIMARY KEY,
        block_on text NOT NULL CHECK (block_on IN ('critical', 'high', 'medium', 'low', 'info')),
        min_score double precision CHECK (min_score BETWEEN 0 AND 100),
        frameworks text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
      // alerts this service raised and not yet resolved (and the resolved ones, for history)
      await runner.query(`CREATE TABLE ${s}.compliance_alerts (
        dedup_key text PRIMARY KEY,
        kind text NOT NULL,
        severity text NOT NULL,
        stack text NOT NULL,
        environment text NOT NULL,
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
      for (const table of ['compliance_alerts', 'compliance_policies', 'compliance_evidence', 'compliance_waivers', 'compliance_findings', 'compliance_framework_scores', 'compliance_scans']) {
        await runner.query(`DROP TABLE IF EXISTS ${s}.${table}`);
      }
    }
  };
}

/** The compliance service's migrations, in order, for its schema. */
export function complianceMigrations(schema: string): (new () => MigrationInterface)[] {
  return [messagingTablesMigration(schema), complianceTables(schema)];
}
