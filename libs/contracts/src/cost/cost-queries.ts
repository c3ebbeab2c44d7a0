/**
 * Request/reply query subjects of the cost-tracker (core NATS, never the durable streams), for the CLI and
 * dashboards. Request and reply bodies are JSON; replies are `{ ok: true, data }` or `{ ok: false, error }`.
 */
export const CostQuerySubjects = {
  /** `{ plan, currency?, commitment?, usage?, stack?, environment? }` → the estimate (nothing stored). */
  Estimate: 'cw.qry.cost-tracker.estimate.v1',
  /** `{ deploymentId }` → the stored estimate of a deployment. */
  EstimateByDeployment: 'cw.qry.cost-tracker.estimate-by-deployment.v1',
  /** `{ stack?, environment?, limit? }` → recent estimates. */
  Estimates: 'cw.qry.cost-tracker.estimates.v1',
  /** `{ dimension, from, to, granularity?, stack?, environment?, provider? }` → cost rows. */
  Costs: 'cw.qry.cost-tracker.costs.v1',
  /** `{ stack?, environment?, asOf? }` → budgets with their status. */
  Budgets: 'cw.qry.cost-tracker.budgets.v1',
  /** `{ stack, environment, amount, currency, thresholdsPct?, forecastOverrun?, tagKey?, tagValue? }` → the stored budget. */
  PutBudget: 'cw.qry.cost-tracker.put-budget.v1',
  /** `{ id }` → `{ deleted: true }`. */
  DeleteBudget: 'cw.qry.cost-tracker.delete-budget.v1',
  /** `{ deploymentId, from?, to? }` → actual vs estimate. */
  Variance: 'cw.qry.cost-tracker.variance.v1',
  /** `{ limit? }` → imports with their reports. */
  Imports: 'cw.qry.cost-tracker.imports.v1',
} as const;
