import { type ProviderCloud } from '@cloudwright/cloud-provider';
import { type Prng } from '../prng';
import { type ResourceBehaviour } from './resource-behaviour';

/** The accounts of one simulated world, derived from its seed: every provider id is built on them. */
export interface WorldAccounts {
  /** 12-digit AWS account id. */
  awsAccountId: string;
  /** Azure subscription id (a UUID). */
  azureSubscriptionId: string;
  /** GCP project id. */
  gcpProject: string;
  /** Billing accounts per cloud (FOCUS BillingAccountId). */
  billingAccounts: Readonly<Record<ProviderCloud, string>>;
}

export function worldAccounts(rng: Prng): WorldAccounts {
  const awsAccountId = rng.digits(12);
  const azureSubscriptionId = rng.uuid();
  const gcpProject = `cw-sim-${rng.alnum(6)}`;
  const gcpBilling = rng.hex(18).toUpperCase();
  return {
    awsAccountId,
    azureSubscriptionId,
    gcpProject,
    billingAccounts: {
      aws: awsAccountId,
      azure: `${rng.digits(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}:${rng.uuid()}_2019-05-31`,
      gcp: `${gcpBilling.slice(0, 6)}-${gcpBilling.slice(6, 12)}-${gcpBilling.slice(12, 18)}`,
    },
  };
}

export interface GeneratedIdentity {
  /** ARN, Azure resource id or GCP self link / resource name. */
  providerId: string;
  /** Attributes the cloud fills on creation (id, arn, self_link, endpoint, fqdn, …): merged over the spec's values. */
  attributes: Record<string, unknown>;
}

export interface IdentityInput {
  behaviour: ResourceBehaviour;
  address: string;
  stack: string;
  environment: string;
  /** Canonical region id; null for a global resource. */
  region: string | null;
  attributes: Readonly<Record<string, unknown>>;
}

const NAME_ATTRIBUTES = ['name', 'bucket', 'identifier', 'cluster_name', 'function_name', 'cluster_identifier', 'cluster_id', 'replication_group_id', 'account_id', 'topic'];

