import { eventDefinitionOf } from '../envelope/event-contract';
import { validatePayload, type FieldError } from '../envelope/validation';
import { type EventClass } from '../envelope/event-contract';
import { EVENT_MAP } from '../event-map';
import { AlertRaisedV1 } from '../alert/alert-raised.v1';
import { AlertResolvedV1 } from '../alert/alert-resolved.v1';
import {
  aCostActualsImported,
  aCostEstimated,
  aFailedCostEstimate,
  aPlanReference,
  anAlertRaised,
  anAlertResolved,
  anEstimateCommand,
} from '../testing';
import { CostActualsImportedV1 } from './cost-actuals-imported.v1';
import { CostEstimatedV1, MAX_LISTED_UNSUPPORTED } from './cost-estimated.v1';
import { CostOptimizerEstimateV1, MAX_USAGE_FILE_CHARS } from './cost-optimizer-estimate.v1';

function errorsOf(contract: EventClass, data: unknown): FieldError[] {
  const result = validatePayload(contract, data);
  return result.ok ? [] : result.errors;
}
const pathsOf = (contract: EventClass, data: unknown) => [...new Set(errorsOf(contract, data).map((e) => e.path))];

describe(CostOptimizerEstimateV1.name, () => {
  it('is a command addressed to the cost-optimizer agent on cw.cmd.cost-optimizer.estimate.v1', () => {
    expect(eventDefinitionOf(CostOptimizerEstimateV1)).toMatchObject({
      kind: 'command',
      subject: 'cw.cmd.cost-optimizer.estimate.v1',
      type: 'io.cloudwright.cost-optimizer.estimate.v1',
      subjectField: 'deploymentId',
    });
    expect(EVENT_MAP['cost-optimizer.estimate.v1']).toBe(CostOptimizerEstimateV1);
  });

  it('accepts an inline plan, a plan reference, and the optional fields left out', () => {
    expect(errorsOf(CostOptimizerEstimateV1, anEstimateCommand())).toEqual([]);
    expect(errorsOf(CostOptimizerEstimateV1, anEstimateCommand({ plan: { format: 'terraform-plan-json', ref: aPlanReference() } }))).toEqual([]);
    const { currency: _c, commitment: _m, requestKey: _r, ...minimal } = anEstimateCommand();
    expect(errorsOf(CostOptimizerEstimateV1, { ...minimal, usage: 'version: 0.1\n' })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown currency', { currency: 'JPY' }, ['data.currency']],
    ['an unknown commitment', { commitment: '5y' }, ['data.commitment']],
    ['a plan with neither inline nor ref', { plan: { format: 'terraform-plan-json' } }, ['data.plan']],
    ['a bad stack name', { stack: 'Platform' }, ['data.stack']],
    ['a usage file that is too large', { usage: 'x'.repeat(MAX_USAGE_FILE_CHARS + 1) }, ['data.usage']],
    ['a missing deployment id', { deploymentId: undefined }, ['data.deploymentId']],
  ])('reports %s', (_case, overrides, paths) => {
    expect(pathsOf(CostOptimizerEstimateV1, { ...anEstimateCommand(), ...overrides })).toEqual(paths);
  });
});

describe(CostEstimatedV1.name, () => {
  it('is an event on cw.evt.cost.estimated.v1 about the deployment', () => {
    expect(eventDefinitionOf(CostEstimatedV1)).toMatchObject({ kind: 'event', subject: 'cw.evt.cost.estimated.v1', subjectField: 'deploymentId' });
  });

  it('accepts a priced and a failed estimate', () => {
    expect(errorsOf(CostEstimatedV1, aCostEstimated())).toEqual([]);
    expect(errorsOf(CostEstimatedV1, aFailedCostEstimate())).toEqual([]);
    expect(errorsOf(CostEstimatedV1, aCostEstimated({ budget: { verdict: 'no-budget', projectedMonthly: '32.85', reason: 'no budget' } }))).toEqual([]);
  });

  it.each<[string, Partial<CostEstimatedV1>]>([
    ['priced without totals', { totals: undefined }],
    ['priced without a budget verdict', { budget: undefined }],
    ['priced with an error', { error: { code: 'INTERNAL', message: 'x' } }],
  ])('rejects an estimate %s at data.status', (_case, overrides) => {
    expect(errorsOf(CostEstimatedV1, aCostEstimated(overrides))).toEqual([
      { path: 'data.status', message: 'status "priced" requires totals and budget and no error; status "failed" requires error and no totals' },
    ]);
  });

  it('rejects a failed estimate without an error, and one with totals', () => {
    expect(pathsOf(CostEstimatedV1, aFailedCostEstimate({ error: undefined }))).toEqual(['data.status']);
    expect(pathsOf(CostEstimatedV1, aFailedCostEstimate({ totals: aCostEstimated().totals }))).toEqual(['data.status']);
  });

  it('rejects float-looking or exponent amounts, naming the field', () => {
    const totals = { ...aCostEstimated().totals!, monthly: '3.285e1' };
    expect(errorsOf(CostEstimatedV1, aCostEstimated({ totals }))).toEqual([
      { path: 'data.totals.monthly', message: 'monthly must be a decimal string such as "70.08" (no exponent, at most 12 decimals)' },
    ]);
    expect(pathsOf(CostEstimatedV1, { ...aCostEstimated(), totals: { ...aCostEstimated().totals, hourly: 0.045 } })).toEqual(['data.totals.hourly']);
  });

  it(`caps the listed unsupported resources at ${MAX_LISTED_UNSUPPORTED}`, () => {
    const unsupported = Array.from({ length: MAX_LISTED_UNSUPPORTED + 1 }, (_, i) => ({ address: `aws_x.r${i}`, type: 'aws_x', reason: 'no pricer' }));
    expect(pathsOf(CostEstimatedV1, aCostEstimated({ unsupported, unsupportedCount: unsupported.length }))).toEqual(['data.unsupported']);
  });

  it('rejects an unknown budget verdict', () => {
    expect(pathsOf(CostEstimatedV1, aCostEstimated({ budget: { verdict: 'maybe' as never, projectedMonthly: '1', reason: 'x' } }))).toEqual(['data.budget.verdict']);
  });
});

describe(AlertRaisedV1.name, () => {
  it('accepts a raised and a resolved alert sharing a dedup key', () => {
    expect(errorsOf(AlertRaisedV1, anAlertRaised())).toEqual([]);
    expect(errorsOf(AlertResolvedV1, anAlertResolved())).toEqual([]);
    expect(eventDefinitionOf(AlertRaisedV1).subject).toBe('cw.evt.alert.raised.v1');
    expect(eventDefinitionOf(AlertResolvedV1).subject).toBe('cw.evt.alert.resolved.v1');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown severity', { severity: 'page' }, ['data.severity']],
    ['a dedup key with spaces', { dedupKey: 'cost budget' }, ['data.dedupKey']],
    ['a time without zone', { raisedAt: '2030-01-20 06:00:00' }, ['data.raisedAt']],
    ['a non-string label', { labels: { threshold: 80 } }, ['data.labels']],
    ['a link that is not http(s)', { links: [{ title: 'x', url: 'ftp://x' }] }, ['data.links.0.url']],
  ])('reports %s', (_case, overrides, paths) => {
    expect(pathsOf(AlertRaisedV1, { ...anAlertRaised(), ...overrides })).toEqual(paths);
  });

  it('requires resolvedAt on a resolve', () => {
    expect(pathsOf(AlertResolvedV1, { ...anAlertResolved(), resolvedAt: undefined })).toEqual(['data.resolvedAt']);
  });
});

describe(CostActualsImportedV1.name, () => {
  it('accepts an import summary and rejects a bad period and hash', () => {
    expect(errorsOf(CostActualsImportedV1, aCostActualsImported())).toEqual([]);
    expect(pathsOf(CostActualsImportedV1, aCostActualsImported({ period: { start: '2030-13-01', end: '2030-01-31' }, sha256: 'ABC' }))).toEqual([
      'data.sha256',
      'data.period.start',
    ]);
  });
});
