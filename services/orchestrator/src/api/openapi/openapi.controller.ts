import { type JsonObject } from '@cloudwright/contracts';
import { ApiController } from '../api-controller.decorator';
import { ApiRoute } from '../api-route.decorator';
import { API_ROUTES } from '../api-routes';
import { buildOpenApiDocument } from './openapi-document';

/** `GET /openapi.json` (public): the document generated from the route table. */
@ApiController()
export class OpenApiController {
  private document?: JsonObject;

  @ApiRoute(API_ROUTES.getOpenApi)
  get(): JsonObject {
    this.document ??= buildOpenApiDocument();
    return this.document;
  }
}
