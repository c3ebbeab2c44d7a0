import { Client } from 'pg';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestContext, findFreePort, findRepoRoot, type TestContext } from '@cloudwright/devenv';

/** The quick start's demo, end to end: the compiled CLI starts the compiled orchestrator and plays a CI pipeline. */
describe('cloudwright up', () => {
  let ctx: TestContext;
  const root = findRepoRoot(__dirname);
  const cli = join(root, 'tools/cli/dist/main.js');

  beforeAll(async () => {
    ctx = await createTestContext('up');
  });

  afterAll(async () => {
    const client = new Client({ connectionString: ctx.databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(`${ctx.schema}_sim`)} CASCADE`).finally(() => client.end());
    await ctx.dispose();
  });

  it('runs the demo against the real services: a multi-cloud deployment through every gate, a rollback, actual cost from the simulated billing export, one deployment per request key, the invalid request dead-lettered, a plan priced, actual cost imported, the plan scanned with a waiver', async () => {
    expect(existsSync(cli) && existsSync(join(root, 'services/orchestrator/dist/main.js')) && existsSync(join(root, 'services/cost-tracker/dist/main.js')) && existsSync(join(root, 'services/compliance/dist/main.js'))).toBe(true); // `npm test` builds first
    const port = await findFreePort();
    const child = spawn(process.execPath, [cli, 'up', '--exit-after-demo', '--port', String(port)], {
      env: {
        ...process.env,
        CW_NATS_URL: ctx.natsUrl,
        CW_DATABASE_URL: ctx.databaseUrl,
        CW_ORCHESTRATOR_SCHEMA: ctx.schema,
        CW_STREAM_PREFIX: ctx.streamPrefix,
        CW_SUBJECT_PREFIX: ctx.subjectPrefix,
        CW_CLOUDSIM_SCHEMA: `${ctx.schema}_sim`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) console.error(output);
    expect(code).toBe(0);
    expect(output).toMatch(/✔ succeeded: revision 1, 18 resources on aws, azure, gcp; cost gate USD [\d.]+\/month/);
    expect(output).toContain('gate       compliance passed');
    expect(output).toContain('✔ exit code 3: rolled back');
    expect(output).toMatch(/✔ \d+ FOCUS rows imported/);
    expect(output).toMatch(/✔ actual [\d.]+ USD for the exported days against the estimate's [\d.]+ USD per day/);
    expect(output).toMatch(/✔ one deployment for the request key \([0-9a-f-]{36}, [a-z-]+\); deployments of web\/staging: 1/);
    expect(output).toMatch(/dead letter #\d+ from orchestrator__deployment-intake \[VALIDATION_FAILED\]: .*data\.ci\.commit/);
    expect(output).toContain('✔ demo passed');
    expect(output).toMatch(/✔ \$[\d,.]+ per month for \d+ priced resources \(0 not priced\)/);
    expect(output).toMatch(/✔ (70 rows imported|already imported before)/);
    expect(output).toMatch(/✔ AWS: [\d.]+ USD/);
    expect(output).toMatch(/✔ Google Cloud: [\d.]+ USD/);
    expect(output).toMatch(/✔ overall score [\d.]+; failing: \d+ critical, [1-9]\d* high/);
    expect(output).toMatch(/✔ pci-dss-4\.0: [\d.]+ \(\d+ passed, \d+ failed, \d+ manual\)/);
    expect(output).toMatch(/✔ gate: blocked — \d+ unwaived high\+ finding\(s\)/);
    expect(output).toMatch(/✔ muted findings: [1-9]\d* \(still listed\); gate: blocked/);
  }, 240_000);
});
