import { connect } from '@nats-io/transport-node';
import { type NatsConnection } from '@nats-io/nats-core';

export interface NatsConnectOptions {
  url: string;
  /** Connection name shown by the server (`cloudwright/<service>`). */
  name: string;
  /** Give up the first connect after this long (default 5 s). Reconnects after that never give up. */
  connectTimeoutMs?: number;
}

/** Connects with reconnects that never give up: an outage pauses the backbone, it does not stop the process. */
export async function connectNats(options: NatsConnectOptions): Promise<NatsConnection> {
  return connect({
    servers: options.url,
    name: options.name,
    timeout: options.connectTimeoutMs ?? 5000,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    pingInterval: 10_000,
  });
}
