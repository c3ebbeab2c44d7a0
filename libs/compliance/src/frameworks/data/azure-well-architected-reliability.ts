import type { Framework } from '../model';

/**
 * Azure Well-Architected Framework, Reliability pillar: the design review checklist (RE:01–RE:10), titles being the
 * lead sentence of each item. The checklist has only ten items, so the pillar's five design principles are listed as
 * well; they have no numbering in the text, so their ids (`RE-P-…`) are Cloudwright's slugs of the principle titles.
 */
export const AZURE_WELL_ARCHITECTED_RELIABILITY: Framework = {
  id: 'azure-well-architected-reliability',
  name: 'Azure Well-Architected Framework — Reliability Pillar checklist',
  version: 'current online checklist (RE:01–RE:10) and design principles',
  publisher: 'Microsoft',
  url: 'https://learn.microsoft.com/en-us/azure/well-architected/reliability/checklist',
  aliases: ['azure-waf-reliability', 'azure-wa-reliability'],
  clouds: ['azure'],
  requirements: [
    { id: 'RE:01', title: 'Focus your workload design on simplicity and efficiency', controls: [] },
    { id: 'RE:02', title: 'Identify and rate user and system flows', controls: [] },
    { id: 'RE:03', title: 'Use failure mode analysis (FMA) to identify potential failures in your workload', controls: [] },
    { id: 'RE:04', title: 'Define reliability and recovery targets for your workload', controls: ['ev.dr-plan'] },
    { id: 'RE:05', title: 'Add redundancy at different levels, especially for critical flows', controls: ['rel.multi-az', 'rel.load-balancing', 'bkp.geo-redundancy'] },
    { id: 'RE:06', title: 'Implement a timely and reliable scaling strategy at the application, data, and infrastructure levels', controls: ['perf.autoscaling', 'perf.quotas'] },
    { id: 'RE:07', title: 'Strengthen resiliency by implementing self-preservation and self-healing measures', controls: ['rel.health-checks', 'bp.async-processing', 'bp.api-rate-limiting'] },
    { id: 'RE:08', title: 'Test for resiliency and availability scenarios by applying the principles of chaos engineering', controls: [] },
    { id: 'RE:09', title: 'Implement structured, tested, and documented disaster recovery (DR) plans that align with recovery targets', controls: ['ev.dr-plan', 'bkp.enabled', 'bkp.retention', 'bkp.point-in-time', 'bkp.geo-redundancy', 'bkp.soft-delete', 'bkp.deletion-protection'] },
    { id: 'RE:10', title: 'Continuously measure and track system health using uptime and reliability indicators', controls: ['rel.availability-monitoring', 'log.monitoring', 'log.alerting', 'ev.dashboards'] },
    { id: 'RE-P-design-for-business-requirements', title: 'Design principle: Design for business requirements', controls: [] },
    { id: 'RE-P-design-for-resilience', title: 'Design principle: Design for resilience', controls: ['rel.multi-az', 'rel.load-balancing', 'rel.health-checks'] },
    { id: 'RE-P-design-for-recovery', title: 'Design principle: Design for recovery', controls: ['bkp.enabled', 'ev.dr-plan'] },
    { id: 'RE-P-design-for-operations', title: 'Design principle: Design for operations', controls: ['log.monitoring', 'log.alerting', 'ev.runbooks'] },
    { id: 'RE-P-keep-it-simple', title: 'Design principle: Keep it simple', controls: [] },
  ],
};
