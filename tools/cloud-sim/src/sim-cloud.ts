import { setTimeout as sleep } from 'node:timers/promises';
import {
  ProviderError,
  isProviderError,
  type ApplyRequest,
  type ApplyResult,
  type CloudProvider,
  type HealthResult,
  type ProviderCloud,
  type ProviderErrorCode,
  type ResourceState,
} from '@cloudwright/cloud-provider';
import { Pool, type PoolClient } from 'pg';
import { parseApplyRequest, requestFingerprint, resolveResource, type ResolvedResource } from './apply/apply-request';
import { blockingDependents, missingDependencies } from './apply/dependencies';
import { BillingExporter, type BillingExportOptions } from './billing/billing-exporter';
import { focusCsv, type FocusExportRow, type MeteredPeriod } from './billing/focus-export';
import { generateIdentity, worldAccounts, type WorldAccounts } from './catalog/provider-ids';
import { resolveRegion } from './catalog/regions';
import { DEFAULT_QUOTAS, SIM_CATEGORIES, behaviourOf, latencyMs, type SimCategory } from './catalog/resource-behaviour';
import { type Fault, type FaultSpec, type FaultTarget } from './faults/fault';
import { FaultStore, type FaultRow } from './faults/fault-store';
import { canonicalJson } from './canonical-json';
import { Prng } from './prng';
import { SimInputError } from './sim.errors';
import { DEFAULT_SIM_SCHEMA, assertSchemaName, createSchema } from './store/schema';
import { KeyedMutex } from './store/keyed-mutex';
import { inTransaction, toIso } from './store/pg';

export interface SimCloudOptions {
  /** PostgreSQL connection string. */
  databaseUrl: string;
  /** Schema holding the world (created with its tables when missing); `cloudsim` by default. */
  schema?: string;
  /**
   * Seed of the world's randomness (account ids, provider ids, fault probabilities). Recorded by the first open;
   * a later open of the same world with another seed is refused. `cloudwright` when neither is given.
   */
  seed?: string | number;
  /** Real seconds per simulated second of provisioning latency: 0 (the default) never waits; 0.001 makes a 600 s cluster take 0.6 s. */
  latencyScale?: number;
  /** Connections of this process's pool (5 by default). Calls never hold one while waiting out latency. */
  poolMax?: number;
  /**
   * Wait for each commit to reach disk (PostgreSQL synchronous_commit). Off by default: the simulator trades the last
   * few milliseconds of commits on a PostgreSQL crash (never on a crash of the calling process) for 3-4× throughput.
   */
  durableCommits?: boolean;
  /** How long a call waits for a free pooled connection before failing ProviderError 'internal' (retryable); 30 s by default. */
  connectionTimeoutMs?: number;
  /** Default quotas of this world per category (every cloud and region); recorded for every process. */
  quotas?: Partial<Record<SimCategory, number>>;
}

export interface CallCountFilter {
  stack?: string;
  environment?: string;
  address?: string;
}

export interface CallCount {
  stack: string;
  environment: string;
  address: string;
  operation: string;
  /** Calls that had effect (replays, no-ops and refused calls are not counted). */
  count: number;
}

export interface QuotaSetting {
  category: SimCategory;
  limit: number;
  /** Omitted: every cloud. */
  cloud?: ProviderCloud;
  /** Omitted: every region of the cloud (`global` for resources without a region). */
  region?: string;
}

/** A resource's life in simulated time, as metering records it (a change of attributes starts a new period). */
export type UsagePeriod = MeteredPeriod;
export { type BillingExportOptions };

interface ResourceRow {
  stack: string;
  environment: string;
  address: string;
  type: string;
  cloud: ProviderCloud;
  region: string | null;
  category: SimCategory;
  provider_id: string;
  spec: Record<string, unknown>;
  attributes: Record<string, unknown>;
  generated: Record<string, unknown>;
  depends_on: string[];
  deployment_id: string;
  /** Date from a row, text from row_to_json (toIso reads both). */
  created_at: Date | string;
  updated_at: Date | string;
}

/** What a call read about the world (callContext). */
interface CallContext {
  now: Date;
  outage: boolean;
  faults: FaultRow[];
  counted: { attempts: number; count: number };
  /** Every resource of the stack: address and dependencies. */
  present: { address: string; depends_on: string[] }[];
  /** The resource called for, in full. */
  current: ResourceRow | undefined;
  /** For a create: the resources counted against its quota and the most specific quota setting (null: the default). */
  quota: { used: number; limit: number | null } | null;
}

/** The refusal text when a create would pass its quota, else null. */
function quotaExceeded(quota: CallContext['quota'], cloud: ProviderCloud, region: string | null, category: SimCategory): string | null {
  if (!quota) return null;
  const limit = quota.limit ?? DEFAULT_QUOTAS[category];
  return quota.used >= limit ? `quota of ${limit} ${category} resource${limit === 1 ? '' : 's'} in ${cloud} ${region ?? GLOBAL_REGION} reached (${quota.used} exist)` : null;
}

