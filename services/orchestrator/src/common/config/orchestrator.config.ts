import { EnvReader, readServiceConfig, type ServiceConfig } from '@cloudwright/messaging';

export { ConfigError } from '@cloudwright/messaging';

/** Typed configuration of the orchestrator, read once at boot; every invalid variable is listed before exiting. */
export type OrchestratorConfig = ServiceConfig;

export function loadOrchestratorConfig(env: NodeJS.ProcessEnv = process.env): OrchestratorConfig {
  const reader = new EnvReader(env);
  const config = readServiceConfig(reader, { schemaVar: 'CW_ORCHESTRATOR_SCHEMA', defaultSchema: 'orchestrator', defaultPort: 8080 });
  reader.check();
  return config;
}

export const ORCHESTRATOR_CONFIG = Symbol('ORCHESTRATOR_CONFIG');
