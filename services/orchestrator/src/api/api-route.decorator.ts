import { applyDecorators, Delete, Get, HttpCode, Post, Put, SetMetadata } from '@nestjs/common';
import { type ApiRouteDef } from './api-routes';

export const API_ROUTE_METADATA = 'cloudwright:api-route';

const MAPPINGS = { GET: Get, POST: Post, PUT: Put, DELETE: Delete } as const;

/**
 * Binds a handler to its entry of API_ROUTES: method, path, success status and the route metadata the guard
 * (role) and the audit interceptor (action, target) read. Controllers use `@Controller()` without a prefix.
 */
export function ApiRoute(route: ApiRouteDef): MethodDecorator {
  return applyDecorators(MAPPINGS[route.method](route.path), HttpCode(route.response.status), SetMetadata(API_ROUTE_METADATA, route));
}
