import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CatalogFile, checkCatalogFile } from '../catalog/catalog';
import { loadAwsOffer } from './aws-offer.loader';
import { loadAzureRetailPrices } from './azure-retail.loader';
import { mergeCatalogFile } from './catalog-merge';
import { AWS_DEFAULT_RULES, AZURE_DEFAULT_RULES, GCP_DEFAULT_RULES } from './default-rules';
import { loadGcpSkus } from './gcp-billing-catalog.loader';
import { type LoadedPrice } from './price-list';

const CATALOG = resolve(__dirname, '../../catalog');
const fixture = (name: string): unknown => JSON.parse(readFileSync(resolve(__dirname, '__fixtures__', name), 'utf8'));

function catalogFiles(cloud: string): CatalogFile[] {
  const dir = join(CATALOG, cloud);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as CatalogFile);
}

/** sku → unit as the pricers' catalog data has it. */
function catalogUnits(cloud: string): Map<string, string> {
  return new Map(catalogFiles(cloud).flatMap((f) => f.entries.map((e) => [e.sku, e.unit] as const)));
}

const loadedByCloud: Record<string, LoadedPrice[]> = {
  aws: [...loadAwsOffer(fixture('aws-ec2-offer.json'), AWS_DEFAULT_RULES).entries, ...loadAwsOffer(fixture('aws-s3-offer.json'), AWS_DEFAULT_RULES).entries],
  azure: loadAzureRetailPrices(fixture('azure-retail-prices.json'), AZURE_DEFAULT_RULES).entries,
  gcp: loadGcpSkus(fixture('gcp-billing-catalog.json'), GCP_DEFAULT_RULES).entries,
};

describe('default price-list rules', () => {
  it.each(Object.keys(loadedByCloud))('produce %s catalog keys and units the pricers already use', (cloud) => {
    const units = catalogUnits(cloud);
    const loaded = loadedByCloud[cloud] ?? [];
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.map((e) => `${e.sku} [${e.unit}]`)).toEqual(loaded.map((e) => `${e.sku} [${units.get(e.sku) ?? 'not in the catalog'}]`));
  });

  it('merge into the real AWS EC2 catalog file as a valid file', () => {
    const ec2 = catalogFiles('aws').find((f) => f.service === 'AmazonEC2' && f.entries.some((e) => e.sku.startsWith('ec2:instance:')));
    if (!ec2) throw new Error('no AmazonEC2 instance catalog file in libs/pricing/catalog/aws');
    const instances = (loadedByCloud.aws ?? []).filter((e) => e.sku.startsWith('ec2:instance:'));
    const { file, summary } = mergeCatalogFile(ec2, instances);
    expect(checkCatalogFile(file)).toEqual([]);
    expect(summary.added.length + summary.changed.length + summary.unchanged).toBe(instances.length);
  });
});
