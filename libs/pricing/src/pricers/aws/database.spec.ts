import { awsDbInstance, awsDynamodbTable, awsRdsCluster, awsRdsClusterInstance } from './database';
import { estimateOf, lines, priceOne, unsupportedReason } from './test-plan';

describe(awsDbInstance.types[0] ?? 'aws_db_instance', () => {
  it('prices a MySQL Single-AZ instance with gp2 storage and backup usage', () => {
    const r = priceOne(
      { type: 'aws_db_instance', after: { engine: 'mysql', instance_class: 'db.t3.large', allocated_storage: 20 } },
      { usage: 'version: 0.1\nresource_usage:\n  aws_db_instance.r0:\n    additional_backup_storage_gb: 1000\n' },
    );
    expect(lines(r)).toEqual({
      // db.t3.large MySQL us-east-1 $0.136/h × 730 = $99.28 (Infracost golden db_instance_test: $99.28)
      'Database instance (MySQL, Single-AZ, db.t3.large)': '99.28',
      // gp2 $0.115 × 20 GB = $2.30
      'Storage (general purpose SSD, gp2)': '2.3',
      // backup $0.095 × 1000 GB = $95
      'Additional backup storage': '95',
    });
  });

  it('prices Multi-AZ PostgreSQL with io1 storage and IOPS', () => {
    const r = priceOne({ type: 'aws_db_instance', after: { engine: 'postgres', instance_class: 'db.m5.large', multi_az: true, storage_type: 'io1', allocated_storage: 100, iops: 3000 } });
    expect(lines(r)).toEqual({
      // db.m5.large PostgreSQL Multi-AZ $0.356/h × 730 = $259.88
      'Database instance (PostgreSQL, Multi-AZ, db.m5.large)': '259.88',
      // io1 Multi-AZ $0.25 × 100 = $25; 3000 IOPS × $0.20 = $600
      'Storage (provisioned IOPS SSD, io1)': '25',
      'Provisioned IOPS (io1)': '600',
      'Additional backup storage': '0',
    });
  });

  it('bills gp3 IOPS above the 12,000 baseline from 400 GB', () => {
    const r = priceOne({ type: 'aws_db_instance', after: { engine: 'mysql', instance_class: 'db.t4g.small', storage_type: 'gp3', allocated_storage: 400, iops: 14000 } });
    // Infracost golden db_instance_test gp3["above_high_baseline"]: $23.36 + $46.00 + $40.00
    expect(lines(r)).toMatchObject({ 'Database instance (MySQL, Single-AZ, db.t4g.small)': '23.36', 'Storage (general purpose SSD, gp3)': '46', 'Provisioned IOPS (gp3, above 12,000)': '40' });
  });

  it('prices licence-included SQL Server and Oracle editions and Oracle BYOL', () => {
    // db.m5.xlarge SQL Server SE licence included $1.224/h × 730 = $893.52 (golden: $893.52)
    expect(lines(priceOne({ type: 'aws_db_instance', after: { engine: 'sqlserver-se', instance_class: 'db.m5.xlarge', allocated_storage: 20 } }))['Database instance (SQL Server SE, licence included, Single-AZ, db.m5.xlarge)']).toBe('893.52');
    // db.t3.large Oracle SE2 licence included $0.30/h × 730 = $219 (golden: $219.00)
    const se2 = priceOne({ type: 'aws_db_instance', after: { engine: 'oracle-se2', instance_class: 'db.t3.large' } });
    expect(se2.components[0]?.monthlyCost.toDecimalString()).toBe('219');
    expect(se2.assumptions.find((a) => a.attribute === 'license_model')?.assumed).toBe('license-included');
    // Oracle EE is BYOL: $0.136/h × 730 = $99.28 (golden)
    expect(priceOne({ type: 'aws_db_instance', after: { engine: 'oracle-ee', instance_class: 'db.t3.large' } }).components[0]?.monthlyCost.toDecimalString()).toBe('99.28');
  });

  it('takes the 1-year reserved price with a commitment (storage stays on-demand)', () => {
    const r = priceOne({ type: 'aws_db_instance', after: { engine: 'mysql', instance_class: 'db.t3.large', multi_az: true, allocated_storage: 20 } }, { commitment: '1y' });
    // RDS RI 1y no upfront Multi-AZ db.t3.large MySQL $0.1914/h × 730 = $139.722 (golden: $139.72); gp2 Multi-AZ $0.23 × 20 = $4.60
    expect(lines(r)).toMatchObject({ 'Database instance (MySQL, Multi-AZ, db.t3.large)': '139.722', 'Storage (general purpose SSD, gp2)': '4.6' });
    expect(r.components.map((c) => c.term)).toEqual(['1y', 'on-demand', 'on-demand']);
  });

  it('assumes documented defaults for unset storage and unknown multi_az', () => {
    const r = priceOne({ type: 'aws_db_instance', after: { engine: 'postgres', instance_class: 'db.t3.micro' }, afterUnknown: { multi_az: true } });
    expect(r.assumptions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ attribute: 'multi_az', assumed: 'false', cause: 'unknown at plan time' }),
        expect.objectContaining({ attribute: 'storage_type', assumed: 'gp2', cause: 'not set' }),
        expect.objectContaining({ attribute: 'allocated_storage', assumed: '20' }),
      ]),
    );
    // db.t3.micro PostgreSQL $0.018 × 730 = $13.14; gp2 $0.115 × 20 = $2.30
    expect(r.monthlyCost.toDecimalString()).toBe('15.44');
  });

  it('is unsupported for a class or region without a price and for unknown engines', () => {
    expect(unsupportedReason({ type: 'aws_db_instance', after: { engine: 'mysql', instance_class: 'db.x9.huge' } })).toBe('no list price for db.x9.huge MySQL Single-AZ in us-east-1');
    expect(unsupportedReason({ type: 'aws_db_instance', after: { engine: 'mysql', instance_class: 'db.t3.large' } }, { region: 'eu-west-1' })).toBe('no list price for db.t3.large MySQL Single-AZ in eu-west-1');
    expect(unsupportedReason({ type: 'aws_db_instance', after: { engine: 'db2-se', instance_class: 'db.t3.large' } })).toMatch(/engine db2-se is not priced/);
  });

  it('shows the saving of a downsize', () => {
    const [r] = estimateOf([{ type: 'aws_db_instance', actions: ['update'], before: { engine: 'mysql', instance_class: 'db.m5.xlarge', allocated_storage: 50 }, after: { engine: 'mysql', instance_class: 'db.m5.large', allocated_storage: 50 } }]).resources;
    // ($0.171 − $0.342) × 730 = −$124.83
    expect(r?.diffMonthlyCost.toDecimalString()).toBe('-124.83');
  });
});

