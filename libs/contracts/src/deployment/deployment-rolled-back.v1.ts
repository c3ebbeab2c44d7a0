import 'reflect-metadata';
import { IsIn, IsInt, Min } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { DeploymentEventBaseV1, ROLLBACK_REASONS, type RollbackReason } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'rolled-back',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'Every compensation succeeded: the environment is as it was before the deployment.',
})
export class DeploymentRolledBackV1 extends DeploymentEventBaseV1 {
  @IsIn(ROLLBACK_REASONS)
  reason!: RollbackReason;

  @IsInt()
  @Min(0)
  compensated!: number;
}
