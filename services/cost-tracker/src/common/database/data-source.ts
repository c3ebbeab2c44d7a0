import { quoteIdent } from '@cloudwright/messaging';
import { DataSource } from 'typeorm';
import { type CostTrackerConfig } from '../config/cost-tracker.config';
import { costTrackerMigrations } from '../../migrations';
import { COST_TRACKER_ENTITIES } from './entities';

/** The cost-tracker's DataSource: its own schema, a small pool, migrations run by command (never synchronize). */
export function createCostTrackerDataSource(config: Pick<CostTrackerConfig, 'databaseUrl' | 'schema' | 'dbPoolMax'>): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    schema: config.schema,
    entities: COST_TRACKER_ENTITIES,
    migrations: costTrackerMigrations(config.schema),
    migrationsTableName: 'migrations',
    synchronize: false,
    extra: { max: config.dbPoolMax, application_name: 'cloudwright-cost-tracker' },
  });
}

/** Creates the schema if needed and applies pending migrations; returns their names. */
export async function migrate(dataSource: DataSource, schema: string): Promise<string[]> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}

export const COST_TRACKER_DATA_SOURCE = Symbol('COST_TRACKER_DATA_SOURCE');
