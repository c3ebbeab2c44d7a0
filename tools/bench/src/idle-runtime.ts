/**
 * A process holding one idle MessagingRuntime with one durable consumer (and the outbox relay), for the
 * library-level idle RSS figure. Spawned by bus.bench.ts; prints READY, stops on SIGTERM.
 * Env: CW_NATS_URL, CW_DATABASE_URL, BENCH_SCHEMA, BENCH_STREAM_PREFIX, BENCH_SUBJECT_PREFIX.
 */
import 'reflect-metadata';
import { MessagingRuntime, createLogger } from '@cloudwright/messaging';
import { DataSource } from 'typeorm';
import { BenchProbeSentV1 } from './bench-contract';

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const schema = env('BENCH_SCHEMA');
  const dataSource = new DataSource({ type: 'postgres', url: env('CW_DATABASE_URL'), extra: { max: 5 }, schema });
  await dataSource.initialize();
  const runtime = new MessagingRuntime({
    service: 'bench-idle',
    natsUrl: env('CW_NATS_URL'),
    dataSource,
    schema,
    topology: { streamPrefix: env('BENCH_STREAM_PREFIX'), subjectPrefix: env('BENCH_SUBJECT_PREFIX') },
    ensureTables: true,
    logger: createLogger('bench-idle', 'warn'),
  });
  await runtime.subscribe(BenchProbeSentV1, () => Promise.resolve(), { name: 'idle' });
  await runtime.start();
  process.stdout.write('READY\n');
  process.once('SIGTERM', () => {
    void runtime
      .stop()
      .then(() => dataSource.destroy())
      .then(() => process.exit(0), () => process.exit(1));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
