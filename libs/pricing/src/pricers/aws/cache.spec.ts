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

  it('prices nodes in the EU regions', () => {
    // cache.t4g.micro eu-central-1 $0.018 × 730 = $13.14 (LeanerCloud/ec2-instances-info elasticache-instances.json)
    const fra = priceOne({ type: 'aws_elasticache_cluster', after: { engine: 'redis', node_type: 'cache.t4g.micro', num_cache_nodes: 1 } }, { region: 'eu-central-1' });
    expect(fra.components[0]?.monthlyCost.toDecimalString()).toBe('13.14');
    // 2 × cache.r6g.large eu-west-1 $0.229 × 730 = $334.34
    const dub = priceOne({ type: 'aws_elasticache_replication_group', after: { node_type: 'cache.r6g.large', num_cache_clusters: 2 } }, { region: 'eu-west-1' });
    expect(dub.components[0]?.monthlyCost.toDecimalString()).toBe('334.34');
    // no sourced backup storage price in the EU regions yet: the 0-quantity line is left out, a usage figure makes it unsupported
    expect(dub.components).toHaveLength(1);
    const usage = 'version: 0.1\nresource_usage:\n  aws_elasticache_cluster.r0:\n    snapshot_storage_size_gb: 10\n';
    expect(unsupportedReason({ type: 'aws_elasticache_cluster', after: { engine: 'redis', node_type: 'cache.t4g.micro', num_cache_nodes: 1 } }, { region: 'eu-west-1', usage })).toMatch(/elasticache:backup in eu-west-1/);
  });

  it('takes the 3-year reserved node price in an EU region', () => {
    // cache.m5.large eu-central-1 reserved 3y no upfront $0.096 × 730 = $70.08 (on-demand $0.186 × 730 = $135.78)
    const change = { type: 'aws_elasticache_cluster', after: { engine: 'redis', node_type: 'cache.m5.large', num_cache_nodes: 1 } };
    expect(priceOne(change, { region: 'eu-central-1' }).components[0]?.monthlyCost.toDecimalString()).toBe('135.78');
    const r = priceOne(change, { region: 'eu-central-1', commitment: '3y' });
    expect(r.components[0]?.term).toBe('3y');
    expect(r.components[0]?.monthlyCost.toDecimalString()).toBe('70.08');
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
