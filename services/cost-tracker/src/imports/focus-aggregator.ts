import { createHash } from 'node:crypto';
import { type FocusRow } from '@cloudwright/focus';
import { Decimal } from '@cloudwright/pricing';
import { type DailyFact } from '../costs/cost-facts.repository';

/** Tags that attribute a cost row to a Cloudwright stack, environment and deployment (first one present wins). */
export const STACK_TAGS = ['cloudwright:stack', 'cloudwright-stack'];
export const ENVIRONMENT_TAGS = ['cloudwright:environment', 'cloudwright-environment'];
export const DEPLOYMENT_TAGS = ['cloudwright:deployment', 'deployment_id'];

const firstTag = (tags: Record<string, string>, keys: readonly string[]): string | null => {
  for (const key of keys) if (tags[key]) return tags[key];
  return null;
};

/**
 * Aggregates FOCUS rows into daily facts keyed by charge day (UTC date of ChargePeriodStart) and every dimension
 * (provider, billing account, sub-account, service, region, resource, charge category, currency, tags). Rows with the
 * same key add up; resource ids are kept. One instance holds one batch.
 */
export class FocusAggregator {
  private readonly facts = new Map<string, DailyFact>();
  private readonly totals = new Map<string, { billed: Decimal; effective: Decimal }>();
  private first?: string;
  private last?: string;
  rows = 0;

  add(row: FocusRow): void {
    const day = row.chargePeriodStart.slice(0, 10);
    const tags = Object.fromEntries(Object.entries(row.tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const dims = {
      provider: row.providerName,
      billingAccountId: row.billingAccountId,
      subAccountId: row.subAccountId,
      subAccountName: row.subAccountName,
      service: row.serviceName,
      serviceCategory: row.serviceCategory,
      region: row.regionId ?? row.regionName,
      resourceId: row.resourceId,
      resourceName: row.resourceName,
      resourceType: row.resourceType,
      chargeCategory: row.chargeCategory,
      currency: row.billingCurrency,
    };
    const dimKey = createHash('sha1').update(JSON.stringify([dims, tags])).digest('hex');
    const key = `${day}|${dimKey}`;
    const existing = this.facts.get(key);
    if (existing) {
      existing.billedCost = new Decimal(existing.billedCost).plus(row.billedCost).toFixed();
      existing.effectiveCost = new Decimal(existing.effectiveCost).plus(row.effectiveCost).toFixed();
      existing.listCost = existing.listCost === null || row.listCost === null ? null : new Decimal(existing.listCost).plus(row.listCost).toFixed();
      existing.rowCount++;
    } else {
      this.facts.set(key, {
        day,
        dimKey,
        ...dims,
        stack: firstTag(tags, STACK_TAGS),
        environment: firstTag(tags, ENVIRONMENT_TAGS),
        deploymentId: firstTag(tags, DEPLOYMENT_TAGS),
        tags,
        billedCost: new Decimal(row.billedCost).toFixed(),
        effectiveCost: new Decimal(row.effectiveCost).toFixed(),
        listCost: row.listCost === null ? null : new Decimal(row.listCost).toFixed(),
        rowCount: 1,
      });
    }
    const total = this.totals.get(row.billingCurrency) ?? { billed: new Decimal(0), effective: new Decimal(0) };
    this.totals.set(row.billingCurrency, { billed: total.billed.plus(row.billedCost), effective: total.effective.plus(row.effectiveCost) });
    if (this.first === undefined || day < this.first) this.first = day;
    if (this.last === undefined || day > this.last) this.last = day;
    this.rows++;
  }

  /** The facts gathered since the last drain (the batch to insert), emptied. */
  drain(): DailyFact[] {
    const out = [...this.facts.values()];
    this.facts.clear();
    return out;
  }

  get pending(): number {
    return this.facts.size;
  }

  period(): { start: string; end: string } | undefined {
    return this.first && this.last ? { start: this.first, end: this.last } : undefined;
  }

  currencyTotals(): { currency: string; billedCost: string; effectiveCost: string }[] {
    return [...this.totals]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, t]) => ({ currency, billedCost: t.billed.toFixed(), effectiveCost: t.effective.toFixed() }));
  }
}
