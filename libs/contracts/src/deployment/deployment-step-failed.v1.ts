import 'reflect-metadata';
import { IsBoolean, IsString, MaxLength } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { DeploymentStepEventBaseV1 } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'step-failed',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'A provisioning step (or a compensation) failed; willRetry says whether the coordinator tries it again.',
})
export class DeploymentStepFailedV1 extends DeploymentStepEventBaseV1 {
  /** The provider's error code (`quota-exceeded`, `injected-fault`, `timeout`…). */
  @IsString()
  @MaxLength(64)
  errorCode!: string;

  @IsString()
  @MaxLength(4096)
  error!: string;

  @IsBoolean()
  willRetry!: boolean;
}
