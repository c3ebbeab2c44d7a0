import { Inject, Logger, Optional, Query, Res, type BeforeApplicationShutdown } from '@nestjs/common';
import { MessagingRuntime } from '@cloudwright/messaging';
import { ApiController } from '../api-controller.decorator';
import { optionalNameParam, optionalUuidParam } from '../api-params';
import { ApiRoute } from '../api-route.decorator';
import { API_ROUTES } from '../api-routes';
import { FEED_SUBJECTS, formatSseMessage, matchesFeedFilter, SSE_PING, toFeedEvent, type FeedFilter } from './feed-event';

/** The raw Node response under Fastify's reply (structural: the service does not import fastify or node:http types). */
interface RawResponse {
  writeHead(status: number, headers: Record<string, string>): unknown;
  write(chunk: string): boolean;
  end(): void;
  on(event: 'close', listener: () => void): unknown;
  readonly writableLength: number;
  readonly destroyed: boolean;
}

interface SseReply {
  raw: RawResponse;
  hijack(): unknown;
}

export interface FeedOptions {
  /** Interval of the `: ping` comment (default 15 s). */
  pingIntervalMs?: number;
  /** A client this far behind (bytes buffered) is disconnected; it reconnects and reads the state from the API. */
  maxBufferedBytes?: number;
}

export const FEED_OPTIONS = Symbol('FEED_OPTIONS');

const DEFAULT_PING_MS = 15_000;
const DEFAULT_MAX_BUFFERED = 1024 * 1024;

/**
 * `GET /events` (viewer): server-sent events of every deployment.* and alert.* event, from core NATS subscriptions
 * on the wired subjects (JetStream publishes reach core subscribers), filtered by deploymentId / stack /
 * environment. The subscriptions end when the client goes away or the service shuts down.
 */
@ApiController()
export class EventsController implements BeforeApplicationShutdown {
  private readonly logger = new Logger('events-feed');
  private readonly open = new Set<() => void>();
  private readonly pingMs: number;
  private readonly maxBuffered: number;

  constructor(
    private readonly runtime: MessagingRuntime,
    @Optional() @Inject(FEED_OPTIONS) options?: FeedOptions,
  ) {
    this.pingMs = options?.pingIntervalMs ?? DEFAULT_PING_MS;
    this.maxBuffered = options?.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED;
  }

  @ApiRoute(API_ROUTES.streamEvents)
  stream(
    @Res() reply: SseReply,
    @Query('deploymentId') deploymentId?: string,
    @Query('stack') stack?: string,
    @Query('environment') environment?: string,
  ): void {
    // validated before the stream opens, so a bad filter is a plain 400
    const filter: FeedFilter = {
      deploymentId: optionalUuidParam(deploymentId, 'deploymentId'),
      stack: optionalNameParam(stack, 'stack'),
      environment: optionalNameParam(environment, 'environment'),
    };
    const nc = this.runtime.connection;
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const subscriptions: { unsubscribe(): void }[] = [];
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(ping);
      for (const sub of subscriptions) sub.unsubscribe();
      this.open.delete(close);
      if (!raw.destroyed) raw.end();
    };
    const send = (chunk: string) => {
      if (closed) return;
      raw.write(chunk);
      if (raw.writableLength > this.maxBuffered) {
        this.logger.warn({ buffered: raw.writableLength }, 'feed client too slow; disconnecting it');
        close();
      }
    };
    for (const subject of FEED_SUBJECTS) {
      subscriptions.push(
        nc.subscribe(this.runtime.topology.wire(subject), {
          callback: (error, msg) => {
            if (error) {
              this.logger.warn({ err: error.message }, 'feed subscription ended');
              close();
              return;
            }
            const event = toFeedEvent(msg.data);
            if (event && matchesFeedFilter(event, filter)) send(formatSseMessage(event));
          },
        }),
      );
    }
    const ping = setInterval(() => send(SSE_PING), this.pingMs);
    raw.on('close', close);
    this.open.add(close);
    // the subscriptions are registered with the server once this reaches the client: it may rely on that
    void nc.flush().then(
      () => send(SSE_PING),
      () => close(),
    );
  }

  /** Feed clients connected now (each holds one NATS subscription per feed subject). */
  get openStreams(): number {
    return this.open.size;
  }

  beforeApplicationShutdown(): void {
    for (const close of [...this.open]) close();
  }
}
