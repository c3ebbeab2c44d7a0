import { quoteIdent } from '@cloudwright/messaging';
import { Decimal } from '@cloudwright/pricing';
import { type EntityManager } from 'typeorm';

/** One aggregated daily fact, as inserted by an import. Amounts are decimal strings. */
export interface DailyFact {
  day: string;
  dimKey: string;
  provider: string;
  billingAccountId: string;
  subAccountId: string | null;
  subAccountName: string | null;
  service: string;
  serviceCategory: string;
  region: string | null;
  resourceId: string | null;
  resourceName: string | null;
  resourceType: string | null;
  chargeCategory: string;
  currency: string;
  stack: string | null;
  environment: string | null;
  deploymentId: string | null;
  tags: Record<string, string>;
  billedCost: string;
  effectiveCost: string;
  listCost: string | null;
  rowCount: number;
}

/** PostgreSQL numeric text (`15.0`, `1.2500`) as a plain decimal string without trailing zeros (`15`, `1.25`). */
const normal = (text: string): string => new Decimal(text).toFixed();

export const COST_DIMENSIONS = ['service', 'region', 'resource', 'provider', 'sub-account', 'service-category', 'charge-category', 'stack', 'environment'] as const;
export type CostDimension = (typeof COST_DIMENSIONS)[number] | `tag:${string}`;

const DIMENSION_SQL: Record<(typeof COST_DIMENSIONS)[number], string> = {
  service: 'service',
  region: 'region',
  resource: 'resource_id',
  provider: 'provider',
  'sub-account': 'sub_account_id',
  'service-category': 'service_category',
  'charge-category': 'charge_category',
  stack: 'stack',
  environment: 'environment',
};

export interface CostQuery {
  dimension: CostDimension;
  from: string;
  /** Exclusive. */
  to: string;
  granularity: 'day' | 'month';
  stack?: string;
  environment?: string;
  provider?: string;
}

export interface CostRow {
  period: string;
  key: string | null;
  currency: string;
  billedCost: string;
  effectiveCost: string;
  rows: number;
}

/** The daily fact table: bulk inserts (multi-row, merged on the import/day/dimension key) and aggregations. */
export class CostFactsRepository {
  private readonly table: string;

  constructor(
    private readonly manager: EntityManager,
    schema: string,
  ) {
    this.table = `${quoteIdent(schema)}.cost_daily`;
  }

  /** Inserts one batch with a single statement; a key already inserted by an earlier batch of the import adds up. */
  async insertBatch(importId: string, facts: readonly DailyFact[]): Promise<void> {
    if (!facts.length) return;
    const columns = [
      'import_id', 'day', 'dim_key', 'provider', 'billing_account_id', 'sub_account_id', 'sub_account_name', 'service', 'service_category', 'region',
      'resource_id', 'resource_name', 'resource_type', 'charge_category', 'currency', 'stack', 'environment', 'deployment_id', 'tags',
      'billed_cost', 'effective_cost', 'list_cost', 'row_count',
    ];
    const params: unknown[] = [];
    const tuples = facts.map((f) => {
      const values = [
        importId, f.day, f.dimKey, f.provider, f.billingAccountId, f.subAccountId, f.subAccountName, f.service, f.serviceCategory, f.region,
        f.resourceId, f.resourceName, f.resourceType, f.chargeCategory, f.currency, f.stack, f.environment, f.deploymentId, JSON.stringify(f.tags),
        f.billedCost, f.effectiveCost, f.listCost, f.rowCount,
      ];
      const start = params.length;
      params.push(...values);
      return `(${values.map((_, i) => `$${start + i + 1}`).join(', ')})`;
    });
    await this.manager.query(
      `INSERT INTO ${this.table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (import_id, day, dim_key) DO UPDATE SET billed_cost = cost_daily.billed_cost + EXCLUDED.billed_cost,
         effective_cost = cost_daily.effective_cost + EXCLUDED.effective_cost,
         list_cost = CASE WHEN cost_daily.list_cost IS NULL OR EXCLUDED.list_cost IS NULL THEN NULL ELSE cost_daily.list_cost + EXCLUDED.list_cost END,
         row_count = cost_daily.row_count + EXCLUDED.row_count`,
      params,
    );
  }

