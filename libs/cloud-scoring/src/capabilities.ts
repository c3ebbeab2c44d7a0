import { type Cloud, type PlanResource } from '@cloudwright/terraform-plan';

/**
 * How a cloud offers a capability: its own managed service (`native`), only through a partner or marketplace
 * offering it does not run itself (`partner`, e.g. MongoDB Atlas on Google Cloud), or not at all (`none`).
 */
export type Availability = 'native' | 'partner' | 'none';

export interface CloudOffering {
  /** The cloud's service name (`EKS`, `Azure Kubernetes Service`, `GKE`), or the partner offering. */
  readonly service: string;
  readonly availability: Availability;
  /** Terraform resource types of this capability on this cloud (exact names). */
  readonly types: readonly string[];
  /** Type prefixes (`aws_s3_bucket_`): a type matches the longest prefix of any capability. */
  readonly prefixes?: readonly string[];
  /** Types of this capability that are global on this cloud (no region), e.g. GCP VPC networks. */
  readonly globalTypes?: readonly string[];
}

export interface Capability {
  readonly id: string;
  readonly label: string;
  /** Resources of a global capability have no region (IAM, DNS zones, CDN distributions). */
  readonly global?: boolean;
  readonly clouds: Readonly<Record<Cloud, CloudOffering>>;
}

const native = (service: string, types: readonly string[], prefixes: readonly string[] = [], globalTypes?: readonly string[]): CloudOffering => ({
  service,
  availability: 'native',
  types,
  prefixes,
  ...(globalTypes ? { globalTypes } : {}),
});
const partner = (service: string): CloudOffering => ({ service, availability: 'partner', types: [] });

/**
 * The Azure / AWS / GCP service mapping (../shared/reference/infrastructure-planning-spec.md section 3.1, extended with
 * the providers' public product pages) and the Terraform resource types of each capability. Relational databases are
 * split per engine because engine support differs (Oracle is native on AWS only, MariaDB only on AWS since Azure
 * Database for MariaDB was retired in 2025). Types are the hashicorp/aws, azurerm and google providers' names.
 */
