import 'reflect-metadata';
import { IsInt, Min } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { DeploymentEventBaseV1 } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'started',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'The deployment took its stack/environment lock and its gates begin.',
})
export class DeploymentStartedV1 extends DeploymentEventBaseV1 {
  /** Resource changes the plan asks for (no-ops excluded). */
  @IsInt()
  @Min(0)
  changes!: number;
}
