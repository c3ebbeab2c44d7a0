import { Decimal } from '../money';
import { type PriceEntry, type PriceTier } from '../catalog/catalog';

/** A catalog entry as a loader produces it (the catalog file holds the cloud once, not per entry). */
export type LoadedPrice = Omit<PriceEntry, 'cloud'>;

/** An item of the price list the loader did not turn into a price, and why (so a refresh is reviewable). */
export interface SkippedPrice {
  /** JSON path of the item in the document, e.g. `products.DQ578CGN99KG6ECF` or `Items[12]`. */
  readonly path: string;
  readonly reason: string;
}

export interface PriceListLoadResult {
  readonly entries: LoadedPrice[];
  readonly skipped: SkippedPrice[];
}

/** The document is not in the expected format; `path` is the JSON path of the offending value. */
export class PriceListError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'PriceListError';
  }
}

/** A value an attribute must have: exactly this string, one of these, or matching this pattern. */
export type AttributeMatch = string | readonly string[] | RegExp;

/**
 * One declarative mapping rule: which price-list items (by their attributes) become which catalog key and unit.
 * Attributes are the item's own fields flattened to strings (see each loader for the names it offers).
 */
export interface PriceListRule {
  /** Every listed attribute must match; attributes not listed are free. */
  readonly match: Readonly<Record<string, AttributeMatch>>;
  /** The catalog `sku` key for a matching item; null skips the item (the reason is recorded). */
  readonly sku: (attributes: Readonly<Record<string, string>>) => string | null;
  /** Catalog unit of the resulting entry, e.g. `hours`, `GB`, `1M requests`. */
  readonly unit: string;
  /** The unit the price list must quote the item in (e.g. AWS `Hrs`, Azure `1 Hour`, GCP `h`); others are skipped. */
  readonly sourceUnit: string;
  /** Catalog price = list price × scale (e.g. `1000000` for a per-request price in `1M requests`); default 1. */
  readonly scale?: string;
  /** Human description of the entry; default: the item's own description. */
  readonly description?: (attributes: Readonly<Record<string, string>>) => string;
}

export function matchesRule(rule: PriceListRule, attributes: Readonly<Record<string, string>>): boolean {
  return Object.entries(rule.match).every(([name, expected]) => {
    const actual = attributes[name];
    if (actual === undefined) return false;
    if (typeof expected === 'string') return actual === expected;
    if (expected instanceof RegExp) return expected.test(actual);
    return expected.includes(actual);
  });
}

/** The first rule that matches, or undefined. */
export function findRule(rules: readonly PriceListRule[], attributes: Readonly<Record<string, string>>): PriceListRule | undefined {
  return rules.find((rule) => matchesRule(rule, attributes));
}

/** A tier as read from a price list: the price applies from `from` (inclusive) in source units. */
export interface SourceTier {
  readonly from: Decimal;
  readonly price: Decimal;
}

export type LoadedTerm = 'onDemand' | 'commit1y' | 'commit3y' | 'spot';

/** Prices of one catalog key in one region, gathered across the list's items and terms, then turned into an entry. */
interface Draft {
  sku: string;
  region: string;
  unit: string;
  scale: Decimal;
  description: string;
  path: string;
  terms: Partial<Record<LoadedTerm, { tiers: SourceTier[]; path: string }>>;
  asOf: string;
  sources: Set<string>;
}

/** Collects priced items into catalog entries, merging terms of the same sku+region and recording conflicts as skipped. */
export class EntryCollector {
  private readonly drafts = new Map<string, Draft>();
  readonly skipped: SkippedPrice[] = [];

  skip(path: string, reason: string): void {
    this.skipped.push({ path, reason });
  }

