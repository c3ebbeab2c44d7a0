import { type ProviderCloud } from '@cloudwright/cloud-provider';
import { type SimCategory } from '../catalog/resource-behaviour';

/** FOCUS ProviderName / PublisherName / InvoiceIssuerName of each cloud. */
export const FOCUS_PROVIDER_NAMES: Readonly<Record<ProviderCloud, string>> = {
  aws: 'Amazon Web Services',
  azure: 'Microsoft',
  gcp: 'Google Cloud',
};

/** FOCUS 1.0 ServiceCategory of each simulated category. */
export const FOCUS_SERVICE_CATEGORIES: Readonly<Record<SimCategory, string>> = {
  compute: 'Compute',
  kubernetes: 'Compute',
  database: 'Databases',
  storage: 'Storage',
  networking: 'Networking',
  cache: 'Databases',
  messaging: 'Integration',
  identity: 'Identity',
  security: 'Security',
  dns: 'Networking',
  monitoring: 'Management and Governance',
  other: 'Other',
};

const SERVICE_NAMES: Readonly<Record<ProviderCloud, Readonly<Record<SimCategory, string>>>> = {
  aws: {
    compute: 'Amazon Elastic Compute Cloud',
    kubernetes: 'Amazon Elastic Kubernetes Service',
    database: 'Amazon Relational Database Service',
    storage: 'Amazon Simple Storage Service',
    networking: 'Amazon Virtual Private Cloud',
    cache: 'Amazon ElastiCache',
    messaging: 'Amazon Simple Queue Service',
    identity: 'AWS Identity and Access Management',
    security: 'AWS Key Management Service',
    dns: 'Amazon Route 53',
    monitoring: 'Amazon CloudWatch',
    other: 'AWS',
  },
  azure: {
    compute: 'Virtual Machines',
    kubernetes: 'Azure Kubernetes Service',
    database: 'Azure Database for PostgreSQL',
    storage: 'Storage',
    networking: 'Virtual Network',
    cache: 'Azure Cache for Redis',
    messaging: 'Service Bus',
    identity: 'Microsoft Entra ID',
    security: 'Key Vault',
    dns: 'Azure DNS',
    monitoring: 'Azure Monitor',
    other: 'Azure',
  },
  gcp: {
    compute: 'Compute Engine',
    kubernetes: 'Kubernetes Engine',
    database: 'Cloud SQL',
    storage: 'Cloud Storage',
    networking: 'Networking',
    cache: 'Cloud Memorystore for Redis',
    messaging: 'Cloud Pub/Sub',
    identity: 'Identity and Access Management',
    security: 'Cloud Key Management Service (KMS)',
    dns: 'Cloud DNS',
    monitoring: 'Cloud Monitoring',
    other: 'Google Cloud',
  },
};

/** Service names of types that a category's default would name wrongly. */
const SERVICE_BY_TYPE: ReadonlyArray<readonly [RegExp, string]> = [
  [/^aws_lambda_/, 'AWS Lambda'],
  [/^aws_dynamodb_/, 'Amazon DynamoDB'],
  [/^aws_(ebs_|efs_)/, 'Amazon Elastic Block Store'],
  [/^aws_sns_/, 'Amazon Simple Notification Service'],
  [/^aws_(lb|alb|elb)/, 'Elastic Load Balancing'],
  [/^aws_cloudfront_/, 'Amazon CloudFront'],
  [/^azurerm_mysql_/, 'Azure Database for MySQL'],
  [/^azurerm_(mssql|sql)_/, 'SQL Database'],
  [/^azurerm_cosmosdb_/, 'Azure Cosmos DB'],
  [/^azurerm_eventhub/, 'Event Hubs'],
  [/^azurerm_(app_service|service_plan|linux_web_app|windows_web_app|.*function_app)/, 'Azure App Service'],
  [/^google_(cloudfunctions|cloud_run_)/, 'Cloud Run'],
  [/^google_(spanner_)/, 'Cloud Spanner'],
  [/^google_bigquery_/, 'BigQuery'],
];

export function focusServiceName(cloud: ProviderCloud, type: string, category: SimCategory): string {
  for (const [pattern, name] of SERVICE_BY_TYPE) if (pattern.test(type)) return name;
  return SERVICE_NAMES[cloud][category];
}
