import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { CURRENCY_PATTERN, DAY_PATTERN, IsDecimalString } from './cost-values';

/** Charge period covered by the imported rows (first and last charge day, inclusive). */
export class ChargePeriodV1 {
  @Matches(DAY_PATTERN, { message: 'start must be a YYYY-MM-DD date' })
  start!: string;

  @Matches(DAY_PATTERN, { message: 'end must be a YYYY-MM-DD date' })
  end!: string;
}

/** Sum of the imported rows in one billing currency. */
export class CurrencyTotalV1 {
  @Matches(CURRENCY_PATTERN, { message: 'currency must be an ISO 4217 code such as USD' })
  currency!: string;

  @IsDecimalString()
  billedCost!: string;

  @IsDecimalString()
  effectiveCost!: string;
}

@EventContract({
  domain: 'cost',
  verb: 'actuals-imported',
  version: 1,
  producer: 'cost-tracker',
  subjectField: 'importId',
  description:
    'The cost-tracking agent imported a FOCUS billing export: rows imported (and skipped as invalid), the charge ' +
    'period covered and the totals per billing currency. Budgets and anomalies are evaluated after it.',
})
export class CostActualsImportedV1 {
  @IsString()
  @Matches(/^\S{1,128}$/, { message: 'importId must be 1-128 characters without spaces' })
  importId!: string;

  /** Base name of the imported file (or `upload` for a streamed body). */
  @IsString()
  @MaxLength(512)
  fileName!: string;

  /** SHA-256 of the file bytes: the same file is never imported twice. */
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex characters' })
  sha256!: string;

  @IsInt()
  @Min(0)
  rows!: number;

  /** Invalid rows left out (only with skipInvalid; an atomic import rejects the whole file instead). */
  @IsInt()
  @Min(0)
  skippedRows!: number;

  @IsObject()
  @ValidateNested()
  @Type(() => ChargePeriodV1)
  period!: ChargePeriodV1;

  @IsArray()
  @ArrayMaxSize(32)
  @ValidateNested({ each: true })
  @Type(() => CurrencyTotalV1)
  totals!: CurrencyTotalV1[];
}
