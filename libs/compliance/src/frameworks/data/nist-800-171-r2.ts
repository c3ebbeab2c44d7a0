import type { Framework } from '../model';

/** NIST SP 800-171 Rev. 2: the security requirements for CUI that cloud infrastructure and its operation bear on. */
export const NIST_800_171_R2: Framework = {
  id: 'nist-800-171-r2',
  name: 'NIST SP 800-171: Protecting Controlled Unclassified Information in Nonfederal Systems and Organizations',
  version: 'Rev. 2',
  publisher: 'National Institute of Standards and Technology',
  url: 'https://csrc.nist.gov/pubs/sp/800/171/r2/upd1/final',
  aliases: ['nist-800-171'],
  requirements: [
    // 3.1 Access Control
    {
      id: '3.1.1',
      title: 'Limit system access to authorized users, processes acting on behalf of authorized users, and devices',
      controls: ['iam.api-authentication', 'iam.least-privilege', 'pub.object-storage', 'pub.database', 'pub.function'],
    },
    { id: '3.1.2', title: 'Limit system access to the types of transactions and functions that authorized users are permitted to execute', controls: ['iam.least-privilege', 'iam.wildcard-policy'] },
    { id: '3.1.3', title: 'Control the flow of CUI in accordance with approved authorizations', controls: ['net.least-privilege', 'net.egress', 'net.private-endpoint'] },
    { id: '3.1.4', title: 'Separate the duties of individuals to reduce the risk of malevolent activity without collusion', controls: [] },
    {
      id: '3.1.5',
      title: 'Employ the principle of least privilege, including for specific security functions and privileged accounts',
      controls: ['iam.least-privilege', 'iam.wildcard-policy', 'iam.default-service-account', 'kms.key-access'],
    },
    {
      id: '3.1.7',
      title: 'Prevent non-privileged users from executing privileged functions and capture the execution of such functions in audit logs',
      controls: ['log.audit-trail'],
    },
    { id: '3.1.12', title: 'Monitor and control remote access sessions', controls: ['net.admin-ports'] },
    { id: '3.1.13', title: 'Employ cryptographic mechanisms to protect the confidentiality of remote access sessions', controls: ['eit.min-tls'] },
    { id: '3.1.14', title: 'Route remote access via managed access control points', controls: ['net.admin-ports', 'k8s.private-endpoint'] },
    { id: '3.1.20', title: 'Verify and control/limit connections to and use of external systems', controls: ['net.egress'] },
    { id: '3.1.22', title: 'Control CUI posted or processed on publicly accessible systems', controls: ['pub.object-storage', 'pub.snapshot', 'pub.database'] },
    // 3.2 Awareness and Training
    { id: '3.2.1', title: 'Ensure that managers, systems administrators, and users are made aware of the security risks associated with their activities', controls: ['ev.training'] },
    { id: '3.2.2', title: 'Ensure that personnel are trained to carry out their assigned information security-related duties and responsibilities', controls: ['ev.training'] },
    // 3.3 Audit and Accountability
    {
      id: '3.3.1',
      title: 'Create and retain system audit logs and records to enable the monitoring, analysis, investigation, and reporting of unauthorized activity',
      controls: ['log.audit-trail', 'log.database-audit', 'log.storage-access', 'log.network-flow', 'log.kubernetes', 'log.retention'],
    },
    { id: '3.3.2', title: 'Ensure that the actions of individual system users can be uniquely traced to those users', controls: ['log.audit-trail'] },
    { id: '3.3.4', title: 'Alert in the event of an audit logging process failure', controls: ['log.alerting'] },
    { id: '3.3.5', title: 'Correlate audit record review, analysis, and reporting processes for investigation and response', controls: ['log.threat-detection', 'log.monitoring'] },
    { id: '3.3.8', title: 'Protect audit information and audit logging tools from unauthorized access, modification, and deletion', controls: ['log.trail-integrity', 'ear.logs'] },
    // 3.4 Configuration Management
    {
      id: '3.4.1',
      title: 'Establish and maintain baseline configurations and inventories of organizational systems throughout the system development life cycles',
      controls: ['bp.infrastructure-as-code', 'ev.version-control', 'tag.owner'],
    },
    { id: '3.4.2', title: 'Establish and enforce security configuration settings for information technology products employed in organizational systems', controls: ['bp.infrastructure-as-code'] },
    { id: '3.4.3', title: 'Track, review, approve or disapprove, and log changes to organizational systems', controls: ['ev.change-management'] },
    { id: '3.4.6', title: 'Employ the principle of least functionality by configuring organizational systems to provide only essential capabilities', controls: ['net.least-privilege'] },
    { id: '3.4.7', title: 'Restrict, disable, or prevent the use of nonessential programs, functions, ports, protocols, and services', controls: ['net.all-ports', 'net.admin-ports', 'net.database-ports'] },
    // 3.5 Identification and Authentication
    { id: '3.5.1', title: 'Identify system users, processes acting on behalf of users, and devices', controls: ['iam.central-auth', 'iam.managed-identity'] },
    {
      id: '3.5.2',
      title: 'Authenticate (or verify) the identities of users, processes, or devices, as a prerequisite to allowing access to organizational systems',
      controls: ['iam.api-authentication', 'iam.central-auth', 'k8s.legacy-auth'],
    },
    {
      id: '3.5.3',
      title: 'Use multifactor authentication for local and network access to privileged accounts and for network access to non-privileged accounts',
      controls: ['iam.mfa', 'ev.mfa-admin'],
    },
    { id: '3.5.10', title: 'Store and transmit only cryptographically-protected passwords', controls: ['bp.hardcoded-secrets', 'ear.secrets'] },
    // 3.6 Incident Response
    {
      id: '3.6.1',
      title: 'Establish an operational incident-handling capability for organizational systems',
      controls: ['ev.incident-response'],
    },
    { id: '3.6.2', title: 'Track, document, and report incidents to designated officials and/or authorities', controls: ['ev.incident-response'] },
    { id: '3.6.3', title: 'Test the organizational incident response capability', controls: ['ev.incident-response'] },
    // 3.8 Media Protection
    { id: '3.8.9', title: 'Protect the confidentiality of backup CUI at storage locations', controls: ['ear.backups', 'pub.snapshot'] },
    // 3.11 Risk Assessment
    { id: '3.11.1', title: 'Periodically assess the risk to organizational operations, organizational assets, and individuals', controls: ['ev.risk-assessment'] },
    { id: '3.11.2', title: 'Scan for vulnerabilities in organizational systems and applications periodically and when new vulnerabilities are identified', controls: ['ev.security-scanning'] },
    { id: '3.11.3', title: 'Remediate vulnerabilities in accordance with risk assessments', controls: [] },
    // 3.12 Security Assessment
    { id: '3.12.1', title: 'Periodically assess the security controls in organizational systems to determine if the controls are effective', controls: ['ev.security-assessment'] },
    { id: '3.12.3', title: 'Monitor security controls on an ongoing basis to ensure the continued effectiveness of the controls', controls: ['log.monitoring'] },
    // 3.13 System and Communications Protection
    {
      id: '3.13.1',
      title: 'Monitor, control, and protect communications at the external boundaries and key internal boundaries of organizational systems',
      controls: ['net.admin-ports', 'net.database-ports', 'net.all-ports', 'net.waf', 'log.network-flow'],
    },
    {
      id: '3.13.2',
      title: 'Employ architectural designs, software development techniques, and systems engineering principles that promote effective information security',
      controls: ['ev.documentation'],
    },
    {
      id: '3.13.5',
      title: 'Implement subnetworks for publicly accessible system components that are physically or logically separated from internal networks',
      controls: ['pub.compute', 'pub.database', 'net.private-endpoint', 'k8s.private-nodes'],
    },
    {
      id: '3.13.6',
      title: 'Deny network communications traffic by default and allow network communications traffic by exception',
      controls: ['net.least-privilege', 'net.egress', 'net.default-network'],
    },
    {
      id: '3.13.8',
      title: 'Implement cryptographic mechanisms to prevent unauthorized disclosure of CUI during transmission',
      controls: ['eit.https-only', 'eit.min-tls', 'eit.database', 'eit.cache', 'eit.load-balancer', 'eit.internal'],
    },
    { id: '3.13.10', title: 'Establish and manage cryptographic keys for cryptography employed in organizational systems', controls: ['kms.rotation', 'kms.purge-protection', 'kms.key-access', 'kms.expiry'] },
    { id: '3.13.11', title: 'Employ FIPS-validated cryptography when used to protect the confidentiality of CUI', controls: ['ear.customer-managed-key', 'eit.min-tls'] },
    { id: '3.13.15', title: 'Protect the authenticity of communications sessions', controls: ['eit.https-only', 'eit.min-tls'] },
    {
      id: '3.13.16',
      title: 'Protect the confidentiality of CUI at rest',
      controls: ['ear.object-storage', 'ear.block-storage', 'ear.file-storage', 'ear.database', 'ear.cache', 'ear.messaging', 'ear.logs', 'ear.backups', 'ear.secrets'],
    },
    // 3.14 System and Information Integrity
    { id: '3.14.1', title: 'Identify, report, and correct system flaws in a timely manner', controls: ['rel.maintenance', 'k8s.upgrades'] },
    { id: '3.14.2', title: 'Provide protection from malicious code at designated locations within organizational systems', controls: ['bp.antimalware'] },
    {
      id: '3.14.6',
      title: 'Monitor organizational systems, including inbound and outbound communications traffic, to detect attacks and indicators of potential attacks',
      controls: ['log.network-flow', 'log.threat-detection', 'log.monitoring'],
    },
    { id: '3.14.7', title: 'Identify unauthorized use of organizational systems', controls: ['log.threat-detection', 'log.alerting'] },
  ],
};
