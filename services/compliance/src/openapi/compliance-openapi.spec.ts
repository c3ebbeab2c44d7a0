import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { toJsonFile } from '@cloudwright/contracts';
import { documentedRoutes, servedRoutes } from '@cloudwright/messaging';
import { CompareController } from '../compare/compare.controller';
import { EvidenceController } from '../evidence/evidence.controller';
import { HealthController } from '../health/health.controller';
import { HistoryController } from '../history/history.controller';
import { PoliciesController } from '../policies/policies.controller';
import { ScansController } from '../scans/scans.controller';
import { WaiversController } from '../waivers/waivers.controller';
import { COMPLIANCE_OPENAPI_FILE, COMPLIANCE_OPENAPI_WRITE_COMMAND, COMPLIANCE_ROUTES, buildComplianceOpenApi } from './compliance-openapi';
import { OpenApiController } from './openapi.controller';

const CONTROLLERS = [ScansController, HistoryController, WaiversController, EvidenceController, PoliciesController, CompareController, HealthController, OpenApiController];

describe(buildComplianceOpenApi.name, () => {
  it('matches the committed docs/compliance.openapi.json', () => {
    let committed = '';
    try {
      committed = readFileSync(COMPLIANCE_OPENAPI_FILE, 'utf8');
    } catch {
      // missing: the comparison below fails with the command to run
    }
    if (committed !== toJsonFile(buildComplianceOpenApi())) throw new Error(`docs/compliance.openapi.json is out of date; run: ${COMPLIANCE_OPENAPI_WRITE_COMMAND}`);
  });

  it('documents exactly the routes the controllers serve, each with the role the guard asks for', () => {
    expect(documentedRoutes(COMPLIANCE_ROUTES)).toEqual(servedRoutes(CONTROLLERS));
  });

  it('resolves every schema reference', () => {
    const doc = buildComplianceOpenApi() as { components: { schemas: Record<string, unknown> } };
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)].map((m) => m[1] ?? '');
    expect(refs.filter((r) => !(r in doc.components.schemas))).toEqual([]);
  });
});
