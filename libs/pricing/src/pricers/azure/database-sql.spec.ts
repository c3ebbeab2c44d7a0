import { azureMssqlDatabase, parseVcoreSku } from './database-sql';
import { azurePlan, estimate, lines, monthly, priced, reasonOf } from './__tests__/azure-plan';

const db = (after: Record<string, unknown>) => ({ server_id: '/subscriptions/x/servers/s', ...after });

describe(azureMssqlDatabase.types[0], () => {
  it('prices General Purpose vCore compute, licence, storage and backups from usage', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_mssql_database.gp', after: db({ sku_name: 'GP_Gen5_4', max_size_gb: 100, storage_account_type: 'Local' }) }),
      'version: 0.1\nresource_usage:\n  azurerm_mssql_database.gp:\n    long_term_retention_storage_gb: 1000\n    backup_storage_gb: 500\n',
    );
    // eastus GP Gen5: 4 vCores × 730 h × $0.152216 = $444.47072; licence 2,920 × $0.099966 = $291.90072
    // storage 100 GB × $0.115 = $11.50; LTR (LRS) 1,000 GB × $0.025 = $25; PITR (LRS) 500 GB × $0.10 = $50
    expect(lines(e, 'azurerm_mssql_database.gp')).toEqual([
      ['Compute (General Purpose, GP_Gen5_4)', '444.47072'],
      ['SQL license (Standard edition)', '291.90072'],
      ['Storage', '11.5'],
      ['Long-term retention (Local)', '25'],
      ['Point-in-time backup storage (Local)', '50'],
    ]);
  });

  it('adds the zone-redundancy add-on, drops the licence with BasePrice and assumes an unknown max size', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_mssql_database.zr', after: db({ sku_name: 'GP_Gen5_4', zone_redundant: true, license_type: 'BasePrice' }), unknown: { max_size_gb: true } }),
    );
    // $444.47072; zone redundancy 2,920 × $0.0913288 = $266.680096; zone-redundant storage 32 GB × $0.23 = $7.36
    expect(lines(e, 'azurerm_mssql_database.zr')).toEqual([
      ['Compute (General Purpose, GP_Gen5_4)', '444.47072'],
      ['Zone redundancy (GP_Gen5_4)', '266.680096'],
      ['Storage (zone redundant)', '7.36'],
      ['Long-term retention (Geo)', '0'],
      ['Point-in-time backup storage (Geo)', '0'],
    ]);
    const assumptions = priced(e, 'azurerm_mssql_database.zr').assumptions.map((a) => [a.attribute, a.assumed, a.cause]);
    expect(assumptions).toContainEqual(['max_size_gb', '32', 'unknown at plan time']);
    expect(assumptions).toContainEqual(['storage_account_type', 'Geo', 'not set']);
  });

  it('prices Business Critical (zone redundancy included) and serverless vCore-hours from usage', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_mssql_database.bc', after: db({ sku_name: 'BC_Gen5_8', max_size_gb: 10, zone_redundant: true }) },
        { address: 'azurerm_mssql_database.sl', after: db({ sku_name: 'GP_S_Gen5_4' }) },
      ),
      'version: 0.1\nresource_usage:\n  azurerm_mssql_database.sl:\n    monthly_vcore_hours: 500\n',
    );
    // 8 × 730 × $0.304435 = $1,777.9004; licence 5,840 × $0.375 = $2,190; 10 GB × $0.25 = $2.50
    expect(monthly(e, 'azurerm_mssql_database.bc')).toBe('3970.4004');
    // 500 vCore-hours × $0.52176 = $260.88; 32 GB (assumed) × $0.115 = $3.68
    expect(lines(e, 'azurerm_mssql_database.sl').slice(0, 2)).toEqual([
      ['Compute (serverless, GP_S_Gen5_4)', '260.88'],
      ['Storage', '3.68'],
    ]);
  });

  it('prices DTU objectives per day and extra storage above the included size', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_mssql_database.s1', after: db({ sku_name: 'S1' }) },
        { address: 'azurerm_mssql_database.s12', after: db({ sku_name: 'S12', max_size_gb: 500 }) },
        { address: 'azurerm_mssql_database.p6', after: db({ sku_name: 'P6', max_size_gb: 1000 }) },
      ),
    );
    // S1 $0.9677/day × 730/24 days = $29.434208
    expect(lines(e, 'azurerm_mssql_database.s1')[0]).toEqual(['Compute (DTU, S1)', '29.434208']);
    // S12 $145.17/day × 730/24 = $4,415.5875; (500 − 250) GB × $0.17 = $42.50
    expect(monthly(e, 'azurerm_mssql_database.s12')).toBe('4458.0875');
    // P6 $120/day × 730/24 = $3,650; (1,000 − 500) GB × $0.34 = $170
    expect(monthly(e, 'azurerm_mssql_database.p6')).toBe('3820');
  });

  it('reports Hyperscale, unknown objectives, missing prices and unpriced backup redundancy as unsupported', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_mssql_database.hs', after: db({ sku_name: 'HS_Gen5_2' }) },
        { address: 'azurerm_mssql_database.s0', after: db({ sku_name: 'S0' }) },
        { address: 'azurerm_mssql_database.odd', after: db({ sku_name: 'Turbo' }) },
        { address: 'azurerm_mssql_database.west', after: db({ sku_name: 'GP_Gen5_4' }), location: 'westus' },
        { address: 'azurerm_mssql_database.gz', after: db({ sku_name: 'GP_Gen5_4', storage_account_type: 'GeoZone' }) },
      ),
    );
    expect(reasonOf(e, 'azurerm_mssql_database.hs')).toBe('SQL Database Hyperscale (HS_Gen5_2) is not priced yet');
    expect(reasonOf(e, 'azurerm_mssql_database.s0')).toBe('no list price for SQL Database DTU service objective S0 in eastus');
    expect(reasonOf(e, 'azurerm_mssql_database.odd')).toBe(
      'SQL Database sku_name Turbo is not a DTU objective (Basic, S0-S12, P1-P15) or a vCore sku (GP_Gen5_4, GP_S_Gen5_2, BC_Gen5_8)',
    );
    expect(reasonOf(e, 'azurerm_mssql_database.west')).toBe('no list price for SQL Database GP_Gen5_4 in westus');
    expect(reasonOf(e, 'azurerm_mssql_database.gz')).toBe('SQL Database backup storage redundancy GeoZone is not priced yet (Geo, Local and Zone are)');
    expect(parseVcoreSku('GP_S_Gen5_2')).toEqual({ tier: 'gp', serverless: true, family: 'Gen5', vcores: 2 });
  });

  it('bills only backups for a database in an elastic pool', () => {
    const e = estimate(azurePlan({ address: 'azurerm_mssql_database.pooled', after: db({ sku_name: 'ElasticPool' }), unknown: { elastic_pool_id: true } }));
    expect(lines(e, 'azurerm_mssql_database.pooled').map(([n]) => n)).toEqual(['Long-term retention (Geo)', 'Point-in-time backup storage (Geo)']);
    expect(priced(e, 'azurerm_mssql_database.pooled').assumptions).toContainEqual(expect.objectContaining({ attribute: 'elastic_pool_id' }));
  });

  it('stays on-demand under a 1-year commitment (no reservation price listed) and gives the diff of a resize', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_mssql_database.gp', actions: ['update'], before: db({ sku_name: 'GP_Gen5_4', max_size_gb: 32 }), after: db({ sku_name: 'GP_Gen5_8', max_size_gb: 32 }) }),
      undefined,
      { commitment: '1y' },
    );
    const r = priced(e, 'azurerm_mssql_database.gp');
    expect(r.components[0]?.term).toBe('on-demand');
    // 4 more vCores × 730 × ($0.152216 + $0.099966) = $736.37144
    expect(r.diffMonthlyCost.toDecimalString()).toBe('736.37144');
  });
});
