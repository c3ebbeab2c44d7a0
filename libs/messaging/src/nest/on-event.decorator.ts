import { SetMetadata } from '@nestjs/common';
import { type EventClass } from '@cloudwright/contracts';
import { type ConsumerOptions } from '../consuming/consumer-options';

export const ON_EVENT_METADATA = 'cloudwright:on-event';

export interface OnEventMetadata {
  contract: EventClass;
  options: ConsumerOptions;
}

/**
 * Marks a provider method as the handler of an event contract: `@OnEvent(DeploymentRequestedV1)`, or of a command
 * addressed to this agent (`@CommandContract`): `@OnEvent(CostOptimizerEstimateV1)` consumes it from CW_COMMANDS.
 * The method receives `(event: CloudEvent<T>, ctx: HandlerContext)` and runs in the handler's transaction.
 */
export const OnEvent = (contract: EventClass, options: ConsumerOptions = {}): MethodDecorator =>
  SetMetadata<string, OnEventMetadata>(ON_EVENT_METADATA, { contract, options });
