import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CatalogFile, checkCatalogFile, defaultCatalogDir } from '../catalog/catalog';
import { refreshCatalog } from './catalog-refresh';
import { GCP_DEFAULT_RULES } from './default-rules';
import { loadGcpSkus } from './gcp-billing-catalog.loader';
import { type LoadedPrice } from './price-list';

/*
 * gcp-billing-services.json is one abridged Cloud Billing Catalog `services.skus.list` page ({ skus, nextPageToken },
 * SKUs with name, skuId, description, category, serviceRegions, pricingInfo[].pricingExpression). Descriptions, SKU ids
 * and units follow SKUs quoted in public code and documents:
 * - Cloud SQL: "Cloud SQL for PostgreSQL: Zonal - vCPU in Americas" ($0.0413 per h), "… Zonal - RAM in Americas"
 *   (GiBy.h), "… Regional - vCPU in Mumbai" (65ED-2048-3203), "… Zonal - Standard storage in Montreal" (5449-6AD5-8815,
 *   GiBy.mo), "… Zonal - Low cost storage", "Cloud SQL for MySQL: Zonal - Micro instance in London", "Cloud SQL:
 *   Backups in Mumbai" (D737-A9D2-80AB), the Enterprise Plus C4 decoy, "Cloud SQL: Network Egress - Worldwide" (GiBy) and
 *   "… Zonal - IP address reservation in Montreal" (73C6-24F3-7975); resourceGroups SQLGen2InstancesCPU/RAM, SSD,
 *   PDStandard, PDSnapshot;
 * - Memorystore: "Redis Capacity Basic M1 London" (8FF9-D19D-3185, GiBy.h), "Redis Capacity Standard M1 London"
 *   (2599-6A81-3CB1), "Redis Capacity Basic M2 London" (583A-B0BE-7BD2), "Redis Standard Node Capacity M2 London";
 * - GKE: "Zonal Kubernetes Clusters" (6B92-A835-08AB) and "Regional Kubernetes Clusters" (B561-BFBD-1264), both listed
 *   for serviceRegions ["global"] (the catalog falls back to a sku's global price), "Autopilot Pod mCPU Requests
 *   (us-east1)" (CA45-51A5-8C74), "Autopilot Pod Memory Requests (us-east1)" (9FF0-AB0A-36E8), "Autopilot Pod
 *   Ephemeral Storage Requests (…)", Spot pod SKUs.
 * Prices are the catalog's; the other SKU ids and the pricing expression's remaining fields are illustrative.
 */

const fixture = (): Record<string, unknown> =>
  JSON.parse(readFileSync(resolve(__dirname, '__fixtures__', 'gcp-billing-services.json'), 'utf8')) as Record<string, unknown>;

const CATALOG = resolve(__dirname, '../../catalog/gcp');
const catalogUnits = new Map(
  readdirSync(CATALOG)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => (JSON.parse(readFileSync(join(CATALOG, name), 'utf8')) as CatalogFile).entries.map((e) => [e.sku, e.unit] as const)),
);

const brief = (e: LoadedPrice) => [e.sku, e.region, e.unit, e.onDemand].join(' ');

function edited(index: number, change: { description?: string; usageUnit?: string }): Record<string, unknown> {
  const doc = fixture() as { skus: { description: string; pricingInfo: { pricingExpression: { usageUnit: string } }[] }[] };
  const sku = doc.skus[index];
  if (!sku) throw new Error(`no SKU ${index}`);
  if (change.description !== undefined) sku.description = change.description;
  if (change.usageUnit !== undefined) for (const info of sku.pricingInfo) info.pricingExpression.usageUnit = change.usageUnit;
  return doc;
}

