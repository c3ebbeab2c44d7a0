import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Client } from 'pg';
import { assertTestDatabase, randomToken, schemaNameFor, streamPrefixFor, subjectPrefixFor } from './test-names';

/** Isolation for one integration test file: its own schema, stream-name prefix and subject prefix. */
export interface TestContext {
  natsUrl: string;
  databaseUrl: string;
  /** A fresh PostgreSQL schema, dropped by dispose(). */
  schema: string;
  /** Prefix for JetStream stream names, e.g. `T_1A2B3C4D_`; dispose() deletes every stream that starts with it. */
  streamPrefix: string;
  /** Prefix for subjects, e.g. `t1a2b3c4d.` so `cw.evt.x` becomes `t1a2b3c4d.cw.evt.x`. */
  subjectPrefix: string;
  /** Drops the schema (cascade), deletes the prefixed streams; idempotent. */
  dispose: () => Promise<void>;
}

const MISSING_ENV =
  'CW_NATS_URL and CW_DATABASE_URL are not set: run integration tests through jest\'s integration project ' +
  '(npx jest --selectProjects integration), whose global setup finds or starts NATS and PostgreSQL.';

async function withPg<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the schema and prefixes for a test file; call dispose() in afterAll. */
export async function createTestContext(label: string, env: NodeJS.ProcessEnv = process.env): Promise<TestContext> {
  const natsUrl = env.CW_NATS_URL;
  const databaseUrl = env.CW_DATABASE_URL;
  if (!natsUrl || !databaseUrl) throw new Error(MISSING_ENV);
  assertTestDatabase(databaseUrl);
  const token = randomToken();
  const schema = schemaNameFor(label, token);
  const streamPrefix = streamPrefixFor(token);
  await withPg(databaseUrl, (client) => client.query(`create schema ${client.escapeIdentifier(schema)}`));
  let disposing: Promise<void> | undefined;
  const dispose = () =>
    (disposing ??= (async () => {
      await withPg(databaseUrl, (client) => client.query(`drop schema if exists ${client.escapeIdentifier(schema)} cascade`));
      const nc = await connect({ servers: natsUrl, timeout: 5_000, reconnect: false });
      try {
        const jsm = await jetstreamManager(nc);
        const names: string[] = [];
        for await (const name of jsm.streams.names()) if (name.startsWith(streamPrefix)) names.push(name);
        for (const name of names) await jsm.streams.delete(name);
      } finally {
        await nc.close();
      }
    })());
  return { natsUrl, databaseUrl, schema, streamPrefix, subjectPrefix: subjectPrefixFor(token), dispose };
}
