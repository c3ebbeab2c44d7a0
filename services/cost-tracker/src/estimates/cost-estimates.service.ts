import { Inject, Injectable } from '@nestjs/common';
import {
  CostEstimatedV1,
  DomainError,
  ErrorCode,
  type BudgetVerdictV1,
  type CloudEvent,
  type CostOptimizerEstimateV1,
} from '@cloudwright/contracts';
import { type HandlerContext } from '@cloudwright/messaging';
import { Decimal, defaultCatalog, isCurrency, type Commitment, type CostEstimate, type Currency } from '@cloudwright/pricing';
import { DataSource, type EntityManager } from 'typeorm';
import { COST_TRACKER_CONFIG, type CostTrackerConfig } from '../common/config/cost-tracker.config';
import { COST_TRACKER_DATA_SOURCE } from '../common/database/data-source';
import { BudgetRepository } from '../budgets/budget.repository';
import { CostFactsRepository } from '../costs/cost-facts.repository';
import { RUN_RATE_DAYS, budgetVerdict } from './budget-verdict';
import { CostEstimateRepository } from './cost-estimate.repository';
import {
  estimateJson,
  toCostEstimateDto,
  toCostEstimated,
  toCostEstimateFailed,
  toFailedEntity,
  toPricedEntity,
  totalsOf,
  type CostEstimateDto,
} from './cost-estimate.mapper';
import { loadPlanDocument, pricePlan } from './plan-pricing';

/** An on-demand estimate request (HTTP `POST /estimates`, query `cw.qry.cost-tracker.estimate.v1`, CLI). */
export interface OnDemandEstimateRequest {
  plan: unknown;
  currency?: string;
  commitment?: string;
  usage?: string;
  /** With stack and environment, the answer carries the budget verdict. */
  stack?: string;
  environment?: string;
}

export interface OnDemandEstimate {
  currency: string;
  totals: NonNullable<CostEstimateDto['totals']>;
  resourceCount: number;
  unsupportedCount: number;
  catalogVersion: string;
  budget?: BudgetVerdictV1;
  estimate: Record<string, unknown>;
}

const COMMITMENT_VALUES: readonly string[] = ['on-demand', '1y', '3y'];

/**
 * The cost-optimizer agent: prices plans with @cloudwright/pricing, records the estimate per deployment and answers
 * the saga's `cost-optimizer.estimate.v1` with `cost.estimated.v1` (through the outbox, in the same transaction).
 */
