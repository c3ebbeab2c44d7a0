import { join } from 'node:path';
import { SEVERITIES } from '@cloudwright/compliance';
import { EVIDENCE_KEY_PATTERN, type JsonObject } from '@cloudwright/contracts';
import { buildServiceOpenApi, nullableSchema, objectSchema, stringSchema, type ApiParamDoc, type ApiRouteDoc } from '@cloudwright/messaging';

/** Where the committed copy lives (same depth under src/ and dist/). */
export const COMPLIANCE_OPENAPI_FILE = join(__dirname, '..', '..', '..', '..', 'docs', 'compliance.openapi.json');
export const COMPLIANCE_OPENAPI_WRITE_COMMAND = 'node -r ./libs/messaging/src/__tests__/swc-register.js services/compliance/src/openapi/write-openapi.ts';

const str = stringSchema;
const severity: JsonObject = { type: 'string', enum: [...SEVERITIES] };
const nullable = nullableSchema;
const object = objectSchema;
const stackEnv: ApiParamDoc[] = [
  { name: 'stack', in: 'query', description: 'Only this stack', schema: str },
  { name: 'environment', in: 'query', description: 'Only this environment', schema: str },
];
const stackEnvPath: ApiParamDoc[] = [
  { name: 'stack', in: 'path', description: 'Stack', schema: str },
  { name: 'environment', in: 'path', description: 'Environment', schema: str },
];
const limit: ApiParamDoc = { name: 'limit', in: 'query', description: 'At most this many', schema: { type: 'integer', minimum: 1 } };
const route = (r: Omit<ApiRouteDoc, 'response'> & { response: Partial<ApiRouteDoc['response']> & { schema?: string } }): ApiRouteDoc => ({ ...r, response: { status: 200, description: 'OK', ...r.response } });

