import { type EventDefinition } from '../envelope/event-contract';
import { Headers, Streams, Subjects } from '../topology';
import { eventSchemaParts } from './json-schema';
import { sortedByKey, type JsonObject } from './json-value';

/** Version of the event catalogue in the AsyncAPI `info`; bump it when a contract is added or changed. */
export const EVENT_CATALOG_VERSION = '0.1.0';
export const ASYNCAPI_VERSION = '3.0.0';
/** Content type of a structured-mode CloudEvent on the wire. */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';

const SERVER_ID = 'nats';
const DEAD_LETTER_ID = 'dead-letter';
const SCHEMAS = '#/components/schemas/';

const EVENT_HEADERS_SCHEMA: JsonObject = {
  type: 'object',
  properties: {
    [Headers.MsgId]: {
      description: 'JetStream de-duplication key: the CloudEvent `id` (= outbox row id = inbox key).',
      type: 'string',
      format: 'uuid',
    },
    [Headers.TraceParent]: { description: 'W3C trace context of this hop.', type: 'string' },
    [Headers.TraceState]: { description: 'W3C vendor trace state of this hop.', type: 'string' },
  },
  required: [Headers.MsgId],
};

const DEAD_LETTER_HEADERS_SCHEMA: JsonObject = {
  type: 'object',
  properties: {
    [Headers.DlqReason]: {
      description: 'Why the message was dead-lettered: the handler error, or the validation errors of invalid input.',
      type: 'string',
    },
    [Headers.DlqErrorCode]: { description: 'Stable error code (ErrorCode in libs/contracts), e.g. VALIDATION_FAILED.', type: 'string' },
    [Headers.DlqOriginalSubject]: { description: 'Subject the message was first published on.', type: 'string' },
    [Headers.DlqOriginalStream]: { description: `Stream that held it, e.g. ${Streams.Events}.`, type: 'string' },
    [Headers.DlqOriginalSequence]: { description: 'Its sequence number in that stream.', type: 'string', pattern: '^[0-9]+$' },
    [Headers.DlqConsumer]: { description: 'Durable consumer that gave up on it (`<service>__<handler>`).', type: 'string' },
    [Headers.DlqDeliveryCount]: { description: 'Deliveries attempted before it was dead-lettered.', type: 'string', pattern: '^[0-9]+$' },
    [Headers.DlqTime]: { description: 'When it was dead-lettered (RFC 3339).', type: 'string', format: 'date-time' },
    [Headers.MsgId]: { description: 'The original `Nats-Msg-Id`, when it had one.', type: 'string' },
    [Headers.TraceParent]: { description: 'W3C trace context of the failed delivery.', type: 'string' },
    [Headers.TraceState]: { description: 'W3C vendor trace state.', type: 'string' },
  },
  required: [
    Headers.DlqReason,
    Headers.DlqErrorCode,
    Headers.DlqOriginalSubject,
    Headers.DlqOriginalStream,
    Headers.DlqOriginalSequence,
    Headers.DlqConsumer,
    Headers.DlqDeliveryCount,
    Headers.DlqTime,
  ],
};

function streamOf(definition: EventDefinition): string {
  return definition.kind === 'command' ? Streams.Commands : Streams.Events;
}

/** Component names of the event channels, messages and operations: `deployment.requested.v1`. */
function idOf(definition: EventDefinition): string {
  return definition.name;
}

/**
 * AsyncAPI 3.0.0 document of every event channel (one per event subject) and the dead-letter channel. Message
 * payloads are the full CloudEvent schemas (see `eventJsonSchema`), with the payload classes in
 * `components/schemas`. Keys are sorted: the output does not depend on import order.
 */
