import {
  DEPLOY_EXIT_CODES,
  type DeploymentDetailDto,
  type DeploymentStatus,
  type DeploymentSummaryDto,
  type FeedEventDto,
  type GateResultDto,
  type StepDto,
} from '@cloudwright/contracts';
import { table } from '../common/connection';
import { formatDuration } from './duration';

/** Pure text rendering of deployments, feed events and outcomes for the deploy/status/history commands. */

export interface RenderOptions {
  /** Clock times in UTC instead of the local time zone (tests, CI logs that want UTC). */
  utc?: boolean;
}

/** Statuses `--wait` stops at, with the exit code of each (DEPLOY_EXIT_CODES). */
export type WaitFinalStatus = Extract<DeploymentStatus, keyof typeof DEPLOY_EXIT_CODES>;

/** The exit code of `deploy --wait` / `status --wait` for a status, or undefined while the deployment is not done. */
export function exitCodeForStatus(status: string): number | undefined {
  if (status === 'usage' || status === 'timeout') return undefined;
  return Object.prototype.hasOwnProperty.call(DEPLOY_EXIT_CODES, status) ? DEPLOY_EXIT_CODES[status as WaitFinalStatus] : undefined;
}

export function isWaitFinal(status: string): status is WaitFinalStatus {
  return exitCodeForStatus(status) !== undefined;
}

