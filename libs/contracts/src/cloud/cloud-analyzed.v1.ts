import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { CLOUDS, NAME_HINT, NAME_PATTERN, type Cloud } from '../deployment/deployment-requested.v1';
import { ANALYSIS_STATUSES, type AnalysisStatus } from './cloud-values';

/** One cloud's suitability for the workload. */
export class CloudScoreV1 {
  @IsIn(CLOUDS)
  cloud!: Cloud;

  /** 0–100. */
  @IsInt()
  @Min(0)
  @Max(100)
  score!: number;

  /** Score per dimension (services, regions, certifications, cost, compliance), 0–100; a dimension with no data is absent. */
  @IsObject()
  dimensions!: Record<string, number>;

  /** Why, one line each. */
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1024, { each: true })
  reasons!: string[];
}

@EventContract({
  domain: 'cloud',
  verb: 'analyzed',
  version: 1,
  producer: 'orchestrator (cloud-analyzer)',
  subjectField: 'deploymentId',
  description:
    'The cloud analyzer scored each cloud for a deployment and decided whether the plan can go to the target clouds ' +
    '(passed) or not (blocked, with reasons). status failed carries the error (unreadable plan…).',
})
export class CloudAnalyzedV1 {
  @IsString()
  @Matches(/^\S{1,128}$/, { message: 'deploymentId must be 1-128 characters without spaces' })
  deploymentId!: string;

  @Matches(NAME_PATTERN, { message: `stack must be ${NAME_HINT}` })
  stack!: string;

  @Matches(NAME_PATTERN, { message: `environment must be ${NAME_HINT}` })
  environment!: string;

  @IsIn(ANALYSIS_STATUSES)
  status!: AnalysisStatus;

  @IsIn(['passed', 'blocked'])
  verdict!: 'passed' | 'blocked';

  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1024, { each: true })
  reasons!: string[];

  @IsArray()
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => CloudScoreV1)
  scores!: CloudScoreV1[];

  /** The best-scoring cloud for the workload (null when none can run it). */
  @IsOptional()
  @IsIn(CLOUDS)
  recommendation!: Cloud | null;

  /** The clouds the saga deploys to: the target clouds, or with `auto` the ones the analyzer selected. */
  @IsArray()
  @IsIn(CLOUDS, { each: true })
  selectedClouds!: Cloud[];

  @IsOptional()
  @IsString()
  @MaxLength(4096)
  error?: string;
}
