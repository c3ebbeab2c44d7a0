import { azureMysqlFlexibleServer, azurePostgresqlFlexibleServer, parseFlexibleSku } from './database';
import { azurePlan, estimate, lines, monthly, priced, reasonOf } from './__tests__/azure-plan';

describe(azurePostgresqlFlexibleServer.types[0], () => {
  it('prices compute hours, provisioned storage and backup storage from usage', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_postgresql_flexible_server.db', after: { sku_name: 'GP_Standard_D4s_v3', storage_mb: 131072 }, location: 'westus' }),
      'version: 0.1\nresource_usage:\n  azurerm_postgresql_flexible_server.db:\n    additional_backup_storage_gb: 5000\n',
    );
    // westus GP D4s_v3 $0.39/h × 730 = $284.70; 128 GB × $0.138 = $17.664; 5,000 GB backup × $0.095 = $475
    expect(lines(e, 'azurerm_postgresql_flexible_server.db')).toEqual([
      ['Compute (General Purpose, Standard_D4s_v3)', '284.7'],
      ['Storage', '17.664'],
      ['Additional backup storage', '475'],
    ]);
  });

  it('doubles compute and storage with high availability and assumes the default storage size', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_postgresql_flexible_server.ha', after: { sku_name: 'MO_Standard_E4s_v3', high_availability: [{ mode: 'ZoneRedundant' }] }, unknown: { storage_mb: true }, location: 'westus' }),
    );
    // 2 × $0.524 × 730 = $765.04; 2 × 32 GB × $0.138 = $8.832
    expect(lines(e, 'azurerm_postgresql_flexible_server.ha')).toEqual([
      ['Compute (Memory Optimized, Standard_E4s_v3 × 2 for ZoneRedundant HA)', '765.04'],
      ['Storage × 2 for ZoneRedundant HA', '8.832'],
      ['Additional backup storage', '0'],
    ]);
    expect(priced(e, 'azurerm_postgresql_flexible_server.ha').assumptions).toContainEqual(expect.objectContaining({ attribute: 'storage_mb', assumed: '32768', cause: 'unknown at plan time' }));
  });

  it('reports a region without a price and a malformed sku_name as unsupported', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_postgresql_flexible_server.east', after: { sku_name: 'GP_Standard_D4s_v3', storage_mb: 32768 } },
        { address: 'azurerm_postgresql_flexible_server.bad', after: { sku_name: 'Standard_D4s_v3' }, location: 'westus' },
      ),
    );
    expect(reasonOf(e, 'azurerm_postgresql_flexible_server.east')).toBe('no list price for PostgreSQL flexible server GP_Standard_D4s_v3 in eastus');
    expect(reasonOf(e, 'azurerm_postgresql_flexible_server.bad')).toBe(
      'PostgreSQL flexible server sku_name Standard_D4s_v3 is not of the form B_Standard_B1ms, GP_Standard_D2ds_v4 or MO_Standard_E4ds_v4',
    );
    expect(parseFlexibleSku('MySQL', 'B_Standard_B1ms')).toEqual({ tier: 'Burstable', size: 'Standard_B1ms' });
  });

  it('gives the diff when the server is resized', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_postgresql_flexible_server.db', actions: ['update'], before: { sku_name: 'GP_Standard_D4s_v3', storage_mb: 32768 }, after: { sku_name: 'GP_Standard_D16s_v3', storage_mb: 32768 }, location: 'westus' }),
    );
    // ($1.56 − $0.39) × 730 = $854.10
    expect(priced(e, 'azurerm_postgresql_flexible_server.db').diffMonthlyCost.toDecimalString()).toBe('854.1');
  });
});

describe(azureMysqlFlexibleServer.types[0], () => {
  it('prices compute, storage and IOPS above the free 300 + 3 per GB', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_mysql_flexible_server.mo', after: { sku_name: 'MO_Standard_E4ds_v4', storage: [{ size_gb: 20, iops: 500 }] }, location: 'westus' },
        { address: 'azurerm_mysql_flexible_server.b', after: { sku_name: 'B_Standard_B1ms', storage: [{ size_gb: 30, iops: 360 }] }, location: 'westus' },
      ),
    );
    // $0.524 × 730 = $382.52; 20 GB × $0.138 = $2.76; (500 − 360) IOPS × $0.06 = $8.40
    expect(lines(e, 'azurerm_mysql_flexible_server.mo')).toEqual([
      ['Compute (Memory Optimized, Standard_E4ds_v4)', '382.52'],
      ['Storage', '2.76'],
      ['Additional IOPS', '8.4'],
      ['Additional backup storage', '0'],
    ]);
    // $0.022 × 730 = $16.06; 30 GB × $0.138 = $4.14; 360 IOPS are within the free 390
    expect(monthly(e, 'azurerm_mysql_flexible_server.b')).toBe('20.2');
  });
});
