import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, UUID_PATTERN } from '@cloudwright/contracts';
import { GadgetChangedV1 } from '../__tests__/test-events';
import { causedBy, createEvent } from './event-factory';

describe(createEvent.name, () => {
  it('builds a CloudEvent whose subject comes from the contract’s subjectField and whose correlation id defaults to its id', () => {
    const event = createEvent('cloudwright/test', GadgetChangedV1, { gadgetId: 'g-1', n: 3 });
    expect(event.id).toMatch(UUID_PATTERN);
    expect(event).toEqual({
      specversion: '1.0',
      id: event.id,
      source: 'cloudwright/test',
      type: 'io.cloudwright.test.gadget.changed.v1',
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown,
      datacontenttype: 'application/json',
      subject: 'g-1',
      correlationid: event.id,
      data: { gadgetId: 'g-1', n: 3 },
    });
    expect(event).not.toHaveProperty('causationid');
  });

  it('takes id, time, subject, correlation and causation from the metadata', () => {
    const id = randomUUID();
    const event = createEvent('cloudwright/test', GadgetChangedV1, { gadgetId: 'g-1', n: 3 }, {
      id,
      time: new Date('2030-01-02T03:04:05.000Z'),
      subject: 'override',
      correlationId: 'corr-1',
      causationId: 'cause-1',
    });
    expect(event).toMatchObject({ id, time: '2030-01-02T03:04:05.000Z', subject: 'override', correlationid: 'corr-1', causationid: 'cause-1' });
  });

  it('rejects an invalid payload with a VALIDATION_FAILED error naming every field path', () => {
    let caught: unknown;
    try {
      createEvent('cloudwright/test', GadgetChangedV1, { gadgetId: 42, n: -1 } as unknown as GadgetChangedV1);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const error = caught as DomainError;
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toContain('data.gadgetId');
    expect(error.message).toContain('data.n');
    const paths = (error.details?.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['data.gadgetId', 'data.n']);
  });
});

describe(causedBy.name, () => {
  it('keeps the cause’s correlation id and names the cause as causation', () => {
    const cause = createEvent('cloudwright/test', GadgetChangedV1, { gadgetId: 'g-1', n: 1 }, { correlationId: 'flow-1' });
    expect(causedBy(cause, { subject: 's' })).toEqual({ subject: 's', correlationId: 'flow-1', causationId: cause.id });
    const next = createEvent('cloudwright/test', GadgetChangedV1, { gadgetId: 'g-1', n: 2 }, causedBy(cause));
    expect(next).toMatchObject({ correlationid: 'flow-1', causationid: cause.id, subject: 'g-1' });
  });
});
