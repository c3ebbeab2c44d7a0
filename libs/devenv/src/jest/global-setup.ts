import { join } from 'node:path';
import { findRepoRoot } from '../repo-root';
import { resolveInfrastructure } from '../resolve-infrastructure';

/** Where global-setup leaves the handle for global-teardown (both run in jest's main process). */
export const INFRASTRUCTURE_HANDLE = '__cloudwrightTestInfrastructure';

/**
 * Jest integration global setup: finds or starts NATS and PostgreSQL (database `cloudwright_test`, own servers
 * under `<repo>/.cloudwright/test`, never the dev data) and hands the URLs to the workers via CW_* variables.
 */
export default async function globalSetup(): Promise<void> {
  const infrastructure = await resolveInfrastructure({
    database: 'cloudwright_test',
    dataDir: join(findRepoRoot(__dirname), '.cloudwright', 'test'),
    log: (line) => console.log(`[devenv] ${line}`),
  });
  process.env.CW_NATS_URL = infrastructure.natsUrl;
  process.env.CW_DATABASE_URL = infrastructure.databaseUrl;
  (globalThis as Record<string, unknown>)[INFRASTRUCTURE_HANDLE] = infrastructure;
}
