import { DEPLOY_EXIT_CODES } from '@cloudwright/contracts';
import {
  exitCodeForStatus,
  formatClock,
  isWaitFinal,
  progressBar,
  renderDetail,
  renderFeedEvent,
  renderHistory,
  renderSummary,
} from './deployment-render';
import { DEPLOYMENT_ID, at, detailFactory, feedEvent, gate, step } from './__tests__/fake-orchestrator';

const UTC = { utc: true };
const NOW = new Date(at(60));

describe(exitCodeForStatus.name, () => {
  it.each<[string, number | undefined]>([
    ['succeeded', 0],
    ['blocked', 2],
    ['rejected', 2],
    ['rolled-back', 3],
    ['rollback-failed', 3],
    ['cancelled', 4],
    ['queued', undefined],
    ['provisioning', undefined],
    ['failed', undefined],
    ['rolling-back', undefined],
    ['timeout', undefined],
    ['usage', undefined],
    ['toString', undefined],
  ])('%s → %s', (status, code) => {
    expect(exitCodeForStatus(status)).toBe(code);
    expect(isWaitFinal(status)).toBe(code !== undefined);
  });

  it('uses the contract table for the timeout and usage codes', () => {
    expect(DEPLOY_EXIT_CODES.timeout).toBe(4);
    expect(DEPLOY_EXIT_CODES.usage).toBe(1);
  });
});

describe(renderFeedEvent.name, () => {
  it('renders a gate, a step and a success with the clock time of the event', () => {
    expect(renderFeedEvent(feedEvent('deployment.gate-passed.v1', 3, { gate: 'cost', summary: '$412.77/month (within budget)', status: 'scanning' }), UTC)).toEqual([
      '12:00:03  gate       cost       passed   $412.77/month (within budget)',
    ]);
    const stepData = { stepId: 's1', seq: 1, address: 'aws_vpc.main', resourceType: 'aws_vpc', cloud: 'aws', region: 'us-east-1', action: 'create', phase: 'forward', attempt: 1 };
    expect(renderFeedEvent(feedEvent('deployment.step-succeeded.v1', 5, { ...stepData, durationMs: 400 }), UTC)).toEqual([
      '12:00:05  step       + create aws_vpc.main (aws us-east-1) ✓ 0.4s',
    ]);
    expect(renderFeedEvent(feedEvent('deployment.step-started.v1', 5, stepData), UTC)).toEqual([]);
    expect(
      renderFeedEvent(feedEvent('deployment.step-succeeded.v1', 9, { ...stepData, action: 'delete', phase: 'compensation', durationMs: 1200 }), UTC),
    ).toEqual(['12:00:09  step       ↩ delete aws_vpc.main (aws us-east-1) [compensation] ✓ 1.2s']);
    expect(renderFeedEvent(feedEvent('deployment.succeeded.v1', 9, { revision: 4, created: 3, updated: 1, deleted: 0, durationMs: 72_500 }), UTC)).toEqual([
      '12:00:09  succeeded  revision 4: 3 created, 1 updated, 0 deleted in 1m 13s',
    ]);
  });

  it('renders a failed step that will be retried, and a blocked gate with its reasons', () => {
    const failed = feedEvent('deployment.step-failed.v1', 6, {
      address: 'azurerm_kubernetes_cluster.aks',
      cloud: 'azure',
      region: 'westeurope',
      action: 'update',
      phase: 'forward',
      attempt: 1,
      errorCode: 'throttled',
      error: 'too many requests',
      willRetry: true,
    });
    expect(renderFeedEvent(failed, UTC)).toEqual([
      '12:00:06  step       ~ update azurerm_kubernetes_cluster.aks (azure westeurope) ✗ throttled: too many requests; retrying (attempt 1 failed)',
    ]);
    const blocked = feedEvent('deployment.gate-blocked.v1', 4, { gate: 'cost', summary: 'over budget: $900/month > $500', reasons: ['budget web-staging exceeded by $400'], facts: {} });
    expect(renderFeedEvent(blocked, UTC)).toEqual([
      '12:00:04  gate       cost       blocked  over budget: $900/month > $500',
      '                    - budget web-staging exceeded by $400',
    ]);
  });

  it('says who may approve, until when, and how to approve', () => {
    const lines = renderFeedEvent(
      feedEvent('deployment.approval-requested.v1', 4, { required: 2, approvers: ['alice', 'bob'], deadline: '2026-11-22T13:00:00Z', status: 'awaiting-approval' }),
      UTC,
    );
    expect(lines[0]).toBe('12:00:04  approval   waiting for 2 approvals from alice, bob until 2026-11-22 13:00:00Z (no decision by then = rejected)');
    expect(lines[1]).toContain(`cloudwright approve ${DEPLOYMENT_ID} --comment`);
    const anyone = renderFeedEvent(feedEvent('deployment.approval-requested.v1', 4, { required: 1, approvers: [], deadline: '2026-11-22T13:00:00Z' }), UTC);
    expect(anyone[0]).toContain('waiting for 1 approval from anyone with the approver or admin role');
  });

  it('renders rejections, pauses, rollback failures, cancels, alerts and unknown events', () => {
    expect(renderFeedEvent(feedEvent('deployment.rejected.v1', 7, { cause: 'timeout' }), UTC)).toEqual(['12:00:07  rejected   nobody approved before the deadline']);
    expect(renderFeedEvent(feedEvent('deployment.rejected.v1', 7, { cause: 'approver', by: 'bob', comment: 'not today' }), UTC)).toEqual([
      '12:00:07  rejected   by bob: "not today"',
    ]);
    expect(renderFeedEvent(feedEvent('deployment.failed.v1', 8, { reason: 'aws_vpc.main failed', next: 'paused' }), UTC)[0]).toBe(
      `12:00:08  failed     aws_vpc.main failed; next: paused for an operator: cloudwright retry ${DEPLOYMENT_ID}  or  cloudwright cancel ${DEPLOYMENT_ID}`,
    );
    const rollbackFailed = renderFeedEvent(feedEvent('deployment.rollback-failed.v1', 9, { address: 'aws_s3_bucket.logs', error: 'bucket not empty', failedStepId: 'x' }), UTC);
    expect(rollbackFailed[0]).toBe('12:00:09  ROLLBACK   FAILED: the compensation of aws_s3_bucket.logs keeps failing: bucket not empty');
    expect(rollbackFailed[1]).toContain('needs a human');
    expect(renderFeedEvent(feedEvent('deployment.cancelled.v1', 9, { by: 'alice', reason: 'wrong branch', compensated: 2 }), UTC)).toEqual([
      '12:00:09  cancelled  by alice: wrong branch (2 compensated)',
    ]);
    expect(renderFeedEvent({ ...feedEvent('alert.raised.v1', 9, {}), data: { severity: 'critical', title: 'rollback failed', dedupKey: 'web:staging:rollback-failed' } }, UTC)).toEqual([
      '12:00:09  alert      [critical] rollback failed (web:staging:rollback-failed)',
    ]);
    expect(renderFeedEvent(feedEvent('deployment.verified.v2', 9, { status: 'verifying' }), UTC)).toEqual(['12:00:09  event      deployment.verified.v2 → verifying']);
  });
});

