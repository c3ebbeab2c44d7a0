import { type ComplianceOrchestratorScanV1 } from '../compliance/compliance-orchestrator-scan.v1';
import { type ComplianceScannedV1 } from '../compliance/compliance-scanned.v1';
import { type DeploymentPlanV1, type PlanReferenceV1 } from '../deployment/deployment-requested.v1';
import { aTerraformPlan } from './deployment-requested.factory';

/** Test data for the compliance contracts, as plain JSON. Every builder returns a fresh, valid object. */
export type ComplianceOrchestratorScanV1Data = Omit<ComplianceOrchestratorScanV1, 'plan'> & {
  plan: Omit<DeploymentPlanV1, 'ref'> & { ref?: PlanReferenceV1 };
};

/** compliance-orchestrator.scan.v1 for the tiny one-bucket plan of `aTerraformPlan`. */
export function aComplianceScanCommand(overrides: Partial<ComplianceOrchestratorScanV1Data> = {}): ComplianceOrchestratorScanV1Data {
  return {
    deploymentId: '6f1c2a8e-2f55-4a31-9d0e-6f0f5c1b2a77',
    stack: 'platform',
    environment: 'prod',
    requestKey: 'github-actions:acme/platform:9876543210:platform:prod',
    plan: { format: 'terraform-plan-json', inline: aTerraformPlan() },
    frameworks: ['cis-aws-foundations', 'pci-dss-4.0'],
    evidence: [{ key: 'runbooks', value: true, source: 'https://wiki.example.com/runbooks/platform' }],
    ...overrides,
  };
}

/** A scanned compliance.scanned.v1 that blocks on one critical finding. */
export function aComplianceScanned(overrides: Partial<ComplianceScannedV1> = {}): ComplianceScannedV1 {
  return {
    deploymentId: '6f1c2a8e-2f55-4a31-9d0e-6f0f5c1b2a77',
    stack: 'platform',
    environment: 'prod',
    status: 'scanned',
    scanId: '0b8e6f5c-8f0e-4d7e-9a53-2f1d8f3c4b21',
    ruleSetVersion: 'cloudwright-builtin@1.0.0+0123456789ab',
    gate: {
      verdict: 'blocked',
      blockOn: 'critical',
      reasons: ['1 unwaived critical finding(s) (CW-AWS-0003)'],
      blocking: [{ ruleId: 'CW-AWS-0003', title: 'S3 buckets block public access', severity: 'critical', address: 'aws_s3_bucket.assets' }],
    },
    scores: {
      overall: 62.5,
      frameworks: [{ framework: 'pci-dss-4.0', score: 55, passed: 6, failed: 3, unknown: 1, manual: 20, notApplicable: 10, muted: 0 }],
    },
    counts: { critical: 1, high: 2, medium: 0, low: 1, info: 0, unknown: 1, manual: 20, muted: 0, passed: 9 },
    ...overrides,
  };
}

export function aFailedComplianceScan(overrides: Partial<ComplianceScannedV1> = {}): ComplianceScannedV1 {
  return {
    deploymentId: '6f1c2a8e-2f55-4a31-9d0e-6f0f5c1b2a77',
    stack: 'platform',
    environment: 'prod',
    status: 'failed',
    error: { code: 'VALIDATION_FAILED', message: 'expected an array, got "x"', path: '$.resource_changes' },
    ...overrides,
  };
}
