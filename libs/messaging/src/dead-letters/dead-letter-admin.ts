import { Headers as H } from '@cloudwright/contracts';
import { JetStreamApiError, jetstream, type JetStreamManager, type StoredMsg } from '@nats-io/jetstream';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/nats-core';
import { type Topology } from '../topology/topology';

export interface DeadLetter {
  /** Sequence in the dead-letter stream (the id used to replay it). */
  seq: number;
  time: string;
  reason: string;
  code: string;
  originalSubject: string;
  originalStream: string;
  originalSequence: number;
  consumer: string;
  deliveryCount: number;
  eventId?: string;
  eventType?: string;
  correlationId?: string;
  /** The original body, as text. */
  body: string;
}

const decoder = new TextDecoder();

function toDeadLetter(msg: StoredMsg): DeadLetter {
  const h = msg.header;
  const body = decoder.decode(msg.data);
  let event: { id?: unknown; type?: unknown; correlationid?: unknown } = {};
  try {
    event = JSON.parse(body) as typeof event;
  } catch {
    // an unparseable body is a reason to be here; keep it as text
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    seq: msg.seq,
    time: h.get(H.DlqTime) || msg.time.toISOString(),
    reason: h.get(H.DlqReason),
    code: h.get(H.DlqErrorCode),
    originalSubject: h.get(H.DlqOriginalSubject),
    originalStream: h.get(H.DlqOriginalStream),
    originalSequence: Number(h.get(H.DlqOriginalSequence) || 0),
    consumer: h.get(H.DlqConsumer),
    deliveryCount: Number(h.get(H.DlqDeliveryCount) || 0),
    eventId: str(event.id),
    eventType: str(event.type),
    correlationId: str(event.correlationid),
    body,
  };
}

/** Lists, replays and purges dead letters (the `cloudwright dlq` commands). */
export class DeadLetterAdmin {
  constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly topology: Topology,
  ) {}

  /** Dead letters, oldest first. */
  async list(options: { limit?: number; consumer?: string } = {}): Promise<DeadLetter[]> {
    const stream = this.topology.streams.deadLetters;
    const info = await this.jsm.streams.info(stream);
    const out: DeadLetter[] = [];
    const limit = options.limit ?? 1000;
    if (info.state.messages === 0) return out;
    for (let seq = Math.max(1, info.state.first_seq); seq <= info.state.last_seq && out.length < limit; seq++) {
      const msg = await this.get(seq);
      if (!msg) continue;
      const letter = toDeadLetter(msg);
      if (options.consumer && letter.consumer !== options.consumer) continue;
      out.push(letter);
    }
    return out;
  }

  /** One dead letter by its sequence, decoded. */
  async find(seq: number): Promise<DeadLetter | undefined> {
    const msg = await this.get(seq);
    return msg ? toDeadLetter(msg) : undefined;
  }

  async get(seq: number): Promise<StoredMsg | undefined> {
    try {
      return (await this.jsm.streams.getMessage(this.topology.streams.deadLetters, { seq })) ?? undefined;
    } catch (error) {
      if (error instanceof JetStreamApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  /**
   * Publishes the original message again on its original subject (after a fix) and removes the dead letter.
   * Every consumer of that subject receives it; those that had handled it skip it through their inbox.
   */
  async replay(seq: number): Promise<DeadLetter> {
    const msg = await this.get(seq);
    if (!msg) throw new Error(`no dead letter with sequence ${seq} in ${this.topology.streams.deadLetters}`);
    const letter = toDeadLetter(msg);
    if (!letter.originalSubject) throw new Error(`dead letter ${seq} has no ${H.DlqOriginalSubject} header`);
    const headers = natsHeaders();
    for (const [key, values] of msg.header) {
      if (key.startsWith('cw-dlq-') || key === H.MsgId) continue;
      for (const value of values) headers.append(key, value);
    }
    headers.set('cw-replayed-from-dlq-seq', String(seq));
    await jetstream(this.nc).publish(letter.originalSubject, msg.data, {
      headers,
      msgID: `replay:${this.topology.streams.deadLetters}:${seq}`,
      timeout: 5000,
    });
    await this.jsm.streams.deleteMessage(this.topology.streams.deadLetters, seq, false);
    return letter;
  }

  async replayAll(options: { consumer?: string } = {}): Promise<DeadLetter[]> {
    const letters = await this.list({ ...options, limit: Number.MAX_SAFE_INTEGER });
    const replayed: DeadLetter[] = [];
    for (const letter of letters) replayed.push(await this.replay(letter.seq));
    return replayed;
  }

  async count(): Promise<number> {
    const info = await this.jsm.streams.info(this.topology.streams.deadLetters);
    return info.state.messages;
  }
}
