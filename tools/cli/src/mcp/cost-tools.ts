import { readFileSync } from 'node:fs';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { parsePlan, parsePlanText, type ParsedPlan } from '@cloudwright/terraform-plan';
import {
  COMMITMENTS,
  CURRENCIES,
  Estimator,
  Money,
  SEASONALITY_PATTERNS,
  UsageFile,
  compareCloudCosts,
  compareSizingOptions,
  defaultCatalog,
  defaultRegistry,
  estimateToJson,
  forecastCosts,
  analyzeResource,
  optimizeForCost,
  parseUsageFile,
  type Commitment,
  type Currency,
  type PriceCatalog,
  type PricerRegistry,
} from '@cloudwright/pricing';

export interface CostMcpOptions {
  /** Price catalog (default: the one shipped in the repository). */
  catalog?: PriceCatalog;
  /** Pricers (default: every shipped pricer). */
  registry?: PricerRegistry;
}

const DECIMAL = /^\d+(\.\d+)?$/;
const currency = z.enum(CURRENCIES).optional().describe('Currency of the result (default USD)');
const commitment = z.enum(COMMITMENTS as readonly [Commitment, ...Commitment[]]).optional().describe('Commitment term to price with: on-demand (default), 1y or 3y');
const planInput = {
  plan: z.record(z.string(), z.unknown()).optional().describe('The Terraform plan JSON (terraform show -json <planfile>) as an object'),
  planPath: z.string().optional().describe('Path of a Terraform plan JSON file (instead of plan)'),
  usage: z.string().optional().describe('Usage file YAML (Infracost format: resource_usage / resource_type_default_usage)'),
};
const utilisation = z
  .record(z.string(), z.object({ cpuP95: z.number().min(0).max(100).optional(), memP95: z.number().min(0).max(100).optional(), lastAccessDays: z.number().min(0).optional() }))
  .optional()
  .describe('Observed utilisation per resource address: p95 CPU and memory in percent, days since the data was last read');
const money = z.string().regex(DECIMAL, 'expected a non-negative decimal string such as "1250.50"');

/** A tool failure the caller can fix: reported as an MCP tool error with the message. */
class ToolInputError extends Error {}

function fail(error: unknown): CallToolResult {
  const message = error instanceof Error ? error.message : String(error);
  return { isError: true, content: [{ type: 'text', text: message }] };
}

function ok(value: unknown): CallToolResult {
  // Money and Decimal serialise as decimal strings (their toJSON).
  const json = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  return { content: [{ type: 'text', text: JSON.stringify(json, null, 2) }], structuredContent: json };
}

function run(fn: () => unknown): CallToolResult {
  try {
    return ok(fn());
  } catch (error) {
    return fail(error);
  }
}

/**
 * An MCP server with the cost tools: calculate_infrastructure_cost, forecast_costs, compare_cloud_costs,
 * optimize_for_cost, analyze_resource and compare_sizing_options. Each tool validates its input with zod and calls the
 * pricing library; a bad input comes back as a tool error (isError) with a message saying what is wrong.
 */
