import { examplePlan, resource } from './__fixtures__/resources';
import { CAPABILITIES, capabilitiesOfPlan, classifyResource, isGlobalType, isUtilityType } from './capabilities';

const PROVIDER_PREFIX = { aws: 'aws_', azure: 'azurerm_', gcp: 'google_' } as const;

describe('CAPABILITIES', () => {
  it('names a service and an availability on every cloud, and lists only its own provider types', () => {
    for (const capability of CAPABILITIES) {
      for (const cloud of ['aws', 'azure', 'gcp'] as const) {
        const offering = capability.clouds[cloud];
        expect(offering.service).not.toBe('');
        for (const name of [...offering.types, ...(offering.prefixes ?? []), ...(offering.globalTypes ?? [])]) {
          expect(`${capability.id} ${cloud} ${name}`).toMatch(new RegExp(`^\\S+ ${cloud} ${PROVIDER_PREFIX[cloud]}`));
        }
      }
    }
  });

  it('has unique capability ids', () => {
    const ids = CAPABILITIES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe(classifyResource.name, () => {
  it.each([
    ['aws_eks_cluster', 'kubernetes'],
    ['azurerm_kubernetes_cluster_node_pool', 'kubernetes'],
    ['google_container_node_pool', 'kubernetes'],
    ['aws_s3_bucket_versioning', 'object-storage'],
    ['google_storage_bucket_iam_member', 'object-storage'],
    ['aws_lambda_permission', 'serverless-functions'],
    ['aws_ec2_transit_gateway_vpc_attachment', 'network'],
    ['aws_ec2_host', 'compute-vm'],
    ['aws_key_pair', 'compute-vm'],
    ['google_compute_router_nat', 'nat'],
    ['google_compute_router', 'network'],
    ['azurerm_key_vault_secret', 'secrets'],
    ['azurerm_key_vault', 'key-management'],
    ['aws_sqs_queue', 'message-queue'],
    ['google_pubsub_topic', 'pub-sub'],
    ['azurerm_eventhub_namespace', 'streaming'],
    ['aws_cloudfront_distribution', 'cdn'],
    ['google_bigquery_table', 'data-warehouse'],
    ['aws_route53_record', 'dns'],
    ['azurerm_resource_group', 'management'],
    ['azurerm_storage_share', 'file-storage'],
    ['aws_iam_role_policy_attachment', 'identity'],
  ])('classifies %s as %s', (type, capability) => {
    expect(classifyResource({ type })?.id).toBe(capability);
  });

  it('refines relational databases by engine, and keeps the generic capability when the engine is not known', () => {
    const engine = (address: string, values: Record<string, unknown>) => classifyResource(resource(address, 'us-east-1', { values }))?.id;
    expect(engine('aws_db_instance.a', { engine: 'postgres' })).toBe('postgres');
    expect(engine('aws_db_instance.a', { engine: 'oracle-ee' })).toBe('oracle');
    expect(engine('aws_rds_cluster.a', { engine: 'aurora-mysql' })).toBe('mysql');
    expect(engine('aws_db_instance.a', { engine: 'mariadb' })).toBe('mariadb');
    expect(engine('aws_db_instance.a', { engine: 'sqlserver-se' })).toBe('sqlserver');
    expect(engine('google_sql_database_instance.a', { database_version: 'MYSQL_8_0' })).toBe('mysql');
    expect(engine('google_sql_database_instance.a', { database_version: 'POSTGRES_16' })).toBe('postgres');
    expect(engine('aws_db_instance.a', {})).toBe('relational-db');
  });

  it('returns null for a type no capability claims', () => {
    expect(classifyResource({ type: 'aws_made_up_service' })).toBeNull();
    expect(classifyResource({ type: 'random_id' })).toBeNull();
  });
});

describe(isGlobalType.name, () => {
  it('knows global capabilities and global types of regional capabilities', () => {
    expect(isGlobalType('aws_iam_role')).toBe(true);
    expect(isGlobalType('google_compute_network')).toBe(true);
    expect(isGlobalType('google_compute_subnetwork')).toBe(false);
    expect(isGlobalType('aws_vpc')).toBe(false);
    expect(isGlobalType('azurerm_dns_zone')).toBe(true);
  });
});

describe(isUtilityType.name, () => {
  it('recognises the Terraform utility providers', () => {
    for (const type of ['random_id', 'random_password', 'null_resource', 'tls_private_key', 'time_sleep', 'terraform_data', 'local_file']) expect(isUtilityType(type)).toBe(true);
    expect(isUtilityType('aws_instance')).toBe(false);
  });
});

describe(capabilitiesOfPlan.name, () => {
  it('counts the capabilities of the multi-cloud example per cloud', () => {
    const caps = capabilitiesOfPlan(examplePlan('multi-cloud'));
    expect(caps.byCloud.aws).toEqual({ network: 2, nat: 1, kubernetes: 2, postgres: 1, 'object-storage': 1, 'load-balancer': 1 });
    expect(caps.byCloud.azure).toEqual({ management: 1, network: 2, kubernetes: 1, 'object-storage': 1 });
    expect(caps.byCloud.gcp).toEqual({ network: 1, kubernetes: 2, postgres: 1, 'object-storage': 1 });
    expect(caps.counts).toMatchObject({ kubernetes: 5, postgres: 2, 'object-storage': 3, network: 5 });
    expect(caps.unclassified).toEqual([]);
    expect(caps.nonCloud).toEqual([]);
  });

  it('lists unknown cloud types and non-cloud resources, and leaves out data sources and deletions', () => {
    const caps = capabilitiesOfPlan({
      resources: [
        resource('aws_made_up_service.x', 'us-east-1'),
        resource('aws_made_up_service.y', 'us-east-1'),
        resource('random_id.suffix', null),
        resource('null_resource.hook', null),
        resource('aws_s3_bucket.old', 'us-east-1', { action: 'delete' }),
        resource('aws_ami.ubuntu', 'us-east-1', { mode: 'data', action: 'read' }),
        resource('aws_sqs_queue.jobs', 'us-east-1'),
      ],
    });
    expect(caps.counts).toEqual({ 'message-queue': 1 });
    expect(caps.unclassified).toEqual(['aws_made_up_service']);
    expect(caps.nonCloud).toEqual(['random_id.suffix', 'null_resource.hook']);
  });
});
