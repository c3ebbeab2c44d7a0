import { createTestContext, type TestContext } from '@cloudwright/devenv';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { createLogger } from '../observability/logger';
import { MessagingRuntime, type MessagingOptions } from '../messaging-runtime';

/** A messaging runtime on a test file's own schema and stream/subject prefixes, with its DataSource. */
export interface MessagingKit {
  ctx: TestContext;
  dataSource: DataSource;
  runtime(overrides?: Partial<MessagingOptions>): MessagingRuntime;
  /** Stops every runtime made here, closes the DataSource, drops the schema and the streams. */
  dispose(): Promise<void>;
}

export async function createMessagingKit(label: string): Promise<MessagingKit> {
  const ctx = await createTestContext(label);
  const dataSource = new DataSource({ type: 'postgres', url: ctx.databaseUrl, extra: { max: 5 }, schema: ctx.schema });
  await dataSource.initialize();
  const runtimes: MessagingRuntime[] = [];
  return {
    ctx,
    dataSource,
    runtime(overrides = {}) {
      const runtime = new MessagingRuntime({
        service: 'test',
        natsUrl: ctx.natsUrl,
        dataSource,
        schema: ctx.schema,
        topology: { streamPrefix: ctx.streamPrefix, subjectPrefix: ctx.subjectPrefix },
        ensureTables: true,
        relay: { pollIntervalMs: 50 },
        metricsRegistry: new Registry(),
        logger: createLogger('test', process.env.CW_TEST_LOG_LEVEL ?? 'silent'),
        ...overrides,
      });
      runtimes.push(runtime);
      return runtime;
    },
    async dispose() {
      for (const r of runtimes) await r.stop().catch(() => undefined);
      await dataSource.destroy();
      await ctx.dispose();
    },
  };
}

/** Polls until `check` returns true (or throws with `what` after the timeout). */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
