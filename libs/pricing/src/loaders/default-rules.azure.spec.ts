import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CatalogFile, checkCatalogFile, defaultCatalogDir } from '../catalog/catalog';
import { refreshCatalog } from './catalog-refresh';
import { loadAzureRetailPrices } from './azure-retail.loader';
import { AZURE_DEFAULT_RULES } from './default-rules';
import { type LoadedPrice } from './price-list';

/*
 * azure-retail-services.json is one abridged Azure Retail Prices API page ({ BillingCurrency, Items, NextPageLink,
 * Count }, items with the API's fields). Names and units follow items read from API responses quoted in public code:
 * - managed disks: serviceName "Storage", productName "Premium SSD Managed Disks", skuName "P10 LRS", meterName
 *   "P10 LRS Disk", "P10 ZRS Disk", "E10 LRS Disk", unitOfMeasure "1/Month";
 * - App Service: a live response for southafricanorth (serviceName "Azure App Service", skuName "P1 v3", armSkuName
 *   "Standard_P1_v3_Windows" / "Azure_App_Service_Premium_v3_Plan_Linux_P1_v3", productName "Azure App Service Premium v3
 *   Plan" / "… - Linux", meterName "P1 v3 App", "1 Hour"), and Basic/Standard plans (meterName "B1", "S1 App");
 * - SQL Database: a saved eastus page as documented in public code (productName "SQL Database Single/Elastic Pool General
 *   Purpose - Compute Gen5", skuName "vCore" / "4 vCore" / "vCore ZR Zone Redundancy", meterName "vCore" / "Zone
 *   Redundancy vCore"; storage meters "General Purpose Data Stored", "… - Free", "… IO Rate Operations" per "1M",
 *   "General Purpose Zone Redundancy Data Stored"; DTU tiers per "1/Day");
 * - PostgreSQL / MySQL flexible server: productName "Az DB for PostgreSQL Flexible Server Storage" / "Azure Database for
 *   MySQL Flexible Server Storage", skuName "Storage", meterName "Storage Data Stored", "1 GB/Month"; backup meterName
 *   "Backup Storage LRS Data Stored"; MySQL Burstable skuName "Standard_B4ms" with meterName "B4MS"; per-vCore compute
 *   (skuName and meterName "vCore");
 * - Azure Cache for Redis: captured rows (productName "Azure Redis Cache Premium", skuName "P1", meterName "P1 Cache
 *   Instance", armSkuName "Azure_Redis_Cache_Premium_P1_Cache", reservations as the whole term's price) and Basic /
 *   Standard rows (productName "Azure Redis Cache Standard", skuName "C1", meterName "C1 Cache" for the two-node total and
 *   "C1 Cache Instance" per node).
 * Meter ids, product ids and prices are illustrative (prices are the catalog's).
 */

const fixture = (): Record<string, unknown> =>
  JSON.parse(readFileSync(resolve(__dirname, '__fixtures__', 'azure-retail-services.json'), 'utf8')) as Record<string, unknown>;

const CATALOG = resolve(__dirname, '../../catalog/azure');
const catalogUnits = new Map(
  readdirSync(CATALOG)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => (JSON.parse(readFileSync(join(CATALOG, name), 'utf8')) as CatalogFile).entries.map((e) => [e.sku, e.unit] as const)),
);

const brief = (e: LoadedPrice) => [e.sku, e.region, e.unit, e.onDemand, e.commit1y ?? '-'].join(' ');

/** The fixture with one item's fields changed. */
function edited(index: number, change: Record<string, unknown>): Record<string, unknown> {
  const doc = fixture() as { Items: Record<string, unknown>[] };
  Object.assign(doc.Items[index] ?? {}, change);
  return doc;
}

