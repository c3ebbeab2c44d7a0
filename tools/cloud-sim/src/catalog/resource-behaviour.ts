import { ProviderError, type ProviderCloud } from '@cloudwright/cloud-provider';

/** How the simulated cloud groups resource types: each category has its own latency, quota and FOCUS service category. */
export const SIM_CATEGORIES = [
  'compute',
  'kubernetes',
  'database',
  'storage',
  'networking',
  'cache',
  'messaging',
  'identity',
  'security',
  'dns',
  'monitoring',
  'other',
] as const;
export type SimCategory = (typeof SIM_CATEGORIES)[number];

/** Identity, security, DNS and monitoring resources are the control plane: fast, numerous, mostly global. */
export const CONTROL_CATEGORIES: ReadonlySet<SimCategory> = new Set(['identity', 'security', 'dns', 'monitoring']);

export interface Latency {
  /** Simulated seconds. */
  create: number;
  update: number;
  delete: number;
}

/** Provisioning and deletion time per category, in simulated seconds (real time = seconds × latencyScale). */
export const CATEGORY_LATENCY: Readonly<Record<SimCategory, Latency>> = {
  compute: { create: 60, update: 30, delete: 45 },
  kubernetes: { create: 600, update: 300, delete: 480 },
  database: { create: 300, update: 180, delete: 240 },
  storage: { create: 10, update: 5, delete: 5 },
  networking: { create: 5, update: 5, delete: 5 },
  cache: { create: 420, update: 240, delete: 300 },
  messaging: { create: 15, update: 10, delete: 10 },
  identity: { create: 3, update: 2, delete: 2 },
  security: { create: 5, update: 3, delete: 3 },
  dns: { create: 30, update: 30, delete: 10 },
  monitoring: { create: 3, update: 2, delete: 2 },
  other: { create: 20, update: 10, delete: 10 },
};

/** Default quota: resources of a category per cloud and region (per cloud for global resources). */
export const DEFAULT_QUOTAS: Readonly<Record<SimCategory, number>> = {
  compute: 100,
  kubernetes: 10,
  database: 20,
  storage: 200,
  networking: 500,
  cache: 20,
  messaging: 100,
  identity: 1000,
  security: 500,
  dns: 200,
  monitoring: 500,
  other: 1000,
};

export interface ResourceBehaviour {
  type: string;
  cloud: ProviderCloud;
  category: SimCategory;
  /** Global types (IAM, Route 53, …) accept region null. */
  global: boolean;
  latency: Latency;
}

interface Rule {
  pattern: RegExp;
  category: SimCategory;
  global?: boolean;
  latency?: Partial<Latency>;
}

