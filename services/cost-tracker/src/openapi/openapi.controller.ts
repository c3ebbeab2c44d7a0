import { Controller, Get } from '@nestjs/common';
import { type JsonObject } from '@cloudwright/contracts';
import { ApiAccess } from '@cloudwright/messaging';
import { buildCostTrackerOpenApi } from './cost-tracker-openapi';

/** `GET /openapi.json` (public): the cost-tracker's API as OpenAPI 3.1 (committed as docs/cost-tracker.openapi.json). */
@ApiAccess('public')
@Controller()
export class OpenApiController {
  private document?: JsonObject;

  @Get('openapi.json')
  get(): JsonObject {
    this.document ??= buildCostTrackerOpenApi();
    return this.document;
  }
}
