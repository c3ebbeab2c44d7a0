import { type FeedEventDto } from '@cloudwright/contracts';

/** What a feed client asked for: every given field must match. */
export interface FeedFilter {
  deploymentId?: string;
  stack?: string;
  environment?: string;
}

/** Canonical subjects of the live feed. */
export const FEED_SUBJECTS = ['cw.evt.deployment.>', 'cw.evt.alert.>'] as const;

const decoder = new TextDecoder();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The FeedEventDto of a CloudEvent read off the bus, or undefined when the message is not a CloudEvent. */
export function toFeedEvent(bytes: Uint8Array): FeedEventDto | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
  if (!isRecord(raw)) return undefined;
  const { id, type, subject, time, correlationid, data } = raw;
  if (typeof id !== 'string' || typeof type !== 'string' || typeof time !== 'string' || !isRecord(data)) return undefined;
  return {
    id,
    type,
    subject: typeof subject === 'string' ? subject : null,
    time,
    correlationid: typeof correlationid === 'string' ? correlationid : '',
    data,
  };
}

/** deployment.* events carry deploymentId; alerts may name it in their labels. */
function deploymentIdOf(data: Record<string, unknown>): unknown {
  if (data.deploymentId !== undefined) return data.deploymentId;
  return isRecord(data.labels) ? data.labels.deploymentId : undefined;
}

export function matchesFeedFilter(event: FeedEventDto, filter: FeedFilter): boolean {
  if (filter.deploymentId !== undefined) {
    const id = deploymentIdOf(event.data);
    if (typeof id !== 'string' || id.toLowerCase() !== filter.deploymentId) return false;
  }
  if (filter.stack !== undefined && event.data.stack !== filter.stack) return false;
  if (filter.environment !== undefined && event.data.environment !== filter.environment) return false;
  return true;
}

/** One server-sent event: `id`, `event` (the CloudEvent type) and the DTO as JSON on one line. */
export function formatSseMessage(event: FeedEventDto): string {
  // JSON.stringify escapes line breaks inside strings, so data stays on one line; id/type are single tokens
  const oneLine = (s: string) => s.replace(/[\r\n]/g, ' ');
  return `id: ${oneLine(event.id)}\nevent: ${oneLine(event.type)}\ndata: ${JSON.stringify(event)}\n\n`;
}

export const SSE_PING = ': ping\n\n';
