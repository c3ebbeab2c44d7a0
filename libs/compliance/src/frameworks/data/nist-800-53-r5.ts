import type { Framework } from '../model';

/**
 * NIST SP 800-53 Rev. 5: the controls cloud infrastructure configuration bears on, plus the process controls around
 * them. Titles are the control names of the catalogue (the catalogue has 1,000+ controls and enhancements; only these
 * are mapped).
 */
export const NIST_800_53_R5: Framework = {
  id: 'nist-800-53-r5',
  name: 'NIST SP 800-53: Security and Privacy Controls for Information Systems and Organizations',
  version: 'Rev. 5',
  publisher: 'National Institute of Standards and Technology',
  url: 'https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final',
  aliases: ['nist-800-53'],
  requirements: [
    // AC Access Control
    { id: 'AC-2', title: 'Account Management', controls: ['ev.access-review'] },
    {
      id: 'AC-3',
      title: 'Access Enforcement',
      controls: ['iam.least-privilege', 'iam.api-authentication', 'pub.object-storage', 'pub.database', 'pub.function', 'pub.registry', 'pub.snapshot'],
    },
    { id: 'AC-4', title: 'Information Flow Enforcement', controls: ['net.least-privilege', 'net.egress', 'net.private-endpoint', 'k8s.network-policy'] },
    { id: 'AC-5', title: 'Separation of Duties', controls: [] },
    { id: 'AC-6', title: 'Least Privilege', controls: ['iam.least-privilege', 'iam.wildcard-policy', 'iam.default-service-account', 'kms.key-access'] },
    { id: 'AC-6(9)', title: 'Least Privilege | Log Use of Privileged Functions', controls: ['log.audit-trail'] },
    { id: 'AC-17', title: 'Remote Access', controls: ['net.admin-ports', 'k8s.private-endpoint'] },
    { id: 'AC-17(2)', title: 'Remote Access | Protection of Confidentiality and Integrity Using Encryption', controls: ['eit.min-tls'] },
    { id: 'AC-22', title: 'Publicly Accessible Content', controls: ['pub.object-storage', 'pub.snapshot', 'pub.registry'] },
    // AT Awareness and Training
    { id: 'AT-2', title: 'Literacy Training and Awareness', controls: ['ev.training'] },
    { id: 'AT-3', title: 'Role-based Training', controls: ['ev.training'] },
    // AU Audit and Accountability
    {
      id: 'AU-2',
      title: 'Event Logging',
      controls: ['log.audit-trail', 'log.database-audit', 'log.storage-access', 'log.network-flow', 'log.load-balancer', 'log.kubernetes'],
    },
    { id: 'AU-6', title: 'Audit Record Review, Analysis, and Reporting', controls: ['log.alerting', 'log.threat-detection'] },
    { id: 'AU-9', title: 'Protection of Audit Information', controls: ['log.trail-integrity', 'ear.logs'] },
    { id: 'AU-11', title: 'Audit Record Retention', controls: ['log.retention'] },
    { id: 'AU-12', title: 'Audit Record Generation', controls: ['log.audit-trail', 'log.database-audit', 'log.kubernetes'] },
    // CA Assessment, Authorization, and Monitoring
    { id: 'CA-2', title: 'Control Assessments', controls: ['ev.security-assessment'] },
    { id: 'CA-7', title: 'Continuous Monitoring', controls: ['log.monitoring', 'log.threat-detection'] },
    { id: 'CA-8', title: 'Penetration Testing', controls: ['ev.security-assessment'] },
    // CM Configuration Management
    { id: 'CM-2', title: 'Baseline Configuration', controls: ['bp.infrastructure-as-code', 'ev.version-control'] },
    { id: 'CM-3', title: 'Configuration Change Control', controls: ['ev.change-management'] },
    { id: 'CM-6', title: 'Configuration Settings', controls: ['bp.infrastructure-as-code'] },
    { id: 'CM-7', title: 'Least Functionality', controls: ['net.all-ports', 'net.admin-ports', 'net.database-ports'] },
    { id: 'CM-8', title: 'System Component Inventory', controls: ['tag.owner', 'tag.environment', 'bp.infrastructure-as-code'] },
    // CP Contingency Planning
    { id: 'CP-2', title: 'Contingency Plan', controls: ['ev.dr-plan'] },
    { id: 'CP-4', title: 'Contingency Plan Testing', controls: ['ev.dr-plan'] },
    { id: 'CP-6', title: 'Alternate Storage Site', controls: ['bkp.geo-redundancy'] },
    { id: 'CP-9', title: 'System Backup', controls: ['bkp.enabled', 'bkp.retention', 'bkp.versioning', 'bkp.point-in-time'] },
    { id: 'CP-9(8)', title: 'System Backup | Cryptographic Protection', controls: ['ear.backups'] },
    { id: 'CP-10', title: 'System Recovery and Reconstitution', controls: ['bkp.point-in-time', 'bkp.deletion-protection', 'bkp.soft-delete', 'rel.multi-az'] },
    // IA Identification and Authentication
    { id: 'IA-2', title: 'Identification and Authentication (Organizational Users)', controls: ['iam.central-auth', 'iam.api-authentication'] },
    { id: 'IA-2(1)', title: 'Identification and Authentication | Multi-factor Authentication to Privileged Accounts', controls: ['iam.mfa', 'ev.mfa-admin'] },
    { id: 'IA-2(2)', title: 'Identification and Authentication | Multi-factor Authentication to Non-privileged Accounts', controls: ['iam.mfa'] },
    { id: 'IA-5', title: 'Authenticator Management', controls: ['iam.static-credentials', 'iam.default-credentials', 'kms.expiry'] },
    { id: 'IA-5(7)', title: 'Authenticator Management | No Embedded Unencrypted Static Authenticators', controls: ['bp.hardcoded-secrets'] },
    { id: 'IA-9', title: 'Service Identification and Authentication', controls: ['iam.managed-identity', 'k8s.workload-identity'] },
    // IR Incident Response
    { id: 'IR-4', title: 'Incident Handling', controls: ['ev.incident-response'] },
    { id: 'IR-6', title: 'Incident Reporting', controls: ['ev.incident-response'] },
    { id: 'IR-8', title: 'Incident Response Plan', controls: ['ev.incident-response'] },
    // PL, RA, SA
    { id: 'PL-8', title: 'Security and Privacy Architectures', controls: ['ev.documentation'] },
    { id: 'RA-3', title: 'Risk Assessment', controls: ['ev.risk-assessment'] },
    { id: 'RA-5', title: 'Vulnerability Monitoring and Scanning', controls: ['ev.security-scanning'] },
    { id: 'SA-9', title: 'External System Services', controls: ['ev.vendor-management'] },
    { id: 'SA-10', title: 'Developer Configuration Management', controls: ['ev.version-control', 'ev.change-management'] },
    { id: 'SA-11', title: 'Developer Testing and Evaluation', controls: ['ev.automated-testing', 'ev.security-scanning'] },
    // SC System and Communications Protection
    { id: 'SC-5', title: 'Denial-of-service Protection', controls: ['net.waf', 'bp.api-rate-limiting'] },
    {
      id: 'SC-7',
      title: 'Boundary Protection',
      controls: ['net.admin-ports', 'net.database-ports', 'net.all-ports', 'net.default-network', 'pub.compute', 'pub.database', 'k8s.private-endpoint', 'k8s.private-nodes'],
    },
    { id: 'SC-7(5)', title: 'Boundary Protection | Deny by Default — Allow by Exception', controls: ['net.least-privilege', 'net.egress'] },
    {
      id: 'SC-8',
      title: 'Transmission Confidentiality and Integrity',
      controls: ['eit.https-only', 'eit.min-tls', 'eit.database', 'eit.cache', 'eit.load-balancer', 'eit.internal'],
    },
    {
      id: 'SC-8(1)',
      title: 'Transmission Confidentiality and Integrity | Cryptographic Protection',
      controls: ['eit.https-only', 'eit.min-tls', 'eit.database', 'eit.cache', 'eit.load-balancer', 'eit.internal'],
    },
    { id: 'SC-12', title: 'Cryptographic Key Establishment and Management', controls: ['kms.rotation', 'kms.purge-protection', 'kms.key-access', 'kms.expiry'] },
    { id: 'SC-13', title: 'Cryptographic Protection', controls: ['eit.min-tls', 'ear.customer-managed-key'] },
    {
      id: 'SC-28',
      title: 'Protection of Information at Rest',
      controls: ['ear.object-storage', 'ear.block-storage', 'ear.file-storage', 'ear.database', 'ear.cache', 'ear.messaging', 'ear.logs', 'ear.backups', 'ear.secrets'],
    },
    {
      id: 'SC-28(1)',
      title: 'Protection of Information at Rest | Cryptographic Protection',
      controls: ['ear.object-storage', 'ear.block-storage', 'ear.file-storage', 'ear.database', 'ear.cache', 'ear.messaging', 'ear.customer-managed-key', 'k8s.secrets-encryption'],
    },
    // SI System and Information Integrity
    { id: 'SI-2', title: 'Flaw Remediation', controls: ['rel.maintenance', 'k8s.upgrades'] },
    { id: 'SI-3', title: 'Malicious Code Protection', controls: ['bp.antimalware'] },
    { id: 'SI-4', title: 'System Monitoring', controls: ['log.monitoring', 'log.threat-detection', 'log.network-flow', 'log.alerting'] },
    { id: 'SI-7', title: 'Software, Firmware, and Information Integrity', controls: ['log.trail-integrity', 'k8s.approved-images'] },
    { id: 'SI-12', title: 'Information Management and Retention', controls: ['log.retention', 'bkp.retention'] },
  ],
};