  /** Cost grouped by a dimension and a period (day or month), effective and billed, per currency. */
  async costs(query: CostQuery): Promise<CostRow[]> {
    const params: unknown[] = [query.from, query.to];
    let key: string;
    if (query.dimension.startsWith('tag:')) {
      params.push(query.dimension.slice(4));
      key = `tags ->> $${params.length}`;
    } else {
      key = DIMENSION_SQL[query.dimension as keyof typeof DIMENSION_SQL];
    }
    const filters = ['day >= $1', 'day < $2'];
    for (const [column, value] of [['stack', query.stack], ['environment', query.environment], ['provider', query.provider]] as const) {
      if (value === undefined) continue;
      params.push(value);
      filters.push(`${column} = $${params.length}`);
    }
    const period = query.granularity === 'month' ? `to_char(day, 'YYYY-MM')` : `to_char(day, 'YYYY-MM-DD')`;
    const rows: { period: string; key: string | null; currency: string; billed: string; effective: string; rows: string }[] = await this.manager.query(
      `SELECT ${period} AS period, ${key} AS key, currency, sum(billed_cost)::text AS billed, sum(effective_cost)::text AS effective, sum(row_count)::text AS rows
       FROM ${this.table} WHERE ${filters.join(' AND ')}
       GROUP BY 1, 2, 3 ORDER BY 1, 2 NULLS LAST, 3`,
      params,
    );
    return rows.map((r) => ({ period: r.period, key: r.key, currency: r.currency.trim(), billedCost: normal(r.billed), effectiveCost: normal(r.effective), rows: Number(r.rows) }));
  }

  /** Effective cost per day of a stack/environment (optionally one tag, one service) in one currency, over [from, to). */
  async dailyCost(scope: { stack: string; environment: string; currency: string; from: string; to: string; tag?: { key: string; value: string }; service?: string }): Promise<{ day: string; cost: string }[]> {
    const params: unknown[] = [scope.stack, scope.environment, scope.currency, scope.from, scope.to];
    let extra = '';
    if (scope.tag) {
      params.push(scope.tag.key, scope.tag.value);
      extra += ` AND tags ->> $${params.length - 1} = $${params.length}`;
    }
    if (scope.service) {
      params.push(scope.service);
      extra += ` AND service = $${params.length}`;
    }
    const rows: { day: string; cost: string }[] = await this.manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(effective_cost)::text AS cost FROM ${this.table}
       WHERE stack = $1 AND environment = $2 AND currency = $3 AND day >= $4 AND day < $5${extra}
       GROUP BY day ORDER BY day`,
      params,
    );
    return rows;
  }

  /** Effective cost of a stack/environment over the RUN_RATE_DAYS days ending at its latest day of actuals; undefined when it has none. */
  async lastDaysCost(stack: string, environment: string, currency: string, days: number): Promise<string | undefined> {
    const rows: { total: string | null; latest: string | null }[] = await this.manager.query(
      `WITH latest AS (SELECT max(day) AS d FROM ${this.table} WHERE stack = $1 AND environment = $2 AND currency = $3)
       SELECT sum(c.effective_cost)::text AS total, to_char((SELECT d FROM latest), 'YYYY-MM-DD') AS latest FROM ${this.table} c
       WHERE c.stack = $1 AND c.environment = $2 AND c.currency = $3 AND c.day > (SELECT d FROM latest) - $4::int AND c.day <= (SELECT d FROM latest)`,
      [stack, environment, currency, days],
    );
    const first = rows[0];
    return first?.latest ? (first.total ?? '0') : undefined;
  }

  /** Latest day with actuals of a stack/environment in a currency ('YYYY-MM-DD'), or undefined. */
  async latestDay(stack: string, environment: string, currency: string): Promise<string | undefined> {
    const rows: { latest: string | null }[] = await this.manager.query(
      `SELECT to_char(max(day), 'YYYY-MM-DD') AS latest FROM ${this.table} WHERE stack = $1 AND environment = $2 AND currency = $3`,
      [stack, environment, currency],
    );
    return rows[0]?.latest ?? undefined;
  }

  /** Scopes (stack, environment, service) with actuals in a currency, for anomaly detection. */
  async scopes(): Promise<{ stack: string; environment: string; service: string; currency: string }[]> {
    const rows: { stack: string; environment: string; service: string; currency: string }[] = await this.manager.query(
      `SELECT DISTINCT stack, environment, service, currency FROM ${this.table} WHERE stack IS NOT NULL AND environment IS NOT NULL ORDER BY 1, 2, 3, 4`,
    );
    return rows.map((r) => ({ ...r, currency: r.currency.trim() }));
  }

  /** Actual effective cost attributed to a deployment (tag) or to resource ids, per currency, over [from, to). */
  async deploymentActuals(deploymentId: string, resourceIds: readonly string[], from: string, to: string): Promise<{ currency: string; cost: string; days: number; rows: number }[]> {
    const rows: { currency: string; cost: string; days: string; rows: string }[] = await this.manager.query(
      `SELECT currency, sum(effective_cost)::text AS cost, count(DISTINCT day)::text AS days, sum(row_count)::text AS rows FROM ${this.table}
       WHERE (deployment_id = $1 OR resource_id = ANY($2::text[]) OR resource_name = ANY($2::text[])) AND day >= $3 AND day < $4 GROUP BY currency ORDER BY currency`,
      [deploymentId, resourceIds, from, to],
    );
    return rows.map((r) => ({ currency: r.currency.trim(), cost: normal(r.cost), days: Number(r.days), rows: Number(r.rows) }));
  }
}
