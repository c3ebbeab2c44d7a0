import { KeyedMutex } from './keyed-mutex';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(KeyedMutex.name, () => {
  it('runs work of one key one at a time in call order, other keys alongside', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const job = (key: string, name: string, ms: number) =>
      mutex.run(key, async () => {
        log.push(`start ${name}`);
        await tick(ms);
        log.push(`end ${name}`);
        return name;
      });
    const results = await Promise.all([job('a', 'a1', 30), job('a', 'a2', 1), job('b', 'b1', 5), job('a', 'a3', 1)]);
    expect(results).toEqual(['a1', 'a2', 'b1', 'a3']);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('end a2')).toBeLessThan(log.indexOf('start a3'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
    expect(mutex.size).toBe(0);
  });

  it('releases the key when the work fails', async () => {
    const mutex = new KeyedMutex();
    await expect(mutex.run('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(mutex.run('k', () => Promise.resolve(1))).resolves.toBe(1);
    expect(mutex.size).toBe(0);
  });
});