export const CAPABILITIES: readonly Capability[] = [
  {
    id: 'network',
    label: 'virtual network',
    clouds: {
      aws: native(
        'VPC',
        ['aws_vpc', 'aws_subnet', 'aws_internet_gateway', 'aws_egress_only_internet_gateway', 'aws_route_table', 'aws_route', 'aws_route_table_association', 'aws_eip', 'aws_network_interface'],
        ['aws_vpc_', 'aws_default_', 'aws_security_group', 'aws_network_acl', 'aws_ec2_transit_gateway', 'aws_vpn_', 'aws_customer_gateway', 'aws_dx_', 'aws_flow_log'],
      ),
      azure: native(
        'Virtual Network',
        ['azurerm_virtual_network', 'azurerm_subnet', 'azurerm_public_ip', 'azurerm_network_interface', 'azurerm_route_table', 'azurerm_route'],
        ['azurerm_virtual_network_', 'azurerm_subnet_', 'azurerm_network_security_', 'azurerm_network_interface_', 'azurerm_private_endpoint', 'azurerm_virtual_network_gateway', 'azurerm_vpn_', 'azurerm_express_route', 'azurerm_network_watcher', 'azurerm_public_ip_'],
      ),
      gcp: native(
        'VPC',
        ['google_compute_network', 'google_compute_subnetwork', 'google_compute_firewall', 'google_compute_route', 'google_compute_router', 'google_compute_address', 'google_compute_global_address'],
        ['google_compute_network_', 'google_compute_subnetwork_', 'google_compute_firewall_', 'google_compute_vpn_', 'google_compute_ha_vpn_', 'google_compute_interconnect', 'google_compute_router_interface', 'google_compute_router_peer', 'google_vpc_access_'],
        ['google_compute_network', 'google_compute_firewall', 'google_compute_route', 'google_compute_global_address', 'google_compute_network_peering'],
      ),
    },
  },
  {
    id: 'compute-vm',
    label: 'virtual machines',
    clouds: {
      aws: native('EC2', ['aws_instance', 'aws_launch_template', 'aws_launch_configuration', 'aws_autoscaling_group', 'aws_key_pair', 'aws_placement_group', 'aws_ami', 'aws_spot_instance_request'], ['aws_autoscaling_', 'aws_ec2_', 'aws_ami_']),
      azure: native(
        'Virtual Machines',
        ['azurerm_virtual_machine', 'azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_availability_set', 'azurerm_ssh_public_key', 'azurerm_image'],
        ['azurerm_virtual_machine_', 'azurerm_linux_virtual_machine_', 'azurerm_windows_virtual_machine_', 'azurerm_orchestrated_virtual_machine_scale_set', 'azurerm_dedicated_host'],
      ),
      gcp: native(
        'Compute Engine',
        ['google_compute_instance', 'google_compute_image', 'google_compute_autoscaler', 'google_compute_region_autoscaler', 'google_compute_machine_image'],
        ['google_compute_instance_', 'google_compute_region_instance_', 'google_compute_image_', 'google_compute_resource_policy', 'google_compute_project_metadata'],
      ),
    },
  },
  {
    id: 'app-platform',
    label: 'application platform',
    clouds: {
      aws: native('Elastic Beanstalk / App Runner', ['aws_apprunner_service'], ['aws_elastic_beanstalk_', 'aws_apprunner_']),
      azure: native('App Service', ['azurerm_app_service', 'azurerm_app_service_plan', 'azurerm_service_plan', 'azurerm_linux_web_app', 'azurerm_windows_web_app'], ['azurerm_app_service_', 'azurerm_linux_web_app_', 'azurerm_windows_web_app_', 'azurerm_static_web_app']),
      gcp: native('App Engine', [], ['google_app_engine_']),
    },
  },
  {
    id: 'serverless-functions',
    label: 'serverless functions',
    clouds: {
      aws: native('Lambda', ['aws_lambda_function'], ['aws_lambda_']),
      azure: native('Azure Functions', ['azurerm_function_app', 'azurerm_linux_function_app', 'azurerm_windows_function_app'], ['azurerm_function_app_', 'azurerm_linux_function_app_', 'azurerm_windows_function_app_']),
      gcp: native('Cloud Functions', ['google_cloudfunctions_function', 'google_cloudfunctions2_function'], ['google_cloudfunctions_', 'google_cloudfunctions2_']),
    },
  },
  {
    id: 'containers',
    label: 'containers as a service',
    clouds: {
      aws: native('ECS / Fargate', ['aws_ecs_cluster', 'aws_ecs_service', 'aws_ecs_task_definition'], ['aws_ecs_']),
      azure: native('Container Apps / Container Instances', ['azurerm_container_group', 'azurerm_container_app', 'azurerm_container_app_environment'], ['azurerm_container_app_', 'azurerm_container_group_']),
      gcp: native('Cloud Run', ['google_cloud_run_service', 'google_cloud_run_v2_service', 'google_cloud_run_v2_job'], ['google_cloud_run_', 'google_cloud_run_v2_']),
    },
  },
  {
    id: 'container-registry',
    label: 'container registry',
    clouds: {
      aws: native('ECR', ['aws_ecr_repository'], ['aws_ecr_', 'aws_ecrpublic_']),
      azure: native('Container Registry', ['azurerm_container_registry'], ['azurerm_container_registry_']),
      gcp: native('Artifact Registry', ['google_artifact_registry_repository'], ['google_artifact_registry_']),
    },
  },
  {
    id: 'kubernetes',
    label: 'managed Kubernetes',
    clouds: {
      aws: native('EKS', ['aws_eks_cluster', 'aws_eks_node_group', 'aws_eks_addon', 'aws_eks_fargate_profile'], ['aws_eks_']),
      azure: native('AKS', ['azurerm_kubernetes_cluster', 'azurerm_kubernetes_cluster_node_pool'], ['azurerm_kubernetes_']),
      gcp: native('GKE', ['google_container_cluster', 'google_container_node_pool'], ['google_container_', 'google_gke_']),
    },
  },
  {
    id: 'postgres',
    label: 'managed PostgreSQL',
    clouds: {
      aws: native('RDS / Aurora PostgreSQL', []),
      azure: native('Azure Database for PostgreSQL', ['azurerm_postgresql_flexible_server', 'azurerm_postgresql_server'], ['azurerm_postgresql_']),
      gcp: native('Cloud SQL for PostgreSQL / AlloyDB', ['google_alloydb_cluster', 'google_alloydb_instance'], ['google_alloydb_']),
    },
  },
  {
    id: 'mysql',
    label: 'managed MySQL',
    clouds: {
      aws: native('RDS / Aurora MySQL', []),
      azure: native('Azure Database for MySQL', ['azurerm_mysql_flexible_server', 'azurerm_mysql_server'], ['azurerm_mysql_']),
      gcp: native('Cloud SQL for MySQL', []),
    },
  },
  {
    id: 'sqlserver',
    label: 'managed SQL Server',
    clouds: {
      aws: native('RDS for SQL Server', []),
      azure: native('Azure SQL Database', ['azurerm_mssql_server', 'azurerm_mssql_database', 'azurerm_sql_server', 'azurerm_sql_database', 'azurerm_mssql_managed_instance'], ['azurerm_mssql_', 'azurerm_sql_']),
      gcp: native('Cloud SQL for SQL Server', []),
    },
  },
  {
    id: 'oracle',
    label: 'managed Oracle Database',
    clouds: {
      aws: native('RDS for Oracle', []),
      azure: partner('Oracle Database@Azure (operated by Oracle)'),
      gcp: partner('Oracle Database@Google Cloud (operated by Oracle)'),
    },
  },
  {
    id: 'mariadb',
    label: 'managed MariaDB',
    clouds: {
      aws: native('RDS for MariaDB', []),
      azure: { service: 'Azure Database for MariaDB (retired 2025)', availability: 'none', types: ['azurerm_mariadb_server'], prefixes: ['azurerm_mariadb_'] },
      gcp: { service: 'none', availability: 'none', types: [] },
    },
  },
  {
    id: 'relational-db',
    label: 'managed relational database (engine not known at plan time)',
    clouds: {
      aws: native('RDS', ['aws_db_instance', 'aws_rds_cluster', 'aws_rds_cluster_instance'], ['aws_db_', 'aws_rds_']),
      azure: native('Azure SQL / Azure Database', []),
      gcp: native('Cloud SQL', ['google_sql_database_instance', 'google_sql_database', 'google_sql_user'], ['google_sql_']),
    },
  },
  {
    id: 'document-db',
    label: 'NoSQL document / key-value database',
    clouds: {
      aws: native('DynamoDB', ['aws_dynamodb_table'], ['aws_dynamodb_', 'aws_dax_']),
      azure: native('Cosmos DB', ['azurerm_cosmosdb_account'], ['azurerm_cosmosdb_sql_', 'azurerm_cosmosdb_table']),
      gcp: native('Firestore', ['google_firestore_database'], ['google_firestore_']),
    },
  },
  {
    id: 'mongodb',
    label: 'managed MongoDB',
    clouds: {
      aws: native('DocumentDB', ['aws_docdb_cluster', 'aws_docdb_cluster_instance'], ['aws_docdb_', 'aws_docdbelastic_']),
      azure: native('Cosmos DB for MongoDB', ['azurerm_cosmosdb_mongo_database', 'azurerm_cosmosdb_mongo_collection'], ['azurerm_cosmosdb_mongo_']),
      gcp: partner('MongoDB Atlas (Marketplace)'),
    },
  },
  {
    id: 'graph-db',
    label: 'graph database',
    clouds: {
      aws: native('Neptune', ['aws_neptune_cluster', 'aws_neptune_cluster_instance'], ['aws_neptune_']),
      azure: native('Cosmos DB for Apache Gremlin', ['azurerm_cosmosdb_gremlin_database', 'azurerm_cosmosdb_gremlin_graph'], ['azurerm_cosmosdb_gremlin_']),
      gcp: partner('Neo4j AuraDB (Marketplace)'),
    },
  },
  {
    id: 'wide-column',
    label: 'wide-column database',
    clouds: {
      aws: native('Keyspaces', [], ['aws_keyspaces_']),
      azure: native('Managed Instance for Apache Cassandra', [], ['azurerm_cosmosdb_cassandra_', 'azurerm_managed_cassandra_']),
      gcp: native('Bigtable', ['google_bigtable_instance', 'google_bigtable_table'], ['google_bigtable_']),
    },
  },
  {
    id: 'global-sql',
    label: 'globally distributed SQL',
    clouds: {
      aws: native('Aurora DSQL', [], ['aws_dsql_']),
      azure: native('Cosmos DB for PostgreSQL', [], ['azurerm_cosmosdb_postgresql_']),
      gcp: native('Spanner', ['google_spanner_instance', 'google_spanner_database'], ['google_spanner_']),
    },
  },
  {
    id: 'cache',
    label: 'in-memory cache',
    clouds: {
      aws: native('ElastiCache / MemoryDB', ['aws_elasticache_cluster', 'aws_elasticache_replication_group', 'aws_memorydb_cluster'], ['aws_elasticache_', 'aws_memorydb_']),
      azure: native('Azure Cache for Redis / Azure Managed Redis', ['azurerm_redis_cache', 'azurerm_managed_redis', 'azurerm_redis_enterprise_cluster'], ['azurerm_redis_', 'azurerm_managed_redis_']),
      gcp: native('Memorystore', ['google_redis_instance', 'google_redis_cluster', 'google_memcache_instance'], ['google_redis_', 'google_memcache_']),
    },
  },
  {
    id: 'object-storage',
    label: 'object storage',
    clouds: {
      aws: native('S3', ['aws_s3_bucket'], ['aws_s3_', 'aws_s3control_']),
      azure: native('Blob Storage', ['azurerm_storage_account', 'azurerm_storage_container', 'azurerm_storage_blob'], ['azurerm_storage_account_', 'azurerm_storage_management_policy', 'azurerm_storage_container_', 'azurerm_storage_blob_']),
      gcp: native('Cloud Storage', ['google_storage_bucket'], ['google_storage_']),
    },
  },
  {
    id: 'block-storage',
    label: 'block storage',
    clouds: {
      aws: native('EBS', ['aws_ebs_volume', 'aws_volume_attachment', 'aws_ebs_snapshot'], ['aws_ebs_']),
      azure: native('Managed Disks', ['azurerm_managed_disk', 'azurerm_disk_encryption_set', 'azurerm_snapshot'], ['azurerm_managed_disk_', 'azurerm_virtual_machine_data_disk_attachment']),
      gcp: native('Persistent Disk', ['google_compute_disk', 'google_compute_region_disk', 'google_compute_snapshot', 'google_compute_attached_disk'], ['google_compute_disk_', 'google_compute_region_disk_', 'google_compute_snapshot_']),
    },
  },
  {
    id: 'file-storage',
    label: 'file storage',
    clouds: {
      aws: native('EFS / FSx', ['aws_efs_file_system', 'aws_efs_mount_target'], ['aws_efs_', 'aws_fsx_']),
      azure: native('Azure Files / NetApp Files', ['azurerm_storage_share'], ['azurerm_storage_share_', 'azurerm_netapp_']),
      gcp: native('Filestore', ['google_filestore_instance'], ['google_filestore_']),
    },
  },
  {
    id: 'message-queue',
    label: 'message queue',
    clouds: {
      aws: native('SQS / Amazon MQ', ['aws_sqs_queue', 'aws_mq_broker'], ['aws_sqs_', 'aws_mq_']),
      azure: native('Service Bus', ['azurerm_servicebus_namespace', 'azurerm_servicebus_queue'], ['azurerm_servicebus_', 'azurerm_storage_queue']),
      gcp: native('Cloud Tasks', ['google_cloud_tasks_queue'], ['google_cloud_tasks_']),
    },
  },
  {
    id: 'pub-sub',
    label: 'publish/subscribe and event routing',
    clouds: {
      aws: native('SNS / EventBridge', ['aws_sns_topic', 'aws_sns_topic_subscription'], ['aws_sns_', 'aws_cloudwatch_event_', 'aws_scheduler_', 'aws_pipes_']),
      azure: native('Event Grid', [], ['azurerm_eventgrid_']),
      gcp: native('Pub/Sub / Eventarc', ['google_pubsub_topic', 'google_pubsub_subscription'], ['google_pubsub_', 'google_eventarc_']),
    },
  },
  {
    id: 'streaming',
    label: 'event streaming',
    clouds: {
      aws: native('Kinesis / MSK', ['aws_kinesis_stream', 'aws_msk_cluster'], ['aws_kinesis_', 'aws_msk_']),
      azure: native('Event Hubs', ['azurerm_eventhub_namespace', 'azurerm_eventhub'], ['azurerm_eventhub_']),
      gcp: native('Pub/Sub Lite / Managed Service for Apache Kafka', [], ['google_pubsub_lite_', 'google_managed_kafka_', 'google_dataflow_']),
    },
  },
  {
    id: 'cdn',
    label: 'CDN',
    global: true,
    clouds: {
      aws: native('CloudFront', ['aws_cloudfront_distribution'], ['aws_cloudfront_']),
      azure: native('Front Door / Azure CDN', ['azurerm_cdn_profile', 'azurerm_cdn_endpoint', 'azurerm_frontdoor'], ['azurerm_cdn_', 'azurerm_frontdoor_']),
      gcp: native('Cloud CDN', ['google_compute_backend_bucket'], ['google_compute_backend_bucket_']),
    },
  },
  {
    id: 'load-balancer',
    label: 'load balancer',
    clouds: {
      aws: native('ELB (ALB / NLB)', ['aws_lb', 'aws_alb', 'aws_elb', 'aws_lb_listener', 'aws_alb_listener', 'aws_lb_target_group'], ['aws_lb_', 'aws_alb_', 'aws_elb_', 'aws_globalaccelerator_']),
      azure: native('Load Balancer / Application Gateway', ['azurerm_lb', 'azurerm_application_gateway', 'azurerm_traffic_manager_profile'], ['azurerm_lb_', 'azurerm_traffic_manager_']),
      gcp: native(
        'Cloud Load Balancing',
        ['google_compute_forwarding_rule', 'google_compute_global_forwarding_rule', 'google_compute_backend_service', 'google_compute_region_backend_service', 'google_compute_url_map', 'google_compute_health_check', 'google_compute_target_pool'],
        ['google_compute_target_', 'google_compute_url_map', 'google_compute_region_url_map', 'google_compute_health_check', 'google_compute_region_health_check', 'google_compute_ssl_', 'google_compute_region_ssl_', 'google_compute_managed_ssl_certificate'],
        ['google_compute_global_forwarding_rule', 'google_compute_backend_service', 'google_compute_url_map', 'google_compute_health_check', 'google_compute_target_https_proxy', 'google_compute_target_http_proxy', 'google_compute_target_ssl_proxy', 'google_compute_managed_ssl_certificate', 'google_compute_ssl_policy'],
      ),
    },
  },
  {
    id: 'nat',
    label: 'NAT gateway',
    clouds: {
      aws: native('NAT Gateway', ['aws_nat_gateway']),
      azure: native('NAT Gateway', ['azurerm_nat_gateway'], ['azurerm_nat_gateway_']),
      gcp: native('Cloud NAT', ['google_compute_router_nat']),
    },
  },
  {
    id: 'dns',
    label: 'DNS',
    global: true,
    clouds: {
      aws: native('Route 53', ['aws_route53_zone', 'aws_route53_record'], ['aws_route53_']),
      azure: native('Azure DNS', ['azurerm_dns_zone'], ['azurerm_dns_', 'azurerm_private_dns_']),
      gcp: native('Cloud DNS', ['google_dns_managed_zone', 'google_dns_record_set'], ['google_dns_']),
    },
  },
  {
    id: 'api-gateway',
    label: 'API gateway',
    clouds: {
      aws: native('API Gateway', ['aws_api_gateway_rest_api', 'aws_apigatewayv2_api'], ['aws_api_gateway_', 'aws_apigatewayv2_']),
      azure: native('API Management', ['azurerm_api_management'], ['azurerm_api_management_']),
      gcp: native('API Gateway / Apigee', ['google_api_gateway_api', 'google_api_gateway_gateway'], ['google_api_gateway_', 'google_apigee_']),
    },
  },
  {
    id: 'identity',
    label: 'identity and access',
    global: true,
    clouds: {
      aws: native('IAM', ['aws_iam_role', 'aws_iam_policy', 'aws_iam_user'], ['aws_iam_', 'aws_cognito_', 'aws_ssoadmin_', 'aws_identitystore_']),
      azure: native('Entra ID / Azure RBAC', ['azurerm_role_assignment', 'azurerm_role_definition', 'azurerm_user_assigned_identity'], ['azurerm_role_', 'azurerm_user_assigned_identity_', 'azurerm_federated_identity_credential', 'azurerm_pim_']),
      gcp: native('Cloud IAM', ['google_service_account', 'google_service_account_key'], ['google_service_account_', 'google_project_iam_', 'google_organization_iam_', 'google_folder_iam_', 'google_iam_', 'google_identity_platform_']),
    },
  },
  {
    id: 'key-management',
    label: 'key management',
    clouds: {
      aws: native('KMS', ['aws_kms_key', 'aws_kms_alias'], ['aws_kms_', 'aws_cloudhsm_']),
      azure: native('Key Vault', ['azurerm_key_vault', 'azurerm_key_vault_key'], ['azurerm_key_vault_access_policy', 'azurerm_key_vault_managed_hardware_security_module', 'azurerm_key_vault_certificate']),
      gcp: native('Cloud KMS', ['google_kms_key_ring', 'google_kms_crypto_key'], ['google_kms_']),
    },
  },
  {
    id: 'secrets',
    label: 'secrets management',
    clouds: {
      aws: native('Secrets Manager', ['aws_secretsmanager_secret'], ['aws_secretsmanager_', 'aws_ssm_parameter']),
      azure: native('Key Vault secrets', ['azurerm_key_vault_secret']),
      gcp: native('Secret Manager', ['google_secret_manager_secret'], ['google_secret_manager_']),
    },
  },
  {
    id: 'monitoring',
    label: 'monitoring and logs',
    clouds: {
      aws: native('CloudWatch / CloudTrail', ['aws_cloudwatch_log_group', 'aws_cloudwatch_metric_alarm', 'aws_cloudtrail'], ['aws_cloudwatch_', 'aws_cloudtrail_', 'aws_xray_', 'aws_config_', 'aws_guardduty_', 'aws_securityhub_']),
      azure: native('Azure Monitor / Log Analytics', ['azurerm_log_analytics_workspace', 'azurerm_application_insights'], ['azurerm_monitor_', 'azurerm_log_analytics_', 'azurerm_application_insights_', 'azurerm_security_center_', 'azurerm_sentinel_']),
      gcp: native('Cloud Monitoring / Cloud Logging', [], ['google_monitoring_', 'google_logging_', 'google_scc_']),
    },
  },
  {
    id: 'waf',
    label: 'web application firewall',
    clouds: {
      aws: native('AWS WAF / Shield', [], ['aws_wafv2_', 'aws_waf_', 'aws_wafregional_', 'aws_shield_']),
      azure: native('Azure WAF / Firewall', ['azurerm_web_application_firewall_policy', 'azurerm_firewall', 'azurerm_firewall_policy'], ['azurerm_firewall_', 'azurerm_web_application_firewall_']),
      gcp: native('Cloud Armor', ['google_compute_security_policy'], ['google_compute_security_policy_']),
    },
  },
  {
    id: 'data-warehouse',
    label: 'data warehouse',
    clouds: {
      aws: native('Redshift', ['aws_redshift_cluster'], ['aws_redshift_', 'aws_redshiftserverless_']),
      azure: native('Synapse Analytics', ['azurerm_synapse_workspace'], ['azurerm_synapse_']),
      gcp: native('BigQuery', ['google_bigquery_dataset', 'google_bigquery_table'], ['google_bigquery_']),
    },
  },
  {
    id: 'search',
    label: 'search',
    clouds: {
      aws: native('OpenSearch Service', ['aws_opensearch_domain', 'aws_elasticsearch_domain'], ['aws_opensearch_', 'aws_elasticsearch_', 'aws_opensearchserverless_']),
      azure: native('Azure AI Search', ['azurerm_search_service'], ['azurerm_search_']),
      gcp: partner('Elastic Cloud (Marketplace)'),
    },
  },
  {
    id: 'ai-platform',
    label: 'machine-learning platform',
    clouds: {
      aws: native('SageMaker', [], ['aws_sagemaker_', 'aws_bedrock_']),
      azure: native('Azure Machine Learning / Azure AI', ['azurerm_machine_learning_workspace', 'azurerm_cognitive_account'], ['azurerm_machine_learning_', 'azurerm_cognitive_']),
      gcp: native('Vertex AI', [], ['google_vertex_ai_', 'google_notebooks_']),
    },
  },
  {
    id: 'management',
    label: 'resource organisation',
    global: true,
    clouds: {
      aws: native('Organizations / Resource Groups', [], ['aws_organizations_', 'aws_resourcegroups_', 'aws_budgets_', 'aws_ce_']),
      azure: native('Resource Groups / Management Groups', ['azurerm_resource_group', 'azurerm_management_group', 'azurerm_subscription'], ['azurerm_management_group_', 'azurerm_policy_', 'azurerm_management_lock', 'azurerm_consumption_budget_']),
      gcp: native('Projects / Folders', ['google_project', 'google_folder', 'google_project_service'], ['google_project_', 'google_folder_', 'google_organization_', 'google_billing_']),
    },
  },
];

