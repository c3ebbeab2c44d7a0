import { eventDefinitionOf, type EventClass } from '../envelope/event-contract';
import { validatePayload, type FieldError } from '../envelope/validation';
import { EVENT_MAP } from '../event-map';
import { aComplianceScanCommand, aComplianceScanned, aFailedComplianceScan, aPlanReference } from '../testing';
import { ComplianceOrchestratorScanV1 } from './compliance-orchestrator-scan.v1';
import { ComplianceScannedV1, MAX_LISTED_BLOCKING } from './compliance-scanned.v1';

function errorsOf(contract: EventClass, data: unknown): FieldError[] {
  const result = validatePayload(contract, data);
  return result.ok ? [] : result.errors;
}
const pathsOf = (contract: EventClass, data: unknown) => [...new Set(errorsOf(contract, data).map((e) => e.path))];

describe(ComplianceOrchestratorScanV1.name, () => {
  it('is a command addressed to the compliance-orchestrator agent', () => {
    expect(eventDefinitionOf(ComplianceOrchestratorScanV1)).toMatchObject({
      kind: 'command',
      subject: 'cw.cmd.compliance-orchestrator.scan.v1',
      subjectField: 'deploymentId',
    });
    expect(EVENT_MAP['compliance-orchestrator.scan.v1']).toBe(ComplianceOrchestratorScanV1);
  });

  it('accepts an inline plan, a reference, and the optional fields left out', () => {
    expect(errorsOf(ComplianceOrchestratorScanV1, aComplianceScanCommand())).toEqual([]);
    expect(errorsOf(ComplianceOrchestratorScanV1, aComplianceScanCommand({ plan: { format: 'terraform-plan-json', ref: aPlanReference() } }))).toEqual([]);
    const { frameworks: _f, evidence: _e, requestKey: _r, ...minimal } = aComplianceScanCommand();
    expect(errorsOf(ComplianceOrchestratorScanV1, minimal)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a framework name with spaces', { frameworks: ['PCI DSS'] }, ['data.frameworks']],
    ['evidence without a value', { evidence: [{ key: 'runbooks' }] }, ['data.evidence.0.value']],
    ['an evidence key in camelCase', { evidence: [{ key: 'runBooks', value: true }] }, ['data.evidence.0.key']],
    ['a plan with neither inline nor ref', { plan: { format: 'terraform-plan-json' } }, ['data.plan']],
  ])('reports %s', (_case, overrides, paths) => {
    expect(pathsOf(ComplianceOrchestratorScanV1, { ...aComplianceScanCommand(), ...overrides })).toEqual(paths);
  });
});

describe(ComplianceScannedV1.name, () => {
  it('is an event on cw.evt.compliance.scanned.v1 about the deployment', () => {
    expect(eventDefinitionOf(ComplianceScannedV1)).toMatchObject({ kind: 'event', subject: 'cw.evt.compliance.scanned.v1', subjectField: 'deploymentId' });
  });

  it('accepts a scanned and a failed scan', () => {
    expect(errorsOf(ComplianceScannedV1, aComplianceScanned())).toEqual([]);
    expect(errorsOf(ComplianceScannedV1, aFailedComplianceScan())).toEqual([]);
    expect(errorsOf(ComplianceScannedV1, aComplianceScanned({ scores: { overall: null, frameworks: [] } }))).toEqual([]);
  });

  it('requires the gate with a scanned status and the error with a failed one', () => {
    const { gate: _g, ...noGate } = aComplianceScanned();
    expect(pathsOf(ComplianceScannedV1, noGate)).toEqual(['data.status']);
    expect(pathsOf(ComplianceScannedV1, { ...aFailedComplianceScan(), gate: aComplianceScanned().gate })).toEqual(['data.status']);
  });

  it('bounds the blocking list and validates scores', () => {
    const gate = aComplianceScanned().gate;
    const blocking = Array.from({ length: MAX_LISTED_BLOCKING + 1 }, () => gate?.blocking[0]);
    expect(pathsOf(ComplianceScannedV1, aComplianceScanned({ gate: { ...gate, blocking } as never }))).toEqual(['data.gate.blocking']);
    const scores = { overall: 120, frameworks: [] };
    expect(pathsOf(ComplianceScannedV1, aComplianceScanned({ scores }))).toEqual(['data.scores.overall']);
  });
});
