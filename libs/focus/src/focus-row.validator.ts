import { Decimal } from 'decimal.js';
import { type FocusRow, type FocusRecord } from './focus-row';

/** ChargeCategory values allowed by FOCUS 1.0 to 1.2. */
export const CHARGE_CATEGORIES = ['Usage', 'Purchase', 'Tax', 'Credit', 'Adjustment'] as const;

/**
 * Cells that mean null: empty, and NULL as some exports write it (the FinOps sample does). The record splitter
 * (csv-records.ts) does not say whether a field was quoted, so a quoted "NULL" is null too.
 */
const NULL_CELLS: ReadonlySet<string> = new Set(['', 'NULL']);

/** Column name → index in the record, built once from the header. */
export type ColumnIndex = ReadonlyMap<string, number>;

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

const knownCurrencies: ReadonlySet<string> | null =
  typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : null;

/** Collects the problems of one row; each reader returns a value or null and records why when it cannot. */
class RowReader {
  readonly errors: string[] = [];
  constructor(
    private readonly record: readonly string[],
    private readonly columns: ColumnIndex,
  ) {}

  /** The cell of a column, null when the column is absent from the header or the cell is empty or NULL. */
  cell(column: string): string | null {
    const index = this.columns.get(column);
    const value = index === undefined ? undefined : this.record[index];
    return value === undefined || NULL_CELLS.has(value) ? null : value;
  }

  required(column: string): string | null {
    const value = this.cell(column);
    if (value === null) this.errors.push(`${column}: is empty, but FOCUS requires a value`);
    return value;
  }

  decimal(column: string, required: boolean): string | null {
    const value = required ? this.required(column) : this.cell(column);
    if (value === null) return null;
    const text = value.trim();
    if (!DECIMAL.test(text)) {
      this.errors.push(`${column}: ${JSON.stringify(value)} is not a decimal number`);
      return null;
    }
    // keep the file's digits (trailing zeros included); only expand exponents and drop a leading '+'
    return /[eE]/.test(text) ? new Decimal(text).toFixed() : text.replace(/^\+/, '');
  }

  dateTime(column: string): ParsedDateTime | null {
    const value = this.required(column);
    if (value === null) return null;
    const date = cachedDateTime(value.trim());
    if (!date) this.errors.push(`${column}: ${JSON.stringify(value)} is not an ISO 8601 date-time (e.g. 2024-09-01T00:00:00Z)`);
    return date;
  }

  period(startColumn: string, endColumn: string): { start: string; end: string } | null {
    const start = this.dateTime(startColumn);
    const end = this.dateTime(endColumn);
    if (!start || !end) return null;
    if (end.time <= start.time) {
      this.errors.push(`${endColumn}: ${end.iso} is not after ${startColumn} ${start.iso}`);
      return null;
    }
    return { start: start.iso, end: end.iso };
  }

  currency(column: string): string | null {
    const value = this.required(column);
    if (value === null) return null;
    if (!CURRENCY.test(value) || (knownCurrencies !== null && !knownCurrencies.has(value))) {
      this.errors.push(`${column}: ${JSON.stringify(value)} is not an ISO 4217 currency code`);
      return null;
    }
    return value;
  }

