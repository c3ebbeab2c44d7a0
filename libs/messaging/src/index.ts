export * from './topology/topology';
export { quoteIdent, valuesList } from './common/sql';
export * from './topology/stream-provisioner';
export * from './common/nats-connection';
export * from './publishing/event-factory';
export * from './publishing/jetstream-publisher';
export * from './transaction/unit-of-work';
export * from './outbox/messaging-tables';
export * from './outbox/outbox-relay';
export * from './consuming/consumer-options';
export * from './consuming/event-consumer';
export * from './dead-letters/dead-letter-publisher';
export * from './dead-letters/dead-letter-admin';
export * from './queries/query';
export * from './observability/metrics';
export * from './observability/logger';
export * from './observability/tracing';
export * from './messaging-runtime';
export * from './nest/on-event.decorator';
export * from './nest/messaging.module';
export * from './http/domain-error.filter';
export { ApiAuthenticationError } from './http/auth/api-auth.errors';
export {
  ANONYMOUS_ADMIN,
  API_TOKENS,
  ApiTokenRegistry,
  loadApiAuthConfig,
  parseApiTokens,
  readApiAuthConfig,
  sha256Hex,
  type ApiActor,
  type ApiAuthConfig,
  type ApiTokenEntry,
} from './http/auth/api-tokens';
export { roleAllows, rolesAdmitted } from './http/auth/roles';
export { buildServiceOpenApi, documentedRoutes, nullableSchema, objectSchema, openApiPath, servedRoutes, stringSchema, type ApiParamDoc, type ApiRouteDoc } from './http/openapi';
export { API_ACCESS_METADATA, ApiAccess, ApiAccessGuard, NO_API_TOKENS_MESSAGE, authenticate, authorize, type ApiAccessRule, type PresentedCredentials } from './http/auth/api-access.guard';
export * from './config/service-config';