describe(progressBar.name, () => {
  it.each<[number, number, string]>([
    [0, 18, '[                    ] 0/18 steps'],
    [7, 18, '[=======>            ] 7/18 steps'],
    [18, 18, '[====================] 18/18 steps'],
    [0, 0, '[                    ] 0/0 steps'],
    [5, 4, '[====================] 5/4 steps'],
  ])('%i of %i', (done, total, text) => {
    expect(progressBar(done, total)).toBe(text);
  });
});

describe(formatClock.name, () => {
  it('shows dashes for a missing or unreadable time', () => {
    expect(formatClock(null)).toBe('--:--:--');
    expect(formatClock('not a date')).toBe('--:--:--');
    expect(formatClock('2026-11-22T23:59:58.900Z', UTC)).toBe('23:59:58');
  });
});

describe(renderDetail.name, () => {
  it('shows the status, gates with their result, approvals, the step timeline and transitions', () => {
    const detail = detailFactory({
      status: 'awaiting-approval',
      queuePosition: null,
      startedAt: at(1),
      clouds: ['aws', 'gcp'],
      targetClouds: ['auto'],
      gates: [
        { ...gate('cost', 'passed', '$412.77/month (within budget)', 3), facts: { monthly: '412.77', budget: '500' } },
        gate('compliance', 'passed', 'score 96', 4),
        gate('approval', 'pending', 'waiting for 2 approvals', 5),
      ],
      approval: { required: 2, approvers: ['alice', 'bob'], deadline: at(3600) },
      approvals: [{ approver: 'alice', role: 'approver', decision: 'approve', comment: 'lgtm', at: at(30) }],
      steps: [step('s1', 1, 'aws_vpc.main', 'succeeded', 5, 5.4), step('s2', 2, 'google_sql_database_instance.db', 'failed', 6, 7, { cloud: 'gcp', region: 'europe-west1', attempts: 3, error: { code: 'quota-exceeded', message: 'no CPUs left' } })],
      stepCounts: { total: 2, succeeded: 1, failed: 1, running: 0, compensations: 0 },
      timeline: [
        { at: at(0), from: null, to: 'queued', reason: null, actor: null },
        { at: at(5), from: 'scanning', to: 'awaiting-approval', reason: 'staging requires 2 approvals', actor: null },
      ],
    });
    const text = renderDetail(detail, NOW, UTC);
    expect(text).toContain(`deployment ${DEPLOYMENT_ID}  (deploy)  stack web / staging`);
    expect(text).toContain('  status       awaiting-approval');
    expect(text).toContain('  clouds       aws, gcp (asked: auto)');
    expect(text).toContain('  duration     59s so far');
    expect(text).toContain('  cost       passed   $412.77/month (within budget)  (12:00:03)');
    expect(text).toContain('monthly=412.77  budget=500');
    expect(text).toContain('  approval   pending  waiting for 2 approvals');
    expect(text).toContain('  1/2 from alice, bob, deadline 2026-11-22 13:00:00Z');
    expect(text).toContain('  2026-11-22 12:00:30Z  approve alice (approver): "lgtm"');
    expect(text).toContain(`approve with: cloudwright approve ${DEPLOYMENT_ID}`);
    expect(text).toMatch(/1 +\+ create aws_vpc\.main +aws us-east-1 +succeeded +0\.4s/);
    expect(text).toMatch(/2 +\+ create google_sql_database_instance\.db +gcp europe-west1 +failed +1s +3 attempts +quota-exceeded: no CPUs left/);
    expect(text).toContain('  2026-11-22 12:00:05Z  scanning → awaiting-approval  — staging requires 2 approvals');
    expect(text).not.toContain('queue        position');
  });

  it('shows the queue position of a queued deployment', () => {
    expect(renderDetail(detailFactory({ queuePosition: 3 }), NOW, UTC)).toContain('  queue        position 3 (1 = next to run)');
  });
});

