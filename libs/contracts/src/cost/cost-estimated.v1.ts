import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { NAME_HINT, NAME_PATTERN } from '../deployment/deployment-requested.v1';
import { CURRENCY_PATTERN, DAY_PATTERN, IsDecimalString } from './cost-values';

/** At most this many unsupported resources are listed in the event (the count is always complete). */
export const MAX_LISTED_UNSUPPORTED = 50;

export const ESTIMATE_STATUSES = ['priced', 'failed'] as const;
export type EstimateStatus = (typeof ESTIMATE_STATUSES)[number];
export const BUDGET_VERDICTS = ['within', 'over', 'no-budget'] as const;
export type BudgetVerdict = (typeof BUDGET_VERDICTS)[number];

/** Totals of an estimate, in its currency. */
export class CostTotalsV1 {
  @IsDecimalString()
  hourly!: string;

  @IsDecimalString()
  monthly!: string;

  @IsDecimalString()
  yearly!: string;

  /** Monthly cost of the resources before the change (0 for a fresh stack). */
  @IsDecimalString()
  pastMonthly!: string;

  /** monthly - pastMonthly. */
  @IsDecimalString()
  diffMonthly!: string;
}

/** A resource the engine could not price (no price in the catalog, unknown type…): never counted as $0 silently. */
export class UnsupportedResourceV1 {
  @IsString()
  @MaxLength(1024)
  address!: string;

  @IsString()
  @MaxLength(256)
  type!: string;

  @IsString()
  @MaxLength(1024)
  reason!: string;
}

export class PricesAsOfV1 {
  @Matches(DAY_PATTERN, { message: 'earliest must be a YYYY-MM-DD date' })
  earliest!: string;

  @Matches(DAY_PATTERN, { message: 'latest must be a YYYY-MM-DD date' })
  latest!: string;
}

/** What the budget gate needs: is the stack/environment still within its monthly budget after this change? */
export class BudgetVerdictV1 {
  @IsIn(BUDGET_VERDICTS)
  verdict!: BudgetVerdict;

  /** The monthly budget amount, when one is set. */
  @IsOptional()
  @IsDecimalString()
  budget?: string;

  /** Monthly cost of the stack/environment once the change is applied (see `reason` for how it was projected). */
  @IsDecimalString()
  projectedMonthly!: string;

  /** projectedMonthly as a percentage of the budget. */
  @IsOptional()
  @IsDecimalString()
  thresholdPct?: string;

  /** One sentence saying how the verdict was reached. */
  @IsString()
  @MaxLength(1024)
  reason!: string;
}

export class EstimateFailureV1 {
  /** Stable code: VALIDATION_FAILED (bad plan or usage file), NOT_FOUND (plan reference unreadable), INTERNAL. */
  @IsString()
  @Matches(/^[A-Z_]{1,64}$/, { message: 'code must be an upper-case error code' })
  code!: string;

  @IsString()
  @MaxLength(4096)
  message!: string;

  /** JSON path (plan) or `file:line:column` (usage file) of the offending value, when known. */
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  path?: string;
}

/** On `status`: `priced` requires totals, counts and budget; `failed` requires error. */
function PricedOrFailed(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'pricedOrFailed',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const o = (args?.object ?? {}) as Partial<CostEstimatedV1>;
          if (value === 'priced') return o.totals !== undefined && o.budget !== undefined && o.error === undefined;
          if (value === 'failed') return o.error !== undefined && o.totals === undefined;
          return true; // reported by @IsIn
        },
        defaultMessage: () => 'status "priced" requires totals and budget and no error; status "failed" requires error and no totals',
      },
    });
}

@EventContract({
  domain: 'cost',
  verb: 'estimated',
  version: 1,
  producer: 'cost-tracker',
  subjectField: 'deploymentId',
  description:
    'The cost-optimizer agent priced (or failed to price) the plan of a deployment: totals, unsupported resources, ' +
    'catalog version and the budget verdict for the stack and environment. Answers cost-optimizer.estimate.v1.',
})
export class CostEstimatedV1 {
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

  @IsIn(ESTIMATE_STATUSES)
  @PricedOrFailed()
  status!: EstimateStatus;

  @Matches(CURRENCY_PATTERN, { message: 'currency must be an ISO 4217 code such as USD' })
  currency!: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CostTotalsV1)
  totals?: CostTotalsV1;

  /** Resources priced (0 when failed). */
  @IsInt()
  @Min(0)
  resourceCount!: number;

  @IsInt()
  @Min(0)
  unsupportedCount!: number;

  /** The first MAX_LISTED_UNSUPPORTED unsupported resources. */
  @IsArray()
  @ArrayMaxSize(MAX_LISTED_UNSUPPORTED)
  @ValidateNested({ each: true })
  @Type(() => UnsupportedResourceV1)
  unsupported!: UnsupportedResourceV1[];

  @IsOptional()
  @IsString()
  @MaxLength(128)
  catalogVersion?: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PricesAsOfV1)
  pricesAsOf?: PricesAsOfV1;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BudgetVerdictV1)
  budget?: BudgetVerdictV1;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => EstimateFailureV1)
  error?: EstimateFailureV1;
}
