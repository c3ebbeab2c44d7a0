import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CommandContract } from '../envelope/event-contract';
import { DeploymentPlanV1, InlineXorRef, NAME_HINT, NAME_PATTERN } from '../deployment/deployment-requested.v1';
import { ESTIMATE_COMMITMENTS, ESTIMATE_CURRENCIES, type CommitmentTerm, type EstimateCurrency } from './cost-values';

/** Largest usage file (YAML text) carried in the command, in characters. */
export const MAX_USAGE_FILE_CHARS = 256 * 1024;

@CommandContract({
  agent: 'cost-optimizer',
  verb: 'estimate',
  version: 1,
  producer: 'orchestrator',
  subjectField: 'deploymentId',
  description:
    'The deployment saga asks the cost-optimizer agent to price a Terraform plan for one deployment. It always ' +
    'answers with cost.estimated.v1 (status priced, or failed with the reason), never with silence.',
})
export class CostOptimizerEstimateV1 {
  /** The deployment the estimate is for; echoed in cost.estimated.v1. */
  @IsString()
  @Matches(/^\S{1,128}$/, { message: 'deploymentId must be 1-128 characters without spaces' })
  deploymentId!: string;

  @Matches(NAME_PATTERN, { message: `stack must be ${NAME_HINT}` })
  stack!: string;

  @Matches(NAME_PATTERN, { message: `environment must be ${NAME_HINT}` })
  environment!: string;

  /** The request key of deployment.requested.v1, for tracing the estimate back to the CI run. */
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

  /** Currency of the estimate (default USD). */
  @IsOptional()
  @IsIn(ESTIMATE_CURRENCIES)
  currency?: EstimateCurrency;

  /** Commitment term priced where the catalog has it (default on-demand). */
  @IsOptional()
  @IsIn(ESTIMATE_COMMITMENTS)
  commitment?: CommitmentTerm;

  /** Usage file (YAML text, Infracost's shape) for usage-priced components. */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_USAGE_FILE_CHARS)
  usage?: string;
}
