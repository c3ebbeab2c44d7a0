import { DomainError, ErrorCode, NAME_HINT, NAME_PATTERN } from '@cloudwright/contracts';

/** Plans (and the workloads of a comparison) can be large; inline plans of commands are capped at 512 KiB by the contract. */
export const HTTP_BODY_LIMIT = 16 * 1024 * 1024;

/** Query-string helpers shared by the HTTP adapters: each rejects a bad value with VALIDATION_FAILED naming it. */
export function limitParam(value: string | undefined, name = 'limit'): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new DomainError(ErrorCode.ValidationFailed, `${name} must be a positive integer`, { errors: [{ path: name, message: 'must be a positive integer' }] });
  return n;
}

export function nameParam(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!NAME_PATTERN.test(value)) throw new DomainError(ErrorCode.ValidationFailed, `${name} must be ${NAME_HINT}`, { errors: [{ path: name, message: `must be ${NAME_HINT}` }] });
  return value;
}

export function flagParam(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return value === 'true' || value === '1';
}

/** `a,b` or repeated `?x=a&x=b` → a list (undefined when absent). */
export function listParam(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  return list.length ? list : undefined;
}

/** A limit from HTTP or a query body: `fallback` when absent, at most `max`; anything but a positive integer is rejected. */
export function boundedLimit(value: unknown, fallback: number, max: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new DomainError(ErrorCode.ValidationFailed, 'limit must be a positive integer', { errors: [{ path: 'limit', message: 'must be a positive integer' }] });
  }
  return Math.min(n, max);
}
