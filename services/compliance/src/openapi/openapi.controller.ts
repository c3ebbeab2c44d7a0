import { Controller, Get } from '@nestjs/common';
import { type JsonObject } from '@cloudwright/contracts';
import { ApiAccess } from '@cloudwright/messaging';
import { buildComplianceOpenApi } from './compliance-openapi';

/** `GET /openapi.json` (public): the compliance service's API as OpenAPI 3.1 (committed as docs/compliance.openapi.json). */
@ApiAccess('public')
@Controller()
export class OpenApiController {
  private document?: JsonObject;

  @Get('openapi.json')
  get(): JsonObject {
    this.document ??= buildComplianceOpenApi();
    return this.document;
  }
}