describe(renderSummary.name, () => {
  it('says a timed-out deployment keeps running and how to follow it', () => {
    const lines = renderSummary(detailFactory({ status: 'provisioning', startedAt: at(1) }), { timedOut: true, waitedMs: 1_800_000 }, NOW, UTC);
    expect(lines[0]).toBe(`deployment ${DEPLOYMENT_ID} still provisioning — stack web / staging`);
    expect(lines).toContain(`  timed out  stopped waiting after 30m 0s; the deployment keeps running — follow it with: cloudwright status ${DEPLOYMENT_ID} --wait`);
    expect(lines).toContain('  exit code  4 (timed out waiting, or cancelled)');
  });

  it('gives the reason and rollback detail of a rolled-back deployment', () => {
    const lines = renderSummary(
      detailFactory({ status: 'rolled-back', finishedAt: at(20), reason: 'aws_db_instance.main failed', rollback: { reason: 'step-failed', detail: 'quota-exceeded' } }),
      { timedOut: false },
      NOW,
      UTC,
    );
    expect(lines).toEqual(
      expect.arrayContaining(['  reason     aws_db_instance.main failed', '  rollback   step-failed: quota-exceeded', '  exit code  3 (rolled back (or its rollback failed))']),
    );
  });
});

describe(renderHistory.name, () => {
  it('lists deployments as a table', () => {
    const rows = [
      detailFactory({ status: 'succeeded', revision: 4, clouds: ['aws'], startedAt: at(1), finishedAt: at(73), stepCounts: { total: 5, succeeded: 5, failed: 0, running: 0, compensations: 0 } }),
      detailFactory({ id: '11111111-2222-4333-8444-555555555555', kind: 'rollback', rollbackToRevision: 3, status: 'queued', queuePosition: 2, reason: null }),
    ];
    const text = renderHistory(rows, NOW, UTC).split('\n');
    expect(text[0]).toMatch(/^ID +STATUS +KIND +REV +CLOUDS +REQUESTED +DURATION +STEPS +REASON$/);
    expect(text[2]).toMatch(new RegExp(`^${DEPLOYMENT_ID} +succeeded +deploy +4 +aws +2026-11-22 12:00:00Z +1m 12s +5/5$`));
    expect(text[3]).toMatch(/^11111111-2222-4333-8444-555555555555 +queued #2 +rollback→3 +- +aws +2026-11-22 12:00:00Z +1m 0s +0\/0$/);
    expect(renderHistory([], NOW)).toBe('no deployments match');
  });
});
