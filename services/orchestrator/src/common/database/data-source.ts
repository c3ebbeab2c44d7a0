import { quoteIdent } from '@cloudwright/messaging';
import { DataSource } from 'typeorm';
import { AUDIT_ENTITIES } from '../../api';
import { type OrchestratorConfig } from '../config/orchestrator.config';
import { orchestratorMigrations } from '../../migrations';

/** The orchestrator's DataSource: its own schema, a small pool, migrations run by command (never synchronize). */
export function createOrchestratorDataSource(config: Pick<OrchestratorConfig, 'databaseUrl' | 'schema' | 'dbPoolMax'>): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    schema: config.schema,
    entities: [...AUDIT_ENTITIES],
    migrations: orchestratorMigrations(config.schema),
    migrationsTableName: 'migrations',
    synchronize: false,
    extra: { max: config.dbPoolMax, application_name: 'cloudwright-orchestrator' },
  });
}

/** Creates the schema if needed and applies pending migrations; returns their names. */
export async function migrate(dataSource: DataSource, schema: string): Promise<string[]> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
