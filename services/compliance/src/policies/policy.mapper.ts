import { DomainError, ErrorCode, NAME_HINT, NAME_PATTERN, type FieldError } from '@cloudwright/contracts';
import { BUILTIN_FRAMEWORKS, SEVERITIES, UnknownFrameworkError, resolveFrameworks, type Framework, type Severity } from '@cloudwright/compliance';
import { type PolicyEntity } from './policy.entity';

/** The gate policy a scan of an environment uses. */
export interface EffectivePolicy {
  environment: string | null;
  blockOn: Severity;
  minScore: number | null;
  /** Framework ids scanned when a request names none (empty = every framework). */
  frameworks: string[];
  /** `stored` for a PUT policy, `default` when the environment has none (CW_COMPLIANCE_BLOCK_ON). */
  source: 'stored' | 'default';
  updatedAt?: string;
}

export type PolicyRow = Omit<PolicyEntity, 'updatedAt'>;

/** Validates `{ blockOn, minScore?, frameworks? }` for an environment; framework aliases become ids. */
export function toPolicyRow(environment: string, input: unknown, catalog: readonly Framework[] = BUILTIN_FRAMEWORKS): PolicyRow {
  const errors: FieldError[] = [];
  if (!NAME_PATTERN.test(environment)) errors.push({ path: 'environment', message: `must be ${NAME_HINT}` });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new DomainError(ErrorCode.ValidationFailed, 'a policy must be a JSON object { blockOn, minScore?, frameworks? }');
  const p = input as Record<string, unknown>;
  for (const key of Object.keys(p)) if (!['blockOn', 'minScore', 'frameworks'].includes(key)) errors.push({ path: key, message: 'unknown property' });
  if (!(SEVERITIES as readonly unknown[]).includes(p.blockOn)) errors.push({ path: 'blockOn', message: `must be one of ${SEVERITIES.join(', ')}` });
  const minScore = p.minScore ?? null;
  if (minScore !== null && (typeof minScore !== 'number' || !Number.isFinite(minScore) || minScore < 0 || minScore > 100)) errors.push({ path: 'minScore', message: 'must be a number from 0 to 100' });
  let frameworks: string[] = [];
  if (p.frameworks !== undefined) {
    if (!Array.isArray(p.frameworks) || !p.frameworks.every((f) => typeof f === 'string')) errors.push({ path: 'frameworks', message: 'must be a list of framework ids' });
    else {
      try {
        frameworks = resolveFrameworks(p.frameworks, catalog).map((f) => f.id);
      } catch (error) {
        if (!(error instanceof UnknownFrameworkError)) throw error;
        errors.push({ path: 'frameworks', message: error.message });
      }
    }
  }
  if (errors.length) throw new DomainError(ErrorCode.ValidationFailed, `invalid policy: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, { errors });
  return { environment, blockOn: p.blockOn as Severity, minScore: minScore as number | null, frameworks };
}

/** The stored policy of an environment, or the default one. */
export function effectivePolicy(environment: string | null, row: PolicyEntity | null, defaultBlockOn: Severity): EffectivePolicy {
  if (!row) return { environment, blockOn: defaultBlockOn, minScore: null, frameworks: [], source: 'default' };
  return {
    environment: row.environment,
    blockOn: row.blockOn as Severity,
    minScore: row.minScore,
    frameworks: row.frameworks,
    source: 'stored',
    updatedAt: row.updatedAt.toISOString(),
  };
}
