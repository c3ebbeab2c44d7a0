import { AckPolicy, DeliverPolicy, StorageType, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { inWindows, waitUntil } from './util';

export interface RawBaseline {
  publishRate: number;
  publishSeconds: number;
  consumeRate: number;
  consumeSeconds: number;
  consumed: number;
  timedOut: boolean;
}

export interface RawBaselineOptions {
  natsUrl: string;
  /** Stream name (the caller deletes it with its prefix). */
  stream: string;
  /** Subject prefix, e.g. `bab12.raw`; messages go to `<subject>.msg`. */
  subject: string;
  count: number;
  messageBytes: number;
  window: number;
  timeoutMs: number;
}

/**
 * The plain `@nats-io/jetstream` client, no Cloudwright code: async publish of `count` messages in windows of
 * `window` in-flight publishes, then a durable pull consumer reading them all with `consume()` and acking each.
 */
export async function measureRawJetStream(o: RawBaselineOptions): Promise<RawBaseline> {
  const nc = await connect({ servers: o.natsUrl, name: 'cloudwright/bench-raw' });
  try {
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    await jsm.streams.add({ name: o.stream, subjects: [`${o.subject}.>`], storage: StorageType.File });
    const body = new Uint8Array(o.messageBytes).fill(120);
    const subject = `${o.subject}.msg`;

    const p0 = performance.now();
    await inWindows(o.count, o.window, () => js.publish(subject, body));
    const publishSeconds = (performance.now() - p0) / 1000;

    await jsm.consumers.add(o.stream, { durable_name: 'raw', ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All });
    let consumed = 0;
    const c0 = performance.now();
    const consumer = await js.consumers.get(o.stream, 'raw');
    const messages = await consumer.consume();
    const done = (async () => {
      for await (const msg of messages) {
        msg.ack();
        if (++consumed >= o.count) break;
      }
    })();
    const finished = await waitUntil(() => consumed >= o.count, o.timeoutMs, 2);
    const consumeSeconds = (performance.now() - c0) / 1000;
    await messages.close();
    await done;
    await nc.flush();
    return {
      publishRate: o.count / publishSeconds,
      publishSeconds,
      consumeRate: consumed / consumeSeconds,
      consumeSeconds,
      consumed,
      timedOut: !finished,
    };
  } finally {
    await nc.drain().catch(() => nc.close());
  }
}
