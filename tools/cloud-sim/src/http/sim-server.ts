import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { PROVIDER_CLOUDS, isProviderError, type ProviderCloud, type ProviderErrorCode } from '@cloudwright/cloud-provider';
import { SIM_REGIONS } from '../catalog/regions';
import { type SimCategory } from '../catalog/resource-behaviour';
import { type FaultSpec } from '../faults/fault';
import { type SimCloud } from '../sim-cloud';
import { SimInputError } from '../sim.errors';

export interface SimServerOptions {
  sim: SimCloud;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** 127.0.0.1 by default. */
  host?: string;
  /** Called once per unexpected error (default: console.error). */
  onError?: (error: unknown, errorId: string) => void;
}

export interface SimServer {
  /** `http://host:port` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** HTTP status of each ProviderError code (every code is mapped). */
export const PROVIDER_ERROR_STATUS: Readonly<Record<ProviderErrorCode, number>> = {
  'invalid-request': 400,
  'unsupported-type': 400,
  'unknown-region': 400,
  'quota-exceeded': 409,
  'dependency-missing': 409,
  'dependency-violation': 409,
  'already-exists': 409,
  'not-found': 404,
  'region-unavailable': 503,
  throttled: 429,
  'injected-fault': 500,
  timeout: 504,
  internal: 500,
};

const MAX_BODY_BYTES = 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'invalid-request', `body: larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new SimInputError('body', 'is empty; a JSON object is expected');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SimInputError('body', `is not valid JSON (${(error as Error).message})`);
  }
}

function requiredQuery(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (value === null || value === '') throw new SimInputError(name, 'query parameter is required');
  return value;
}

/** The body of a batch health check: `{ addresses: string[] }` (1–1000 non-empty strings). */
function addressesOf(body: unknown): string[] {
  const addresses = (body as { addresses?: unknown } | null)?.addresses;
  if (!Array.isArray(addresses) || addresses.length === 0 || addresses.length > 1000) throw new SimInputError('addresses', 'must be an array of 1 to 1000 resource addresses');
  const bad = addresses.findIndex((a) => typeof a !== 'string' || a === '');
  if (bad >= 0) throw new SimInputError(`addresses[${bad}]`, 'must be a non-empty string');
  return addresses as string[];
}

function optionalQuery(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SimInputError(field, 'must be a JSON object');
  return value as Record<string, unknown>;
}

function cloudField(value: unknown, field: string): ProviderCloud {
  if (typeof value !== 'string' || !(PROVIDER_CLOUDS as readonly string[]).includes(value)) {
    throw new SimInputError(field, `must be one of ${PROVIDER_CLOUDS.join(', ')} (got ${JSON.stringify(value) ?? 'undefined'})`);
  }
  return value as ProviderCloud;
}

type Handler = (req: IncomingMessage, params: string[], query: URLSearchParams) => Promise<{ status?: number; body: unknown; csv?: boolean }>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

function routes(sim: SimCloud): Route[] {
  const at = (i: number, params: string[]): string => decodeURIComponent(params[i] ?? '');
  return [
    { method: 'GET', pattern: /^\/health$/, handler: async () => ({ body: { status: 'ok', provider: sim.name, schema: sim.schema, now: (await sim.now()).toISOString() } }) },
    { method: 'GET', pattern: /^\/regions$/, handler: () => Promise.resolve({ body: SIM_REGIONS }) },
    {
      method: 'GET',
      pattern: /^\/resources$/,
      handler: async (_req, _p, query) => ({ body: await sim.list(requiredQuery(query, 'stack'), requiredQuery(query, 'environment')) }),
    },
    {
      method: 'POST',
      pattern: /^\/resources\/([^/]+)\/([^/]+)\/health$/,
      handler: async (req, p) => ({ body: await sim.healthOf(at(0, p), at(1, p), addressesOf(await readJson(req))) }),
    },
    {
      method: 'GET',
      pattern: /^\/resources\/([^/]+)\/([^/]+)\/([^/]+)\/health$/,
      handler: async (_req, p) => ({ body: await sim.health(at(0, p), at(1, p), at(2, p)) }),
    },
    {
      method: 'GET',
      pattern: /^\/resources\/([^/]+)\/([^/]+)\/([^/]+)$/,
      handler: async (_req, p) => {
        const state = await sim.describe(at(0, p), at(1, p), at(2, p));
        if (!state) throw new HttpError(404, 'not-found', `${at(2, p)} does not exist in ${at(0, p)}/${at(1, p)}`);
        return { body: state };
      },
    },
    { method: 'POST', pattern: /^\/apply$/, handler: async (req) => ({ body: await sim.apply((await readJson(req)) as Parameters<SimCloud['apply']>[0]) }) },
    { method: 'POST', pattern: /^\/faults$/, handler: async (req) => ({ status: 201, body: { id: await sim.injectFault((await readJson(req)) as FaultSpec) } }) },
    { method: 'GET', pattern: /^\/faults$/, handler: async () => ({ body: await sim.listFaults() }) },
    { method: 'DELETE', pattern: /^\/faults$/, handler: async () => ({ body: { removed: await sim.clearFaults() } }) },
    { method: 'DELETE', pattern: /^\/faults\/([^/]+)$/, handler: async (_req, p) => ({ body: { removed: await sim.clearFaults(at(0, p)) } }) },
    {
      method: 'POST',
      pattern: /^\/outages$/,
      handler: async (req) => {
        const body = record(await readJson(req), 'body');
        const cloud = cloudField(body.cloud, 'cloud');
        if (typeof body.region !== 'string' || body.region === '') throw new SimInputError('region', `must be a region name (got ${JSON.stringify(body.region) ?? 'undefined'})`);
        if (typeof body.on !== 'boolean') throw new SimInputError('on', `must be true or false (got ${JSON.stringify(body.on) ?? 'undefined'})`);
        await sim.regionOutage(cloud, body.region, body.on);
        return { body: await sim.listOutages() };
      },
    },
    { method: 'GET', pattern: /^\/outages$/, handler: async () => ({ body: await sim.listOutages() }) },
    {
      method: 'POST',
      pattern: /^\/quotas$/,
      handler: async (req) => {
        const body = record(await readJson(req), 'body');
        await sim.setQuota({
          category: body.category as SimCategory,
          limit: body.limit as number,
          ...(body.cloud !== undefined ? { cloud: cloudField(body.cloud, 'cloud') } : {}),
          ...(body.region !== undefined ? { region: body.region as string } : {}),
        });
        return { body: { ok: true } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/counts$/,
      handler: async (_req, _p, query) => ({
        body: await sim.callCounts({ stack: optionalQuery(query, 'stack'), environment: optionalQuery(query, 'environment'), address: optionalQuery(query, 'address') }),
      }),
    },
    { method: 'GET', pattern: /^\/clock$/, handler: async () => ({ body: { now: (await sim.now()).toISOString() } }) },
    {
      method: 'POST',
      pattern: /^\/clock\/advance$/,
      handler: async (req) => {
        const body = record(await readJson(req), 'body');
        const hours = body.hours;
        if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) throw new SimInputError('hours', `must be a number ≥ 0 (got ${JSON.stringify(hours) ?? 'undefined'})`);
        return { body: { now: (await sim.advance(hours * 3_600_000)).toISOString() } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/billing\/export$/,
      handler: async (_req, _p, query) => {
        const currency = optionalQuery(query, 'currency') as 'USD' | undefined;
        const csv = await sim.billingExport({ from: requiredQuery(query, 'from'), to: requiredQuery(query, 'to'), ...(currency ? { currency } : {}) });
        return { body: csv, csv: true };
      },
    },
  ];
}

/**
 * The simulator's HTTP API (JSON; the billing export is text/csv) over one SimCloud: the port's calls for adapters
 * in other processes (SimHttpProvider), and faults, outages, quotas, counters, clock and billing for the demo and tests.
 * Bad input → 400 naming the field; a ProviderError → its status (PROVIDER_ERROR_STATUS) with the code.
 */
export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
  const table = routes(options.sim);
  const onError = options.onError ?? ((error: unknown, errorId: string) => console.error(`cloud-sim: unexpected error ${errorId}`, error));

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sim.invalid');
      try {
        const matching = table.filter((route) => route.pattern.test(url.pathname));
        if (matching.length === 0) throw new HttpError(404, 'not-found', `no route ${url.pathname}`);
        const route = matching.find((r) => r.method === req.method);
        if (!route) throw new HttpError(405, 'invalid-request', `${req.method ?? '?'} is not allowed on ${url.pathname} (allowed: ${matching.map((r) => r.method).join(', ')})`);
        const params = (route.pattern.exec(url.pathname) ?? []).slice(1);
        const outcome = await route.handler(req, params, url.searchParams);
        if (outcome.csv && typeof outcome.body === 'string') {
          res.writeHead(outcome.status ?? 200, { 'content-type': 'text/csv; charset=utf-8', 'content-length': Buffer.byteLength(outcome.body) });
          res.end(outcome.body);
        } else {
          send(res, outcome.status ?? 200, outcome.body);
        }
      } catch (error) {
        if (error instanceof SimInputError) {
          send(res, 400, { error: { code: 'invalid-request', field: error.field, message: error.message } });
        } else if (isProviderError(error)) {
          send(res, PROVIDER_ERROR_STATUS[error.code], { error: { code: error.code, message: error.message, address: error.address, retryable: error.retryable } });
        } else if (error instanceof HttpError) {
          send(res, error.status, { error: { code: error.code, message: error.message } });
        } else {
          const errorId = randomUUID();
          onError(error, errorId);
          send(res, 500, { error: { code: 'internal', message: `unexpected error ${errorId}`, errorId, retryable: true } });
        }
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
