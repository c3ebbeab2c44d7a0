import 'reflect-metadata';
import { IsInt, Min } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { DeploymentEventBaseV1 } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'succeeded',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'Every step succeeded and the resources passed their health checks; the stack/environment is at a new revision. Inventory, cost tracking and DR react to it.',
})
export class DeploymentSucceededV1 extends DeploymentEventBaseV1 {
  /** Revision of the stack/environment this deployment produced (1, 2, …). */
  @IsInt()
  @Min(1)
  revision!: number;

  @IsInt() @Min(0) created!: number;
  @IsInt() @Min(0) updated!: number;
  @IsInt() @Min(0) deleted!: number;

  @IsInt()
  @Min(0)
  durationMs!: number;
}
