import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findFreePort, findRepoRoot, logTail, stopChild } from '@cloudwright/devenv';
import { type CliCommand } from '../command';
import { UsageError } from '../common/connection';
import { bringUpInfrastructure, platformDataDir } from '../runtime/infrastructure';
import { API_TOKEN_FILE, API_URL_FILE } from '../deployments/api-client';
import { runDemo } from './demo';

const USAGE = `usage: cloudwright up [--port <http port>] [--no-demo] [--exit-after-demo]

Finds or starts NATS (JetStream) and PostgreSQL (CW_NATS_URL / CW_DATABASE_URL, else the local servers, else
its own under .cloudwright/), starts the platform (the orchestrator: HTTP API, deployment intake; the cost-tracker:
estimates, FOCUS imports, budgets),
runs a demo end to end, and keeps running until Ctrl-C, which stops everything it started.
  --port             HTTP port of the orchestrator (default CW_HTTP_PORT, else 8080, else a free port);
                     the other services listen on free ports, printed at start
  --no-demo          skip the demo
  --exit-after-demo  stop everything after the demo; exit 0 when it passed (smoke test)`;

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function waitForHealth(name: string, url: string, child: ChildProcess, logFile: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the ${name} exited with code ${child.exitCode} during start-up; last lines of ${logFile}:\n${logTail(logFile, 15)}`);
    }
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the ${name} did not become healthy within ${timeoutMs / 1000} s; see ${logFile}:\n${logTail(logFile, 15)}`);
}

/** The services of the all-in-one runtime, started in this order; the orchestrator serves the public HTTP API. */
const SERVICES = [
  { name: 'orchestrator', main: 'services/orchestrator/dist/main.js' },
  { name: 'cost-tracker', main: 'services/cost-tracker/dist/main.js' },
  { name: 'compliance', main: 'services/compliance/dist/main.js' },
] as const;

interface RunningService {
  name: string;
  child: ChildProcess;
  log: WriteStream;
  logFile: string;
  url: string;
}

/**
 * A fresh API token: `cw_` and 32 base64url characters (192 random bits). The prefix makes the tokens easy to spot
 * for secret scanners and keeps them from starting with `-`, which a command line would read as an option.
 */
export function newApiToken(): string {
  return `cw_${randomBytes(24).toString('base64url')}`;
}

