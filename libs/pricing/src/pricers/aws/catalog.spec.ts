import Decimal from 'decimal.js';
import { loadCatalog } from '../../catalog/catalog';
import { ec2InstanceSku } from './compute';

const catalog = loadCatalog();
const aws = [...catalog.entries()].filter((e) => e.cloud === 'aws');
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1'];

describe('AWS catalog', () => {
  it('has only the five covered regions (and global) with a source and as-of date on every entry', () => {
    expect(new Set(aws.map((e) => e.region))).toEqual(new Set([...REGIONS, 'global']));
    for (const e of aws) {
      expect(e.source).toMatch(/AWS Price List|aws\.amazon\.com/);
      expect(e.asOf <= '2026-12-31').toBe(true);
    }
  });

  it('prices commitments below on-demand', () => {
    const committed = aws.filter((e) => e.commit1y !== undefined || e.commit3y !== undefined);
    expect(committed.length).toBeGreaterThan(0);
    for (const e of committed) {
      if (e.commit1y !== undefined) expect(new Decimal(e.commit1y).lt(e.onDemand)).toBe(true);
      if (e.commit3y !== undefined) expect(new Decimal(e.commit3y).lt(e.commit1y ?? e.onDemand)).toBe(true);
    }
  });

  it('has the common instance types in every region, each size twice the one below', () => {
    for (const region of REGIONS) {
      for (const family of ['t3', 'm5', 'c5', 'r5', 'm6i']) {
        const large = catalog.find('aws', ec2InstanceSku(`${family}.large`, 'linux'), region);
        const xlarge = catalog.find('aws', ec2InstanceSku(`${family}.xlarge`, 'linux'), region);
        expect(large?.region).toBe(region);
        expect(new Decimal(xlarge?.onDemand ?? 0).equals(new Decimal(large?.onDemand ?? 0).times(2))).toBe(true);
      }
    }
  });

  it('prices a region above or equal to us-east-1 for the same sku (a guard against swapped rows)', () => {
    for (const e of aws.filter((x) => x.region !== 'us-east-1' && x.region !== 'global')) {
      const base = catalog.find('aws', e.sku, 'us-east-1');
      if (base) expect(new Decimal(e.onDemand).gte(base.onDemand)).toBe(true);
    }
  });
});
