import { defaultDataDir, resolveInfrastructure, type ResolveInfrastructureOptions } from '@cloudwright/devenv';

export interface PlatformInfrastructure {
  natsUrl: string;
  databaseUrl: string;
  /** Stops the servers this process started (none when it used CW_* or the local servers); idempotent. */
  stop: () => Promise<void>;
}

/** `<repo>/.cloudwright`: own servers' data and runtime.json (read by `cloudwright down`). */
export function platformDataDir(): string {
  return defaultDataDir(__dirname);
}

/**
 * Finds or starts NATS with JetStream and PostgreSQL for `cloudwright up` (database `cloudwright`),
 * printing what it did. `probeLocal: false` skips 127.0.0.1:4222/5432 and always starts own servers. Throws MissingPrerequisiteError / InfrastructureUnavailableError with what to do.
 */
export async function bringUpInfrastructure(
  options: Pick<ResolveInfrastructureOptions, 'probeLocal' | 'log'> = {},
): Promise<PlatformInfrastructure> {
  const { natsUrl, databaseUrl, stop } = await resolveInfrastructure({ ...options, database: 'cloudwright', dataDir: platformDataDir() });
  return { natsUrl, databaseUrl, stop };
}
