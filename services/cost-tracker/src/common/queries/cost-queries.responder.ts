import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { CostQuerySubjects } from '@cloudwright/contracts';
import { MessagingRuntime } from '@cloudwright/messaging';
import { AnalysesService } from '../../analyses/analyses.service';
import { BudgetsService } from '../../budgets/budgets.service';
import { CostsService, type CostQueryInput } from '../../costs/costs.service';
import { CostEstimatesService, type OnDemandEstimateRequest } from '../../estimates/cost-estimates.service';
import { CostImportsService } from '../../imports/cost-imports.service';
import { compareCloudsForPlan } from './compare-clouds.query';

/** Request/reply adapter: serves the cost-tracker's query subjects (CostQuerySubjects) with the same service methods as HTTP. */
@Injectable()
export class CostQueriesResponder implements OnApplicationBootstrap {
  constructor(
    private readonly runtime: MessagingRuntime,
    private readonly estimates: CostEstimatesService,
    private readonly budgets: BudgetsService,
    private readonly costs: CostsService,
    private readonly imports: CostImportsService,
    private readonly analyses: AnalysesService,
  ) {}

  onApplicationBootstrap(): void {
    this.runtime.serveQuery(CostQuerySubjects.Estimate, (q: OnDemandEstimateRequest) => this.estimates.estimate(q));
    this.runtime.serveQuery(CostQuerySubjects.EstimateByDeployment, (q: { deploymentId: string }) => this.estimates.getByDeployment(String(q.deploymentId)));
    this.runtime.serveQuery(CostQuerySubjects.Estimates, (q: { stack?: string; environment?: string; limit?: number }) => this.estimates.list(q));
    this.runtime.serveQuery(CostQuerySubjects.Costs, (q: CostQueryInput) => this.costs.costs(q));
    this.runtime.serveQuery(CostQuerySubjects.Variance, (q: { deploymentId?: string; from?: string; to?: string }) => this.costs.variance(q));
    this.runtime.serveQuery(CostQuerySubjects.Budgets, (q: { stack?: string; environment?: string }) => this.budgets.list(q));
    this.runtime.serveQuery(CostQuerySubjects.PutBudget, (q: unknown) => this.budgets.put(q));
    this.runtime.serveQuery(CostQuerySubjects.DeleteBudget, (q: { id?: string }) => this.budgets.delete(String(q.id)));
    this.runtime.serveQuery(CostQuerySubjects.Imports, (q: { limit?: number }) => this.imports.list(q.limit));
    this.runtime.serveQuery(CostQuerySubjects.CompareClouds, (q: unknown) => compareCloudsForPlan(q));
    this.runtime.serveQuery(CostQuerySubjects.Forecast, (q: unknown) => this.analyses.forecast(q));
    this.runtime.serveQuery(CostQuerySubjects.Optimize, (q: unknown) => Promise.resolve(q).then((query) => this.analyses.optimize(query)));
    this.runtime.serveQuery(CostQuerySubjects.AnalyzeResource, (q: unknown) => Promise.resolve(q).then((query) => this.analyses.analyzeResource(query)));
    this.runtime.serveQuery(CostQuerySubjects.CompareSizing, (q: unknown) => Promise.resolve(q).then((query) => this.analyses.sizing(query)));
  }
}
