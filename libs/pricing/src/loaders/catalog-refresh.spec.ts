import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCatalogDir, loadCatalog } from '../catalog/catalog';
import { formatRefresh, refreshCatalog, writeRefresh } from './catalog-refresh';

const FIXTURES = join(__dirname, '__fixtures__');

describe('refreshCatalog', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-catalog-'));
    cpSync(defaultCatalogDir(), dir, { recursive: true });
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('merges an AWS offer into the catalog files holding its skus, for review first and written on request', () => {
    const before = readFileSync(join(dir, 'aws/ec2.json'), 'utf8');
    const refresh = refreshCatalog(dir, [{ cloud: 'aws', path: join(FIXTURES, 'aws-ec2-offer.json') }]);
    expect(refresh.files.map((f) => f.file).sort()).toEqual(['aws/ebs.json', 'aws/ec2.json']);
    expect(refresh.sources[0]?.loaded).toBeGreaterThan(0);
    // nothing written until asked
    expect(readFileSync(join(dir, 'aws/ec2.json'), 'utf8')).toBe(before);
    const report = formatRefresh(refresh).join('\n');
    expect(report).toMatch(/^aws .*aws-ec2-offer\.json: \d+ prices loaded, \d+ items skipped, \d+ not asked for by any rule$/m);
    expect(report).toMatch(/^aws\/ec2\.json:$/m);
    expect(report).toMatch(/^ {2}\d+ added, \d+ changed, 0 removed, \d+ unchanged$/m);

    expect(writeRefresh(dir, refresh).sort()).toEqual(['aws/ebs.json', 'aws/ec2.json']);
    const catalog = loadCatalog(dir);
    // t3.medium us-east-1 Linux in the offer: $0.0416 per hour, published 2025-03-14
    const t3 = catalog.find('aws', 'ec2:instance:t3.medium:linux', 'us-east-1');
    expect(t3?.onDemand).toBe('0.0416');
    expect(t3?.source).toContain('AWS Price List Bulk API, AmazonEC2 offer');
    expect(t3?.asOf).toBe('2025-03-14');
    // the rest of the file is kept
    const after = JSON.parse(readFileSync(join(dir, 'aws/ec2.json'), 'utf8')) as { entries: unknown[] };
    expect(after.entries.length).toBeGreaterThanOrEqual((JSON.parse(before) as { entries: unknown[] }).entries.length);
  });

  it('refuses to guess the file of a price whose family no catalog file holds', () => {
    rmSync(join(dir, 'aws/ebs.json'));
    expect(() => refreshCatalog(dir, [{ cloud: 'aws', path: join(FIXTURES, 'aws-ec2-offer.json') }])).toThrow(
      /cannot tell which catalog file the price belongs in \(no aws catalog file holds ebs: skus\)/,
    );
  });

  it('names the price list file and the JSON path of a malformed document', () => {
    const bad = join(dir, 'offer.json');
    writeFileSync(bad, JSON.stringify({ formatVersion: 'v1.0', offerCode: 'AmazonEC2', publicationDate: '2025-03-14T00:00:00Z', products: [] }));
    expect(() => refreshCatalog(dir, [{ cloud: 'aws', path: bad }])).toThrow(/offer\.json: \$\.products/);
    writeFileSync(bad, '{ not json');
    expect(() => refreshCatalog(dir, [{ cloud: 'aws', path: bad }])).toThrow(/the aws price list is not valid JSON/);
  });

  it('loads Azure Retail Prices pages and GCP SKU pages the same way', () => {
    const refresh = refreshCatalog(dir, [
      { cloud: 'azure', path: join(FIXTURES, 'azure-retail-prices.json') },
      { cloud: 'gcp', path: join(FIXTURES, 'gcp-billing-catalog.json') },
    ]);
    expect(refresh.sources.map((s) => s.loaded).every((n) => n > 0)).toBe(true);
    expect(refresh.files.map((f) => f.file).some((f) => f.startsWith('azure/'))).toBe(true);
    expect(refresh.files.map((f) => f.file).some((f) => f.startsWith('gcp/'))).toBe(true);
    writeRefresh(dir, refresh);
    expect(() => loadCatalog(dir)).not.toThrow();
  });
});
