import 'reflect-metadata';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { DeploymentEventBaseV1 } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'cancelled',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'An operator cancelled the deployment; anything it had provisioned was compensated first.',
})
export class DeploymentCancelledV1 extends DeploymentEventBaseV1 {
  @IsString()
  @MaxLength(128)
  by!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2048)
  reason?: string;

  /** Compensations that ran before the cancel completed. */
  @IsInt()
  @Min(0)
  compensated!: number;
}
