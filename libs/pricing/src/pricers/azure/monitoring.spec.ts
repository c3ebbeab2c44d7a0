import { azureLogAnalyticsWorkspace } from './monitoring';
import { azurePlan, estimate, lines, monthly, priced, reasonOf } from './__tests__/azure-plan';

describe(azureLogAnalyticsWorkspace.types[0], () => {
  it('prices PerGB2018 ingestion, retention beyond 31 days and archive from usage', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_log_analytics_workspace.logs', after: { sku: 'PerGB2018', retention_in_days: 90 }, location: 'westeurope' }),
      'version: 0.1\nresource_usage:\n  azurerm_log_analytics_workspace.logs:\n    monthly_log_data_ingestion_gb: 20\n    monthly_log_data_retention_gb: 30\n    monthly_archive_data_gb: 70\n',
    );
    // westeurope: 20 GB × $2.99 = $59.80; 30 GB × $0.13 = $3.90; 70 GB × $0.026 = $1.82
    expect(lines(e, 'azurerm_log_analytics_workspace.logs')).toEqual([
      ['Log data ingestion', '59.8'],
      ['Data retention (90 days, beyond the free 31)', '3.9'],
      ['Archived data', '1.82'],
    ]);
  });

  it('prices a commitment tier per day, under the current and the misspelt attribute', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_log_analytics_workspace.cr', after: { sku: 'CapacityReservation', reservation_capacity_in_gb_per_day: 100 }, location: 'westeurope' },
        { address: 'azurerm_log_analytics_workspace.typo', after: { sku: 'CapacityReservation', reservation_capcity_in_gb_per_day: 100 }, location: 'westeurope' },
      ),
    );
    // 100 GB/day tier $252.84/day × 730/24 days = $7,690.55
    expect(lines(e, 'azurerm_log_analytics_workspace.cr')[0]).toEqual(['Commitment tier (100 GB/day)', '7690.55']);
    expect(monthly(e, 'azurerm_log_analytics_workspace.typo')).toBe('7690.55');
  });

  it('assumes the default sku and retention, prices Free at nothing and reports legacy skus and missing prices', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_log_analytics_workspace.default', after: {}, location: 'westeurope' },
        { address: 'azurerm_log_analytics_workspace.free', after: { sku: 'Free' }, location: 'westeurope' },
        { address: 'azurerm_log_analytics_workspace.node', after: { sku: 'PerNode' }, location: 'westeurope' },
        { address: 'azurerm_log_analytics_workspace.big', after: { sku: 'CapacityReservation', reservation_capacity_in_gb_per_day: 200 }, location: 'westeurope' },
        { address: 'azurerm_log_analytics_workspace.us', after: { sku: 'PerGB2018' } },
      ),
    );
    expect(lines(e, 'azurerm_log_analytics_workspace.default')).toEqual([
      ['Log data ingestion', '0'],
      ['Archived data', '0'],
    ]);
    const assumed = priced(e, 'azurerm_log_analytics_workspace.default').assumptions.map((a) => [a.attribute, a.assumed]);
    expect(assumed).toEqual([
      ['sku', 'PerGB2018'],
      ['retention_in_days', '30'],
    ]);
    expect(monthly(e, 'azurerm_log_analytics_workspace.free')).toBe('0');
    expect(reasonOf(e, 'azurerm_log_analytics_workspace.node')).toBe('Log Analytics legacy sku PerNode is not priced (PerGB2018 and CapacityReservation are)');
    expect(reasonOf(e, 'azurerm_log_analytics_workspace.big')).toBe('no list price for the Log Analytics 200 GB/day commitment tier in westeurope');
    expect(reasonOf(e, 'azurerm_log_analytics_workspace.us')).toBe('no list price for Log Analytics in eastus');
  });

  it('gives the diff of a move from PerGB2018 to a commitment tier', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_log_analytics_workspace.w', actions: ['update'], before: { sku: 'PerGB2018' }, after: { sku: 'CapacityReservation', reservation_capacity_in_gb_per_day: 100 }, location: 'westeurope' }),
      'version: 0.1\nresource_usage:\n  azurerm_log_analytics_workspace.w:\n    monthly_log_data_ingestion_gb: 3000\n',
    );
    // $7,690.55 − 3,000 GB × $2.99 ($8,970) = −$1,279.45
    expect(priced(e, 'azurerm_log_analytics_workspace.w').diffMonthlyCost.toDecimalString()).toBe('-1279.45');
  });
});
