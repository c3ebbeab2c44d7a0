import { type DeploymentDetailDto, type StepDto } from '@cloudwright/contracts';
import { checkCreates, endToEndMs, phasesOf, stepDurations, stepOverheads } from './saga-metrics';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();

function step(id: string, dependsOn: string[], startedMs: number | null, finishedMs: number | null, extra: Partial<StepDto> = {}): StepDto {
  return {
    id, seq: 1, address: `aws_vpc.${id}`, resourceType: 'aws_vpc', cloud: 'aws', region: 'us-east-1', action: 'create', phase: 'forward', compensates: null,
    status: 'succeeded', attempts: 1, dependsOn, providerId: null, error: null, note: null,
    startedAt: startedMs === null ? null : at(startedMs), finishedAt: finishedMs === null ? null : at(finishedMs), ...extra,
  };
}

function detail(steps: StepDto[], provisioningMs: number | null): DeploymentDetailDto {
  return {
    id: 'd1', timeline: provisioningMs === null ? [] : [{ at: at(provisioningMs - 50), from: null, to: 'queued', reason: null, actor: null }, { at: at(provisioningMs), from: 'awaiting-approval', to: 'provisioning', reason: null, actor: null }],
    steps, requestedAt: at(0), finishedAt: at(1000),
  } as unknown as DeploymentDetailDto;
}

describe('stepOverheads', () => {
  it('measures roots from the provisioning transition and others from their last dependency to finish', () => {
    const out = stepOverheads(detail([step('a', [], 103, 110), step('b', [], 105, 140), step('c', ['a', 'b'], 144, 150)], 100));
    expect(out.map((o) => [o.address, o.overheadMs, o.root])).toEqual([['aws_vpc.a', 3, true], ['aws_vpc.b', 5, true], ['aws_vpc.c', 4, false]]);
    expect(out.map((o) => o.afterSlotMs)).toEqual([3, 5, 4]);
  });

  it('leaves out the wait for a slot under the parallel-step limit', () => {
    // limit 2: a and b run 100-140 and 101-120; c is runnable at 100 but gets a slot when b finishes at 120, starts at 123
    const out = stepOverheads(detail([step('a', [], 100, 140), step('b', [], 101, 120), step('c', [], 123, 130)], 100), 2);
    expect(out.map((o) => [o.address, o.overheadMs, o.afterSlotMs])).toEqual([['aws_vpc.a', 0, 0], ['aws_vpc.b', 1, 1], ['aws_vpc.c', 23, 3]]);
  });

  it('leaves out steps never started, skipped steps and compensations', () => {
    const out = stepOverheads(detail([
      step('a', [], 101, 102),
      step('b', ['a'], null, null, { status: 'pending' }),
      step('n', [], 101, 101, { status: 'skipped' }),
      step('x', [], 300, 301, { phase: 'compensation' }),
    ], 100));
    expect(out.map((o) => o.address)).toEqual(['aws_vpc.a']);
  });

  it('names the deployment and step when the records cannot be measured', () => {
    expect(() => stepOverheads(detail([step('a', [], 101, 102)], null))).toThrow('deployment d1: step aws_vpc.a started but the timeline has no "provisioning" entry');
    expect(() => stepOverheads(detail([step('a', ['zz'], 101, 102)], 100))).toThrow('deployment d1: step aws_vpc.a depends on unknown step zz');
    expect(() => stepOverheads(detail([step('a', [], 101, null), step('b', ['a'], 103, 104)], 100))).toThrow('dependency aws_vpc.a of started step aws_vpc.b, finishedAt is not set');
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
