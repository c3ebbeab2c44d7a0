import { type EventClass } from '@cloudwright/contracts';
import { durableName } from '@cloudwright/contracts';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { type NatsConnection, type Subscription } from '@nats-io/nats-core';
import { type Registry } from 'prom-client';
import { type DataSource } from 'typeorm';
import { errorMessage } from './common/async';
import { connectNats } from './common/nats-connection';
import { EventConsumer } from './consuming/event-consumer';
import { type ConsumerOptions, type EventHandlerFn } from './consuming/consumer-options';
import { createLogger, type Logger } from './observability/logger';
import { MessagingMetrics } from './observability/metrics';
import { ensureMessagingTables } from './outbox/messaging-tables';
import { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
import { JetStreamPublisher } from './publishing/jetstream-publisher';
import { QueryClient, serveQuery } from './queries/query';
import { provisionStreams } from './topology/stream-provisioner';
import { createTopology, type Topology, type TopologyOptions } from './topology/topology';
import { OutboxWriter, UnitOfWork } from './transaction/unit-of-work';

export interface MessagingOptions {
  /** Service name: the CloudEvent source is `cloudwright/<service>` and durables are `<service>__<handler>`. */
  service: string;
  natsUrl: string;
  dataSource: DataSource;
  /** The service's PostgreSQL schema (holds its outbox and inbox). */
  schema: string;
  topology?: TopologyOptions;
  /** Defaults for every consumer of this service. */
  consumerDefaults?: Omit<ConsumerOptions, 'name' | 'fromVersion'>;
  relay?: Omit<OutboxRelayOptions, 'schema'>;
  /** Create the outbox/inbox tables at start (dev runtime, tests). Production runs the migration instead. */
  ensureTables?: boolean;
  /** Start the outbox relay (default true). */
  relayEnabled?: boolean;
  /** Registry the metrics are registered on (the service's `/metrics`); a private one by default. */
  metricsRegistry?: Registry;
  logger?: Logger;
}

export interface HealthReport {
  status: 'up' | 'down';
  details: Record<string, { status: 'up' | 'down'; error?: string; [key: string]: unknown }>;
}

/**
 * The backbone of one service process: NATS connection, stream provisioning, the outbox relay, durable
 * consumers, query serving, health and metrics. The Nest module wraps it; tests, the CLI and benchmarks use it
 * directly.
 */
export class MessagingRuntime {
  readonly topology: Topology;
  readonly metrics: MessagingMetrics;
  readonly logger: Logger;
  readonly outbox: OutboxWriter;
  readonly unitOfWork: UnitOfWork;
  private nc?: NatsConnection;
  private jsClient?: JetStreamClient;
  private manager?: JetStreamManager;
  private pub?: JetStreamPublisher;
  private relay?: OutboxRelay;
  private queries?: QueryClient;
  private readonly consumers: EventConsumer[] = [];
  private readonly subscriptions: Subscription[] = [];
  private started = false;
  private connecting?: Promise<void>;

  constructor(readonly options: MessagingOptions) {
    this.topology = createTopology(options.topology);
    this.metrics = new MessagingMetrics(options.metricsRegistry);
    this.logger = options.logger ?? createLogger(`cloudwright/${options.service}`);
    this.outbox = new OutboxWriter({ schema: options.schema, source: `cloudwright/${options.service}` });
    this.unitOfWork = new UnitOfWork(options.dataSource, this.outbox, () => this.relay?.nudge());
  }

  get connection(): NatsConnection {
    if (!this.nc) throw new Error('messaging runtime is not connected (call connect() first)');
    return this.nc;
  }

  get js(): JetStreamClient {
    if (!this.jsClient) throw new Error('messaging runtime is not connected (call connect() first)');
    return this.jsClient;
  }

  get jsm(): JetStreamManager {
    if (!this.manager) throw new Error('messaging runtime is not connected (call connect() first)');
    return this.manager;
  }

  /** Direct JetStream publisher (no outbox): for producers without a database transaction. */
  get publisher(): JetStreamPublisher {
    if (!this.pub) throw new Error('messaging runtime is not connected (call connect() first)');
    return this.pub;
  }

  get queryClient(): QueryClient {
    if (!this.queries) throw new Error('messaging runtime is not connected (call connect() first)');
    return this.queries;
  }

  get outboxRelay(): OutboxRelay | undefined {
    return this.relay;
  }

  /** Connects to NATS, provisions the streams and (optionally) the tables. */
  async connect(): Promise<void> {
    // concurrent callers (subscribe, start) share one connection attempt
    this.connecting ??= this.doConnect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  private async doConnect(): Promise<void> {
    if (this.nc) return;
    this.nc = await connectNats({ url: this.options.natsUrl, name: `cloudwright/${this.options.service}` });
    this.jsClient = jetstream(this.nc);
    this.manager = await jetstreamManager(this.nc);
    this.pub = new JetStreamPublisher(this.nc, this.topology, `cloudwright/${this.options.service}`, this.metrics);
    this.queries = new QueryClient(this.nc, this.topology);
    await provisionStreams(this.manager, this.topology);
    if (this.options.ensureTables) await ensureMessagingTables(this.options.dataSource, this.options.schema);
    this.relay = new OutboxRelay(this.options.dataSource, this.pub, { ...this.options.relay, schema: this.options.schema }, this.logger, this.metrics);
  }

  /** Registers a handler (connecting first if needed); its durable consumer starts with `start()` (or at once when already started). */
  async subscribe<T extends object>(contract: EventClass<T>, handler: EventHandlerFn<T>, options: ConsumerOptions & { name: string }): Promise<EventConsumer<T>> {
    // the consumer needs the JetStream client: registering before connect() must not fail
    await this.connect();
    const consumer = new EventConsumer<T>(
      {
        js: this.js,
        jsm: this.jsm,
        dataSource: this.options.dataSource,
        schema: this.options.schema,
        topology: this.topology,
        outbox: this.outbox,
        afterCommit: () => this.relay?.nudge(),
        metrics: this.metrics,
        logger: this.logger,
      },
      contract,
      handler,
      durableName(this.options.service, options.name),
      { ...this.options.consumerDefaults, ...options },
    );
    this.consumers.push(consumer as unknown as EventConsumer);
    if (this.started) await consumer.start();
    return consumer;
  }

  /** Answers a query subject (`cw.qry.<service>.<name>.v<N>`) with a queue group shared by replicas. */
  serveQuery<Q, R>(subject: string, handler: (query: Q) => Promise<R>): void {
    this.subscriptions.push(serveQuery(this.connection, this.topology, subject, `cloudwright-${this.options.service}`, handler, this.logger));
  }

  /** Starts every registered consumer and the outbox relay. */
  async start(): Promise<void> {
    await this.connect();
    this.started = true;
    for (const consumer of this.consumers) await consumer.start();
    if (this.options.relayEnabled !== false) this.relay?.start();
  }

  /** Graceful shutdown: stop pulling, finish and ack the batches in hand, publish what was committed, drain NATS. */
  async stop(): Promise<void> {
    this.started = false;
    await Promise.all(this.consumers.map((c) => c.stop()));
    for (const sub of this.subscriptions) sub.unsubscribe();
    await this.relay?.stop();
    if (this.nc && !this.nc.isClosed()) {
      try {
        await this.nc.drain();
      } catch (error) {
        this.logger.warn({ err: errorMessage(error) }, 'NATS drain failed; closing');
        await this.nc.close();
      }
    }
    this.nc = undefined;
    this.connecting = undefined;
  }

  /** One indicator per dependency: postgres and nats (with the outbox backlog). */
  async health(): Promise<HealthReport> {
    const details: HealthReport['details'] = {};
    try {
      await this.options.dataSource.query('SELECT 1');
      const backlog = this.relay ? await this.relay.backlog() : undefined;
      details.postgres = { status: 'up', ...(backlog === undefined ? {} : { outboxBacklog: backlog }) };
    } catch (error) {
      details.postgres = { status: 'down', error: errorMessage(error) };
    }
    if (!this.nc || this.nc.isClosed()) {
      details.nats = { status: 'down', error: 'not connected' };
    } else {
      try {
        const rtt = await this.nc.rtt();
        await this.jsm.getAccountInfo();
        details.nats = { status: 'up', server: this.nc.getServer(), rttMs: rtt, consumers: this.consumers.length };
      } catch (error) {
        details.nats = { status: 'down', error: errorMessage(error) };
      }
    }
    const status = Object.values(details).every((d) => d.status === 'up') ? 'up' : 'down';
    return { status, details };
  }
}