describe('Azure default rules (services)', () => {
  const result = loadAzureRetailPrices(fixture(), AZURE_DEFAULT_RULES);

  it('turns disks, App Service plans, SQL Database, flexible server storage/backup, MySQL Burstable and Redis Premium into catalog entries', () => {
    expect(result.entries.map(brief)).toEqual([
      'app-service:linux:b1 eastus hours 0.017 -',
      'app-service:linux:p1v3 eastus hours 0.155 0.093037',
      'app-service:windows:p1v3 eastus hours 0.315 -',
      'app-service:windows:s1 eastus hours 0.1 -',
      'managed-disk:premium_lrs:p10 eastus months 19.71 -',
      'managed-disk:premium_zrs:p10 eastus months 24.64 -',
      'managed-disk:standard_lrs:s4 eastus months 1.536 -',
      'managed-disk:standardssd_lrs:e10 eastus months 9.6 -',
      'mssql:bc:gen5:compute eastus vCore-hours 0.304435 -',
      'mssql:bc:storage eastus GB 0.25 -',
      'mssql:dtu:s1 eastus days 0.9677 -',
      'mssql:gp:gen5:compute eastus vCore-hours 0.152216 -',
      'mssql:gp:gen5:zone-redundancy eastus vCore-hours 0.0913288 -',
      'mssql:gp:storage eastus GB 0.115 -',
      'mssql:gp:storage-zone-redundant eastus GB 0.23 -',
      'mysql-flexible:backup-storage westus GB 0.095 -',
      'mysql-flexible:compute:b_standard_b1ms westus hours 0.022 -',
      'mysql-flexible:storage westus GB 0.138 -',
      'postgresql-flexible:backup-storage westus GB 0.095 -',
      'postgresql-flexible:storage westus GB 0.138 -',
      // the Premium "Cache Instance" meter is one node; the catalog prices a shard of a primary and a replica
      'redis:basic:c1 eastus hours 0.055 -',
      'redis:premium:p1 eastus hours 0.555 0.354566',
      'redis:standard:c3 eastus hours 0.45 -',
    ]);
  });

  it('skips the App Service Dev/Test price with its reason and nothing else', () => {
    expect(result.skipped).toEqual([{ path: '$.Items[8]', reason: 'app-service:windows:p1v3 eastus: Dev/Test price, not the list price' }]);
  });

  it('leaves disk operations, per-size and per-vCore compute, free/IO storage meters, Premium SSD v2 and per-node Redis meters unmatched', () => {
    // E10 operations, SQL 4 vCore, GP free storage, GP IO rate, PG SSD v2, PG vCore, MySQL vCore, Redis Standard C3 Cache Instance
    expect(result.unmatched).toBe(8);
  });

  it('every key it produces is one the pricers use; Premium ZRS disks are new keys of the managed disk file', () => {
    const notInCatalog = result.entries.filter((e) => !catalogUnits.has(e.sku)).map((e) => e.sku);
    expect(notInCatalog).toEqual(['managed-disk:premium_zrs:p10']);
    const known = result.entries.filter((e) => catalogUnits.has(e.sku));
    expect(known.map((e) => `${e.sku} [${e.unit}]`)).toEqual(known.map((e) => `${e.sku} [${catalogUnits.get(e.sku) ?? '?'}]`));
  });

  it('skips a disk whose tier letter belongs to another disk product', () => {
    const { skipped } = loadAzureRetailPrices(edited(2, { skuName: 'P10 LRS', meterName: 'P10 LRS Disk' }), AZURE_DEFAULT_RULES);
    expect(skipped).toContainEqual({ path: '$.Items[2]', reason: 'the matching rule gives no catalog key for it' });
  });

  it('skips an App Service meter that is not the plan size itself', () => {
    const { skipped } = loadAzureRetailPrices(edited(10, { meterName: 'S1 IP SSL Connection' }), AZURE_DEFAULT_RULES);
    expect(skipped).toContainEqual({ path: '$.Items[10]', reason: 'the matching rule gives no catalog key for it' });
  });

  it('skips storage quoted per GiB instead of GB', () => {
    const { skipped, entries } = loadAzureRetailPrices(edited(26, { unitOfMeasure: '1 GiB/Month' }), AZURE_DEFAULT_RULES);
    expect(skipped).toContainEqual({ path: '$.Items[26]', reason: 'mysql-flexible:storage: price is per "1 GiB/Month", the rule expects "1 GB/Month"' });
    expect(entries.some((e) => e.sku === 'mysql-flexible:storage')).toBe(false);
  });

  it('routes every fixture price into the catalog file of its family, leaving valid files (nothing written)', () => {
    const refresh = refreshCatalog(defaultCatalogDir(), [{ cloud: 'azure', path: resolve(__dirname, '__fixtures__', 'azure-retail-services.json') }]);
    expect(refresh.files.map((f) => f.file).sort()).toEqual(['azure/app-service.json', 'azure/databases.json', 'azure/managed-disks.json', 'azure/redis-cache.json', 'azure/sql-database.json']);
    for (const f of refresh.files) expect(checkCatalogFile(f.merged)).toEqual([]);
  });
});
