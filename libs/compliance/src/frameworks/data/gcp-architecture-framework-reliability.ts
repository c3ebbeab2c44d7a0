import type { Framework } from '../model';

/**
 * Google Cloud Well-Architected Framework (formerly Architecture Framework), Reliability pillar. The text has nine
 * principles and recommendations under them, none numbered: ids are Cloudwright's slugs of the section titles
 * (`REL-<title>`). The two principles whose recommendations are broken out here ("Build highly available systems
 * through resource redundancy", "Perform testing for recovery from data loss") are represented by those
 * recommendations. Fewer than 20 items: the pillar is short.
 */
export const GCP_ARCHITECTURE_FRAMEWORK_RELIABILITY: Framework = {
  id: 'gcp-architecture-framework-reliability',
  name: 'Google Cloud Well-Architected Framework — Reliability Pillar',
  version: 'principles edition (last reviewed 2024-12-30)',
  publisher: 'Google Cloud',
  url: 'https://cloud.google.com/architecture/framework/reliability',
  aliases: ['gcp-waf-reliability', 'gcp-af-reliability', 'google-well-architected-reliability'],
  clouds: ['gcp'],
  requirements: [
    { id: 'REL-define-reliability-based-on-user-experience-goals', title: 'Define reliability based on user-experience goals', controls: ['rel.availability-monitoring'] },
    { id: 'REL-set-realistic-targets-for-reliability', title: 'Set realistic targets for reliability', controls: [] },
    // Build highly available systems through resource redundancy
    { id: 'REL-identify-failure-domains-and-replicate-services', title: 'Identify failure domains and replicate services', controls: ['rel.multi-az', 'rel.load-balancing', 'bkp.geo-redundancy'] },
    { id: 'REL-detect-and-address-issues-promptly', title: 'Detect and address issues promptly', controls: ['rel.health-checks', 'rel.availability-monitoring'] },
    { id: 'REL-test-failover-scenarios', title: 'Test failover scenarios', controls: ['ev.dr-plan'] },
    { id: 'REL-take-advantage-of-horizontal-scalability', title: 'Take advantage of horizontal scalability', controls: ['perf.autoscaling', 'rel.load-balancing'] },
    { id: 'REL-detect-potential-failures-by-using-observability', title: 'Detect potential failures by using observability', controls: ['log.monitoring', 'log.alerting', 'ev.dashboards'] },
    { id: 'REL-design-for-graceful-degradation', title: 'Design for graceful degradation', controls: ['bp.api-rate-limiting', 'bp.async-processing'] },
    { id: 'REL-perform-testing-for-recovery-from-failures', title: 'Perform testing for recovery from failures', controls: ['ev.dr-plan', 'ev.rollback-procedure'] },
    // Perform testing for recovery from data loss
    { id: 'REL-verify-backup-consistency-and-test-restoration-processes', title: 'Verify backup consistency and test restoration processes', controls: ['ev.dr-plan'] },
    { id: 'REL-schedule-regular-and-frequent-backups', title: 'Schedule regular and frequent backups', controls: ['bkp.enabled', 'bkp.point-in-time', 'bkp.retention'] },
    { id: 'REL-define-and-monitor-rpo', title: 'Define and monitor RPO', controls: ['bkp.point-in-time'] },
    { id: 'REL-monitor-backup-health', title: 'Monitor backup health', controls: ['bkp.geo-redundancy', 'log.monitoring'] },
    { id: 'REL-plan-for-scenarios-beyond-backup', title: 'Plan for scenarios beyond backup', controls: ['ev.dr-plan', 'bkp.geo-redundancy'] },
    { id: 'REL-conduct-thorough-postmortems', title: 'Conduct thorough postmortems', controls: ['ev.incident-response'] },
  ],
};
