import 'reflect-metadata';
import { ArrayMaxSize, IsArray, IsInt, IsString, Matches, MaxLength, Min } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { DeploymentEventBaseV1, RFC3339 } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'approval-requested',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'The environment requires approval: the deployment waits for the required approvals until the deadline (no decision by then = denied).',
})
export class DeploymentApprovalRequestedV1 extends DeploymentEventBaseV1 {
  /** Approvals needed from distinct approvers. */
  @IsInt()
  @Min(1)
  required!: number;

  /** Who may approve (API token names); empty = anyone with the approver or admin role. */
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  approvers!: string[];

  @Matches(RFC3339, { message: 'deadline must be an RFC 3339 timestamp' })
  deadline!: string;
}