  oneOf(column: string, allowed: readonly string[]): string | null {
    const value = this.required(column);
    if (value === null) return null;
    if (!allowed.includes(value)) {
      this.errors.push(`${column}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
      return null;
    }
    return value;
  }

  tags(column: string): Record<string, string> {
    const value = this.cell(column);
    if (value === null) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      this.errors.push(`${column}: ${JSON.stringify(truncate(value))} is not valid JSON (${(error as Error).message})`);
      return {};
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      this.errors.push(`${column}: ${JSON.stringify(truncate(value))} is not a JSON object`);
      return {};
    }
    const tags: Record<string, string> = {};
    for (const [key, tagValue] of Object.entries(parsed)) {
      // FOCUS allows key-only tags (value true) and scalar values; nested structures are not tags
      if (tagValue === null) tags[key] = '';
      else if (typeof tagValue === 'string' || typeof tagValue === 'number' || typeof tagValue === 'boolean') tags[key] = String(tagValue);
      else this.errors.push(`${column}: the value of tag ${JSON.stringify(key)} is a JSON ${Array.isArray(tagValue) ? 'array' : 'object'}, not a scalar`);
    }
    return tags;
  }
}

/** Validates one data record against FOCUS and maps it to a FocusRow, or lists every problem found in it. */
export function validateFocusRecord(record: readonly string[], columns: ColumnIndex, line: number): FocusRecord {
  if (record.length !== columns.size) {
    return { ok: false, error: { line, errors: [`row has ${record.length} fields, the header has ${columns.size}`] } };
  }
  const r = new RowReader(record, columns);
  const billingPeriod = r.period('BillingPeriodStart', 'BillingPeriodEnd');
  const chargePeriod = r.period('ChargePeriodStart', 'ChargePeriodEnd');
  const row = {
    line,
    billingAccountId: r.required('BillingAccountId'),
    billingCurrency: r.currency('BillingCurrency'),
    billingPeriodStart: billingPeriod?.start ?? null,
    billingPeriodEnd: billingPeriod?.end ?? null,
    chargePeriodStart: chargePeriod?.start ?? null,
    chargePeriodEnd: chargePeriod?.end ?? null,
    chargeCategory: r.oneOf('ChargeCategory', CHARGE_CATEGORIES),
    billedCost: r.decimal('BilledCost', true),
    effectiveCost: r.decimal('EffectiveCost', true),
    listCost: r.decimal('ListCost', false),
    contractedCost: r.decimal('ContractedCost', false),
    providerName: r.required('ProviderName'),
    publisherName: r.cell('PublisherName'),
    invoiceIssuerName: r.cell('InvoiceIssuerName'),
    serviceName: r.required('ServiceName'),
    serviceCategory: r.required('ServiceCategory'),
    regionId: r.cell('RegionId'),
    regionName: r.cell('RegionName'),
    availabilityZone: r.cell('AvailabilityZone'),
    resourceId: r.cell('ResourceId'),
    resourceName: r.cell('ResourceName'),
    resourceType: r.cell('ResourceType'),
    subAccountId: r.cell('SubAccountId'),
    subAccountName: r.cell('SubAccountName'),
    skuId: r.cell('SkuId'),
    pricingQuantity: r.decimal('PricingQuantity', false),
    pricingUnit: r.cell('PricingUnit'),
    consumedQuantity: r.decimal('ConsumedQuantity', false),
    consumedUnit: r.cell('ConsumedUnit'),
    tags: r.tags('Tags'),
  };
  if (r.errors.length > 0) return { ok: false, error: { line, errors: r.errors } };
  // every required field was checked non-null above, so the errors list being empty makes this a FocusRow
  return { ok: true, row: row as FocusRow };
}

/** Billing exports repeat the same few period bounds on every row; parsing each distinct text once saves most of the work. */
interface ParsedDateTime {
  time: number;
  iso: string;
}
const dateCache = new Map<string, ParsedDateTime | null>();
const DATE_CACHE_SIZE = 4096;

function cachedDateTime(text: string): ParsedDateTime | null {
  let parsed = dateCache.get(text);
  if (parsed === undefined) {
    if (dateCache.size >= DATE_CACHE_SIZE) dateCache.clear();
    const date = parseUtcDateTime(text);
    parsed = date ? { time: date.getTime(), iso: formatUtc(date) } : null;
    dateCache.set(text, parsed);
  }
  return parsed;
}

/**
 * Parses an ISO 8601 date or date-time. FOCUS wants UTC (…Z); a missing zone is read as UTC (exports such as the
 * FinOps sample write "2024-09-01 00:00:00"), an explicit offset is converted. Rejects impossible calendar dates.
 */
export function parseUtcDateTime(text: string): Date | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = m;
  const ms = fraction ? Math.round(Number(`0${fraction}`) * 1000) : 0;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    check.getUTCHours() !== Number(h) ||
    check.getUTCMinutes() !== Number(mi) ||
    check.getUTCSeconds() !== Number(s)
  ) {
    return null;
  }
  if (zone === 'Z') return check;
  const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!offset) return null;
  const [, sign, oh, om] = offset;
  const minutes = (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1);
  return new Date(utc - minutes * 60_000);
}

/** 2024-09-01T00:00:00Z, with milliseconds only when there are some. */
export function formatUtc(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
