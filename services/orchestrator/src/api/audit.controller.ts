import { Query } from '@nestjs/common';
import { type AuditEntryDto } from '@cloudwright/contracts';
import { AuditLogService } from '../audit/audit-log.service';
import { ApiController } from './api-controller.decorator';
import { limitParam } from './api-params';
import { ApiRoute } from './api-route.decorator';
import { API_ROUTES } from './api-routes';

export const DEFAULT_AUDIT_LIMIT = 100;

/** `GET /audit?limit` (admin): the audit log, newest first. */
@ApiController()
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  @ApiRoute(API_ROUTES.listAudit)
  list(@Query('limit') limit?: string): Promise<AuditEntryDto[]> {
    return this.audit.list(limitParam(limit, DEFAULT_AUDIT_LIMIT));
  }
}
