import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
  ValidateIf,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { EventContract } from '../envelope/event-contract';

export const CLOUDS = ['aws', 'azure', 'gcp'] as const;
export type Cloud = (typeof CLOUDS)[number];
export type TargetCloud = Cloud | 'auto';

export const CI_PROVIDERS = ['github-actions', 'gitlab-ci', 'azure-pipelines', 'jenkins', 'circleci', 'buildkite', 'cli', 'other'] as const;
export type CiProvider = (typeof CI_PROVIDERS)[number];

/**
 * Largest Terraform plan JSON carried inline, in bytes of its JSON text. NATS' default max payload is 1 MiB and
 * the envelope needs room; a larger plan is uploaded by the publisher and passed as `plan.ref`.
 */
export const MAX_INLINE_PLAN_BYTES = 512 * 1024;

/** Stack and environment names. */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;
export const NAME_HINT = 'lower-case letters, digits, ".", "_" or "-", starting with a letter or digit, at most 63 characters';
const NAME = NAME_PATTERN;

function InlinePlanWithinLimit(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'inlinePlanWithinLimit',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => value === undefined || Buffer.byteLength(JSON.stringify(value), 'utf8') <= MAX_INLINE_PLAN_BYTES,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} is larger than ${MAX_INLINE_PLAN_BYTES} bytes: upload the plan and send plan.ref instead`,
      },
    });
}

function TargetCloudList(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'targetCloudList',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => !Array.isArray(value) || !value.includes('auto') || value.length === 1,
        defaultMessage: () => 'targetClouds is either ["auto"] or a list of clouds (aws, azure, gcp), not both',
      },
    });
}

/** Where a plan too large to travel inline was stored by the publisher. */
export class PlanReferenceV1 {
  /** `s3://…`, `gs://…`, `https://…`, `azblob://…` or `file://…` (local runs). */
  @IsString()
  @Matches(/^(s3|gs|https|azblob|file):\/\/\S+$/, { message: 'uri must be an s3://, gs://, https://, azblob:// or file:// URI' })
  @MaxLength(2048)
  uri!: string;

  /** Lower-case hex SHA-256 of the plan JSON bytes, checked by the reader. */
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex characters' })
  sha256!: string;

  @IsInt()
  @Min(1)
  sizeBytes!: number;
}

/**
 * On the property holding a `DeploymentPlanV1`: exactly one of `inline` and `ref`. It sits on the parent's property
 * (not inside the plan) so the error names the plan (`data.plan`), not an unrelated field of it.
 */
export function InlineXorRef(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'inlineXorRef',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return true; // reported by @IsObject
          const plan = value as Partial<DeploymentPlanV1>;
          return (plan.inline === undefined) !== (plan.ref === undefined);
        },
        defaultMessage: (args: ValidationArguments) =>
          `exactly one of ${args.property}.inline (the plan JSON) and ${args.property}.ref (where it was uploaded) is required`,
      },
    });
}

/** A JSON object whose values are all strings (labels). */
export function StringRecord(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'stringRecord',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'object' || value === null || Array.isArray(value) || Object.values(value).every((v) => typeof v === 'string'),
        defaultMessage: (args: ValidationArguments) => `every value of ${args.property} must be a string`,
      },
    });
}

/** The Terraform plan, as `terraform show -json` prints it: inline, or a reference when large. */
export class DeploymentPlanV1 {
  @IsIn(['terraform-plan-json'])
  format!: 'terraform-plan-json';

  /** The plan JSON itself (exactly one of `inline` and `ref`). */
  @ValidateIf((plan: DeploymentPlanV1) => plan.inline !== undefined)
  @IsObject()
  @InlinePlanWithinLimit()
  inline?: Record<string, unknown>;

  @ValidateIf((plan: DeploymentPlanV1) => plan.ref !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => PlanReferenceV1)
  ref?: PlanReferenceV1;
}

/** Who asked, from which pipeline run and commit. */
export class CiMetadataV1 {
  @IsIn(CI_PROVIDERS)
  provider!: CiProvider;

  /** The CI system's run id (GitHub `run_id`, GitLab `CI_PIPELINE_ID`, …). */
  @IsString()
  @Matches(/^\S{1,128}$/, { message: 'runId must be 1-128 characters without spaces' })
  runId!: string;

  /** Attempt of a re-run; a re-run of the same job keeps the same request key and so the same deployment. */
  @IsOptional()
  @IsInt()
  @Min(1)
  runAttempt?: number;

  /** Commit SHA (7-64 hex characters). */
  @Matches(/^[0-9a-f]{7,64}$/, { message: 'commit must be a hex commit SHA (7-64 characters)' })
  commit!: string;

  /** Person or bot that triggered the run. */
  @IsString()
  @Matches(/^\S.{0,254}$/, { message: 'actor must be 1-255 characters' })
  actor!: string;

  /** `owner/name` or the repository URL. */
  @IsString()
  @Matches(/^\S{1,512}$/, { message: 'repository must be 1-512 characters without spaces' })
  repository!: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  branch?: string;

  /** Link back to the pipeline run, shown on dashboards and alerts. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'runUrl must be an http(s) URL' })
  runUrl?: string;
}

@EventContract({
  domain: 'deployment',
  verb: 'requested',
  version: 1,
  producer: 'ci',
  subjectField: 'requestKey',
  description:
    'A CI pipeline (or an operator through the CLI or HTTP API) asks Cloudwright to deploy a Terraform plan for one ' +
    'stack and environment. Idempotent on requestKey: the same key never starts a second deployment.',
})
export class DeploymentRequestedV1 {
  /**
   * Idempotency key, stable across re-runs of the same CI job. Recommended:
   * `<provider>:<repository>:<runId>:<stack>:<environment>` (see `deploymentRequestKey`).
   */
  @IsString()
  @Matches(/^\S{1,512}$/, { message: 'requestKey must be 1-512 characters without spaces' })
  requestKey!: string;

  @Matches(NAME, { message: `stack must be ${NAME_HINT}` })
  stack!: string;

  @Matches(NAME, { message: `environment must be ${NAME_HINT}` })
  environment!: string;

  /** `["auto"]` lets the cloud analyzer choose; else the clouds to deploy to. */
  @ArrayNotEmpty()
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn([...CLOUDS, 'auto'], { each: true })
  @TargetCloudList()
  targetClouds!: TargetCloud[];

  @IsObject()
  @InlineXorRef()
  @ValidateNested()
  @Type(() => DeploymentPlanV1)
  plan!: DeploymentPlanV1;

  @IsObject()
  @ValidateNested()
  @Type(() => CiMetadataV1)
  ci!: CiMetadataV1;

  /** Free-form labels shown on dashboards (team, ticket, …). */
  @IsOptional()
  @IsObject()
  @StringRecord()
  labels?: Record<string, string>;
}

/** The recommended request key: a re-run of the same CI job maps to the same deployment. */
export function deploymentRequestKey(ci: Pick<CiMetadataV1, 'provider' | 'repository' | 'runId'>, stack: string, environment: string): string {
  return `${ci.provider}:${ci.repository}:${ci.runId}:${stack}:${environment}`;
}
