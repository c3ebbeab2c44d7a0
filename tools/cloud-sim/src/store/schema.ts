import { type PoolClient } from 'pg';

/** Name of the PostgreSQL schema holding the simulated world when none is given. */
export const DEFAULT_SIM_SCHEMA = 'cloudsim';

export function assertSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`cloud-sim: schema "${schema}" must be a lowercase PostgreSQL identifier (letters, digits, _; at most 63 characters)`);
  }
}

/**
 * Tables of the simulated world. Idempotent (IF NOT EXISTS everywhere) and serialised by an advisory lock, so
 * several processes may open the same world at once.
 */
export function schemaDdl(schema: string): string[] {
  const s = `"${schema}"`;
  return [
    `create schema if not exists ${s}`,
    `create table if not exists ${s}.settings (
       id smallint primary key default 1 check (id = 1),
       seed text not null,
       clock_offset_ms bigint not null default 0,
       created_at timestamptz not null default now())`,
    `create table if not exists ${s}.resources (
       stack text not null,
       environment text not null,
       address text not null,
       type text not null,
       cloud text not null,
       region text,
       category text not null,
       provider_id text not null,
       spec jsonb not null,
       attributes jsonb not null,
       generated jsonb not null,
       depends_on text[] not null default '{}',
       deployment_id text not null,
       created_at timestamptz not null,
       updated_at timestamptz not null,
       primary key (stack, environment, address))`,
    `create index if not exists resources_quota_idx on ${s}.resources (cloud, region, category)`,
    `create table if not exists ${s}.operations (
       idempotency_key text primary key,
       request jsonb not null,
       result jsonb,
       error jsonb,
       at timestamptz not null default now())`,
    `create table if not exists ${s}.call_counts (
       stack text not null,
       environment text not null,
       address text not null,
       operation text not null,
       count integer not null default 0,
       attempts integer not null default 0,
       primary key (stack, environment, address, operation))`,
    `create table if not exists ${s}.faults (
       seq bigserial primary key,
       spec jsonb not null,
       remaining integer,
       hits integer not null default 0,
       created_at timestamptz not null default now())`,
    `create table if not exists ${s}.outages (
       cloud text not null,
       region text not null,
       since timestamptz not null default now(),
       primary key (cloud, region))`,
    `create table if not exists ${s}.quotas (
       cloud text not null,
       region text not null,
       category text not null,
       max_count integer not null check (max_count >= 0),
       primary key (cloud, region, category))`,
    `create table if not exists ${s}.usage (
       id bigserial primary key,
       stack text not null,
       environment text not null,
       address text not null,
       type text not null,
       cloud text not null,
       region text,
       category text not null,
       provider_id text not null,
       spec jsonb not null,
       deployment_id text not null,
       created_at timestamptz not null,
       deleted_at timestamptz)`,
    `create index if not exists usage_open_idx on ${s}.usage (stack, environment, address) where deleted_at is null`,
  ];
}

export async function createSchema(client: PoolClient, schema: string): Promise<void> {
  assertSchemaName(schema);
  await client.query('begin');
  try {
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`cloud-sim:ddl:${schema}`]);
    for (const statement of schemaDdl(schema)) await client.query(statement);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
