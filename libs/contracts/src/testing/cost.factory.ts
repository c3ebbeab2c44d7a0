import { type AlertRaisedV1 } from '../alert/alert-raised.v1';
import { type AlertResolvedV1 } from '../alert/alert-resolved.v1';
import { type CostActualsImportedV1 } from '../cost/cost-actuals-imported.v1';
import { type CostEstimatedV1 } from '../cost/cost-estimated.v1';
import { type CostOptimizerEstimateV1 } from '../cost/cost-optimizer-estimate.v1';
import { type DeploymentPlanV1, type PlanReferenceV1 } from '../deployment/deployment-requested.v1';
import { aTerraformPlan } from './deployment-requested.factory';

/**
 * Test data for the cost and alert contracts, as plain JSON (what a publisher sends, before validation). Every
 * builder returns a fresh, valid object; pass overrides to break one field.
 */
export type CostOptimizerEstimateV1Data = Omit<CostOptimizerEstimateV1, 'plan'> & {
  plan: Omit<DeploymentPlanV1, 'ref'> & { ref?: PlanReferenceV1 };
};

/** cost-optimizer.estimate.v1 for the tiny one-bucket plan of `aTerraformPlan`. */
export function anEstimateCommand(overrides: Partial<CostOptimizerEstimateV1Data> = {}): CostOptimizerEstimateV1Data {
  return {
    deploymentId: '6f1c2a8e-2f55-4a31-9d0e-6f0f5c1b2a77',
    stack: 'platform',
    environment: 'prod',
    requestKey: 'github-actions:acme/platform:9876543210:platform:prod',
    plan: { format: 'terraform-plan-json', inline: aTerraformPlan() },
    currency: 'USD',
    commitment: 'on-demand',
    ...overrides,
  };
}

/** A priced cost.estimated.v1: one NAT gateway (730 h at 0.045 plus 0 GB) within a 500 USD budget. */
export function aCostEstimated(overrides: Partial<CostEstimatedV1> = {}): CostEstimatedV1 {
  return {
    deploymentId: '6f1c2a8e-2f55-4a31-9d0e-6f0f5c1b2a77',
    stack: 'platform',
    environment: 'prod',
    status: 'priced',
    currency: 'USD',
    totals: { hourly: '0.045', monthly: '32.85', yearly: '394.2', pastMonthly: '0', diffMonthly: '32.85' },
    resourceCount: 1,
    unsupportedCount: 0,
    unsupported: [],
    catalogVersion: 'catalog-0a1b2c3d',
    pricesAsOf: { earliest: '2025-01-01', latest: '2025-01-01' },
    budget: { verdict: 'within', budget: '500', projectedMonthly: '32.85', thresholdPct: '6.57', reason: 'projected 32.85 USD is 6.57% of the 500 USD monthly budget' },
    ...overrides,
  };
}

/** A failed cost.estimated.v1: the plan could not be read. */
export function aFailedCostEstimate(overrides: Partial<CostEstimatedV1> = {}): CostEstimatedV1 {
  return {
    deploymentId: '6f1c2a8e-2f55-4a31-9d0e-6f0f5c1b2a77',
    stack: 'platform',
    environment: 'prod',
    status: 'failed',
    currency: 'USD',
    resourceCount: 0,
    unsupportedCount: 0,
    unsupported: [],
    error: { code: 'VALIDATION_FAILED', message: 'expected an array, got "x"', path: '$.resource_changes' },
    ...overrides,
  };
}

export function anAlertRaised(overrides: Partial<AlertRaisedV1> = {}): AlertRaisedV1 {
  return {
    dedupKey: 'cost-budget:platform:prod:b-1:80:2030-01',
    kind: 'cost-budget',
    severity: 'warning',
    title: 'platform/prod spent 80% of its monthly budget',
    description: 'Spent 412.50 USD of 500 USD (82.5%) in 2030-01.',
    environment: 'prod',
    stack: 'platform',
    source: 'cost-tracker',
    labels: { thresholdPct: '80', budgetId: 'b-1' },
    links: [{ title: 'Budget', url: 'http://localhost:3002/budgets/b-1' }],
    raisedAt: '2030-01-20T06:00:00.000Z',
    ...overrides,
  };
}

export function anAlertResolved(overrides: Partial<AlertResolvedV1> = {}): AlertResolvedV1 {
  return {
    dedupKey: 'cost-budget:platform:prod:b-1:80:2030-01',
    kind: 'cost-budget',
    description: 'Spent 412.50 USD of 1000 USD (41.25%): below 80% again.',
    environment: 'prod',
    stack: 'platform',
    source: 'cost-tracker',
    labels: { thresholdPct: '80', budgetId: 'b-1' },
    resolvedAt: '2030-01-21T06:00:00.000Z',
    ...overrides,
  };
}

export function aCostActualsImported(overrides: Partial<CostActualsImportedV1> = {}): CostActualsImportedV1 {
  return {
    importId: '0b8c3a58-7c38-4c0f-8d5c-3f1f0a6f9e11',
    fileName: 'focus-2030-01.csv',
    sha256: 'a'.repeat(64),
    rows: 1000,
    skippedRows: 0,
    period: { start: '2030-01-01', end: '2030-01-31' },
    totals: [{ currency: 'USD', billedCost: '1234.56', effectiveCost: '1200.01' }],
    ...overrides,
  };
}
