import { AlertRaisedV1 } from './alert/alert-raised.v1';
import { AlertResolvedV1 } from './alert/alert-resolved.v1';
import { ComplianceOrchestratorScanV1 } from './compliance/compliance-orchestrator-scan.v1';
import { ComplianceScannedV1 } from './compliance/compliance-scanned.v1';
import { CostActualsImportedV1 } from './cost/cost-actuals-imported.v1';
import { CostEstimatedV1 } from './cost/cost-estimated.v1';
import { CostOptimizerEstimateV1 } from './cost/cost-optimizer-estimate.v1';
import { DeploymentRequestedV1 } from './deployment/deployment-requested.v1';
import { DeploymentQueuedV1 } from './deployment/deployment-queued.v1';
import { DeploymentStartedV1 } from './deployment/deployment-started.v1';
import { DeploymentGatePassedV1 } from './deployment/deployment-gate-passed.v1';
import { DeploymentGateBlockedV1 } from './deployment/deployment-gate-blocked.v1';
import { DeploymentApprovalRequestedV1 } from './deployment/deployment-approval-requested.v1';
import { DeploymentApprovalGivenV1 } from './deployment/deployment-approval-given.v1';
import { DeploymentStepStartedV1 } from './deployment/deployment-step-started.v1';
import { DeploymentStepSucceededV1 } from './deployment/deployment-step-succeeded.v1';
import { DeploymentStepFailedV1 } from './deployment/deployment-step-failed.v1';
import { DeploymentSucceededV1 } from './deployment/deployment-succeeded.v1';
import { DeploymentFailedV1 } from './deployment/deployment-failed.v1';
import { DeploymentRollingBackV1 } from './deployment/deployment-rolling-back.v1';
import { DeploymentRolledBackV1 } from './deployment/deployment-rolled-back.v1';
import { DeploymentRollbackFailedV1 } from './deployment/deployment-rollback-failed.v1';
import { DeploymentCancelledV1 } from './deployment/deployment-cancelled.v1';
import { DeploymentRejectedV1 } from './deployment/deployment-rejected.v1';
import { CloudAnalyzedV1 } from './cloud/cloud-analyzed.v1';
import { CloudAnalyzerAnalyzeV1 } from './cloud/cloud-analyzer-analyze.v1';

/**
 * Every published event and command version, keyed by `<domain>.<entity>.<verb>.v<N>`. Importing this module loads (and so
 * registers) every contract; the JSON Schemas and the AsyncAPI document are generated from it.
 */
export const EVENT_MAP = {
  'alert.raised.v1': AlertRaisedV1,
  'alert.resolved.v1': AlertResolvedV1,
  'cloud.analyzed.v1': CloudAnalyzedV1,
  'cloud-analyzer.analyze.v1': CloudAnalyzerAnalyzeV1,
  'compliance.scanned.v1': ComplianceScannedV1,
  'compliance-orchestrator.scan.v1': ComplianceOrchestratorScanV1,
  'cost.actuals-imported.v1': CostActualsImportedV1,
  'cost.estimated.v1': CostEstimatedV1,
  'cost-optimizer.estimate.v1': CostOptimizerEstimateV1,
  'deployment.requested.v1': DeploymentRequestedV1,
  'deployment.approval-given.v1': DeploymentApprovalGivenV1,
  'deployment.approval-requested.v1': DeploymentApprovalRequestedV1,
  'deployment.cancelled.v1': DeploymentCancelledV1,
  'deployment.failed.v1': DeploymentFailedV1,
  'deployment.gate-blocked.v1': DeploymentGateBlockedV1,
  'deployment.gate-passed.v1': DeploymentGatePassedV1,
  'deployment.queued.v1': DeploymentQueuedV1,
  'deployment.rejected.v1': DeploymentRejectedV1,
  'deployment.rollback-failed.v1': DeploymentRollbackFailedV1,
  'deployment.rolled-back.v1': DeploymentRolledBackV1,
  'deployment.rolling-back.v1': DeploymentRollingBackV1,
  'deployment.started.v1': DeploymentStartedV1,
  'deployment.step-failed.v1': DeploymentStepFailedV1,
  'deployment.step-started.v1': DeploymentStepStartedV1,
  'deployment.step-succeeded.v1': DeploymentStepSucceededV1,
  'deployment.succeeded.v1': DeploymentSucceededV1,
} as const;

export type EventMap = { [K in keyof typeof EVENT_MAP]: InstanceType<(typeof EVENT_MAP)[K]> };
export type EventName = keyof EventMap;
