import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { toJsonFile } from '@cloudwright/contracts';
import { API_ACCESS_METADATA } from '@cloudwright/messaging';
import { AnalysesController } from '../analyses/analyses.controller';
import { BudgetsController } from '../budgets/budgets.controller';
import { CostsController } from '../costs/costs.controller';
import { EstimatesController } from '../estimates/estimates.controller';
import { HealthController } from '../health/health.controller';
import { ImportsController } from '../imports/imports.controller';
import { COST_TRACKER_OPENAPI_FILE, COST_TRACKER_OPENAPI_WRITE_COMMAND, COST_TRACKER_ROUTES, buildCostTrackerOpenApi } from './cost-tracker-openapi';
import { OpenApiController } from './openapi.controller';

const CONTROLLERS = [EstimatesController, BudgetsController, ImportsController, CostsController, AnalysesController, HealthController, OpenApiController];

/** Every route the controllers serve, with the access rule the guard applies to it. */
function servedRoutes(): { route: string; access: unknown }[] {
  const out: { route: string; access: unknown }[] = [];
  for (const controller of CONTROLLERS) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '').replace(/^\/|\/$/g, '');
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const full = [base, path.replace(/^\/|\/$/g, '')].filter(Boolean).join('/');
      const access: unknown = (Reflect.getMetadata(API_ACCESS_METADATA, handler) as unknown) ?? (Reflect.getMetadata(API_ACCESS_METADATA, controller) as unknown);
      out.push({ route: `${RequestMethod[method]} ${full}`, access });
    }
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

describe(buildCostTrackerOpenApi.name, () => {
  it('matches the committed docs/cost-tracker.openapi.json', () => {
    let committed = '';
    try {
      committed = readFileSync(COST_TRACKER_OPENAPI_FILE, 'utf8');
    } catch {
      // missing: the comparison below fails with the command to run
    }
    if (committed !== toJsonFile(buildCostTrackerOpenApi())) throw new Error(`docs/cost-tracker.openapi.json is out of date; run: ${COST_TRACKER_OPENAPI_WRITE_COMMAND}`);
  });

  it('documents exactly the routes the controllers serve, each with the role the guard asks for', () => {
    const documented = COST_TRACKER_ROUTES.map((r) => ({ route: `${r.method} ${r.path}`, access: r.access })).sort((a, b) => a.route.localeCompare(b.route));
    expect(documented).toEqual(servedRoutes());
  });

  it('resolves every schema reference', () => {
    const doc = buildCostTrackerOpenApi() as { components: { schemas: Record<string, unknown> } };
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)].map((m) => m[1] ?? '');
    expect(refs.filter((r) => !(r in doc.components.schemas))).toEqual([]);
  });
});