export const COMPLIANCE_ROUTES: readonly ApiRouteDoc[] = [
  route({
    method: 'POST',
    path: 'scans',
    operationId: 'scanPlan',
    tag: 'scans',
    summary: 'Scan a Terraform plan against the rules and frameworks; with stack and environment their evidence, waivers and policy apply and the scan is stored',
    access: 'operator',
    params: [
      ...stackEnv,
      { name: 'frameworks', in: 'query', description: 'Comma-separated framework ids (default: the policy’s, else all)', schema: str },
      { name: 'includePassed', in: 'query', description: 'List passed findings too', schema: { type: 'boolean' } },
    ],
    body: { schema: 'ScanRequest', description: 'The plan JSON itself (with the query parameters), or { plan, stack?, environment?, frameworks?, includePassed?, evidence? }' },
    response: { description: 'The gate verdict, counts, posture, remediation and the report', schema: 'ScanResult' },
  }),
  route({ method: 'GET', path: 'scans', operationId: 'listScans', tag: 'scans', summary: 'Stored scans, newest first', access: 'viewer', params: [...stackEnv, limit], response: { schema: 'ScanSummary', array: true } }),
  route({
    method: 'GET',
    path: 'scans/:id',
    operationId: 'getScan',
    tag: 'scans',
    summary: 'A stored scan with its framework scores, blocking findings and findings',
    access: 'viewer',
    params: [{ name: 'id', in: 'path', description: 'Scan id', schema: { type: 'string', format: 'uuid' } }],
    response: { schema: 'ScanDetail' },
  }),
  route({
    method: 'GET',
    path: 'scores/latest',
    operationId: 'latestScores',
    tag: 'history',
    summary: 'The latest scan of each stack/environment with its framework scores',
    access: 'viewer',
    params: [...stackEnv, { name: 'framework', in: 'query', description: 'Only this framework’s score', schema: str }],
    response: { schema: 'LatestScores', array: true },
  }),
  route({
    method: 'GET',
    path: 'trends',
    operationId: 'trends',
    tag: 'history',
    summary: 'Score over time (overall or one framework’s), oldest first',
    access: 'viewer',
    params: [
      { name: 'stack', in: 'query', required: true, description: 'Stack', schema: str },
      { name: 'environment', in: 'query', required: true, description: 'Environment', schema: str },
      { name: 'framework', in: 'query', description: 'One framework (default: overall)', schema: str },
      limit,
    ],
    response: { schema: 'Trend' },
  }),
  route({
    method: 'GET',
    path: 'findings',
    operationId: 'findings',
    tag: 'history',
    summary: 'Findings of the latest scan of each stack/environment',
    access: 'viewer',
    params: [
      ...stackEnv,
      { name: 'severity', in: 'query', description: 'At or above this severity', schema: severity },
      { name: 'status', in: 'query', description: 'fail, unknown, manual or muted', schema: { type: 'string', enum: ['fail', 'unknown', 'manual', 'muted'] } },
      { name: 'ruleId', in: 'query', description: 'One rule', schema: str },
      limit,
    ],
    response: { schema: 'Finding', array: true },
  }),
  route({
    method: 'POST',
    path: 'waivers',
    operationId: 'createWaiver',
    tag: 'waivers',
    summary: 'Grant a waiver (owner, reason, expiry) for a rule, resource or framework requirement',
    access: 'approver',
    body: { schema: 'WaiverInput', description: 'One waiver' },
    response: { status: 201, description: 'The stored waiver', schema: 'Waiver' },
  }),
  route({
    method: 'POST',
    path: 'waivers/import',
    operationId: 'importWaivers',
    tag: 'waivers',
    summary: 'Import a waiver file (YAML), atomically; a bad line is a 400 naming line and column',
    access: 'approver',
    params: [...stackEnv, { name: 'file', in: 'query', description: 'File name recorded with the waivers', schema: str }],
    body: {
      schema: 'WaiverFileInput',
      description: 'The YAML file (application/yaml), or { text, file?, stack?, environment? }',
      alternatives: { 'application/yaml': { schema: { type: 'string' } } },
    },
    response: { description: 'The imported waivers', schema: 'WaiverImport' },
  }),
  route({
    method: 'GET',
    path: 'waivers',
    operationId: 'listWaivers',
    tag: 'waivers',
    summary: 'Waivers that apply to a stack/environment (theirs and those of every stack or environment)',
    access: 'viewer',
    params: [...stackEnv, { name: 'includeExpired', in: 'query', description: 'Expired ones too', schema: { type: 'boolean' } }],
    response: { schema: 'Waiver', array: true },
  }),
  route({
    method: 'DELETE',
    path: 'waivers/:id',
    operationId: 'deleteWaiver',
    tag: 'waivers',
    summary: 'Withdraw a waiver',
    access: 'approver',
    params: [{ name: 'id', in: 'path', description: 'Row id of the waiver', schema: { type: 'string', format: 'uuid' } }],
    response: { schema: 'Deleted' },
  }),
  route({
    method: 'PUT',
    path: 'evidence/:stack/:environment',
    operationId: 'putEvidence',
    tag: 'evidence',
    summary: 'Replace the evidence of a stack (answers for controls a plan cannot show)',
    access: 'approver',
    params: stackEnvPath,
    body: { schema: 'EvidenceInput', description: '{ items: [{ key, value, source? }] }' },
    response: { schema: 'Evidence' },
  }),
  route({ method: 'GET', path: 'evidence/:stack/:environment', operationId: 'getEvidence', tag: 'evidence', summary: 'The evidence of a stack', access: 'viewer', params: stackEnvPath, response: { schema: 'Evidence' } }),
  route({
    method: 'PUT',
    path: 'policies/:environment',
    operationId: 'putPolicy',
    tag: 'policies',
    summary: 'Set the gate policy of an environment',
    access: 'admin',
    params: [{ name: 'environment', in: 'path', description: 'Environment', schema: str }],
    body: { schema: 'PolicyInput', description: '{ blockOn, minScore?, frameworks? }' },
    response: { schema: 'Policy' },
  }),
  route({ method: 'GET', path: 'policies', operationId: 'listPolicies', tag: 'policies', summary: 'The default policy and every stored one', access: 'viewer', response: { schema: 'Policies' } }),
  route({
    method: 'GET',
    path: 'policies/:environment',
    operationId: 'getPolicy',
    tag: 'policies',
    summary: 'The policy an environment’s scans are judged by (stored, else the default)',
    access: 'viewer',
    params: [{ name: 'environment', in: 'path', description: 'Environment', schema: str }],
    response: { schema: 'Policy' },
  }),
  route({
    method: 'DELETE',
    path: 'policies/:environment',
    operationId: 'deletePolicy',
    tag: 'policies',
    summary: 'Remove an environment’s policy (the default applies again)',
    access: 'admin',
    params: [{ name: 'environment', in: 'path', description: 'Environment', schema: str }],
    response: { schema: 'PolicyDeleted' },
  }),
  route({
    method: 'POST',
    path: 'compare',
    operationId: 'compareClouds',
    tag: 'compare',
    summary: 'The same workload on several clouds: scores, failing findings by severity and category, where they differ, the best one',
    access: 'viewer',
    body: { schema: 'CompareRequest', description: '{ workloads: { aws?: <plan>, azure?: <plan>, gcp?: <plan> }, frameworks? }' },
    response: { schema: 'Comparison' },
  }),
  route({ method: 'GET', path: 'health', operationId: 'health', tag: 'operations', summary: 'PostgreSQL and NATS health; 503 when one is down', access: 'public', response: { schema: 'Health' } }),
  route({ method: 'GET', path: 'metrics', operationId: 'metrics', tag: 'operations', summary: 'Prometheus metrics', access: 'public', response: { description: 'Prometheus text format', contentType: 'text/plain' } }),
  route({ method: 'GET', path: 'openapi.json', operationId: 'openApi', tag: 'operations', summary: 'This document', access: 'public', response: { schema: 'OpenApiDocument' } }),
];

