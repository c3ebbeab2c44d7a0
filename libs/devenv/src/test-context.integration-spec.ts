import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Client } from 'pg';
import { createTestContext, type TestContext } from './test-context';

async function schemaExists(databaseUrl: string, schema: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query('select 1 from information_schema.schemata where schema_name = $1', [schema]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

describe(createTestContext.name, () => {
  let nc: NatsConnection;
  const contexts: TestContext[] = [];

  beforeAll(async () => {
    nc = await connect({ servers: process.env.CW_NATS_URL });
  });
  afterAll(async () => {
    for (const context of contexts) await context.dispose();
    await nc.close();
  });

  it('creates a schema and prefixes, and dispose() drops the schema and the prefixed streams', async () => {
    const context = await createTestContext('Devenv: test-context spec');
    contexts.push(context);
    const other = await createTestContext('devenv other');
    contexts.push(other);
    const jsm = await jetstreamManager(nc);
    const streamName = `${context.streamPrefix}DEPLOYMENTS`;
    await jsm.streams.add({ name: streamName, subjects: [`${context.subjectPrefix}cw.evt.>`] });
    await jsm.streams.add({ name: `${other.streamPrefix}DEPLOYMENTS`, subjects: [`${other.subjectPrefix}cw.evt.>`] });
    await jsm.streams.add({ name: `${context.streamPrefix}DLQ`, subjects: [`${context.subjectPrefix}cw.dlq.>`] });

    expect(context.schema).toMatch(/^t_devenv_test_context_spec_[0-9a-f]{8}$/);
    expect(context.streamPrefix).toMatch(/^T_[0-9A-F]{8}_$/);
    expect(context.subjectPrefix).toMatch(/^t[0-9a-f]{8}\.$/);
    await expect(schemaExists(context.databaseUrl, context.schema)).resolves.toBe(true);

    await context.dispose();
    await context.dispose(); // idempotent

    await expect(schemaExists(context.databaseUrl, context.schema)).resolves.toBe(false);
    const names: string[] = [];
    for await (const name of jsm.streams.names()) names.push(name);
    expect(names.filter((name) => name.startsWith(context.streamPrefix))).toEqual([]);
    expect(names).toContain(`${other.streamPrefix}DEPLOYMENTS`); // another file's streams are left alone
    await expect(schemaExists(other.databaseUrl, other.schema)).resolves.toBe(true);
  });

  it('refuses a database whose name lacks "test"', async () => {
    const env = { CW_NATS_URL: process.env.CW_NATS_URL, CW_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/cloudwright' };

    await expect(createTestContext('x', env)).rejects.toThrow(/Refusing to run integration tests against database "cloudwright"/);
  });

  it('says to run through the integration project when the variables are missing', async () => {
    await expect(createTestContext('x', {})).rejects.toThrow(/run integration tests through jest's integration project/);
  });
});
