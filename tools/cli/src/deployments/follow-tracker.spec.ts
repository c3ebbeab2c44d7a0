import { FollowTracker } from './follow-tracker';
import { DEPLOYMENT_ID, at, detailFactory, feedEvent, gate, step } from './__tests__/fake-orchestrator';

const UTC = { utc: true };
const vpcData = { stepId: 's1', seq: 1, address: 'aws_vpc.main', resourceType: 'aws_vpc', cloud: 'aws', region: 'us-east-1', action: 'create', phase: 'forward', attempt: 1 };

describe(FollowTracker.name, () => {
  it('prints a gate once whether the feed or the poll brings it first', () => {
    const feedFirst = new FollowTracker(DEPLOYMENT_ID, UTC);
    expect(feedFirst.onEvent(feedEvent('deployment.gate-passed.v1', 3, { gate: 'cost', summary: 'ok', status: 'scanning' })).lines).toHaveLength(1);
    const polled = detailFactory({ status: 'scanning', gates: [gate('cost', 'passed', 'ok', 3)] });
    expect(feedFirst.onDetail(polled)).toEqual([]);

    const pollFirst = new FollowTracker(DEPLOYMENT_ID, UTC);
    expect(pollFirst.onDetail(polled)).toEqual(['12:00:03  gate       cost       passed   ok', '12:00:00  status     scanning']);
    expect(pollFirst.onEvent(feedEvent('deployment.gate-passed.v1', 3, { gate: 'cost', summary: 'ok', status: 'scanning' })).lines).toEqual([]);
  });

  it('ignores a repeated event id and events of other deployments', () => {
    const tracker = new FollowTracker(DEPLOYMENT_ID, UTC);
    const event = feedEvent('deployment.step-succeeded.v1', 5, { ...vpcData, durationMs: 400, status: 'provisioning' });
    expect(tracker.onEvent(event).lines).toHaveLength(1);
    expect(tracker.onEvent({ ...event }).lines).toEqual([]);
    const other = feedEvent('deployment.step-succeeded.v1', 5, { ...vpcData, stepId: 's9', deploymentId: '99999999-0000-4000-8000-000000000000' });
    expect(tracker.onEvent(other).lines).toEqual([]);
  });

  it('shows each failed attempt of a step, and the final failure from the poll only when the feed missed it', () => {
    const tracker = new FollowTracker(DEPLOYMENT_ID, UTC);
    const fail = (attempt: number) =>
      feedEvent('deployment.step-failed.v1', 5 + attempt, { ...vpcData, attempt, errorCode: 'throttled', error: 'slow down', willRetry: attempt < 2, status: 'provisioning' });
    expect(tracker.onEvent(fail(1)).lines[0]).toContain('retrying (attempt 1 failed)');
    expect(tracker.onEvent(fail(2)).lines[0]).toContain('✗ throttled: slow down');
    const polled = detailFactory({ status: 'provisioning', steps: [step('s1', 1, 'aws_vpc.main', 'failed', 5, 7, { attempts: 2, error: { code: 'throttled', message: 'slow down' } })] });
    expect(tracker.onDetail(polled)).toEqual([]);
  });

  it('marks a final status as final and does not repeat it from the poll', () => {
    const tracker = new FollowTracker(DEPLOYMENT_ID, UTC);
    tracker.onDetail(detailFactory({ status: 'provisioning' }));
    const done = tracker.onEvent(feedEvent('deployment.succeeded.v1', 9, { status: 'succeeded', revision: 2, created: 1, updated: 0, deleted: 0, durationMs: 1000 }));
    expect(done.final).toBe(true);
    expect(tracker.onDetail(detailFactory({ status: 'succeeded', revision: 2 }))).toEqual([]);
    const gatePassed = tracker.onEvent(feedEvent('deployment.gate-passed.v1', 3, { gate: 'cost', summary: 'ok', status: 'scanning' }));
    expect(gatePassed.final).toBe(false);
  });

  it('shows a status the feed never announced (verifying), a queue move, and the hint of a paused failure', () => {
    const tracker = new FollowTracker(DEPLOYMENT_ID, UTC);
    expect(tracker.onDetail(detailFactory({ queuePosition: 2 }))).toEqual(['12:00:00  status     queued  position 2']);
    expect(tracker.onDetail(detailFactory({ queuePosition: 2 }))).toEqual([]);
    expect(tracker.onDetail(detailFactory({ queuePosition: 1 }))).toEqual(['12:00:00  status     queued  position 1']);
    const verifying = detailFactory({ status: 'verifying', queuePosition: null, timeline: [{ at: at(20), from: 'provisioning', to: 'verifying', reason: null, actor: null }] });
    expect(tracker.onDetail(verifying)).toEqual(['12:00:20  status     verifying']);
    const failed = tracker.onDetail(detailFactory({ status: 'failed', queuePosition: null, reason: 'aws_vpc.main failed' }));
    expect(failed[0]).toBe('12:00:00  status     failed  — aws_vpc.main failed');
    expect(failed[1]).toContain(`cloudwright retry ${DEPLOYMENT_ID}`);
  });

  it('prints the approval wait from the poll with who may approve, once', () => {
    const tracker = new FollowTracker(DEPLOYMENT_ID, UTC);
    const waiting = detailFactory({ status: 'awaiting-approval', queuePosition: null, approval: { required: 1, approvers: ['carol'], deadline: at(600) } });
    const lines = tracker.onDetail(waiting);
    expect(lines[0]).toBe('12:00:00  approval   waiting for 1 approval from carol until 2026-11-22 12:10:00Z (no decision by then = rejected)');
    expect(lines).toContain('12:00:00  status     awaiting-approval');
    expect(tracker.onDetail(waiting)).toEqual([]);
    expect(tracker.onEvent(feedEvent('deployment.approval-requested.v1', 4, { required: 1, approvers: ['carol'], deadline: at(600), status: 'awaiting-approval' })).lines).toEqual([]);
  });

  it('shows alerts about its own stack and environment only', () => {
    const tracker = new FollowTracker(DEPLOYMENT_ID, UTC);
    tracker.onDetail(detailFactory());
    const alert = (stack: string) => ({ ...feedEvent('alert.raised.v1', 9, {}), data: { severity: 'critical', title: 't', dedupKey: 'k', stack, environment: 'staging', labels: {} } });
    expect(tracker.onEvent(alert('web')).lines).toHaveLength(1);
    expect(tracker.onEvent(alert('shop')).lines).toEqual([]);
  });

  it('reports progress of forward steps while provisioning, and none before', () => {
    const tracker = new FollowTracker(DEPLOYMENT_ID, UTC);
    tracker.onEvent(feedEvent('deployment.started.v1', 1, { status: 'analyzing', changes: 4 }));
    expect(tracker.progress()).toBeUndefined();
    tracker.onEvent(feedEvent('deployment.step-succeeded.v1', 5, { ...vpcData, durationMs: 1, status: 'provisioning' }));
    tracker.onEvent(feedEvent('deployment.step-succeeded.v1', 6, { ...vpcData, stepId: 'c1', phase: 'compensation', durationMs: 1, status: 'provisioning' }));
    expect(tracker.progress()).toBe('[====>               ] 1/4 steps');
  });
});
