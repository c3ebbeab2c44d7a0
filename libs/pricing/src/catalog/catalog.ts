import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Decimal from 'decimal.js';
import type { Cloud } from '@cloudwright/terraform-plan';
import type { Currency } from '../money';

/** Commitment terms of a price: on-demand, 1- or 3-year commitment (RI / savings plan / CUD), or spot. */
export const PRICE_TERMS = ['on-demand', '1y', '3y', 'spot'] as const;
export type PriceTerm = (typeof PRICE_TERMS)[number];
export type Commitment = Exclude<PriceTerm, 'spot'>;
export const COMMITMENTS: readonly Commitment[] = ['on-demand', '1y', '3y'];

/** A volume tier: `price` applies to quantity above the previous tier's `upTo` and up to this one (null = no limit). */
export interface PriceTier {
  readonly upTo: string | null;
  readonly price: string;
}

/**
 * One list price. `sku` is the catalog key the pricers ask for (`ec2:instance:m5.large:linux`); `region` is the
 * cloud's API region name or `global`. Prices are USD decimal strings per `unit`.
 */
export interface PriceEntry {
  readonly cloud: Cloud;
  readonly sku: string;
  readonly region: string;
  readonly unit: string;
  readonly description: string;
  readonly onDemand: string;
  readonly commit1y?: string;
  readonly commit3y?: string;
  readonly spot?: string;
  readonly tiers?: readonly PriceTier[];
  /** Which public price list this price was taken from (e.g. `AWS Price List Bulk API, AmazonEC2 offer`). */
  readonly source: string;
  /** The date the price was read from that list (YYYY-MM-DD). */
  readonly asOf: string;
}

/** A catalog data file: `catalog/<cloud>/<service>.json`. */
export interface CatalogFile {
  readonly cloud: Cloud;
  readonly service: string;
  readonly entries: readonly Omit<PriceEntry, 'cloud'>[];
}

/** Dated exchange rates: units of each currency per 1 USD. */
export interface FxTable {
  readonly asOf: string;
  readonly source: string;
  readonly rates: Readonly<Record<Currency, string>>;
}

export class CatalogError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'CatalogError';
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/** Every problem of one catalog file (empty when valid): each entry needs a sku, region, unit, prices, source and as-of date. */
export function checkCatalogFile(file: unknown): string[] {
  const problems: string[] = [];
  if (file === null || typeof file !== 'object') return ['not a JSON object'];
  const f = file as Partial<CatalogFile>;
  if (f.cloud !== 'aws' && f.cloud !== 'azure' && f.cloud !== 'gcp') problems.push(`cloud: expected aws, azure or gcp, got ${JSON.stringify(f.cloud)}`);
  if (typeof f.service !== 'string' || f.service === '') problems.push('service: missing');
  if (!Array.isArray(f.entries)) return [...problems, 'entries: expected an array'];
  const seen = new Set<string>();
  f.entries.forEach((e: Partial<PriceEntry>, i) => {
    const at = `entries[${i}]${typeof e.sku === 'string' ? ` (${e.sku} ${e.region ?? '?'})` : ''}`;
    for (const field of ['sku', 'region', 'unit', 'description'] as const) {
      if (typeof e[field] !== 'string' || e[field] === '') problems.push(`${at}.${field}: missing`);
    }
    if (typeof e.source !== 'string' || e.source.trim() === '') problems.push(`${at}.source: missing (which public price list is this from?)`);
    if (typeof e.asOf !== 'string' || !DATE.test(e.asOf) || Number.isNaN(Date.parse(e.asOf))) problems.push(`${at}.asOf: missing or not a YYYY-MM-DD date`);
    for (const field of ['onDemand', 'commit1y', 'commit3y', 'spot'] as const) {
      const v = e[field];
      if (v === undefined && field !== 'onDemand') continue;
      if (typeof v !== 'string' || !DECIMAL.test(v)) problems.push(`${at}.${field}: expected a non-negative decimal string, got ${JSON.stringify(v)}`);
    }
    if (e.tiers !== undefined) {
      if (!Array.isArray(e.tiers) || e.tiers.length === 0) problems.push(`${at}.tiers: expected a non-empty array`);
      else {
        let last = new Decimal(0);
        e.tiers.forEach((t: Partial<PriceTier>, j) => {
          if (typeof t.price !== 'string' || !DECIMAL.test(t.price)) problems.push(`${at}.tiers[${j}].price: expected a decimal string`);
          const isLast = j === (e.tiers?.length ?? 0) - 1;
          if (isLast ? t.upTo !== null : typeof t.upTo !== 'string' || !DECIMAL.test(t.upTo) || new Decimal(t.upTo).lte(last)) {
            problems.push(`${at}.tiers[${j}].upTo: expected ${isLast ? 'null on the last tier' : 'an increasing decimal string'}`);
          } else if (typeof t.upTo === 'string') last = new Decimal(t.upTo);
        });
      }
    }
    const key = `${String(e.sku)}|${String(e.region)}`;
    if (seen.has(key)) problems.push(`${at}: duplicate sku+region`);
    seen.add(key);
  });
  return problems;
}

