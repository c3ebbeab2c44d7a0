import type { Framework } from '../model';

/**
 * Azure Well-Architected Framework, Security pillar: the design review checklist (SE:01–SE:12). The pillar has exactly
 * twelve checklist items, so all are listed; titles are the lead sentence of each item.
 */
export const AZURE_WELL_ARCHITECTED_SECURITY: Framework = {
  id: 'azure-well-architected-security',
  name: 'Azure Well-Architected Framework — Security Pillar checklist',
  version: 'current online checklist (SE:01–SE:12)',
  publisher: 'Microsoft',
  url: 'https://learn.microsoft.com/en-us/azure/well-architected/security/checklist',
  aliases: ['azure-waf-security', 'azure-wa-security'],
  clouds: ['azure'],
  requirements: [
    { id: 'SE:01', title: "Establish a security baseline that's aligned to compliance requirements, industry standards, and platform recommendations", controls: ['bp.infrastructure-as-code', 'ev.security-assessment'] },
    { id: 'SE:02', title: 'Align the secure development lifecycle (SDL) throughout the software development lifecycle', controls: ['ev.security-scanning', 'ev.dependency-tracking', 'ev.version-control', 'k8s.approved-images'] },
    { id: 'SE:03', title: 'Classify and consistently apply sensitivity and information-type labels on all workload data and systems', controls: ['ev.data-classification', 'tag.compliance'] },
    { id: 'SE:04', title: "Create intentional segmentation and perimeters in your architecture design and in the workload's footprint on the platform", controls: ['net.default-network', 'net.private-endpoint', 'k8s.network-policy', 'k8s.private-nodes', 'tag.environment'] },
    { id: 'SE:05', title: 'Implement strict, conditional, and auditable identity and access management (IAM) across all workload users, team members, and system components', controls: ['iam.least-privilege', 'iam.wildcard-policy', 'iam.mfa', 'iam.central-auth', 'iam.managed-identity', 'iam.static-credentials', 'iam.api-authentication', 'k8s.rbac', 'k8s.legacy-auth', 'k8s.workload-identity'] },
    { id: 'SE:06', title: 'Isolate, filter, and control network traffic across both ingress and egress flows', controls: ['net.admin-ports', 'net.database-ports', 'net.all-ports', 'net.least-privilege', 'net.egress', 'net.waf', 'pub.object-storage', 'pub.database', 'pub.compute', 'pub.function', 'pub.registry', 'pub.authorized-networks', 'k8s.private-endpoint'] },
    { id: 'SE:07', title: 'Encrypt data by using modern, industry-standard methods to guard confidentiality and integrity', controls: ['ear.object-storage', 'ear.block-storage', 'ear.file-storage', 'ear.database', 'ear.cache', 'ear.messaging', 'ear.backups', 'ear.customer-managed-key', 'eit.https-only', 'eit.min-tls', 'eit.database', 'eit.cache', 'eit.load-balancer', 'eit.internal', 'kms.rotation', 'k8s.secrets-encryption'] },
    { id: 'SE:08', title: 'Harden all workload components by reducing extraneous surface area and tightening configurations', controls: ['bp.antimalware', 'rel.maintenance', 'k8s.upgrades', 'iam.default-credentials', 'iam.instance-metadata', 'pub.snapshot'] },
    { id: 'SE:09', title: 'Protect application secrets by hardening their storage and restricting access and manipulation and by auditing those actions', controls: ['ear.secrets', 'bp.hardcoded-secrets', 'kms.purge-protection', 'kms.expiry', 'kms.key-access'] },
    { id: 'SE:10', title: 'Implement a holistic monitoring strategy that relies on modern threat detection mechanisms that can be integrated with the platform', controls: ['log.audit-trail', 'log.threat-detection', 'log.alerting', 'log.database-audit', 'log.storage-access', 'log.network-flow', 'log.kubernetes', 'log.retention'] },
    { id: 'SE:11', title: 'Establish a comprehensive testing regimen', controls: ['ev.security-assessment', 'ev.security-scanning'] },
    { id: 'SE:12', title: 'Define and test effective incident response procedures', controls: ['ev.incident-response'] },
  ],
};
