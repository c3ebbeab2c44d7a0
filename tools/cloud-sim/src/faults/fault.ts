import { PROVIDER_CLOUDS, PROVIDER_ERROR_CODES, ProviderError, type ProviderCloud, type ProviderErrorCode } from '@cloudwright/cloud-provider';
import { SimInputError } from '../sim.errors';

/** The calls a fault can target: the port's three apply operations and the health check. */
export const FAULT_OPERATIONS = ['create', 'update', 'delete', 'health'] as const;
export type FaultOperation = (typeof FAULT_OPERATIONS)[number];

export const FAULT_MODES = ['fail', 'slow'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/** Which calls a fault applies to: every given field must match; `type` and `address` take `*` wildcards. */
export interface FaultMatch {
  type?: string;
  address?: string;
  cloud?: ProviderCloud;
  region?: string;
  operation?: FaultOperation;
  stack?: string;
  environment?: string;
}

export interface FaultSpec {
  match: FaultMatch;
  mode: FaultMode;
  /** Error code of a `fail` fault; 'injected-fault' by default. */
  code?: ProviderErrorCode;
  message?: string;
  /** Whether the failure is retryable; by default as the code says (injected-fault: no, region-unavailable: yes). */
  retryable?: boolean;
  /** Only the next N matching calls that the fault fires on; unlimited when absent. */
  times?: number;
  /** Fires on this share of matching calls (0..1), drawn from the seeded generator; always when absent. */
  probability?: number;
  /** Extra real milliseconds a `slow` fault adds (1000 by default). */
  delayMs?: number;
}

export interface Fault extends FaultSpec {
  /** `fault-<n>`. */
  id: string;
  /** Firings left (null: unlimited). */
  remaining: number | null;
  /** How many calls it fired on. */
  hits: number;
  createdAt: string;
}

/** The call a fault is matched against. */
export interface FaultTarget {
  stack: string;
  environment: string;
  address: string;
  type: string;
  cloud: ProviderCloud;
  region: string | null;
  operation: FaultOperation;
}

export const DEFAULT_SLOW_DELAY_MS = 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(record: Record<string, unknown>, key: string, field: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new SimInputError(`${field}.${key}`, `must be a non-empty string (got ${JSON.stringify(value)})`);
  return value;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], field: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new SimInputError(field, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
  return value as T;
}

/** Checks a fault spec from any source (code, HTTP body); throws SimInputError naming the first bad field. */
export function parseFaultSpec(input: unknown, field = 'fault'): FaultSpec {
  if (!isRecord(input)) throw new SimInputError(field, 'must be an object');
  const allowedKeys = ['match', 'mode', 'code', 'message', 'retryable', 'times', 'probability', 'delayMs'];
  const extra = Object.keys(input).filter((key) => !allowedKeys.includes(key));
  if (extra.length > 0) throw new SimInputError(`${field}.${extra[0]}`, `is not a fault field (allowed: ${allowedKeys.join(', ')})`);
  const rawMatch = input.match ?? {};
  if (!isRecord(rawMatch)) throw new SimInputError(`${field}.match`, 'must be an object');
  const matchKeys = ['type', 'address', 'cloud', 'region', 'operation', 'stack', 'environment'];
  const extraMatch = Object.keys(rawMatch).filter((key) => !matchKeys.includes(key));
  if (extraMatch.length > 0) throw new SimInputError(`${field}.match.${extraMatch[0]}`, `is not a match field (allowed: ${matchKeys.join(', ')})`);
  const match: FaultMatch = {};
  for (const key of ['type', 'address', 'region', 'stack', 'environment'] as const) {
    const value = optionalString(rawMatch, key, `${field}.match`);
    if (value !== undefined) match[key] = value;
  }
  const cloud = oneOf(optionalString(rawMatch, 'cloud', `${field}.match`), PROVIDER_CLOUDS, `${field}.match.cloud`);
  if (cloud) match.cloud = cloud;
  const operation = oneOf(optionalString(rawMatch, 'operation', `${field}.match`), FAULT_OPERATIONS, `${field}.match.operation`);
  if (operation) match.operation = operation;

  const mode = oneOf(typeof input.mode === 'string' ? input.mode : undefined, FAULT_MODES, `${field}.mode`);
  if (!mode) throw new SimInputError(`${field}.mode`, `is required: one of ${FAULT_MODES.join(', ')} (got ${JSON.stringify(input.mode)})`);
  const spec: FaultSpec = { match, mode };

  const code = oneOf(optionalString(input, 'code', field), PROVIDER_ERROR_CODES, `${field}.code`);
  if (code) {
    if (mode !== 'fail') throw new SimInputError(`${field}.code`, 'only a fail fault has an error code');
    spec.code = code;
  }
  const message = optionalString(input, 'message', field);
  if (message !== undefined) spec.message = message;
  if (input.retryable !== undefined) {
    if (typeof input.retryable !== 'boolean') throw new SimInputError(`${field}.retryable`, `must be true or false (got ${JSON.stringify(input.retryable)})`);
    spec.retryable = input.retryable;
  }
  if (input.times !== undefined && input.times !== null) {
    if (typeof input.times !== 'number' || !Number.isInteger(input.times) || input.times < 1) {
      throw new SimInputError(`${field}.times`, `must be an integer ≥ 1 (got ${JSON.stringify(input.times)})`);
    }
    spec.times = input.times;
  }
  if (input.probability !== undefined && input.probability !== null) {
    if (typeof input.probability !== 'number' || !(input.probability >= 0 && input.probability <= 1)) {
      throw new SimInputError(`${field}.probability`, `must be a number from 0 to 1 (got ${JSON.stringify(input.probability)})`);
    }
    spec.probability = input.probability;
  }
  if (input.delayMs !== undefined && input.delayMs !== null) {
    if (typeof input.delayMs !== 'number' || !Number.isInteger(input.delayMs) || input.delayMs < 0 || input.delayMs > 600_000) {
      throw new SimInputError(`${field}.delayMs`, `must be an integer from 0 to 600000 (got ${JSON.stringify(input.delayMs)})`);
    }
    if (mode !== 'slow') throw new SimInputError(`${field}.delayMs`, 'only a slow fault has a delay');
    spec.delayMs = input.delayMs;
  }
  return spec;
}

const globCache = new Map<string, RegExp>();

/** `*` matches any run of characters; everything else is literal. */
export function globMatches(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  let regex = globCache.get(pattern);
  if (!regex) {
    regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    globCache.set(pattern, regex);
  }
  return regex.test(value);
}

export function faultMatches(match: FaultMatch, target: FaultTarget): boolean {
  if (match.operation !== undefined && match.operation !== target.operation) return false;
  if (match.cloud !== undefined && match.cloud !== target.cloud) return false;
  if (match.region !== undefined && match.region.toLowerCase() !== (target.region ?? '').toLowerCase()) return false;
  if (match.stack !== undefined && match.stack !== target.stack) return false;
  if (match.environment !== undefined && match.environment !== target.environment) return false;
  if (match.type !== undefined && !globMatches(match.type, target.type)) return false;
  if (match.address !== undefined && !globMatches(match.address, target.address)) return false;
  return true;
}

/** Whether a matching fault fires on this call: it has firings left and the seeded draw falls under its probability. */
export function faultFires(fault: Pick<Fault, 'remaining' | 'probability'>, draw: number): boolean {
  if (fault.remaining !== null && fault.remaining <= 0) return false;
  return fault.probability === undefined || draw < fault.probability;
}

/** The error a firing `fail` fault makes the call throw: says it was injected and by which fault. */
export function injectedError(fault: Pick<Fault, 'id' | 'code' | 'message' | 'retryable'>, target: FaultTarget): ProviderError {
  const code = fault.code ?? 'injected-fault';
  const what = fault.message ?? `${target.operation} of ${target.address} failed`;
  return new ProviderError(code, `injected by fault ${fault.id}: ${what}`, target.address, fault.retryable);
}
