import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cloudwright/messaging';
import { Money, detectAnomalies, isCurrency, type Anomaly, type Currency } from '@cloudwright/pricing';
import { DataSource } from 'typeorm';
import { syncAlerts, type AlertDraft } from '../alerts/alert-sync';
import { COST_TRACKER_CONFIG, type CostTrackerConfig } from '../common/config/cost-tracker.config';
import { COST_TRACKER_DATA_SOURCE } from '../common/database/data-source';
import { CostFactsRepository } from '../costs/cost-facts.repository';

/** Days of history read per scope (baseline window plus the days being judged). */
export const ANOMALY_HISTORY_DAYS = 60;
/** Anomalies on the last N days of a scope's actuals keep their alert raised; older ones are resolved (aged out). */
export const ANOMALY_ALERT_DAYS = 7;

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unknown';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export interface ScopeAnomalies {
  stack: string;
  environment: string;
  service: string;
  currency: string;
  anomalies: { day: string; cost: string; expected: string; score: number; direction: Anomaly['direction']; severity: Anomaly['severity'] }[];
}

/**
 * Daily anomaly detection per stack/environment/service with `detectAnomalies` (robust z-score over a trailing
 * window). An anomaly on one of the last ANOMALY_ALERT_DAYS days of a scope's actuals raises `alert.raised.v1` with key
 * `cost-anomaly:<stack>:<env>:<service>:<day>` (once); it is resolved when it ages out or no longer is an anomaly.
 */
@Injectable()
export class AnomaliesService {
  constructor(
    @Inject(COST_TRACKER_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(COST_TRACKER_CONFIG) private readonly config: CostTrackerConfig,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async detectAll(): Promise<{ scopes: ScopeAnomalies[]; raised: string[]; resolved: string[] }> {
    const facts = new CostFactsRepository(this.dataSource.manager, this.config.schema);
    const scopes: ScopeAnomalies[] = [];
    const raised: string[] = [];
    const resolved: string[] = [];
    for (const scope of await facts.scopes()) {
      if (!isCurrency(scope.currency)) continue; // Money supports the catalog's currencies only
      const currency: Currency = scope.currency;
      const latest = await facts.latestDay(scope.stack, scope.environment, currency);
      if (!latest) continue;
      const daily = await facts.dailyCost({ ...scope, from: addDays(latest, -ANOMALY_HISTORY_DAYS + 1), to: addDays(latest, 1) });
      const anomalies = detectAnomalies(daily.map((d) => ({ day: d.day, cost: Money.of(d.cost, currency) })));
      const recentFrom = addDays(latest, -ANOMALY_ALERT_DAYS + 1);
      const prefix = `cost-anomaly:${scope.stack}:${scope.environment}:${slug(scope.service)}:`;
      const drafts: AlertDraft[] = anomalies
        .filter((a) => a.day >= recentFrom)
        .map((a) => ({
          dedupKey: `${prefix}${a.day}`,
          kind: 'cost-anomaly',
          severity: a.severity,
          title: `${scope.service} cost ${a.direction} for ${scope.stack}/${scope.environment} on ${a.day}`,
          description: `${scope.service} cost ${a.cost.toFixed(2)} ${currency} on ${a.day}, expected about ${a.expected.toFixed(2)} ${currency} (robust z-score ${a.score}).`,
          stack: scope.stack,
          environment: scope.environment,
          labels: { service: scope.service, day: a.day, direction: a.direction, cost: a.cost.toDecimalString(2), expected: a.expected.toDecimalString(2), score: String(a.score) },
        }));
      const result = await this.unitOfWork.run((tx) =>
        syncAlerts(tx, prefix, drafts, (row) => `${row.title}: no longer an anomaly in the last ${ANOMALY_ALERT_DAYS} days of actuals (up to ${latest}).`),
      );
      raised.push(...result.raised);
      resolved.push(...result.resolved);
      scopes.push({
        ...scope,
        anomalies: anomalies.map((a) => ({ day: a.day, cost: a.cost.toDecimalString(2), expected: a.expected.toDecimalString(2), score: a.score, direction: a.direction, severity: a.severity })),
      });
    }
    return { scopes, raised, resolved };
  }
}
