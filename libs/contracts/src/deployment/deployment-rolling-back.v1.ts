import 'reflect-metadata';
import { IsIn, IsInt, IsString, MaxLength, Min } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { DeploymentEventBaseV1, ROLLBACK_REASONS, type RollbackReason } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'rolling-back',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'Compensations of the steps that ran are being run in reverse order (after a failure, a cancel or a timeout).',
})
export class DeploymentRollingBackV1 extends DeploymentEventBaseV1 {
  @IsIn(ROLLBACK_REASONS)
  reason!: RollbackReason;

  @IsString()
  @MaxLength(4096)
  detail!: string;

  /** Compensations to run. */
  @IsInt()
  @Min(0)
  compensations!: number;
}
