import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadAzureRetailPrices } from './azure-retail.loader';
import { AZURE_DEFAULT_RULES } from './default-rules';
import { type PriceListRule } from './price-list';

interface Page {
  Items: Record<string, unknown>[];
  [key: string]: unknown;
}
const page = (): Page => JSON.parse(readFileSync(resolve(__dirname, '__fixtures__', 'azure-retail-prices.json'), 'utf8')) as Page;

const SOURCE = "Azure Retail Prices API (prices.azure.com), serviceName 'Virtual Machines'";

const BLOB_HOT_LRS: PriceListRule = {
  match: { serviceName: 'Storage', productName: 'Blob Storage', skuName: 'Hot LRS', meterName: 'Hot LRS Data Stored' },
  sku: () => 'storage:blob:hot:lrs:capacity',
  unit: 'GB',
  sourceUnit: '1 GB/Month',
};

describe(loadAzureRetailPrices.name, () => {
  describe('the VM fixture with the default rules', () => {
    const result = loadAzureRetailPrices(page(), AZURE_DEFAULT_RULES);

    it('merges pay-as-you-go, Spot and 1/3-year reservations (term price ÷ 8,760 / 26,280 hours) into one entry', () => {
      expect(result.entries.find((e) => e.sku === 'vm:standard_d2s_v3:linux' && e.region === 'eastus')).toEqual({
        sku: 'vm:standard_d2s_v3:linux',
        region: 'eastus',
        unit: 'hours',
        description: 'Standard_D2s_v3 Linux pay-as-you-go, eastus',
        onDemand: '0.096',
        commit1y: '0.057', // 499.32 / 8760
        commit3y: '0.036568', // 961 / 26280 = 0.0365677…
        spot: '0.0192',
        source: SOURCE,
        asOf: '2024-05-01', // the latest effectiveStartDate among the merged prices
      });
    });

    it('keys Windows and Linux meters apart, and regions apart', () => {
      expect(result.entries.map((e) => [e.sku, e.region, e.onDemand])).toEqual([
        ['vm:standard_d2s_v3:linux', 'eastus', '0.096'],
        ['vm:standard_d2s_v3:linux', 'westeurope', '0.11'],
        ['vm:standard_d2s_v3:windows', 'eastus', '0.188'],
      ]);
    });

    it('skips Low Priority and Dev/Test prices with the reason, and counts items no rule wanted', () => {
      expect(result.skipped).toEqual([
        { path: '$.Items[2]', reason: 'vm:standard_d2s_v3:linux eastus: Low Priority price' },
        { path: '$.Items[6]', reason: 'vm:standard_d2s_v3:windows eastus: Dev/Test price, not the list price' },
      ]);
      expect(result.unmatched).toBe(3);
    });
  });

  it('builds tiers from tierMinimumUnits with a custom rule', () => {
    const result = loadAzureRetailPrices(page(), [BLOB_HOT_LRS]);
    expect(result.entries).toEqual([
      {
        sku: 'storage:blob:hot:lrs:capacity',
        region: 'westus',
        unit: 'GB',
        description: 'Blob Storage / Hot LRS / Hot LRS Data Stored',
        onDemand: '0.0208',
        tiers: [
          { upTo: '51200', price: '0.0208' },
          { upTo: '512000', price: '0.019968' },
          { upTo: null, price: '0.019136' },
        ],
        source: "Azure Retail Prices API (prices.azure.com), serviceName 'Storage'",
        asOf: '2024-02-01',
      },
    ]);
  });

  it('reads several pages, naming items by page', () => {
    const first = page();
    const second = { ...page(), Items: [{ ...first.Items[0], armRegionName: 'eastus2', currencyCode: 'EUR' }] };
    const result = loadAzureRetailPrices([first, second], AZURE_DEFAULT_RULES);
    expect(result.skipped).toContainEqual({
      path: '$[1].Items[0]',
      reason: "vm:standard_d2s_v3:linux: price in EUR, the catalog holds USD (query the API with currencyCode='USD')",
    });
    expect(result.entries).toHaveLength(3);
  });

  it('skips an item quoted in another unit than the rule expects', () => {
    const doc = page();
    doc.Items = [{ ...doc.Items[0], unitOfMeasure: '1 GB/Month' }];
    const result = loadAzureRetailPrices(doc, [{ ...BLOB_HOT_LRS, match: { serviceName: 'Virtual Machines' }, sku: () => 'vm:x', sourceUnit: '1 Hour' }]);
    expect(result.skipped).toEqual([{ path: '$.Items[0]', reason: 'vm:x: price is per "1 GB/Month", the rule expects "1 Hour"' }]);
  });

  it('names the JSON path of malformed input', () => {
    expect(() => loadAzureRetailPrices({ BillingCurrency: 'USD' }, AZURE_DEFAULT_RULES)).toThrow('$.Items: expected an array, got undefined');
    const doc = page();
    doc.Items = [{ ...doc.Items[0], retailPrice: 'x' }];
    expect(() => loadAzureRetailPrices(doc, AZURE_DEFAULT_RULES)).toThrow('$.Items[0].retailPrice: expected a decimal number, got "x"');
    doc.Items = [{ ...doc.Items[0], retailPrice: 1, effectiveStartDate: 'soon' }];
    expect(() => loadAzureRetailPrices(doc, AZURE_DEFAULT_RULES)).toThrow('$.Items[0].effectiveStartDate: expected an ISO 8601 date, got "soon"');
  });
});
