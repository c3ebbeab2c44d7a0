import Decimal from 'decimal.js';
import { UnsupportedResource, type ResourcePricer } from '../../engine/pricer';
import { monthlyHours } from '../helpers';

const FAMILY_OF: Readonly<Record<string, string>> = { Basic: 'C', Standard: 'C', Premium: 'P' };

/**
 * `azurerm_redis_cache`: the hourly price of the cache size (`{family}{capacity}` of the sku_name tier). The list price
 * of a Standard cache covers its two nodes and that of a Premium size one shard of a primary and one replica; a Premium
 * cache bills every shard (shard_count), and replicas_per_master above 1 adds half a shard price per extra replica node
 * (Azure bills Premium per node, the "Cache Instance" meter being half the shard price).
 */
export const azureRedisCache: ResourcePricer = {
  cloud: 'azure',
  types: ['azurerm_redis_cache'],
  price(ctx) {
    const tier = ctx.assume<string>('sku_name', 'Standard', 'sku_name is required by the azurerm provider; assumed Standard');
    const expected = FAMILY_OF[tier];
    if (!expected) throw new UnsupportedResource(`Azure Cache for Redis sku_name ${tier} is not priced (Basic, Standard and Premium are)`);
    const family = ctx.assume<string>('family', expected, `family is required by the azurerm provider; assumed ${expected} for ${tier}`);
    const capacity = ctx.assume<number>('capacity', 1, 'capacity is required by the azurerm provider; assumed 1');
    if (family !== expected) throw new UnsupportedResource(`Azure Cache for Redis ${tier} uses family ${expected}, not ${family}`);
    const size = `${family}${capacity}`;
    const sku = `redis:${tier.toLowerCase()}:${size.toLowerCase()}`;
    if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for Azure Cache for Redis ${tier} ${size} in ${ctx.region}`);
    if (tier !== 'Premium') return [{ name: `Cache usage (${tier}, ${size})`, unit: 'hours', monthlyQuantity: monthlyHours(1), sku }];
    // shard_count 0 or unset: a non-clustered cache, billed as one shard.
    const shards = Math.max(1, ctx.values.number('shard_count') ?? 1);
    const replicas = ctx.values.number('replicas_per_master') ?? 1;
    const shardUnits = new Decimal(shards).times(new Decimal(1 + replicas).div(2));
    const detail = `${shards} shard${shards > 1 ? 's' : ''}, ${replicas} replica${replicas > 1 ? 's' : ''} each`;
    return [{ name: `Cache usage (Premium, ${size}, ${detail})`, unit: 'hours', monthlyQuantity: monthlyHours(shardUnits), sku }];
  },
};

export const AZURE_CACHE_PRICERS: readonly ResourcePricer[] = [azureRedisCache];
