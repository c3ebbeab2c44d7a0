import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CommandContract } from '../envelope/event-contract';
import { DeploymentPlanV1, InlineXorRef, NAME_HINT, NAME_PATTERN } from '../deployment/deployment-requested.v1';
import { EVIDENCE_KEY_PATTERN, FRAMEWORK_NAME_PATTERN } from './compliance-values';

/** Evidence a plan cannot give (runbooks written, MFA enforced…), supplied with the scan request. */
export class EvidenceItemV1 {
  @Matches(EVIDENCE_KEY_PATTERN, { message: 'key must be kebab-case, at most 64 characters' })
  key!: string;

  @IsBoolean()
  value!: boolean;

  /** Where the evidence comes from (URL, ticket, person). */
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  source?: string;
}

@CommandContract({
  agent: 'compliance-orchestrator',
  verb: 'scan',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'The deployment saga asks the compliance-orchestrator agent to scan the Terraform plan of a deployment against the ' +
    'rule set and frameworks. It always answers with compliance.scanned.v1 (status scanned with the gate verdict, or ' +
    'failed with the reason), never with silence.',
})
export class ComplianceOrchestratorScanV1 {
  @IsString()
  @Matches(/^\S{1,128}$/, { message: 'deploymentId must be 1-128 characters without spaces' })
  deploymentId!: string;

  @Matches(NAME_PATTERN, { message: `stack must be ${NAME_HINT}` })
  stack!: string;

  @Matches(NAME_PATTERN, { message: `environment must be ${NAME_HINT}` })
  environment!: string;

  @IsOptional()
  @IsString()
  @Matches(/^\S{1,512}$/, { message: 'requestKey must be 1-512 characters without spaces' })
  requestKey?: string;

  /** The Terraform plan (`terraform show -json`), inline or as a reference, as in deployment.requested.v1. */
  @IsObject()
  @InlineXorRef()
  @ValidateNested()
  @Type(() => DeploymentPlanV1)
  plan!: DeploymentPlanV1;

  /** Framework ids or aliases to score (default: the environment's policy, else every framework). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(64)
  @Matches(FRAMEWORK_NAME_PATTERN, { each: true, message: 'frameworks must be framework ids such as pci-dss-4.0' })
  frameworks?: string[];

  /** Evidence for rules a plan cannot answer; merged over the evidence stored for the stack. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(256)
  @ValidateNested({ each: true })
  @Type(() => EvidenceItemV1)
  evidence?: EvidenceItemV1[];
}
