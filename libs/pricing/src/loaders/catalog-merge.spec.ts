import { type CatalogFile, CatalogError } from '../catalog/catalog';
import { formatCatalogChanges, mergeCatalogFile } from './catalog-merge';
import { type LoadedPrice } from './price-list';

const SOURCE = 'AWS Price List Bulk API, AmazonEC2 offer, publicationDate 2025-03-14T19:22:41Z';

function price(sku: string, region: string, onDemand: string, extra: Partial<LoadedPrice> = {}): LoadedPrice {
  return { sku, region, unit: 'hours', description: sku, onDemand, source: SOURCE, asOf: '2025-03-14', ...extra };
}

const existing: CatalogFile = {
  cloud: 'aws',
  service: 'AmazonEC2',
  entries: [
    price('ec2:instance:t3.medium:linux', 'us-east-1', '0.0416', { commit1y: '0.0270', source: 'older list', asOf: '2025-01-01' }),
    price('ec2:instance:t3.medium:windows', 'us-east-1', '0.0600', { source: 'older list', asOf: '2025-01-01' }),
    price('ec2:instance:t2.nano:linux', 'us-east-1', '0.0058', { source: 'older list', asOf: '2025-01-01' }),
    price('s3:standard:storage', 'us-east-1', '0.023', {
      unit: 'GB',
      tiers: [
        { upTo: '51200', price: '0.023' },
        { upTo: null, price: '0.022' },
      ],
      source: 'older list',
      asOf: '2025-01-01',
    }),
  ],
};

const loaded: LoadedPrice[] = [
  price('ec2:instance:t3.medium:linux', 'us-east-1', '0.0416', { commit1y: '0.026', commit3y: '0.018' }),
  price('ec2:instance:t3.medium:windows', 'us-east-1', '0.06'),
  price('ec2:instance:m5.large:linux', 'eu-west-1', '0.107'),
  price('s3:standard:storage', 'us-east-1', '0.023', {
    unit: 'GB',
    tiers: [
      { upTo: '51200', price: '0.023' },
      { upTo: '512000', price: '0.022' },
      { upTo: null, price: '0.021' },
    ],
  }),
];

describe(mergeCatalogFile.name, () => {
  it('replaces same sku+region in place, appends new entries and keeps the others', () => {
    const { file } = mergeCatalogFile(existing, loaded);
    expect(file.entries.map((e) => `${e.sku} ${e.region} ${e.onDemand} ${e.source}`)).toEqual([
      `ec2:instance:t3.medium:linux us-east-1 0.0416 ${SOURCE}`,
      `ec2:instance:t3.medium:windows us-east-1 0.06 ${SOURCE}`,
      'ec2:instance:t2.nano:linux us-east-1 0.0058 older list',
      `s3:standard:storage us-east-1 0.023 ${SOURCE}`,
      `ec2:instance:m5.large:linux eu-west-1 0.107 ${SOURCE}`,
    ]);
    expect(file.cloud).toBe('aws');
    expect(file.service).toBe('AmazonEC2');
  });

  it('summarises added, changed (old → new, per term and tiers) and unchanged prices', () => {
    const { summary } = mergeCatalogFile(existing, loaded);
    expect(summary).toEqual({
      added: [{ sku: 'ec2:instance:m5.large:linux', region: 'eu-west-1', onDemand: '0.107' }],
      changed: [
        {
          sku: 'ec2:instance:t3.medium:linux',
          region: 'us-east-1',
          changes: [
            { field: 'commit1y', from: '0.027', to: '0.026' },
            { field: 'commit3y', from: undefined, to: '0.018' },
          ],
        },
        {
          sku: 's3:standard:storage',
          region: 'us-east-1',
          changes: [{ field: 'tiers', from: '0.023 ≤51200, 0.022', to: '0.023 ≤51200, 0.022 ≤512000, 0.021' }],
        },
      ],
      removed: [],
      unchanged: 1, // 0.0600 → 0.06 is the same price
    });
  });

  it('removes entries the refresh is authoritative for when the list no longer has them', () => {
    const { file, summary } = mergeCatalogFile(existing, loaded, { removeWhenMissing: (e) => e.sku.startsWith('ec2:instance:') });
    expect(summary.removed).toEqual([{ sku: 'ec2:instance:t2.nano:linux', region: 'us-east-1', onDemand: '0.0058' }]);
    expect(file.entries.some((e) => e.sku === 'ec2:instance:t2.nano:linux')).toBe(false);
  });

  it('formats the summary as review lines', () => {
    const { summary } = mergeCatalogFile(existing, loaded, { removeWhenMissing: (e) => e.sku === 'ec2:instance:t2.nano:linux' });
    expect(formatCatalogChanges(summary)).toEqual([
      '+ ec2:instance:m5.large:linux eu-west-1 onDemand 0.107',
      '~ ec2:instance:t3.medium:linux us-east-1 commit1y 0.027 → 0.026',
      '~ ec2:instance:t3.medium:linux us-east-1 commit3y (none) → 0.018',
      '~ s3:standard:storage us-east-1 tiers 0.023 ≤51200, 0.022 → 0.023 ≤51200, 0.022 ≤512000, 0.021',
      '- ec2:instance:t2.nano:linux us-east-1 onDemand 0.0058',
      '1 added, 2 changed, 1 removed, 1 unchanged',
    ]);
  });

  it('reports a unit change as a change', () => {
    const { summary } = mergeCatalogFile(existing, [price('ec2:instance:t2.nano:linux', 'us-east-1', '0.0058', { unit: 'months' })]);
    expect(summary.changed).toEqual([{ sku: 'ec2:instance:t2.nano:linux', region: 'us-east-1', changes: [{ field: 'unit', from: 'hours', to: 'months' }] }]);
  });

  it('refuses loaded entries listed twice, or a result the catalog check rejects', () => {
    expect(() => mergeCatalogFile(existing, [loaded[2], loaded[2]])).toThrow(
      new CatalogError('aws/AmazonEC2', ['loaded entries list ec2:instance:m5.large:linux eu-west-1 twice']),
    );
    expect(() => mergeCatalogFile(existing, [price('ec2:instance:x9.huge:linux', 'us-east-1', '1', { asOf: 'March' })])).toThrow(
      'aws/AmazonEC2 (merged): entries[4] (ec2:instance:x9.huge:linux us-east-1).asOf: missing or not a YYYY-MM-DD date',
    );
  });
});
