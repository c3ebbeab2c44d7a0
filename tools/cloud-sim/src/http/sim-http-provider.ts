import {
  PROVIDER_ERROR_CODES,
  ProviderError,
  type ApplyRequest,
  type ApplyResult,
  type CloudProvider,
  type HealthResult,
  type ProviderCloud,
  type ProviderErrorCode,
  type ResourceState,
} from '@cloudwright/cloud-provider';
import { type Currency } from '@cloudwright/pricing';
import { type Fault, type FaultSpec } from '../faults/fault';
import { type CallCount, type CallCountFilter, type QuotaSetting } from '../sim-cloud';
import { SimInputError } from '../sim.errors';

export interface SimHttpProviderOptions {
  /** Per-request time limit in ms (30 s by default); a call that runs out throws ProviderError 'timeout'. */
  timeoutMs?: number;
}

interface ErrorBody {
  error?: { code?: string; message?: string; address?: string; retryable?: boolean; field?: string };
}

function segment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * A CloudProvider that calls a sim server (startSimServer) over HTTP, so an orchestrator in another process uses
 * the same simulated world. The server's ProviderErrors come back as ProviderErrors with their code and
 * retryability; an unreachable server is ProviderError 'internal' (retryable: the call carries its idempotency key,
 * so trying again is safe). Also exposes the simulator's controls (faults, outages, counters, clock, billing).
 */
export class SimHttpProvider implements CloudProvider {
  readonly name = 'sim';
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(baseUrl: string, options: SimHttpProviderOptions = {}) {
    let parsed: URL;
    try {
      parsed = new URL(baseUrl);
    } catch {
      throw new SimInputError('baseUrl', `is not a URL (got ${JSON.stringify(baseUrl)})`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new SimInputError('baseUrl', `must be an http(s) URL (got ${baseUrl})`);
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async apply(request: ApplyRequest): Promise<ApplyResult> {
    return this.json<ApplyResult>('POST', '/apply', request, request.resource?.address);
  }

  async describe(stack: string, environment: string, address: string): Promise<ResourceState | null> {
    try {
      return await this.json<ResourceState>('GET', `/resources/${segment(stack)}/${segment(environment)}/${segment(address)}`, undefined, address);
    } catch (error) {
      if (error instanceof ProviderError && error.code === 'not-found') return null;
      throw error;
    }
  }

  async health(stack: string, environment: string, address: string): Promise<HealthResult> {
    return this.json<HealthResult>('GET', `/resources/${segment(stack)}/${segment(environment)}/${segment(address)}/health`, undefined, address);
  }

  async healthOf(stack: string, environment: string, addresses: readonly string[]): Promise<HealthResult[]> {
    return this.json<HealthResult[]>('POST', `/resources/${segment(stack)}/${segment(environment)}/health`, { addresses });
  }

  async list(stack: string, environment: string): Promise<ResourceState[]> {
    return this.json<ResourceState[]>('GET', `/resources?stack=${segment(stack)}&environment=${segment(environment)}`);
  }

  // ---------------------------------------------------------------- controls

  async injectFault(spec: FaultSpec): Promise<string> {
    return (await this.json<{ id: string }>('POST', '/faults', spec)).id;
  }

  async listFaults(): Promise<Fault[]> {
    return this.json<Fault[]>('GET', '/faults');
  }

  async clearFaults(id?: string): Promise<number> {
    return (await this.json<{ removed: number }>('DELETE', id === undefined ? '/faults' : `/faults/${segment(id)}`)).removed;
  }

  async regionOutage(cloud: ProviderCloud, region: string, on: boolean): Promise<void> {
    await this.json('POST', '/outages', { cloud, region, on });
  }

  async setQuota(setting: QuotaSetting): Promise<void> {
    await this.json('POST', '/quotas', setting);
  }

  async callCounts(filter: CallCountFilter = {}): Promise<CallCount[]> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (typeof value === 'string') query.set(key, value);
    const text = query.toString();
    return this.json<CallCount[]>('GET', `/counts${text ? `?${text}` : ''}`);
  }

  async now(): Promise<Date> {
    return new Date((await this.json<{ now: string }>('GET', '/clock')).now);
  }

  async advanceHours(hours: number): Promise<Date> {
    return new Date((await this.json<{ now: string }>('POST', '/clock/advance', { hours })).now);
  }

  async billingExport(options: { from: Date | string; to: Date | string; currency?: Currency }): Promise<string> {
    const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : value);
    const query = new URLSearchParams({ from: iso(options.from), to: iso(options.to), ...(options.currency ? { currency: options.currency } : {}) });
    const response = await this.fetch('GET', `/billing/export?${query.toString()}`);
    const text = await response.text();
    if (!response.ok) throw this.errorOf(response.status, text);
    return text;
  }

  // ---------------------------------------------------------------- transport

  private async fetch(method: string, path: string, body?: unknown, address?: string): Promise<Response> {
    try {
      return await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new ProviderError('timeout', `sim server ${this.baseUrl}: ${method} ${path} took longer than ${this.timeoutMs} ms`, address);
      }
      throw new ProviderError('internal', `sim server ${this.baseUrl} unreachable: ${method} ${path}: ${(error as Error).message}`, address);
    }
  }

  private async json<T>(method: string, path: string, body?: unknown, address?: string): Promise<T> {
    const response = await this.fetch(method, path, body, address);
    const text = await response.text();
    if (!response.ok) throw this.errorOf(response.status, text, address);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ProviderError('internal', `sim server ${this.baseUrl}: ${method} ${path} answered ${response.status} with a body that is not JSON`, address);
    }
  }

  private errorOf(status: number, text: string, address?: string): Error {
    let parsed: ErrorBody = {};
    try {
      parsed = JSON.parse(text) as ErrorBody;
    } catch {
      // not JSON: reported below with the status
    }
    const error = parsed.error;
    if (error?.field !== undefined && status === 400) return new SimInputError(error.field, (error.message ?? '').replace(`${error.field}: `, ''));
    const code = error?.code;
    if (code !== undefined && (PROVIDER_ERROR_CODES as readonly string[]).includes(code)) {
      return new ProviderError(code as ProviderErrorCode, error?.message ?? `sim server answered ${status}`, error?.address ?? address, error?.retryable);
    }
    return new ProviderError('internal', `sim server ${this.baseUrl} answered ${status}: ${text.slice(0, 300)}`, address);
  }
}
