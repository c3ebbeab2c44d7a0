import { Money } from '../money';
import { ANOMALY_DEFAULTS, detectAnomalies } from './anomalies';

/** A series from 2025-03-01 (UTC), one day per value. */
function series(values: readonly string[], currency: 'USD' | 'GBP' = 'USD') {
  return values.map((v, i) => ({ day: new Date(Date.UTC(2025, 2, 1 + i)).toISOString().slice(0, 10), cost: Money.of(v, currency) }));
}
/** A realistic noisy baseline around 100/day (weekly pattern, no anomaly). */
const NOISY = ['100', '104', '97', '101', '99', '88', '86', '102', '105', '98', '100', '103', '89', '87', '101', '99', '104', '97', '100', '90', '86'];

describe(detectAnomalies.name, () => {
  it('finds nothing in a noisy series without anomalies', () => {
    expect(detectAnomalies(series(NOISY))).toEqual([]);
  });

  it('flags a spike with expected, deviation, score, direction and severity', () => {
    const values = [...NOISY.slice(0, 14), '180', ...NOISY.slice(15)];
    const found = detectAnomalies(series(values));
    expect(found).toHaveLength(1);
    const [a] = found;
    expect(a?.day).toBe('2025-03-15');
    expect(a?.cost.toDecimalString()).toBe('180');
    // median of the 14 days before: sorted middle values 99 and 100
    expect(a?.expected.toDecimalString()).toBe('99.5');
    expect(a?.deviation.toDecimalString()).toBe('80.5');
    expect(a?.direction).toBe('spike');
    expect(a?.severity).toBe('critical');
    expect(a?.score).toBeGreaterThan(ANOMALY_DEFAULTS.threshold * 2);
  });

  it('flags a drop', () => {
    const values = [...NOISY.slice(0, 14), '20'];
    const [a] = detectAnomalies(series(values));
    expect(a?.direction).toBe('drop');
    expect(a?.deviation.toDecimalString()).toBe('-79.5');
  });

  it('grades a moderate spike as a warning and ignores a small one', () => {
    const base = NOISY.slice(0, 14);
    const moderate = detectAnomalies(series([...base, '130']));
    expect(moderate).toHaveLength(1);
    expect(moderate[0]?.severity).toBe('warning');
    expect(detectAnomalies(series([...base, '110']))).toEqual([]);
  });

  it('needs the minimum absolute change even when the score is high', () => {
    const cents = series(['0.10', '0.10', '0.11', '0.10', '0.10', '0.11', '0.10', '0.50']);
    expect(detectAnomalies(cents, { windowDays: 7 })).toEqual([]);
    expect(detectAnomalies(cents, { windowDays: 7, minAbsolute: '0.1' })).toHaveLength(1);
  });

  it('gives a perfectly flat baseline a scale, so a clear change is flagged and a tiny one is not', () => {
    const flat = Array<string>(14).fill('100');
    expect(detectAnomalies(series([...flat, '106']))).toHaveLength(1);
    expect(detectAnomalies(series([...flat, '101.5']))).toEqual([]);
    const zero = Array<string>(14).fill('0');
    const [a] = detectAnomalies(series([...zero, '25']));
    expect(a?.score).toBe(2500);
    expect(a?.severity).toBe('critical');
  });

  it('waits for half a window of history before scoring', () => {
    expect(detectAnomalies(series(['100', '100', '100', '100', '100', '100', '500']))).toEqual([]);
    expect(detectAnomalies(series(['100', '100', '100', '100', '100', '100', '100', '500']))).toHaveLength(1);
  });

  it('is not blinded by an earlier spike in the window (median, not mean)', () => {
    const values = [...NOISY.slice(0, 14), '400', '101', '99', '400'];
    expect(detectAnomalies(series(values)).map((a) => a.day)).toEqual(['2025-03-15', '2025-03-18']);
  });

  it('flags the first days of a new level, then accepts it', () => {
    const values = [...Array<string>(14).fill('100'), ...Array<string>(14).fill('200')];
    const days = detectAnomalies(series(values)).map((a) => a.day);
    // from the 5th day at 200, the window's spread (mean absolute deviation, the MAD being 0) explains the change
    expect(days).toEqual(['2025-03-15', '2025-03-16', '2025-03-17', '2025-03-18']);
  });

  it('uses calendar days for the window, sorting the input and skipping gaps', () => {
    const rows = series([...NOISY.slice(0, 14), '180']).reverse();
    expect(detectAnomalies(rows).map((a) => a.day)).toEqual(['2025-03-15']);
    // 30 days of silence: the old days are out of the window, so there is no baseline
    const late = [...series(NOISY.slice(0, 14)), { day: '2025-04-20', cost: Money.of('180') }];
    expect(detectAnomalies(late)).toEqual([]);
  });

  it('honours the threshold option', () => {
    const values = [...NOISY.slice(0, 14), '130'];
    expect(detectAnomalies(series(values), { threshold: 10 })).toEqual([]);
    const loose = detectAnomalies(series(values), { threshold: 1 });
    expect(loose.find((a) => a.day === '2025-03-15')?.severity).toBe('critical');
  });

  it('keeps the series currency', () => {
    const [a] = detectAnomalies(series([...Array<string>(7).fill('10'), '90'], 'GBP'));
    expect(a?.expected.currency).toBe('GBP');
    expect(a?.deviation.format()).toBe('£80.00');
  });

  it('returns nothing for an empty series', () => {
    expect(detectAnomalies([])).toEqual([]);
  });

  describe('rejects bad input with a message that says what and where', () => {
    it.each([
      ['a window too small', () => detectAnomalies(series(NOISY), { windowDays: 2 }), /options.windowDays: expected a whole number of days from 3 to 366, got 2/],
      ['a fractional window', () => detectAnomalies(series(NOISY), { windowDays: 7.5 }), /options.windowDays/],
      ['a zero threshold', () => detectAnomalies(series(NOISY), { threshold: 0 }), /options.threshold: expected a positive number, got 0/],
      ['a negative minimum', () => detectAnomalies(series(NOISY), { minAbsolute: '-1' }), /options.minAbsolute/],
      ['a day given twice', () => detectAnomalies([...series(['1']), ...series(['2'])]), /daily\[1\]: 2025-03-01 is given twice/],
      ['mixed currencies', () => detectAnomalies([...series(['1']), { day: '2025-03-02', cost: Money.of('1', 'EUR') }]), /daily\[1\] \(2025-03-02\): cost is in EUR, the series is in USD/],
      ['a bad day', () => detectAnomalies([{ day: '2025-13-01', cost: Money.of('1') }]), /daily\[0\].day: 2025-13-01 is not a calendar date/],
    ])('%s', (_name, call, message) => {
      expect(call).toThrow(message);
    });
  });
});
