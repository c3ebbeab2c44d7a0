import 'reflect-metadata';
import { toJsonFile, type JsonObject } from '@cloudwright/contracts';
import { aDeploymentRequest } from '@cloudwright/contracts/testing';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { API_CONTROLLERS } from '..';
import { API_ROUTE_METADATA } from '../api-route.decorator';
import { API_ROUTE_LIST, type ApiRouteDef } from '../api-routes';
import { aDeploymentDetail, aDeploymentSummary, aPolicy, aQueue, aRevision } from '../__tests__/api-dtos.factory';
import { buildOpenApiDocument, OPENAPI_FILE, OPENAPI_WRITE_COMMAND, openApiPath } from './openapi-document';

const document = buildOpenApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document, 'https://cloudwright.test/openapi.json');

function validate(component: string, value: unknown): string[] {
  const check = ajv.getSchema(`https://cloudwright.test/openapi.json#/components/schemas/${component}`);
  if (!check) throw new Error(`no component ${component}`);
  return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe(buildOpenApiDocument.name, () => {
  it('matches the committed docs/openapi.json', () => {
    let committed = '';
    try {
      committed = readFileSync(OPENAPI_FILE, 'utf8');
    } catch {
      // reported below
    }
    const generated = toJsonFile(document);
    if (committed !== generated) {
      throw new Error(`docs/openapi.json is out of date with the API's route table and DTO schemas; regenerate it with:\n  ${OPENAPI_WRITE_COMMAND}`);
    }
  });

  it('documents every route of the table with its role, and nothing else', () => {
    const paths = document.paths as Record<string, Record<string, JsonObject>>;
    const operations = Object.entries(paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
    expect(operations).toHaveLength(API_ROUTE_LIST.length);
    for (const route of API_ROUTE_LIST) {
      const op = paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      expect(op?.operationId).toBe(route.operationId);
      expect(op?.['x-cloudwright-role']).toBe(route.access);
      expect(op?.description).toContain(route.access === 'public' ? 'Public' : `Role: ${route.access}`);
    }
  });

  it('binds every route of the table to exactly one controller handler', () => {
    const bound: ApiRouteDef[] = [];
    for (const controller of API_CONTROLLERS) {
      const prototype = controller.prototype as unknown as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        // read the descriptor: a getter must not run on the prototype
        const handler: unknown = Object.getOwnPropertyDescriptor(prototype, name)?.value;
        if (typeof handler !== 'function') continue;
        const route = Reflect.getMetadata(API_ROUTE_METADATA, handler) as ApiRouteDef | undefined;
        if (route) bound.push(route);
      }
    }
    expect(bound.map((r) => r.operationId).sort()).toEqual(API_ROUTE_LIST.map((r) => r.operationId).sort());
  });

  it('has every $ref resolvable', () => {
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    const refs = [...new Set(refsIn(document))];
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(schemas[ref.replace('#/components/schemas/', '')]).toBeDefined();
  });

  it('accepts well-formed DTOs and a deployment request, and rejects broken ones', () => {
    expect(validate('DeploymentDetailDto', aDeploymentDetail())).toEqual([]);
    expect(validate('QueueDto', aQueue())).toEqual([]);
    expect(validate('RevisionDto', aRevision())).toEqual([]);
    expect(validate('EnvironmentPolicyDto', aPolicy('prod'))).toEqual([]);
    expect(validate('DeploymentRequestedV1', aDeploymentRequest())).toEqual([]);
    expect(validate('DeploymentDetailDto', { ...aDeploymentDetail(), status: 'done' })).not.toEqual([]);
    expect(validate('DeploymentDetailDto', { ...aDeploymentDetail(), extra: 1 })).not.toEqual([]);
    expect(validate('DeploymentSummaryDto', aDeploymentSummary())).toEqual([]);
    const { stepCounts: _omitted, ...withoutCounts } = aDeploymentSummary();
    expect(validate('DeploymentSummaryDto', withoutCounts)).not.toEqual([]);
    expect(validate('DeploymentRequestedV1', { ...aDeploymentRequest(), stack: 'Bad Stack' })).not.toEqual([]);
  });
});
