import { Headers as H, type CloudEvent } from '@cloudwright/contracts';
import { type JetStreamManager, type StoredMsg } from '@nats-io/jetstream';

const decoder = new TextDecoder();

export interface StoredEvent<T = unknown> {
  seq: number;
  subject: string;
  msgId: string;
  header(name: string): string;
  event: CloudEvent<T>;
}

function toStoredEvent<T>(msg: StoredMsg): StoredEvent<T> {
  return {
    seq: msg.seq,
    subject: msg.subject,
    msgId: msg.header?.get(H.MsgId) ?? '',
    header: (name) => msg.header?.get(name) ?? '',
    event: JSON.parse(decoder.decode(msg.data)) as CloudEvent<T>,
  };
}

/** Every message of `stream`, read back one by one with `jsm.streams.getMessage` (oldest first). */
export async function readStream<T = unknown>(jsm: JetStreamManager, stream: string): Promise<StoredEvent<T>[]> {
  const info = await jsm.streams.info(stream);
  const out: StoredEvent<T>[] = [];
  if (info.state.messages === 0) return out;
  for (let seq = Math.max(1, info.state.first_seq); seq <= info.state.last_seq; seq++) {
    const msg = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (msg) out.push(toStoredEvent<T>(msg));
  }
  return out;
}

/** The stored messages whose CloudEvent id is `eventId`. */
export async function copiesOf(jsm: JetStreamManager, stream: string, eventId: string): Promise<StoredEvent[]> {
  return (await readStream(jsm, stream)).filter((m) => m.event.id === eventId);
}
