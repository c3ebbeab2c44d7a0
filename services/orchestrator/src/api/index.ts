import { type Provider } from '@nestjs/common';
import { AuditLogEntity } from '../audit/audit-log.entity';
import { AuditLogService } from '../audit/audit-log.service';
import { AuditController } from './audit.controller';
import { AuditWriteInterceptor } from './audit-write.interceptor';
import { ApiAuthGuard } from './auth/api-auth.guard';
import { API_TOKENS, ApiTokenRegistry, type ApiAuthConfig } from '@cloudwright/messaging';
import { DeploymentsController } from './deployments.controller';
import { EnvironmentsController } from './environments.controller';
import { EventsController } from './feed/events.controller';
import { OpenApiController } from './openapi/openapi.controller';

/**
 * The orchestrator's HTTP API. app.module registers API_CONTROLLERS and API_PROVIDERS, provides API_TOKENS
 * (`loadApiAuthConfig(env)`), AUDIT_DATA_SOURCE (the orchestrator's DataSource) and DeploymentOperations, adds AUDIT_ENTITIES to the DataSource and
 * auditLogMigration(schema) to the migrations. Guard, audit interceptor and error filter are applied per controller
 * (@ApiController), so /health and /metrics stay open.
 */
export const API_CONTROLLERS = [DeploymentsController, EnvironmentsController, EventsController, AuditController, OpenApiController];

export const API_PROVIDERS: Provider[] = [
  { provide: ApiTokenRegistry, useFactory: (config: ApiAuthConfig) => new ApiTokenRegistry(config), inject: [API_TOKENS] },
  AuditLogService,
  ApiAuthGuard,
  AuditWriteInterceptor,
];

export const AUDIT_ENTITIES = [AuditLogEntity];

export { auditLogMigration } from '../audit/audit-log.migration';
export { AUDIT_DATA_SOURCE, AuditLogService } from '../audit/audit-log.service';
export { API_TOKENS, ApiTokenRegistry, loadApiAuthConfig, parseApiTokens, sha256Hex, type ApiAuthConfig, type ApiTokenEntry } from '@cloudwright/messaging';
export { FEED_OPTIONS, type FeedOptions } from './feed/events.controller';
export { buildOpenApiDocument } from './openapi/openapi-document';
export { API_ROUTES, type ApiRouteDef } from './api-routes';
