import { azureCosmosdbAccount, azureRegionName } from './cosmosdb';
import { azurePlan, estimate, lines, monthly, priced, reasonOf } from './__tests__/azure-plan';

const account = (extra: Record<string, unknown>) => ({ offer_type: 'Standard', kind: 'GlobalDocumentDB', consistency_policy: [{ consistency_level: 'Session' }], ...extra });

describe(azureCosmosdbAccount.types[0], () => {
  it('prices provisioned throughput and storage from usage in the account region', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_cosmosdb_account.db', after: account({ geo_location: [{ location: 'westus', failover_priority: 0 }] }), location: 'westus' }),
      'version: 0.1\nresource_usage:\n  azurerm_cosmosdb_account.db:\n    provisioned_throughput_rus: 400\n    storage_gb: 100\n',
    );
    // westus $0.008 per 100 RU/s-hour × 4 × 730 = $23.36; 100 GB × $0.25 = $25
    expect(lines(e, 'azurerm_cosmosdb_account.db')).toEqual([
      ['Provisioned throughput (single-region writes, westus)', '23.36'],
      ['Transactional storage (westus)', '25'],
    ]);
  });

  it('bills every geo_location region at the multi-region-write price (new and old attribute names)', () => {
    const usage = (name: string) => `  azurerm_cosmosdb_account.${name}:\n    provisioned_throughput_rus: 1000\n    storage_gb: 1000\n`;
    const regions = [
      { location: 'West US', failover_priority: 0 },
      { location: 'Central US', failover_priority: 1 },
    ];
    const e = estimate(
      azurePlan(
        { address: 'azurerm_cosmosdb_account.v4', after: account({ multiple_write_locations_enabled: true, geo_location: regions }), location: 'westus' },
        { address: 'azurerm_cosmosdb_account.v3', after: account({ enable_multiple_write_locations: true, geo_location: regions }), location: 'westus' },
      ),
      `version: 0.1\nresource_usage:\n${usage('v4')}${usage('v3')}`,
    );
    // per region: 10 × 100 RU/s × 730 h × $0.016 = $116.80 and 1,000 GB × $0.25 = $250 (West US and Central US)
    expect(lines(e, 'azurerm_cosmosdb_account.v4')).toEqual([
      ['Provisioned throughput (multi-region writes, westus)', '116.8'],
      ['Transactional storage (westus)', '250'],
      ['Provisioned throughput (multi-region writes, centralus)', '116.8'],
      ['Transactional storage (centralus)', '250'],
    ]);
    expect(monthly(e, 'azurerm_cosmosdb_account.v3')).toBe('733.6');
  });

  it('prices serverless request units from usage', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_cosmosdb_account.sl', after: account({ capabilities: [{ name: 'EnableServerless' }], geo_location: [{ location: 'westus', failover_priority: 0 }] }), location: 'westus' }),
      'version: 0.1\nresource_usage:\n  azurerm_cosmosdb_account.sl:\n    monthly_serverless_request_units: 10000000\n    storage_gb: 1000\n',
    );
    // 10M RUs × $0.279 per 1M = $2.79; 1,000 GB × $0.25 = $250
    expect(lines(e, 'azurerm_cosmosdb_account.sl')).toEqual([
      ['Request units (serverless)', '2.79'],
      ['Transactional storage (westus)', '250'],
    ]);
  });

  it('lists usage lines at zero without usage, and reports a region without a price', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_cosmosdb_account.empty', after: account({ geo_location: [{ location: 'westus', failover_priority: 0 }] }), location: 'westus' },
        { address: 'azurerm_cosmosdb_account.east', after: account({ geo_location: [{ location: 'East US', failover_priority: 0 }] }) },
        { address: 'azurerm_cosmosdb_account.nogeo', after: account({}), unknown: { geo_location: true }, location: 'westus' },
      ),
    );
    expect(monthly(e, 'azurerm_cosmosdb_account.empty')).toBe('0');
    expect(lines(e, 'azurerm_cosmosdb_account.empty')).toHaveLength(2);
    expect(reasonOf(e, 'azurerm_cosmosdb_account.east')).toBe('no list price for Cosmos DB in eastus');
    expect(priced(e, 'azurerm_cosmosdb_account.nogeo').assumptions).toContainEqual(expect.objectContaining({ attribute: 'geo_location', assumed: 'westus' }));
    expect(azureRegionName('North Europe')).toBe('northeurope');
  });

  it('gives the diff when the account is deleted', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_cosmosdb_account.db', actions: ['delete'], before: account({ geo_location: [{ location: 'westus', failover_priority: 0 }] }), after: null, location: 'westus' }),
      'version: 0.1\nresource_usage:\n  azurerm_cosmosdb_account.db:\n    provisioned_throughput_rus: 400\n',
    );
    // −(4 × 730 × $0.008) = −$23.36
    expect(priced(e, 'azurerm_cosmosdb_account.db').diffMonthlyCost.toDecimalString()).toBe('-23.36');
  });
});
