import { DomainError, ErrorCode, isDomainError, type ErrorCode as Code } from '@cloudwright/contracts';
import { errors as natsErrors, type NatsConnection, type Subscription } from '@nats-io/nats-core';
import { errorMessage } from '../common/async';
import { type Logger } from '../observability/logger';
import { type Topology } from '../topology/topology';

/** What travels back on a query reply: the result, or a typed error. */
export type QueryReply<R> = { ok: true; data: R } | { ok: false; error: { code: Code; message: string; details?: Record<string, unknown> } };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface QueryOptions {
  /** Default 5 s. */
  timeoutMs?: number;
}

/**
 * Request/reply on core NATS for queries (dashboards, CLI): never on the durable streams. Subjects are
 * `cw.qry.<service>.<name>.v<N>`. Errors come back typed: `TIMEOUT`, `NO_RESPONDER`, or the responder's DomainError code.
 */
export class QueryClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly topology: Topology,
  ) {}

  async request<Q, R>(subject: string, query: Q, options: QueryOptions = {}): Promise<R> {
    const timeout = options.timeoutMs ?? 5000;
    let reply;
    try {
      reply = await this.nc.request(this.topology.wire(subject), encoder.encode(JSON.stringify(query)), { timeout });
    } catch (caught) {
      // nats.js v3 wraps the cause in a RequestError
      const error = caught instanceof Error && caught.cause instanceof Error ? caught.cause : caught;
      if (error instanceof natsErrors.NoRespondersError || (error instanceof Error && /no responders/i.test(error.message))) {
        throw new DomainError(ErrorCode.NoResponder, `no service answers ${subject}`, { subject });
      }
      if (error instanceof natsErrors.TimeoutError || (error instanceof Error && /timeout/i.test(error.message))) {
        throw new DomainError(ErrorCode.Timeout, `${subject} did not answer within ${timeout} ms`, { subject, timeoutMs: timeout });
      }
      throw new DomainError(ErrorCode.Unavailable, `${subject}: ${errorMessage(error)}`, { subject });
    }
    const body = JSON.parse(decoder.decode(reply.data)) as QueryReply<R>;
    if (body.ok) return body.data;
    throw new DomainError(body.error.code, body.error.message, body.error.details);
  }
}

/** Serves one query subject with a queue group, so replicas share the load. */
export function serveQuery<Q, R>(
  nc: NatsConnection,
  topology: Topology,
  subject: string,
  queue: string,
  handler: (query: Q) => Promise<R>,
  logger: Logger,
): Subscription {
  return nc.subscribe(topology.wire(subject), {
    queue,
    callback: (error, msg) => {
      if (error) {
        logger.warn({ subject, err: errorMessage(error) }, 'query subscription error');
        return;
      }
      void (async () => {
        let reply: QueryReply<R>;
        try {
          const query = JSON.parse(decoder.decode(msg.data)) as Q;
          reply = { ok: true, data: await handler(query) };
        } catch (caught) {
          if (isDomainError(caught)) {
            reply = { ok: false, error: { code: caught.code, message: caught.message, details: caught.details } };
          } else if (caught instanceof SyntaxError) {
            reply = { ok: false, error: { code: ErrorCode.ValidationFailed, message: `query is not JSON: ${caught.message}` } };
          } else {
            const errorId = crypto.randomUUID();
            logger.error({ subject, errorId, err: errorMessage(caught) }, 'query handler failed');
            reply = { ok: false, error: { code: ErrorCode.Internal, message: `internal error (error id ${errorId})`, details: { errorId } } };
          }
        }
        msg.respond(encoder.encode(JSON.stringify(reply)));
      })();
    },
  });
}
