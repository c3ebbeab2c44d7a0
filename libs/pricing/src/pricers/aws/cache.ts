import { UnsupportedResource, type ComponentDraft, type PricerContext, type ResourcePricer, type UsageKey } from '../../engine/pricer';
import { monthlyHours } from '../helpers';
import { required, usagePer } from './common';

const SNAPSHOT_USAGE: UsageKey = { key: 'snapshot_storage_size_gb', unit: 'GB', description: 'Backup (snapshot) storage per month' };

function nodeDrafts(ctx: PricerContext, nodeType: string, engine: string, nodes: number): ComponentDraft[] {
  if (engine !== 'redis' && engine !== 'memcached') throw new UnsupportedResource(`ElastiCache engine ${engine} is not priced yet (the catalog has Redis OSS and Memcached node prices)`);
  const sku = `elasticache:node:${nodeType}`;
  if (!ctx.hasPrice(sku)) throw new UnsupportedResource(`no list price for ElastiCache node type ${nodeType} in ${ctx.region}`);
  const node: ComponentDraft = { name: `ElastiCache nodes (${engine === 'redis' ? 'Redis OSS' : 'Memcached'}, ${nodeType})`, unit: 'hours', monthlyQuantity: monthlyHours(nodes), sku };
  // Without a usage figure the backup line is 0; where the catalog has no backup storage price for the region, leave the
  // line out (and say so) rather than refusing the node hours. With a usage figure the missing price makes it unsupported.
  if (!ctx.hasPrice('elasticache:backup') && ctx.usage('snapshot_storage_size_gb') === undefined) {
    ctx.note({ attribute: 'snapshot_storage_size_gb', assumed: 'not priced', cause: `no backup storage list price in ${ctx.region}`, reason: 'the catalog has no ElastiCache backup storage price for this region; the estimate leaves backup storage out' });
    return [node];
  }
  return [node, usagePer(ctx, 'snapshot_storage_size_gb', { name: 'Backup storage', unit: 'GB', sku: 'elasticache:backup', onDemandOnly: true })];
}

/** aws_elasticache_cluster: node type × nodes. https://aws.amazon.com/elasticache/pricing/ */
export const awsElasticacheCluster: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_elasticache_cluster'],
  usage: [SNAPSHOT_USAGE],
  price(ctx) {
    if (ctx.values.string('replication_group_id')) {
      ctx.note({ attribute: 'replication_group_id', assumed: 'priced by the group', cause: 'member of a replication group', reason: 'the nodes of a replication group are priced on aws_elasticache_replication_group' });
      return [];
    }
    const nodeType = required(ctx, 'node_type', 'cache cluster');
    const engine = ctx.assume<string>('engine', 'redis', 'engine is required unless replication_group_id is set; redis assumed');
    const nodes = ctx.assume<number>('num_cache_nodes', 1, 'num_cache_nodes: Redis clusters have exactly 1 node');
    return nodeDrafts(ctx, nodeType, engine, nodes);
  },
};

/**
 * aws_elasticache_replication_group: node type × (shards × (replicas + 1)) in cluster mode, else num_cache_clusters.
 * Reads the names of provider v4+ (num_cache_clusters, num_node_groups, replicas_per_node_group) and of v3
 * (number_cache_clusters, cluster_mode { num_node_groups, replicas_per_node_group }).
 */
export const awsElasticacheReplicationGroup: ResourcePricer = {
  cloud: 'aws',
  types: ['aws_elasticache_replication_group'],
  usage: [SNAPSHOT_USAGE],
  price(ctx) {
    const nodeType = required(ctx, 'node_type', 'replication group');
    const engine = ctx.assume<string>('engine', 'redis', 'engine defaults to redis (provider docs)');
    const shards = ctx.values.number('num_node_groups') ?? ctx.values.number('cluster_mode.0.num_node_groups');
    let nodes: number;
    if (shards !== undefined && shards > 0) {
      const replicas = ctx.values.number('replicas_per_node_group') ?? ctx.values.number('cluster_mode.0.replicas_per_node_group') ?? 0;
      nodes = shards * (replicas + 1);
    } else {
      const old = ctx.values.number('number_cache_clusters');
      nodes = old ?? ctx.assume<number>('num_cache_clusters', 1, 'num_cache_clusters defaults to 1 (provider docs)');
    }
    return nodeDrafts(ctx, nodeType, engine, nodes);
  },
};
