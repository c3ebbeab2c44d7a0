import 'reflect-metadata';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { DeploymentStepEventBaseV1 } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'step-succeeded',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'A provisioning step (or a compensation) finished.',
})
export class DeploymentStepSucceededV1 extends DeploymentStepEventBaseV1 {
  /** The cloud's id of the resource (absent after a delete). */
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  providerId?: string;

  @IsInt()
  @Min(0)
  durationMs!: number;
}
