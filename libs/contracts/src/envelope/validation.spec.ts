import { aCloudEvent } from '../testing';
import { type CloudEvent } from './cloud-event';
import { formatFieldErrors, validateEnvelope, type FieldError } from './validation';

function errorsOf(raw: unknown): FieldError[] {
  const result = validateEnvelope(raw);
  return result.ok ? [] : result.errors;
}

function without(event: CloudEvent<unknown>, key: keyof CloudEvent<unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...event };
  delete copy[key];
  return copy;
}

describe(validateEnvelope.name, () => {
  it('accepts a valid CloudEvent and keeps every attribute', () => {
    const event = aCloudEvent({ hello: 'world' }, { subject: 'acme/prod', causationid: 'c-1', dataschema: 'urn:x' });
    const result = validateEnvelope(event);
    expect(result).toEqual({ ok: true, value: event });
  });

  it('defaults an absent datacontenttype to application/json', () => {
    const result = validateEnvelope(without(aCloudEvent({}), 'datacontenttype'));
    expect(result.ok && result.value.datacontenttype).toBe('application/json');
  });

  it.each(['specversion', 'id', 'source', 'type', 'time', 'correlationid', 'data'] as const)('names %s when it is missing', (key) => {
    const errors = errorsOf(without(aCloudEvent({}), key));
    expect(errors.map((e) => e.path)).toEqual([key]);
    expect(errors[0].message).toContain(key);
  });

  it.each<[string, unknown, string]>([
    ['specversion', '0.3', 'specversion must be "1.0"'],
    ['id', 'not-a-uuid', 'id must be a UUID'],
    ['id', '', 'id is required and must be a non-empty string'],
    ['source', 42, 'source is required and must be a non-empty string'],
    ['type', 'com.example.deployment.requested', 'type must be io.cloudwright.<domain>.<entity>.<verb>.v<N>'],
    ['type', 'io.cloudwright.deployment.requested', 'type must be io.cloudwright.<domain>.<entity>.<verb>.v<N>'],
    ['time', '2030-01-02 03:04:05', 'time must be an RFC 3339 timestamp'],
    ['time', '2030-13-45T03:04:05Z', 'time must be an RFC 3339 timestamp'],
    ['correlationid', '', 'correlationid is required and must be a non-empty string'],
    ['datacontenttype', 'application/xml', 'datacontenttype must be "application/json"'],
    ['subject', 7, 'subject must be a string when present'],
    ['causationid', { id: 1 }, 'causationid must be a string when present'],
    ['dataschema', false, 'dataschema must be a string when present'],
  ])('names %s when it is %j', (key, value, message) => {
    expect(errorsOf({ ...aCloudEvent({}), [key]: value })).toEqual([{ path: key, message }]);
  });

  it('lists every invalid attribute at once', () => {
    const errors = errorsOf({ specversion: '1.0', data: null });
    expect(errors.map((e) => e.path)).toEqual(['id', 'source', 'type', 'time', 'correlationid']);
  });

  it.each([null, 'text', [1, 2], 3])('rejects %j as a whole (not a JSON object)', (raw) => {
    expect(errorsOf(raw)).toEqual([{ path: '', message: 'message must be a JSON object (CloudEvents structured mode)' }]);
  });

  it('formats errors for a log line or a dead-letter header', () => {
    expect(formatFieldErrors([{ path: 'data.ci.commit', message: 'bad' }, { path: '', message: 'whole' }])).toBe('data.ci.commit: bad; whole');
  });
});