export function asyncApiDocument(definitions: readonly EventDefinition[]): JsonObject {
  const schemas: Record<string, JsonObject> = {};
  const schemaOwners = new Map<string, string>();
  const messages: Record<string, JsonObject> = {};
  const channels: Record<string, JsonObject> = {};
  const operations: Record<string, JsonObject> = {};

  for (const definition of [...definitions].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0))) {
    const id = idOf(definition);
    if (channels[id]) throw new Error(`event ${definition.type} is listed twice`);
    const { event, defs } = eventSchemaParts(definition, SCHEMAS);
    for (const [name, schema] of Object.entries(defs)) {
      const serialized = JSON.stringify(schema);
      const owner = schemaOwners.get(name);
      if (owner !== undefined && owner !== serialized) throw new Error(`two different contract classes are named ${name}`);
      schemaOwners.set(name, serialized);
      schemas[name] = schema as JsonObject;
    }
    messages[id] = {
      name: id,
      title: definition.type,
      summary: definition.description,
      contentType: CLOUDEVENTS_CONTENT_TYPE,
      headers: { $ref: `${SCHEMAS}EventHeaders` },
      payload: event,
    };
    channels[id] = {
      address: definition.subject,
      title: definition.name,
      description:
        `${definition.description}\n\n${definition.kind === 'command' ? `Command addressed to the \`${definition.domain}\` agent. ` : ''}` +
        `Stream \`${streamOf(definition)}\`. Producer: \`${definition.producer}\`.`,
      servers: [{ $ref: `#/servers/${SERVER_ID}` }],
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
    };
    const channelRef = { $ref: `#/channels/${id}` };
    const messageRefs = [{ $ref: `#/channels/${id}/messages/${id}` }];
    operations[`${id}.send`] = {
      action: 'send',
      channel: channelRef,
      title: `Publish ${definition.name}`,
      summary: `${definition.producer} publishes ${definition.type} through its outbox, after the transaction that caused it commits.`,
      messages: messageRefs,
      'x-cloudwright-producer': definition.producer,
    };
    operations[`${id}.receive`] = {
      action: 'receive',
      channel: channelRef,
      title: `Consume ${definition.name}`,
      summary:
        (definition.kind === 'command'
          ? `One durable pull consumer of the ${definition.domain} agent (shared by its replicas) on the work-queue stream ${Streams.Commands} receives ${definition.type}, `
          : `Durable pull consumers on ${Streams.Events} (one filter subject each) receive ${definition.type}, `) +
        'validate it, handle it idempotently (inbox) and ack after commit; failures are retried with growing delay, then dead-lettered.',
      messages: messageRefs,
    };
  }

  channels[DEAD_LETTER_ID] = {
    address: `${Subjects.DeadLetterPrefix}{originalSubject}`,
    title: 'Dead letters',
    description:
      `Messages no consumer could handle, stored in the \`${Streams.DeadLetters}\` stream under ` +
      `\`${Subjects.DeadLetterPrefix}<original subject>\`: after max_deliver failed deliveries, or at once when the input is invalid ` +
      '(schema validation failed). The body is the original message, unchanged; the headers say why. Nothing is silently dropped.',
    servers: [{ $ref: `#/servers/${SERVER_ID}` }],
    parameters: {
      originalSubject: {
        description: 'Subject the message was first published on, e.g. `cw.evt.deployment.requested.v1`.',
        examples: definitions.length ? [[...definitions].map((d) => d.subject).sort()[0]] : ['cw.evt.deployment.requested.v1'],
      },
    },
    messages: { [DEAD_LETTER_ID]: { $ref: `#/components/messages/${DEAD_LETTER_ID}` } },
  };
  messages[DEAD_LETTER_ID] = {
    name: DEAD_LETTER_ID,
    title: 'Dead letter',
    summary: 'The original message, unchanged, with headers naming the reason, original subject, stream, sequence, consumer, delivery count and time.',
    contentType: CLOUDEVENTS_CONTENT_TYPE,
    headers: { $ref: `${SCHEMAS}DeadLetterHeaders` },
    payload: {
      description: 'The original message body as received (it may be invalid: invalid input is dead-lettered at once).',
    },
  };
  const deadLetterChannel = { $ref: `#/channels/${DEAD_LETTER_ID}` };
  const deadLetterMessages = [{ $ref: `#/channels/${DEAD_LETTER_ID}/messages/${DEAD_LETTER_ID}` }];
  operations[`${DEAD_LETTER_ID}.send`] = {
    action: 'send',
    channel: deadLetterChannel,
    title: 'Dead-letter a message',
    summary: 'A consumer (libs/messaging) dead-letters a message it cannot handle, then terminates the original delivery.',
    messages: deadLetterMessages,
  };
  operations[`${DEAD_LETTER_ID}.receive`] = {
    action: 'receive',
    channel: deadLetterChannel,
    title: 'Inspect and replay dead letters',
    summary: 'Operators list, inspect and replay dead letters (after a fix or an upgrade; old versions are upcast on replay).',
    messages: deadLetterMessages,
  };

  schemas.EventHeaders = EVENT_HEADERS_SCHEMA;
  schemas.DeadLetterHeaders = DEAD_LETTER_HEADERS_SCHEMA;

  return {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: 'Cloudwright events',
      version: EVENT_CATALOG_VERSION,
      description:
        'Domain events of Cloudwright on NATS JetStream. Every message is a CloudEvents 1.0 structured-mode JSON event ' +
        `(stream \`${Streams.Events}\`, subjects \`${Subjects.AllEvents}\`); commands addressed to one agent travel the same way on ` +
        `\`${Streams.Commands}\` (\`${Subjects.AllCommands}\`, work queue). Generated from libs/contracts by ` +
        '`npm run events:generate`: do not edit by hand.',
    },
    defaultContentType: CLOUDEVENTS_CONTENT_TYPE,
    servers: {
      [SERVER_ID]: {
        host: 'localhost:4222',
        protocol: 'nats',
        description: 'Local NATS server with JetStream (nats-server 2.9 or later).',
      },
    },
    channels: sortedByKey(channels),
    operations: sortedByKey(operations),
    components: {
      schemas: sortedByKey(schemas),
      messages: sortedByKey(messages),
    },
  };
}
