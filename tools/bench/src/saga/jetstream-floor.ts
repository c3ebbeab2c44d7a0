import { randomUUID } from 'node:crypto';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

export interface RoundTrips {
  /** Publish (until the stream's ack) + receipt on a pull consumer, ms, sorted ascending. */
  samples: number[];
}

/**
 * The JetStream round-trip floor: `count` times, publish a small event on the events stream and receive it with a
 * pull consumer (`next()`), one after the other. A durable of its own filtered on a subject no service consumes, so
 * the run's services never see the probes; it is deleted afterwards.
 */
export async function measureRoundTrips(natsUrl: string, eventsStream: string, subject: string, count: number): Promise<RoundTrips> {
  const nc = await connect({ servers: natsUrl, name: 'cloudwright/bench-saga-floor' });
  const durable = `bench_floor_${randomUUID().slice(0, 8)}`;
  try {
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    await jsm.consumers.add(eventsStream, { durable_name: durable, filter_subject: subject, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.New });
    const consumer = await js.consumers.get(eventsStream, durable);
    const body = new TextEncoder().encode(JSON.stringify({ specversion: '1.0', type: 'bench.floor.v1', data: { n: 0 } }));
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      await js.publish(subject, body);
      const msg = await consumer.next({ expires: 5_000 });
      if (!msg) throw new Error(`round trip ${i + 1} of ${count}: the probe on ${subject} was not received within 5 s`);
      samples.push(performance.now() - t0);
      msg.ack();
    }
    await jsm.consumers.delete(eventsStream, durable);
    return { samples: samples.sort((a, b) => a - b) };
  } finally {
    await nc.close();
  }
}
