import { SEVERITIES, type Severity } from '@cloudwright/compliance';
import { EnvReader, readApiAuthConfig, readServiceConfig, type ApiAuthConfig, type ServiceConfig } from '@cloudwright/messaging';

export { ConfigError } from '@cloudwright/messaging';

/** Typed configuration of the compliance service, read once at boot; every invalid variable is listed before exiting. */
export interface ComplianceConfig extends ServiceConfig {
  /** Gate threshold of environments without a stored policy: unwaived failing findings at or above it block. */
  blockOn: Severity;
  /** An overall score this many points below the previous scan's raises `compliance-score-drop`. */
  scoreDropPoints: number;
  /** Bearer tokens of the HTTP API (CW_API_TOKENS / CW_API_TOKENS_FILE, CW_API_AUTH), the orchestrator's format. */
  auth: ApiAuthConfig;
}

export function loadComplianceConfig(env: NodeJS.ProcessEnv = process.env): ComplianceConfig {
  const reader = new EnvReader(env);
  const base = readServiceConfig(reader, { schemaVar: 'CW_COMPLIANCE_SCHEMA', defaultSchema: 'compliance', defaultPort: 3003 });
  const blockOn = reader.oneOf('CW_COMPLIANCE_BLOCK_ON', SEVERITIES, 'critical', true);
  const dropRaw = env.CW_COMPLIANCE_SCORE_DROP;
  let scoreDropPoints = 5;
  if (dropRaw !== undefined && dropRaw !== '') {
    scoreDropPoints = Number(dropRaw);
    if (!Number.isFinite(scoreDropPoints) || scoreDropPoints <= 0 || scoreDropPoints > 100) {
      reader.problems.push(`CW_COMPLIANCE_SCORE_DROP="${dropRaw}" must be a number of score points above 0 and at most 100`);
    }
  }
  const auth = readApiAuthConfig(reader);
  reader.check();
  return { ...base, blockOn, scoreDropPoints, auth };
}

export const COMPLIANCE_CONFIG = Symbol('COMPLIANCE_CONFIG');
