import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Cloud } from '@cloudwright/terraform-plan';
import { CatalogError, checkCatalogFile, type CatalogFile } from '../catalog/catalog';
import { loadAwsOffer } from './aws-offer.loader';
import { loadAzureRetailPrices } from './azure-retail.loader';
import { formatCatalogChanges, mergeCatalogFile, type CatalogChangeSummary } from './catalog-merge';
import { AWS_DEFAULT_RULES, AZURE_DEFAULT_RULES, GCP_DEFAULT_RULES } from './default-rules';
import { loadGcpSkus } from './gcp-billing-catalog.loader';
import { PriceListError, type LoadedPrice, type PriceListRule, type SkippedPrice } from './price-list';

/** A price list file to refresh the catalog from: AWS bulk offer JSON, Azure Retail Prices pages, GCP SKU pages. */
export interface PriceListSource {
  readonly cloud: Cloud;
  readonly path: string;
}

export interface RefreshedFile {
  /** Path of the catalog file, relative to the catalog folder (`aws/ec2.json`). */
  readonly file: string;
  readonly summary: CatalogChangeSummary;
  /** The merged file (what `writeRefresh` writes). */
  readonly merged: CatalogFile;
}

export interface RefreshedSource {
  readonly source: PriceListSource;
  readonly loaded: number;
  /** Items no rule asked for. */
  readonly unmatched: number;
  readonly skipped: readonly SkippedPrice[];
}

export interface CatalogRefresh {
  readonly sources: readonly RefreshedSource[];
  /** Only the catalog files the price lists change or add to. */
  readonly files: readonly RefreshedFile[];
}

const LOADERS: Record<Cloud, { rules: readonly PriceListRule[]; load: (doc: unknown, rules: readonly PriceListRule[]) => { entries: LoadedPrice[]; skipped: SkippedPrice[]; unmatched: number } }> = {
  aws: { rules: AWS_DEFAULT_RULES, load: loadAwsOffer },
  azure: { rules: AZURE_DEFAULT_RULES, load: loadAzureRetailPrices },
  gcp: { rules: GCP_DEFAULT_RULES, load: loadGcpSkus },
};

