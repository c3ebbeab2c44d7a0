import 'reflect-metadata';
import { IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EventContract } from '../envelope/event-contract';
import { NAME_HINT, NAME_PATTERN, StringRecord } from '../deployment/deployment-requested.v1';
import { RFC3339_PATTERN } from '../envelope/validation';
import { ALERT_KIND_PATTERN, DEDUP_KEY_PATTERN } from './alert-values';

@EventContract({
  domain: 'alert',
  verb: 'resolved',
  version: 1,
  producer: 'every service',
  subjectField: 'dedupKey',
  description: 'The condition of an alert raised with the same dedupKey no longer holds (explicit resolve).',
})
export class AlertResolvedV1 {
  @Matches(DEDUP_KEY_PATTERN, { message: 'dedupKey must be 1-512 characters: letters, digits and : . _ / @ = + -' })
  dedupKey!: string;

  @Matches(ALERT_KIND_PATTERN, { message: 'kind must be kebab-case, e.g. cost-budget' })
  kind!: string;

  /** Why it is resolved, for the timeline. */
  @IsString()
  @MaxLength(4096)
  description!: string;

  @IsOptional()
  @Matches(NAME_PATTERN, { message: `environment must be ${NAME_HINT}` })
  environment?: string;

  @IsOptional()
  @Matches(NAME_PATTERN, { message: `stack must be ${NAME_HINT}` })
  stack?: string;

  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'source must be a service name, e.g. cost-tracker' })
  source!: string;

  @IsOptional()
  @IsObject()
  @StringRecord()
  labels?: Record<string, string>;

  @Matches(RFC3339_PATTERN, { message: 'resolvedAt must be an RFC 3339 timestamp' })
  resolvedAt!: string;
}