export function checkFxTable(table: unknown): string[] {
  const problems: string[] = [];
  if (table === null || typeof table !== 'object') return ['not a JSON object'];
  const t = table as Partial<FxTable>;
  if (typeof t.asOf !== 'string' || !DATE.test(t.asOf)) problems.push('asOf: missing or not a YYYY-MM-DD date');
  if (typeof t.source !== 'string' || t.source === '') problems.push('source: missing');
  for (const c of ['USD', 'EUR', 'GBP'] as const) {
    const rate = t.rates?.[c];
    if (typeof rate !== 'string' || !DECIMAL.test(rate) || new Decimal(rate).isZero()) problems.push(`rates.${c}: expected a positive decimal string`);
  }
  if (t.rates?.USD !== undefined && t.rates.USD !== '1') problems.push('rates.USD: must be "1" (rates are per 1 USD)');
  return problems;
}

export class PriceCatalog {
  private readonly index = new Map<string, PriceEntry>();
  readonly asOf: { readonly earliest: string; readonly latest: string };

  constructor(
    entries: readonly PriceEntry[],
    readonly fx: FxTable,
    /** Identifies the data (e.g. the catalog folder's content hash or a release tag), reported with every estimate. */
    readonly version: string,
  ) {
    for (const entry of entries) this.index.set(PriceCatalog.key(entry.cloud, entry.sku, entry.region), entry);
    const dates = entries.map((e) => e.asOf).sort();
    this.asOf = { earliest: dates[0] ?? fx.asOf, latest: dates[dates.length - 1] ?? fx.asOf };
  }

  private static key(cloud: Cloud, sku: string, region: string): string {
    return `${cloud}|${sku}|${region}`;
  }

  /** The entry for a sku in a region, falling back to the sku's `global` price. */
  find(cloud: Cloud, sku: string, region: string): PriceEntry | undefined {
    return this.index.get(PriceCatalog.key(cloud, sku, region)) ?? this.index.get(PriceCatalog.key(cloud, sku, 'global'));
  }

  has(cloud: Cloud, sku: string, region: string): boolean {
    return this.find(cloud, sku, region) !== undefined;
  }

  get size(): number {
    return this.index.size;
  }

  entries(): IterableIterator<PriceEntry> {
    return this.index.values();
  }

  /** Units of `currency` per 1 USD. */
  rate(currency: Currency): Decimal {
    return new Decimal(this.fx.rates[currency]);
  }
}

/** `libs/pricing/catalog`, from both `src/catalog` (tests) and `dist/catalog` (built). */
export function defaultCatalogDir(): string {
  return resolve(__dirname, '..', '..', 'catalog');
}

function listJson(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listJson(join(dir, d.name)) : d.name.endsWith('.json') ? [join(dir, d.name)] : [],
  );
}

/** Loads and checks every catalog file under `dir` (`<cloud>/*.json` plus `fx.json`). Throws CatalogError naming the file and entries at fault. */
export function loadCatalog(dir: string = defaultCatalogDir()): PriceCatalog {
  if (!existsSync(dir)) throw new CatalogError(dir, ['catalog folder not found']);
  const fxPath = join(dir, 'fx.json');
  if (!existsSync(fxPath)) throw new CatalogError(fxPath, ['missing: the dated exchange-rate table']);
  const fx = JSON.parse(readFileSync(fxPath, 'utf8')) as FxTable;
  const fxProblems = checkFxTable(fx);
  if (fxProblems.length > 0) throw new CatalogError(relative(dir, fxPath), fxProblems);
  const entries: PriceEntry[] = [];
  let version = 0;
  for (const path of listJson(dir).sort()) {
    if (path === fxPath) continue;
    const text = readFileSync(path, 'utf8');
    for (let i = 0; i < text.length; i++) version = (Math.imul(version, 31) + text.charCodeAt(i)) | 0;
    let file: unknown;
    try {
      file = JSON.parse(text);
    } catch (err) {
      throw new CatalogError(relative(dir, path), [`not valid JSON: ${err instanceof Error ? err.message : String(err)}`]);
    }
    const problems = checkCatalogFile(file);
    if (problems.length > 0) throw new CatalogError(relative(dir, path), problems);
    const f = file as CatalogFile;
    for (const e of f.entries) entries.push({ ...e, cloud: f.cloud });
  }
  return new PriceCatalog(entries, fx, `catalog-${(version >>> 0).toString(16).padStart(8, '0')}`);
}

let cached: PriceCatalog | undefined;

/** The catalog shipped in the repository, loaded once per process. */
export function defaultCatalog(): PriceCatalog {
  cached ??= loadCatalog();
  return cached;
}
