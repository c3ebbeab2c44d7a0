import { IsString, Matches, MaxLength } from 'class-validator';

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** Stable identity of one alert across raise and resolve: `cost-budget:<stack>:<env>:<budget>:<threshold>:<period>`. */
export const DEDUP_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9:._/@=+-]{0,511}$/;
/** Alert kind, kebab-case: `cost-budget`, `cost-anomaly`, `compensation-failed`. */
export const ALERT_KIND_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;


/** A link shown with the alert (dashboard, runbook, CI run). */
export class AlertLinkV1 {
  @IsString()
  @MaxLength(256)
  title!: string;

  @Matches(/^https?:\/\/\S+$/, { message: 'url must be an http(s) URL' })
  @MaxLength(2048)
  url!: string;
}
