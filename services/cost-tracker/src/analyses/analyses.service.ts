import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@cloudwright/contracts';
import {
  CURRENCIES,
  Money,
  SEASONALITY_PATTERNS,
  UsageFileError,
  analyzeResource,
  compareSizingOptions,
  defaultRegistry,
  forecastCosts,
  isCurrency,
  optimizeForCost,
  parseUsageFile,
  type Currency,
  type CostForecast,
  type OptimizeOptions,
} from '@cloudwright/pricing';
import { PlanParseError, parsePlan, type ParsedPlan } from '@cloudwright/terraform-plan';
import { CostsService } from '../costs/costs.service';
import { CostEstimatesService } from '../estimates/cost-estimates.service';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/** Body of `POST /analyses/forecast` and `CostQuerySubjects.Forecast`. */
export interface ForecastRequest {
  months?: unknown;
  /** First projected month `YYYY-MM`; default the month after the current one. */
  startMonth?: unknown;
  monthlyCost?: unknown;
  currency?: unknown;
  growthRatePct?: unknown;
  seasonality?: unknown;
  /** `[{ month: 'YYYY-MM', cost: '123.45' }]`, oldest first. */
  history?: unknown;
  /** With both and no `history`: the stack's recorded monthly actuals are the history (and the baseline). */
  stack?: unknown;
  environment?: unknown;
}

export interface ServiceForecast extends CostForecast {
  /** Where the history came from: the request, the service's recorded actuals, or none (no intervals then). */
  historySource: 'request' | 'recorded' | 'none';
  /** Where the baseline monthly cost came from. */
  baselineSource: 'request' | 'recorded' | 'estimate';
}

/** Body of `POST /analyses/optimize|resource|sizing` and their query subjects. */
export interface PlanAnalysisRequest {
  /** The Terraform plan JSON (`terraform show -json`). */
  plan?: unknown;
  /** Usage file as YAML text. */
  usage?: unknown;
  currency?: unknown;
  /** Per address: `{ cpuP95?, memP95?, lastAccessDays? }` (percent, days). */
  utilisation?: unknown;
  /** `resource` and `sizing`: the resource's address. */
  address?: unknown;
  /** `sizing`: sizes to price (default: the family ladder). */
  sizes?: unknown;
}

/**
 * The cost analyses of libs/pricing served by the cost-tracker (the MCP tools of `cloudwright mcp cost` run the same
 * functions locally): forecast — with the stack's recorded monthly actuals as history when asked —, optimisation,
 * one resource, sizing options. Nothing is stored. Bad input is VALIDATION_FAILED naming the field (or the plan's JSON
 * path, the usage file's line).
 */
@Injectable()
export class AnalysesService {
  constructor(
    private readonly costs: CostsService,
    private readonly estimates: CostEstimatesService,
  ) {}