/** The resource's own name: a naming attribute of the spec, else its Terraform name with a random suffix. */
export function resourceName(input: IdentityInput, rng: Prng): string {
  for (const key of NAME_ATTRIBUTES) {
    const value = input.attributes[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  const last = input.address.split('.').pop() ?? input.address;
  const base = last.replace(/\[.*$/, '').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'resource';
  return `${base.slice(0, 40)}-${rng.alnum(6)}`;
}

export function generateIdentity(input: IdentityInput, accounts: WorldAccounts, rng: Prng): GeneratedIdentity {
  const name = resourceName(input, rng);
  switch (input.behaviour.cloud) {
    case 'aws':
      return awsIdentity(input, name, accounts, rng);
    case 'azure':
      return azureIdentity(input, name, accounts, rng);
    case 'gcp':
      return gcpIdentity(input, name, accounts, rng);
  }
}

/** AWS id prefixes of EC2-style resources (`vpc-0a1b…`). */
const AWS_ID_PREFIX: Readonly<Record<string, string>> = {
  aws_vpc: 'vpc',
  aws_subnet: 'subnet',
  aws_instance: 'i',
  aws_security_group: 'sg',
  aws_internet_gateway: 'igw',
  aws_nat_gateway: 'nat',
  aws_route_table: 'rtb',
  aws_eip: 'eipalloc',
  aws_ebs_volume: 'vol',
  aws_network_interface: 'eni',
  aws_launch_template: 'lt',
  aws_network_acl: 'acl',
  aws_vpc_endpoint: 'vpce',
  aws_ec2_transit_gateway: 'tgw',
  aws_key_pair: 'key',
};

function awsService(type: string): string {
  const rest = type.slice('aws_'.length);
  if (/^(vpc|subnet|instance|security_group|internet_gateway|nat_gateway|route_table|eip|ebs_|network_|launch_template|ec2_|key_pair)/.test(rest)) return 'ec2';
  if (/^(db_|rds_)/.test(rest)) return 'rds';
  if (/^(lb|alb|elb)/.test(rest)) return 'elasticloadbalancing';
  if (rest.startsWith('cloudwatch_log')) return 'logs';
  if (rest.startsWith('cloudwatch_event')) return 'events';
  return rest.split('_')[0] ?? rest;
}

function awsIdentity(input: IdentityInput, name: string, accounts: WorldAccounts, rng: Prng): GeneratedIdentity {
  const { type } = input.behaviour;
  const region = input.region ?? '';
  const account = accounts.awsAccountId;
  const prefix = AWS_ID_PREFIX[type];
  const service = awsService(type);
  const kind = type.slice('aws_'.length).replace(/^(db_|rds_|eks_|ec2_|elasticache_)/, '').replace(/_/g, '-');
  const attributes: Record<string, unknown> = {};
  let id = prefix ? `${prefix}-${rng.hex(17)}` : name;
  let arn = `arn:aws:${service}:${region}:${account}:${kind}/${id}`;
  if (type === 'aws_s3_bucket') {
    arn = `arn:aws:s3:::${name}`;
    attributes.bucket = name;
    attributes.bucket_domain_name = `${name}.s3.amazonaws.com`;
    attributes.bucket_regional_domain_name = `${name}.s3.${region}.amazonaws.com`;
  } else if (type === 'aws_eks_cluster') {
    attributes.endpoint = `https://${rng.hex(32).toUpperCase()}.gr7.${region}.eks.amazonaws.com`;
    attributes.cluster_id = name;
    arn = `arn:aws:eks:${region}:${account}:cluster/${name}`;
  } else if (type === 'aws_db_instance' || type === 'aws_rds_cluster') {
    const host = `${name}.${rng.alnum(12)}.${region}.rds.amazonaws.com`;
    const engine = typeof input.attributes.engine === 'string' ? input.attributes.engine : 'postgres';
    const port = engine.includes('mysql') || engine.includes('maria') || engine.includes('aurora-mysql') ? 3306 : 5432;
    attributes.address = host;
    attributes.endpoint = `${host}:${port}`;
    attributes.port = port;
    arn = `arn:aws:rds:${region}:${account}:${type === 'aws_rds_cluster' ? 'cluster' : 'db'}:${name}`;
    id = name;
  } else if (type.startsWith('aws_elasticache_')) {
    attributes.primary_endpoint_address = `${name}.${rng.alnum(6)}.ng.0001.${region.replace(/-/g, '')}.cache.amazonaws.com`;
    arn = `arn:aws:elasticache:${region}:${account}:${kind}:${name}`;
  } else if (type === 'aws_sqs_queue') {
    id = `https://sqs.${region}.amazonaws.com/${account}/${name}`;
    attributes.url = id;
    arn = `arn:aws:sqs:${region}:${account}:${name}`;
  } else if (type === 'aws_sns_topic') {
    arn = `arn:aws:sns:${region}:${account}:${name}`;
    id = arn;
  } else if (type.startsWith('aws_iam_')) {
    arn = `arn:aws:iam::${account}:${kind.replace(/^iam-/, '')}/${name}`;
    attributes.unique_id = `AROA${rng.hex(17).toUpperCase()}`;
  } else if (type === 'aws_route53_zone') {
    id = `Z${rng.alnum(20).toUpperCase()}`;
    attributes.zone_id = id;
    arn = `arn:aws:route53:::hostedzone/${id}`;
    attributes.name_servers = [0, 1, 2, 3].map((i) => `ns-${rng.int(2048)}.awsdns-${String(rng.int(64)).padStart(2, '0')}.${['com', 'net', 'org', 'co.uk'][i]}`);
  } else if (type === 'aws_lb' || type === 'aws_alb') {
    arn = `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/app/${name}/${rng.hex(16)}`;
    id = arn;
    attributes.dns_name = `${name}-${rng.digits(10)}.${region}.elb.amazonaws.com`;
  } else if (type === 'aws_lambda_function') {
    arn = `arn:aws:lambda:${region}:${account}:function:${name}`;
  }
  attributes.id = id;
  attributes.arn = arn;
  return { providerId: arn, attributes };
}

/** Azure resource provider namespaces and resource types of common azurerm types. */
const AZURE_TYPES: Readonly<Record<string, string>> = {
  azurerm_resource_group: '',
  azurerm_virtual_network: 'Microsoft.Network/virtualNetworks',
  azurerm_subnet: 'Microsoft.Network/virtualNetworks/subnets',
  azurerm_network_security_group: 'Microsoft.Network/networkSecurityGroups',
  azurerm_public_ip: 'Microsoft.Network/publicIPAddresses',
  azurerm_lb: 'Microsoft.Network/loadBalancers',
  azurerm_nat_gateway: 'Microsoft.Network/natGateways',
  azurerm_kubernetes_cluster: 'Microsoft.ContainerService/managedClusters',
  azurerm_kubernetes_cluster_node_pool: 'Microsoft.ContainerService/managedClusters/agentPools',
  azurerm_postgresql_flexible_server: 'Microsoft.DBforPostgreSQL/flexibleServers',
  azurerm_mysql_flexible_server: 'Microsoft.DBforMySQL/flexibleServers',
  azurerm_mssql_server: 'Microsoft.Sql/servers',
  azurerm_mssql_database: 'Microsoft.Sql/servers/databases',
  azurerm_cosmosdb_account: 'Microsoft.DocumentDB/databaseAccounts',
  azurerm_storage_account: 'Microsoft.Storage/storageAccounts',
  azurerm_linux_virtual_machine: 'Microsoft.Compute/virtualMachines',
  azurerm_windows_virtual_machine: 'Microsoft.Compute/virtualMachines',
  azurerm_managed_disk: 'Microsoft.Compute/disks',
  azurerm_redis_cache: 'Microsoft.Cache/redis',
  azurerm_servicebus_namespace: 'Microsoft.ServiceBus/namespaces',
  azurerm_eventhub_namespace: 'Microsoft.EventHub/namespaces',
  azurerm_key_vault: 'Microsoft.KeyVault/vaults',
  azurerm_user_assigned_identity: 'Microsoft.ManagedIdentity/userAssignedIdentities',
  azurerm_log_analytics_workspace: 'Microsoft.OperationalInsights/workspaces',
  azurerm_dns_zone: 'Microsoft.Network/dnszones',
  azurerm_service_plan: 'Microsoft.Web/serverFarms',
};

function camel(text: string): string {
  return text.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function azureIdentity(input: IdentityInput, name: string, accounts: WorldAccounts, rng: Prng): GeneratedIdentity {
  const { type } = input.behaviour;
  const sub = `/subscriptions/${accounts.azureSubscriptionId}`;
  const attributes: Record<string, unknown> = {};
  let id: string;
  if (type === 'azurerm_resource_group') {
    id = `${sub}/resourceGroups/${name}`;
  } else if (type === 'azurerm_role_definition' || type === 'azurerm_role_assignment') {
    const guid = rng.uuid();
    id = `${sub}/providers/Microsoft.Authorization/${type === 'azurerm_role_definition' ? 'roleDefinitions' : 'roleAssignments'}/${guid}`;
  } else {
    const rgAttr = input.attributes.resource_group_name;
    const rg = typeof rgAttr === 'string' && rgAttr !== '' ? rgAttr : `rg-${input.stack}-${input.environment}`;
    const provider = AZURE_TYPES[type] ?? `Microsoft.Resources/${camel(type.slice('azurerm_'.length))}`;
    id = `${sub}/resourceGroups/${rg}/providers/${provider}/${name}`;
  }
  const region = input.region ?? 'global';
  if (type === 'azurerm_kubernetes_cluster') {
    const prefix = typeof input.attributes.dns_prefix === 'string' ? input.attributes.dns_prefix : name;
    attributes.fqdn = `${prefix}-${rng.hex(8)}.hcp.${region}.azmk8s.io`;
  } else if (type === 'azurerm_postgresql_flexible_server') {
    attributes.fqdn = `${name}.postgres.database.azure.com`;
  } else if (type === 'azurerm_mysql_flexible_server') {
    attributes.fqdn = `${name}.mysql.database.azure.com`;
  } else if (type === 'azurerm_mssql_server') {
    attributes.fully_qualified_domain_name = `${name}.database.windows.net`;
  } else if (type === 'azurerm_storage_account') {
    attributes.primary_blob_endpoint = `https://${name}.blob.core.windows.net/`;
  } else if (type === 'azurerm_redis_cache') {
    attributes.hostname = `${name}.redis.cache.windows.net`;
    attributes.ssl_port = 6380;
  } else if (type === 'azurerm_cosmosdb_account') {
    attributes.endpoint = `https://${name}.documents.azure.com:443/`;
  } else if (type === 'azurerm_key_vault') {
    attributes.vault_uri = `https://${name}.vault.azure.net/`;
  } else if (type === 'azurerm_public_ip') {
    attributes.ip_address = `20.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
  } else if (type === 'azurerm_user_assigned_identity') {
    attributes.principal_id = rng.uuid();
    attributes.client_id = rng.uuid();
  }
  attributes.id = id;
  return { providerId: id, attributes };
}

/** GCP REST collections of common google types: [api, collection, scope]. */
const GCP_COLLECTIONS: Readonly<Record<string, readonly [string, string, 'global' | 'regional' | 'zonal' | 'location']>> = {
  google_compute_network: ['compute/v1', 'networks', 'global'],
  google_compute_subnetwork: ['compute/v1', 'subnetworks', 'regional'],
  google_compute_firewall: ['compute/v1', 'firewalls', 'global'],
  google_compute_router: ['compute/v1', 'routers', 'regional'],
  google_compute_address: ['compute/v1', 'addresses', 'regional'],
  google_compute_global_address: ['compute/v1', 'addresses', 'global'],
  google_compute_instance: ['compute/v1', 'instances', 'zonal'],
  google_compute_disk: ['compute/v1', 'disks', 'zonal'],
  google_compute_instance_template: ['compute/v1', 'instanceTemplates', 'global'],
  google_compute_forwarding_rule: ['compute/v1', 'forwardingRules', 'regional'],
  google_compute_backend_service: ['compute/v1', 'backendServices', 'global'],
};

function gcpIdentity(input: IdentityInput, name: string, accounts: WorldAccounts, rng: Prng): GeneratedIdentity {
  const { type } = input.behaviour;
  const project = accounts.gcpProject;
  const region = input.region ?? 'global';
  const attributes: Record<string, unknown> = {};
  const collection = GCP_COLLECTIONS[type];
  let id: string;
  let providerId: string;
  if (collection) {
    const [api, kind, scope] = collection;
    const zoneAttr = input.attributes.zone;
    const zone = typeof zoneAttr === 'string' && zoneAttr !== '' ? zoneAttr : `${region}-a`;
    const where = scope === 'global' ? 'global' : scope === 'zonal' ? `zones/${zone}` : `regions/${region}`;
    id = `projects/${project}/${where}/${kind}/${name}`;
    providerId = `https://www.googleapis.com/${api}/${id}`;
    attributes.self_link = providerId;
  } else if (type === 'google_container_cluster') {
    id = `projects/${project}/locations/${region}/clusters/${name}`;
    providerId = `https://container.googleapis.com/v1/${id}`;
    attributes.self_link = providerId;
    attributes.endpoint = `34.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
  } else if (type === 'google_sql_database_instance') {
    id = name;
    providerId = `https://sqladmin.googleapis.com/sql/v1beta4/projects/${project}/instances/${name}`;
    attributes.self_link = providerId;
    attributes.connection_name = `${project}:${region}:${name}`;
    attributes.public_ip_address = `35.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
  } else if (type === 'google_storage_bucket') {
    id = name;
    providerId = `https://www.googleapis.com/storage/v1/b/${name}`;
    attributes.self_link = providerId;
    attributes.url = `gs://${name}`;
  } else if (type === 'google_redis_instance') {
    id = `projects/${project}/locations/${region}/instances/${name}`;
    providerId = `//redis.googleapis.com/${id}`;
    attributes.host = `10.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
    attributes.port = 6379;
  } else if (type === 'google_pubsub_topic') {
    id = `projects/${project}/topics/${name}`;
    providerId = `//pubsub.googleapis.com/${id}`;
  } else if (type === 'google_service_account') {
    const email = `${name}@${project}.iam.gserviceaccount.com`;
    id = `projects/${project}/serviceAccounts/${email}`;
    providerId = `//iam.googleapis.com/${id}`;
    attributes.email = email;
    attributes.unique_id = rng.digits(21);
  } else {
    const service = type.slice('google_'.length).split('_')[0] ?? 'resource';
    const location = input.behaviour.global || input.region === null ? 'global' : region;
    id = `projects/${project}/locations/${location}/${camel(type.slice('google_'.length + service.length + 1) || service)}s/${name}`;
    providerId = `//${service}.googleapis.com/${id}`;
  }
  attributes.id = id;
  attributes.project = project;
  return { providerId, attributes };
}
