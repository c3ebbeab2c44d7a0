import { AlertRaisedV1, AlertResolvedV1 } from '@cloudwright/contracts';
import { type Transaction } from '@cloudwright/messaging';
import { In } from 'typeorm';
import { type AlertDraft } from './alert-decisions';
import { ComplianceAlertEntity } from './compliance-alert.entity';

export const ALERT_SOURCE = 'compliance';

export interface AlertSyncResult {
  raised: string[];
  resolved: string[];
}

/** The alerts among `keys` that are raised now, locked for the caller's transaction. */
export async function openAlerts(tx: Transaction, keys: readonly string[]): Promise<Map<string, ComplianceAlertEntity>> {
  const rows = await tx.manager.getRepository(ComplianceAlertEntity).find({ where: { dedupKey: In([...keys]), status: 'raised' }, lock: { mode: 'pessimistic_write' } });
  return new Map(rows.map((row) => [row.dedupKey, row]));
}

/**
 * Makes the raised alerts among `keys` match the conditions that hold (`desired`), in the caller's transaction: a
 * condition not yet raised publishes alert.raised.v1 once; a raised key no longer desired publishes alert.resolved.v1
 * with its resolution. Re-running with the same conditions publishes nothing.
 */
export async function syncAlerts(
  tx: Transaction,
  open: ReadonlyMap<string, ComplianceAlertEntity>,
  keys: readonly string[],
  desired: readonly AlertDraft[],
  resolutions: Readonly<Record<string, string>>,
  now: Date,
): Promise<AlertSyncResult> {
  const alerts = tx.manager.getRepository(ComplianceAlertEntity);
  const wanted = new Set(desired.map((d) => d.dedupKey));
  const result: AlertSyncResult = { raised: [], resolved: [] };
  for (const draft of desired) {
    if (open.has(draft.dedupKey)) continue;
    await alerts.save(
      alerts.create({ ...draft, status: 'raised', raisedAt: now, resolvedAt: null }),
    );
    await tx.publish(AlertRaisedV1, {
      dedupKey: draft.dedupKey,
      kind: draft.kind,
      severity: draft.severity,
      title: draft.title.slice(0, 256),
      description: draft.description.slice(0, 4096),
      stack: draft.stack,
      environment: draft.environment,
      source: ALERT_SOURCE,
      labels: draft.labels,
      raisedAt: now.toISOString(),
    });
    result.raised.push(draft.dedupKey);
  }
  for (const key of keys) {
    const row = open.get(key);
    if (!row || wanted.has(key)) continue;
    await alerts.update({ dedupKey: key }, { status: 'resolved', resolvedAt: now });
    await tx.publish(AlertResolvedV1, {
      dedupKey: key,
      kind: row.kind,
      description: (resolutions[key] ?? `${row.kind} of ${row.stack}/${row.environment} no longer holds`).slice(0, 4096),
      stack: row.stack,
      environment: row.environment,
      source: ALERT_SOURCE,
      labels: row.labels,
      resolvedAt: now.toISOString(),
    });
    result.resolved.push(key);
  }
  return result;
}
