/** Why a cloud refused a call. `retryable` tells the saga whether a later attempt can succeed. */
export const PROVIDER_ERROR_CODES = [
  'invalid-request',
  'unsupported-type',
  'unknown-region',
  'quota-exceeded',
  'dependency-missing',
  'dependency-violation',
  'already-exists',
  'not-found',
  'region-unavailable',
  'throttled',
  'injected-fault',
  'timeout',
  'internal',
] as const;
export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number];

const RETRYABLE: ReadonlySet<ProviderErrorCode> = new Set(['region-unavailable', 'throttled', 'timeout', 'internal']);

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly retryable: boolean;

  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    readonly address?: string,
    retryable?: boolean,
  ) {
    super(message);
    this.retryable = retryable ?? RETRYABLE.has(code);
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError || (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ProviderError');
}
