import { Signal, forEachLimit } from './async';

describe(Signal.name, () => {
  it('resolves wait() when notified while waiting', async () => {
    const signal = new Signal();
    const started = Date.now();
    const waiting = signal.wait(10_000);
    signal.notify();
    await expect(waiting).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('remembers a notification sent before wait() and consumes it once', async () => {
    const signal = new Signal();
    signal.notify();
    const started = Date.now();
    await expect(signal.wait(10_000)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
    // the pending notification was consumed: the next wait runs into its timeout
    const second = Date.now();
    await expect(signal.wait(50)).resolves.toBeUndefined();
    expect(Date.now() - second).toBeGreaterThanOrEqual(45);
  });

  it('resolves wait() after the timeout when nobody notifies', async () => {
    const started = Date.now();
    await expect(new Signal().wait(30)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});

describe(forEachLimit.name, () => {
  it('visits every item with at most `limit` in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const visited: number[] = [];
    await forEachLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      visited.push(n);
      inFlight--;
    });
    expect(visited.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });
});
