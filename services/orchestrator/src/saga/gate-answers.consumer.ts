import { Injectable } from '@nestjs/common';
import { CloudAnalyzedV1, ComplianceScannedV1, CostEstimatedV1, type CloudEvent } from '@cloudwright/contracts';
import { OnEvent, type HandlerContext } from '@cloudwright/messaging';
import { DeploymentCoordinator } from './deployment-coordinator';

/**
 * JetStream adapters for the gates' answers (cloud.analyzed.v1, cost.estimated.v1, compliance.scanned.v1): each is
 * applied to its deployment in the handler's transaction. An answer for a deployment that no longer waits for it
 * (late, duplicate, or requested by someone else) changes nothing and is logged.
 */
@Injectable()
export class GateAnswersConsumer {
  constructor(private readonly coordinator: DeploymentCoordinator) {}

  @OnEvent(CloudAnalyzedV1, { name: 'deployment-coordinator-analysis' })
  async analyzed(event: CloudEvent<CloudAnalyzedV1>, ctx: HandlerContext): Promise<void> {
    this.log(ctx, 'analysis', event.data.deploymentId, await this.coordinator.onAnalyzed(ctx.tx, event.data));
  }

  @OnEvent(CostEstimatedV1, { name: 'deployment-coordinator-cost' })
  async estimated(event: CloudEvent<CostEstimatedV1>, ctx: HandlerContext): Promise<void> {
    this.log(ctx, 'cost', event.data.deploymentId, await this.coordinator.onEstimated(ctx.tx, event.data));
  }

  @OnEvent(ComplianceScannedV1, { name: 'deployment-coordinator-compliance' })
  async scanned(event: CloudEvent<ComplianceScannedV1>, ctx: HandlerContext): Promise<void> {
    this.log(ctx, 'compliance', event.data.deploymentId, await this.coordinator.onScanned(ctx.tx, event.data));
  }

  private log(ctx: HandlerContext, gate: string, deploymentId: string, applied: boolean): void {
    if (applied) ctx.logger.info({ deploymentId, gate }, 'gate answer applied');
    else ctx.logger.info({ deploymentId, gate }, 'gate answer ignored: the deployment is not waiting for it');
  }
}
