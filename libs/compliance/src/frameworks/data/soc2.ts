import type { Framework } from '../model';

/**
 * AICPA 2017 Trust Services Criteria (with revised points of focus, 2022), the criteria SOC 2 reports are issued
 * against. Titles are the criteria statements, shortened ("The entity …" dropped). Common criteria (CC) plus the
 * Availability (A) and Confidentiality (C) categories; Processing Integrity and Privacy are left out as they do not
 * concern infrastructure configuration.
 */
export const SOC2: Framework = {
  id: 'soc2',
  name: 'SOC 2 — Trust Services Criteria',
  version: '2017 (revised points of focus 2022)',
  publisher: 'AICPA',
  url: 'https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022',
  aliases: ['soc-2'],
  requirements: [
    { id: 'CC1.4', title: 'Demonstrates a commitment to attract, develop, and retain competent individuals', controls: ['ev.training'] },
    { id: 'CC2.1', title: 'Obtains or generates and uses relevant, quality information to support the functioning of internal control', controls: ['tag.owner', 'tag.environment'] },
    { id: 'CC2.2', title: 'Internally communicates information, including objectives and responsibilities for internal control', controls: ['ev.documentation'] },
    { id: 'CC3.2', title: 'Identifies risks to the achievement of its objectives across the entity and analyzes risks', controls: ['ev.risk-assessment'] },
    { id: 'CC3.4', title: 'Identifies and assesses changes that could significantly impact the system of internal control', controls: ['ev.risk-assessment', 'ev.change-management'] },
    { id: 'CC4.1', title: 'Selects, develops, and performs ongoing and/or separate evaluations of the components of internal control', controls: ['ev.security-assessment'] },
    { id: 'CC5.2', title: 'Selects and develops general control activities over technology', controls: ['bp.infrastructure-as-code'] },
    { id: 'CC5.3', title: 'Deploys control activities through policies and procedures', controls: ['ev.documentation', 'ev.runbooks'] },
    { id: 'CC6.1', title: 'Implements logical access security software, infrastructure, and architectures over protected information assets', controls: ['iam.least-privilege', 'iam.wildcard-policy', 'iam.central-auth', 'ear.database', 'ear.object-storage', 'ear.block-storage', 'ear.customer-managed-key', 'kms.key-access', 'kms.rotation', 'pub.database', 'pub.object-storage', 'k8s.rbac'] },
    { id: 'CC6.2', title: 'Registers and authorizes new internal and external users before issuing system credentials', controls: ['iam.central-auth', 'iam.static-credentials', 'ev.access-review'] },
    { id: 'CC6.3', title: 'Authorizes, modifies, or removes access based on roles, least privilege and segregation of duties', controls: ['iam.least-privilege', 'iam.wildcard-policy', 'iam.default-service-account', 'ev.access-review'] },
    { id: 'CC6.4', title: 'Restricts physical access to facilities and protected information assets', controls: [] },
    { id: 'CC6.5', title: 'Discontinues logical and physical protections over physical assets only after data can no longer be read or recovered', controls: [] },
    { id: 'CC6.6', title: 'Implements logical access security measures to protect against threats from sources outside its system boundaries', controls: ['net.admin-ports', 'net.database-ports', 'net.all-ports', 'net.waf', 'net.private-endpoint', 'pub.compute', 'pub.function', 'pub.registry', 'pub.authorized-networks', 'iam.mfa', 'iam.api-authentication', 'k8s.private-endpoint'] },
    { id: 'CC6.7', title: 'Restricts the transmission, movement, and removal of information and protects it during transmission', controls: ['eit.https-only', 'eit.min-tls', 'eit.database', 'eit.cache', 'eit.load-balancer', 'eit.internal', 'net.egress', 'pub.snapshot'] },
    { id: 'CC6.8', title: 'Implements controls to prevent or detect and act upon the introduction of unauthorized or malicious software', controls: ['bp.antimalware', 'k8s.approved-images', 'ev.security-scanning'] },
    { id: 'CC7.1', title: 'Uses detection and monitoring procedures to identify configuration changes and newly discovered vulnerabilities', controls: ['ev.security-scanning', 'log.threat-detection', 'rel.maintenance'] },
    { id: 'CC7.2', title: 'Monitors system components for anomalies indicative of malicious acts, natural disasters, and errors', controls: ['log.audit-trail', 'log.monitoring', 'log.threat-detection', 'log.alerting', 'log.network-flow', 'log.storage-access', 'log.database-audit', 'log.kubernetes', 'log.load-balancer'] },
    { id: 'CC7.3', title: 'Evaluates security events to determine whether they could or have resulted in a failure to meet its objectives', controls: ['ev.incident-response'] },
    { id: 'CC7.4', title: 'Responds to identified security incidents by executing a defined incident response program', controls: ['ev.incident-response'] },
    { id: 'CC7.5', title: 'Identifies, develops, and implements activities to recover from identified security incidents', controls: ['ev.incident-response', 'ev.dr-plan'] },
    { id: 'CC8.1', title: 'Authorizes, designs, develops, configures, documents, tests, approves, and implements changes to infrastructure, data, software, and procedures', controls: ['ev.change-management', 'ev.version-control', 'ev.automated-testing', 'bp.infrastructure-as-code'] },
    { id: 'CC9.1', title: 'Identifies, selects, and develops risk mitigation activities for risks arising from potential business disruptions', controls: ['ev.risk-assessment', 'ev.dr-plan'] },
    { id: 'CC9.2', title: 'Assesses and manages risks associated with vendors and business partners', controls: ['ev.vendor-management'] },
    { id: 'A1.1', title: 'Maintains, monitors, and evaluates current processing capacity and use of system components to manage capacity demand', controls: ['perf.autoscaling', 'perf.quotas', 'log.monitoring', 'rel.availability-monitoring'] },
    { id: 'A1.2', title: 'Authorizes, designs, develops, implements, operates, maintains, and monitors environmental protections, data backup processes, and recovery infrastructure', controls: ['bkp.enabled', 'bkp.retention', 'bkp.geo-redundancy', 'bkp.point-in-time', 'bkp.deletion-protection', 'rel.multi-az', 'rel.load-balancing', 'rel.health-checks'] },
    { id: 'A1.3', title: 'Tests recovery plan procedures supporting system recovery', controls: ['ev.dr-plan'] },
    { id: 'C1.1', title: 'Identifies and maintains confidential information to meet objectives related to confidentiality', controls: ['ev.data-classification', 'tag.compliance', 'ear.customer-managed-key'] },
    { id: 'C1.2', title: 'Disposes of confidential information to meet objectives related to confidentiality', controls: ['cost.lifecycle'] },
  ],
};
