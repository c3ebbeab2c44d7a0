import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GCP_DEFAULT_RULES } from './default-rules';
import { loadGcpSkus } from './gcp-billing-catalog.loader';
import { type PriceListRule } from './price-list';

interface Page {
  skus: { pricingInfo: { pricingExpression: { tieredRates: { unitPrice: Record<string, unknown> }[] } }[] }[];
}
const page = (): Page => JSON.parse(readFileSync(resolve(__dirname, '__fixtures__', 'gcp-billing-catalog.json'), 'utf8')) as Page;

const COMPUTE = "Google Cloud Billing Catalog API, service 'Compute Engine'";

describe(loadGcpSkus.name, () => {
  describe('the fixture with the default rules', () => {
    const result = loadGcpSkus(page(), GCP_DEFAULT_RULES);

    it('merges OnDemand, Preemptible (spot) and Commit1Yr/Commit3Yr SKUs per region, converting units+nanos', () => {
      expect(result.entries.find((e) => e.sku === 'compute:e2:vcpu' && e.region === 'us-central1')).toEqual({
        sku: 'compute:e2:vcpu',
        region: 'us-central1',
        unit: 'hours',
        description: 'E2 predefined instance vCPU hour',
        onDemand: '0.02181159',
        commit1y: '0.013741301',
        commit3y: '0.009815215',
        spot: '0.006543',
        source: COMPUTE,
        asOf: '2025-03-06',
      });
      // the CUD SKUs only list us-central1
      expect(result.entries.find((e) => e.sku === 'compute:e2:vcpu' && e.region === 'us-east1')).toMatchObject({ onDemand: '0.02181159', spot: '0.006543' });
      expect(result.entries.find((e) => e.region === 'us-east1')).not.toHaveProperty('commit1y');
    });

    it('loads RAM per GB-hour and storage per GB-month with its free tier', () => {
      expect(result.entries.map((e) => [e.sku, e.region, e.unit])).toEqual([
        ['compute:e2:ram', 'us-central1', 'GB-hours'],
        ['compute:e2:vcpu', 'us-central1', 'hours'],
        ['compute:e2:vcpu', 'us-east1', 'hours'],
        ['gcs:storage:standard', 'us', 'GB'],
      ]);
      expect(result.entries[0]?.onDemand).toBe('0.002923271');
      expect(result.entries[3]).toEqual({
        sku: 'gcs:storage:standard',
        region: 'us',
        unit: 'GB',
        description: 'Cloud Storage standard storage GB-month',
        onDemand: '0',
        tiers: [
          { upTo: '5', price: '0' },
          { upTo: null, price: '0.026' },
        ],
        source: "Google Cloud Billing Catalog API, service 'Cloud Storage'",
        asOf: '2025-02-20',
      });
    });

    it('skips SKUs in another unit than the rule expects and counts those no rule wanted', () => {
      expect(result.skipped).toEqual([{ path: '$.skus[7]', reason: 'compute:e2:vcpu: price is per "min", the rule expects "h"' }]);
      expect(result.unmatched).toBe(1); // N1
    });
  });

  it('adds whole units to nanos, and scales into the catalog unit', () => {
    const doc = page();
    const sku = doc.skus[0];
    if (!sku) throw new Error('fixture has no SKU');
    Object.assign(sku.pricingInfo[0]?.pricingExpression.tieredRates[0]?.unitPrice ?? {}, { units: '1', nanos: 500000000 });
    const perThousand: PriceListRule = { ...(GCP_DEFAULT_RULES[0]), unit: '1K hours', scale: '1000' };
    expect(loadGcpSkus({ skus: [sku] }, [perThousand]).entries.map((e) => e.onDemand)).toEqual(['1500', '1500']);
  });

  it('names the JSON path of malformed prices', () => {
    const doc = page();
    Object.assign(doc.skus[0]?.pricingInfo[0]?.pricingExpression.tieredRates[0]?.unitPrice ?? {}, { nanos: 1500000000 });
    expect(() => loadGcpSkus(doc, GCP_DEFAULT_RULES)).toThrow(
      '$.skus[0].pricingInfo[0].pricingExpression.tieredRates[0].unitPrice.nanos: expected a whole number of nanos below 1e9, got 1500000000',
    );
    Object.assign(doc.skus[0]?.pricingInfo[0]?.pricingExpression.tieredRates[0]?.unitPrice ?? {}, { units: '-1', nanos: 5 });
    expect(() => loadGcpSkus(doc, GCP_DEFAULT_RULES)).toThrow('$.skus[0].pricingInfo[0].pricingExpression.tieredRates[0].unitPrice: units -1 and nanos 5 have different signs');
    expect(() => loadGcpSkus({ skus: {} }, GCP_DEFAULT_RULES)).toThrow('$.skus: expected an array, got an object');
  });
});
