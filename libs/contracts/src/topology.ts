/**
 * Stream, subject and consumer names of the event backbone. Renaming a stream or a durable consumer needs a
 * migration note (docs/operations.md): the old one keeps its messages and its position.
 */
export const Streams = {
  /** Domain events `cw.evt.>`; limits retention. */
  Events: 'CW_EVENTS',
  /** Commands addressed to one agent `cw.cmd.>`; work-queue retention (filters must be disjoint). */
  Commands: 'CW_COMMANDS',
  /** Dead letters `cw.dlq.>`; limits retention, kept for weeks. */
  DeadLetters: 'CW_DLQ',
} as const;
export type StreamName = (typeof Streams)[keyof typeof Streams];

export const Subjects = {
  AllEvents: 'cw.evt.>',
  AllCommands: 'cw.cmd.>',
  AllDeadLetters: 'cw.dlq.>',
  /** A dead letter is stored under `cw.dlq.<original subject>`. */
  DeadLetterPrefix: 'cw.dlq.',
  AlertRaised: 'cw.evt.alert.raised.v1',
  AlertResolved: 'cw.evt.alert.resolved.v1',
  /** Queries (request/reply on core NATS, never on the durable streams): `cw.qry.<service>.<name>.v<N>`. */
  QueryPrefix: 'cw.qry.',
} as const;

/** Headers carried on NATS messages besides the CloudEvent in the body. */
export const Headers = {
  MsgId: 'Nats-Msg-Id',
  TraceParent: 'traceparent',
  TraceState: 'tracestate',
  CorrelationId: 'cw-correlation-id',
  EventType: 'ce-type',
  // dead-letter headers
  DlqReason: 'cw-dlq-reason',
  DlqErrorCode: 'cw-dlq-error-code',
  DlqOriginalSubject: 'cw-dlq-original-subject',
  DlqOriginalStream: 'cw-dlq-original-stream',
  DlqOriginalSequence: 'cw-dlq-original-seq',
  DlqConsumer: 'cw-dlq-consumer',
  DlqDeliveryCount: 'cw-dlq-delivery-count',
  DlqTime: 'cw-dlq-time',
} as const;

/** Durable consumer name of a handler: `<service>__<handler>` (letters, digits, `-` and `_` only). */
export function durableName(service: string, handler: string): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '-');
  return `${clean(service)}__${clean(handler)}`;
}

/** Command subject addressed to one agent: `cw.cmd.<agent>.<verb>.v<N>`. */
export function commandSubject(agent: string, verb: string, version: number): string {
  return `cw.cmd.${agent}.${verb}.v${version}`;
}
