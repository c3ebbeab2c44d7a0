import { Money } from './money';

describe(Money.name, () => {
  it('adds without binary floating-point drift', () => {
    const tenCents = Money.of('0.1');
    expect(Money.sum(Array.from({ length: 10 }, () => tenCents)).toDecimalString()).toBe('1');
    expect(Money.of('0.1').plus(Money.of('0.2')).toDecimalString()).toBe('0.3');
  });

  it('refuses to mix currencies', () => {
    expect(() => Money.of(1, 'USD').plus(Money.of(1, 'EUR'))).toThrow('cannot combine USD with EUR');
  });

  it('formats with symbol, grouping and sign, rounding half up', () => {
    expect(Money.of('1234567.005', 'USD').format()).toBe('$1,234,567.01');
    expect(Money.of('-12.5', 'EUR').format()).toBe('-€12.50');
    expect(Money.of('-0.001', 'GBP').format()).toBe('£0.00');
    expect(Money.of('70.080000', 'USD').toDecimalString()).toBe('70.08');
    expect(JSON.stringify({ cost: Money.of('0.0104') })).toBe('{"cost":"0.0104"}');
  });

  it('converts with a rate and rejects non-finite amounts', () => {
    expect(Money.of('100').convert('EUR', '0.8655').toDecimalString()).toBe('86.55');
    expect(() => Money.of(Number.NaN)).toThrow('not a finite amount');
  });
});
