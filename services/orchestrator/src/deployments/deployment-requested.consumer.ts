import { Injectable } from '@nestjs/common';
import { DeploymentRequestedV1, type CloudEvent } from '@cloudwright/contracts';
import { OnEvent, type HandlerContext } from '@cloudwright/messaging';
import { DeploymentIntakeService } from './deployment-intake.service';

/** JetStream adapter: `deployment.requested.v1` → DeploymentIntakeService.accept, in the handler's transaction. */
@Injectable()
export class DeploymentRequestedConsumer {
  constructor(private readonly intake: DeploymentIntakeService) {}

  @OnEvent(DeploymentRequestedV1, { name: 'deployment-intake' })
  async handle(event: CloudEvent<DeploymentRequestedV1>, ctx: HandlerContext): Promise<void> {
    await this.intake.accept(event, ctx);
  }
}
