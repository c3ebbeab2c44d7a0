import Decimal from 'decimal.js';
import { UnsupportedResource, type ComponentDraft, type PricerContext, type ResourcePricer } from '../../engine/pricer';
import { monthlyHours, usageLine } from '../helpers';

/** `West US` / `westus` → the API region name `westus`. */
export function azureRegionName(location: string): string {
  return location.toLowerCase().replace(/\s+/g, '');
}

function regionsOf(ctx: PricerContext): string[] {
  const regions = ctx.values
    .blocks('geo_location')
    .map((g) => g.string('location'))
    .filter((l): l is string => l !== undefined)
    .map(azureRegionName);
  if (regions.length === 0) {
    ctx.note({ attribute: 'geo_location', assumed: ctx.region, cause: 'not known', reason: 'geo_location is required by the azurerm provider; assumed the account location only' });
    return [ctx.region];
  }
  return [...new Set(regions)];
}

const USAGE = [
  { key: 'provisioned_throughput_rus', unit: 'RU/s', description: 'Standard (manual) provisioned throughput of all databases and containers of the account, in RU/s' },
  { key: 'storage_gb', unit: 'GB', description: 'Transactional storage per region per month' },
  { key: 'monthly_serverless_request_units', unit: 'RUs', description: 'Request units consumed per month by a serverless account' },
] as const;

/**
 * `azurerm_cosmosdb_account`: throughput and storage are billed in every region of geo_location. Provisioned throughput
 * (the sum of the account's databases and containers, from the usage file) per 100 RU/s-hour at the single- or
 * multi-region-write price; serverless accounts bill request units (usage); storage per GB per region (usage).
 */
export const azureCosmosdbAccount: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_cosmosdb_account'],
  usage: USAGE,
  price(ctx) {
    const capabilities = ctx.values
      .blocks('capabilities')
      .map((c) => c.string('name'))
      .filter((n): n is string => n !== undefined);
    const serverless = capabilities.includes('EnableServerless');
    // azurerm 4.x renamed enable_multiple_write_locations to multiple_write_locations_enabled.
    const multiWrite = ctx.values.boolean('multiple_write_locations_enabled') ?? ctx.values.boolean('enable_multiple_write_locations') ?? false;
    const regions = regionsOf(ctx);
    const lines: ComponentDraft[] = [];
    if (serverless) {
      const sku = 'cosmosdb:serverless:request-units';
      if (!ctx.hasPrice(sku, regions[0])) throw new UnsupportedResource(`no list price for Cosmos DB serverless request units in ${regions[0]}`);
      lines.push(usageLine(ctx, 'monthly_serverless_request_units', { name: 'Request units (serverless)', unit: '1M RUs', sku, region: regions[0] }, new Decimal(1).div(1_000_000)));
    }
    const throughputSku = multiWrite ? 'cosmosdb:provisioned:multi-region-write' : 'cosmosdb:provisioned:single-region-write';
    const rus = ctx.usage('provisioned_throughput_rus');
    for (const region of regions) {
      if (!ctx.hasPrice('cosmosdb:transactional-storage', region)) throw new UnsupportedResource(`no list price for Cosmos DB in ${region}`);
      if (!serverless) {
        lines.push({
          name: `Provisioned throughput (${multiWrite ? 'multi-region writes' : 'single-region writes'}, ${region})`,
          unit: '100 RU/s-hours',
          monthlyQuantity: rus === undefined ? 0 : monthlyHours(new Decimal(rus).div(100)),
          sku: throughputSku,
          region,
          usageBased: true,
        });
      }
      lines.push(usageLine(ctx, 'storage_gb', { name: `Transactional storage (${region})`, unit: 'GB', sku: 'cosmosdb:transactional-storage', region, onDemandOnly: true }));
    }
    return lines;
  },
};

export const AZURE_COSMOSDB_PRICERS: readonly ResourcePricer[] = [azureCosmosdbAccount];
