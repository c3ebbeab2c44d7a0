import { type FeedEventDto } from '@cloudwright/contracts';
import { formatSseMessage, matchesFeedFilter, toFeedEvent } from './feed-event';

const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const D1 = '11111111-1111-4111-8111-111111111111';

function event(data: Record<string, unknown>, type = 'io.cloudwright.deployment.queued.v1'): FeedEventDto {
  return { id: 'e1', type, subject: D1, time: '2025-01-01T00:00:00Z', correlationid: 'c1', data };
}

describe('feed events', () => {
  it('reads a CloudEvent into the feed DTO, dropping other envelope fields', () => {
    const ce = { specversion: '1.0', id: 'e1', source: 'cloudwright/orchestrator', type: 'io.cloudwright.deployment.queued.v1', subject: D1, time: '2025-01-01T00:00:00Z', correlationid: 'c1', data: { deploymentId: D1 } };
    expect(toFeedEvent(encode(ce))).toEqual(event({ deploymentId: D1 }));
  });

  it('ignores messages that are not CloudEvents', () => {
    expect(toFeedEvent(encode('not json'))).toBeUndefined();
    expect(toFeedEvent(encode([1]))).toBeUndefined();
    expect(toFeedEvent(encode({ id: 'x', type: 't', time: 't', data: 'no' }))).toBeUndefined();
  });

  it('filters by deployment (also an alert naming it in its labels), stack and environment', () => {
    const e = event({ deploymentId: D1, stack: 'shop', environment: 'prod' });
    expect(matchesFeedFilter(e, {})).toBe(true);
    expect(matchesFeedFilter(e, { deploymentId: D1, stack: 'shop', environment: 'prod' })).toBe(true);
    expect(matchesFeedFilter(e, { deploymentId: '22222222-2222-4222-8222-222222222222' })).toBe(false);
    expect(matchesFeedFilter(e, { stack: 'blog' })).toBe(false);
    expect(matchesFeedFilter(e, { environment: 'staging' })).toBe(false);
    const alert = event({ dedupKey: 'k', labels: { deploymentId: D1 }, stack: 'shop' }, 'io.cloudwright.alert.raised.v1');
    expect(matchesFeedFilter(alert, { deploymentId: D1 })).toBe(true);
    expect(matchesFeedFilter(event({ dedupKey: 'k', labels: {} }), { deploymentId: D1 })).toBe(false);
  });

  it('formats one server-sent event with the DTO on one data line', () => {
    const e = event({ deploymentId: D1, note: 'two\nlines' });
    const text = formatSseMessage(e);
    expect(text).toBe(`id: e1\nevent: io.cloudwright.deployment.queued.v1\ndata: ${JSON.stringify(e)}\n\n`);
    expect(text.split('\n')).toHaveLength(5);
  });
});
