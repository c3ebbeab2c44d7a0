import type { Framework } from '../model';

/**
 * Google Cloud Well-Architected Framework (formerly Architecture Framework), Security, privacy and compliance pillar.
 * The text has principles and, under them, recommendations, none of them numbered: ids are Cloudwright's slugs of the
 * section titles (`SEC-<title>`). Principles whose recommendations are listed are represented by those
 * recommendations; the principles listed themselves are those whose recommendations are not broken out here.
 */
export const GCP_ARCHITECTURE_FRAMEWORK_SECURITY: Framework = {
  id: 'gcp-architecture-framework-security',
  name: 'Google Cloud Well-Architected Framework — Security, Privacy and Compliance Pillar',
  version: 'principles edition (last reviewed 2025-02-05)',
  publisher: 'Google Cloud',
  url: 'https://cloud.google.com/architecture/framework/security',
  aliases: ['gcp-waf-security', 'gcp-af-security', 'google-well-architected-security'],
  clouds: ['gcp'],
  requirements: [
    // Implement security by design
    { id: 'SEC-choose-system-components-that-help-to-secure-your-workloads', title: 'Choose system components that help to secure your workloads', controls: ['k8s.approved-images', 'ev.dependency-tracking'] },
    { id: 'SEC-build-a-layered-security-approach', title: 'Build a layered security approach', controls: ['ev.risk-assessment', 'net.least-privilege'] },
    { id: 'SEC-use-hardened-and-attested-infrastructure-and-services', title: 'Use hardened and attested infrastructure and services', controls: ['k8s.upgrades', 'k8s.approved-images', 'rel.maintenance', 'pub.compute', 'iam.static-credentials'] },
    { id: 'SEC-encrypt-data-at-rest-and-in-transit', title: 'Encrypt data at rest and in transit', controls: ['ear.object-storage', 'ear.block-storage', 'ear.database', 'ear.customer-managed-key', 'kms.rotation', 'eit.https-only', 'eit.min-tls', 'eit.database', 'eit.load-balancer', 'eit.internal'] },
    // Implement zero trust
    { id: 'SEC-secure-your-network', title: 'Secure your network', controls: ['net.default-network', 'net.private-endpoint', 'net.waf', 'net.egress', 'net.admin-ports', 'net.all-ports', 'bp.infrastructure-as-code'] },
    { id: 'SEC-verify-every-access-attempt-explicitly', title: 'Verify every access attempt explicitly', controls: ['iam.central-auth', 'iam.mfa', 'iam.least-privilege', 'iam.default-service-account', 'k8s.workload-identity', 'log.audit-trail', 'log.retention'] },
    { id: 'SEC-monitor-and-maintain-your-network', title: 'Monitor and maintain your network', controls: ['log.network-flow', 'log.threat-detection', 'ev.security-scanning'] },
    // Implement shift-left security
    { id: 'SEC-adopt-preventive-security-controls', title: 'Adopt preventive security controls', controls: ['iam.least-privilege', 'bp.data-residency'] },
    { id: 'SEC-automate-provisioning-and-management-of-cloud-resources', title: 'Automate provisioning and management of cloud resources', controls: ['bp.infrastructure-as-code', 'ev.version-control'] },
    { id: 'SEC-automate-secure-application-releases', title: 'Automate secure application releases', controls: ['ev.security-scanning', 'ev.automated-testing'] },
    { id: 'SEC-ensure-that-application-deployments-follow-approved-processes', title: 'Ensure that application deployments follow approved processes', controls: ['k8s.approved-images', 'ev.change-management'] },
    { id: 'SEC-scan-for-known-vulnerabilities-before-application-deployment', title: 'Scan for known vulnerabilities before application deployment', controls: ['ev.security-scanning'] },
    { id: 'SEC-monitor-your-application-code-for-known-vulnerabilities', title: 'Monitor your application code for known vulnerabilities', controls: ['ev.security-scanning', 'ev.dependency-tracking'] },
    // Implement preemptive cyber defense
    { id: 'SEC-integrate-the-functions-of-cyber-defense', title: 'Integrate the functions of cyber defense', controls: ['ev.incident-response', 'log.threat-detection'] },
    { id: 'SEC-use-the-intelligence-function-in-all-aspects-of-cyber-defense', title: 'Use the Intelligence function in all aspects of cyber defense', controls: ['log.threat-detection'] },
    { id: 'SEC-understand-and-capitalize-on-your-defenders-advantage', title: "Understand and capitalize on your defender's advantage", controls: [] },
    { id: 'SEC-validate-and-improve-your-defenses-continuously', title: 'Validate and improve your defenses continuously', controls: ['ev.security-assessment'] },
    { id: 'SEC-manage-and-coordinate-cyber-defense-efforts', title: 'Manage and coordinate cyber-defense efforts', controls: ['ev.incident-response'] },
    // Meet regulatory, compliance, and privacy needs
    { id: 'SEC-meet-regulatory-compliance-and-privacy-needs', title: 'Meet regulatory, compliance, and privacy needs (principle)', controls: ['bp.data-residency', 'tag.compliance', 'ev.data-classification'] },
    { id: 'SEC-identify-risks-to-your-organization', title: 'Identify risks to your organization', controls: ['ev.risk-assessment'] },
    // AI principles (recommendations not broken out)
    { id: 'SEC-use-ai-securely-and-responsibly', title: 'Use AI securely and responsibly (principle)', controls: [] },
    { id: 'SEC-use-ai-for-security', title: 'Use AI for security (principle)', controls: [] },
  ],
};
