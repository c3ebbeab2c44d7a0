export { InfrastructureUnavailableError, MissingPrerequisiteError } from './devenv.errors';
export { findFreePort } from './free-port';
export { NATS_INSTALL_COMMAND, findNatsServerBinary, probeNats, logTail, startNatsServer, stopChild, type OwnNatsServer } from './nats-server';
export { OWN_POSTGRES_PASSWORD, ensureDatabase, probePostgres } from './postgres-server';
export { defaultDataDir, findRepoRoot } from './repo-root';
export {
  LOCAL_NATS_URL,
  LOCAL_POSTGRES_URL,
  redactUrl,
  resolveInfrastructure,
  type Infrastructure,
  type ResolveInfrastructureOptions,
} from './resolve-infrastructure';
export {
  RUNTIME_STATE_FILE,
  readRuntimeState,
  runtimeStatePath,
  stopFromStateFile,
  type RuntimeState,
  type StartedServer,
  type StoppedServer,
} from './runtime-state';
export { createTestContext, type TestContext } from './test-context';
export { assertTestDatabase, sanitiseLabel, schemaNameFor, streamPrefixFor, subjectPrefixFor } from './test-names';