/** `ec2:instance:m5.large:linux` → `ec2`. */
const familyOf = (sku: string) => sku.split(':')[0] ?? sku;

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CatalogError(path, [`cannot read the ${what}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CatalogError(path, [`the ${what} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`]);
  }
}

/**
 * Where a loaded price goes: the catalog file of its cloud that already holds its sku, else the one file that holds
 * skus of its family (`ec2:` …). A family no file holds, or that several hold without the sku, is an error naming
 * the sku, so a refresh never invents where a price lives.
 */
class Router {
  private readonly bySku = new Map<string, string>();
  private readonly byFamily = new Map<string, Set<string>>();

  constructor(files: ReadonlyMap<string, CatalogFile>) {
    for (const [path, file] of files) {
      for (const e of file.entries) {
        this.bySku.set(`${file.cloud}|${e.sku}`, path);
        const key = `${file.cloud}|${familyOf(e.sku)}`;
        const set = this.byFamily.get(key) ?? new Set<string>();
        set.add(path);
        this.byFamily.set(key, set);
      }
    }
  }

  fileFor(cloud: Cloud, sku: string): string {
    const known = this.bySku.get(`${cloud}|${sku}`);
    if (known) return known;
    const candidates = [...(this.byFamily.get(`${cloud}|${familyOf(sku)}`) ?? [])];
    if (candidates.length === 1 && candidates[0]) return candidates[0];
    const why = candidates.length === 0 ? `no ${cloud} catalog file holds ${familyOf(sku)}: skus` : `${candidates.sort().join(' and ')} both hold ${familyOf(sku)}: skus`;
    throw new CatalogError(sku, [`cannot tell which catalog file the price belongs in (${why}); add one entry of it by hand first`]);
  }
}

/**
 * Loads the clouds' price list files with the default rules and merges the prices into the catalog files under
 * `dir` (same sku+region replaced, new ones added, none removed). Nothing is written: review `files[].summary`, then
 * `writeRefresh`. A price list in the wrong format fails with its JSON path (PriceListError); a merged file that
 * would fail the catalog check fails with CatalogError.
 */
export function refreshCatalog(dir: string, sources: readonly PriceListSource[]): CatalogRefresh {
  const files = new Map<string, CatalogFile>();
  for (const cloud of ['aws', 'azure', 'gcp'] as const) {
    let names: string[];
    try {
      names = readdirSync(join(dir, cloud)).filter((n) => n.endsWith('.json'));
    } catch {
      continue;
    }
    for (const name of names.sort()) files.set(join(dir, cloud, name), readJson(join(dir, cloud, name), 'catalog file') as CatalogFile);
  }
  const router = new Router(files);
  const incoming = new Map<string, LoadedPrice[]>();
  const refreshed: RefreshedSource[] = [];
  for (const source of sources) {
    const { rules, load } = LOADERS[source.cloud];
    let result: ReturnType<typeof load>;
    try {
      result = load(readJson(source.path, `${source.cloud} price list`), rules);
    } catch (err) {
      if (err instanceof PriceListError) throw new CatalogError(source.path, [err.message]);
      throw err;
    }
    for (const entry of result.entries) {
      const path = router.fileFor(source.cloud, entry.sku);
      const list = incoming.get(path) ?? [];
      // a later price list wins over an earlier one for the same sku+region
      const at = list.findIndex((e) => e.sku === entry.sku && e.region === entry.region);
      if (at >= 0) list[at] = entry;
      else list.push(entry);
      incoming.set(path, list);
    }
    refreshed.push({ source, loaded: result.entries.length, unmatched: result.unmatched, skipped: result.skipped });
  }
  const out: RefreshedFile[] = [];
  for (const [path, loaded] of [...incoming].sort(([a], [b]) => a.localeCompare(b))) {
    const existing = files.get(path);
    if (!existing) continue;
    const { file, summary } = mergeCatalogFile(existing, loaded);
    const problems = checkCatalogFile(file);
    if (problems.length) throw new CatalogError(relative(dir, path), problems);
    out.push({ file: relative(dir, path), summary, merged: file });
  }
  return { sources: refreshed, files: out };
}

/** Writes the merged files of a refresh into `dir` (the catalog's own formatting: one-space indent, final newline). */
export function writeRefresh(dir: string, refresh: CatalogRefresh): string[] {
  const written: string[] = [];
  for (const f of refresh.files) {
    const { summary } = f;
    if (!summary.added.length && !summary.changed.length && !summary.removed.length && !summary.unchanged) continue;
    writeFileSync(join(dir, f.file), `${JSON.stringify(f.merged, null, 1)}\n`);
    written.push(f.file);
  }
  return written;
}

/** The refresh for review: per price list what was loaded and skipped, per catalog file what moves. */
export function formatRefresh(refresh: CatalogRefresh, maxSkipped = 10): string[] {
  const lines: string[] = [];
  for (const s of refresh.sources) {
    lines.push(`${s.source.cloud} ${s.source.path}: ${s.loaded} prices loaded, ${s.skipped.length} items skipped, ${s.unmatched} not asked for by any rule`);
    for (const k of s.skipped.slice(0, maxSkipped)) lines.push(`  skipped ${k.path}: ${k.reason}`);
    if (s.skipped.length > maxSkipped) lines.push(`  … ${s.skipped.length - maxSkipped} more skipped`);
  }
  for (const f of refresh.files) {
    lines.push(`${f.file}:`);
    for (const line of formatCatalogChanges(f.summary)) lines.push(`  ${line}`);
  }
  if (!refresh.files.length) lines.push('no catalog file changes');
  return lines;
}