export type CapabilityId = (typeof CAPABILITIES)[number]['id'];

const BY_ID = new Map(CAPABILITIES.map((c) => [c.id, c]));

export function capabilityById(id: string): Capability | undefined {
  return BY_ID.get(id);
}

/** Exact type → capability, and prefixes sorted longest first. Built once. */
const EXACT = new Map<string, Capability>();
const PREFIXES: { prefix: string; capability: Capability }[] = [];
const GLOBAL_TYPES = new Set<string>();
for (const capability of CAPABILITIES) {
  for (const offering of Object.values(capability.clouds)) {
    for (const type of offering.types) {
      const existing = EXACT.get(type);
      if (existing) throw new Error(`capability table: ${type} is listed under both ${existing.id} and ${capability.id}`);
      EXACT.set(type, capability);
    }
    for (const prefix of offering.prefixes ?? []) PREFIXES.push({ prefix, capability });
    for (const type of offering.globalTypes ?? []) GLOBAL_TYPES.add(type);
  }
}
PREFIXES.sort((a, b) => b.prefix.length - a.prefix.length);

/** Engines of the relational types that carry one (`aws_db_instance.engine`, `google_sql_database_instance.database_version`). */
function engineCapability(resource: ClassifiableResource): string | null {
  const values = resource.after ?? resource.before;
  if (!values) return null;
  let engine: string | undefined;
  if (resource.type === 'aws_db_instance' || resource.type === 'aws_rds_cluster') engine = values.string('engine');
  else if (resource.type === 'google_sql_database_instance') engine = values.string('database_version');
  if (!engine) return null;
  const e = engine.toLowerCase();
  if (e.includes('postgres')) return 'postgres';
  if (e.includes('mariadb')) return 'mariadb';
  if (e.includes('mysql')) return 'mysql';
  if (e.startsWith('sqlserver')) return 'sqlserver';
  if (e.startsWith('oracle')) return 'oracle';
  return null;
}

