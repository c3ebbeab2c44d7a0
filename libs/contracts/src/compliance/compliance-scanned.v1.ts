import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { NAME_HINT, NAME_PATTERN } from '../deployment/deployment-requested.v1';
import { COMPLIANCE_SEVERITIES, FRAMEWORK_NAME_PATTERN, type ComplianceSeverity } from './compliance-values';

/** At most this many blocking findings are listed in the event (the counts are always complete). */
export const MAX_LISTED_BLOCKING = 50;

export const SCAN_STATUSES = ['scanned', 'failed'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];
export const GATE_VERDICTS = ['passed', 'blocked'] as const;
export type GateVerdictValue = (typeof GATE_VERDICTS)[number];

export class FrameworkScoreV1 {
  @Matches(FRAMEWORK_NAME_PATTERN, { message: 'framework must be a framework id' })
  framework!: string;

  /** 0–100, null when no requirement could be evaluated. */
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  score!: number | null;

  @IsInt() @Min(0) passed!: number;
  @IsInt() @Min(0) failed!: number;
  @IsInt() @Min(0) unknown!: number;
  @IsInt() @Min(0) manual!: number;
  @IsInt() @Min(0) notApplicable!: number;
  @IsInt() @Min(0) muted!: number;
}

export class ComplianceScoresV1 {
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  overall!: number | null;

  @IsArray()
  @ArrayMaxSize(128)
  @ValidateNested({ each: true })
  @Type(() => FrameworkScoreV1)
  frameworks!: FrameworkScoreV1[];
}

/** Failing (not waived) findings per severity, and the other statuses. */
export class FindingCountsV1 {
  @IsInt() @Min(0) critical!: number;
  @IsInt() @Min(0) high!: number;
  @IsInt() @Min(0) medium!: number;
  @IsInt() @Min(0) low!: number;
  @IsInt() @Min(0) info!: number;
  @IsInt() @Min(0) unknown!: number;
  @IsInt() @Min(0) manual!: number;
  @IsInt() @Min(0) muted!: number;
  @IsInt() @Min(0) passed!: number;
}

export class BlockingFindingV1 {
  @IsString()
  @MaxLength(64)
  ruleId!: string;

  @IsString()
  @MaxLength(512)
  title!: string;

  @IsIn(COMPLIANCE_SEVERITIES)
  severity!: ComplianceSeverity;

  @IsString()
  @MaxLength(1024)
  address!: string;
}

export class ComplianceGateV1 {
  @IsIn(GATE_VERDICTS)
  verdict!: GateVerdictValue;

  /** The environment's threshold: failing findings at or above it block. */
  @IsIn(COMPLIANCE_SEVERITIES)
  blockOn!: ComplianceSeverity;

  /** Why it blocked (empty when passed). */
  @IsArray()
  @ArrayMaxSize(16)
  @IsString({ each: true })
  @MaxLength(1024, { each: true })
  reasons!: string[];

  /** The first MAX_LISTED_BLOCKING blocking findings. */
  @IsArray()
  @ArrayMaxSize(MAX_LISTED_BLOCKING)
  @ValidateNested({ each: true })
  @Type(() => BlockingFindingV1)
  blocking!: BlockingFindingV1[];
}

export class ScanFailureV1 {
  /** Stable code: VALIDATION_FAILED (bad plan, unknown framework), NOT_FOUND (plan reference unreadable), INTERNAL. */
  @IsString()
  @Matches(/^[A-Z_]{1,64}$/, { message: 'code must be an upper-case error code' })
  code!: string;

  @IsString()
  @MaxLength(4096)
  message!: string;

  /** JSON path of the offending value in the plan, when known. */
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  path?: string;
}

/** On `status`: `scanned` requires scanId, gate, scores and counts; `failed` requires error. */
function ScannedOrFailed(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'scannedOrFailed',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const o = (args?.object ?? {}) as Partial<ComplianceScannedV1>;
          if (value === 'scanned') return o.gate !== undefined && o.scores !== undefined && o.counts !== undefined && o.error === undefined;
          if (value === 'failed') return o.error !== undefined && o.gate === undefined;
          return true;
        },
        defaultMessage: () => 'status "scanned" requires gate, scores and counts and no error; status "failed" requires error and no gate',
      },
    });
}

@EventContract({
  domain: 'compliance',
  verb: 'scanned',
  version: 1,
  producer: 'compliance',
  subjectField: 'deploymentId',
  description:
    'The compliance-orchestrator agent scanned (or failed to scan) the plan of a deployment: the gate verdict (blocked ' +
    'when an unwaived finding at or above the environment threshold remains), framework scores and finding counts. ' +
    'Answers compliance-orchestrator.scan.v1.',
})
export class ComplianceScannedV1 {
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

  @IsIn(SCAN_STATUSES)
  @ScannedOrFailed()
  status!: ScanStatus;

  /** Id of the stored scan (query it for the findings). */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  scanId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  ruleSetVersion?: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ComplianceGateV1)
  gate?: ComplianceGateV1;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ComplianceScoresV1)
  scores?: ComplianceScoresV1;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FindingCountsV1)
  counts?: FindingCountsV1;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ScanFailureV1)
  error?: ScanFailureV1;
}
