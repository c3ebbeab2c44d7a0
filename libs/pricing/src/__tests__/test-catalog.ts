import { PriceCatalog, type PriceEntry } from '../catalog/catalog';
import { PricerRegistry } from '../engine/registry';
import type { ResourcePricer } from '../engine/pricer';
import { monthlyHours, usageLine } from '../pricers/helpers';

const base = { cloud: 'aws' as const, source: 'test price list', asOf: '2025-01-01' };

/** A small catalog with made-up prices, for engine tests that must not depend on the shipped data. */
export function aTestCatalog(extra: PriceEntry[] = []): PriceCatalog {
  return new PriceCatalog(
    [
      { ...base, sku: 'test:vm:small', region: 'us-east-1', unit: 'hours', description: 'small VM', onDemand: '0.1', commit1y: '0.06', commit3y: '0.04', spot: '0.03' },
      { ...base, sku: 'test:vm:large', region: 'us-east-1', unit: 'hours', description: 'large VM', onDemand: '0.4' },
      { ...base, sku: 'test:disk', region: 'us-east-1', unit: 'GB', description: 'disk GB-month', onDemand: '0.08' },
      {
        ...base,
        sku: 'test:storage',
        region: 'global',
        unit: 'GB',
        description: 'tiered storage',
        onDemand: '0.023',
        tiers: [
          { upTo: '100', price: '0.023' },
          { upTo: '500', price: '0.022' },
          { upTo: null, price: '0.021' },
        ],
      },
      ...extra,
    ],
    { asOf: '2025-01-02', source: 'test rates', rates: { USD: '1', EUR: '0.9', GBP: '0.8' } },
    'test-catalog',
  );
}

export const testVm: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_instance'],
  price(ctx) {
    const size = ctx.assume('instance_type', 'small', 'test default');
    const disk = ctx.assume('root_block_device[0].volume_size', 8, 'test default disk');
    const spot = ctx.values.string('instance_market_options.0.market_type') === 'spot';
    return [
      { name: `VM (${size})`, unit: 'hours', monthlyQuantity: monthlyHours(), sku: `test:vm:${size}`, ...(spot ? { term: 'spot' as const } : {}) },
      { name: 'Disk', unit: 'GB', monthlyQuantity: disk, sku: 'test:disk', onDemandOnly: true },
    ];
  },
};

export const testBucket: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_s3_bucket'],
  usage: [{ key: 'storage_gb', unit: 'GB', description: 'stored GB' }],
  price: (ctx) => [usageLine(ctx, 'storage_gb', { name: 'Storage', unit: 'GB', sku: 'test:storage', region: 'global' })],
};

export const aTestRegistry = () => new PricerRegistry([testVm, testBucket]);
