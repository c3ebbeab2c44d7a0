/**
 * Stable error codes shared by every service and transport. Services throw `DomainError` with one of these; each
 * transport maps them exhaustively (HTTP status; JetStream ack / nak / dead-letter).
 */
export const ErrorCode = {
  /** The input does not match its contract (field errors attached). Never retried. */
  ValidationFailed: 'VALIDATION_FAILED',
  /** The event type or version is unknown to the receiver. Never retried. */
  UnknownEventType: 'UNKNOWN_EVENT_TYPE',
  /** The receiver cannot read this (newer) version yet. Dead-lettered, replayable after an upgrade. */
  UnsupportedEventVersion: 'UNSUPPORTED_EVENT_VERSION',
  NotFound: 'NOT_FOUND',
  /** The request conflicts with current state (e.g. a lock held). */
  Conflict: 'CONFLICT',
  /** The caller may not do this. */
  Forbidden: 'FORBIDDEN',
  /** A dependency did not answer in time. Retried. */
  Timeout: 'TIMEOUT',
  /** A dependency (database, NATS, a cloud) is unavailable. Retried. */
  Unavailable: 'UNAVAILABLE',
  /** A query reached no responder. */
  NoResponder: 'NO_RESPONDER',
  /** Anything unexpected. Retried, then dead-lettered. */
  Internal: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes whose cause is in the input itself: retrying cannot help. */
export const PERMANENT_ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  ErrorCode.ValidationFailed,
  ErrorCode.UnknownEventType,
  ErrorCode.UnsupportedEventVersion,
  ErrorCode.NotFound,
  ErrorCode.Forbidden,
]);

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get permanent(): boolean {
    return PERMANENT_ERROR_CODES.has(this.code);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
