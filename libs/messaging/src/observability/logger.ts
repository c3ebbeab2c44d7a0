import pino, { type Logger } from 'pino';

/** Keys whose values never reach a log line. */
export const REDACTED_PATHS = [
  '*.password',
  '*.token',
  '*.secret',
  '*.authorization',
  '*.databaseUrl',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
];

/** pino JSON logger with secret redaction; services pass their own (nestjs-pino) instead when they have one. */
export function createLogger(name: string, level = process.env.CW_LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: name } });
}

export type { Logger };
