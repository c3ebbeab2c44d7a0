import { type Pool, type PoolClient } from 'pg';
import { type ProviderError } from '@cloudwright/cloud-provider';
import { canonicalJson } from '../canonical-json';
import { Prng } from '../prng';
import { SimInputError } from '../sim.errors';
import { toIso } from '../store/pg';
import { DEFAULT_SLOW_DELAY_MS, faultFires, faultMatches, injectedError, parseFaultSpec, type Fault, type FaultSpec, type FaultTarget } from './fault';

/** A fault as the call context reads it (all faults, unlocked). */
export interface FaultRow {
  seq: string;
  spec: FaultSpec;
}

/** Apply faults match the three operations; a health fault must name operation 'health'. */
export function faultApplies(spec: FaultSpec, target: FaultTarget): boolean {
  if (target.operation === 'health' && spec.match.operation !== 'health') return false;
  return faultMatches(spec.match, target);
}

/** The faults table of one world: injection, listing, clearing, and firing within a call's transaction. */
export class FaultStore {
  constructor(
    private readonly pool: Pool,
    /** Quoted schema name. */
    private readonly s: string,
    private readonly seed: string,
  ) {}

  /**
   * Evaluates the faults matching a call, oldest first: each one fires per its remaining count and a seeded draw
   * (keyed by the fault, the call and its attempt ordinal). Slow faults add their delay; the first fail fault
   * that fires decides the call. Fired faults are consumed in this transaction.
   */
  async fire(client: PoolClient, all: readonly FaultRow[], target: FaultTarget, ordinal: number): Promise<{ error?: ProviderError; delayMs: number }> {
    const matching = all.filter((row) => faultApplies(row.spec, target)).map((row) => row.seq);
    if (matching.length === 0) return { delayMs: 0 };
    const { rows } = await client.query<{ seq: string; spec: FaultSpec; remaining: number | null }>(
      `select seq, spec, remaining from ${this.s}.faults where seq = any($1::bigint[]) order by seq for update`,
      [matching],
    );
    let delayMs = 0;
    let error: ProviderError | undefined;
    const fired: string[] = [];
    for (const row of rows) {
      const id = `fault-${row.seq}`;
      // keyed by what the fault is, not by its id, so a world replaying the same calls and faults draws the same
      const draw = Prng.keyed(this.seed, 'fault', canonicalJson(row.spec), target.stack, target.environment, target.address, target.operation, ordinal).next();
      if (!faultFires({ remaining: row.remaining, probability: row.spec.probability }, draw)) continue;
      fired.push(row.seq);
      if (row.spec.mode === 'slow') {
        delayMs += row.spec.delayMs ?? DEFAULT_SLOW_DELAY_MS;
      } else {
        error = injectedError({ id, code: row.spec.code, message: row.spec.message, retryable: row.spec.retryable }, target);
        break;
      }
    }
    if (fired.length > 0) {
      await client.query(
        `update ${this.s}.faults set hits = hits + 1, remaining = case when remaining is null then null else remaining - 1 end where seq = any($1::bigint[])`,
        [fired],
      );
    }
    return { error, delayMs };
  }


  /** Records a fault every process applies from its next call on; returns its id (`fault-<n>`). */
  async inject(input: FaultSpec): Promise<string> {
    const spec = parseFaultSpec(input);
    const { rows } = await this.pool.query<{ seq: string }>(`insert into ${this.s}.faults (spec, remaining) values ($1, $2) returning seq`, [
      JSON.stringify(spec),
      spec.times ?? null,
    ]);
    return `fault-${rows[0]?.seq ?? '?'}`;
  }

  async list(): Promise<Fault[]> {
    const { rows } = await this.pool.query<{ seq: string; spec: FaultSpec; remaining: number | null; hits: number; created_at: Date }>(
      `select seq, spec, remaining, hits, created_at from ${this.s}.faults order by seq`,
    );
    return rows.map((row) => ({ ...row.spec, id: `fault-${row.seq}`, remaining: row.remaining, hits: row.hits, createdAt: toIso(row.created_at) }));
  }

  /** Removes every fault (or the one with this id); returns how many were removed. */
  async clear(id?: string): Promise<number> {
    if (id === undefined) {
      const { rowCount } = await this.pool.query(`delete from ${this.s}.faults`);
      return rowCount ?? 0;
    }
    const match = /^fault-(\d+)$/.exec(id);
    if (!match) throw new SimInputError('faultId', `"${id}" is not a fault id (fault-<n>)`);
    const { rowCount } = await this.pool.query(`delete from ${this.s}.faults where seq = $1`, [match[1]]);
    return rowCount ?? 0;
  }

}