  add(input: {
    path: string;
    rule: PriceListRule;
    sku: string;
    region: string;
    term: LoadedTerm;
    tiers: SourceTier[];
    description: string;
    asOf: string;
    source: string;
  }): void {
    const { path, rule, sku, region, term, tiers } = input;
    if (tiers.length === 0) return this.skip(path, `${sku} ${region}: no price`);
    if (tiers.some((t) => t.price.isNegative())) return this.skip(path, `${sku} ${region}: negative price ${tiers.map((t) => t.price.toFixed()).join('/')}`);
    if (term !== 'onDemand' && tiers.length > 1) return this.skip(path, `${sku} ${region}: ${term} price has ${tiers.length} tiers; only on-demand prices may be tiered`);
    const key = `${sku}|${region}`;
    const scale = new Decimal(rule.scale ?? 1);
    let draft = this.drafts.get(key);
    if (!draft) {
      draft = { sku, region, unit: rule.unit, scale, description: input.description, path, terms: {}, asOf: input.asOf, sources: new Set() };
      this.drafts.set(key, draft);
    } else if (draft.unit !== rule.unit || !draft.scale.eq(scale)) {
      return this.skip(path, `${sku} ${region}: unit ${rule.unit} (×${scale.toFixed()}) conflicts with ${draft.unit} (×${draft.scale.toFixed()}) from ${draft.path}`);
    }
    const existing = draft.terms[term];
    if (existing) {
      const same = existing.tiers.length === tiers.length && existing.tiers.every((t, i) => t.price.eq(tiers[i]?.price ?? NaN) && t.from.eq(tiers[i]?.from ?? NaN));
      if (!same) this.skip(path, `${sku} ${region}: a second ${term} price (${describeTiers(tiers)}) differs from ${existing.path} (${describeTiers(existing.tiers)}); kept the first`);
      return;
    }
    draft.terms[term] = { tiers: [...tiers].sort((a, b) => a.from.comparedTo(b.from)), path };
    if (input.asOf > draft.asOf) draft.asOf = input.asOf;
    draft.sources.add(input.source);
    if (term === 'onDemand') draft.description = input.description;
  }

  result(): PriceListLoadResult {
    const entries: LoadedPrice[] = [];
    for (const draft of this.drafts.values()) {
      const onDemand = draft.terms.onDemand;
      if (!onDemand) {
        this.skip(draft.path, `${draft.sku} ${draft.region}: no on-demand price (only ${Object.keys(draft.terms).join(', ')}), so no catalog entry`);
        continue;
      }
      const scaled = onDemand.tiers.map((t) => ({ from: t.from.div(draft.scale), price: t.price.times(draft.scale) }));
      const first = scaled[0];
      if (!first) continue;
      const single = (term: LoadedTerm): string | undefined => {
        const price = draft.terms[term]?.tiers[0]?.price;
        return price === undefined ? undefined : price.times(draft.scale).toFixed();
      };
      const tiers: PriceTier[] | undefined =
        scaled.length > 1 ? scaled.map((t, i) => ({ upTo: scaled[i + 1]?.from.toFixed() ?? null, price: t.price.toFixed() })) : undefined;
      const entry: LoadedPrice = {
        sku: draft.sku,
        region: draft.region,
        unit: draft.unit,
        description: draft.description,
        onDemand: first.price.toFixed(),
        ...(single('commit1y') !== undefined ? { commit1y: single('commit1y') } : {}),
        ...(single('commit3y') !== undefined ? { commit3y: single('commit3y') } : {}),
        ...(single('spot') !== undefined ? { spot: single('spot') } : {}),
        ...(tiers ? { tiers } : {}),
        source: [...draft.sources].join('; '),
        asOf: draft.asOf,
      };
      entries.push(entry);
    }
    entries.sort((a, b) => (a.sku === b.sku ? a.region.localeCompare(b.region) : a.sku.localeCompare(b.sku)));
    return { entries, skipped: this.skipped };
  }
}

function describeTiers(tiers: readonly SourceTier[]): string {
  return tiers.map((t) => (tiers.length > 1 ? `${t.price.toFixed()} from ${t.from.toFixed()}` : t.price.toFixed())).join(', ');
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** Reads a decimal string (or number) at a JSON path, or throws a PriceListError naming the path. */
export function decimalAt(value: unknown, path: string): Decimal {
  if (typeof value === 'number' && Number.isFinite(value)) return new Decimal(value);
  if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) return new Decimal(value.trim());
  throw new PriceListError(path, `expected a decimal number, got ${JSON.stringify(value)}`);
}

export function objectAt(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PriceListError(path, `expected an object, got ${describe(value)}`);
  return value as Record<string, unknown>;
}

export function arrayAt(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new PriceListError(path, `expected an array, got ${describe(value)}`);
  return value;
}

export function stringAt(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw new PriceListError(path, `expected a non-empty string, got ${describe(value)}`);
  return value;
}

/** The YYYY-MM-DD date of an ISO 8601 date-time, or a PriceListError. */
export function dateAt(value: unknown, path: string): string {
  const text = stringAt(value, path);
  const time = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(time)) throw new PriceListError(path, `expected an ISO 8601 date, got ${JSON.stringify(text)}`);
  return new Date(time).toISOString().slice(0, 10);
}

/** A JSON property path segment: `.name` for identifiers, `["odd key"]` otherwise. */
export function prop(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Flattens scalar fields to strings (objects and arrays left out). */
export function stringAttributes(record: Record<string, unknown>): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') attributes[key] = String(value);
  }
  return attributes;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : JSON.stringify(value);
}
