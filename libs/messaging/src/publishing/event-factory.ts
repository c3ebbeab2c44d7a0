import { randomUUID } from 'node:crypto';
import {
  CLOUDEVENTS_SPEC_VERSION,
  DomainError,
  ErrorCode,
  JSON_CONTENT_TYPE,
  eventDefinitionOf,
  formatFieldErrors,
  validatePayload,
  type CloudEvent,
  type EventClass,
} from '@cloudwright/contracts';

export interface EventMetadata {
  /** Id shared by one business flow; defaults to the causing event's correlation id, else the new event's id. */
  correlationId?: string;
  /** The event or command that caused this one. */
  causationId?: string;
  /** What the event is about (also the outbox ordering key); defaults to the contract's `subjectField` value. */
  subject?: string;
  /** Fixed id (idempotent re-publishing); a new UUID by default. */
  id?: string;
  time?: Date;
}

/** A CloudEvent for a contract, validated: a wrong payload never leaves the process. */
export function createEvent<T extends object>(source: string, contract: EventClass<T>, data: T, meta: EventMetadata = {}): CloudEvent<T> {
  const definition = eventDefinitionOf(contract);
  const checked = validatePayload(contract, data);
  if (!checked.ok) {
    throw new DomainError(ErrorCode.ValidationFailed, `${definition.name} payload is invalid: ${formatFieldErrors(checked.errors)}`, {
      errors: checked.errors,
    });
  }
  const id = meta.id ?? randomUUID();
  const subjectValue = definition.subjectField ? (data as Record<string, unknown>)[definition.subjectField] : undefined;
  const subject = meta.subject ?? (typeof subjectValue === 'string' ? subjectValue : undefined);
  const event: CloudEvent<T> = {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id,
    source,
    type: definition.type,
    time: (meta.time ?? new Date()).toISOString(),
    datacontenttype: JSON_CONTENT_TYPE,
    correlationid: meta.correlationId ?? id,
    data,
  };
  if (subject !== undefined) event.subject = subject;
  if (meta.causationId !== undefined) event.causationid = meta.causationId;
  return event;
}

/** Metadata for an event caused by `cause`: same correlation id, causation = the cause's id. */
export function causedBy(cause: Pick<CloudEvent, 'id' | 'correlationid'>, extra: Omit<EventMetadata, 'correlationId' | 'causationId'> = {}): EventMetadata {
  return { ...extra, correlationId: cause.correlationid, causationId: cause.id };
}
