import { setTimeout as delay } from 'node:timers/promises';
import { type DeploymentDetailDto, type FeedEventDto } from '@cloudwright/contracts';
import { ApiConnectionError, ApiError, type DeploymentsApiClient } from './api-client';
import { isWaitFinal, type RenderOptions } from './deployment-render';
import { FollowTracker } from './follow-tracker';

/**
 * Where `--wait` writes: event lines, a progress line (a TTY only: redrawn in place), and notes (feed dropped…).
 * Without a TTY nothing but plain lines is written: no carriage returns or escape codes in CI logs.
 */
export class LiveWriter {
  private shownProgress: string | undefined;

  constructor(
    private readonly write: (text: string) => void,
    private readonly tty: boolean,
  ) {}

  line(text: string): void {
    this.clear();
    this.write(`${text}\n`);
    this.redraw();
  }

  progress(text: string | undefined): void {
    if (!this.tty) return;
    if (text === this.shownProgress) return;
    this.clear();
    this.shownProgress = text;
    this.redraw();
  }

  /** Removes the progress line (before the summary). */
  end(): void {
    this.clear();
    this.shownProgress = undefined;
  }

  private clear(): void {
    if (this.tty && this.shownProgress !== undefined) this.write('\r\x1b[2K');
  }

  private redraw(): void {
    if (this.tty && this.shownProgress !== undefined) this.write(this.shownProgress);
  }
}

export interface FollowOptions {
  /** Stop waiting after this long (the deployment keeps running); undefined = until it ends. */
  timeoutMs?: number;
  /** Poll GET /deployments/:id this often (the truth when the feed drops). Default 2 s. */
  pollIntervalMs?: number;
  /** No byte (heartbeats included) on the feed for this long = dropped. Default 45 s (the server pings every 15 s). */
  feedIdleMs?: number;
  /** First reconnect delay of the feed (doubles up to 15 s). Default 1 s. */
  reconnectDelayMs?: number;
  /** Consecutive failed polls (API unreachable) before giving up. Default 30 (a minute at 2 s). */
  maxPollFailures?: number;
  render?: RenderOptions;
  out: LiveWriter;
  /** Notes about the following itself (feed dropped, reconnected): stderr. */
  note(text: string): void;
}

export interface FollowResult {
  detail: DeploymentDetailDto;
  timedOut: boolean;
  waitedMs: number;
  /** Times the live feed dropped or could not be opened. */
  feedDrops: number;
}

function parseFeedData(data: string): FeedEventDto | undefined {
  try {
    const value = JSON.parse(data) as Partial<FeedEventDto>;
    if (typeof value.id !== 'string' || typeof value.type !== 'string' || typeof value.data !== 'object' || value.data === null) return undefined;
    return { id: value.id, type: value.type, subject: value.subject ?? null, time: value.time ?? '', correlationid: value.correlationid ?? '', data: value.data };
  } catch {
    return undefined;
  }
}

/**
 * Follows one deployment until it reaches a status `--wait` stops at (DEPLOY_EXIT_CODES) or the timeout: the live
 * feed (GET /events?deploymentId) for prompt lines, and GET /deployments/:id every poll interval as the truth —
 * when the feed drops, is refused or goes quiet, following goes on by polling while the feed reconnects.
 */
export async function followDeployment(client: DeploymentsApiClient, id: string, options: FollowOptions): Promise<FollowResult> {
  const startedAt = Date.now();
  const deadline = options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : startedAt + options.timeoutMs;
  const pollIntervalMs = options.pollIntervalMs ?? 2_000;
  const tracker = new FollowTracker(id, options.render);
  const stop = new AbortController();
  let feedDrops = 0;
  let wake: (() => void) | undefined;
  const show = (lines: string[]) => {
    for (const text of lines) options.out.line(text);
    options.out.progress(tracker.progress());
  };

  let latest = await client.get(id);
  show(tracker.onDetail(latest));
  if (isWaitFinal(latest.status)) return { detail: latest, timedOut: false, waitedMs: Date.now() - startedAt, feedDrops };

  const feedTask = (async () => {
    let retryIn = options.reconnectDelayMs ?? 1_000;
    let connectedBefore = false;
    while (!stop.signal.aborted) {
      const attempt = new AbortController();
      const onStop = () => attempt.abort();
      stop.signal.addEventListener('abort', onStop, { once: true });
      let idle: NodeJS.Timeout | undefined;
      let idled = false;
      const touch = () => {
        clearTimeout(idle);
        idle = setTimeout(() => {
          idled = true;
          attempt.abort();
        }, options.feedIdleMs ?? 45_000);
      };
      let problem: string | undefined;
      try {
        touch(); // also bounds the wait for the feed's response headers
        const messages = await client.openFeed({ deploymentId: id }, attempt.signal, touch);
        if (connectedBefore) options.note(`live feed reconnected`);
        connectedBefore = true;
        retryIn = options.reconnectDelayMs ?? 1_000;
        for await (const message of messages) {
          const event = parseFeedData(message.data);
          if (!event) {
            options.note(`ignored a feed message that is not a FeedEventDto (event ${message.event})`);
            continue;
          }
          const tracked = tracker.onEvent(event);
          show(tracked.lines);
          if (tracked.final) wake?.();
        }
        problem = idled ? `no data for ${(options.feedIdleMs ?? 45_000) / 1000}s` : 'the server closed it';
      } catch (error) {
        if (stop.signal.aborted) return;
        if (error instanceof ApiError && [401, 403, 404].includes(error.status)) {
          options.note(`live feed unavailable (${error.message}); following by polling every ${pollIntervalMs / 1000}s`);
          return;
        }
        problem = idled ? `no data for ${(options.feedIdleMs ?? 45_000) / 1000}s` : error instanceof Error ? error.message : String(error);
      } finally {
        clearTimeout(idle);
        stop.signal.removeEventListener('abort', onStop);
      }
      if (stop.signal.aborted) return;
      feedDrops += 1;
      options.note(`live feed dropped (${problem}); following by polling every ${pollIntervalMs / 1000}s, reconnecting in ${retryIn / 1000}s`);
      await delay(retryIn, undefined, { signal: stop.signal }).catch(() => undefined);
      retryIn = Math.min(retryIn * 2, 15_000);
    }
  })();

  let failures = 0;
  try {
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return { detail: latest, timedOut: true, waitedMs: Date.now() - startedAt, feedDrops };
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(pollIntervalMs, remaining));
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
      try {
        latest = await client.get(id);
        failures = 0;
      } catch (error) {
        if (!(error instanceof ApiConnectionError)) throw error;
        failures += 1;
        if (failures >= (options.maxPollFailures ?? 30)) throw error;
        if (failures === 1) options.note(`${error.message}; retrying`);
        continue;
      }
      show(tracker.onDetail(latest));
      if (isWaitFinal(latest.status)) return { detail: latest, timedOut: false, waitedMs: Date.now() - startedAt, feedDrops };
    }
  } finally {
    stop.abort();
    wake?.();
    await feedTask;
    options.out.end();
  }
}