interface StoredError {
  code: ProviderErrorCode;
  message: string;
  address?: string;
  retryable: boolean;
}

interface TxOutcome {
  result?: ApplyResult;
  error?: ProviderError;
  /** Real milliseconds to wait after the transaction (latency and slow faults). */
  delayMs: number;
}

const DEFAULT_SEED = 'cloudwright';
const QUOTA_WILDCARD = '*';
const GLOBAL_REGION = 'global';

function toState(row: ResourceRow): ResourceState {
  return {
    stack: row.stack,
    environment: row.environment,
    address: row.address,
    type: row.type,
    cloud: row.cloud,
    region: row.region,
    providerId: row.provider_id,
    attributes: row.attributes,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function storedError(error: ProviderError): StoredError {
  return { code: error.code, message: error.message, ...(error.address !== undefined ? { address: error.address } : {}), retryable: error.retryable };
}

function fromStoredError(stored: StoredError): ProviderError {
  return new ProviderError(stored.code, stored.message, stored.address, stored.retryable);
}

/**
 * The simulated multi-cloud behind the CloudProvider port. The world lives in PostgreSQL (one schema), so every
 * process that opens it sees the same resources, faults, outages, quotas, counters and clock.
 */
export class SimCloud implements CloudProvider {
  readonly name = 'sim';

  /** Calls of one stack/environment wait their turn here, not on a pooled connection (see KeyedMutex). */
  private readonly stackQueue = new KeyedMutex();
  private readonly faults: FaultStore;
  private readonly billing: BillingExporter;

  private constructor(
    private readonly pool: Pool,
    readonly schema: string,
    readonly seed: string,
    readonly latencyScale: number,
    readonly accounts: WorldAccounts,
  ) {
    this.faults = new FaultStore(pool, `"${schema}"`, seed);
    this.billing = new BillingExporter({ usage: (from, to) => this.usage(from, to), now: () => this.now() }, accounts);
  }

  static async open(options: SimCloudOptions): Promise<SimCloud> {
    const schema = options.schema ?? DEFAULT_SIM_SCHEMA;
    assertSchemaName(schema);
    const latencyScale = options.latencyScale ?? 0;
    if (!Number.isFinite(latencyScale) || latencyScale < 0) throw new SimInputError('latencyScale', `must be a finite number ≥ 0 (got ${latencyScale})`);
    const poolMax = options.poolMax ?? 5;
    if (!Number.isInteger(poolMax) || poolMax < 1) throw new SimInputError('poolMax', `must be an integer ≥ 1 (got ${poolMax})`);
    if (!options.databaseUrl) throw new SimInputError('databaseUrl', 'is required');
    const pool = new Pool({ connectionString: options.databaseUrl, max: poolMax, connectionTimeoutMillis: options.connectionTimeoutMs ?? 30_000,
      ...(options.durableCommits ? {} : { options: '-c synchronous_commit=off' }),
    });
    // an idle connection dropped by the server surfaces as an error on the next query; never crash the process for it
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      let seed: string;
      try {
        await createSchema(client, schema);
        const wanted = options.seed === undefined ? undefined : String(options.seed);
        await client.query(`insert into "${schema}".settings (id, seed) values (1, $1) on conflict (id) do nothing`, [wanted ?? DEFAULT_SEED]);
        const { rows } = await client.query<{ seed: string }>(`select seed from "${schema}".settings where id = 1`);
        seed = rows[0]?.seed ?? DEFAULT_SEED;
        if (wanted !== undefined && wanted !== seed) {
          throw new SimInputError('seed', `the world in schema "${schema}" was created with seed "${seed}", not "${wanted}" (open it without a seed, or use another schema)`);
        }
      } finally {
        client.release();
      }
      const sim = new SimCloud(pool, schema, seed, latencyScale, worldAccounts(Prng.keyed(seed, 'accounts')));
      if (options.quotas) {
        for (const [category, limit] of Object.entries(options.quotas)) await sim.setQuota({ category: category as SimCategory, limit });
      }
      return sim;
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private get s(): string {
    return `"${this.schema}"`;
  }

  /** Select-list items every call reads: the simulated clock's offset (`offset`) and the faults in order (`faults`). */
  private get clockAndFaults(): string {
    return `(select clock_offset_ms from ${this.s}.settings where id = 1) as offset,
            coalesce((select json_agg(json_build_object('seq', seq::text, 'spec', spec) order by seq) from ${this.s}.faults), '[]'::json) as faults`;
  }

  // ---------------------------------------------------------------- the port

  async apply(input: ApplyRequest): Promise<ApplyResult> {
    const request = parseApplyRequest(input);
    let resolved: ResolvedResource | ProviderError;
    try {
      resolved = resolveResource(request);
    } catch (error) {
      if (!isProviderError(error)) throw error;
      resolved = error;
    }
    let outcome: TxOutcome;
    try {
      outcome = await this.applyWithRetry(request, resolved);
    } catch (error) {
      if (isProviderError(error)) throw error;
      throw new ProviderError('internal', `simulated cloud: ${request.operation} of ${request.resource.address} failed on its store: ${(error as Error).message}`, request.resource.address);
    }
    if (outcome.delayMs > 0) await sleep(outcome.delayMs);
    if (outcome.error) throw outcome.error;
    if (!outcome.result) throw new ProviderError('internal', `simulated cloud: ${request.resource.address}: no result recorded`, request.resource.address);
    return outcome.result;
  }

  /** A serialization failure or deadlock (none expected, but PostgreSQL may report one) is retried a few times. */
  private async applyWithRetry(request: ApplyRequest, resolved: ResolvedResource | ProviderError): Promise<TxOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.stackQueue.run(`${request.stack}\u0000${request.environment}`, () =>
          inTransaction(this.pool, (client) => this.applyInTransaction(client, request, resolved)),
        );
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (attempt >= 5 || (code !== '40001' && code !== '40P01')) throw error;
      }
    }
  }

  private async applyInTransaction(client: PoolClient, request: ApplyRequest, resolved: ResolvedResource | ProviderError): Promise<TxOutcome> {
    const { idempotencyKey, stack, environment, operation, resource } = request;
    // a create counts against the quota of its cloud, region and category: it takes that lock too (after the stack's)
    const quota = operation === 'create' && !isProviderError(resolved) ? { cloud: resolved.behaviour.cloud, region: resolved.region, category: resolved.behaviour.category } : null;
    const quotaKey = quota ? `${this.schema}|quota|${quota.cloud}|${quota.region ?? GLOBAL_REGION}|${quota.category}` : null;
    // 1. claim the key (a concurrent call with the same key waits here until the first commits or gives up the key) and
    //    take the stack's (and quota's) lock, in one statement; the statements after it see what the calls that held
    //    those locks before committed
    const { rows: claim } = await client.query<{ claimed: boolean }>(
      `with claimed as (
         insert into ${this.s}.operations (idempotency_key, request) values ($1, $2) on conflict (idempotency_key) do nothing returning 1)
       select exists (select 1 from claimed) as claimed, pg_advisory_xact_lock(hashtext($3)) is null as locked,
              case when $4::text is null then true else pg_advisory_xact_lock(hashtext($4)) is null end as quota_locked`,
      [idempotencyKey, JSON.stringify(request), `${this.schema}|stack|${stack}|${environment}`, quotaKey],
    );
    if (!claim[0]?.claimed) return this.replay(client, request);

    // 2. a request the cloud can never accept: recorded, so a replay re-throws the same error
    if (isProviderError(resolved)) {
      await client.query(`update ${this.s}.operations set error = $2 where idempotency_key = $1`, [idempotencyKey, JSON.stringify(storedError(resolved))]);
      return { error: resolved, delayMs: 0 };
    }
    const { behaviour, region } = resolved;
    const context = await this.callContext(client, behaviour.cloud, region, { stack, environment, address: resource.address, operation }, quota);
    const now = context.now;

    // a refused call gives its key back (a later attempt with the key is evaluated again) but keeps its trace:
    // the attempt ordinal and the faults it consumed
    const refuse = async (error: ProviderError, delayMs = 0): Promise<TxOutcome> => {
      await client.query(`delete from ${this.s}.operations where idempotency_key = $1`, [idempotencyKey]);
      return { error, delayMs };
    };

    // 3. outage, then faults
    if (context.outage) {
      return refuse(new ProviderError('region-unavailable', `${resource.address}: ${behaviour.cloud} region ${region} is unavailable (simulated outage)`, resource.address));
    }
    const counter = context.counted;
    const target: FaultTarget = { stack, environment, address: resource.address, type: resource.type, cloud: behaviour.cloud, region, operation };
    const faults = await this.faults.fire(client, context.faults, target, counter.attempts);
    if (faults.error) return refuse(faults.error, faults.delayMs);

    // 4. state checks and effect, on the stack's resources as read with the context
    const { present, current } = context;
    const addresses = present.map((row) => row.address);
    let result: ApplyResult;
    let effect = true;
    if (operation === 'create') {
      if (current) {
        return refuse(new ProviderError('already-exists', `${resource.address} already exists in ${stack}/${environment} (${current.provider_id}); create refused`, resource.address));
      }
      const missing = missingDependencies(resource.dependsOn, addresses);
      if (missing.length > 0) {
        return refuse(new ProviderError('dependency-missing', `${resource.address}: depends on ${missing.join(', ')}, which ${missing.length > 1 ? 'do' : 'does'} not exist in ${stack}/${environment}`, resource.address));
      }
      const exceeded = quotaExceeded(context.quota, behaviour.cloud, region, behaviour.category);
      if (exceeded) return refuse(new ProviderError('quota-exceeded', `${resource.address}: ${exceeded}`, resource.address));
      const createOrdinal = counter.count + 1;
      const identity = generateIdentity(
        { behaviour, address: resource.address, stack, environment, region, attributes: resource.attributes },
        this.accounts,
        Prng.keyed(this.seed, 'identity', stack, environment, resource.address, createOrdinal),
      );
      const row: ResourceRow = {
        stack,
        environment,
        address: resource.address,
        type: resource.type,
        cloud: resource.cloud,
        region,
        category: behaviour.category,
        provider_id: identity.providerId,
        spec: resource.attributes,
        attributes: { ...resource.attributes, ...identity.attributes },
        generated: identity.attributes,
        depends_on: resource.dependsOn,
        deployment_id: request.deploymentId,
        created_at: now,
        updated_at: now,
      };
      const created: ApplyResult = { operation, address: resource.address, presence: 'present', resource: toState(row), replayed: false, noop: false };
      await this.insertResource(client, row, idempotencyKey, created);
      return { result: created, delayMs: latencyMs(behaviour, operation, this.latencyScale) + faults.delayMs };
    } else if (operation === 'update') {
      if (!current) return refuse(new ProviderError('not-found', `${resource.address} does not exist in ${stack}/${environment}; nothing to update`, resource.address));
      if (current.type !== resource.type || current.region !== region) {
        return refuse(
          new ProviderError(
            'invalid-request',
            `${resource.address} is a ${current.type} in ${current.region ?? 'no region'}; an update cannot make it a ${resource.type} in ${region ?? 'no region'} (replace it: delete, then create)`,
            resource.address,
          ),
        );
      }
      const missing = missingDependencies(resource.dependsOn, addresses);
      if (missing.length > 0) {
        return refuse(new ProviderError('dependency-missing', `${resource.address}: depends on ${missing.join(', ')}, which ${missing.length > 1 ? 'do' : 'does'} not exist in ${stack}/${environment}`, resource.address));
      }
      if (canonicalJson(current.spec) === canonicalJson(resource.attributes) && canonicalJson([...current.depends_on].sort()) === canonicalJson([...resource.dependsOn].sort())) {
        effect = false;
        result = { operation, address: resource.address, presence: 'present', resource: toState(current), replayed: false, noop: true };
      } else {
        const row = await this.updateResource(client, request, current, now);
        result = { operation, address: resource.address, presence: 'present', resource: toState(row), replayed: false, noop: false };
      }
    } else {
      if (!current) {
        effect = false;
        result = { operation, address: resource.address, presence: 'absent', resource: null, replayed: false, noop: true };
      } else {
        const dependents = blockingDependents(
          resource.address,
          present.map((row) => ({ address: row.address, dependsOn: row.depends_on })),
        );
        if (dependents.length > 0) {
          return refuse(new ProviderError('dependency-violation', `${resource.address} cannot be deleted: ${dependents.join(', ')} still depend${dependents.length > 1 ? '' : 's'} on it`, resource.address));
        }
        // one statement: remove the resource and close its metered period
        await client.query(
          `with gone as (delete from ${this.s}.resources where stack = $1 and environment = $2 and address = $3 returning 1)
           update ${this.s}.usage set deleted_at = $4 where stack = $1 and environment = $2 and address = $3 and deleted_at is null`,
          [stack, environment, resource.address, now],
        );
        result = { operation, address: resource.address, presence: 'absent', resource: null, replayed: false, noop: false };
      }
    }
    // one statement: record the result under the key and count the effect
    await client.query(
      `with counted as (
         update ${this.s}.call_counts set count = count + 1
         where $3::boolean and stack = $4 and environment = $5 and address = $6 and operation = $7 returning 1)
       update ${this.s}.operations set result = $2, at = now() where idempotency_key = $1`,
      [idempotencyKey, JSON.stringify(result), effect, stack, environment, resource.address, operation],
    );
    const latency = effect ? latencyMs(behaviour, operation, this.latencyScale) : 0;
    return { result, delayMs: latency + faults.delayMs };
  }

  private async replay(client: PoolClient, request: ApplyRequest): Promise<TxOutcome> {
    const { rows } = await client.query<{ request: ApplyRequest; result: ApplyResult | null; error: StoredError | null }>(
      `select request, result, error from ${this.s}.operations where idempotency_key = $1`,
      [request.idempotencyKey],
    );
    const stored = rows[0];
    if (!stored) {
      // the key was given up between our claim and this read: a serialization-style retry evaluates the call again
      throw Object.assign(new Error('idempotency key released concurrently'), { code: '40001' });
    }
    if (requestFingerprint(stored.request) !== requestFingerprint(request)) {
      const first = stored.request;
      return {
        error: new ProviderError(
          'invalid-request',
          `idempotency key "${request.idempotencyKey}" was first used for ${first.operation} of ${first.resource.address} in ${first.stack}/${first.environment}; it cannot be reused for ${request.operation} of ${request.resource.address} in ${request.stack}/${request.environment}`,
          request.resource.address,
        ),
        delayMs: 0,
      };
    }
    if (stored.error) return { error: fromStoredError(stored.error), delayMs: 0 };
    if (!stored.result) throw new Error(`operation ${request.idempotencyKey} has neither result nor error`);
    return { result: { ...stored.result, replayed: true }, delayMs: 0 };
  }

  /**
   * What a call needs to know, in one round trip: the simulated now, an outage of its region, the faults, the stack's
   * resources (each one's address and dependencies; the called one in full) and, for a create, its quota's limit and
   * use — and, outside an outage, the call counted as an attempt (its ordinal, 1 for the first call of this operation
   * on the address, and the effects so far). Read after the stack's and quota's locks, so it is current.
   */
  private async callContext(
    client: PoolClient,
    cloud: ProviderCloud,
    region: string | null,
    call: { stack: string; environment: string; address: string; operation: string },
    quota: { cloud: ProviderCloud; region: string | null; category: SimCategory } | null,
  ): Promise<CallContext> {
    const { rows } = await client.query<{
      offset: string | null;
      outage: boolean;
      faults: FaultRow[];
      attempts: number | null;
      count: number | null;
      present: { address: string; depends_on: string[] }[];
      current: ResourceRow | null;
      quota_used: string | null;
      quota_limit: number | null;
    }>(
      `with ctx as (
         select ${this.clockAndFaults}, exists (select 1 from ${this.s}.outages where cloud = $1 and region = $2) as outage),
       counted as (
         insert into ${this.s}.call_counts (stack, environment, address, operation, attempts)
         select $3, $4, $5, $6, 1 from ctx where not ctx.outage
         on conflict (stack, environment, address, operation) do update set attempts = ${this.s}.call_counts.attempts + 1
         returning attempts, count)
       select ctx.offset, ctx.outage, ctx.faults, counted.attempts, counted.count,
              coalesce((select json_agg(json_build_object('address', r.address, 'depends_on', r.depends_on))
                        from ${this.s}.resources r where r.stack = $3 and r.environment = $4), '[]'::json) as present,
              (select row_to_json(r) from ${this.s}.resources r where r.stack = $3 and r.environment = $4 and r.address = $5) as current,
              case when $7::boolean then (select count(*) from ${this.s}.resources where cloud = $8 and region is not distinct from $9 and category = $10) end as quota_used,
              case when $7::boolean then (select max_count from ${this.s}.quotas
                where category = $10 and cloud in ($8, '${QUOTA_WILDCARD}') and region in ($11, '${QUOTA_WILDCARD}')
                order by (cloud <> '${QUOTA_WILDCARD}') desc, (region <> '${QUOTA_WILDCARD}') desc limit 1) end as quota_limit
       from ctx left join counted on true`,
      [
        cloud,
        region,
        call.stack,
        call.environment,
        call.address,
        call.operation,
        quota !== null,
        quota?.cloud ?? null,
        quota?.region ?? null,
        quota?.category ?? null,
        quota ? (quota.region ?? GLOBAL_REGION) : null,
      ],
    );
    const row = rows[0];
    return {
      now: new Date(Date.now() + Number(row?.offset ?? 0)),
      outage: row?.outage ?? false,
      faults: row?.faults ?? [],
      counted: { attempts: row?.attempts ?? 1, count: row?.count ?? 0 },
      present: row?.present ?? [],
      // row_to_json gives the timestamps as text: the row keeps them so (toIso reads both)
      current: row?.current ?? undefined,
      quota: quota && row ? { used: Number(row.quota_used ?? 0), limit: row.quota_limit } : null,
    };
  }



  /**
   * One statement for a create: the resource, its first metered period, the effect counted and the result recorded
   * under the idempotency key (the row is built by the caller, so the result can be written with it).
   */
  private async insertResource(client: PoolClient, row: ResourceRow, idempotencyKey: string, result: ApplyResult): Promise<void> {
    await client.query(
      `with created as (
         insert into ${this.s}.resources
           (stack, environment, address, type, cloud, region, category, provider_id, spec, attributes, generated, depends_on, deployment_id, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
         returning *),
       metered as (
         insert into ${this.s}.usage (stack, environment, address, type, cloud, region, category, provider_id, spec, deployment_id, created_at)
         select stack, environment, address, type, cloud, region, category, provider_id, spec, deployment_id, created_at from created),
       counted as (
         update ${this.s}.call_counts set count = count + 1 where stack = $1 and environment = $2 and address = $3 and operation = 'create')
       update ${this.s}.operations set result = $16, at = now() where idempotency_key = $15`,
      [
        row.stack,
        row.environment,
        row.address,
        row.type,
        row.cloud,
        row.region,
        row.category,
        row.provider_id,
        JSON.stringify(row.spec),
        JSON.stringify(row.attributes),
        JSON.stringify(row.generated),
        row.depends_on,
        row.deployment_id,
        row.created_at,
        idempotencyKey,
        JSON.stringify(result),
      ],
    );
  }

  private async updateResource(client: PoolClient, request: ApplyRequest, current: ResourceRow, now: Date): Promise<ResourceRow> {
    const { resource } = request;
    // one statement: the new attributes, the end of the old metered period and the start of the next
    const { rows } = await client.query<ResourceRow>(
      `with updated as (
         update ${this.s}.resources set spec = $4, attributes = $5, depends_on = $6, deployment_id = $7, updated_at = $8
         where stack = $1 and environment = $2 and address = $3 returning *),
       closed as (
         update ${this.s}.usage set deleted_at = $8 where stack = $1 and environment = $2 and address = $3 and deleted_at is null),
       metered as (
         insert into ${this.s}.usage (stack, environment, address, type, cloud, region, category, provider_id, spec, deployment_id, created_at)
         select stack, environment, address, type, cloud, region, category, provider_id, spec, deployment_id, updated_at from updated)
       select * from updated`,
      [
        request.stack,
        request.environment,
        resource.address,
        JSON.stringify(resource.attributes),
        JSON.stringify({ ...resource.attributes, ...current.generated }),
        resource.dependsOn,
        request.deploymentId,
        now,
      ],
    );
    const row = rows[0];
    if (!row) throw new Error(`update of ${resource.address} returned no row`);
    return row;
  }

  async describe(stack: string, environment: string, address: string): Promise<ResourceState | null> {
    return this.asProviderError(`describe of ${address}`, address, () => this.describeRow(stack, environment, address));
  }

  private async describeRow(stack: string, environment: string, address: string): Promise<ResourceState | null> {
    const { rows } = await this.pool.query<ResourceRow>(`select * from ${this.s}.resources where stack = $1 and environment = $2 and address = $3`, [stack, environment, address]);
    const row = rows[0];
    return row ? toState(row) : null;
  }

  async list(stack: string, environment: string): Promise<ResourceState[]> {
    return this.asProviderError(`list of ${stack}/${environment}`, undefined, async () => {
      const { rows } = await this.pool.query<ResourceRow>(`select * from ${this.s}.resources where stack = $1 and environment = $2 order by address`, [stack, environment]);
      return rows.map(toState);
    });
  }

  /** Port calls fail with ProviderError only: a store failure becomes a retryable 'internal'. */
  private async asProviderError<T>(what: string, address: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isProviderError(error)) throw error;
      throw new ProviderError('internal', `simulated cloud: ${what} failed on its store: ${(error as Error).message}`, address);
    }
  }

  /**
   * Healthy once created, unless its region is in an outage or a fault with `operation: 'health'` fires
   * (a slow health fault delays the answer). An absent resource is reported unhealthy.
   */
  async health(stack: string, environment: string, address: string): Promise<HealthResult> {
    const [result] = await this.healthOf(stack, environment, [address]);
    if (!result) throw new ProviderError('internal', `simulated cloud: health check of ${address} gave no result`, address);
    return result;
  }

  /** The health of several resources of a stack in one transaction; each is judged as `health` would, in the order given. */
  async healthOf(stack: string, environment: string, addresses: readonly string[]): Promise<HealthResult[]> {
    if (addresses.length === 0) return [];
    const outcome = await this.asProviderError(`health check of ${addresses.length === 1 ? addresses[0] : `${addresses.length} resources`}`, addresses.length === 1 ? addresses[0] : undefined, () =>
      this.healthInTransaction(stack, environment, addresses),
    );
    if (outcome.delayMs > 0) await sleep(outcome.delayMs);
    return outcome.results;
  }

  private async healthInTransaction(stack: string, environment: string, addresses: readonly string[]): Promise<{ results: HealthResult[]; delayMs: number }> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<ResourceRow>(`select * from ${this.s}.resources where stack = $1 and environment = $2 and address = any($3::text[])`, [
        stack,
        environment,
        [...new Set(addresses)],
      ]);
      const byAddress = new Map(rows.map((row) => [row.address, row]));
      const world = await this.worldContext(client);
      const down = (row: ResourceRow) => world.outages.has(`${row.cloud}|${row.region ?? ''}`);
      // every present resource outside an outage counts as a health-check attempt (the ordinal faults are keyed by)
      const checked = addresses.filter((a, i) => addresses.indexOf(a) === i).filter((a) => {
        const row = byAddress.get(a);
        return row !== undefined && !down(row);
      });
      const attempts = await this.countAttempts(client, stack, environment, checked, 'health');
      let delayMs = 0;
      const results: HealthResult[] = [];
      for (const address of addresses) {
        const row = byAddress.get(address);
        if (!row) {
          results.push({ address, healthy: false, detail: `${address} does not exist in ${stack}/${environment}` });
          continue;
        }
        if (down(row)) {
          results.push({ address, healthy: false, detail: `${row.cloud} region ${row.region} is unavailable (simulated outage)` });
          continue;
        }
        const target: FaultTarget = { stack, environment, address, type: row.type, cloud: row.cloud, region: row.region, operation: 'health' };
        const faults = await this.faults.fire(client, world.faults, target, attempts.get(address) ?? 1);
        delayMs = Math.max(delayMs, faults.delayMs);
        results.push(
          faults.error
            ? { address, healthy: false, detail: faults.error.message }
            : { address, healthy: true, detail: `${row.type} ${row.provider_id} is running${row.region ? ` in ${row.region}` : ''}` },
        );
      }
      return { results, delayMs };
    });
  }

  /** The simulated now, every region in an outage (`cloud|region`) and the faults, in one round trip. */
  private async worldContext(client: PoolClient): Promise<{ now: Date; outages: Set<string>; faults: FaultRow[] }> {
    const { rows } = await client.query<{ offset: string | null; outages: string[]; faults: FaultRow[] }>(
      `select ${this.clockAndFaults}, coalesce((select array_agg(cloud || '|' || region) from ${this.s}.outages), '{}') as outages`,
    );
    const row = rows[0];
    return { now: new Date(Date.now() + Number(row?.offset ?? 0)), outages: new Set(row?.outages ?? []), faults: row?.faults ?? [] };
  }

  /** countAttempt for several addresses in one statement: each one's attempt ordinal after this call. */
  private async countAttempts(client: PoolClient, stack: string, environment: string, addresses: readonly string[], operation: string): Promise<Map<string, number>> {
    if (addresses.length === 0) return new Map();
    const { rows } = await client.query<{ address: string; attempts: number }>(
      `insert into ${this.s}.call_counts (stack, environment, address, operation, attempts)
       select $1, $2, a, $4, 1 from unnest($3::text[]) as a order by a
       on conflict (stack, environment, address, operation) do update set attempts = ${this.s}.call_counts.attempts + 1
       returning address, attempts`,
      [stack, environment, addresses, operation],
    );
    return new Map(rows.map((r) => [r.address, r.attempts]));
  }

  // ---------------------------------------------------------------- counters

  /** Calls that had effect, per address and operation (replays, no-ops and refused calls are not counted). */
  async callCounts(filter: CallCountFilter = {}): Promise<CallCount[]> {
    const { rows } = await this.pool.query<CallCount>(
      `select stack, environment, address, operation, count from ${this.s}.call_counts
       where count > 0 and ($1::text is null or stack = $1) and ($2::text is null or environment = $2) and ($3::text is null or address = $3)
       order by stack, environment, address, operation`,
      [filter.stack ?? null, filter.environment ?? null, filter.address ?? null],
    );
    return rows;
  }

  // ---------------------------------------------------------------- faults, outages, quotas

  /** Records a fault every process applies from its next call on; returns its id (`fault-<n>`). */
  async injectFault(input: FaultSpec): Promise<string> {
    return this.faults.inject(input);
  }

  async listFaults(): Promise<Fault[]> {
    return this.faults.list();
  }

  /** Removes every fault (or the one with this id); returns how many were removed. */
  async clearFaults(id?: string): Promise<number> {
    return this.faults.clear(id);
  }

  /** Starts (on) or ends an outage: every call in the region fails 'region-unavailable' (retryable). */
  async regionOutage(cloud: ProviderCloud, region: string, on: boolean): Promise<void> {
    const canonicalRegion = this.checkRegion(cloud, region);
    if (on) await this.pool.query(`insert into ${this.s}.outages (cloud, region) values ($1, $2) on conflict do nothing`, [cloud, canonicalRegion]);
    else await this.pool.query(`delete from ${this.s}.outages where cloud = $1 and region = $2`, [cloud, canonicalRegion]);
  }

  async listOutages(): Promise<{ cloud: ProviderCloud; region: string; since: string }[]> {
    const { rows } = await this.pool.query<{ cloud: ProviderCloud; region: string; since: Date }>(`select cloud, region, since from ${this.s}.outages order by cloud, region`);
    return rows.map((row) => ({ cloud: row.cloud, region: row.region, since: toIso(row.since) }));
  }

  /** Sets the quota of a category for every cloud, one cloud, or one cloud's region (the most specific wins). */
  async setQuota(setting: QuotaSetting): Promise<void> {
    if (!(SIM_CATEGORIES as readonly string[]).includes(setting.category)) {
      throw new SimInputError('quota.category', `must be one of ${SIM_CATEGORIES.join(', ')} (got ${JSON.stringify(setting.category)})`);
    }
    if (!Number.isInteger(setting.limit) || setting.limit < 0) throw new SimInputError('quota.limit', `must be an integer ≥ 0 (got ${JSON.stringify(setting.limit)})`);
    if (setting.region !== undefined && setting.cloud === undefined) throw new SimInputError('quota.region', 'needs quota.cloud');
    const cloud = setting.cloud ?? QUOTA_WILDCARD;
    const region = setting.region === undefined ? QUOTA_WILDCARD : setting.region === GLOBAL_REGION ? GLOBAL_REGION : this.checkRegion(setting.cloud as ProviderCloud, setting.region);
    await this.pool.query(
      `insert into ${this.s}.quotas (cloud, region, category, max_count) values ($1, $2, $3, $4)
       on conflict (cloud, region, category) do update set max_count = excluded.max_count`,
      [cloud, region, setting.category, setting.limit],
    );
  }

  private checkRegion(cloud: ProviderCloud, region: string): string {
    if (!['aws', 'azure', 'gcp'].includes(cloud)) throw new SimInputError('cloud', `must be one of aws, azure, gcp (got ${JSON.stringify(cloud)})`);
    if (typeof region !== 'string' || region === '') throw new SimInputError('region', `must be a region name (got ${JSON.stringify(region)})`);
    return resolveRegion(cloud, region).id;
  }

  // ---------------------------------------------------------------- clock and metering

  /** The simulated clock: real time plus the world's offset (moved by advance). */
  async now(): Promise<Date> {
    const { rows } = await this.pool.query<{ clock_offset_ms: string }>(`select clock_offset_ms from ${this.s}.settings where id = 1`);
    return new Date(Date.now() + Number(rows[0]?.clock_offset_ms ?? 0));
  }

  /** Moves the simulated clock forward for every process; returns the new time. */
  async advance(ms: number): Promise<Date> {
    if (!Number.isFinite(ms) || ms < 0) throw new SimInputError('advance.ms', `must be a finite number ≥ 0 (got ${ms})`);
    const { rows } = await this.pool.query<{ clock_offset_ms: string }>(
      `update ${this.s}.settings set clock_offset_ms = clock_offset_ms + $1 where id = 1 returning clock_offset_ms`,
      [Math.round(ms)],
    );
    return new Date(Date.now() + Number(rows[0]?.clock_offset_ms ?? 0));
  }

  /** Metered periods that overlap [from, to) in simulated time, oldest first. */
  async usage(from: Date, to: Date): Promise<UsagePeriod[]> {
    const { rows } = await this.pool.query<{
      stack: string;
      environment: string;
      address: string;
      type: string;
      cloud: ProviderCloud;
      region: string | null;
      category: SimCategory;
      provider_id: string;
      spec: Record<string, unknown>;
      deployment_id: string;
      created_at: Date;
      deleted_at: Date | null;
    }>(
      `select * from ${this.s}.usage where created_at < $2 and (deleted_at is null or deleted_at > $1) order by created_at, id`,
      [from, to],
    );
    return rows.map((row) => ({
      stack: row.stack,
      environment: row.environment,
      address: row.address,
      type: row.type,
      cloud: row.cloud,
      region: row.region,
      category: row.category,
      providerId: row.provider_id,
      attributes: row.spec,
      deploymentId: row.deployment_id,
      createdAt: row.created_at,
      deletedAt: row.deleted_at,
    }));
  }

  /**
   * The billing export of [from, to) in simulated time, as FOCUS 1.0 CSV: one row per resource per UTC day it
   * existed, cost = hourly list price (libs/pricing) × hours; Tags carry cw-stack, cw-environment, cw-deployment.
   */
  async billingExport(options: BillingExportOptions): Promise<string> {
    return focusCsv(await this.billing.rows(options));
  }

  /** FOCUS rows of the metered usage in [from, to) (see billingExport). */
  async billingRows(options: BillingExportOptions): Promise<FocusExportRow[]> {
    return this.billing.rows(options);
  }

  /** Behaviour of a type in this cloud (category, latency, global) — the catalog, exposed for adapters. */
  behaviour(type: string) {
    return behaviourOf(type);
  }
}
