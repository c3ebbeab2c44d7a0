import { estimateOf, monthly, priced } from './test-plan';
import { gcpSqlDatabaseInstance } from './database';

const sql = (settings: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'google_sql_database_instance',
  name: 'db',
  after: { region: 'us-central1', database_version: 'POSTGRES_15', settings: [settings], ...extra },
});

describe(gcpSqlDatabaseInstance.types[0], () => {
  it('prices a zonal db-custom instance: vCPU, memory and SSD storage', () => {
    const e = estimateOf([sql({ tier: 'db-custom-2-7680', disk_size: 10 })]);
    // 2 vCPU × 730 × $0.0413 = $60.298; 7.5 GB × 730 × $0.007 = $38.325; 10 GB SSD × $0.17 = $1.70
    expect(monthly(e, 'google_sql_database_instance.db')).toBe('100.32');
  });

  it('doubles compute and storage for availability_type REGIONAL', () => {
    const e = estimateOf([sql({ tier: 'db-custom-2-7680', disk_size: 10, availability_type: 'REGIONAL' })]);
    // 2 × 730 × $0.0826 = $120.596; 7.5 × 730 × $0.014 = $76.65; 10 × $0.34 = $3.40
    expect(monthly(e, 'google_sql_database_instance.db')).toBe('200.65');
  });

  it('prices shared-core tiers, HDD storage and backups from usage', () => {
    const e = estimateOf([sql({ tier: 'db-g1-small', disk_type: 'PD_HDD', disk_size: 20 })], { usage: { 'google_sql_database_instance.db': { backup_storage_gb: 50 } } });
    // db-g1-small $0.035 × 730 = $25.55; 20 GB HDD × $0.09 = $1.80; 50 GB backups × $0.08 = $4.00
    expect(monthly(e, 'google_sql_database_instance.db')).toBe('31.35');
  });

  it('adds the SQL Server licence per vCPU', () => {
    const e = estimateOf([sql({ tier: 'db-custom-4-16384', disk_size: 10 }, { database_version: 'SQLSERVER_2019_STANDARD' })]);
    // 4 × 730 × $0.0413 = $120.596; 16 × 730 × $0.007 = $81.76; SSD $1.70; licence 4 × 730 × $0.13 = $379.60
    expect(monthly(e, 'google_sql_database_instance.db')).toBe('583.66');
  });

  it('applies the Cloud SQL CUD prices to vCPU and memory only', () => {
    const plan = [sql({ tier: 'db-custom-2-7680', disk_size: 10 })];
    // 1y (25% off): 2 × 730 × $0.030975 + 7.5 × 730 × $0.00525 = $45.2235 + $28.74375; SSD $1.70 on-demand
    expect(monthly(estimateOf(plan, { commitment: '1y' }), 'google_sql_database_instance.db')).toBe('75.67');
    // 3y (52% off): 2 × 730 × $0.019824 + 7.5 × 730 × $0.00336 = $28.94304 + $18.396; SSD $1.70
    expect(monthly(estimateOf(plan, { commitment: '3y' }), 'google_sql_database_instance.db')).toBe('49.04');
  });

  it('assumes documented defaults for unknown settings', () => {
    const e = estimateOf([{ ...sql({ tier: 'db-custom-1-3840' }), afterUnknown: { settings: [{ disk_size: true }] } }]);
    const r = priced(e, 'google_sql_database_instance.db');
    // 730 × $0.0413 + 3.75 × 730 × $0.007 + 10 GB × $0.17 = $30.149 + $19.1625 + $1.70
    expect(r.monthlyCost.toFixed(2)).toBe('51.01');
    expect(r.assumptions.find((a) => a.attribute === 'settings[0].disk_size')?.cause).toBe('unknown at plan time');
  });

  it('reports Enterprise Plus, unknown tiers and regions without prices as unsupported', () => {
    const e = estimateOf([
      { ...sql({ tier: 'db-perf-optimized-N-8', edition: 'ENTERPRISE_PLUS' }), name: 'plus' },
      { ...sql({ tier: 'db-weird-1' }), name: 'weird' },
      { ...sql({ tier: 'db-custom-1-3840' }, { region: 'europe-west1' }), name: 'eu' },
    ]);
    expect(e.unsupported.map((u) => u.reason)).toEqual([
      'no list price for Cloud SQL Enterprise Plus in us-central1: the edition is not in the catalog',
      'no list price for Cloud SQL tier db-weird-1 in us-central1',
      'no list price for Cloud SQL tier db-custom-1-3840 (zonal) in europe-west1',
    ]);
  });
});
