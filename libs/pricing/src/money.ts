import Decimal from 'decimal.js';

export { Decimal };

export const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;
export type Currency = (typeof CURRENCIES)[number];

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (CURRENCIES as readonly string[]).includes(value);
}

/** Hours in a month, as every cloud's calculator counts them (8,760 / 12). */
export const HOURS_PER_MONTH = new Decimal(730);
export const MONTHS_PER_YEAR = new Decimal(12);

/** Decimal amount with its currency. Arithmetic never goes through binary floating point. */
export class Money {
  private constructor(
    readonly amount: Decimal,
    readonly currency: Currency,
  ) {}

  static of(amount: Decimal.Value, currency: Currency = 'USD'): Money {
    const value = new Decimal(amount);
    if (!value.isFinite()) throw new RangeError(`not a finite amount: ${String(amount)}`);
    return new Money(value, currency);
  }

  static zero(currency: Currency = 'USD'): Money {
    return new Money(new Decimal(0), currency);
  }

  static sum(items: readonly Money[], currency: Currency = 'USD'): Money {
    return items.reduce((acc, m) => acc.plus(m), Money.zero(currency));
  }

  plus(other: Money): Money {
    this.sameCurrency(other);
    return new Money(this.amount.plus(other.amount), this.currency);
  }

  minus(other: Money): Money {
    this.sameCurrency(other);
    return new Money(this.amount.minus(other.amount), this.currency);
  }

  times(factor: Decimal.Value): Money {
    return new Money(this.amount.times(factor), this.currency);
  }

  dividedBy(divisor: Decimal.Value): Money {
    return new Money(this.amount.dividedBy(divisor), this.currency);
  }

  /** Converts with `rate` = units of `to` per unit of this currency. */
  convert(to: Currency, rate: Decimal.Value): Money {
    return to === this.currency ? this : new Money(this.amount.times(rate), to);
  }

  isZero(): boolean {
    return this.amount.isZero();
  }

  /** Decimal string without float noise: at most `places` decimals, trailing zeros removed (`70.08`, `0.0104`). */
  toDecimalString(places = 6): string {
    return this.amount.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed();
  }

  /** Fixed decimals for display (`70.08`). */
  toFixed(places = 2): string {
    return this.amount.toFixed(places, Decimal.ROUND_HALF_UP);
  }

  format(places = 2): string {
    const symbol = { USD: '$', EUR: '€', GBP: '£' }[this.currency];
    const fixed = this.amount.abs().toFixed(places, Decimal.ROUND_HALF_UP);
    const [int = '0', frac] = fixed.split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${this.amount.isNegative() && !this.amount.toDecimalPlaces(places).isZero() ? '-' : ''}${symbol}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
  }

  toJSON(): string {
    return this.toDecimalString();
  }

  private sameCurrency(other: Money): void {
    if (other.currency !== this.currency) throw new TypeError(`cannot combine ${this.currency} with ${other.currency}`);
  }
}
