import { Inject, Injectable } from '@nestjs/common';
import { type Transaction } from '@cloudwright/messaging';
import { COMPLIANCE_CONFIG, type ComplianceConfig } from '../common/config/compliance.config';
import { criticalFindingKey, decideComplianceAlerts, scoreDropKey, type ScanFacts } from './alert-decisions';
import { openAlerts, syncAlerts, type AlertSyncResult } from './alert-sync';

/**
 * Compliance alerts of a stack/environment, evaluated after each stored scan in the scan's transaction (so the
 * alert events leave through the outbox with the scan, or not at all). Rules: alert-decisions.ts.
 */
@Injectable()
export class ComplianceAlertsService {
  constructor(@Inject(COMPLIANCE_CONFIG) private readonly config: ComplianceConfig) {}

  async afterScan(tx: Transaction, scope: { stack: string; environment: string }, current: ScanFacts, previous: ScanFacts | null, now: Date): Promise<AlertSyncResult> {
    const keys = [scoreDropKey(scope.stack, scope.environment), criticalFindingKey(scope.stack, scope.environment)];
    const open = await openAlerts(tx, keys);
    const decision = decideComplianceAlerts({
      ...scope,
      current,
      previous,
      open: { scoreDrop: open.get(keys[0])?.labels, criticalFinding: open.get(keys[1])?.labels },
      scoreDropPoints: this.config.scoreDropPoints,
    });
    return syncAlerts(tx, open, keys, decision.desired, decision.resolutions, now);
  }
}
