import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { START_TIMEOUT_MS, startCompliance, type ComplianceHarness } from '../__tests__/compliance-harness';
import { insecurePlan } from '../__tests__/plans';
import { buildComplianceOpenApi } from './compliance-openapi';

describe('the compliance API answers as its OpenAPI document says', () => {
  let h: ComplianceHarness;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(buildComplianceOpenApi(), 'https://cloudwright.test/compliance.json');
  const problems = (component: string, value: unknown): string[] => {
    const check = ajv.getSchema(`https://cloudwright.test/compliance.json#/components/schemas/${component}`);
    if (!check) throw new Error(`no component ${component}`);
    return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  };
  const each = (component: string, list: unknown) => (list as unknown[]).flatMap((v) => problems(component, v));

  beforeAll(async () => {
    h = await startCompliance('openapi');
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await h.dispose();
  });

  it('serves the document without a token', async () => {
    const res = await h.http('GET', '/openapi.json', undefined, { authorization: '' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(buildComplianceOpenApi())));
  });

  it('answers policies, scans, history, waivers, evidence and errors in the documented shapes', async () => {
    const policy = await h.http('PUT', '/policies/oas', { blockOn: 'high' });
    expect(policy.status).toBe(200);
    expect(problems('Policy', policy.body)).toEqual([]);
    expect(problems('Policies', (await h.http('GET', '/policies')).body)).toEqual([]);

    const scan = await h.http('POST', '/scans', { plan: insecurePlan(), stack: 'oas', environment: 'oas' });
    expect(scan.status).toBe(200);
    expect(problems('ScanResult', scan.body)).toEqual([]);
    const scans = await h.http('GET', '/scans?stack=oas');
    expect(each('ScanSummary', scans.body)).toEqual([]);
    const detail = await h.http('GET', `/scans/${(scan.body as { scanId: string }).scanId}`);
    expect(problems('ScanDetail', detail.body)).toEqual([]);
    expect(each('LatestScores', (await h.http('GET', '/scores/latest?stack=oas')).body)).toEqual([]);
    expect(problems('Trend', (await h.http('GET', '/trends?stack=oas&environment=oas')).body)).toEqual([]);

    const waiver = await h.http('POST', '/waivers', { id: 'oas-w', stack: 'oas', resource: 'aws_s3_bucket.assets', reason: 'r', owner: 'o@example.com', expires: '2099-01-01' });
    expect(waiver.status).toBe(201);
    expect(problems('Waiver', waiver.body)).toEqual([]);
    expect(each('Waiver', (await h.http('GET', '/waivers?stack=oas')).body)).toEqual([]);

    const evidence = await h.http('PUT', '/evidence/oas/oas', { items: [{ key: 'mfa-enforced', value: true }] });
    expect(evidence.status).toBe(200);
    expect(problems('Evidence', evidence.body)).toEqual([]);

    const bad = await h.http('PUT', '/policies/oas', { blockOn: 'dire' });
    expect(bad.status).toBe(400);
    expect(problems('Error', bad.body)).toEqual([]);
    expect(problems('PolicyDeleted', (await h.http('DELETE', '/policies/oas')).body)).toEqual([]);
  });
});