/** What an exit code of deploy --wait means, for summaries and the CI example. */
export function exitMeaning(code: number): string {
  switch (code) {
    case 0:
      return 'succeeded';
    case 2:
      return 'blocked by a gate or rejected';
    case 3:
      return 'rolled back (or its rollback failed)';
    case 4:
      return 'timed out waiting, or cancelled';
    default:
      return 'usage, connection or API error';
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `HH:MM:SS` of an RFC 3339 time; `--:--:--` when missing or unreadable. */
export function formatClock(iso: string | null | undefined, options: RenderOptions = {}): string {
  const date = iso ? new Date(iso) : undefined;
  if (!date || Number.isNaN(date.getTime())) return '--:--:--';
  return options.utc
    ? `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}`
    : `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}

/** `YYYY-MM-DD HH:MM:SS` (UTC with a Z, or local). */
export function formatDateTime(iso: string | null | undefined, options: RenderOptions = {}): string {
  const date = iso ? new Date(iso) : undefined;
  if (!date || Number.isNaN(date.getTime())) return '-';
  if (options.utc) return `${date.toISOString().slice(0, 10)} ${formatClock(iso, options)}Z`;
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())} ${formatClock(iso, options)}`;
}

function line(at: string | null | undefined, label: string, text: string, options: RenderOptions): string {
  return `${formatClock(at, options)}  ${label.padEnd(10)} ${text}`.trimEnd();
}

const str = (data: Record<string, unknown>, key: string): string | undefined => {
  const v = data[key];
  return typeof v === 'string' ? v : undefined;
};
const num = (data: Record<string, unknown>, key: string): number | undefined => {
  const v = data[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};
const strings = (data: Record<string, unknown>, key: string): string[] => {
  const v = data[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

const ACTION_SYMBOL: Record<string, string> = { create: '+', update: '~', delete: '-' };

export interface StepView {
  address: string;
  action: string;
  phase: string;
  cloud: string | null | undefined;
  region: string | null | undefined;
}

/** `+ create aws_vpc.main (aws us-east-1)`; compensations get `↩` and say what they are. */
export function describeStep(step: StepView): string {
  const where = [step.cloud, step.region].filter(Boolean).join(' ');
  const head = step.phase === 'compensation' ? `↩ ${step.action}` : `${ACTION_SYMBOL[step.action] ?? '*'} ${step.action}`;
  return `${head} ${step.address}${where ? ` (${where})` : ''}${step.phase === 'compensation' ? ' [compensation]' : ''}`;
}

/** `gate cost       passed   $412.77/month (within budget)` (without the clock). */
export function describeGate(gate: string, status: string, summary: string): string {
  return `${gate.padEnd(10)} ${status.padEnd(8)} ${summary}`.trimEnd();
}

function approversText(approvers: string[]): string {
  return approvers.length > 0 ? approvers.join(', ') : 'anyone with the approver or admin role';
}

/** The lines shown while a deployment awaits approval: who, until when, and the command to approve. */
export function approvalWaitLines(id: string, at: string | null, required: number, approvers: string[], deadline: string | null, options: RenderOptions): string[] {
  return [
    line(at, 'approval', `waiting for ${required} approval${required === 1 ? '' : 's'} from ${approversText(approvers)}${deadline ? ` until ${formatDateTime(deadline, options)}` : ''} (no decision by then = rejected)`, options),
    `${' '.repeat(20)}approve: cloudwright approve ${id} --comment "<why>"   reject: cloudwright reject ${id}`,
  ];
}

/**
 * The text lines of one feed event (deployment.* or alert.*), each with the event's clock time; [] for events that
 * only move the progress display (step-started). Unknown types get a generic line, so nothing is hidden.
 */
export function renderFeedEvent(event: FeedEventDto, options: RenderOptions = {}): string[] {
  const d = event.data;
  const id = str(d, 'deploymentId') ?? event.subject ?? '?';
  const at = event.time;
  const step = (): StepView => ({
    address: str(d, 'address') ?? '?',
    action: str(d, 'action') ?? '?',
    phase: str(d, 'phase') ?? 'forward',
    cloud: str(d, 'cloud'),
    region: str(d, 'region'),
  });
  switch (event.type) {
    case 'deployment.requested.v1':
      return [line(at, 'requested', `stack ${str(d, 'stack') ?? '?'} / ${str(d, 'environment') ?? '?'}`, options)];
    case 'deployment.queued.v1': {
      const heldBy = str(d, 'heldBy');
      return [line(at, 'queued', `position ${num(d, 'position') ?? '?'} in the queue of ${str(d, 'stack') ?? '?'}/${str(d, 'environment') ?? '?'}${heldBy ? ` (lock held by ${heldBy})` : ''}`, options)];
    }
    case 'deployment.started.v1':
      return [line(at, 'started', `lock taken; ${num(d, 'changes') ?? '?'} resource changes in the plan`, options)];
    case 'deployment.gate-passed.v1':
      return [line(at, 'gate', describeGate(str(d, 'gate') ?? '?', 'passed', str(d, 'summary') ?? ''), options)];
    case 'deployment.gate-blocked.v1':
      return [
        line(at, 'gate', describeGate(str(d, 'gate') ?? '?', 'blocked', str(d, 'summary') ?? ''), options),
        ...strings(d, 'reasons').map((r) => `${' '.repeat(20)}- ${r}`),
      ];
    case 'deployment.approval-requested.v1':
      return approvalWaitLines(id, at, num(d, 'required') ?? 1, strings(d, 'approvers'), str(d, 'deadline') ?? null, options);
    case 'deployment.approval-given.v1': {
      const comment = str(d, 'comment');
      const decision = str(d, 'decision') === 'reject' ? 'rejected' : 'approved';
      return [line(at, 'approval', `${decision} by ${str(d, 'approver') ?? '?'} (${num(d, 'approvals') ?? '?'}/${num(d, 'required') ?? '?'})${comment ? `: "${comment}"` : ''}`, options)];
    }
    case 'deployment.rejected.v1': {
      const comment = str(d, 'comment');
      return [
        line(
          at,
          'rejected',
          str(d, 'cause') === 'timeout' ? 'nobody approved before the deadline' : `by ${str(d, 'by') ?? 'an approver'}${comment ? `: "${comment}"` : ''}`,
          options,
        ),
      ];
    }
    case 'deployment.step-started.v1':
      return [];
    case 'deployment.step-succeeded.v1': {
      const ms = num(d, 'durationMs');
      return [line(at, 'step', `${describeStep(step())} ✓${ms === undefined ? '' : ` ${formatDuration(ms)}`}`, options)];
    }
    case 'deployment.step-failed.v1': {
      const attempt = num(d, 'attempt');
      const retry = d.willRetry === true ? `; retrying (attempt ${attempt ?? '?'} failed)` : '';
      return [line(at, 'step', `${describeStep(step())} ✗ ${str(d, 'errorCode') ?? 'error'}: ${str(d, 'error') ?? ''}${retry}`, options)];
    }
    case 'deployment.failed.v1': {
      const next = str(d, 'next') === 'paused' ? `paused for an operator: cloudwright retry ${id}  or  cloudwright cancel ${id}` : 'rolling back';
      return [line(at, 'failed', `${str(d, 'reason') ?? ''}; next: ${next}`, options)];
    }
    case 'deployment.rolling-back.v1':
      return [line(at, 'rollback', `rolling back (${str(d, 'reason') ?? '?'}): ${str(d, 'detail') ?? ''}; ${num(d, 'compensations') ?? '?'} compensation(s) to run in reverse order`, options)];
    case 'deployment.rolled-back.v1':
      return [line(at, 'rolled-back', `every compensation succeeded (${num(d, 'compensated') ?? '?'} compensated; reason ${str(d, 'reason') ?? '?'})`, options)];
    case 'deployment.rollback-failed.v1':
      return [
        line(at, 'ROLLBACK', `FAILED: the compensation of ${str(d, 'address') ?? '?'} keeps failing: ${str(d, 'error') ?? ''}`, options),
        `${' '.repeat(20)}the environment needs a human: fix the cause, then cloudwright retry ${id}  (or cloudwright cancel ${id})`,
      ];
    case 'deployment.cancelled.v1': {
      const reason = str(d, 'reason');
      return [line(at, 'cancelled', `by ${str(d, 'by') ?? '?'}${reason ? `: ${reason}` : ''} (${num(d, 'compensated') ?? 0} compensated)`, options)];
    }
    case 'deployment.succeeded.v1': {
      const ms = num(d, 'durationMs');
      return [
        line(
          at,
          'succeeded',
          `revision ${num(d, 'revision') ?? '?'}: ${num(d, 'created') ?? 0} created, ${num(d, 'updated') ?? 0} updated, ${num(d, 'deleted') ?? 0} deleted${ms === undefined ? '' : ` in ${formatDuration(ms)}`}`,
          options,
        ),
      ];
    }
    case 'alert.raised.v1':
      return [line(at, 'alert', `[${str(d, 'severity') ?? '?'}] ${str(d, 'title') ?? ''} (${str(d, 'dedupKey') ?? ''})`, options)];
    case 'alert.resolved.v1':
      return [line(at, 'alert', `resolved: ${str(d, 'description') ?? ''} (${str(d, 'dedupKey') ?? ''})`, options)];
    default:
      return [line(at, 'event', `${event.type}${str(d, 'status') ? ` → ${str(d, 'status') ?? ''}` : ''}`, options)];
  }
}

/** One line for a gate result read from the API (the poll's view). */
export function renderGateResult(gate: GateResultDto, options: RenderOptions = {}): string[] {
  return [
    line(gate.decidedAt ?? gate.requestedAt, 'gate', describeGate(gate.gate, gate.status, gate.summary), options),
    ...(gate.status === 'blocked' ? gate.reasons.map((r) => `${' '.repeat(20)}- ${r}`) : []),
  ];
}

/** One line for a finished step read from the API (the poll's view). */
export function renderStepResult(step: StepDto, options: RenderOptions = {}): string {
  const ms = step.startedAt && step.finishedAt ? Date.parse(step.finishedAt) - Date.parse(step.startedAt) : undefined;
  const outcome = step.status === 'succeeded' ? `✓${ms === undefined || Number.isNaN(ms) ? '' : ` ${formatDuration(ms)}`}` : `✗ ${step.error ? `${step.error.code}: ${step.error.message}` : step.status}`;
  return line(step.finishedAt ?? step.startedAt, 'step', `${describeStep(step)} ${outcome}`, options);
}

/** A status line for a transition the feed did not show (read from the API). */
export function renderStatusChange(detail: DeploymentSummaryDto & { timeline?: DeploymentDetailDto['timeline'] }, options: RenderOptions = {}): string {
  const last = detail.timeline?.filter((t) => t.to === detail.status).at(-1);
  const extra =
    detail.status === 'queued' && detail.queuePosition !== null
      ? `position ${detail.queuePosition}`
      : detail.status === 'succeeded' && detail.revision !== null
        ? `revision ${detail.revision}`
        : '';
  const reason = detail.reason ?? last?.reason ?? null;
  return line(last?.at ?? detail.updatedAt, 'status', [detail.status, extra, reason ? `— ${reason}` : ''].filter(Boolean).join('  '), options);
}

/** `[=====>    ] 7/18 steps` (no control characters; the caller redraws it on a TTY only). */
export function progressBar(done: number, total: number, width = 20, unit = 'steps'): string {
  const safeTotal = Math.max(total, 0);
  const ratio = safeTotal === 0 ? 0 : Math.min(Math.max(done / safeTotal, 0), 1);
  const filled = Math.round(ratio * width);
  const bar = filled >= width ? '='.repeat(width) : `${'='.repeat(Math.max(filled - 1, 0))}${filled > 0 ? '>' : ''}`.padEnd(width);
  return `[${bar}] ${done}/${safeTotal} ${unit}`;
}

function durationOf(d: DeploymentSummaryDto, now: Date): string {
  const start = Date.parse(d.startedAt ?? d.requestedAt);
  const end = d.finishedAt ? Date.parse(d.finishedAt) : now.getTime();
  return Number.isNaN(start) || Number.isNaN(end) ? '-' : formatDuration(Math.max(end - start, 0));
}

/** The final summary of a followed deployment (status, reason, duration, revision) and what the exit code means. */
export function renderSummary(detail: DeploymentDetailDto, outcome: { timedOut: boolean; waitedMs?: number }, now: Date, options: RenderOptions = {}): string[] {
  const c = detail.stepCounts;
  const lines = [
    `deployment ${detail.id} ${outcome.timedOut ? `still ${detail.status}` : detail.status} — stack ${detail.stack} / ${detail.environment}${detail.kind === 'rollback' ? ` (rollback to revision ${detail.rollbackToRevision ?? '?'})` : ''}`,
    `  duration   ${durationOf(detail, now)}${detail.finishedAt ? ` (finished ${formatDateTime(detail.finishedAt, options)})` : ''}`,
    `  revision   ${detail.revision ?? '-'}`,
    `  steps      ${c.succeeded}/${c.total} succeeded, ${c.failed} failed, ${c.compensations} compensation(s)${detail.clouds.length ? `; clouds ${detail.clouds.join(', ')}` : ''}`,
  ];
  if (detail.reason) lines.push(`  reason     ${detail.reason}`);
  if (detail.rollback) lines.push(`  rollback   ${detail.rollback.reason}: ${detail.rollback.detail}`);
  if (outcome.timedOut) {
    lines.push(
      `  timed out  stopped waiting after ${formatDuration(outcome.waitedMs ?? 0)}; the deployment keeps running — follow it with: cloudwright status ${detail.id} --wait`,
    );
  }
  const code = outcome.timedOut ? DEPLOY_EXIT_CODES.timeout : exitCodeForStatus(detail.status);
  if (code !== undefined) lines.push(`  exit code  ${code} (${exitMeaning(code)})`);
  return lines;
}

const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The detail view of `cloudwright status`: gates with their result, approvals, queue position, step timeline. */
export function renderDetail(detail: DeploymentDetailDto, now: Date, options: RenderOptions = {}): string {
  const ci = detail.ci;
  const ciText = ['provider', 'runId', 'commit', 'actor']
    .map((k) => (typeof ci[k] === 'string' || typeof ci[k] === 'number' ? `${k} ${String(ci[k])}` : ''))
    .filter(Boolean)
    .join(', ');
  const out: string[] = [
    `deployment ${detail.id}  (${detail.kind})  stack ${detail.stack} / ${detail.environment}`,
    `  status       ${detail.status}${detail.reason ? ` — ${detail.reason}` : ''}`,
  ];
  if (detail.status === 'queued') out.push(`  queue        position ${detail.queuePosition ?? '?'} (1 = next to run)`);
  out.push(
    `  requested    ${formatDateTime(detail.requestedAt, options)}${ciText ? ` (${ciText})` : ''}`,
    `  duration     ${durationOf(detail, now)}${detail.finishedAt ? '' : ' so far'}`,
    `  clouds       ${detail.clouds.length ? detail.clouds.join(', ') : '-'} (asked: ${detail.targetClouds.join(', ')})`,
    `  revision     ${detail.revision ?? '-'}${detail.kind === 'rollback' ? ` (restores revision ${detail.rollbackToRevision ?? '?'})` : ''}`,
    `  request key  ${detail.requestKey}`,
    `  correlation  ${detail.correlationId}`,
  );
  if (detail.rollback) out.push(`  rollback     ${detail.rollback.reason}: ${detail.rollback.detail}`);

  out.push('', 'gates');
  if (detail.gates.length === 0) out.push('  (none decided yet)');
  for (const gate of detail.gates) {
    out.push(`  ${describeGate(gate.gate, gate.status, gate.summary)}${gate.decidedAt ? `  (${formatClock(gate.decidedAt, options)})` : ''}`);
    for (const reason of gate.reasons) out.push(`  ${' '.repeat(20)}- ${reason}`);
    const facts = Object.entries(gate.facts);
    if (facts.length) out.push(`  ${' '.repeat(20)}${facts.map(([k, v]) => `${k}=${v}`).join('  ')}`);
  }

  if (detail.approval || detail.approvals.length) {
    out.push('', 'approvals');
    if (detail.approval) {
      const given = detail.approvals.filter((a) => a.decision === 'approve').length;
      out.push(
        `  ${given}/${detail.approval.required} from ${approversText(detail.approval.approvers)}${detail.approval.deadline ? `, deadline ${formatDateTime(detail.approval.deadline, options)}` : ''}`,
      );
    }
    for (const a of detail.approvals) out.push(`  ${formatDateTime(a.at, options)}  ${a.decision.padEnd(7)} ${a.approver} (${a.role})${a.comment ? `: "${a.comment}"` : ''}`);
    if (detail.status === 'awaiting-approval') out.push(`  approve with: cloudwright approve ${detail.id} --comment "<why>"`);
  }

  const c = detail.stepCounts;
  out.push('', `steps (${c.total}: ${c.succeeded} succeeded, ${c.running} running, ${c.failed} failed, ${c.compensations} compensation(s))`);
  if (detail.steps.length === 0) out.push('  (none yet)');
  else {
    const rows = detail.steps.map((s) => {
      const ms = s.startedAt && s.finishedAt ? Date.parse(s.finishedAt) - Date.parse(s.startedAt) : NaN;
      return [
        s.seq === null ? '-' : String(s.seq),
        describeStep({ ...s, cloud: null, region: null }),
        [s.cloud, s.region].filter(Boolean).join(' ') || '-',
        s.status,
        Number.isNaN(ms) ? '-' : formatDuration(ms),
        s.attempts > 1 ? `${s.attempts} attempts` : '',
        short(s.error ? `${s.error.code}: ${s.error.message}` : (s.note ?? ''), 80),
      ];
    });
    out.push(...table(['#', 'STEP', 'WHERE', 'STATUS', 'TIME', 'TRIES', 'NOTE'], rows).split('\n').map((l) => `  ${l}`));
  }

  out.push('', 'timeline');
  for (const t of detail.timeline) {
    out.push(`  ${formatDateTime(t.at, options)}  ${t.from ? `${t.from} → ` : ''}${t.to}${t.reason ? `  — ${t.reason}` : ''}${t.actor ? `  (by ${t.actor})` : ''}`);
  }
  return out.join('\n');
}

/** The table of `cloudwright history`. */
export function renderHistory(rows: DeploymentSummaryDto[], now: Date, options: RenderOptions = {}): string {
  if (rows.length === 0) return 'no deployments match';
  return table(
    ['ID', 'STATUS', 'KIND', 'REV', 'CLOUDS', 'REQUESTED', 'DURATION', 'STEPS', 'REASON'],
    rows.map((d) => [
      d.id,
      d.status === 'queued' && d.queuePosition !== null ? `queued #${d.queuePosition}` : d.status,
      d.kind === 'rollback' ? `rollback→${d.rollbackToRevision ?? '?'}` : d.kind,
      d.revision === null ? '-' : String(d.revision),
      d.clouds.length ? d.clouds.join(',') : d.targetClouds.join(','),
      formatDateTime(d.requestedAt, options),
      durationOf(d, now),
      `${d.stepCounts.succeeded}/${d.stepCounts.total}`,
      short(d.reason ?? '', 60),
    ]),
  );
}
