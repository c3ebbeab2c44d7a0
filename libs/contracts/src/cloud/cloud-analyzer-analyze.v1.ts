import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CommandContract } from '../envelope/event-contract';
import { CLOUDS, DeploymentPlanV1, InlineXorRef, NAME_HINT, NAME_PATTERN, type TargetCloud } from '../deployment/deployment-requested.v1';
import { RESIDENCY_AREAS, type ResidencyArea } from './cloud-values';

/** What the workload needs beyond its resources: where its data may live, which certifications the clouds must hold. */
export class WorkloadRequirementsV1 {
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(RESIDENCY_AREAS, { each: true })
  residency?: ResidencyArea[];

  /** Certification ids, e.g. `hipaa`, `pci-dss`, `fedramp-moderate`, `iso-27001`, `soc-2`, `c5`. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(32)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  certifications?: string[];
}

@CommandContract({
  agent: 'cloud-analyzer',
  verb: 'analyze',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'The deployment saga asks the cloud-analyzer agent to score each cloud 0-100 for a plan and to say whether the ' +
    'plan can be deployed to the target clouds. Always answered with cloud.analyzed.v1.',
})
export class CloudAnalyzerAnalyzeV1 {
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

  /** As in deployment.requested.v1: `["auto"]` or clouds. */
  @ArrayNotEmpty()
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn([...CLOUDS, 'auto'], { each: true })
  targetClouds!: TargetCloud[];

  @IsObject()
  @InlineXorRef()
  @ValidateNested()
  @Type(() => DeploymentPlanV1)
  plan!: DeploymentPlanV1;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WorkloadRequirementsV1)
  requirements?: WorkloadRequirementsV1;
}
