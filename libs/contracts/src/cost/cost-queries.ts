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
  /** CostCompareCloudsQuery → CostCompareCloudsReply: the plan's workload priced on each cloud (nothing stored). */
  CompareClouds: 'cw.qry.cost-tracker.compare-clouds.v1',
  /** `{ months, monthlyCost?, currency?, growthRatePct?, seasonality?, startMonth?, history?, stack?, environment? }` → the forecast (history: the request's, else the stack's recorded monthly actuals). */
  Forecast: 'cw.qry.cost-tracker.forecast.v1',
  /** `{ plan, usage?, currency?, utilisation? }` → cost recommendations for the plan. */
  Optimize: 'cw.qry.cost-tracker.optimize.v1',
  /** `{ plan, address, usage?, currency?, utilisation? }` → one resource's cost and recommendations. */
  AnalyzeResource: 'cw.qry.cost-tracker.analyze-resource.v1',
  /** `{ plan, address, sizes?, usage?, currency? }` → the resource priced at each size. */
  CompareSizing: 'cw.qry.cost-tracker.compare-sizing.v1',
} as const;

/** Body of `CostQuerySubjects.CompareClouds`. */
export interface CostCompareCloudsQuery {
  /** The plan as in deployment.requested.v1: `{ inline: <terraform show -json> }` or `{ ref: { uri, sha256 } }`. */
  plan: { inline?: Record<string, unknown>; ref?: { uri: string; sha256: string; sizeBytes?: number } };
  /** Default USD. */
  currency?: string;
  /** Default all three. */
  clouds?: ('aws' | 'azure' | 'gcp')[];
}

/** One cloud's monthly cost of the workload. */
export interface CloudMonthlyCostV1 {
  cloud: 'aws' | 'azure' | 'gcp';
  region: string;
  /** Decimal string in `currency` (`"1234.56"`); partial when `complete` is false. */
  monthlyCost: string;
  /**
   * The cost of the resources priced on every cloud (the plan's resources with an equivalent elsewhere): the figure
   * to compare across clouds. Equals `monthlyCost` on the mapped clouds; leaves out `unmapped` on the plan's own cloud.
   */
  comparableMonthlyCost: string;
  /** Every item priced (an incomplete total is not comparable). */
  complete: boolean;
  /** `plan`: the plan's own resources priced as-is; `plan-mapped`: their equivalents on this cloud. */
  basis: 'workload' | 'plan' | 'plan-mapped';
  /** Items that could not be priced, with the reason. */
  unpriced: string[];
}

/** Reply of `CostQuerySubjects.CompareClouds`. */
export interface CostCompareCloudsReply {
  currency: string;
  clouds: CloudMonthlyCostV1[];
  /** Cheapest among the clouds priced completely (null when none is). */
  cheapest: 'aws' | 'azure' | 'gcp' | null;
  /** Plan resources not compared: no equivalent on other clouds, or (multi-cloud plan) written for another cloud than the priced one. */
  unmapped: string[];
  /** Resources of the plan behind `comparableMonthlyCost` (0: nothing comparable). */
  comparedResources: number;
  notes: string[];
}
