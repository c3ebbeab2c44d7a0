import { join } from 'node:path';
import { type JsonObject } from '@cloudwright/contracts';
import { buildServiceOpenApi, nullableSchema, objectSchema, stringSchema, type ApiRouteDoc } from '@cloudwright/messaging';

/** Where the committed copy lives (same depth under src/ and dist/). */
export const COST_TRACKER_OPENAPI_FILE = join(__dirname, '..', '..', '..', '..', 'docs', 'cost-tracker.openapi.json');
export const COST_TRACKER_OPENAPI_WRITE_COMMAND = 'node -r ./libs/messaging/src/__tests__/swc-register.js services/cost-tracker/src/openapi/write-openapi.ts';

const str = stringSchema;
const decimal = { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$', description: 'decimal amount' } as const;
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const nullable = nullableSchema;
const object = objectSchema;
const stackQuery: ApiRouteDoc['params'] & object = [
  { name: 'stack', in: 'query', description: 'Only this stack', schema: str },
  { name: 'environment', in: 'query', description: 'Only this environment', schema: str },
];

export const COST_TRACKER_ROUTES: readonly ApiRouteDoc[] = [
  {
    method: 'POST',
    path: 'estimates',
    operationId: 'estimatePlan',
    tag: 'estimates',
    summary: 'Price a Terraform plan (cost-optimizer); nothing is stored',
    access: 'operator',
    params: [
      { name: 'currency', in: 'query', description: 'USD (default), EUR or GBP', schema: { type: 'string', enum: ['USD', 'EUR', 'GBP'] } },
      { name: 'commitment', in: 'query', description: 'on-demand (default), 1y or 3y', schema: { type: 'string', enum: ['on-demand', '1y', '3y'] } },
    ],
    body: { schema: 'EstimateRequest', description: 'The plan JSON itself (terraform show -json), or { plan, currency?, commitment?, usage?, stack?, environment? }' },
    response: { status: 200, description: 'The estimate, with the budget verdict when stack and environment are given', schema: 'OnDemandEstimate' },
  },
  {
    method: 'GET',
    path: 'estimates',
    operationId: 'listEstimates',
    tag: 'estimates',
    summary: 'Recent estimates of the deployment saga',
    access: 'viewer',
    params: [...stackQuery, { name: 'limit', in: 'query', description: 'At most this many (default 50, up to 500)', schema: { type: 'integer', minimum: 1 } }],
    response: { status: 200, description: 'Newest first', schema: 'CostEstimate', array: true },
  },
  {
    method: 'GET',
    path: 'estimates/by-deployment/:deploymentId',
    operationId: 'getEstimateByDeployment',
    tag: 'estimates',
    summary: 'The estimate of a deployment, with the full estimate document',
    access: 'viewer',
    params: [{ name: 'deploymentId', in: 'path', required: true, description: 'Deployment id', schema: { type: 'string', format: 'uuid' } }],
    response: { status: 200, description: 'The estimate', schema: 'CostEstimate' },
  },
  {
    method: 'PUT',
    path: 'budgets',
    operationId: 'putBudget',
    tag: 'budgets',
    summary: 'Create or replace the monthly budget of a stack/environment (optionally of one tag)',
    access: 'admin',
    body: { schema: 'BudgetInput', description: 'The budget' },
    response: { status: 200, description: 'The stored budget with its status', schema: 'BudgetStatus' },
  },
  {
    method: 'GET',
    path: 'budgets',
    operationId: 'listBudgets',
    tag: 'budgets',
    summary: 'Budgets with their status this month (spent, thresholds crossed, forecast)',
    access: 'viewer',
    params: stackQuery,
    response: { status: 200, description: 'Budgets', schema: 'BudgetStatus', array: true },
  },
  {
    method: 'GET',
    path: 'budgets/:id',
    operationId: 'getBudget',
    tag: 'budgets',
    summary: 'One budget with its status',
    access: 'viewer',
    params: [{ name: 'id', in: 'path', required: true, description: 'Budget id', schema: { type: 'string', format: 'uuid' } }],
    response: { status: 200, description: 'The budget', schema: 'BudgetStatus' },
  },
  {
    method: 'DELETE',
    path: 'budgets/:id',
    operationId: 'deleteBudget',
    tag: 'budgets',
    summary: 'Delete a budget (its open alerts are resolved)',
    access: 'admin',
    params: [{ name: 'id', in: 'path', required: true, description: 'Budget id', schema: { type: 'string', format: 'uuid' } }],
    response: { status: 200, description: 'Deleted, with the dedup keys of the alerts it resolved', schema: 'Deleted' },
  },
  {
    method: 'POST',
    path: 'imports',
    operationId: 'importFocus',
    tag: 'imports',
    summary: 'Import a FOCUS billing export: { path } of a file the service can read (under CW_COST_IMPORT_ROOT when set), or the CSV as a text/csv body',
    access: 'admin',
    params: [
      { name: 'fileName', in: 'query', description: 'Name recorded for an uploaded CSV', schema: str },
      { name: 'skipInvalid', in: 'query', description: 'Import the valid rows and report the others (default: atomic)', schema: { type: 'boolean' } },
    ],
    body: { schema: 'ImportRequest', description: '{ path, skipInvalid? } as JSON, or the CSV itself (text/csv, streamed)', alternatives: { 'text/csv': { schema: { type: 'string', description: 'a FOCUS 1.0+ CSV export' } } } },
    response: { status: 200, description: 'Imported, or duplicate of an earlier import of the same file (sha256); a rejected file is 400 with this result in details', schema: 'ImportResult' },
  },
  {
    method: 'GET',
    path: 'imports',
    operationId: 'listImports',
    tag: 'imports',
    summary: 'Recent imports with their reports',
    access: 'viewer',
    params: [{ name: 'limit', in: 'query', description: 'At most this many (default 50)', schema: { type: 'integer', minimum: 1 } }],
    response: { status: 200, description: 'Newest first', schema: 'ImportResult', array: true },
  },
  {
    method: 'GET',
    path: 'imports/:id',
    operationId: 'getImport',
    tag: 'imports',
    summary: 'One import with its report',
    access: 'viewer',
    params: [{ name: 'id', in: 'path', required: true, description: 'Import id', schema: { type: 'string', format: 'uuid' } }],
    response: { status: 200, description: 'The import', schema: 'ImportResult' },
  },
  {
    method: 'GET',
    path: 'costs',
    operationId: 'queryCosts',
    tag: 'costs',
    summary: 'Actual cost by dimension and period, from the imported FOCUS rows',
    access: 'viewer',
    params: [
      { name: 'dimension', in: 'query', description: 'service, region, resource, provider, sub-account, service-category, charge-category, stack, environment or tag:<key> (default service)', schema: str },
      { name: 'from', in: 'query', required: true, description: 'First day (YYYY-MM-DD)', schema: day },
      { name: 'to', in: 'query', required: true, description: 'Day after the last (exclusive)', schema: day },
      { name: 'granularity', in: 'query', description: 'day (default) or month', schema: { type: 'string', enum: ['day', 'month'] } },
      ...stackQuery,
      { name: 'provider', in: 'query', description: 'Only this provider (FOCUS ProviderName)', schema: str },
    ],
    response: { status: 200, description: 'One row per period, key and currency', schema: 'Costs' },
  },
  {
    method: 'GET',
    path: 'variance/:deploymentId',
    operationId: 'getVariance',
    tag: 'costs',
    summary: 'Actual against estimate for a deployment over a period',
    access: 'viewer',
    params: [
      { name: 'deploymentId', in: 'path', required: true, description: 'Deployment id', schema: { type: 'string', format: 'uuid' } },
      { name: 'from', in: 'query', description: 'First day (YYYY-MM-DD)', schema: day },
      { name: 'to', in: 'query', description: 'Day after the last (exclusive)', schema: day },
    ],
    response: { status: 200, description: 'The variance', schema: 'Variance' },
  },
  ...(
    [
      ['forecast', 'forecastCosts', 'Forecast monthly cost 1–36 months ahead (growth and seasonality, or a trend fitted from history — the stack’s recorded actuals when asked)', 'ForecastRequest'],
      ['optimize', 'optimizeForCost', 'Cost recommendations for a plan: right-sizing, idle, previous generation, commitments, spot, storage classes, orphans', 'PlanAnalysisRequest'],
      ['resource', 'analyzeResource', 'Cost and recommendations of one resource of a plan', 'PlanAnalysisRequest'],
      ['sizing', 'compareSizingOptions', 'One sized resource of a plan priced at each size of its family (or the sizes given)', 'PlanAnalysisRequest'],
      ['compare-clouds', 'compareCloudCosts', 'The plan’s workload priced on each cloud (as-is on its own, mapped equivalents on the others)', 'CompareCloudsRequest'],
    ] as const
  ).map(
    ([path, operationId, summary, body]): ApiRouteDoc => ({
      method: 'POST',
      path: `analyses/${path}`,
      operationId,
      tag: 'analyses',
      summary,
      access: 'viewer',
      body: { schema: body, description: 'See the schema; nothing is stored' },
      response: { status: 200, description: 'The analysis (money as decimal strings; see docs/cost.md)', schema: 'Analysis' },
    }),
  ),
  {
    method: 'GET',
    path: 'health',
    operationId: 'health',
    tag: 'operations',
    summary: 'PostgreSQL and NATS health; 503 when one is down',
    access: 'public',
    response: { status: 200, description: 'One indicator per dependency', schema: 'Health' },
  },
  {
    method: 'GET',
    path: 'metrics',
    operationId: 'metrics',
    tag: 'operations',
    summary: 'Prometheus metrics',
    access: 'public',
    response: { status: 200, description: 'Prometheus text format', contentType: 'text/plain' },
  },
  {
    method: 'GET',
    path: 'openapi.json',
    operationId: 'openApi',
    tag: 'operations',
    summary: 'This document',
    access: 'public',
    response: { status: 200, description: 'OpenAPI 3.1', schema: 'OpenApiDocument' },
  },
];

const TOTALS = object({ hourly: decimal, monthly: decimal, yearly: decimal, pastMonthly: decimal, diffMonthly: decimal });
const BUDGET_VERDICT = object({ verdict: { type: 'string', enum: ['within', 'over', 'no-budget'] } }, ['verdict'], { additionalProperties: true });
const BUDGET: Record<string, JsonObject> = {
  id: { type: 'string', format: 'uuid' },
  stack: str,
  environment: str,
  tag: nullable(object({ key: str, value: str })),
  amount: decimal,
  currency: { type: 'string', enum: ['USD', 'EUR', 'GBP'] },
  period: { const: 'monthly' },
  thresholdsPct: { type: 'array', items: { type: 'integer' } },
  forecastOverrun: { type: 'boolean' },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
};
const IMPORT_REPORT = object(
  {
    badRows: { type: 'array', items: object({ line: { type: 'integer' }, errors: { type: 'array', items: str } }) },
    missingColumns: { type: 'array', items: str },
    detectedVersion: nullable(str),
    message: str,
  },
  ['badRows'],
);

function schemas(): Record<string, JsonObject> {
  return {
    Deleted: object({ deleted: { const: true }, resolvedAlerts: { type: 'array', items: str } }),
    Health: { type: 'object', description: 'status and one entry per dependency (postgres, nats)' },
    OpenApiDocument: { type: 'object' },
    Analysis: { type: 'object', description: 'The result of the library function of the same name (libs/pricing/src/analysis); money as decimal strings' },
    EstimateRequest: {
      type: 'object',
      description: 'The plan JSON itself, or this envelope',
      properties: {
        plan: { type: 'object', description: 'terraform show -json output' },
        currency: { type: 'string', enum: ['USD', 'EUR', 'GBP'] },
        commitment: { type: 'string', enum: ['on-demand', '1y', '3y'] },
        usage: { type: 'string', description: 'usage file (YAML text)' },
        stack: str,
        environment: str,
      },
    },
    OnDemandEstimate: object(
      {
        currency: str,
        totals: TOTALS,
        resourceCount: { type: 'integer' },
        unsupportedCount: { type: 'integer' },
        catalogVersion: str,
        budget: BUDGET_VERDICT,
        estimate: { type: 'object', description: 'The document of `cloudwright cost estimate --output json`' },
      },
      ['currency', 'totals', 'resourceCount', 'unsupportedCount', 'catalogVersion', 'estimate'],
    ),
    CostEstimate: object(
      {
        id: { type: 'string', format: 'uuid' },
        deploymentId: nullable({ type: 'string', format: 'uuid' }),
        stack: nullable(str),
        environment: nullable(str),
        requestKey: nullable(str),
        status: { type: 'string', enum: ['priced', 'failed'] },
        currency: str,
        totals: nullable(TOTALS),
        resourceCount: { type: 'integer' },
        unsupportedCount: { type: 'integer' },
        catalogVersion: nullable(str),
        budget: nullable(BUDGET_VERDICT),
        error: nullable(object({ code: str, message: str, path: str }, ['code', 'message'])),
        createdAt: { type: 'string', format: 'date-time' },
        estimate: nullable({ type: 'object' }),
      },
      ['id', 'deploymentId', 'stack', 'environment', 'requestKey', 'status', 'currency', 'totals', 'resourceCount', 'unsupportedCount', 'catalogVersion', 'budget', 'error', 'createdAt'],
    ),
    BudgetInput: object(
      {
        stack: str,
        environment: str,
        amount: decimal,
        currency: { type: 'string', enum: ['USD', 'EUR', 'GBP'] },
        thresholdsPct: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 1000 }, description: 'default [50, 80, 100]' },
        forecastOverrun: { type: 'boolean', description: 'alert when the month’s forecast passes the amount (default true)' },
        tagKey: str,
        tagValue: str,
      },
      ['stack', 'environment', 'amount', 'currency'],
      { additionalProperties: false },
    ),
    BudgetStatus: object({
      ...BUDGET,
      status: object({
        period: object({ start: day, end: day }),
        asOf: day,
        spent: decimal,
        pctUsed: decimal,
        crossedThresholdsPct: { type: 'array', items: { type: 'integer' } },
        forecastTotal: decimal,
        forecastOverrun: { type: 'boolean' },
        status: str,
      }),
    }),
    ImportRequest: object({ path: str, skipInvalid: { type: 'boolean' } }, ['path']),
    ImportResult: object(
      {
        importId: { type: 'string', format: 'uuid' },
        status: { type: 'string', enum: ['imported', 'rejected', 'duplicate'] },
        fileName: str,
        sha256: nullable(str),
        rows: { type: 'integer' },
        skippedRows: { type: 'integer' },
        period: nullable(object({ start: str, end: str })),
        totals: { type: 'array', items: object({ currency: str, billedCost: decimal, effectiveCost: decimal }) },
        report: IMPORT_REPORT,
        duplicateOf: str,
        startedAt: { type: 'string', format: 'date-time' },
        finishedAt: { type: 'string', format: 'date-time' },
      },
      ['importId', 'status', 'fileName', 'sha256', 'rows', 'skippedRows', 'period', 'totals', 'report', 'startedAt', 'finishedAt'],
    ),
    Costs: object({
      dimension: str,
      granularity: { type: 'string', enum: ['day', 'month'] },
      from: day,
      to: day,
      rows: { type: 'array', items: object({ period: { type: 'string', pattern: '^\\d{4}-\\d{2}(-\\d{2})?$', description: 'YYYY-MM-DD, or YYYY-MM by month' }, key: nullable(str), currency: str, billedCost: decimal, effectiveCost: decimal, rows: { type: 'integer' } }) },
    }),
    Variance: object({
      deploymentId: { type: 'string', format: 'uuid' },
      rule: str,
      period: object({ from: day, to: day, days: { type: 'integer' } }),
      estimate: object({ status: str, currency: str, monthly: nullable(decimal), forPeriod: nullable(decimal) }),
      actual: { type: 'array', items: object({ currency: str, cost: decimal, daysWithCost: { type: 'integer' }, rows: { type: 'integer' } }) },
      variance: nullable(decimal),
      variancePct: nullable(decimal),
    }),
    ForecastRequest: object(
      {
        months: { type: 'integer', minimum: 1, maximum: 36 },
        monthlyCost: decimal,
        currency: { type: 'string', enum: ['USD', 'EUR', 'GBP'] },
        growthRatePct: { type: 'number' },
        seasonality: { anyOf: [{ type: 'array', items: { type: 'number' }, minItems: 12, maxItems: 12 }, str] },
        startMonth: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
        history: { type: 'array', items: object({ month: str, cost: decimal }) },
        stack: str,
        environment: str,
      },
      ['months'],
    ),
    PlanAnalysisRequest: object(
      {
        plan: { type: 'object', description: 'terraform show -json output' },
        usage: { type: 'string', description: 'usage file (YAML text)' },
        currency: { type: 'string', enum: ['USD', 'EUR', 'GBP'] },
        utilisation: { type: 'object', additionalProperties: object({ cpuP95: { type: 'number' }, memP95: { type: 'number' }, lastAccessDays: { type: 'number' } }, []) },
        address: { type: 'string', description: 'resource and sizing: the resource address' },
        sizes: { type: 'array', items: str, description: 'sizing: sizes to price' },
      },
      ['plan'],
    ),
    CompareCloudsRequest: object(
      {
        plan: object({ inline: { type: 'object' }, ref: object({ uri: str, sha256: str }) }, []),
        currency: { type: 'string', enum: ['USD', 'EUR', 'GBP'] },
        clouds: { type: 'array', items: { type: 'string', enum: ['aws', 'azure', 'gcp'] } },
      },
      ['plan'],
    ),
  };
}

/** The OpenAPI 3.1 document of the cost-tracker's HTTP API, from COST_TRACKER_ROUTES and the schemas above. */
export function buildCostTrackerOpenApi(): JsonObject {
  return buildServiceOpenApi(
    {
      title: 'Cloudwright cost-tracker API',
      description:
        'Plan estimates, FOCUS imports, actual cost by dimension and period, variance per deployment, budgets, and the cost analyses ' +
        '(forecast, optimisation, sizing, cloud comparison). Bearer API tokens with roles viewer, operator, approver and admin ' +
        '(CW_API_TOKENS, the orchestrator’s). The same queries are served on NATS request/reply (CostQuerySubjects).',
    },
    COST_TRACKER_ROUTES,
    schemas(),
  );
}
