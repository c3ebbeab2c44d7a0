import { AlertRaisedV1 } from './alert/alert-raised.v1';
import { AlertResolvedV1 } from './alert/alert-resolved.v1';
import { ComplianceOrchestratorScanV1 } from './compliance/compliance-orchestrator-scan.v1';
import { ComplianceScannedV1 } from './compliance/compliance-scanned.v1';
import { CostActualsImportedV1 } from './cost/cost-actuals-imported.v1';
import { CostEstimatedV1 } from './cost/cost-estimated.v1';
import { CostOptimizerEstimateV1 } from './cost/cost-optimizer-estimate.v1';
import { DeploymentRequestedV1 } from './deployment/deployment-requested.v1';

/**
 * Every published event and command version, keyed by `<domain>.<entity>.<verb>.v<N>`. Importing this module loads (and so
 * registers) every contract; the JSON Schemas and the AsyncAPI document are generated from it.
 */
export const EVENT_MAP = {
  'alert.raised.v1': AlertRaisedV1,
  'alert.resolved.v1': AlertResolvedV1,
  'compliance.scanned.v1': ComplianceScannedV1,
  'compliance-orchestrator.scan.v1': ComplianceOrchestratorScanV1,
  'cost.actuals-imported.v1': CostActualsImportedV1,
  'cost.estimated.v1': CostEstimatedV1,
  'cost-optimizer.estimate.v1': CostOptimizerEstimateV1,
  'deployment.requested.v1': DeploymentRequestedV1,
} as const;

export type EventMap = { [K in keyof typeof EVENT_MAP]: InstanceType<(typeof EVENT_MAP)[K]> };
export type EventName = keyof EventMap;
