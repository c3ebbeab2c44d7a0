import { type DeploymentDetailDto, type FeedEventDto } from '@cloudwright/contracts';
import {
  approvalWaitLines,
  formatClock,
  isWaitFinal,
  progressBar,
  renderFeedEvent,
  renderGateResult,
  renderStatusChange,
  renderStepResult,
  type RenderOptions,
} from './deployment-render';

/** Events that are themselves a transition of the deployment's status (the rest are gates, approvals, steps). */
const STATUS_EVENTS = new Set([
  'deployment.requested.v1',
  'deployment.queued.v1',
  'deployment.started.v1',
  'deployment.rejected.v1',
  'deployment.failed.v1',
  'deployment.rolling-back.v1',
  'deployment.rolled-back.v1',
  'deployment.rollback-failed.v1',
  'deployment.cancelled.v1',
  'deployment.succeeded.v1',
]);

const PROGRESS_STATUSES = new Set(['provisioning', 'verifying', 'rolling-back', 'failed']);

export interface TrackedEvent {
  lines: string[];
  /** The event says the deployment reached a status `--wait` stops at: poll now for the truth. */
  final: boolean;
}

/**
 * What `--wait` has already shown, merging the two sources of a followed deployment: feed events (fast, may drop)
 * and polled details (slow, the truth). Each gate result, approval, step outcome and status change is printed once,
 * whichever source brings it first; the poll fills in what the feed missed. Pure: no I/O, no clock.
 */
export class FollowTracker {
  /** Last status shown (from an event or a poll). */
  status: string | undefined;
  private readonly shown = new Set<string>();
  private readonly eventIds = new Set<string>();
  private readonly forwardDone = new Set<string>();
  private stack: string | undefined;
  private environment: string | undefined;
  private total = 0;
  private queuePosition: number | null = null;

  constructor(
    readonly deploymentId: string,
    private readonly options: RenderOptions = {},
  ) {}

  onEvent(event: FeedEventDto): TrackedEvent {
    const none: TrackedEvent = { lines: [], final: false };
    if (this.eventIds.has(event.id)) return none;
    this.eventIds.add(event.id);
    const d = event.data;
    if (event.type.startsWith('alert.')) {
      const labels = (typeof d.labels === 'object' && d.labels !== null ? d.labels : {}) as Record<string, unknown>;
      const ours = labels.deploymentId === this.deploymentId || (this.stack !== undefined && d.stack === this.stack && d.environment === this.environment);
      return ours ? { lines: renderFeedEvent(event, this.options), final: false } : none;
    }
    if (typeof d.deploymentId === 'string' && d.deploymentId !== this.deploymentId) return none;
    const status = typeof d.status === 'string' ? d.status : undefined;
    const key = this.keyOf(event);
    let lines: string[];
    if (key !== undefined) {
      lines = this.shown.has(key) ? [] : renderFeedEvent(event, this.options);
      this.shown.add(key);
    } else if (STATUS_EVENTS.has(event.type)) {
      const position = typeof d.position === 'number' ? d.position : null;
      const newPosition = event.type === 'deployment.queued.v1' && position !== this.queuePosition;
      lines = status !== this.status || newPosition ? renderFeedEvent(event, this.options) : [];
      if (event.type === 'deployment.queued.v1') this.queuePosition = position;
    } else {
      lines = renderFeedEvent(event, this.options);
    }
    if (event.type === 'deployment.started.v1' && typeof d.changes === 'number') this.total = Math.max(this.total, d.changes);
    if (event.type === 'deployment.step-succeeded.v1' && d.phase === 'forward' && typeof d.stepId === 'string') this.forwardDone.add(d.stepId);
    if (status !== undefined) this.status = status;
    return { lines, final: status !== undefined && isWaitFinal(status) };
  }

