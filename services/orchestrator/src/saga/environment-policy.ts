import { DomainError, ErrorCode, type EnvironmentPolicyBody } from '@cloudwright/contracts';

/** What an environment gets when nobody set a policy: no approval, over budget blocks, roll back on failure. */
export const DEFAULT_POLICY: EnvironmentPolicyBody = {
  approval: { required: false, count: 1, approvers: [], timeoutSeconds: 3600 },
  budget: 'block',
  onFailure: 'rollback',
  stepTimeoutSeconds: 900,
  stepRetries: 2,
  compensationRetries: 3,
  gateTimeoutSeconds: 600,
  deploymentTimeoutSeconds: 7200,
  maxParallelSteps: 8,
  frameworks: [],
};

const INT_FIELDS: [keyof EnvironmentPolicyBody, number, number][] = [
  ['stepTimeoutSeconds', 1, 86_400],
  ['stepRetries', 0, 20],
  ['compensationRetries', 0, 50],
  ['gateTimeoutSeconds', 1, 86_400],
  ['deploymentTimeoutSeconds', 1, 7 * 86_400],
  ['maxParallelSteps', 1, 256],
];

function fail(message: string): never {
  throw new DomainError(ErrorCode.ValidationFailed, `invalid environment policy: ${message}`);
}

function isInt(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/** Merges a partial policy over `base`, naming the first wrong field. */
export function mergePolicy(base: EnvironmentPolicyBody, patch: unknown): EnvironmentPolicyBody {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) fail('the body must be a JSON object');
  const p = patch as Record<string, unknown>;
  const known = new Set([...Object.keys(DEFAULT_POLICY)]);
  for (const key of Object.keys(p)) if (!known.has(key)) fail(`unknown field "${key}" (fields: ${[...known].join(', ')})`);
  const out: EnvironmentPolicyBody = { ...base, approval: { ...base.approval }, frameworks: [...base.frameworks] };
  for (const [key, min, max] of INT_FIELDS) {
    if (p[key] === undefined) continue;
    if (!isInt(p[key], min, max)) fail(`${key} must be an integer ${min}-${max}`);
    (out as unknown as Record<string, number>)[key] = p[key];
  }
  if (p.budget !== undefined) {
    if (p.budget !== 'block' && p.budget !== 'warn') fail('budget must be "block" or "warn"');
    out.budget = p.budget;
  }
  if (p.onFailure !== undefined) {
    if (p.onFailure !== 'rollback' && p.onFailure !== 'pause') fail('onFailure must be "rollback" or "pause"');
    out.onFailure = p.onFailure;
  }
  if (p.frameworks !== undefined) {
    if (!Array.isArray(p.frameworks) || !p.frameworks.every((f) => typeof f === 'string' && /^[a-z0-9][a-z0-9._-]{0,63}$/.test(f))) fail('frameworks must be a list of framework ids');
    out.frameworks = p.frameworks as string[];
  }
  if (p.approval !== undefined) {
    const a = p.approval;
    if (typeof a !== 'object' || a === null || Array.isArray(a)) fail('approval must be an object');
    const ap = a as Record<string, unknown>;
    for (const key of Object.keys(ap)) if (!['required', 'count', 'approvers', 'timeoutSeconds'].includes(key)) fail(`unknown field "approval.${key}"`);
    if (ap.required !== undefined) {
      if (typeof ap.required !== 'boolean') fail('approval.required must be true or false');
      out.approval.required = ap.required;
    }
    if (ap.count !== undefined) {
      if (!isInt(ap.count, 1, 20)) fail('approval.count must be an integer 1-20');
      out.approval.count = ap.count;
    }
    if (ap.timeoutSeconds !== undefined) {
      if (!isInt(ap.timeoutSeconds, 1, 30 * 86_400)) fail('approval.timeoutSeconds must be an integer 1-2592000');
      out.approval.timeoutSeconds = ap.timeoutSeconds;
    }
    if (ap.approvers !== undefined) {
      if (!Array.isArray(ap.approvers) || !ap.approvers.every((x) => typeof x === 'string' && x.length > 0 && x.length <= 128)) fail('approval.approvers must be a list of API token names');
      out.approval.approvers = ap.approvers as string[];
    }
    if (out.approval.approvers.length > 0 && out.approval.count > out.approval.approvers.length) {
      fail(`approval.count ${out.approval.count} is more than the ${out.approval.approvers.length} named approvers`);
    }
  }
  return out;
}