describe('GCP default rules (services)', () => {
  const result = loadGcpSkus(fixture(), GCP_DEFAULT_RULES);

  it('turns Cloud SQL, Memorystore and GKE SKUs into catalog entries, one per service region', () => {
    expect(result.entries.map(brief)).toEqual([
      'gke:autopilot:ephemeral-storage us-east1 GB-hours 0.0000548',
      'gke:autopilot:memory us-east1 GB-hours 0.0049225',
      'gke:cluster-management global hours 0.1',
      'redis:basic:m1 europe-west2 GB-hours 0.0592',
      'redis:basic:m2 europe-west2 GB-hours 0.0396',
      'redis:standard:m1 europe-west2 GB-hours 0.0985',
      'sql:backup us-central1 GB 0.08',
      'sql:enterprise:regional:ram us-central1 GB-hours 0.014',
      'sql:enterprise:regional:ram us-east1 GB-hours 0.014',
      'sql:enterprise:regional:vcpu us-central1 hours 0.0826',
      'sql:enterprise:regional:vcpu us-east1 hours 0.0826',
      'sql:enterprise:zonal:ram us-central1 GB-hours 0.007',
      'sql:enterprise:zonal:ram us-east1 GB-hours 0.007',
      'sql:enterprise:zonal:vcpu us-central1 hours 0.0413',
      'sql:enterprise:zonal:vcpu us-east1 hours 0.0413',
      'sql:shared:db-f1-micro us-central1 hours 0.0105',
      'sql:storage:regional:ssd us-central1 GB 0.34',
      'sql:storage:zonal:hdd us-central1 GB 0.09',
      'sql:storage:zonal:ssd us-central1 GB 0.17',
    ]);
    // PostgreSQL and MySQL list the zonal vCPU at one price: the same entry, not a conflict
    expect(result.skipped).toEqual([]);
  });

  it('leaves Enterprise Plus, egress, IP reservation, Redis Cluster capacity, Autopilot mCPU and Spot pods unmatched', () => {
    expect(result.unmatched).toBe(6);
  });

  it('every key and unit is one the pricers already use', () => {
    expect(result.entries.map((e) => `${e.sku} [${e.unit}]`)).toEqual(result.entries.map((e) => `${e.sku} [${catalogUnits.get(e.sku) ?? 'not in the catalog'}]`));
  });

  it('reports MySQL and PostgreSQL vCPU prices that differ instead of picking one silently', () => {
    const doc = fixture() as { skus: { pricingInfo: { pricingExpression: { tieredRates: { unitPrice: { nanos: number } }[] } }[] }[] };
    const rate = doc.skus[1]?.pricingInfo[0]?.pricingExpression.tieredRates[0];
    if (rate) rate.unitPrice.nanos = 45_000_000;
    const { skipped } = loadGcpSkus(doc, GCP_DEFAULT_RULES);
    expect(skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/^sql:enterprise:zonal:vcpu us-central1: a second onDemand price \(0\.045\) differs/),
      expect.stringMatching(/^sql:enterprise:zonal:vcpu us-east1: a second onDemand price \(0\.045\) differs/),
    ]);
  });

  it('skips Cloud SQL storage quoted per another unit', () => {
    const { skipped } = loadGcpSkus(edited(5, { usageUnit: 'GiBy.h' }), GCP_DEFAULT_RULES);
    expect(skipped).toEqual([{ path: '$.skus[5]', reason: 'sql:storage:zonal:ssd: price is per "GiBy.h", the rule expects "GiBy.mo"' }]);
  });

  it('does not take the Enterprise Plus edition for Enterprise', () => {
    const { entries } = loadGcpSkus(edited(10, { description: 'Cloud SQL for PostgreSQL: Zonal - Enterprise Plus vCPU in South Carolina' }), GCP_DEFAULT_RULES);
    expect(entries.filter((e) => e.region === 'us-east1' && e.sku.startsWith('sql:')).map((e) => e.onDemand)).toEqual(['0.014', '0.0826', '0.007', '0.0413']);
  });

  it('routes every fixture price into the catalog file of its family, leaving valid files (nothing written)', () => {
    const refresh = refreshCatalog(defaultCatalogDir(), [{ cloud: 'gcp', path: resolve(__dirname, '__fixtures__', 'gcp-billing-services.json') }]);
    expect(refresh.files.map((f) => f.file).sort()).toEqual(['gcp/container.json', 'gcp/data.json', 'gcp/sql.json']);
    for (const f of refresh.files) expect(checkCatalogFile(f.merged)).toEqual([]);
  });
});
