import { DEPLOYMENT_STATUSES, FINAL_DEPLOYMENT_STATUSES } from '@cloudwright/contracts';
import { LOCK_HOLDING, TRANSITIONS, assertTransition, canTransition, stateDiagram } from './state-machine';

describe('saga state machine', () => {
  it('never leaves a final status', () => {
    for (const final of FINAL_DEPLOYMENT_STATUSES) expect(TRANSITIONS.filter((t) => t.from === final)).toEqual([]);
  });

  it('reaches every status from queued', () => {
    const seen = new Set<string>(['queued']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of TRANSITIONS) {
        if (seen.has(t.from) && !seen.has(t.to)) {
          seen.add(t.to);
          grew = true;
        }
      }
    }
    expect([...seen].sort()).toEqual([...DEPLOYMENT_STATUSES].sort());
  });

  it('lets every non-final status end (no dead ends)', () => {
    for (const s of DEPLOYMENT_STATUSES) if (!FINAL_DEPLOYMENT_STATUSES.includes(s)) expect(TRANSITIONS.some((t) => t.from === s)).toBe(true);
  });

  it('can cancel anything that is not final and not already rolling back or verifying', () => {
    for (const s of LOCK_HOLDING.filter((x) => !['provisioning', 'verifying', 'rolling-back', 'failed', 'rollback-failed'].includes(x))) expect(canTransition(s, 'cancelled')).toBe(true);
    expect(canTransition('provisioning', 'cancelled')).toBe(false); // compensations first
  });

  it('refuses an illegal transition with a message naming both ends', () => {
    expect(() => assertTransition('d1', 'succeeded', 'provisioning')).toThrow('deployment d1: no transition from succeeded to provisioning');
  });

  it('draws every transition', () => {
    const diagram = stateDiagram();
    expect(diagram.split('\n').filter((l) => l.includes('-->') && !l.includes('[*]'))).toHaveLength(TRANSITIONS.length);
    expect(diagram).toContain('rolling_back --> rollback_failed');
  });
});