/** First matching rule wins; order specific patterns before broad ones. */
const RULES: Readonly<Record<ProviderCloud, readonly Rule[]>> = {
  aws: [
    { pattern: /^aws_eks_(node_group|fargate_profile)$/, category: 'kubernetes', latency: { create: 300, delete: 240 } },
    { pattern: /^aws_eks_addon$/, category: 'kubernetes', latency: { create: 60, delete: 60 } },
    { pattern: /^aws_eks_/, category: 'kubernetes' },
    { pattern: /^aws_(db_subnet_group|db_parameter_group|db_option_group|rds_cluster_parameter_group)$/, category: 'database', latency: { create: 5, update: 5, delete: 5 } },
    { pattern: /^aws_(db_instance|rds_|dynamodb_|docdb_|neptune_|redshift_|timestream_|keyspaces_)/, category: 'database' },
    { pattern: /^aws_(elasticache_subnet_group|elasticache_parameter_group)$/, category: 'cache', latency: { create: 5, update: 5, delete: 5 } },
    { pattern: /^aws_(elasticache_|memorydb_|dax_)/, category: 'cache' },
    { pattern: /^aws_(sqs_|sns_|kinesis_|msk_|mq_|cloudwatch_event_|pipes_|sfn_)/, category: 'messaging' },
    { pattern: /^aws_cloudfront_/, category: 'networking', global: true, latency: { create: 900, update: 600, delete: 900 } },
    { pattern: /^aws_(nat_gateway)$/, category: 'networking', latency: { create: 90, delete: 60 } },
    { pattern: /^aws_(lb|alb|elb)$/, category: 'networking', latency: { create: 120, delete: 60 } },
    { pattern: /^aws_(vpc|subnet|route$|route_table|internet_gateway|egress_only_internet_gateway|nat_|eip|lb_|alb_|security_group|vpc_|network_|default_|ec2_transit_gateway|vpn_|customer_gateway|dx_|api_gateway|apigatewayv2_|globalaccelerator_|main_route_table)/, category: 'networking' },
    { pattern: /^aws_(s3_|ebs_|efs_|fsx_|glacier_|backup_|ecr_|storagegateway_)/, category: 'storage' },
    { pattern: /^aws_(instance|spot_|launch_|autoscaling_|lambda_|ecs_|batch_|lightsail_|elastic_beanstalk_|ami|key_pair|placement_group|ec2_)/, category: 'compute' },
    { pattern: /^aws_(iam_|organizations_)/, category: 'identity', global: true },
    { pattern: /^aws_(cognito_|identitystore_|ssoadmin_)/, category: 'identity' },
    { pattern: /^aws_route53_resolver_/, category: 'dns' },
    { pattern: /^aws_route53_/, category: 'dns', global: true },
    { pattern: /^aws_(kms_|secretsmanager_|acm_|wafv2_|waf_|guardduty_|securityhub_|shield_|macie2_|inspector|ssm_parameter)/, category: 'security' },
    { pattern: /^aws_(cloudwatch_|cloudtrail|config_|xray_|grafana_|prometheus_)/, category: 'monitoring' },
  ],
  azure: [
    { pattern: /^azurerm_kubernetes_cluster_node_pool$/, category: 'kubernetes', latency: { create: 300, delete: 240 } },
    { pattern: /^azurerm_kubernetes_/, category: 'kubernetes' },
    { pattern: /^azurerm_(mssql|sql|postgresql|mysql|mariadb|cosmosdb)_.*(database|firewall_rule|configuration|container|collection|table)$/, category: 'database', latency: { create: 20, update: 10, delete: 15 } },
    { pattern: /^azurerm_(mssql|sql|postgresql|mysql|mariadb|cosmosdb)_/, category: 'database' },
    { pattern: /^azurerm_(redis_|managed_redis)/, category: 'cache' },
    { pattern: /^azurerm_(servicebus_|eventhub|eventgrid_|notification_hub|relay_|signalr_|web_pubsub)/, category: 'messaging' },
    { pattern: /^azurerm_(storage_|managed_disk|backup_|recovery_services_|data_protection_|container_registry)/, category: 'storage' },
    { pattern: /^azurerm_(frontdoor|cdn_frontdoor|traffic_manager_)/, category: 'networking', global: true },
    { pattern: /^azurerm_(application_gateway|firewall|virtual_network_gateway|nat_gateway)$/, category: 'networking', latency: { create: 300, update: 120, delete: 180 } },
    { pattern: /^azurerm_(virtual_network|subnet|network_|public_ip|lb|application_gateway|nat_gateway|route|firewall|private_endpoint|private_link|vpn_|express_route|cdn_|virtual_hub|virtual_wan|local_network_gateway|virtual_network_gateway|bastion_host|api_management)/, category: 'networking' },
    { pattern: /^azurerm_(linux_|windows_|virtual_machine|availability_set|proximity_placement|service_plan|app_service|function_app|container_group|container_app|batch_|spring_cloud|static_site|image|shared_image|dedicated_host)/, category: 'compute' },
    { pattern: /^azurerm_(role_definition|role_assignment|policy_)/, category: 'identity', global: true },
    { pattern: /^azurerm_(user_assigned_identity|federated_identity_credential)/, category: 'identity' },
    { pattern: /^azurerm_(dns_|private_dns_)/, category: 'dns', global: true },
    { pattern: /^azurerm_(key_vault|security_center_|sentinel_|web_application_firewall_policy|management_lock)/, category: 'security' },
    { pattern: /^azurerm_(monitor_|log_analytics_|application_insights)/, category: 'monitoring' },
  ],
  gcp: [
    { pattern: /^google_container_node_pool$/, category: 'kubernetes', latency: { create: 300, delete: 240 } },
    { pattern: /^google_container_/, category: 'kubernetes' },
    { pattern: /^google_sql_(database|user)$/, category: 'database', latency: { create: 20, update: 10, delete: 15 } },
    { pattern: /^google_(sql_|spanner_|bigtable_|firestore_|alloydb_|datastore_)/, category: 'database' },
    { pattern: /^google_(redis_|memcache_)/, category: 'cache' },
    { pattern: /^google_pubsub_/, category: 'messaging', global: true },
    { pattern: /^google_(eventarc_|cloud_tasks_|workflows_)/, category: 'messaging' },
    { pattern: /^google_storage_/, category: 'storage' },
    { pattern: /^google_(compute_disk|compute_region_disk|compute_snapshot|filestore_|bigquery_|artifact_registry_|compute_image)/, category: 'storage' },
    { pattern: /^google_compute_(network|firewall|route|global_address|global_forwarding_rule|backend_service|backend_bucket|url_map|target_http_proxy|target_https_proxy|health_check|ssl_certificate|managed_ssl_certificate|security_policy)$/, category: 'networking', global: true },
    { pattern: /^google_compute_(router|router_nat)$/, category: 'networking', latency: { create: 30, delete: 30 } },
    { pattern: /^google_compute_(subnetwork|address|forwarding_rule|network_|vpn_|interconnect|region_|target_pool|ha_vpn)/, category: 'networking' },
    { pattern: /^google_(vpc_access_|service_networking_)/, category: 'networking' },
    { pattern: /^google_compute_instance_template$/, category: 'compute', global: true },
    { pattern: /^google_(compute_|cloudfunctions|cloud_run_|app_engine_|cloud_scheduler_|dataproc_|dataflow_)/, category: 'compute' },
    { pattern: /^google_(project_iam_|service_account|organization_iam_|folder_iam_|iam_|.*_iam_(member|binding|policy)$)/, category: 'identity', global: true },
    { pattern: /^google_dns_/, category: 'dns', global: true },
    { pattern: /^google_(kms_|secret_manager_|binary_authorization_|certificate_manager_)/, category: 'security' },
    { pattern: /^google_(monitoring_|logging_)/, category: 'monitoring', global: true },
    { pattern: /^google_(project|project_service|folder|organization_)/, category: 'other', global: true },
  ],
};

