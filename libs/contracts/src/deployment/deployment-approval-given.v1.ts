import 'reflect-metadata';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { APPROVAL_DECISIONS, type ApprovalDecision, DeploymentEventBaseV1 } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'approval-given',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'An approver approved or rejected the deployment; recorded with who, when and the comment.',
})
export class DeploymentApprovalGivenV1 extends DeploymentEventBaseV1 {
  @IsString()
  @MaxLength(128)
  approver!: string;

  @IsIn(APPROVAL_DECISIONS)
  decision!: ApprovalDecision;

  @IsOptional()
  @IsString()
  @MaxLength(2048)
  comment?: string;

  /** Approvals counted so far (distinct approvers) and how many are required. */
  @IsInt()
  @Min(0)
  approvals!: number;

  @IsInt()
  @Min(1)
  required!: number;
}