@Injectable()
export class CostEstimatesService {
  constructor(
    @Inject(COST_TRACKER_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(COST_TRACKER_CONFIG) private readonly config: CostTrackerConfig,
  ) {}

  /**
   * Handles the saga's command in the consumer's transaction. Always publishes an answer: a plan that cannot be
   * priced gives `status: failed` with the reason and JSON path (never a retry loop on a deterministic failure).
   */
  async estimateForDeployment(command: CloudEvent<CostOptimizerEstimateV1>, ctx: Pick<HandlerContext, 'tx' | 'logger' | 'publish'>): Promise<CostEstimatedV1> {
    const data = command.data;
    const scope = { deploymentId: data.deploymentId, stack: data.stack, environment: data.environment, requestKey: data.requestKey ?? null, correlationId: command.correlationid };
    const repository = new CostEstimateRepository(ctx.tx.manager);
    const loaded = await loadPlanDocument(data.plan);
    const outcome = loaded.ok ? pricePlan({ plan: loaded.doc, currency: data.currency, commitment: data.commitment, usage: data.usage }) : loaded;
    let answer: CostEstimatedV1;
    if (outcome.ok) {
      const verdict = await this.verdict(ctx.tx.manager, data.stack, data.environment, outcome.estimate);
      const { entity, resources } = toPricedEntity(scope, outcome.estimate, verdict);
      await repository.save(entity, resources);
      answer = toCostEstimated(data, outcome.estimate, verdict);
    } else {
      await repository.save(toFailedEntity(scope, data.currency ?? 'USD', outcome.failure), []);
      answer = toCostEstimateFailed(data, outcome.failure);
      ctx.logger.warn({ deploymentId: data.deploymentId, failure: outcome.failure }, 'plan could not be priced; answering status failed');
    }
    await ctx.publish(CostEstimatedV1, answer);
    ctx.logger.info({ deploymentId: data.deploymentId, status: answer.status, monthly: answer.totals?.monthly, verdict: answer.budget?.verdict }, 'cost estimated');
    return answer;
  }

  /** Prices a plan on demand (nothing is stored). Input problems are VALIDATION_FAILED errors naming the path. */
  async estimate(request: OnDemandEstimateRequest): Promise<OnDemandEstimate> {
    const problems: string[] = [];
    if (typeof request !== 'object' || request === null) throw new DomainError(ErrorCode.ValidationFailed, 'the request must be a JSON object with a plan');
    if (request.plan === undefined) problems.push('plan is required (the `terraform show -json` document)');
    if (request.currency !== undefined && !isCurrency(request.currency)) problems.push(`currency "${String(request.currency)}" must be USD, EUR or GBP`);
    if (request.commitment !== undefined && !COMMITMENT_VALUES.includes(request.commitment)) problems.push(`commitment "${request.commitment}" must be on-demand, 1y or 3y`);
    if (request.usage !== undefined && typeof request.usage !== 'string') problems.push('usage must be the usage file as YAML text');
    if ((request.stack === undefined) !== (request.environment === undefined)) problems.push('stack and environment go together');
    if (problems.length) throw new DomainError(ErrorCode.ValidationFailed, `invalid estimate request: ${problems.join('; ')}`, { problems });
    const outcome = pricePlan({ plan: request.plan, currency: request.currency as Currency | undefined, commitment: request.commitment as Commitment | undefined, usage: request.usage });
    if (!outcome.ok) {
      const code = outcome.failure.code === ErrorCode.Internal ? ErrorCode.Internal : ErrorCode.ValidationFailed;
      throw new DomainError(code, outcome.failure.message, outcome.failure.path === undefined ? undefined : { path: outcome.failure.path });
    }
    const { estimate } = outcome;
    const budget = request.stack && request.environment ? await this.verdict(this.dataSource.manager, request.stack, request.environment, estimate) : undefined;
    return {
      currency: estimate.currency,
      totals: totalsOf(estimate),
      resourceCount: estimate.resources.length,
      unsupportedCount: estimate.unsupported.length,
      catalogVersion: estimate.catalogVersion,
      ...(budget ? { budget } : {}),
      estimate: estimateJson(estimate),
    };
  }

  async getByDeployment(deploymentId: string, withEstimate = true): Promise<CostEstimateDto> {
    const row = await new CostEstimateRepository(this.dataSource.manager).findByDeployment(deploymentId);
    if (!row) throw new DomainError(ErrorCode.NotFound, `no estimate for deployment ${deploymentId}`);
    return toCostEstimateDto(row, withEstimate);
  }

  async list(filter: { stack?: string; environment?: string; limit?: number }): Promise<CostEstimateDto[]> {
    const rows = await new CostEstimateRepository(this.dataSource.manager).findRecent({ ...filter, limit: Math.min(filter.limit ?? 50, 500) });
    return rows.map((row) => toCostEstimateDto(row));
  }

  /** Budget verdict of a stack/environment for an estimate (see budget-verdict.ts for the rule). */
  private async verdict(manager: EntityManager, stack: string, environment: string, estimate: CostEstimate): Promise<BudgetVerdictV1> {
    const budget = await new BudgetRepository(manager).findForStack(stack, environment);
    const currency = budget?.currency.trim() ?? estimate.currency;
    const last30 = await new CostFactsRepository(manager, this.config.schema).lastDaysCost(stack, environment, currency, RUN_RATE_DAYS);
    const catalog = defaultCatalog();
    return budgetVerdict({
      estimate: { currency: estimate.currency, monthly: estimate.totalMonthlyCost.amount, diffMonthly: estimate.diffTotalMonthlyCost.amount },
      ...(budget ? { budget: { amount: new Decimal(budget.amount), currency } } : {}),
      ...(last30 === undefined ? {} : { actualLast30Days: new Decimal(last30) }),
      rate: (c) => {
        if (!isCurrency(c)) throw new DomainError(ErrorCode.ValidationFailed, `currency ${c} has no exchange rate in the pricing catalog`);
        return catalog.rate(c);
      },
    });
  }
}