const GATE = object({ verdict: { type: 'string', enum: ['passed', 'blocked'] }, blockOn: str, minScore: nullable({ type: 'number' }), reasons: { type: 'array', items: str } }, ['verdict', 'blockOn', 'minScore', 'reasons'], { additionalProperties: true });
const POLICY = object(
  {
    environment: nullable(str),
    blockOn: severity,
    minScore: nullable({ type: 'number' }),
    frameworks: { type: 'array', items: str },
    source: { type: 'string', enum: ['stored', 'default'] },
    updatedAt: { type: 'string', format: 'date-time' },
  },
  ['environment', 'blockOn', 'minScore', 'frameworks', 'source'],
);
const SCAN_SUMMARY: Record<string, JsonObject> = {
  id: { type: 'string', format: 'uuid' },
  deploymentId: nullable(str),
  stack: str,
  environment: str,
  requestKey: nullable(str),
  source: str,
  status: { type: 'string', enum: ['scanned', 'failed'] },
  ruleSetVersion: nullable(str),
  frameworks: { type: 'array', items: str },
  overall: nullable({ type: 'number' }),
  gate: nullable(GATE),
  counts: nullable({ type: 'object' }),
  error: nullable({ type: 'object' }),
  createdAt: { type: 'string', format: 'date-time' },
};
const WAIVER_SCOPE = { stack: str, environment: str, rule: str, resource: str, framework: str, requirement: str };

