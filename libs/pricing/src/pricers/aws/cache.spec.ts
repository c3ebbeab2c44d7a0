import { awsElasticacheCluster, awsElasticacheReplicationGroup } from './cache';
import { lines, priceOne, unsupportedReason } from './test-plan';

describe(awsElasticacheCluster.types[0] ?? 'aws_elasticache_cluster', () => {
  it('prices node type × nodes and backup storage from usage', () => {
    const r = priceOne({ type: 'aws_elasticache_cluster', after: { engine: 'memcached', node_type: 'cache.m4.large', num_cache_nodes: 2 } }, { usage: 'version: 0.1\nresource_usage:\n  aws_elasticache_cluster.r0:\n    snapshot_storage_size_gb: 10\n' });
    // 2 × $0.156 × 730 = $227.76 (Infracost golden elasticache_cluster_test: $227.76); 10 GB × $0.085 = $0.85
    expect(lines(r)).toEqual({ 'ElastiCache nodes (Memcached, cache.m4.large)': '227.76', 'Backup storage': '0.85' });
  });

  it('takes the reserved node price with a 1-year commitment', () => {
    // cache.m6g.12xlarge reserved 1y no upfront $2.428 × 730 = $1,772.44 (golden)
    const r = priceOne({ type: 'aws_elasticache_cluster', after: { engine: 'redis', node_type: 'cache.m6g.12xlarge', num_cache_nodes: 1 } }, { commitment: '1y' });
    expect(r.components[0]?.monthlyCost.toDecimalString()).toBe('1772.44');
  });

  it('leaves members of a replication group to the group, and is unsupported for an unknown node type or engine', () => {
    expect(priceOne({ type: 'aws_elasticache_cluster', after: { replication_group_id: 'g' } }).components).toEqual([]);
    expect(unsupportedReason({ type: 'aws_elasticache_cluster', after: { engine: 'redis', node_type: 'cache.x9.huge' } })).toBe('no list price for ElastiCache node type cache.x9.huge in us-east-1');
    expect(unsupportedReason({ type: 'aws_elasticache_cluster', after: { engine: 'valkey', node_type: 'cache.t3.micro' } })).toMatch(/engine valkey is not priced/);
  });
});

describe(awsElasticacheReplicationGroup.types[0] ?? 'aws_elasticache_replication_group', () => {
  it('counts nodes of a non-cluster-mode group', () => {
    // 3 × cache.r6g.large $0.206 × 730 = $451.14
    expect(priceOne({ type: 'aws_elasticache_replication_group', after: { node_type: 'cache.r6g.large', num_cache_clusters: 3 } }).components[0]?.monthlyCost.toDecimalString()).toBe('451.14');
    // provider v3 name
    expect(priceOne({ type: 'aws_elasticache_replication_group', after: { node_type: 'cache.r6g.large', number_cache_clusters: 3 } }).components[0]?.monthlyCost.toDecimalString()).toBe('451.14');
  });

  it('counts shards × (replicas + 1) in cluster mode, new and old attribute names', () => {
    // 2 shards × 2 nodes × cache.t3.medium $0.068 × 730 = $198.56
    expect(priceOne({ type: 'aws_elasticache_replication_group', after: { node_type: 'cache.t3.medium', num_node_groups: 2, replicas_per_node_group: 1 } }).components[0]?.monthlyCost.toDecimalString()).toBe('198.56');
    expect(priceOne({ type: 'aws_elasticache_replication_group', after: { node_type: 'cache.t3.medium', cluster_mode: [{ num_node_groups: 2, replicas_per_node_group: 1 }] } }).components[0]?.monthlyCost.toDecimalString()).toBe('198.56');
  });
});
