import { type CatalogFile, type PriceTier, CatalogError, checkCatalogFile } from '../catalog/catalog';
import { type LoadedPrice } from './price-list';

const PRICE_FIELDS = ['unit', 'onDemand', 'commit1y', 'commit3y', 'spot', 'tiers'] as const;
type PriceField = (typeof PRICE_FIELDS)[number];

export interface PriceChange {
  readonly field: PriceField;
  /** Old and new value as text (`undefined` when absent; tiers as `0.023 ≤51200, 0.022 ≤512000, 0.021`). */
  readonly from: string | undefined;
  readonly to: string | undefined;
}

export interface CatalogChangeSummary {
  readonly added: readonly { sku: string; region: string; onDemand: string }[];
  readonly changed: readonly { sku: string; region: string; changes: readonly PriceChange[] }[];
  readonly removed: readonly { sku: string; region: string; onDemand: string }[];
  /** Replaced with the same prices (description, source or asOf may have moved). */
  readonly unchanged: number;
}

export interface CatalogMergeResult {
  readonly file: CatalogFile;
  readonly summary: CatalogChangeSummary;
}

export interface CatalogMergeOptions {
  /**
   * Existing entries the refresh is authoritative for: such an entry the loaded list no longer has is removed
   * (e.g. `(e) => e.sku.startsWith('ec2:instance:')`). By default nothing is removed.
   */
  readonly removeWhenMissing?: (entry: LoadedPrice) => boolean;
}

const keyOf = (e: { sku: string; region: string }) => `${e.sku}|${e.region}`;

/**
 * Updates a catalog file with loaded entries: an entry with the same sku+region is replaced (in place), new ones are
 * appended, the others are kept (or removed, see options). Returns the new file, checked with checkCatalogFile, and
 * a summary of what moved, old → new price, for review.
 */
export function mergeCatalogFile(existing: CatalogFile, loaded: readonly LoadedPrice[], options: CatalogMergeOptions = {}): CatalogMergeResult {
  const incoming = new Map<string, LoadedPrice>();
  for (const entry of loaded) {
    const key = keyOf(entry);
    if (incoming.has(key)) throw new CatalogError(`${existing.cloud}/${existing.service}`, [`loaded entries list ${entry.sku} ${entry.region} twice`]);
    incoming.set(key, entry);
  }
  const added: { sku: string; region: string; onDemand: string }[] = [];
  const changed: { sku: string; region: string; changes: PriceChange[] }[] = [];
  const removed: { sku: string; region: string; onDemand: string }[] = [];
  let unchanged = 0;
  const entries: LoadedPrice[] = [];
  const used = new Set<string>();

  for (const old of existing.entries) {
    const key = keyOf(old);
    const next = incoming.get(key);
    if (!next) {
      if (options.removeWhenMissing?.(old)) removed.push({ sku: old.sku, region: old.region, onDemand: old.onDemand });
      else entries.push(old);
      continue;
    }
    used.add(key);
    entries.push(next);
    const changes = PRICE_FIELDS.map((field) => ({ field, from: fieldText(old, field), to: fieldText(next, field) })).filter((c) => c.from !== c.to);
    if (changes.length > 0) changed.push({ sku: old.sku, region: old.region, changes });
    else unchanged++;
  }
  for (const [key, entry] of incoming) {
    if (used.has(key)) continue;
    entries.push(entry);
    added.push({ sku: entry.sku, region: entry.region, onDemand: entry.onDemand });
  }
  const file: CatalogFile = { cloud: existing.cloud, service: existing.service, entries };
  const problems = checkCatalogFile(file);
  if (problems.length > 0) throw new CatalogError(`${existing.cloud}/${existing.service} (merged)`, problems);
  return { file, summary: { added, changed, removed, unchanged } };
}

/** The summary as review lines: `~ ec2:instance:t3.micro:linux us-east-1 onDemand 0.0104 → 0.0105`. */
export function formatCatalogChanges(summary: CatalogChangeSummary): string[] {
  const lines: string[] = [];
  for (const a of summary.added) lines.push(`+ ${a.sku} ${a.region} onDemand ${a.onDemand}`);
  for (const c of summary.changed) {
    for (const change of c.changes) lines.push(`~ ${c.sku} ${c.region} ${change.field} ${change.from ?? '(none)'} → ${change.to ?? '(none)'}`);
  }
  for (const r of summary.removed) lines.push(`- ${r.sku} ${r.region} onDemand ${r.onDemand}`);
  lines.push(`${summary.added.length} added, ${summary.changed.length} changed, ${summary.removed.length} removed, ${summary.unchanged} unchanged`);
  return lines;
}

function fieldText(entry: LoadedPrice, field: PriceField): string | undefined {
  if (field === 'tiers') return entry.tiers ? tiersText(entry.tiers) : undefined;
  const value = entry[field];
  if (value === undefined || field === 'unit') return value;
  return normalise(value);
}

function tiersText(tiers: readonly PriceTier[]): string {
  return tiers.map((t) => `${normalise(t.price)}${t.upTo === null ? '' : ` ≤${normalise(t.upTo)}`}`).join(', ');
}

/** "0.0400" and "0.04" are the same price. */
function normalise(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal;
}