describe(awsRdsCluster.types[0] ?? 'aws_rds_cluster', () => {
  it('prices Aurora storage, I/O and backup from usage', () => {
    const r = priceOne(
      { type: 'aws_rds_cluster', after: { engine: 'aurora-postgresql' } },
      { usage: 'version: 0.1\nresource_usage:\n  aws_rds_cluster.r0:\n    storage_gb: 200\n    monthly_io_requests: 50000000\n    backup_snapshot_size_gb: 100\n' },
    );
    // $0.10 × 200 GB = $20; 50M I/O × $0.20 per 1M = $10; backup $0.021 × 100 = $2.10
    expect(lines(r)).toEqual({ 'Storage (Aurora Standard)': '20', 'I/O requests': '10', 'Backup storage': '2.1' });
  });

  it('lists usage lines at zero without a usage file and rejects I/O-Optimized and Serverless v1', () => {
    expect(priceOne({ type: 'aws_rds_cluster', after: { engine: 'aurora-mysql' } }).monthlyCost.toDecimalString()).toBe('0');
    expect(unsupportedReason({ type: 'aws_rds_cluster', after: { engine: 'aurora-mysql', storage_type: 'aurora-iopt1' } })).toMatch(/I\/O-Optimized/);
    expect(unsupportedReason({ type: 'aws_rds_cluster', after: { engine: 'aurora-mysql', engine_mode: 'serverless' } })).toMatch(/Serverless v1/);
  });
});

describe(awsRdsClusterInstance.types[0] ?? 'aws_rds_cluster_instance', () => {
  it('prices an Aurora instance and a Serverless v2 instance from average ACUs', () => {
    // Aurora PostgreSQL db.r6g.large $0.26/h × 730 = $189.80
    expect(priceOne({ type: 'aws_rds_cluster_instance', after: { engine: 'aurora-postgresql', instance_class: 'db.r6g.large' } }).monthlyCost.toDecimalString()).toBe('189.8');
    // 2.5 ACUs × 730 h × $0.12 = $219
    const v2 = priceOne({ type: 'aws_rds_cluster_instance', after: { engine: 'aurora-mysql', instance_class: 'db.serverless' } }, { usage: 'version: 0.1\nresource_type_default_usage:\n  aws_rds_cluster_instance:\n    average_acus: 2.5\n' });
    expect(v2.monthlyCost.toDecimalString()).toBe('219');
  });
});

describe(awsDynamodbTable.types[0] ?? 'aws_dynamodb_table', () => {
  it('prices provisioned capacity and storage', () => {
    const r = priceOne({ type: 'aws_dynamodb_table', after: { billing_mode: 'PROVISIONED', read_capacity: 100, write_capacity: 20 } }, { usage: 'version: 0.1\nresource_usage:\n  aws_dynamodb_table.r0:\n    storage_gb: 50\n' });
    // 20 WCU × 730 × $0.00065 = $9.49; 100 RCU × 730 × $0.00013 = $9.49; 50 GB × $0.25 = $12.50
    expect(lines(r)).toEqual({ 'Write capacity units (provisioned)': '9.49', 'Read capacity units (provisioned)': '9.49', Storage: '12.5' });
  });

  it('prices on-demand request units from usage', () => {
    const r = priceOne({ type: 'aws_dynamodb_table', after: { billing_mode: 'PAY_PER_REQUEST' } }, { usage: 'version: 0.1\nresource_usage:\n  aws_dynamodb_table.r0:\n    monthly_write_request_units: 4000000\n    monthly_read_request_units: 20000000\n' });
    // 4M WRU × $0.625 per 1M = $2.50; 20M RRU × $0.125 per 1M = $2.50
    expect(r.monthlyCost.toDecimalString()).toBe('5');
  });
});