export function createCostMcpServer(options: CostMcpOptions = {}): McpServer {
  const server = new McpServer({ name: 'cloudwright-cost', version: '0.1.0' });
  const catalog = () => options.catalog ?? defaultCatalog();
  const registry = () => options.registry ?? defaultRegistry();

  const loadPlan = (args: { plan?: Record<string, unknown>; planPath?: string }): ParsedPlan => {
    if (args.plan && args.planPath) throw new ToolInputError('give either plan or planPath, not both');
    if (args.plan) return parsePlan(args.plan);
    if (args.planPath) {
      let text: string;
      try {
        text = readFileSync(args.planPath, 'utf8');
      } catch (error) {
        throw new ToolInputError(`planPath: cannot read ${args.planPath}: ${error instanceof Error ? error.message : String(error)}`);
      }
      return parsePlanText(text);
    }
    throw new ToolInputError('give the Terraform plan as plan (JSON object) or planPath (file path)');
  };
  const loadUsage = (usage: string | undefined): UsageFile => (usage === undefined ? UsageFile.empty() : parseUsageFile(usage, 'usage', registry().usageKeys()));

  server.registerTool(
    'calculate_infrastructure_cost',
    {
      title: 'Calculate infrastructure cost',
      description: 'Prices a Terraform plan from list prices: monthly cost per resource and component, totals, and the resources that cannot be priced (with the reason, never counted as $0).',
      inputSchema: { ...planInput, currency, commitment },
    },
    (args) =>
      run(() => {
        const plan = loadPlan(args);
        const estimate = new Estimator({ catalog: catalog(), registry: registry(), usage: loadUsage(args.usage), currency: args.currency, commitment: args.commitment }).estimate(plan);
        return estimateToJson(estimate);
      }),
  );

  server.registerTool(
    'forecast_costs',
    {
      title: 'Forecast costs',
      description:
        'Projects monthly costs for 1 to 36 months: compound monthly growth and seasonality, or a trend fitted from monthly history (log-linear regression) with 80 % and 95 % prediction intervals.',
      inputSchema: {
        monthlyCost: money.describe('Current monthly cost (baseline without seasonality)'),
        currency,
        months: z.number().int().min(1).max(36).describe('Months to project (1..36)'),
        growthRatePct: z.number().optional().describe('Monthly compound growth in percent (may be negative)'),
        seasonality: z
          .union([z.array(z.number()).length(12), z.enum(Object.keys(SEASONALITY_PATTERNS) as [keyof typeof SEASONALITY_PATTERNS, ...(keyof typeof SEASONALITY_PATTERNS)[]])])
          .optional()
          .describe('12 multipliers (January..December) or a named pattern'),
        startMonth: z.string().describe("First projected month, 'YYYY-MM'"),
        history: z
          .array(z.object({ month: z.string(), cost: money }))
          .optional()
          .describe('Actual monthly costs before startMonth (3 or more) to fit the trend from'),
      },
    },
    (args) =>
      run(() => {
        const cur: Currency = args.currency ?? 'USD';
        return forecastCosts({
          monthlyCost: Money.of(args.monthlyCost, cur),
          months: args.months,
          growthRatePct: args.growthRatePct,
          seasonality: args.seasonality,
          startMonth: args.startMonth,
          history: args.history?.map((h) => ({ month: h.month, cost: Money.of(h.cost, cur) })),
        });
      }),
  );

  const cloud = z.enum(['aws', 'azure', 'gcp']);
  const shape = { vcpu: z.number().positive(), memoryGb: z.number().positive() };
  server.registerTool(
    'compare_cloud_costs',
    {
      title: 'Compare cloud costs',
      description:
        'Prices the same workload on AWS, Azure and Google Cloud through an equivalence table (instance sizes, managed databases, Kubernetes, storage, gateways), or a Terraform plan as-is on its cloud and mapped to the others. Items a cloud cannot price are reported, not zeroed.',
      inputSchema: {
        workload: z
          .object({
            compute: z.array(z.object({ name: z.string().optional(), ...shape, count: z.number().int().positive().optional(), os: z.enum(['linux', 'windows']).optional(), class: z.enum(['general', 'compute', 'memory', 'burstable']).optional() })).optional(),
            kubernetes: z.array(z.object({ name: z.string().optional(), nodes: z.number().int().positive(), ...shape })).optional(),
            databases: z.array(z.object({ name: z.string().optional(), engine: z.enum(['postgres', 'mysql']), ...shape, storageGb: z.number().int().positive(), ha: z.boolean().optional() })).optional(),
            objectStorageGb: z.number().positive().optional(),
            loadBalancers: z.number().int().positive().optional(),
            natGateways: z.number().int().positive().optional(),
          })
          .optional()
          .describe('Cloud-neutral workload (instead of a plan)'),
        plan: planInput.plan,
        planPath: planInput.planPath,
        currency,
        commitment,
        regions: z.object({ aws: z.string().optional(), azure: z.string().optional(), gcp: z.string().optional() }).optional().describe('Region per cloud (default us-east-1, eastus, us-central1)'),
        clouds: z.array(cloud).min(1).optional(),
      },
    },
    (args) =>
      run(() => {
        const opts = { catalog: catalog(), registry: registry(), currency: args.currency, commitment: args.commitment, regions: args.regions, clouds: args.clouds };
        if (args.workload && (args.plan || args.planPath)) throw new ToolInputError('give either workload or a plan, not both');
        const result = args.workload ? compareCloudCosts(args.workload, opts) : compareCloudCosts({ plan: loadPlan(args) }, opts);
        // The full estimate per cloud is large; keep its totals and unsupported list.
        return { ...result, clouds: result.clouds.map(({ estimate, ...c }) => ({ ...c, unsupported: estimate.unsupported })) };
      }),
  );

  const optimizeInput = { ...planInput, currency, utilisation };
  const optimizeOptions = (args: { usage?: string; currency?: Currency; utilisation?: Record<string, { cpuP95?: number; memP95?: number; lastAccessDays?: number }> }) => ({
    catalog: catalog(),
    registry: registry(),
    usage: loadUsage(args.usage),
    currency: args.currency,
    utilisation: args.utilisation,
  });
  server.registerTool(
    'optimize_for_cost',
    {
      title: 'Optimise for cost',
      description:
        'Cost recommendations for a Terraform plan, each priced with the Estimator: right-sizing from utilisation, idle resources, previous-generation types, 1-year commitments, spot for stateless capacity, storage classes, unattached disks and addresses.',
      inputSchema: optimizeInput,
    },
    (args) => run(() => optimizeForCost(loadPlan(args), optimizeOptions(args))),
  );

  server.registerTool(
    'analyze_resource',
    {
      title: 'Analyse one resource',
      description: 'Monthly cost and cost recommendations of one resource of a Terraform plan.',
      inputSchema: { ...optimizeInput, address: z.string().min(1).describe('Resource address, e.g. aws_instance.web') },
    },
    (args) => run(() => analyzeResource(loadPlan(args), args.address, optimizeOptions(args))),
  );

  server.registerTool(
    'compare_sizing_options',
    {
      title: 'Compare sizing options',
      description: "Prices one sized resource (instance, VM, database instance) of a plan at every size of its family, or at the sizes given, against its current size.",
      inputSchema: { ...planInput, currency, address: z.string().min(1).describe('Resource address'), sizes: z.array(z.string()).optional().describe('Sizes to price (default: the family ladder)') },
    },
    (args) => run(() => compareSizingOptions(loadPlan(args), args.address, { ...optimizeOptions(args), sizes: args.sizes })),
  );

  return server;
}

export const COST_TOOL_NAMES = ['calculate_infrastructure_cost', 'forecast_costs', 'compare_cloud_costs', 'optimize_for_cost', 'analyze_resource', 'compare_sizing_options'] as const;
