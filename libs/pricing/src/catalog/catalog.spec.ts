import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogError, checkCatalogFile, checkFxTable, loadCatalog } from './catalog';

const entry = { sku: 'x:y', region: 'us-east-1', unit: 'hours', description: 'd', onDemand: '0.1', source: 'AWS Price List', asOf: '2025-10-01' };

describe('the price catalog', () => {
  it('the shipped catalog passes the check: every price has its source and as-of date', () => {
    const catalog = loadCatalog();
    expect(catalog.size).toBeGreaterThan(0);
    for (const e of catalog.entries()) {
      expect(e.source.trim()).not.toBe('');
      expect(e.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(catalog.rate('USD').toString()).toBe('1');
  });

  it('rejects entries without source or as-of date, bad prices, bad tiers and duplicates', () => {
    const { source: _s, ...noSource } = entry;
    expect(
      checkCatalogFile({
        cloud: 'aws',
        service: 'S',
        entries: [
          noSource,
          { ...entry, sku: 'a', asOf: '2025-13-45' },
          { ...entry, sku: 'b', onDemand: '-1' },
          { ...entry, sku: 'c', commit1y: 0.1 },
          { ...entry, sku: 'd', tiers: [{ upTo: '10', price: '1' }, { upTo: '5', price: '1' }, { upTo: null, price: '1' }] },
          { ...entry, sku: 'e' },
          { ...entry, sku: 'e' },
        ],
      }),
    ).toEqual([
      'entries[0] (x:y us-east-1).source: missing (which public price list is this from?)',
      'entries[1] (a us-east-1).asOf: missing or not a YYYY-MM-DD date',
      'entries[2] (b us-east-1).onDemand: expected a non-negative decimal string, got "-1"',
      'entries[3] (c us-east-1).commit1y: expected a non-negative decimal string, got 0.1',
      'entries[4] (d us-east-1).tiers[1].upTo: expected an increasing decimal string',
      'entries[6] (e us-east-1): duplicate sku+region',
    ]);
    expect(checkCatalogFile({ cloud: 'oracle', entries: [] })).toEqual(['cloud: expected aws, azure or gcp, got "oracle"', 'service: missing']);
  });

  it('rejects an undated or incomplete exchange-rate table', () => {
    expect(checkFxTable({ source: 'ECB', rates: { USD: '1', EUR: '0.9' } })).toEqual(['asOf: missing or not a YYYY-MM-DD date', 'rates.GBP: expected a positive decimal string']);
  });

  it('names the file and entry at fault when loading', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    mkdirSync(join(dir, 'aws'));
    writeFileSync(join(dir, 'fx.json'), JSON.stringify({ asOf: '2025-01-01', source: 'ECB', rates: { USD: '1', EUR: '0.9', GBP: '0.8' } }));
    writeFileSync(join(dir, 'aws', 'ec2.json'), JSON.stringify({ cloud: 'aws', service: 'AmazonEC2', entries: [{ ...entry, asOf: undefined }] }));
    expect(() => loadCatalog(dir)).toThrow(new CatalogError('aws/ec2.json', ['entries[0] (x:y us-east-1).asOf: missing or not a YYYY-MM-DD date']));
    writeFileSync(join(dir, 'aws', 'ec2.json'), JSON.stringify({ cloud: 'aws', service: 'AmazonEC2', entries: [entry] }));
    const catalog = loadCatalog(dir);
    expect(catalog.find('aws', 'x:y', 'us-east-1')?.onDemand).toBe('0.1');
    expect(catalog.find('aws', 'x:y', 'eu-west-1')).toBeUndefined();
  });
});
