import { AlertRaisedV1, AlertResolvedV1, type AlertSeverity } from '@cloudwright/contracts';
import { type Transaction } from '@cloudwright/messaging';
import { Like } from 'typeorm';
import { CostAlertEntity } from './cost-alert.entity';

/** An alert condition that holds now. */
export interface AlertDraft {
  dedupKey: string;
  kind: string;
  severity: AlertSeverity;
  title: string;
  description: string;
  stack?: string;
  environment?: string;
  labels: Record<string, string>;
}

export interface AlertSyncResult {
  raised: string[];
  resolved: string[];
}

export const ALERT_SOURCE = 'cost-tracker';

/**
 * Makes the raised alerts under `prefix` match the conditions that hold (`desired`), in the caller's transaction:
 * a condition not yet raised publishes alert.raised.v1 once; a raised key no longer desired publishes
 * alert.resolved.v1 with `resolution` as its description. Re-running with the same conditions publishes nothing.
 */
export async function syncAlerts(tx: Transaction, prefix: string, desired: readonly AlertDraft[], resolution: (key: CostAlertEntity) => string, now: Date = new Date()): Promise<AlertSyncResult> {
  const alerts = tx.manager.getRepository(CostAlertEntity);
  const raisedRows = await alerts.find({ where: { dedupKey: Like(`${prefix.replace(/[\\%_]/g, '\\$&')}%`), status: 'raised' }, lock: { mode: 'pessimistic_write' } });
  const raised = new Map(raisedRows.map((r) => [r.dedupKey, r]));
  const wanted = new Set(desired.map((d) => d.dedupKey));
  const result: AlertSyncResult = { raised: [], resolved: [] };
  for (const draft of desired) {
    if (raised.has(draft.dedupKey)) continue;
    await alerts.save(
      alerts.create({
        dedupKey: draft.dedupKey,
        kind: draft.kind,
        severity: draft.severity,
        stack: draft.stack ?? null,
        environment: draft.environment ?? null,
        status: 'raised',
        title: draft.title,
        description: draft.description,
        labels: draft.labels,
        raisedAt: now,
        resolvedAt: null,
      }),
    );
    await tx.publish(AlertRaisedV1, {
      dedupKey: draft.dedupKey,
      kind: draft.kind,
      severity: draft.severity,
      title: draft.title.slice(0, 256),
      description: draft.description.slice(0, 4096),
      ...(draft.stack ? { stack: draft.stack } : {}),
      ...(draft.environment ? { environment: draft.environment } : {}),
      source: ALERT_SOURCE,
      labels: draft.labels,
      raisedAt: now.toISOString(),
    });
    result.raised.push(draft.dedupKey);
  }
  for (const row of raisedRows) {
    if (wanted.has(row.dedupKey)) continue;
    const description = resolution(row);
    await alerts.update({ dedupKey: row.dedupKey }, { status: 'resolved', resolvedAt: now });
    await tx.publish(AlertResolvedV1, {
      dedupKey: row.dedupKey,
      kind: row.kind,
      description: description.slice(0, 4096),
      ...(row.stack ? { stack: row.stack } : {}),
      ...(row.environment ? { environment: row.environment } : {}),
      source: ALERT_SOURCE,
      labels: row.labels,
      resolvedAt: now.toISOString(),
    });
    result.resolved.push(row.dedupKey);
  }
  return result;
}
