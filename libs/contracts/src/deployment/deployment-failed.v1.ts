import 'reflect-metadata';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { DeploymentEventBaseV1 } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'failed',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'A step failed for good (retries spent or not retryable). Next: rolling back, or paused for an operator when the environment says so.',
})
export class DeploymentFailedV1 extends DeploymentEventBaseV1 {
  @IsString()
  @MaxLength(4096)
  reason!: string;

  @IsOptional()
  @IsUUID()
  failedStepId?: string;

  @IsIn(['rolling-back', 'paused'])
  next!: 'rolling-back' | 'paused';
}