  /** Lines for what a polled detail shows that nothing printed yet: gates, approvals, finished steps, status. */
  onDetail(detail: DeploymentDetailDto): string[] {
    this.stack = detail.stack;
    this.environment = detail.environment;
    const lines: string[] = [];
    for (const gate of detail.gates) {
      if (gate.status !== 'passed' && gate.status !== 'blocked') continue;
      if (this.once(`gate:${gate.gate}:${gate.status}`)) lines.push(...renderGateResult(gate, this.options));
    }
    if (detail.status === 'awaiting-approval' && detail.approval && this.once('approval-requested')) {
      const at = detail.timeline.filter((t) => t.to === 'awaiting-approval').at(-1)?.at ?? detail.updatedAt;
      lines.push(...approvalWaitLines(detail.id, at, detail.approval.required, detail.approval.approvers, detail.approval.deadline, this.options));
    }
    for (const a of detail.approvals) {
      if (this.once(`approval:${a.approver}:${a.decision}`)) {
        lines.push(`${formatClock(a.at, this.options)}  ${'approval'.padEnd(10)} ${a.decision === 'approve' ? 'approved' : 'rejected'} by ${a.approver}${a.comment ? `: "${a.comment}"` : ''}`);
      }
    }
    const ordered = [...detail.steps].sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
    for (const step of ordered) {
      if (step.status === 'succeeded' && step.phase === 'forward') this.forwardDone.add(step.id);
      const key = step.status === 'succeeded' ? `step:${step.id}:succeeded` : step.status === 'failed' ? `step:${step.id}:failed:${step.attempts}` : undefined;
      if (key && this.once(key)) lines.push(renderStepResult(step, this.options));
    }
    const forward = detail.steps.filter((s) => s.phase === 'forward' && s.status !== 'skipped').length;
    this.total = Math.max(this.total, forward || detail.stepCounts.total);
    const newPosition = detail.status === 'queued' && detail.queuePosition !== this.queuePosition;
    if (detail.status !== this.status || newPosition) {
      lines.push(renderStatusChange(detail, this.options));
      if (detail.status === 'failed') lines.push(`${' '.repeat(20)}paused for an operator? cloudwright retry ${detail.id}  or  cloudwright cancel ${detail.id}`);
      if (detail.status === 'rollback-failed') {
        lines.push(`${' '.repeat(20)}the environment needs a human: fix the cause, then cloudwright retry ${detail.id}  (or cloudwright cancel ${detail.id})`);
      }
      if (detail.status === 'awaiting-approval') this.shown.add('approval-requested');
      this.status = detail.status;
      this.queuePosition = detail.queuePosition;
    }
    return lines;
  }

  /** The progress display while steps run (`[=====>    ] 7/18 steps`), else undefined. */
  progress(): string | undefined {
    if (this.total === 0 || this.status === undefined || !PROGRESS_STATUSES.has(this.status)) return undefined;
    return progressBar(Math.min(this.forwardDone.size, this.total), this.total);
  }

  private once(key: string): boolean {
    if (this.shown.has(key)) return false;
    this.shown.add(key);
    return true;
  }

  private keyOf(event: FeedEventDto): string | undefined {
    const d = event.data;
    const s = (k: string) => (typeof d[k] === 'string' || typeof d[k] === 'number' ? String(d[k]) : '?');
    switch (event.type) {
      case 'deployment.gate-passed.v1':
        return `gate:${s('gate')}:passed`;
      case 'deployment.gate-blocked.v1':
        return `gate:${s('gate')}:blocked`;
      case 'deployment.approval-requested.v1':
        return 'approval-requested';
      case 'deployment.approval-given.v1':
        return `approval:${s('approver')}:${s('decision')}`;
      case 'deployment.step-succeeded.v1':
        return `step:${s('stepId')}:succeeded`;
      case 'deployment.step-failed.v1':
        return `step:${s('stepId')}:failed:${s('attempt')}`;
      default:
        return undefined;
    }
  }
}
