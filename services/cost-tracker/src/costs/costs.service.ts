import { Inject, Injectable } from '@nestjs/common';
import { DAY_PATTERN, DomainError, ErrorCode } from '@cloudwright/contracts';
import { Decimal } from '@cloudwright/pricing';
import { DataSource } from 'typeorm';
import { COST_TRACKER_CONFIG, type CostTrackerConfig } from '../common/config/cost-tracker.config';
import { COST_TRACKER_DATA_SOURCE } from '../common/database/data-source';
import { CostEstimateRepository } from '../estimates/cost-estimate.repository';
import { COST_DIMENSIONS, CostFactsRepository, type CostDimension, type CostRow } from './cost-facts.repository';

/** The answer of a cost query: one row per period and dimension key. */
export interface CostsDto {
  dimension: string;
  granularity: string;
  from: string;
  to: string;
  rows: CostRow[];
}

const DAY = DAY_PATTERN;

export interface CostQueryInput {
  dimension?: string;
  from?: string;
  to?: string;
  granularity?: string;
  stack?: string;
  environment?: string;
  provider?: string;
}

export interface VarianceDto {
  deploymentId: string;
  /** How actuals were attributed (see `variance`). */
  rule: string;
  period: { from: string; to: string; days: number };
  estimate: { status: string; currency: string; monthly: string | null; forPeriod: string | null };
  actual: { currency: string; cost: string; daysWithCost: number; rows: number }[];
  /** actual − estimate for the period, in the estimate's currency (null when there is no actual in that currency). */
  variance: string | null;
  variancePct: string | null;
}

/** Dashboard queries over the daily facts: cost by dimension and period, variance per deployment. */
@Injectable()
export class CostsService {
  constructor(
    @Inject(COST_TRACKER_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(COST_TRACKER_CONFIG) private readonly config: CostTrackerConfig,
  ) {}

  async costs(input: CostQueryInput): Promise<CostsDto> {
    const problems: string[] = [];
    const dimension = input.dimension ?? 'service';
    if (!(COST_DIMENSIONS as readonly string[]).includes(dimension) && !/^tag:.{1,256}$/.test(dimension)) {
      problems.push(`dimension "${dimension}" must be one of ${COST_DIMENSIONS.join(', ')} or tag:<key>`);
    }
    const granularity = input.granularity ?? 'day';
    if (granularity !== 'day' && granularity !== 'month') problems.push('granularity must be day or month');
    for (const key of ['from', 'to'] as const) if (input[key] === undefined || !DAY.test(input[key])) problems.push(`${key} must be a YYYY-MM-DD date`);
    if (!problems.length && input.from! >= input.to!) problems.push('from must be before to (to is exclusive)');
    if (problems.length) throw new DomainError(ErrorCode.ValidationFailed, `invalid cost query: ${problems.join('; ')}`, { problems });
    const rows = await new CostFactsRepository(this.dataSource.manager, this.config.schema).costs({
      dimension: dimension as CostDimension,
      from: input.from!,
      to: input.to!,
      granularity: granularity as 'day' | 'month',
      ...(input.stack ? { stack: input.stack } : {}),
      ...(input.environment ? { environment: input.environment } : {}),
      ...(input.provider ? { provider: input.provider } : {}),
    });
    return { dimension, granularity, from: input.from!, to: input.to!, rows };
  }

  /**
   * Actual vs estimate for a deployment over [from, to). Actuals are the FOCUS rows tagged `cloudwright:deployment`
   * (or `deployment_id`) = the deployment id, plus rows whose ResourceId or ResourceName equals a resource address
   * recorded with the estimate. The estimate for the period is its monthly total × days / 30.4167 (730 h / 24).
   */
  async variance(input: { deploymentId?: string; from?: string; to?: string }): Promise<VarianceDto> {
    if (!input.deploymentId) throw new DomainError(ErrorCode.ValidationFailed, 'deploymentId is required');
    for (const key of ['from', 'to'] as const) {
      if (input[key] === undefined || !DAY.test(input[key])) throw new DomainError(ErrorCode.ValidationFailed, `${key} must be a YYYY-MM-DD date`);
    }
    const days = Math.round((Date.parse(`${input.to}T00:00:00Z`) - Date.parse(`${input.from}T00:00:00Z`)) / 86_400_000);
    if (days < 1) throw new DomainError(ErrorCode.ValidationFailed, 'from must be before to (to is exclusive)');
    const estimates = new CostEstimateRepository(this.dataSource.manager);
    const estimate = await estimates.findByDeployment(input.deploymentId);
    if (!estimate) throw new DomainError(ErrorCode.NotFound, `no estimate for deployment ${input.deploymentId}`);
    const addresses = (await estimates.findResources(estimate.id)).map((r) => r.address);
    const actual = await new CostFactsRepository(this.dataSource.manager, this.config.schema).deploymentActuals(input.deploymentId, addresses, input.from!, input.to!);
    const currency = estimate.currency.trim();
    const forPeriod = estimate.monthly === null ? null : new Decimal(estimate.monthly).times(days).times(24).dividedBy(730);
    const same = actual.find((a) => a.currency === currency);
    const variance = forPeriod && same ? new Decimal(same.cost).minus(forPeriod) : null;
    return {
      deploymentId: input.deploymentId,
      rule: 'actuals tagged cloudwright:deployment (or deployment_id) with the deployment id, or whose ResourceId/ResourceName is a resource address of the estimate',
      period: { from: input.from!, to: input.to!, days },
      estimate: { status: estimate.status, currency, monthly: estimate.monthly, forPeriod: forPeriod ? forPeriod.toDecimalPlaces(2).toFixed() : null },
      actual: actual.map((a) => ({ currency: a.currency, cost: a.cost, daysWithCost: a.days, rows: a.rows })),
      variance: variance ? variance.toDecimalPlaces(2).toFixed() : null,
      variancePct: variance && forPeriod && !forPeriod.isZero() ? variance.dividedBy(forPeriod).times(100).toDecimalPlaces(2).toFixed() : null,
    };
  }
}