  async forecast(body: unknown, now: Date = new Date()): Promise<ServiceForecast> {
    if (!isRecord(body)) throw invalid('send a JSON object { months, monthlyCost?, currency?, growthRatePct?, seasonality?, startMonth?, history?, stack?, environment? }');
    const req = body as ForecastRequest;
    const problems: string[] = [];
    const currency = req.currency ?? 'USD';
    if (!isCurrency(currency)) problems.push(`currency: ${JSON.stringify(currency)} must be one of ${CURRENCIES.join(', ')}`);
    if (typeof req.months !== 'number') problems.push('months: required, a whole number from 1 to 36');
    const startMonth = req.startMonth ?? nextMonth(now);
    if (typeof startMonth !== 'string' || !MONTH.test(startMonth)) problems.push(`startMonth: expected YYYY-MM, got ${JSON.stringify(startMonth)}`);
    const money = (value: unknown, field: string): Money | undefined => {
      const text = typeof value === 'number' ? String(value) : value;
      if (typeof text !== 'string' || !DECIMAL.test(text)) {
        problems.push(`${field}: expected a non-negative decimal amount, got ${JSON.stringify(value)}`);
        return undefined;
      }
      return isCurrency(currency) ? Money.of(text, currency) : undefined;
    };
    const scoped = req.stack !== undefined || req.environment !== undefined;
    if (scoped && (typeof req.stack !== 'string' || !req.stack || typeof req.environment !== 'string' || !req.environment)) problems.push('stack and environment: give both (non-empty) or neither');
    let history: { month: string; cost: Money }[] | undefined;
    if (req.history !== undefined) {
      if (!Array.isArray(req.history)) problems.push('history: expected a list of { month: YYYY-MM, cost }');
      else {
        history = [];
        req.history.forEach((h: unknown, i) => {
          if (!isRecord(h) || typeof h.month !== 'string' || !MONTH.test(h.month)) return void problems.push(`history[${i}].month: expected YYYY-MM`);
          const cost = money(h.cost, `history[${i}].cost`);
          if (cost) history?.push({ month: h.month, cost });
        });
      }
    }
    const monthlyCost = req.monthlyCost === undefined ? undefined : money(req.monthlyCost, 'monthlyCost');
    if (problems.length) throw invalid(`invalid forecast request: ${problems.join('; ')}`, problems);

    let historySource: ServiceForecast['historySource'] = history ? 'request' : 'none';
    if (!history && scoped) {
      const recorded = await this.recordedMonths(req.stack as string, req.environment as string, currency as Currency, startMonth as string);
      if (recorded.length >= 3) {
        history = recorded;
        historySource = 'recorded';
      }
    }
    let baseline = monthlyCost;
    let baselineSource: ServiceForecast['baselineSource'] = 'request';
    if (!baseline && history?.length) {
      baseline = history[history.length - 1]?.cost;
      baselineSource = 'recorded';
    }
    if (!baseline && scoped) {
      const [latest] = await this.estimates.list({ stack: req.stack as string, environment: req.environment as string, limit: 1 });
      if (latest?.totals && latest.currency === currency) {
        baseline = Money.of(latest.totals.monthly, currency as Currency);
        baselineSource = 'estimate';
      }
    }
    if (!baseline) {
      throw invalid(
        scoped
          ? `monthlyCost: required — ${String(req.stack)}/${String(req.environment)} has no recorded monthly cost (3 months are needed) and no estimate in ${currency as Currency}`
          : 'monthlyCost: required (or give stack and environment to start from their recorded cost or latest estimate)',
      );
    }
    try {
      const result = forecastCosts({
        monthlyCost: baseline,
        months: req.months as number,
        startMonth: startMonth as string,
        ...(req.growthRatePct !== undefined ? { growthRatePct: req.growthRatePct as number } : {}),
        ...(req.seasonality !== undefined ? { seasonality: req.seasonality as readonly number[] | keyof typeof SEASONALITY_PATTERNS } : {}),
        ...(history ? { history } : {}),
      });
      return { ...result, historySource, baselineSource };
    } catch (error) {
      throw asValidation(error);
    }
  }

  optimize(body: unknown) {
    const { plan, options } = this.planRequest(body);
    return guarded(() => optimizeForCost(plan, options));
  }

  analyzeResource(body: unknown) {
    const { plan, options, address } = this.planRequest(body, true);
    return guarded(() => analyzeResource(plan, address, options));
  }

  sizing(body: unknown) {
    const { plan, options, address, sizes } = this.planRequest(body, true);
    return guarded(() => compareSizingOptions(plan, address, { ...options, ...(sizes ? { sizes } : {}) }));
  }

