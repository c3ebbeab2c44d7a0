import { type DeploymentDetailDto, type StepDto } from '@cloudwright/contracts';
import { checkCreates, endToEndMs, phasesOf, stepDurations, stepGaps, summaryMs } from './saga-metrics';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();

function step(id: string, dependsOn: string[], startedMs: number | null, finishedMs: number | null, extra: Partial<StepDto> = {}): StepDto {
  return {
    id, seq: 1, address: `aws_vpc.${id}`, resourceType: 'aws_vpc', cloud: 'aws', region: 'us-east-1', action: 'create', phase: 'forward', compensates: null,
    status: 'succeeded', attempts: 1, dependsOn, providerId: null, error: null, note: null,
    startedAt: startedMs === null ? null : at(startedMs), finishedAt: finishedMs === null ? null : at(finishedMs), callStartedAt: null, callFinishedAt: null, ...extra,
  };
}

function detail(steps: StepDto[], provisioningMs: number | null): DeploymentDetailDto {
  return {
    id: 'd1', timeline: provisioningMs === null ? [] : [{ at: at(provisioningMs - 50), from: null, to: 'queued', reason: null, actor: null }, { at: at(provisioningMs), from: 'awaiting-approval', to: 'provisioning', reason: null, actor: null }],
    steps, requestedAt: at(0), finishedAt: at(1000),
  } as unknown as DeploymentDetailDto;
}

describe('stepGaps', () => {
  // call = [callStartedAt, callFinishedAt]
  const called = (id: string, dependsOn: string[], started: number, call: [number, number], finished: number, extra: Partial<StepDto> = {}) =>
    step(id, dependsOn, started, finished, { callStartedAt: at(call[0]), callFinishedAt: at(call[1]), ...extra });

  it('measures roots from the provisioning transition and others from the last answer of their dependencies', () => {
    const out = stepGaps(detail([called('a', [], 103, [104, 110], 112), called('b', [], 103, [105, 140], 141), called('c', ['a', 'b'], 142, [145, 150], 151)], 100));
    expect(out.map((o) => [o.address, o.root, o.gapMs, o.recordMs, o.dispatchMs, o.callWaitMs])).toEqual([
      ['aws_vpc.a', true, 4, 0, 3, 1],
      ['aws_vpc.b', true, 5, 0, 3, 2],
      ['aws_vpc.c', false, 5, 1, 1, 3],
    ]);
  });

  it('leaves out steps whose call never started, skipped steps and compensations', () => {
    const out = stepGaps(detail([
      called('a', [], 101, [101, 102], 102),
      step('b', ['a'], null, null, { status: 'pending' }),
      step('n', [], 101, 101, { status: 'skipped' }),
      called('x', [], 300, [300, 301], 301, { phase: 'compensation' }),
    ], 100));
    expect(out.map((o) => o.address)).toEqual(['aws_vpc.a']);
  });

  it('names the deployment and step when the records cannot be measured', () => {
    expect(() => stepGaps(detail([called('a', [], 101, [101, 102], 102)], null))).toThrow('deployment d1: step aws_vpc.a started but the timeline has no "provisioning" entry');
    expect(() => stepGaps(detail([called('a', ['zz'], 101, [101, 102], 102)], 100))).toThrow('deployment d1: step aws_vpc.a depends on unknown step zz');
    expect(() => stepGaps(detail([step('a', [], 101, null), called('b', ['a'], 103, [103, 104], 104)], 100))).toThrow('deployment d1: step aws_vpc.b: dependency aws_vpc.a callFinishedAt is not set');
  });
});

describe('summaryMs', () => {
  const text = [
    '# HELP cw_saga_step_overhead_seconds x',
    '# TYPE cw_saga_step_overhead_seconds summary',
    'cw_saga_step_overhead_seconds{quantile="0.5"} 0.0021',
    'cw_saga_step_overhead_seconds{quantile="0.99"} 0.04',
    'cw_saga_step_overhead_seconds_sum 9',
    'cw_saga_step_overhead_seconds_count 2000',
    'cw_saga_round_seconds{quantile="0.5"} 0.5',
  ].join('\n');

  it('reads the quantiles in ms and the count', () => {
    const out = summaryMs(text, 'cw_saga_step_overhead_seconds');
    expect(out.count).toBe(2000);
    expect(out.quantiles.get(0.5)).toBeCloseTo(2.1, 6);
    expect(out.quantiles.get(0.99)).toBeCloseTo(40, 6);
  });

  it('reads a summary that is not in seconds with scale 1', () => {
    const sizes = summaryMs(`${text}\ncw_saga_round_deployments{quantile="0.5"} 12\ncw_saga_round_deployments_count 40`, 'cw_saga_round_deployments', 1);
    expect(sizes.quantiles.get(0.5)).toBe(12);
    expect(sizes.count).toBe(40);
  });

  it('says which summary is missing', () => {
    expect(() => summaryMs(text, 'cw_nothing')).toThrow('the metrics have no summary cw_nothing');
  });
});

describe('endToEndMs', () => {
  it('is finishedAt minus requestedAt, and refuses an unfinished deployment', () => {
    expect(endToEndMs([{ id: 'x', requestedAt: at(0), finishedAt: at(2500) } as never])).toEqual([2500]);
    expect(() => endToEndMs([{ id: 'x', requestedAt: at(0), finishedAt: null } as never])).toThrow('deployment x finishedAt is not set');
  });
});

describe('checkCreates', () => {
  const c = (stack: string, address: string, operation: string, count: number) => ({ stack, environment: 'bench', address, operation, count });

  it('counts expected addresses created once and reports missing and duplicated ones', () => {
    const counts = [c('s1', 'a', 'create', 1), c('s1', 'b', 'create', 2), c('s2', 'a', 'create', 1), c('s2', 'a', 'delete', 2), c('other', 'a', 'create', 5)];
    const check = checkCreates(counts, new Map([['s1', ['a', 'b', 'c']]]), new Map([['s2', ['a']]]));
    expect(check).toEqual({ expected: 3, createdOnce: 1, duplicates: ['s1 b ×2'], missing: ['s1 c'], deletedTwice: ['s2 a ×2'] });
  });

  it('passes a clean world', () => {
    const check = checkCreates([c('s1', 'a', 'create', 1), c('s2', 'a', 'create', 1), c('s2', 'a', 'delete', 1)], new Map([['s1', ['a']]]), new Map([['s2', ['a']]]));
    expect(check).toEqual({ expected: 1, createdOnce: 1, duplicates: [], missing: [], deletedTwice: [] });
  });
});

describe('phasesOf / stepDurations', () => {
  it('splits a deployment at its provisioning transition and measures finished forward steps', () => {
    const d = detail([step('a', [], 103, 110), step('b', ['a'], 112, null, { status: 'running' }), step('x', [], 300, 340, { phase: 'compensation' })], 100);
    expect(phasesOf(d)).toEqual({ gatesMs: 100, provisioningMs: 900 });
    expect(stepDurations(d)).toEqual([7]);
    expect(phasesOf(detail([], null))).toBeUndefined();
  });
});
