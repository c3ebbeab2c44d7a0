import { quoteIdent } from '@cloudwright/messaging';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { type ComplianceConfig } from '../config/compliance.config';
import { complianceMigrations } from '../../migrations';
import { COMPLIANCE_ENTITIES } from './entities';

/** The compliance service's DataSource: its own schema, a small pool, migrations run by command (never synchronize). */
export function createComplianceDataSource(config: Pick<ComplianceConfig, 'databaseUrl' | 'schema' | 'dbPoolMax'>): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    schema: config.schema,
    entities: COMPLIANCE_ENTITIES,
    migrations: complianceMigrations(config.schema),
    migrationsTableName: 'migrations',
    synchronize: false,
    extra: { max: config.dbPoolMax, application_name: 'cloudwright-compliance' },
  });
}

/** Creates the schema if needed and applies pending migrations; returns their names. */
export async function migrate(dataSource: DataSource, schema: string): Promise<string[]> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}

/** `"schema"."table"` of an entity, for the few queries written in SQL. */
export function tableOf(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): string {
  return manager
    .getRepository(entity)
    .metadata.tablePath.split('.')
    .map((part) => quoteIdent(part))
    .join('.');
}

export const COMPLIANCE_DATA_SOURCE = Symbol('COMPLIANCE_DATA_SOURCE');
