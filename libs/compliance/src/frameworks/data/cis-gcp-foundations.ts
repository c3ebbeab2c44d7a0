import type { Framework } from '../model';

/**
 * CIS Google Cloud Platform Foundation Benchmark v3.0.0: the recommendations of the sections a plan can show (IAM and
 * KMS, logging, networking, VMs, storage, Cloud SQL, BigQuery, Dataproc) with their v3.0.0 numbering.
 */
export const CIS_GCP_FOUNDATIONS: Framework = {
  id: 'cis-gcp-foundations',
  name: 'CIS Google Cloud Platform Foundation Benchmark',
  version: '3.0.0',
  publisher: 'Center for Internet Security',
  url: 'https://www.cisecurity.org/benchmark/google_cloud_computing_platform',
  aliases: ['cis-gcp'],
  clouds: ['gcp'],
  requirements: [
    // 1 Identity and Access Management
    { id: '1.2', title: 'Ensure that multi-factor authentication is enabled for all non-service accounts', controls: [] },
    { id: '1.3', title: 'Ensure that Security Key Enforcement is enabled for all admin accounts', controls: ['ev.mfa-admin'] },
    { id: '1.4', title: 'Ensure that there are only GCP-managed service account keys for each service account', controls: ['iam.static-credentials'] },
    { id: '1.5', title: 'Ensure that Service Account has no Admin privileges', controls: ['iam.least-privilege'] },
    {
      id: '1.6',
      title: 'Ensure that IAM users are not assigned the Service Account User or Service Account Token Creator roles at project level',
      controls: ['iam.least-privilege'],
    },
    { id: '1.7', title: 'Ensure user-managed/external keys for service accounts are rotated every 90 days or fewer', controls: ['iam.static-credentials'] },
    { id: '1.8', title: 'Ensure that Separation of duties is enforced while assigning service account related roles to users', controls: ['iam.least-privilege'] },
    { id: '1.9', title: 'Ensure that Cloud KMS cryptokeys are not anonymously or publicly accessible', controls: ['kms.key-access'] },
    { id: '1.10', title: 'Ensure KMS encryption keys are rotated within a period of 90 days', controls: ['kms.rotation'] },
    { id: '1.11', title: 'Ensure that Separation of duties is enforced while assigning KMS related roles to users', controls: ['kms.key-access'] },
    { id: '1.12', title: 'Ensure API Keys Only Exist for Active Services', controls: ['iam.static-credentials'] },
    { id: '1.14', title: 'Ensure API keys are restricted to only APIs that application needs access', controls: ['iam.least-privilege'] },
    { id: '1.15', title: 'Ensure API keys are rotated every 90 days', controls: ['iam.static-credentials'] },
    { id: '1.17', title: 'Ensure Secrets are Not Stored in Cloud Functions Environment Variables by Using Secret Manager', controls: ['bp.hardcoded-secrets'] },
    // 2 Logging and Monitoring
    { id: '2.1', title: 'Ensure That Cloud Audit Logging Is Configured Properly', controls: ['log.audit-trail'] },
    { id: '2.2', title: 'Ensure That Sinks Are Configured for All Log Entries', controls: ['log.audit-trail'] },
    {
      id: '2.3',
      title: 'Ensure That Retention Policies on Cloud Storage Buckets Used for Exporting Logs Are Configured Using Bucket Lock',
      controls: ['log.trail-integrity', 'log.retention'],
    },
    { id: '2.4', title: 'Ensure Log Metric Filter and Alerts Exist for Project Ownership Assignments/Changes', controls: ['log.alerting'] },
    { id: '2.5', title: 'Ensure That the Log Metric Filter and Alerts Exist for Audit Configuration Changes', controls: ['log.alerting'] },
    { id: '2.6', title: 'Ensure That the Log Metric Filter and Alerts Exist for Custom Role Changes', controls: ['log.alerting'] },
    { id: '2.7', title: 'Ensure That the Log Metric Filter and Alerts Exist for VPC Network Firewall Rule Changes', controls: ['log.alerting'] },
    { id: '2.8', title: 'Ensure That the Log Metric Filter and Alerts Exist for VPC Network Route Changes', controls: ['log.alerting'] },
    { id: '2.9', title: 'Ensure That the Log Metric Filter and Alerts Exist for VPC Network Changes', controls: ['log.alerting'] },
    { id: '2.10', title: 'Ensure That the Log Metric Filter and Alerts Exist for Cloud Storage IAM Permission Changes', controls: ['log.alerting'] },
    { id: '2.11', title: 'Ensure That the Log Metric Filter and Alerts Exist for SQL Instance Configuration Changes', controls: ['log.alerting'] },
    { id: '2.12', title: 'Ensure That Cloud DNS Logging Is Enabled for All VPC Networks', controls: ['log.network-flow'] },
    { id: '2.16', title: 'Ensure Logging is enabled for HTTP(S) Load Balancer', controls: ['log.load-balancer'] },
    // 3 Networking
    { id: '3.1', title: 'Ensure That the Default Network Does Not Exist in a Project', controls: ['net.default-network'] },
    { id: '3.3', title: 'Ensure That DNSSEC Is Enabled for Cloud DNS', controls: [] },
    { id: '3.6', title: 'Ensure That SSH Access Is Restricted From the Internet', controls: ['net.admin-ports'] },
    { id: '3.7', title: 'Ensure That RDP Access Is Restricted From the Internet', controls: ['net.admin-ports'] },
    { id: '3.8', title: 'Ensure that VPC Flow Logs is Enabled for Every Subnet in a VPC Network', controls: ['log.network-flow'] },
    { id: '3.9', title: 'Ensure No HTTPS or SSL Proxy Load Balancers Permit SSL Policies With Weak Cipher Suites', controls: ['eit.min-tls'] },
    { id: '3.10', title: "Use Identity Aware Proxy (IAP) to Ensure Only Traffic From Google IP Addresses are 'Allowed'", controls: ['net.least-privilege'] },
    // 4 Virtual Machines
    { id: '4.1', title: 'Ensure that instances are not configured to use the default service account', controls: ['iam.default-service-account'] },
    {
      id: '4.2',
      title: 'Ensure that instances are not configured to use the default service account with full access to all Cloud APIs',
      controls: ['iam.default-service-account', 'iam.least-privilege'],
    },
    { id: '4.3', title: "Ensure 'Block Project-wide SSH keys' is enabled for VM instances", controls: [] },
    { id: '4.4', title: 'Ensure oslogin is enabled for a Project', controls: ['iam.central-auth'] },
    { id: '4.5', title: "Ensure 'Enable connecting to serial ports' is not enabled for VM Instance", controls: [] },
    { id: '4.6', title: 'Ensure that IP forwarding is not enabled on Instances', controls: [] },
    { id: '4.7', title: 'Ensure VM disks for critical VMs are encrypted with Customer-Supplied Encryption Keys (CSEK)', controls: ['ear.customer-managed-key'] },
    { id: '4.8', title: 'Ensure Compute instances are launched with Shielded VM enabled', controls: [] },
    { id: '4.9', title: 'Ensure that Compute instances do not have public IP addresses', controls: ['pub.compute'] },
    { id: '4.12', title: 'Ensure the Latest Operating System Updates Are Installed On Your Virtual Machines in All Projects', controls: [] },
    // 5 Storage
    { id: '5.1', title: 'Ensure That Cloud Storage Bucket Is Not Anonymously or Publicly Accessible', controls: ['pub.object-storage'] },
    { id: '5.2', title: 'Ensure That Cloud Storage Buckets Have Uniform Bucket-Level Access Enabled', controls: ['pub.object-storage'] },
    // 6 Cloud SQL Database Services
    { id: '6.1.1', title: 'Ensure that a MySQL database instance does not allow anyone to connect with administrative privileges', controls: ['iam.default-credentials'] },
    { id: '6.2.1', title: "Ensure 'log_error_verbosity' database flag for Cloud SQL PostgreSQL instance is set to 'DEFAULT' or stricter", controls: ['log.database-audit'] },
    { id: '6.2.2', title: "Ensure that the 'log_connections' database flag for Cloud SQL PostgreSQL instance is set to 'on'", controls: ['log.database-audit'] },
    { id: '6.2.3', title: "Ensure that the 'log_disconnections' database flag for Cloud SQL PostgreSQL instance is set to 'on'", controls: ['log.database-audit'] },
    { id: '6.2.4', title: "Ensure 'log_statement' database flag for Cloud SQL PostgreSQL instance is set appropriately", controls: ['log.database-audit'] },
    {
      id: '6.2.8',
      title: "Ensure That 'cloudsql.enable_pgaudit' Database Flag for each Cloud Sql Postgresql Instance Is Set to 'on' For Centralized Logging",
      controls: ['log.database-audit'],
    },
    { id: '6.2.9', title: 'Ensure Instance IP assignment is set to private', controls: ['pub.database'] },
    { id: '6.4', title: 'Ensure that the Cloud SQL database instance requires all incoming connections to use SSL', controls: ['eit.database'] },
    {
      id: '6.5',
      title: 'Ensure That Cloud SQL Database Instances Do Not Implicitly Whitelist All Public IP Addresses',
      controls: ['pub.database', 'pub.authorized-networks'],
    },
    { id: '6.6', title: 'Ensure that Cloud SQL database instances do not have public IPs', controls: ['pub.database'] },
    { id: '6.7', title: 'Ensure that Cloud SQL database instances are configured with automated backups', controls: ['bkp.enabled'] },
    // 7 BigQuery
    { id: '7.1', title: 'Ensure That BigQuery Datasets Are Not Anonymously or Publicly Accessible', controls: ['pub.database'] },
    { id: '7.2', title: 'Ensure That All BigQuery Tables Are Encrypted With Customer-Managed Encryption Key (CMEK)', controls: ['ear.customer-managed-key'] },
    { id: '7.3', title: 'Ensure That a Default Customer-Managed Encryption Key (CMEK) Is Specified for All BigQuery Data Sets', controls: ['ear.customer-managed-key'] },
    { id: '7.4', title: 'Ensure all data in BigQuery has been classified', controls: ['ev.data-classification'] },
    // 8 Dataproc
    { id: '8.1', title: 'Ensure that Dataproc Cluster is encrypted using Customer-Managed Encryption Key', controls: ['ear.customer-managed-key'] },
  ],
};
