import { CURRENCIES, type Currency } from '@cloudwright/pricing';
import { type WorldAccounts } from '../catalog/provider-ids';
import { SimInputError } from '../sim.errors';
import { focusRows, type FocusExportRow, type MeteredPeriod } from './focus-export';
import { EstimatorHourlyPrices } from './hourly-price';

export interface BillingExportOptions {
  /** Start of the window (inclusive), simulated time: a Date or an ISO 8601 text. */
  from: Date | string;
  /** End of the window (exclusive); periods still open are billed up to the simulated now. */
  to: Date | string;
  /** USD (default), EUR or GBP, converted by libs/pricing's dated rates. */
  currency?: Currency;
}

/** At most this many days in one export. */
const MAX_EXPORT_DAYS = 400;

function exportDate(value: unknown, field: string): Date {
  const date = value instanceof Date ? value : typeof value === 'string' && value.trim() !== '' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new SimInputError(field, `must be an ISO 8601 date-time (got ${JSON.stringify(value) ?? 'undefined'})`);
  return date;
}

/** Where the exporter reads metered periods and the simulated clock. */
export interface MeteringSource {
  usage(from: Date, to: Date): Promise<MeteredPeriod[]>;
  now(): Promise<Date>;
}

/** Checks an export request, prices the metered periods (one price cache per currency) and builds the FOCUS rows. */
export class BillingExporter {
  private readonly prices = new Map<Currency, EstimatorHourlyPrices>();

  constructor(
    private readonly source: MeteringSource,
    private readonly accounts: WorldAccounts,
  ) {}

  async rows(options: BillingExportOptions): Promise<FocusExportRow[]> {
    const from = exportDate(options.from, 'billingExport.from');
    const to = exportDate(options.to, 'billingExport.to');
    if (to.getTime() <= from.getTime()) throw new SimInputError('billingExport.to', `must be after billingExport.from (${from.toISOString()})`);
    if (to.getTime() - from.getTime() > MAX_EXPORT_DAYS * 86_400_000) throw new SimInputError('billingExport.to', `the window may span at most ${MAX_EXPORT_DAYS} days`);
    const currency = options.currency ?? 'USD';
    if (!(CURRENCIES as readonly string[]).includes(currency)) throw new SimInputError('billingExport.currency', `must be one of ${CURRENCIES.join(', ')} (got ${JSON.stringify(currency)})`);
    let prices = this.prices.get(currency);
    if (!prices) {
      prices = new EstimatorHourlyPrices(currency);
      this.prices.set(currency, prices);
    }
    const [periods, now] = await Promise.all([this.source.usage(from, to), this.source.now()]);
    return focusRows(periods, { from, to, now, currency, accounts: this.accounts, prices: prices.price });
  }

}
