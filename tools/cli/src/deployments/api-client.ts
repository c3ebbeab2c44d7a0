import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ApiRole,
  type ApprovalBody,
  type CancelBody,
  type DeploymentDetailDto,
  type DeploymentRequestedV1,
  type DeploymentSummaryDto,
  type QueueDto,
  type RollbackBody,
  type SubmitDeploymentResponse,
} from '@cloudwright/contracts';
import { UsageError } from '../common/connection';
import { platformDataDir } from '../runtime/infrastructure';
import { SseParser, type SseMessage } from './sse-parser';

/** Where the orchestrator listens when nothing says otherwise (what `cloudwright up` picks when the port is free). */
export const DEFAULT_API_URL = 'http://127.0.0.1:8080';
/** Files `cloudwright up` writes into the platform data dir: the orchestrator's URL and an admin token. */
export const API_URL_FILE = 'api-url';
export const API_TOKEN_FILE = 'api-token';

export type ApiUrlSource = '--api' | 'CW_API_URL' | 'platform' | 'default';
export type ApiTokenSource = '--token' | 'CW_API_TOKEN' | 'platform' | 'none';

/** The orchestrator's base URL and the bearer token, with where each came from (for error messages). */
export interface ApiTarget {
  url: string;
  urlSource: ApiUrlSource;
  /** Set when urlSource is 'platform': the file it came from. */
  urlFile?: string;
  token: string | undefined;
  tokenSource: ApiTokenSource;
  tokenFile?: string;
}

export interface ApiTargetFlags {
  api?: string;
  token?: string;
}

function readSmallFile(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const text = readFileSync(file, 'utf8').trim();
    return text.length > 0 ? text : undefined;
  } catch {
    return undefined;
  }
}

function checkUrl(url: string, from: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`${from} "${url}" is not a URL; give e.g. http://127.0.0.1:8080`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`${from} "${url}" must be an http:// or https:// URL`);
  return url.replace(/\/+$/, '');
}

/**
 * Base URL: `--api`, else CW_API_URL, else `<platform data dir>/api-url` (written by `cloudwright up`), else
 * http://127.0.0.1:8080. Token: `--token`, else CW_API_TOKEN, else `<platform data dir>/api-token`, else none.
 */
export function resolveApiTarget(flags: ApiTargetFlags, env: NodeJS.ProcessEnv = process.env, dataDir: string = platformDataDir()): ApiTarget {
  const urlFile = join(dataDir, API_URL_FILE);
  const tokenFile = join(dataDir, API_TOKEN_FILE);
  let target: Pick<ApiTarget, 'url' | 'urlSource' | 'urlFile'>;
  if (flags.api !== undefined) target = { url: checkUrl(flags.api, '--api'), urlSource: '--api' };
  else if (env.CW_API_URL) target = { url: checkUrl(env.CW_API_URL, 'CW_API_URL'), urlSource: 'CW_API_URL' };
  else {
    const recorded = readSmallFile(urlFile);
    target = recorded ? { url: checkUrl(recorded, urlFile), urlSource: 'platform', urlFile } : { url: DEFAULT_API_URL, urlSource: 'default' };
  }
  if (flags.token !== undefined) {
    if (flags.token.trim() === '') throw new UsageError('--token is empty');
    return { ...target, token: flags.token.trim(), tokenSource: '--token' };
  }
  if (env.CW_API_TOKEN) return { ...target, token: env.CW_API_TOKEN.trim(), tokenSource: 'CW_API_TOKEN' };
  const fromFile = readSmallFile(tokenFile);
  if (fromFile) return { ...target, token: fromFile, tokenSource: 'platform', tokenFile };
  return { ...target, token: undefined, tokenSource: 'none' };
}

/** The API could not be reached at all (refused, unknown host, reset, no answer in time). */
export class ApiConnectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiConnectionError';
  }
}

