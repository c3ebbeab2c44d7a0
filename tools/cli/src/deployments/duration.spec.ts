import { UsageError } from '../common/connection';
import { formatDuration, parseDuration } from './duration';

describe(parseDuration.name, () => {
  it.each<[string, number]>([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['1.5s', 1_500],
    ['2d', 172_800_000],
    [' 30m ', 1_800_000],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each<[string, RegExp]>([
    ['15', /--timeout "15" needs a unit: e\.g\. 90s, 15m, 1h/],
    ['fast', /--timeout "fast" is not a duration/],
    ['10 m', /is not a duration/],
    ['-5m', /is not a duration/],
    ['0s', /must be longer than zero/],
    ['8d', /longer than the maximum of 7d/],
    ['', /is not a duration/],
  ])('rejects "%s" with a message naming the flag', (text, message) => {
    expect(() => parseDuration(text)).toThrow(UsageError);
    expect(() => parseDuration(text)).toThrow(message);
  });

  it('names the flag it parses', () => {
    expect(() => parseDuration('x', '--deadline')).toThrow(/^--deadline "x"/);
  });
});

describe(formatDuration.name, () => {
  it.each<[number, string]>([
    [400, '0.4s'],
    [2_000, '2s'],
    [59_940, '59.9s'],
    [72_500, '1m 13s'],
    [3_723_000, '1h 2m 3s'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('shows a dash for negative or non-finite durations', () => {
    expect(formatDuration(-1)).toBe('-');
    expect(formatDuration(Number.NaN)).toBe('-');
  });
});
