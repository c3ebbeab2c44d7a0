import type { Framework } from '../model';

/**
 * CIS Amazon Web Services Foundations Benchmark v3.0.0: the recommendations of the sections a plan can show
 * (IAM, storage, logging, monitoring, networking) with their v3.0.0 numbering. Account-level settings a plan cannot
 * show (root user, password policy, support role) are listed as manual.
 */
export const CIS_AWS_FOUNDATIONS: Framework = {
  id: 'cis-aws-foundations',
  name: 'CIS Amazon Web Services Foundations Benchmark',
  version: '3.0.0',
  publisher: 'Center for Internet Security',
  url: 'https://www.cisecurity.org/benchmark/amazon_web_services',
  aliases: ['cis-aws'],
  clouds: ['aws'],
  requirements: [
    // 1 Identity and Access Management
    { id: '1.4', title: "Ensure no 'root' user account access key exists", controls: [] },
    { id: '1.5', title: "Ensure MFA is enabled for the 'root' user account", controls: ['ev.mfa-admin'] },
    { id: '1.7', title: "Eliminate use of the 'root' user for administrative and daily tasks", controls: [] },
    { id: '1.8', title: 'Ensure IAM password policy requires minimum length of 14 or greater', controls: [] },
    { id: '1.9', title: 'Ensure IAM password policy prevents password reuse', controls: [] },
    {
      id: '1.10',
      title: 'Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console password',
      controls: ['iam.mfa', 'ev.mfa-admin'],
    },
    { id: '1.12', title: 'Ensure credentials unused for 45 days or greater are disabled', controls: ['ev.access-review'] },
    { id: '1.13', title: 'Ensure there is only one active access key available for any single IAM user', controls: ['iam.static-credentials'] },
    { id: '1.14', title: 'Ensure access keys are rotated every 90 days or less', controls: ['iam.static-credentials'] },
    { id: '1.15', title: 'Ensure IAM Users Receive Permissions Only Through Groups', controls: ['iam.least-privilege'] },
    { id: '1.16', title: 'Ensure IAM policies that allow full "*:*" administrative privileges are not attached', controls: ['iam.wildcard-policy'] },
    { id: '1.17', title: 'Ensure a support role has been created to manage incidents with AWS Support', controls: [] },
    { id: '1.18', title: 'Ensure IAM instance roles are used for AWS resource access from instances', controls: ['iam.managed-identity'] },
    { id: '1.20', title: 'Ensure that IAM Access analyzer is enabled for all regions', controls: [] },
    {
      id: '1.21',
      title: 'Ensure IAM users are managed centrally via identity federation or AWS Organizations for multi-account environments',
      controls: [],
    },
    { id: '1.22', title: 'Ensure access to AWSCloudShellFullAccess is restricted', controls: ['iam.least-privilege'] },
    // 2 Storage
    { id: '2.1.1', title: 'Ensure S3 Bucket Policy is set to deny HTTP requests', controls: ['eit.https-only'] },
    { id: '2.1.2', title: 'Ensure MFA Delete is enabled on S3 buckets', controls: [] },
    { id: '2.1.3', title: 'Ensure all data in Amazon S3 has been discovered, classified and secured when required', controls: ['ev.data-classification'] },
    { id: '2.1.4', title: "Ensure that S3 Buckets are configured with 'Block public access (bucket settings)'", controls: ['pub.object-storage'] },
    { id: '2.2.1', title: 'Ensure EBS Volume Encryption is Enabled in all Regions', controls: ['ear.block-storage'] },
    { id: '2.3.1', title: 'Ensure that encryption-at-rest is enabled for RDS Instances', controls: ['ear.database'] },
    { id: '2.3.2', title: 'Ensure Auto Minor Version Upgrade feature is Enabled for RDS Instances', controls: ['rel.maintenance'] },
    { id: '2.3.3', title: 'Ensure that public access is not given to RDS Instance', controls: ['pub.database'] },
    { id: '2.4.1', title: 'Ensure that encryption is enabled for EFS file systems', controls: ['ear.file-storage'] },
    // 3 Logging
    { id: '3.1', title: 'Ensure CloudTrail is enabled in all regions', controls: ['log.audit-trail'] },
    { id: '3.2', title: 'Ensure CloudTrail log file validation is enabled', controls: ['log.trail-integrity'] },
    { id: '3.3', title: 'Ensure AWS Config is enabled in all regions', controls: ['log.monitoring'] },
    { id: '3.4', title: 'Ensure S3 bucket access logging is enabled on the CloudTrail S3 bucket', controls: ['log.storage-access'] },
    { id: '3.5', title: 'Ensure CloudTrail logs are encrypted at rest using KMS CMKs', controls: ['ear.logs', 'ear.customer-managed-key'] },
    { id: '3.6', title: 'Ensure rotation for customer-created symmetric CMKs is enabled', controls: ['kms.rotation'] },
    { id: '3.7', title: 'Ensure VPC flow logging is enabled in all VPCs', controls: ['log.network-flow'] },
    { id: '3.8', title: 'Ensure that Object-level logging for write events is enabled for S3 bucket', controls: ['log.storage-access'] },
    { id: '3.9', title: 'Ensure that Object-level logging for read events is enabled for S3 bucket', controls: ['log.storage-access'] },
    // 4 Monitoring (CloudWatch metric filters and alarms)
    { id: '4.1', title: 'Ensure unauthorized API calls are monitored', controls: ['log.alerting'] },
    { id: '4.2', title: 'Ensure management console sign-in without MFA is monitored', controls: ['log.alerting'] },
    { id: '4.3', title: "Ensure usage of 'root' account is monitored", controls: ['log.alerting'] },
    { id: '4.4', title: 'Ensure IAM policy changes are monitored', controls: ['log.alerting'] },
    { id: '4.5', title: 'Ensure CloudTrail configuration changes are monitored', controls: ['log.alerting'] },
    { id: '4.6', title: 'Ensure AWS Management Console authentication failures are monitored', controls: ['log.alerting'] },
    { id: '4.7', title: 'Ensure disabling or scheduled deletion of customer created CMKs is monitored', controls: ['log.alerting'] },
    { id: '4.8', title: 'Ensure S3 bucket policy changes are monitored', controls: ['log.alerting'] },
    { id: '4.9', title: 'Ensure AWS Config configuration changes are monitored', controls: ['log.alerting'] },
    { id: '4.10', title: 'Ensure security group changes are monitored', controls: ['log.alerting'] },
    { id: '4.11', title: 'Ensure Network Access Control Lists (NACL) changes are monitored', controls: ['log.alerting'] },
    { id: '4.12', title: 'Ensure changes to network gateways are monitored', controls: ['log.alerting'] },
    { id: '4.13', title: 'Ensure route table changes are monitored', controls: ['log.alerting'] },
    { id: '4.14', title: 'Ensure VPC changes are monitored', controls: ['log.alerting'] },
    { id: '4.15', title: 'Ensure AWS Organizations changes are monitored', controls: ['log.alerting'] },
    { id: '4.16', title: 'Ensure AWS Security Hub is enabled', controls: ['log.threat-detection'] },
    // 5 Networking
    { id: '5.1', title: 'Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports', controls: ['net.admin-ports'] },
    { id: '5.2', title: 'Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports', controls: ['net.admin-ports'] },
    { id: '5.3', title: 'Ensure no security groups allow ingress from ::/0 to remote server administration ports', controls: ['net.admin-ports'] },
    { id: '5.4', title: 'Ensure the default security group of every VPC restricts all traffic', controls: ['net.default-network'] },
    { id: '5.5', title: 'Ensure routing tables for VPC peering are "least access"', controls: ['net.least-privilege'] },
    { id: '5.6', title: 'Ensure that EC2 Metadata Service only allows IMDSv2', controls: ['iam.instance-metadata'] },
  ],
};
