import { Injectable } from '@nestjs/common';
import { DeploymentRequestedV1, type CloudEvent } from '@cloudwright/contracts';
import { OnEvent, type HandlerContext } from '@cloudwright/messaging';
import { DeploymentCoordinator } from '../saga/deployment-coordinator';

/** JetStream adapter: `deployment.requested.v1` → the saga's intake (idempotent on the request key), in the handler's transaction. */
@Injectable()
export class DeploymentRequestedConsumer {
  constructor(private readonly coordinator: DeploymentCoordinator) {}

  @OnEvent(DeploymentRequestedV1, { name: 'deployment-intake' })
  async handle(event: CloudEvent<DeploymentRequestedV1>, ctx: HandlerContext): Promise<void> {
    const { deploymentId, created } = await this.coordinator.accept(ctx.tx, event);
    ctx.logger.info(
      { deploymentId, requestKey: event.data.requestKey, stack: event.data.stack, environment: event.data.environment, created },
      created ? 'deployment request accepted' : 'deployment request already known; not starting a second deployment',
    );
  }
}