/** The API answered with an error status; `message` is ready to print (the server's message with what to do). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly serverMessage: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface DeploymentListQuery {
  stack?: string;
  environment?: string;
  status?: string;
  limit?: number;
}

export interface FeedQuery {
  deploymentId?: string;
  stack?: string;
  environment?: string;
}

interface ErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
  code?: string;
  details?: unknown;
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
};

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describe(error: unknown): string {
  const code = errorCode(error);
  if (code) return NETWORK_REASONS[code] ?? code;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Typed client of the orchestrator's HTTP API (routes and shapes of libs/contracts/src/api/deployments-api.ts) over
 * global fetch. Every failure becomes an ApiConnectionError or an ApiError whose message says what to do.
 */
export class DeploymentsApiClient {
  constructor(
    readonly target: ApiTarget,
    private readonly options: { requestTimeoutMs?: number } = {},
  ) {}

  submit(request: DeploymentRequestedV1): Promise<SubmitDeploymentResponse> {
    return this.json('POST', '/deployments', 'operator', request);
  }

  get(id: string): Promise<DeploymentDetailDto> {
    return this.json('GET', `/deployments/${encodeURIComponent(id)}`, 'viewer');
  }

  /** The deployment recorded for a request key; null while the intake has not recorded it yet (404). */
  async findByRequestKey(key: string): Promise<DeploymentDetailDto | null> {
    try {
      return await this.json<DeploymentDetailDto>('GET', `/deployments/by-request-key/${encodeURIComponent(key)}`, 'viewer');
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }

  list(query: DeploymentListQuery): Promise<DeploymentSummaryDto[]> {
    return this.json('GET', `/deployments${queryString({ ...query, limit: query.limit?.toString() })}`, 'viewer');
  }

  queue(query: { stack?: string; environment?: string }): Promise<QueueDto[]> {
    return this.json('GET', `/queue${queryString(query)}`, 'viewer');
  }

  approve(id: string, body: ApprovalBody): Promise<DeploymentDetailDto> {
    return this.json('POST', `/deployments/${encodeURIComponent(id)}/approve`, 'approver', body);
  }

  reject(id: string, body: ApprovalBody): Promise<DeploymentDetailDto> {
    return this.json('POST', `/deployments/${encodeURIComponent(id)}/reject`, 'approver', body);
  }

  cancel(id: string, body: CancelBody): Promise<DeploymentDetailDto> {
    return this.json('POST', `/deployments/${encodeURIComponent(id)}/cancel`, 'operator', body);
  }

  retry(id: string): Promise<DeploymentDetailDto> {
    return this.json('POST', `/deployments/${encodeURIComponent(id)}/retry`, 'operator', {});
  }

  /** Starts a rollback deployment; answers the new deployment. */
  rollback(id: string, body: RollbackBody): Promise<DeploymentSummaryDto> {
    return this.json('POST', `/deployments/${encodeURIComponent(id)}/rollback`, 'operator', body);
  }

  /**
   * Opens GET /events (text/event-stream) and yields its messages until the server ends the stream, the connection
   * drops (the iterator throws an ApiConnectionError) or `signal` aborts (the iterator ends quietly).
   * `onActivity` is called for every chunk received, heartbeats included.
   */
  async openFeed(query: FeedQuery, signal: AbortSignal, onActivity: () => void = () => undefined): Promise<AsyncGenerator<SseMessage>> {
    const path = `/events${queryString({ ...query })}`;
    const res = await this.send('GET', path, 'viewer', undefined, { accept: 'text/event-stream' }, signal, false);
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith('text/event-stream')) {
      await res.body?.cancel().catch(() => undefined);
      throw new ApiError(`GET ${path} answered ${type || 'no content type'}, not text/event-stream`, res.status, undefined, '', undefined);
    }
    const body = res.body;
    if (!body) throw new ApiConnectionError(`GET ${this.target.url}${path} answered without a body`);
    const url = this.target.url;
    return (async function* read(): AsyncGenerator<SseMessage> {
      const reader = body.getReader();
      const decoder = new TextDecoder();
      const parser = new SseParser();
      try {
        for (;;) {
          let chunk: Awaited<ReturnType<typeof reader.read>>;
          try {
            chunk = await reader.read();
          } catch (error) {
            if (signal.aborted) return;
            throw new ApiConnectionError(`the live feed from ${url} dropped (${describe(error)})`, { cause: error });
          }
          if (chunk.done) return;
          onActivity();
          for (const message of parser.push(decoder.decode(chunk.value as Uint8Array, { stream: true }))) yield message;
        }
      } finally {
        await reader.cancel().catch(() => undefined);
      }
    })();
  }