export const upCommand: CliCommand = {
  name: 'up',
  summary: 'find or start NATS and PostgreSQL, start the platform and run a demo end to end (Ctrl-C stops it)',
  async run(argv) {
    let values;
    try {
      ({ values } = parseArgs({ args: argv, options: { port: { type: 'string' }, 'no-demo': { type: 'boolean' }, 'exit-after-demo': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
    } catch (error) {
      console.error(`cloudwright up: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
      return 1;
    }
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const root = findRepoRoot(__dirname);
    const mains = SERVICES.map((service) => ({ ...service, main: join(root, service.main) }));
    const missing = mains.find((service) => !existsSync(service.main));
    if (missing) {
      console.error(`cloudwright up: ${missing.main} is missing; run \`npm run build\` first (\`npm run up\` does)`);
      return 1;
    }
    let port: number;
    try {
      const wanted = values.port ?? process.env.CW_HTTP_PORT;
      if (wanted !== undefined) {
        port = Number(wanted);
        if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port "${wanted}" must be a port number`);
      } else {
        port = (await portIsFree(8080)) ? 8080 : await findFreePort();
      }
    } catch (error) {
      console.error(`cloudwright up: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }

    const infra = await bringUpInfrastructure();
    const dataDir = platformDataDir();
    const logDir = join(dataDir, 'logs');
    // API tokens of this run: the CLI finds the admin token and the URL in the data folder
    const tokens = { admin: newApiToken(), operator: newApiToken(), approver: newApiToken(), viewer: newApiToken() };
    const apiTokens = `local-admin:admin:${tokens.admin},ci:operator:${tokens.operator},approver:approver:${tokens.approver},dashboard:viewer:${tokens.viewer}`;
    mkdirSync(logDir, { recursive: true });
    const running: RunningService[] = [];
    let shuttingDown: Promise<void> | undefined;
    const shutdown = () =>
      (shuttingDown ??= (async () => {
        console.log(`\nstopping ${running.map((r) => r.name).join(', ') || 'the platform'} (draining their consumers) ...`);
        await Promise.all(running.map(async (r) => {
          await stopChild(r.child, 'SIGTERM', 15_000);
          r.log.end();
        }));
        await infra.stop();
        console.log('stopped.');
      })());

    try {
      for (const service of mains) {
        const servicePort = service.name === 'orchestrator' ? port : await findFreePort();
        const logFile = join(logDir, `${service.name}.log`);
        const log = createWriteStream(logFile, { flags: 'a' });
        const child = spawn(process.execPath, [service.main], {
          env: {
            ...process.env,
            CW_NATS_URL: infra.natsUrl,
            CW_DATABASE_URL: infra.databaseUrl,
            CW_MIGRATE_ON_BOOT: 'true',
            CW_HTTP_PORT: String(servicePort),
            // one set of tokens for every service's API
            CW_API_TOKENS: apiTokens,
            ...(service.name === 'orchestrator' ? { CW_CLOUDSIM_LATENCY_SCALE: process.env.CW_CLOUDSIM_LATENCY_SCALE ?? '0.001' } : {}),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout?.pipe(log);
        child.stderr?.pipe(log);
        const url = `http://127.0.0.1:${servicePort}`;
        running.push({ name: service.name, child, log, logFile, url });
        console.log(`starting the ${service.name} (logs: ${logFile}) ...`);
      }
      for (const r of running) {
        await waitForHealth(r.name, r.url, r.child, r.logFile);
        console.log(`${r.name} healthy at ${r.url}`);
      }
      const urlOf = (name: string) => running.find((r) => r.name === name)?.url ?? '';
      const url = urlOf('orchestrator');
      writeFileSync(join(dataDir, API_URL_FILE), `${url}\n`);
      writeFileSync(join(dataDir, API_TOKEN_FILE), `${tokens.admin}\n`, { mode: 0o600 });
      let demoOk = true;
      if (!values['no-demo']) {
        demoOk = await runDemo({ root, apiUrl: url, costUrl: urlOf('cost-tracker'), complianceUrl: urlOf('compliance'), natsUrl: infra.natsUrl, databaseUrl: infra.databaseUrl, dataDir, tokens });
      }
      if (values['exit-after-demo']) {
        await shutdown();
        return demoOk ? 0 : 1;
      }
      console.log(`
Cloudwright is up.
  API          ${url}/deployments
  cost         ${urlOf('cost-tracker')}/costs
  compliance   ${urlOf('compliance')}/scores/latest
  health       ${running.map((r) => `${r.url}/health`).join('  ')}
  metrics      ${running.map((r) => `${r.url}/metrics`).join('  ')}
  NATS         ${infra.natsUrl}
  PostgreSQL   ${infra.databaseUrl.replace(/:[^:@/]*@/, ':***@')}
  API token    ${join(dataDir, API_TOKEN_FILE)} (admin; the CLI reads it)
Try:  npm run cloudwright -- deploy --plan examples/plans/multi-cloud.plan.json --stack shop --env dev --wait
      npm run cloudwright -- history --stack shop
      npm run cloudwright -- cost estimate --plan examples/plans/multi-cloud.plan.json
      npm run cloudwright -- compliance scan --plan examples/plans/multi-cloud.plan.json --framework pci
      npm run cloudwright -- dlq list
Press Ctrl-C to stop everything this command started.`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
        for (const r of running) {
          r.child.once('exit', (code) => {
            if (!shuttingDown) console.error(`the ${r.name} exited unexpectedly (code ${code}); see ${r.logFile}`);
            resolve();
          });
        }
      });
      await shutdown();
      return 0;
    } catch (error) {
      console.error(`cloudwright up: ${error instanceof Error ? error.message : String(error)}`);
      await shutdown();
      return 1;
    }
  },
};
