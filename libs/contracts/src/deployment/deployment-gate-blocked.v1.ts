import 'reflect-metadata';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsString, MaxLength } from 'class-validator';
import { StringRecord } from './deployment-requested.v1';
import { EventContract } from '../envelope/event-contract';
import { DeploymentEventBaseV1, type GateName, GATES } from './deployment-values';

@EventContract({
  domain: 'deployment',
  verb: 'gate-blocked',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'A gate stopped the deployment before anything was provisioned (over budget, blocking findings, plan not deployable, gate error or no answer in time).',
})
export class DeploymentGateBlockedV1 extends DeploymentEventBaseV1 {
  @IsIn(GATES)
  gate!: GateName;

  @IsString()
  @MaxLength(1024)
  summary!: string;

  /** Why, one line each (at most 50). */
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1024, { each: true })
  reasons!: string[];

  @IsObject()
  @StringRecord()
  facts!: Record<string, string>;
}
