import 'reflect-metadata';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { DeploymentEventBaseV1 } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'queued',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'The deployment waits for its stack/environment lock, held by another deployment. Queued requests run in arrival order and are never dropped.',
})
export class DeploymentQueuedV1 extends DeploymentEventBaseV1 {
  /** 1 = next to run. */
  @IsInt()
  @Min(1)
  position!: number;

  /** The deployment holding the lock now. */
  @IsOptional()
  @IsUUID()
  heldBy?: string;
}
