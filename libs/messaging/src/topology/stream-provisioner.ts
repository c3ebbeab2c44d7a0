import { Subjects } from '@cloudwright/contracts';
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { type Topology } from './topology';

/** The three streams of DESIGN.md, as configured for this topology. */
export function streamConfigs(topology: Topology): (Partial<StreamConfig> & { name: string })[] {
  const common = {
    storage: StorageType.File,
    num_replicas: topology.options.replicas,
    duplicate_window: nanos(topology.options.duplicateWindowMs),
    discard: DiscardPolicy.Old,
  };
  return [
    {
      ...common,
      name: topology.streams.events,
      subjects: [topology.wire(Subjects.AllEvents)],
      retention: RetentionPolicy.Limits,
      max_age: nanos(topology.options.eventsMaxAgeMs),
      description: 'Cloudwright domain events (CloudEvents 1.0, structured JSON)',
    },
    {
      ...common,
      name: topology.streams.commands,
      subjects: [topology.wire(Subjects.AllCommands)],
      retention: RetentionPolicy.Workqueue,
      max_age: nanos(topology.options.eventsMaxAgeMs),
      description: 'Cloudwright commands addressed to one agent (work queue)',
    },
    {
      ...common,
      name: topology.streams.deadLetters,
      subjects: [topology.wire(Subjects.AllDeadLetters)],
      retention: RetentionPolicy.Limits,
      max_age: nanos(topology.options.deadLettersMaxAgeMs),
      description: 'Cloudwright dead letters: the original message with headers naming why it failed',
    },
  ];
}

function isNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && (error.status === 404 || /not found/i.test(error.message));
}

/** Creates the streams, or updates their mutable settings when they exist. Safe to run at every boot. */
export async function provisionStreams(jsm: JetStreamManager, topology: Topology): Promise<void> {
  for (const config of streamConfigs(topology)) {
    try {
      const info = await jsm.streams.info(config.name);
      const current = info.config;
      const changed =
        current.max_age !== config.max_age ||
        current.duplicate_window !== config.duplicate_window ||
        JSON.stringify(current.subjects) !== JSON.stringify(config.subjects);
      if (changed) {
        await jsm.streams.update(config.name, {
          subjects: config.subjects,
          max_age: config.max_age,
          duplicate_window: config.duplicate_window,
          description: config.description,
        });
      }
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.streams.add(config);
    }
  }
}

export interface DurableConsumerSpec {
  stream: string;
  durable: string;
  filterSubject: string;
  /** Server-side hard stop; the transport dead-letters one delivery earlier itself. */
  maxDeliver: number;
  ackWaitMs: number;
  maxAckPending: number;
  description?: string;
}

export function consumerConfig(spec: DurableConsumerSpec): Partial<ConsumerConfig> {
  return {
    durable_name: spec.durable,
    filter_subject: spec.filterSubject,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    max_deliver: spec.maxDeliver,
    ack_wait: nanos(spec.ackWaitMs),
    max_ack_pending: spec.maxAckPending,
    description: spec.description,
  };
}

/** Creates the durable pull consumer, or updates it when its settings changed. */
export async function provisionConsumer(jsm: JetStreamManager, spec: DurableConsumerSpec): Promise<void> {
  const config = consumerConfig(spec);
  try {
    const info = await jsm.consumers.info(spec.stream, spec.durable);
    const c = info.config;
    if (c.filter_subject !== config.filter_subject) {
      throw new Error(
        `durable consumer ${spec.durable} on ${spec.stream} filters ${c.filter_subject}, not ${config.filter_subject}: ` +
          'a filter cannot change in place; give the handler a new durable name (see docs/operations.md)',
      );
    }
    if (c.max_deliver !== config.max_deliver || c.ack_wait !== config.ack_wait || c.max_ack_pending !== config.max_ack_pending) {
      await jsm.consumers.update(spec.stream, spec.durable, {
        max_deliver: config.max_deliver,
        ack_wait: config.ack_wait,
        max_ack_pending: config.max_ack_pending,
        description: config.description,
      });
    }
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.consumers.add(spec.stream, config);
  }
}
