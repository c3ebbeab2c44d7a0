import type { Framework } from '../model';

/**
 * The 60 validation rules of user story US3.12 ("Implement Advanced Validation Rules") in Cloudwright's phase-3
 * infrastructure plan, with their exact titles. Every rule maps to at least one control topic: rules a plan can show
 * map to resource topics, process rules to the `ev.*` topics answered by evidence rules. Rules 22 and 23 ("CIS",
 * "NIST") stand for whole catalogues that have their own framework mappings; here they map to the core topics those
 * catalogues test first.
 */
export const US3_12_VALIDATION: Framework = {
  id: 'us3.12-validation',
  name: 'Cloudwright validation rules (US3.12)',
  version: 'phase 3 infrastructure plan, US3.12',
  publisher: 'Cloudwright',
  /** Internal planning document (not published): phase-3-infrastructure-plan.md, section US3.12. */
  url: 'urn:cloudwright:phase-3-infrastructure-plan:US3.12',
  aliases: ['us3.12', 'cloudwright-validation'],
  requirements: [
    // Security validation rules (15)
    { id: '1', title: 'All databases must have encryption enabled', controls: ['ear.database'] },
    { id: '2', title: 'All storage must be private (not public)', controls: ['pub.object-storage', 'pub.snapshot'] },
    { id: '3', title: 'All network connections must use TLS', controls: ['eit.https-only', 'eit.min-tls', 'eit.database', 'eit.cache', 'eit.load-balancer'] },
    { id: '4', title: 'All VMs must have antimalware', controls: ['bp.antimalware'] },
    { id: '5', title: 'All containers must use approved base images', controls: ['k8s.approved-images'] },
    { id: '6', title: 'Secrets must not be hardcoded', controls: ['bp.hardcoded-secrets'] },
    { id: '7', title: 'All APIs must have authentication', controls: ['iam.api-authentication'] },
    { id: '8', title: 'All APIs must have rate limiting', controls: ['bp.api-rate-limiting'] },
    { id: '9', title: 'All databases must have backups', controls: ['bkp.enabled', 'bkp.point-in-time'] },
    { id: '10', title: 'Network ACLs must follow least privilege', controls: ['net.least-privilege', 'net.admin-ports', 'net.database-ports', 'net.all-ports'] },
    { id: '11', title: 'All ports must be justified', controls: ['ev.port-justification'] },
    { id: '12', title: 'MFA must be enforced for admin access', controls: ['iam.mfa', 'ev.mfa-admin'] },
    { id: '13', title: 'No default credentials allowed', controls: ['iam.default-credentials'] },
    { id: '14', title: 'All logs must be retained per policy', controls: ['log.retention'] },
    { id: '15', title: 'Regular security assessments required', controls: ['ev.security-assessment'] },
    // Compliance validation rules (12)
    { id: '16', title: 'GDPR - Data residency requirements met', controls: ['bp.data-residency'] },
    { id: '17', title: 'HIPAA - Audit logging enabled', controls: ['log.audit-trail', 'log.database-audit'] },
    { id: '18', title: 'PCI-DSS - Encryption in transit', controls: ['eit.https-only', 'eit.min-tls', 'eit.database', 'eit.load-balancer'] },
    { id: '19', title: 'PCI-DSS - Encryption at rest', controls: ['ear.database', 'ear.object-storage', 'ear.block-storage', 'ear.file-storage'] },
    { id: '20', title: 'SOC2 - Access logging enabled', controls: ['log.storage-access', 'log.load-balancer'] },
    { id: '21', title: 'SOC2 - Availability monitoring', controls: ['rel.availability-monitoring'] },
    { id: '22', title: 'CIS - Benchmark standards met', controls: ['log.audit-trail', 'iam.wildcard-policy', 'net.admin-ports', 'net.default-network'] },
    { id: '23', title: 'NIST - Security controls implemented', controls: ['ev.security-assessment', 'iam.least-privilege', 'log.audit-trail'] },
    { id: '24', title: 'Resource tagging for cost center', controls: ['tag.cost-center'] },
    { id: '25', title: 'Resource tagging for owner', controls: ['tag.owner'] },
    { id: '26', title: 'Resource tagging for compliance', controls: ['tag.compliance'] },
    { id: '27', title: 'Resource tagging for environment', controls: ['tag.environment'] },
    // Cost validation rules (10)
    { id: '28', title: 'No oversized resource skus (detect waste)', controls: ['cost.right-size'] },
    { id: '29', title: 'Reserved instances recommended for 30+ day resources', controls: ['cost.commitment'] },
    { id: '30', title: 'Spot instances used where appropriate', controls: ['cost.spot'] },
    { id: '31', title: 'Auto-scaling configured for variable loads', controls: ['perf.autoscaling'] },
    { id: '32', title: 'Unused resources detected', controls: ['cost.unused'] },
    { id: '33', title: 'Data transfer costs minimized', controls: ['cost.data-transfer'] },
    { id: '34', title: 'Storage lifecycle policies configured', controls: ['cost.lifecycle'] },
    { id: '35', title: 'Database size appropriate for workload', controls: ['cost.right-size'] },
    { id: '36', title: 'Network bandwidth optimized', controls: ['perf.network'] },
    { id: '37', title: 'Monitoring configured efficiently', controls: ['cost.log-volume'] },
    // Performance validation rules (10)
    { id: '38', title: 'Load balancers configured', controls: ['rel.load-balancing'] },
    { id: '39', title: 'Caching implemented', controls: ['perf.caching'] },
    { id: '40', title: 'CDN used for static content', controls: ['perf.cdn'] },
    { id: '41', title: 'Database connection pooling', controls: ['perf.connection-pooling'] },
    { id: '42', title: 'Async processing for long operations', controls: ['bp.async-processing'] },
    { id: '43', title: 'Auto-scaling configured', controls: ['perf.autoscaling'] },
    { id: '44', title: 'Resource quotas set appropriately', controls: ['perf.quotas'] },
    { id: '45', title: 'Network latency minimized', controls: ['perf.network'] },
    { id: '46', title: 'Storage IOPS appropriate for workload', controls: ['perf.storage-iops'] },
    { id: '47', title: 'Compute resources match workload', controls: ['cost.right-size', 'cost.current-generation'] },
    // Best practices validation rules (13)
    { id: '48', title: 'Infrastructure as Code used', controls: ['bp.infrastructure-as-code'] },
    { id: '49', title: 'Version control configured', controls: ['ev.version-control'] },
    { id: '50', title: 'Automated testing implemented', controls: ['ev.automated-testing'] },
    { id: '51', title: 'Blue-green deployment available', controls: ['ev.blue-green'] },
    { id: '52', title: 'Rollback procedures documented', controls: ['ev.rollback-procedure'] },
    { id: '53', title: 'Documentation complete', controls: ['ev.documentation'] },
    { id: '54', title: 'Disaster recovery plan exists', controls: ['ev.dr-plan'] },
    { id: '55', title: 'Monitoring dashboards created', controls: ['ev.dashboards'] },
    { id: '56', title: 'Alerting rules configured', controls: ['log.alerting'] },
    { id: '57', title: 'Runbooks created', controls: ['ev.runbooks'] },
    { id: '58', title: 'Security scanning enabled', controls: ['ev.security-scanning'] },
    { id: '59', title: 'Dependency tracking enabled', controls: ['ev.dependency-tracking'] },
    { id: '60', title: 'Change management process followed', controls: ['ev.change-management'] },
  ],
};
