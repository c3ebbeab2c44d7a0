import { Headers as H } from '@cloudwright/contracts';
import { type JetStreamClient, type JsMsg } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { type Topology } from '../topology/topology';

export interface DeadLetterReason {
  /** Human-readable, says what is wrong and where (field errors included). */
  reason: string;
  /** Stable code (`VALIDATION_FAILED`, `MAX_DELIVER_EXCEEDED`, an `ErrorCode` of the handler's DomainError, …). */
  code: string;
}

/** Header values are single lines; long reasons are cut (the full text is logged). */
function headerValue(text: string): string {
  const line = text.replace(/[\r\n]+/g, ' ');
  return line.length > 2048 ? `${line.slice(0, 2045)}...` : line;
}

/**
 * Copies a message to `CW_DLQ` under `cw.dlq.<original subject>` with the original body and headers plus headers
 * naming the reason, code, original subject, stream, sequence, consumer, delivery count and time. Resolves once
 * the DLQ stream stored it; the caller then terminates the original.
 */
export async function publishDeadLetter(js: JetStreamClient, topology: Topology, msg: JsMsg, why: DeadLetterReason): Promise<void> {
  const headers = natsHeaders();
  if (msg.headers) {
    for (const [key, values] of msg.headers) {
      if (key === H.MsgId || key.startsWith('cw-dlq-')) continue;
      for (const value of values) headers.append(key, value);
    }
  }
  headers.set(H.DlqReason, headerValue(why.reason));
  headers.set(H.DlqErrorCode, why.code);
  headers.set(H.DlqOriginalSubject, msg.subject);
  headers.set(H.DlqOriginalStream, msg.info.stream);
  headers.set(H.DlqOriginalSequence, String(msg.info.streamSequence));
  headers.set(H.DlqConsumer, msg.info.consumer);
  headers.set(H.DlqDeliveryCount, String(msg.info.deliveryCount));
  headers.set(H.DlqTime, new Date().toISOString());
  await js.publish(topology.deadLetterSubject(msg.subject), msg.data, {
    headers,
    // one dead letter per (stream message, consumer), even if the term after it is lost
    msgID: `dlq:${msg.info.stream}:${msg.info.streamSequence}:${msg.info.consumer}`,
    timeout: 5000,
  });
}
