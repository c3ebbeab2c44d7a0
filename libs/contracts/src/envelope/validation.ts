import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { CLOUDEVENTS_SPEC_VERSION, JSON_CONTENT_TYPE, type CloudEvent } from './cloud-event';
import { type EventClass } from './event-contract';

/** One problem with an incoming message: where (`data.ci.runId`) and what. */
export interface FieldError {
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** CloudEvent `id`: an RFC 9562 UUID (versions 1-8). Shared with the generated JSON Schema. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** CloudEvent `time`. */
export const RFC3339_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** CloudEvent `type` of a Cloudwright event. */
export const EVENT_TYPE_PATTERN = /^io\.cloudwright\.[a-z0-9.-]+\.v\d+$/;
const UUID = UUID_PATTERN;
const RFC3339 = RFC3339_PATTERN;

function flatten(errors: ValidationError[], prefix: string, out: FieldError[]): FieldError[] {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ path, message });
    if (error.children?.length) flatten(error.children, path, out);
  }
  return out;
}

/** Validates a payload against its contract class; unknown properties are errors (a typo is not silently dropped). */
export function validatePayload<T extends object>(payload: EventClass<T>, data: unknown, prefix = 'data'): Validated<T> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: [{ path: prefix, message: `${prefix} must be a JSON object` }] };
  }
  const instance = plainToInstance<T, object>(payload, data, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length) return { ok: false, errors: flatten(errors, prefix, []) };
  return { ok: true, value: instance };
}

/** Validates the CloudEvents attributes (not the data). */
export function validateEnvelope(raw: unknown): Validated<CloudEvent<unknown>> {
  const errors: FieldError[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ path: '', message: 'message must be a JSON object (CloudEvents structured mode)' }] };
  }
  const e = raw as Record<string, unknown>;
  const requireString = (key: string, test?: (v: string) => boolean, what?: string) => {
    const v = e[key];
    if (typeof v !== 'string' || v.length === 0) errors.push({ path: key, message: `${key} is required and must be a non-empty string` });
    else if (test && !test(v)) errors.push({ path: key, message: `${key} must be ${what}` });
  };
  if (e.specversion !== CLOUDEVENTS_SPEC_VERSION) errors.push({ path: 'specversion', message: `specversion must be "${CLOUDEVENTS_SPEC_VERSION}"` });
  requireString('id', (v) => UUID.test(v), 'a UUID');
  requireString('source');
  requireString('type', (v) => EVENT_TYPE_PATTERN.test(v), 'io.cloudwright.<domain>.<entity>.<verb>.v<N>');
  requireString('time', (v) => RFC3339.test(v) && !Number.isNaN(Date.parse(v)), 'an RFC 3339 timestamp');
  requireString('correlationid');
  if (e.datacontenttype !== undefined && e.datacontenttype !== JSON_CONTENT_TYPE) {
    errors.push({ path: 'datacontenttype', message: `datacontenttype must be "${JSON_CONTENT_TYPE}"` });
  }
  for (const key of ['subject', 'causationid', 'dataschema']) {
    if (e[key] !== undefined && typeof e[key] !== 'string') errors.push({ path: key, message: `${key} must be a string when present` });
  }
  if (!('data' in e)) errors.push({ path: 'data', message: 'data is required' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { ...e, datacontenttype: JSON_CONTENT_TYPE } as CloudEvent<unknown> };
}

export function formatFieldErrors(errors: FieldError[]): string {
  return errors.map((err) => (err.path ? `${err.path}: ${err.message}` : err.message)).join('; ');
}
