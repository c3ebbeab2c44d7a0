import { azureRedisCache } from './cache';
import { azurePlan, estimate, lines, monthly, priced, reasonOf } from './__tests__/azure-plan';

describe(azureRedisCache.types[0], () => {
  it('prices Basic and Standard caches per cache-hour and Premium per shard', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_redis_cache.basic', after: { sku_name: 'Basic', family: 'C', capacity: 1 } },
        { address: 'azurerm_redis_cache.standard', after: { sku_name: 'Standard', family: 'C', capacity: 3 } },
        { address: 'azurerm_redis_cache.sharded', after: { sku_name: 'Premium', family: 'P', capacity: 1, shard_count: 3 } },
        { address: 'azurerm_redis_cache.replicas', after: { sku_name: 'Premium', family: 'P', capacity: 1, replicas_per_master: 2 } },
      ),
    );
    // eastus Basic C1 $0.055/h × 730 = $40.15
    expect(monthly(e, 'azurerm_redis_cache.basic')).toBe('40.15');
    // Standard C3 $0.45/h (both nodes) × 730 = $328.50
    expect(lines(e, 'azurerm_redis_cache.standard')).toEqual([['Cache usage (Standard, C3)', '328.5']]);
    // Premium P1 $0.555/h per shard × 3 shards × 730 = $1,215.45
    expect(lines(e, 'azurerm_redis_cache.sharded')).toEqual([['Cache usage (Premium, P1, 3 shards, 1 replica each)', '1215.45']]);
    // 1 primary + 2 replicas = 3 nodes = 1.5 shard prices: $0.555 × 1.5 × 730 = $607.725
    expect(monthly(e, 'azurerm_redis_cache.replicas')).toBe('607.725');
  });

  it('assumes an unknown capacity and reports sizes without a price and a wrong family', () => {
    const e = estimate(
      azurePlan(
        { address: 'azurerm_redis_cache.unknown', after: { sku_name: 'Basic', family: 'C' }, unknown: { capacity: true } },
        { address: 'azurerm_redis_cache.c1', after: { sku_name: 'Standard', family: 'C', capacity: 1 } },
        { address: 'azurerm_redis_cache.family', after: { sku_name: 'Premium', family: 'C', capacity: 1 } },
        { address: 'azurerm_redis_cache.eu', after: { sku_name: 'Basic', family: 'C', capacity: 1 }, location: 'westeurope' },
      ),
    );
    expect(monthly(e, 'azurerm_redis_cache.unknown')).toBe('40.15');
    expect(priced(e, 'azurerm_redis_cache.unknown').assumptions).toContainEqual(expect.objectContaining({ attribute: 'capacity', assumed: '1', cause: 'unknown at plan time' }));
    expect(reasonOf(e, 'azurerm_redis_cache.c1')).toBe('no list price for Azure Cache for Redis Standard C1 in eastus');
    expect(reasonOf(e, 'azurerm_redis_cache.family')).toBe('Azure Cache for Redis Premium uses family P, not C');
    expect(reasonOf(e, 'azurerm_redis_cache.eu')).toBe('no list price for Azure Cache for Redis Basic C1 in westeurope');
  });

  it('gives the diff of an upgrade from Standard C3 to Premium P1', () => {
    const e = estimate(
      azurePlan({ address: 'azurerm_redis_cache.c', actions: ['update'], before: { sku_name: 'Standard', family: 'C', capacity: 3 }, after: { sku_name: 'Premium', family: 'P', capacity: 1 } }),
    );
    // ($0.555 − $0.45) × 730 = $76.65
    expect(priced(e, 'azurerm_redis_cache.c').diffMonthlyCost.toDecimalString()).toBe('76.65');
  });
});
