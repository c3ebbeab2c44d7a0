import { CATEGORY_LATENCY, behaviourOf, cloudOfSimType, latencyMs } from './resource-behaviour';

describe('resource behaviour', () => {
  it.each([
    ['aws_eks_cluster', 'kubernetes', 600],
    ['azurerm_kubernetes_cluster', 'kubernetes', 600],
    ['google_container_cluster', 'kubernetes', 600],
    ['aws_db_instance', 'database', 300],
    ['azurerm_postgresql_flexible_server', 'database', 300],
    ['google_sql_database_instance', 'database', 300],
    ['aws_vpc', 'networking', 5],
    ['azurerm_virtual_network', 'networking', 5],
    ['google_compute_subnetwork', 'networking', 5],
    ['aws_s3_bucket', 'storage', 10],
    ['google_storage_bucket', 'storage', 10],
    ['aws_instance', 'compute', 60],
    ['azurerm_linux_virtual_machine', 'compute', 60],
    ['aws_elasticache_cluster', 'cache', 420],
    ['azurerm_redis_cache', 'cache', 420],
    ['aws_sqs_queue', 'messaging', 15],
    ['google_pubsub_topic', 'messaging', 15],
    ['aws_iam_role', 'identity', 3],
    ['aws_route53_zone', 'dns', 30],
    ['azurerm_key_vault', 'security', 5],
    ['google_monitoring_alert_policy', 'monitoring', 3],
    ['aws_made_up_thing', 'other', 20],
  ])('%s is %s and takes %d simulated seconds to create', (type, category, seconds) => {
    const behaviour = behaviourOf(type);
    expect(behaviour.category).toBe(category);
    expect(behaviour.latency.create).toBe(seconds);
  });

  it('marks global types (IAM, Route 53, Google networks) and regional ones', () => {
    expect(behaviourOf('aws_iam_role').global).toBe(true);
    expect(behaviourOf('aws_route53_record').global).toBe(true);
    expect(behaviourOf('aws_route53_resolver_endpoint').global).toBe(false);
    expect(behaviourOf('google_compute_network').global).toBe(true);
    expect(behaviourOf('aws_vpc').global).toBe(false);
  });

  it('gives node pools their own latency, shorter than a cluster', () => {
    expect(behaviourOf('aws_eks_node_group').latency.create).toBeLessThan(CATEGORY_LATENCY.kubernetes.create);
  });

  it('refuses a type of no supported cloud with unsupported-type', () => {
    expect(() => behaviourOf('kubernetes_namespace', 'kubernetes_namespace.app')).toThrow(
      expect.objectContaining({ code: 'unsupported-type', address: 'kubernetes_namespace.app' }) as Error,
    );
    expect(() => behaviourOf('aws_')).toThrow(/not an AWS/);
    expect(cloudOfSimType('azurerm_subnet')).toBe('azure');
    expect(cloudOfSimType('random_id')).toBeNull();
  });

  it('scales latency: 0 never waits, 0.001 makes a 600 s cluster 600 ms', () => {
    const cluster = behaviourOf('google_container_cluster');
    expect(latencyMs(cluster, 'create', 0)).toBe(0);
    expect(latencyMs(cluster, 'create', 0.001)).toBe(600);
    expect(latencyMs(cluster, 'delete', 0.001)).toBe(480);
    expect(() => latencyMs(cluster, 'create', -1)).toThrow(/latencyScale/);
  });
});