const PREFIXES: ReadonlyArray<readonly [string, ProviderCloud]> = [
  ['aws_', 'aws'],
  ['azurerm_', 'azure'],
  ['google_', 'gcp'],
];

/** The cloud a Terraform type belongs to, or null when it is not an AWS, Azure or Google type. */
export function cloudOfSimType(type: string): ProviderCloud | null {
  for (const [prefix, cloud] of PREFIXES) if (type.startsWith(prefix) && type.length > prefix.length) return cloud;
  return null;
}

const cache = new Map<string, ResourceBehaviour>();

/**
 * How the simulated cloud treats a type: any `aws_*`, `azurerm_*` or `google_*` type is accepted (unknown ones get the
 * `other` behaviour); anything else is ProviderError 'unsupported-type'.
 */
export function behaviourOf(type: string, address?: string): ResourceBehaviour {
  const known = cache.get(type);
  if (known) return known;
  const cloud = cloudOfSimType(type);
  if (!cloud || !/^[a-z0-9_]+$/.test(type)) {
    throw new ProviderError(
      'unsupported-type',
      `${address ? `${address}: ` : ''}resource type "${type}" is not an AWS (aws_*), Azure (azurerm_*) or Google Cloud (google_*) type`,
      address,
    );
  }
  const rule = RULES[cloud].find((r) => r.pattern.test(type));
  const category = rule?.category ?? 'other';
  const behaviour: ResourceBehaviour = {
    type,
    cloud,
    category,
    global: rule?.global ?? false,
    latency: { ...CATEGORY_LATENCY[category], ...rule?.latency },
  };
  cache.set(type, behaviour);
  return behaviour;
}

/** Real milliseconds to wait for an operation: simulated seconds × latencyScale × 1000. */
export function latencyMs(behaviour: ResourceBehaviour, operation: keyof Latency, latencyScale: number): number {
  if (!(latencyScale >= 0) || !Number.isFinite(latencyScale)) throw new RangeError(`latencyScale must be a finite number ≥ 0 (got ${latencyScale})`);
  return Math.round(behaviour.latency[operation] * latencyScale * 1000);
}
