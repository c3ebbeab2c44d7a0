import { randomUUID } from 'node:crypto';
import { CLOUDEVENTS_SPEC_VERSION, JSON_CONTENT_TYPE, type CloudEvent } from '../envelope/cloud-event';
import { eventDefinitionOf, type EventClass } from '../envelope/event-contract';

/** A valid CloudEvent envelope around `data`; override any attribute. Ids are fresh UUIDs unless given. */
export function aCloudEvent<T>(data: T, overrides: Partial<CloudEvent<T>> = {}): CloudEvent<T> {
  return {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id: randomUUID(),
    source: 'cloudwright/test',
    type: 'io.cloudwright.test.thing.happened.v1',
    time: '2030-01-02T03:04:05.678Z',
    datacontenttype: JSON_CONTENT_TYPE,
    correlationid: randomUUID(),
    data,
    ...overrides,
  };
}

/** A valid CloudEvent of the contract `payload`, with its type (and subject, when the contract names a subject field). */
export function aCloudEventOf<T extends object>(payload: EventClass<T>, data: T, overrides: Partial<CloudEvent<T>> = {}): CloudEvent<T> {
  const definition = eventDefinitionOf(payload);
  const subjectValue = definition.subjectField ? (data as Record<string, unknown>)[definition.subjectField] : undefined;
  return aCloudEvent(data, {
    type: definition.type,
    source: `cloudwright/${definition.producer}`,
    ...(typeof subjectValue === 'string' ? { subject: subjectValue } : {}),
    ...overrides,
  });
}
