import { Injectable } from '@nestjs/common';
import { CostOptimizerEstimateV1, type CloudEvent } from '@cloudwright/contracts';
import { OnEvent, type HandlerContext } from '@cloudwright/messaging';
import { CostEstimatesService } from './cost-estimates.service';

/** JetStream adapter: `cost-optimizer.estimate.v1` (CW_COMMANDS) → CostEstimatesService.estimateForDeployment, in the handler's transaction. */
@Injectable()
export class EstimateCommandConsumer {
  constructor(private readonly estimates: CostEstimatesService) {}

  // pricing is CPU work: small batches keep the ack timer of the batch's last command well inside ackWait
  @OnEvent(CostOptimizerEstimateV1, { name: 'cost-optimizer-estimate', batchSize: 8 })
  async handle(event: CloudEvent<CostOptimizerEstimateV1>, ctx: HandlerContext): Promise<void> {
    await this.estimates.estimateForDeployment(event, ctx);
  }
}
