import { randomUUID } from 'node:crypto';
import {
  MAX_LISTED_UNSUPPORTED,
  type BudgetVerdictV1,
  type CostEstimatedV1,
  type CostOptimizerEstimateV1,
} from '@cloudwright/contracts';
import { estimateToJson, type CostEstimate } from '@cloudwright/pricing';
import { type CostEstimateEntity, type CostEstimateResourceEntity } from './cost-estimate.entity';
import { type PricingFailure } from './plan-pricing';

/** What the HTTP API and queries return for a stored estimate. */
export interface CostEstimateDto {
  id: string;
  deploymentId: string | null;
  stack: string | null;
  environment: string | null;
  requestKey: string | null;
  status: 'priced' | 'failed';
  currency: string;
  totals: { hourly: string; monthly: string; yearly: string; pastMonthly: string; diffMonthly: string } | null;
  resourceCount: number;
  unsupportedCount: number;
  catalogVersion: string | null;
  budget: BudgetVerdictV1 | null;
  error: PricingFailure | null;
  createdAt: string;
  /** The full estimate (resources, components, assumptions), when asked for. */
  estimate?: Record<string, unknown> | null;
}

const amount = (m: { toDecimalString(places?: number): string }) => m.toDecimalString(6);

/** JSON view of an estimate (Money and Decimal serialise as decimal strings). */
export function estimateJson(estimate: CostEstimate): Record<string, unknown> {
  // the same document as `cloudwright cost estimate --output json`
  return estimateToJson(estimate) as unknown as Record<string, unknown>;
}

export function totalsOf(estimate: CostEstimate): NonNullable<CostEstimateDto['totals']> {
  return {
    hourly: amount(estimate.totalHourlyCost),
    monthly: amount(estimate.totalMonthlyCost),
    yearly: amount(estimate.totalYearlyCost),
    pastMonthly: amount(estimate.pastTotalMonthlyCost),
    diffMonthly: amount(estimate.diffTotalMonthlyCost),
  };
}

export interface EstimateScope {
  deploymentId: string | null;
  stack: string | null;
  environment: string | null;
  requestKey: string | null;
  correlationId: string | null;
}

export function toPricedEntity(scope: EstimateScope, estimate: CostEstimate, budget: BudgetVerdictV1 | null): {
  entity: CostEstimateEntity;
  resources: Omit<CostEstimateResourceEntity, 'estimateId'>[];
} {
  const totals = totalsOf(estimate);
  return {
    entity: {
      id: randomUUID(),
      ...scope,
      status: 'priced',
      currency: estimate.currency,
      hourly: totals.hourly,
      monthly: totals.monthly,
      yearly: totals.yearly,
      pastMonthly: totals.pastMonthly,
      diffMonthly: totals.diffMonthly,
      resourceCount: estimate.resources.length,
      unsupportedCount: estimate.unsupported.length,
      catalogVersion: estimate.catalogVersion,
      budget: budget ? { ...budget } : null,
      error: null,
      estimate: estimateJson(estimate),
      createdAt: new Date(),
    },
    resources: estimate.resources.map((r) => ({
      address: r.address,
      type: r.type,
      cloud: r.cloud,
      region: r.region,
      action: r.action,
      hourly: amount(r.hourlyCost),
      monthly: amount(r.monthlyCost),
    })),
  };
}

export function toFailedEntity(scope: EstimateScope, currency: string, failure: PricingFailure): CostEstimateEntity {
  return {
    id: randomUUID(),
    ...scope,
    status: 'failed',
    currency,
    hourly: null,
    monthly: null,
    yearly: null,
    pastMonthly: null,
    diffMonthly: null,
    resourceCount: 0,
    unsupportedCount: 0,
    catalogVersion: null,
    budget: null,
    error: { ...failure },
    estimate: null,
    createdAt: new Date(),
  };
}

export function toCostEstimated(command: CostOptimizerEstimateV1, estimate: CostEstimate, budget: BudgetVerdictV1): CostEstimatedV1 {
  return {
    deploymentId: command.deploymentId,
    stack: command.stack,
    environment: command.environment,
    ...(command.requestKey === undefined ? {} : { requestKey: command.requestKey }),
    status: 'priced',
    currency: estimate.currency,
    totals: totalsOf(estimate),
    resourceCount: estimate.resources.length,
    unsupportedCount: estimate.unsupported.length,
    unsupported: estimate.unsupported.slice(0, MAX_LISTED_UNSUPPORTED).map((u) => ({
      address: u.address.slice(0, 1024),
      type: u.type.slice(0, 256),
      reason: u.reason.slice(0, 1024),
    })),
    catalogVersion: estimate.catalogVersion,
    pricesAsOf: { earliest: estimate.pricesAsOf.earliest, latest: estimate.pricesAsOf.latest },
    budget,
  };
}

export function toCostEstimateFailed(command: CostOptimizerEstimateV1, failure: PricingFailure): CostEstimatedV1 {
  return {
    deploymentId: command.deploymentId,
    stack: command.stack,
    environment: command.environment,
    ...(command.requestKey === undefined ? {} : { requestKey: command.requestKey }),
    status: 'failed',
    currency: command.currency ?? 'USD',
    resourceCount: 0,
    unsupportedCount: 0,
    unsupported: [],
    error: { code: failure.code, message: failure.message.slice(0, 4096), ...(failure.path === undefined ? {} : { path: failure.path.slice(0, 1024) }) },
  };
}

export function toCostEstimateDto(row: CostEstimateEntity, withEstimate = false): CostEstimateDto {
  const totals =
    row.status === 'priced' && row.hourly !== null && row.monthly !== null && row.yearly !== null && row.pastMonthly !== null && row.diffMonthly !== null
      ? { hourly: row.hourly, monthly: row.monthly, yearly: row.yearly, pastMonthly: row.pastMonthly, diffMonthly: row.diffMonthly }
      : null;
  return {
    id: row.id,
    deploymentId: row.deploymentId,
    stack: row.stack,
    environment: row.environment,
    requestKey: row.requestKey,
    status: row.status,
    currency: row.currency.trim(),
    totals,
    resourceCount: row.resourceCount,
    unsupportedCount: row.unsupportedCount,
    catalogVersion: row.catalogVersion,
    budget: row.budget as BudgetVerdictV1 | null,
    error: row.error as PricingFailure | null,
    createdAt: row.createdAt.toISOString(),
    ...(withEstimate ? { estimate: row.estimate } : {}),
  };
}
