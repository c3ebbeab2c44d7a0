import { Prng } from './prng';

describe(Prng.name, () => {
  it('gives the same sequence for the same seed and key, another for another key', () => {
    const a = Prng.keyed('seed', 'aws_vpc.main', 'create', 1);
    const b = Prng.keyed('seed', 'aws_vpc.main', 'create', 1);
    const c = Prng.keyed('seed', 'aws_vpc.main', 'create', 2);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('does not confuse keys whose parts concatenate to the same text', () => {
    expect(Prng.keyed('s', 'ab', 'c').hex(16)).not.toBe(Prng.keyed('s', 'a', 'bc').hex(16));
  });

  it('draws uniformly enough in [0, 1)', () => {
    const rng = Prng.keyed('uniform');
    const draws = Array.from({ length: 10_000 }, () => rng.next());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(draws.filter((d) => d < 0.3).length / draws.length).toBeCloseTo(0.3, 1);
  });

  it('formats hex, digits, alphanumerics and UUIDs in their shapes', () => {
    const rng = Prng.keyed('shapes');
    expect(rng.hex(17)).toMatch(/^[0-9a-f]{17}$/);
    expect(rng.digits(12)).toMatch(/^[1-9]\d{11}$/);
    expect(rng.alnum(6)).toMatch(/^[a-z0-9]{6}$/);
    expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(() => rng.int(0)).toThrow(/positive integer/);
  });
});
