import 'reflect-metadata';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { DeploymentEventBaseV1 } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'rejected',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'The approval gate denied the deployment: an approver rejected it, or nobody approved it before the deadline.',
})
export class DeploymentRejectedV1 extends DeploymentEventBaseV1 {
  @IsIn(['approver', 'timeout'])
  cause!: 'approver' | 'timeout';

  @IsOptional()
  @IsString()
  @MaxLength(128)
  by?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2048)
  comment?: string;
}
