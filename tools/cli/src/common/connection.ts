import { defaultDataDir, readRuntimeState } from '@cloudwright/devenv';
import { connectNats, createTopology, type Topology } from '@cloudwright/messaging';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { type NatsConnection } from '@nats-io/nats-core';

export interface CliConnection {
  nc: NatsConnection;
  jsm: JetStreamManager;
  topology: Topology;
  natsUrl: string;
  close(): Promise<void>;
}

/**
 * Where the CLI finds NATS: `--nats`, else `CW_NATS_URL`, else the server `cloudwright up` started (from
 * `.cloudwright/runtime.json`), else nats://127.0.0.1:4222. Prefixes from CW_STREAM_PREFIX / CW_SUBJECT_PREFIX.
 */
export function resolveNatsUrl(flag?: string): string {
  if (flag) return flag;
  if (process.env.CW_NATS_URL) return process.env.CW_NATS_URL;
  const own = readRuntimeState(defaultDataDir())?.servers.find((s) => s.kind === 'nats');
  return own?.url ?? 'nats://127.0.0.1:4222';
}

export async function openConnection(flag?: string): Promise<CliConnection> {
  const natsUrl = resolveNatsUrl(flag);
  let nc: NatsConnection;
  try {
    nc = await connectNats({ url: natsUrl, name: 'cloudwright/cli', connectTimeoutMs: 3000 });
  } catch (error) {
    throw new Error(`cannot reach NATS at ${natsUrl} (${error instanceof Error ? error.message : String(error)}); start the platform with \`npm run up\` or set CW_NATS_URL`, { cause: error });
  }
  const topology = createTopology({ streamPrefix: process.env.CW_STREAM_PREFIX, subjectPrefix: process.env.CW_SUBJECT_PREFIX });
  return {
    nc,
    jsm: await jetstreamManager(nc),
    topology,
    natsUrl,
    close: async () => {
      await nc.drain().catch(() => nc.close());
    },
  };
}

export type OutputFormat = 'table' | 'json';

export function parseOutput(value: string | undefined, allowed: readonly string[] = ['table', 'json']): OutputFormat {
  const v = value ?? 'table';
  if (!allowed.includes(v)) throw new UsageError(`--output must be one of ${allowed.join(', ')}`);
  return v as OutputFormat;
}

/** A mistake in the command line: printed with the command's usage, exit code 1. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Renders rows as an aligned text table. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
