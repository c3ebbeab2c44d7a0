import type { Framework } from '../model';

/**
 * AWS Well-Architected Framework, Cost Optimization pillar: best practices (COSTnn-BPnn) under questions COST 1–COST 11,
 * with their titles as published in the current online edition. Financial-management practices with no bearing on
 * infrastructure (partnerships, culture) are left out.
 */
export const AWS_WELL_ARCHITECTED_COST: Framework = {
  id: 'aws-well-architected-cost',
  name: 'AWS Well-Architected Framework — Cost Optimization Pillar',
  version: 'current online edition (best-practice ids as of 2024–2025)',
  publisher: 'Amazon Web Services',
  url: 'https://docs.aws.amazon.com/wellarchitected/latest/cost-optimization-pillar/welcome.html',
  aliases: ['aws-wa-cost', 'aws-wellarchitected-cost'],
  clouds: ['aws'],
  requirements: [
    { id: 'COST01-BP03', title: 'Establish cloud budgets and forecasts', controls: [] },
    { id: 'COST01-BP06', title: 'Monitor cost proactively', controls: ['ev.dashboards'] },
    { id: 'COST02-BP01', title: 'Develop policies based on your organization requirements', controls: [] },
    { id: 'COST02-BP05', title: 'Implement cost controls', controls: ['perf.quotas'] },
    { id: 'COST02-BP06', title: 'Track project lifecycle', controls: ['tag.environment', 'tag.owner'] },
    { id: 'COST03-BP02', title: 'Add organization information to cost and usage', controls: ['tag.cost-center', 'tag.owner', 'tag.environment'] },
    { id: 'COST03-BP03', title: 'Identify cost attribution categories', controls: ['tag.cost-center'] },
    { id: 'COST03-BP05', title: 'Configure billing and cost management tools', controls: ['ev.dashboards'] },
    { id: 'COST04-BP01', title: 'Track resources over their lifetime', controls: ['tag.owner', 'cost.unused'] },
    { id: 'COST04-BP02', title: 'Implement a decommissioning process', controls: ['cost.unused'] },
    { id: 'COST04-BP04', title: 'Decommission resources automatically', controls: ['cost.unused', 'cost.lifecycle'] },
    { id: 'COST04-BP05', title: 'Enforce data retention policies', controls: ['cost.lifecycle', 'log.retention', 'bkp.retention'] },
    { id: 'COST05-BP03', title: 'Perform a thorough analysis of each component', controls: ['cost.right-size'] },
    { id: 'COST05-BP05', title: 'Select components of this workload to optimize cost in line with organization priorities', controls: ['cost.current-generation'] },
    { id: 'COST06-BP01', title: 'Perform cost modeling', controls: ['cost.right-size'] },
    { id: 'COST06-BP02', title: 'Select resource type, size, and number based on data', controls: ['cost.right-size', 'cost.current-generation', 'perf.storage-iops'] },
    { id: 'COST06-BP03', title: 'Select resource type, size, and number automatically based on metrics', controls: ['perf.autoscaling'] },
    { id: 'COST06-BP04', title: 'Consider using shared resources', controls: [] },
    { id: 'COST07-BP01', title: 'Perform pricing model analysis', controls: ['cost.commitment', 'cost.spot'] },
    { id: 'COST07-BP02', title: 'Choose Regions based on cost', controls: [] },
    { id: 'COST07-BP04', title: 'Implement pricing models for all components of this workload', controls: ['cost.commitment', 'cost.spot'] },
    { id: 'COST08-BP01', title: 'Perform data transfer modeling', controls: ['cost.data-transfer'] },
    { id: 'COST08-BP02', title: 'Select components to optimize data transfer cost', controls: ['cost.data-transfer', 'net.private-endpoint'] },
    { id: 'COST08-BP03', title: 'Implement services to reduce data transfer costs', controls: ['perf.cdn', 'cost.data-transfer'] },
    { id: 'COST09-BP01', title: 'Perform an analysis on the workload demand', controls: [] },
    { id: 'COST09-BP02', title: 'Implement a buffer or throttle to manage demand', controls: ['bp.async-processing', 'bp.api-rate-limiting'] },
    { id: 'COST09-BP03', title: 'Supply resources dynamically', controls: ['perf.autoscaling', 'cost.spot'] },
    { id: 'COST10-BP02', title: 'Review and analyze this workload regularly', controls: [] },
    { id: 'COST11-BP01', title: 'Perform automation for operations', controls: ['bp.infrastructure-as-code'] },
  ],
};
