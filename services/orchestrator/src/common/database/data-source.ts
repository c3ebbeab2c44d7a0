import { DataSource } from 'typeorm';
import { type OrchestratorConfig } from '../config/orchestrator.config';
import { DeploymentRequestEntity } from '../../deployments/deployment-request.entity';
import { orchestratorMigrations } from '../../migrations';

/** The orchestrator's DataSource: its own schema, a small pool, migrations run by command (never synchronize). */
export function createOrchestratorDataSource(config: OrchestratorConfig): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    schema: config.schema,
    entities: [DeploymentRequestEntity],
    migrations: orchestratorMigrations(config.schema),
    migrationsTableName: 'migrations',
    synchronize: false,
    extra: { max: config.dbPoolMax, application_name: 'cloudwright-orchestrator' },
  });
}

/** Creates the schema if needed and applies pending migrations; returns their names. */
export async function migrate(dataSource: DataSource, schema: string): Promise<string[]> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