/** What classification needs of a plan resource; `after`/`before` are optional (only the database engine is read). */
export type ClassifiableResource = Pick<PlanResource, 'type'> & Partial<Pick<PlanResource, 'after' | 'before'>>;

/** The capability of a resource type (the exact type, else the longest matching prefix), null when unknown. */
export function classifyResource(resource: ClassifiableResource): Capability | null {
  const engine = engineCapability(resource);
  if (engine) return BY_ID.get(engine) ?? null;
  const exact = EXACT.get(resource.type);
  if (exact) return exact;
  return PREFIXES.find((p) => resource.type.startsWith(p.prefix))?.capability ?? null;
}

/** True when resources of this type have no region (IAM, DNS, CDN, GCP VPC networks and global load balancing). */
export function isGlobalType(type: string): boolean {
  if (GLOBAL_TYPES.has(type)) return true;
  return classifyResource({ type })?.global === true;
}

/** Providers whose resources never live on a cloud: Terraform utilities. */
const UTILITY_TYPE = /^(random_|null_resource$|null_data_source$|tls_|time_|local_|terraform_data$|archive_|external$|http$|cloudinit_|template_)/;

export function isUtilityType(type: string): boolean {
  return UTILITY_TYPE.test(type);
}

/** The resources a scoring reads: the parsed plan's fields, `after`/`before` optional (tests build them by hand). */
export type ScoredResource = Pick<PlanResource, 'address' | 'type' | 'cloud' | 'mode' | 'action' | 'region'> & Partial<Pick<PlanResource, 'after' | 'before'>>;

