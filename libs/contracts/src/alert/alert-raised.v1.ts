import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { NAME_HINT, NAME_PATTERN, StringRecord } from '../deployment/deployment-requested.v1';
import { RFC3339_PATTERN } from '../envelope/validation';
import { ALERT_KIND_PATTERN, ALERT_SEVERITIES, AlertLinkV1, DEDUP_KEY_PATTERN, type AlertSeverity } from './alert-values';

@EventContract({
  domain: 'alert',
  verb: 'raised',
  version: 1,
  producer: 'every service',
  subjectField: 'dedupKey',
  description:
    'Something needs a human: a budget threshold crossed, a cost anomaly, a failed compensation… Raised once per ' +
    'dedupKey while the condition holds; alert.resolved.v1 with the same dedupKey ends it. Forwarded to on-call tools.',
})
export class AlertRaisedV1 {
  /** Stable identity of the alert; the same condition raised again keeps the same key (PagerDuty dedup_key). */
  @Matches(DEDUP_KEY_PATTERN, { message: 'dedupKey must be 1-512 characters: letters, digits and : . _ / @ = + -' })
  dedupKey!: string;

  @Matches(ALERT_KIND_PATTERN, { message: 'kind must be kebab-case, e.g. cost-budget' })
  kind!: string;

  @IsIn(ALERT_SEVERITIES)
  severity!: AlertSeverity;

  @IsString()
  @MaxLength(256)
  title!: string;

  @IsString()
  @MaxLength(4096)
  description!: string;

  @IsOptional()
  @Matches(NAME_PATTERN, { message: `environment must be ${NAME_HINT}` })
  environment?: string;

  @IsOptional()
  @Matches(NAME_PATTERN, { message: `stack must be ${NAME_HINT}` })
  stack?: string;

  /** The service that raised it: `cost-tracker`. */
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'source must be a service name, e.g. cost-tracker' })
  source!: string;

  /** Facts for routing and display (threshold, budget id, service…). */
  @IsObject()
  @StringRecord()
  labels!: Record<string, string>;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AlertLinkV1)
  links?: AlertLinkV1[];

  /** When the condition was detected (RFC 3339). */
  @Matches(RFC3339_PATTERN, { message: 'raisedAt must be an RFC 3339 timestamp' })
  raisedAt!: string;
}
