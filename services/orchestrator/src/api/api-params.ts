import {
  DEPLOYMENT_STATUSES,
  DomainError,
  ErrorCode,
  NAME_HINT,
  NAME_PATTERN,
  UUID_PATTERN,
  type DeploymentStatus,
  type EnvironmentPolicyBody,
  type FieldError,
} from '@cloudwright/contracts';

/** Validation of path, query and body values of the API: each bad value is a 400 naming it and saying what is allowed. */

export const MAX_LIMIT = 500;
export const MAX_COMMENT_LENGTH = 2048;
const REQUEST_KEY_PATTERN = /^\S{1,512}$/;

function invalid(errors: FieldError[]): DomainError {
  const message = errors.map((e) => `${e.path} ${e.message}`).join('; ');
  return new DomainError(ErrorCode.ValidationFailed, message, { errors });
}

function fail(path: string, message: string): never {
  throw invalid([{ path, message }]);
}

const quoted = (value: unknown) => JSON.stringify(value);

export function limitParam(value: string | undefined, fallback: number, name = 'limit'): number {
  if (value === undefined || value === '') return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) fail(name, `must be an integer 1-${MAX_LIMIT} (got ${quoted(value)})`);
  return n;
}

export function statusParam(value: string | undefined, name = 'status'): DeploymentStatus | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(DEPLOYMENT_STATUSES as readonly string[]).includes(value)) fail(name, `${quoted(value)} is not one of ${DEPLOYMENT_STATUSES.join(', ')}`);
  return value as DeploymentStatus;
}

export function optionalNameParam(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  return nameParam(value, name);
}

export function nameParam(value: string | undefined, name: string): string {
  if (value === undefined || !NAME_PATTERN.test(value)) fail(name, `must be ${NAME_HINT} (got ${quoted(value ?? null)})`);
  return value;
}

export function uuidParam(value: string | undefined, name: string): string {
  if (value === undefined || !UUID_PATTERN.test(value)) fail(name, `must be a UUID (got ${quoted(value ?? null)})`);
  return value.toLowerCase();
}

export function optionalUuidParam(value: string | undefined, name: string): string | undefined {
  return value === undefined || value === '' ? undefined : uuidParam(value, name);
}

export function requestKeyParam(value: string | undefined, name = 'key'): string {
  if (value === undefined || !REQUEST_KEY_PATTERN.test(value)) fail(name, `must be 1-512 characters without spaces`);
  return value;
}

/**
 * A JSON object body with only the `allowed` fields; an absent body is `{}` when `optional`. Unknown fields are
 * rejected (a misspelt `comment` must not be dropped silently).
 */
export function objectBody(body: unknown, allowed: readonly string[], optional: boolean): Record<string, unknown> {
  if (body === undefined || body === null || body === '') {
    if (optional) return {};
    fail('body', 'is required (a JSON object)');
  }
  if (typeof body !== 'object' || Array.isArray(body)) fail('body', 'must be a JSON object');
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).filter((k) => !allowed.includes(k));
  if (unknown.length) {
    throw invalid(unknown.map((k) => ({ path: `body.${k}`, message: `is not a known field (allowed: ${allowed.length ? allowed.join(', ') : 'none'})` })));
  }
  return record;
}

export function optionalText(record: Record<string, unknown>, field: string, max = MAX_COMMENT_LENGTH): string | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(`body.${field}`, 'must be a string');
  if (value.length > max) fail(`body.${field}`, `must be at most ${max} characters (got ${value.length})`);
  return value;
}

export function optionalPositiveInt(record: Record<string, unknown>, field: string): number | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail(`body.${field}`, `must be a positive integer (got ${quoted(value)})`);
  return value;
}

const POLICY_FIELDS = [
  'approval',
  'budget',
  'onFailure',
  'stepTimeoutSeconds',
  'stepRetries',
  'compensationRetries',
  'gateTimeoutSeconds',
  'deploymentTimeoutSeconds',
  'maxParallelSteps',
  'frameworks',
] as const satisfies readonly (keyof EnvironmentPolicyBody)[];

const INT_FIELDS: Record<string, { min: number; max: number }> = {
  stepTimeoutSeconds: { min: 1, max: 86_400 },
  stepRetries: { min: 0, max: 100 },
  compensationRetries: { min: 0, max: 100 },
  gateTimeoutSeconds: { min: 1, max: 86_400 },
  deploymentTimeoutSeconds: { min: 1, max: 7 * 86_400 },
  maxParallelSteps: { min: 1, max: 256 },
};

function checkInt(errors: FieldError[], path: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    errors.push({ path, message: `must be an integer ${min}-${max} (got ${quoted(value)})` });
  }
}

function checkStringList(errors: FieldError[], path: string, value: unknown, pattern?: RegExp): void {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '' || (pattern !== undefined && !pattern.test(v)))) {
    errors.push({ path, message: 'must be an array of non-empty strings' });
  } else if (value.length > 100) {
    errors.push({ path, message: 'must hold at most 100 entries' });
  }
}

/** `PUT /policies/:environment` body: any subset of EnvironmentPolicyBody (approval given whole); every problem listed. */
export function policyPatchBody(body: unknown): Partial<EnvironmentPolicyBody> {
  const record = objectBody(body, POLICY_FIELDS, false);
  if (Object.keys(record).length === 0) fail('body', `must set at least one of ${POLICY_FIELDS.join(', ')}`);
  const errors: FieldError[] = [];
  for (const [field, range] of Object.entries(INT_FIELDS)) {
    if (record[field] !== undefined) checkInt(errors, `body.${field}`, record[field], range.min, range.max);
  }
  if (record.budget !== undefined && record.budget !== 'block' && record.budget !== 'warn') {
    errors.push({ path: 'body.budget', message: `${quoted(record.budget)} is not one of block, warn` });
  }
  if (record.onFailure !== undefined && record.onFailure !== 'rollback' && record.onFailure !== 'pause') {
    errors.push({ path: 'body.onFailure', message: `${quoted(record.onFailure)} is not one of rollback, pause` });
  }
  if (record.frameworks !== undefined) checkStringList(errors, 'body.frameworks', record.frameworks);
  if (record.approval !== undefined) {
    const approval = record.approval;
    if (typeof approval !== 'object' || approval === null || Array.isArray(approval)) {
      errors.push({ path: 'body.approval', message: 'must be an object { required, count, approvers, timeoutSeconds }' });
    } else {
      const a = approval as Record<string, unknown>;
      const allowed = ['required', 'count', 'approvers', 'timeoutSeconds'];
      for (const key of Object.keys(a)) if (!allowed.includes(key)) errors.push({ path: `body.approval.${key}`, message: `is not a known field (allowed: ${allowed.join(', ')})` });
      if (typeof a.required !== 'boolean') errors.push({ path: 'body.approval.required', message: 'must be true or false' });
      checkInt(errors, 'body.approval.count', a.count, 1, 20);
      checkStringList(errors, 'body.approval.approvers', a.approvers);
      checkInt(errors, 'body.approval.timeoutSeconds', a.timeoutSeconds, 1, 30 * 86_400);
    }
  }
  if (errors.length) throw invalid(errors);
  return record;
}
