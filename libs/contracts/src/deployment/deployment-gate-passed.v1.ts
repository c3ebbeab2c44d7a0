import 'reflect-metadata';
import { IsIn, IsObject, IsString, MaxLength } from 'class-validator';
import { StringRecord } from './deployment-requested.v1';
import { EventContract } from '../envelope/event-contract';
import { DeploymentEventBaseV1, type GateName, GATES } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'gate-passed',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'A gate (analysis, cost, compliance, approval) let the deployment through; its result is part of the deployment record.',
})
export class DeploymentGatePassedV1 extends DeploymentEventBaseV1 {
  @IsIn(GATES)
  gate!: GateName;

  @IsString()
  @MaxLength(1024)
  summary!: string;

  /** Headline figures of the gate (monthly cost, score, approvers…), as strings. */
  @IsObject()
  @StringRecord()
  facts!: Record<string, string>;
}