export interface PlanCapabilities {
  /** Resources per capability id over the whole workload (managed cloud resources that exist after the plan). */
  readonly counts: Readonly<Record<string, number>>;
  /** The same per cloud of the resources. */
  readonly byCloud: Readonly<Record<Cloud, Readonly<Record<string, number>>>>;
  /** Cloud resource types no capability claims (`aws_foo_bar`), sorted, each once. */
  readonly unclassified: readonly string[];
  /** Addresses of resources of other providers (random, null, tls, time, kubernetes, helm…): not a cloud resource. */
  readonly nonCloud: readonly string[];
}

/** True for the managed resources that exist once the plan is applied (data sources and deletions are not workload). */
export const isWorkloadResource = (r: Pick<PlanResource, 'mode' | 'action'>): boolean => r.mode === 'managed' && r.action !== 'delete' && r.action !== 'read';

/** Counts the capabilities a plan's workload uses, per cloud and in total, and lists what it cannot classify. */
export function capabilitiesOfPlan(plan: { readonly resources: readonly ScoredResource[] }): PlanCapabilities {
  const counts: Record<string, number> = {};
  const byCloud: Record<Cloud, Record<string, number>> = { aws: {}, azure: {}, gcp: {} };
  const unclassified = new Set<string>();
  const nonCloud: string[] = [];
  for (const resource of plan.resources) {
    if (resource.mode !== 'managed') continue;
    if (!resource.cloud) {
      nonCloud.push(resource.address);
      continue;
    }
    if (!isWorkloadResource(resource)) continue;
    const capability = classifyResource(resource);
    if (!capability) {
      unclassified.add(resource.type);
      continue;
    }
    counts[capability.id] = (counts[capability.id] ?? 0) + 1;
    const cloudCounts = byCloud[resource.cloud];
    cloudCounts[capability.id] = (cloudCounts[capability.id] ?? 0) + 1;
  }
  return { counts, byCloud, unclassified: [...unclassified].sort(), nonCloud };
}
