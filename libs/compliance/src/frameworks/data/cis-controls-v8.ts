import type { Framework } from '../model';

/** CIS Critical Security Controls v8: the safeguards cloud infrastructure and its operation bear on. */
export const CIS_CONTROLS_V8: Framework = {
  id: 'cis-controls-v8',
  name: 'CIS Critical Security Controls',
  version: '8',
  publisher: 'Center for Internet Security',
  url: 'https://www.cisecurity.org/controls/v8',
  aliases: ['cis-controls', 'cis-csc'],
  requirements: [
    // 1-2 Inventory of enterprise assets and software
    { id: '1.1', title: 'Establish and Maintain Detailed Enterprise Asset Inventory', controls: ['tag.owner', 'bp.infrastructure-as-code'] },
    { id: '2.1', title: 'Establish and Maintain a Software Inventory', controls: ['ev.dependency-tracking'] },
    // 3 Data Protection
    { id: '3.3', title: 'Configure Data Access Control Lists', controls: ['pub.object-storage', 'pub.database', 'pub.snapshot', 'iam.least-privilege'] },
    { id: '3.4', title: 'Enforce Data Retention', controls: ['cost.lifecycle', 'bkp.retention'] },
    { id: '3.7', title: 'Establish and Maintain a Data Classification Scheme', controls: ['ev.data-classification'] },
    {
      id: '3.10',
      title: 'Encrypt Sensitive Data in Transit',
      controls: ['eit.https-only', 'eit.min-tls', 'eit.database', 'eit.cache', 'eit.load-balancer', 'eit.internal'],
    },
    {
      id: '3.11',
      title: 'Encrypt Sensitive Data at Rest',
      controls: ['ear.object-storage', 'ear.block-storage', 'ear.file-storage', 'ear.database', 'ear.cache', 'ear.messaging', 'ear.logs', 'ear.backups', 'ear.secrets'],
    },
    { id: '3.12', title: 'Segment Data Processing and Storage Based on Sensitivity', controls: ['net.private-endpoint', 'net.least-privilege'] },
    { id: '3.14', title: 'Log Sensitive Data Access', controls: ['log.storage-access', 'log.database-audit'] },
    // 4 Secure Configuration of Enterprise Assets and Software
    { id: '4.1', title: 'Establish and Maintain a Secure Configuration Process', controls: ['bp.infrastructure-as-code', 'ev.version-control'] },
    { id: '4.4', title: 'Implement and Manage a Firewall on Servers', controls: ['net.admin-ports', 'net.database-ports', 'net.all-ports', 'net.least-privilege'] },
    { id: '4.6', title: 'Securely Manage Enterprise Assets and Software', controls: ['bp.infrastructure-as-code', 'iam.instance-metadata'] },
    { id: '4.7', title: 'Manage Default Accounts on Enterprise Assets and Software', controls: ['iam.default-credentials', 'iam.default-service-account'] },
    // 5 Account Management
    { id: '5.2', title: 'Use Unique Passwords', controls: ['iam.default-credentials'] },
    { id: '5.3', title: 'Disable Dormant Accounts', controls: ['ev.access-review'] },
    { id: '5.4', title: 'Restrict Administrator Privileges to Dedicated Administrator Accounts', controls: ['iam.least-privilege', 'iam.wildcard-policy'] },
    { id: '5.6', title: 'Centralize Account Management', controls: ['iam.central-auth'] },
    // 6 Access Control Management
    { id: '6.1', title: 'Establish an Access Granting Process', controls: ['ev.access-review'] },
    { id: '6.2', title: 'Establish an Access Revoking Process', controls: ['ev.access-review'] },
    { id: '6.3', title: 'Require MFA for Externally-Exposed Applications', controls: ['iam.mfa'] },
    { id: '6.4', title: 'Require MFA for Remote Network Access', controls: ['iam.mfa'] },
    { id: '6.5', title: 'Require MFA for Administrative Access', controls: ['iam.mfa', 'ev.mfa-admin'] },
    { id: '6.7', title: 'Centralize Access Control', controls: ['iam.central-auth', 'iam.managed-identity'] },
    { id: '6.8', title: 'Define and Maintain Role-Based Access Control', controls: ['iam.least-privilege', 'k8s.rbac', 'ev.access-review'] },
    // 7 Continuous Vulnerability Management
    { id: '7.1', title: 'Establish and Maintain a Vulnerability Management Process', controls: ['ev.security-scanning'] },
    { id: '7.3', title: 'Perform Automated Operating System Patch Management', controls: ['rel.maintenance', 'k8s.upgrades'] },
    { id: '7.4', title: 'Perform Automated Application Patch Management', controls: ['rel.maintenance'] },
    { id: '7.5', title: 'Perform Automated Vulnerability Scans of Internal Enterprise Assets', controls: ['ev.security-scanning'] },
    { id: '7.7', title: 'Remediate Detected Vulnerabilities', controls: [] },
    // 8 Audit Log Management
    { id: '8.1', title: 'Establish and Maintain an Audit Log Management Process', controls: [] },
    {
      id: '8.2',
      title: 'Collect Audit Logs',
      controls: ['log.audit-trail', 'log.database-audit', 'log.storage-access', 'log.load-balancer', 'log.kubernetes'],
    },
    { id: '8.3', title: 'Ensure Adequate Audit Log Storage', controls: ['log.retention'] },
    { id: '8.5', title: 'Collect Detailed Audit Logs', controls: ['log.database-audit', 'log.storage-access'] },
    { id: '8.9', title: 'Centralize Audit Logs', controls: ['log.audit-trail'] },
    { id: '8.10', title: 'Retain Audit Logs', controls: ['log.retention'] },
    { id: '8.11', title: 'Conduct Audit Log Reviews', controls: [] },
    { id: '8.12', title: 'Collect Service Provider Logs', controls: ['log.audit-trail'] },
    // 10 Malware Defenses
    { id: '10.1', title: 'Deploy and Maintain Anti-Malware Software', controls: ['bp.antimalware'] },
    // 11 Data Recovery
    { id: '11.1', title: 'Establish and Maintain a Data Recovery Process', controls: ['ev.dr-plan'] },
    { id: '11.2', title: 'Perform Automated Backups', controls: ['bkp.enabled', 'bkp.point-in-time', 'bkp.versioning'] },
    { id: '11.3', title: 'Protect Recovery Data', controls: ['ear.backups', 'bkp.deletion-protection', 'bkp.soft-delete'] },
    { id: '11.4', title: 'Establish and Maintain an Isolated Instance of Recovery Data', controls: ['bkp.geo-redundancy'] },
    { id: '11.5', title: 'Test Data Recovery', controls: ['ev.dr-plan'] },
    // 12 Network Infrastructure Management
    { id: '12.2', title: 'Establish and Maintain a Secure Network Architecture', controls: ['net.private-endpoint', 'net.default-network', 'pub.compute'] },
    { id: '12.3', title: 'Securely Manage Network Infrastructure', controls: ['bp.infrastructure-as-code', 'ev.version-control'] },
    { id: '12.4', title: 'Establish and Maintain Architecture Diagram(s)', controls: ['ev.documentation'] },
    // 13 Network Monitoring and Defense
    { id: '13.1', title: 'Centralize Security Event Alerting', controls: ['log.alerting', 'log.threat-detection'] },
    { id: '13.3', title: 'Deploy a Network Intrusion Detection Solution', controls: ['log.threat-detection'] },
    { id: '13.4', title: 'Perform Traffic Filtering Between Network Segments', controls: ['net.least-privilege', 'net.egress', 'k8s.network-policy'] },
    { id: '13.6', title: 'Collect Network Traffic Flow Logs', controls: ['log.network-flow'] },
    { id: '13.10', title: 'Perform Application Layer Filtering', controls: ['net.waf'] },
    // 14-15 Training and service providers
    { id: '14.1', title: 'Establish and Maintain a Security Awareness Program', controls: ['ev.training'] },
    { id: '15.1', title: 'Establish and Maintain an Inventory of Service Providers', controls: ['ev.vendor-management'] },
    { id: '15.2', title: 'Establish and Maintain a Service Provider Management Policy', controls: ['ev.vendor-management'] },
    // 16 Application Software Security
    { id: '16.1', title: 'Establish and Maintain a Secure Application Development Process', controls: ['ev.automated-testing', 'ev.change-management'] },
    { id: '16.4', title: 'Establish and Manage an Inventory of Third-Party Software Components', controls: ['ev.dependency-tracking'] },
    { id: '16.7', title: 'Use Standard Hardening Configuration Templates for Application Infrastructure', controls: ['bp.infrastructure-as-code'] },
    { id: '16.8', title: 'Separate Production and Non-Production Systems', controls: ['tag.environment'] },
    { id: '16.12', title: 'Implement Code-Level Security Checks', controls: ['ev.security-scanning'] },
    { id: '16.14', title: 'Conduct Threat Modeling', controls: ['ev.risk-assessment'] },
    // 17-18 Incident response and penetration testing
    { id: '17.1', title: 'Designate Personnel to Manage Incident Handling', controls: ['ev.incident-response'] },
    { id: '17.4', title: 'Establish and Maintain an Incident Response Process', controls: ['ev.incident-response'] },
    { id: '18.1', title: 'Establish and Maintain a Penetration Testing Program', controls: ['ev.security-assessment'] },
    { id: '18.2', title: 'Perform Periodic External Penetration Tests', controls: ['ev.security-assessment'] },
  ],
};
