import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { CostQuerySubjects } from '@cloudwright/contracts';
import { MessagingRuntime } from '@cloudwright/messaging';
import { CostEstimatesService, type OnDemandEstimateRequest } from '../../estimates/cost-estimates.service';

/** Request/reply adapter: serves the cost-tracker's query subjects (CostQuerySubjects) with the same service methods as HTTP. */
@Injectable()
export class CostQueriesResponder implements OnApplicationBootstrap {
  constructor(
    private readonly runtime: MessagingRuntime,
    private readonly estimates: CostEstimatesService,
  ) {}

  onApplicationBootstrap(): void {
    this.runtime.serveQuery(CostQuerySubjects.Estimate, (q: OnDemandEstimateRequest) => this.estimates.estimate(q));
    this.runtime.serveQuery(CostQuerySubjects.EstimateByDeployment, (q: { deploymentId: string }) => this.estimates.getByDeployment(String(q.deploymentId)));
    this.runtime.serveQuery(CostQuerySubjects.Estimates, (q: { stack?: string; environment?: string; limit?: number }) => this.estimates.list(q));
  }
}