  /** Monthly actual cost of a stack/environment before `startMonth`, oldest first (the last 24 months at most). */
  private async recordedMonths(stack: string, environment: string, currency: Currency, startMonth: string): Promise<{ month: string; cost: Money }[]> {
    const [y, m] = startMonth.split('-').map(Number) as [number, number];
    const from = new Date(Date.UTC(y, m - 1 - 24, 1)).toISOString().slice(0, 10);
    const to = `${startMonth}-01`;
    const result = await this.costs.costs({ dimension: 'stack', granularity: 'month', from, to, stack, environment });
    return result.rows.filter((r) => r.currency === currency).map((r) => ({ month: r.period.slice(0, 7), cost: Money.of(r.effectiveCost, currency) }));
  }

  private planRequest(body: unknown, needsAddress = false): { plan: ParsedPlan; options: OptimizeOptions; address: string; sizes?: string[] } {
    if (!isRecord(body)) throw invalid('send a JSON object { plan, usage?, currency?, utilisation?' + (needsAddress ? ', address' : '') + ' }');
    const req = body as PlanAnalysisRequest;
    const problems: string[] = [];
    if (!isRecord(req.plan)) problems.push('plan: required, the Terraform plan JSON (terraform show -json)');
    if (req.usage !== undefined && typeof req.usage !== 'string') problems.push('usage: must be the usage file as YAML text');
    const currency = req.currency ?? 'USD';
    if (!isCurrency(currency)) problems.push(`currency: ${JSON.stringify(currency)} must be one of ${CURRENCIES.join(', ')}`);
    if (req.utilisation !== undefined) {
      if (!isRecord(req.utilisation)) problems.push('utilisation: expected { "<address>": { cpuP95?, memP95?, lastAccessDays? } }');
      else
        for (const [address, u] of Object.entries(req.utilisation)) {
          if (!isRecord(u)) problems.push(`utilisation.${address}: expected { cpuP95?, memP95?, lastAccessDays? }`);
          else
            for (const [key, v] of Object.entries(u)) {
              if (!['cpuP95', 'memP95', 'lastAccessDays'].includes(key)) problems.push(`utilisation.${address}.${key}: unknown (cpuP95, memP95, lastAccessDays)`);
              else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (key !== 'lastAccessDays' && v > 100)) problems.push(`utilisation.${address}.${key}: expected ${key === 'lastAccessDays' ? 'days ≥ 0' : 'a percentage from 0 to 100'}`);
            }
        }
    }
    if (needsAddress && (typeof req.address !== 'string' || req.address === '')) problems.push('address: required, the resource address (aws_instance.web)');
    if (req.sizes !== undefined && (!Array.isArray(req.sizes) || !req.sizes.every((s) => typeof s === 'string' && s !== ''))) problems.push('sizes: expected a list of size names');
    if (problems.length) throw invalid(`invalid analysis request: ${problems.join('; ')}`, problems);
    let plan: ParsedPlan;
    let usage;
    try {
      plan = parsePlan(req.plan);
      usage = req.usage === undefined ? undefined : parseUsageFile(req.usage as string, 'usage.yml', defaultRegistry().usageKeys());
    } catch (error) {
      if (error instanceof PlanParseError) throw new DomainError(ErrorCode.ValidationFailed, `the plan cannot be read: ${error.message}`, { path: error.path });
      if (error instanceof UsageFileError) throw new DomainError(ErrorCode.ValidationFailed, `the usage file is invalid: ${error.message}`, { problems: error.problems });
      throw error;
    }
    return {
      plan,
      options: { currency: currency as Currency, ...(usage ? { usage } : {}), ...(req.utilisation ? { utilisation: req.utilisation as OptimizeOptions['utilisation'] } : {}) },
      address: (req.address as string | undefined) ?? '',
      ...(req.sizes ? { sizes: req.sizes as string[] } : {}),
    };
  }
}

function invalid(message: string, problems?: string[]): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, message, problems ? { problems } : undefined);
}

/** The analyses report input they cannot use (an unknown address, a type without sizes) as RangeError/TypeError. */
function asValidation(error: unknown): unknown {
  return error instanceof RangeError || error instanceof TypeError ? invalid(error.message) : error;
}

function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw asValidation(error);
  }
}

function nextMonth(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
}