  private async json<T>(method: string, path: string, role: ApiRole, body?: unknown): Promise<T> {
    const res = await this.send(method, path, role, body, { accept: 'application/json' });
    const text = await res.text();
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(`${method} ${path} answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`, res.status, undefined, text, undefined);
    }
  }

  private async send(
    method: string,
    path: string,
    role: ApiRole,
    body: unknown,
    headers: Record<string, string>,
    signal?: AbortSignal,
    timeout = true,
  ): Promise<Response> {
    const url = `${this.target.url}${path}`;
    const timeoutMs = this.options.requestTimeoutMs ?? 30_000;
    const signals = [signal, timeout ? AbortSignal.timeout(timeoutMs) : undefined].filter((s): s is AbortSignal => s !== undefined);
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: {
          ...headers,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.target.token ? { authorization: `Bearer ${this.target.token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signals.length > 0 ? AbortSignal.any(signals) : undefined,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      const reason = error instanceof DOMException && error.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000}s` : describe(error);
      throw new ApiConnectionError(this.unreachable(reason), { cause: error });
    }
    if (res.ok) return res;
    throw await this.failure(method, path, role, res);
  }

  private unreachable(reason: string): string {
    const where =
      this.target.urlSource === 'default'
        ? ` (no --api, CW_API_URL or URL recorded by \`cloudwright up\` in the platform data dir: tried the default ${DEFAULT_API_URL})`
        : this.target.urlSource === 'platform'
          ? ` (the URL recorded in ${this.target.urlFile ?? API_URL_FILE}; the platform may have stopped)`
          : ` (from ${this.target.urlSource})`;
    return `cannot reach the Cloudwright API at ${this.target.url}: ${reason}${where}; start the platform with \`npm run up\`, or give the orchestrator's URL with --api <url> or CW_API_URL`;
  }

  private async failure(method: string, path: string, role: ApiRole, res: Response): Promise<ApiError> {
    const text = await res.text().catch(() => '');
    let parsed: ErrorBody | undefined;
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) parsed = value;
    } catch {
      parsed = undefined;
    }
    const raw = parsed?.message;
    const serverMessage = Array.isArray(raw) ? raw.join('; ') : (raw ?? (text.trim().slice(0, 300) || res.statusText || 'no message'));
    const code = parsed?.code;
    const label = `${res.status}${code ? ` ${code}` : res.statusText ? ` ${res.statusText}` : ''}`;
    let message: string;
    if (res.status === 401) {
      const hint =
        this.target.tokenSource === 'none'
          ? 'no API token was given: pass --token <token>, set CW_API_TOKEN, or start the platform with `npm run up` (it writes an admin token to the platform data dir)'
          : `the token from ${this.target.tokenSource === 'platform' ? (this.target.tokenFile ?? API_TOKEN_FILE) : this.target.tokenSource} was refused`;
      message = `unauthorized (401): ${serverMessage}; ${hint}. ${method} ${path} needs a token with the ${role} role (or admin)`;
    } else if (res.status === 403) {
      message = `forbidden (403): ${serverMessage}${serverMessage.includes(role) ? '' : `; ${method} ${path} needs the ${role} role`}`;
    } else {
      message = `${serverMessage} (${method} ${path}: ${label})`;
    }
    return new ApiError(message, res.status, code, serverMessage, parsed?.details);
  }
}

function queryString(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
