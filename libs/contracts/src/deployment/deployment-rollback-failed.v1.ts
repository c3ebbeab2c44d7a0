import 'reflect-metadata';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { DeploymentEventBaseV1 } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'rollback-failed',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'A compensation kept failing after its retries: the environment needs a human. The deployment keeps its lock in rollback-failed until an operator retries or cancels.',
})
export class DeploymentRollbackFailedV1 extends DeploymentEventBaseV1 {
  @IsUUID()
  failedStepId!: string;

  @IsString()
  @MaxLength(1024)
  address!: string;

  @IsString()
  @MaxLength(4096)
  error!: string;
}