function schemas(): Record<string, JsonObject> {
  return {
    Health: { type: 'object', description: 'status and one entry per dependency (postgres, nats)' },
    OpenApiDocument: { type: 'object' },
    Deleted: object({ deleted: { const: true } }, ['deleted'], { additionalProperties: true }),
    ScanRequest: {
      type: 'object',
      description: 'The plan JSON itself, or this envelope',
      properties: { plan: { type: 'object' }, stack: str, environment: str, frameworks: { type: 'array', items: str }, includePassed: { type: 'boolean' }, evidence: { type: 'object' } },
    },
    ScanResult: object(
      {
        scanId: str,
        stored: { type: 'boolean' },
        stack: nullable(str),
        environment: nullable(str),
        policy: POLICY,
        gate: GATE,
        counts: { type: 'object' },
        alerts: { type: 'object' },
        posture: { type: 'object' },
        remediation: { type: 'array' },
        report: { type: 'object', description: 'The report of `cloudwright compliance scan --output json`' },
      },
      ['scanId', 'stored', 'stack', 'environment', 'policy', 'gate', 'counts', 'posture', 'remediation', 'report'],
    ),
    ScanSummary: object(SCAN_SUMMARY),
    ScanDetail: object(
      { ...SCAN_SUMMARY, scores: object({ overall: nullable({ type: 'number' }), frameworks: { type: 'array' } }), blocking: { type: 'array' }, findings: { type: 'array' }, summary: nullable({ type: 'object' }), audit: nullable({ type: 'object' }) },
      [...Object.keys(SCAN_SUMMARY), 'scores', 'blocking', 'findings'],
    ),
    LatestScores: object(
      {
        stack: str,
        environment: str,
        scanId: str,
        deploymentId: nullable(str),
        scannedAt: { type: 'string', format: 'date-time' },
        ruleSetVersion: nullable(str),
        overall: nullable({ type: 'number' }),
        verdict: nullable({ type: 'string', enum: ['passed', 'blocked'] }),
        counts: nullable({ type: 'object' }),
        frameworks: { type: 'array' },
      },
    ),
    Trend: object({ stack: str, environment: str, framework: nullable(str), points: { type: 'array', items: { type: 'object' } } }),
    Finding: { type: 'object', description: 'One finding of the latest scan: rule, resource, severity, status, framework requirements, remediation' },
    WaiverInput: object(
      { id: str, ...WAIVER_SCOPE, reason: str, owner: str, expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
      ['id', 'reason', 'owner', 'expires'],
    ),
    WaiverFileInput: object({ text: str, file: str, stack: str, environment: str }, ['text']),
    Waiver: object({
      id: { type: 'string', format: 'uuid' },
      waiverId: str,
      stack: nullable(str),
      environment: nullable(str),
      rule: nullable(str),
      resource: nullable(str),
      framework: nullable(str),
      requirement: nullable(str),
      reason: str,
      owner: str,
      expires: str,
      expired: { type: 'boolean' },
      source: str,
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
    }),
    WaiverImport: object({ file: str, imported: { type: 'integer' }, waivers: { type: 'array', items: { $ref: '#/components/schemas/Waiver' } } }),
    EvidenceInput: object({ items: { type: 'array', items: object({ key: { type: 'string', pattern: EVIDENCE_KEY_PATTERN.source, description: 'kebab-case, at most 64 characters' }, value: { type: 'boolean' }, source: str }, ['key', 'value'], { additionalProperties: false }) } }),
    Evidence: object({ stack: str, environment: str, items: { type: 'array', items: { type: 'object' } } }),
    PolicyInput: object({ blockOn: severity, minScore: { type: 'number', minimum: 0, maximum: 100 }, frameworks: { type: 'array', items: str } }, ['blockOn']),
    Policy: POLICY,
    Policies: object({ default: POLICY, environments: { type: 'array', items: POLICY } }),
    PolicyDeleted: object({ deleted: { const: true }, environment: str }),
    CompareRequest: object({ workloads: { type: 'object', properties: { aws: { type: 'object' }, azure: { type: 'object' }, gcp: { type: 'object' } } }, frameworks: { type: 'array', items: str } }, ['workloads']),
    Comparison: { type: 'object', description: 'Per workload its overall and framework scores and failing findings; the categories where they differ; the best one' },
  };
}

/** The OpenAPI 3.1 document of the compliance service's HTTP API. */
export function buildComplianceOpenApi(): JsonObject {
  return buildServiceOpenApi(
    {
      title: 'Cloudwright compliance API',
      description:
        'Plan scans against the rules and 27 frameworks, stored scans, scores, trends and findings, waivers, stack evidence, gate ' +
        'policies per environment, and cross-cloud comparison. Bearer API tokens with roles viewer, operator, approver and admin ' +
        '(CW_API_TOKENS, the orchestrator’s). The same queries are served on NATS request/reply (ComplianceQuerySubjects).',
    },
    COMPLIANCE_ROUTES,
    schemas(),
  );
}
