import type { Framework } from '../model';

/**
 * Azure Well-Architected Framework, Cost Optimization pillar: the design review checklist (CO:01–CO:14), titles being
 * the bold lead phrase of each item.
 */
export const AZURE_WELL_ARCHITECTED_COST: Framework = {
  id: 'azure-well-architected-cost',
  name: 'Azure Well-Architected Framework — Cost Optimization Pillar checklist',
  version: 'current online checklist (CO:01–CO:14)',
  publisher: 'Microsoft',
  url: 'https://learn.microsoft.com/en-us/azure/well-architected/cost-optimization/checklist',
  aliases: ['azure-waf-cost', 'azure-wa-cost'],
  clouds: ['azure'],
  requirements: [
    { id: 'CO:01', title: 'Create a culture of financial responsibility', controls: [] },
    { id: 'CO:02', title: 'Create and maintain a cost model', controls: [] },
    { id: 'CO:03', title: 'Collect and review cost data', controls: ['tag.cost-center', 'tag.owner', 'ev.dashboards'] },
    { id: 'CO:04', title: 'Set spending guardrails', controls: ['perf.quotas', 'tag.cost-center'] },
    { id: 'CO:05', title: 'Get the best rates from providers', controls: ['cost.commitment', 'cost.spot'] },
    { id: 'CO:06', title: 'Align usage to billing increments', controls: ['cost.right-size'] },
    { id: 'CO:07', title: 'Optimize component costs', controls: ['cost.unused', 'cost.current-generation', 'cost.right-size'] },
    { id: 'CO:08', title: 'Optimize environment costs', controls: ['tag.environment', 'cost.right-size', 'cost.spot'] },
    { id: 'CO:09', title: 'Optimize flow costs', controls: ['cost.data-transfer'] },
    { id: 'CO:10', title: 'Optimize data costs', controls: ['cost.lifecycle', 'log.retention', 'cost.log-volume'] },
    { id: 'CO:11', title: 'Optimize code costs', controls: ['perf.connection-pooling', 'perf.caching'] },
    { id: 'CO:12', title: 'Optimize scaling costs', controls: ['perf.autoscaling'] },
    { id: 'CO:13', title: 'Optimize personnel time', controls: ['bp.infrastructure-as-code'] },
    { id: 'CO:14', title: 'Consolidate resources and responsibility', controls: ['cost.right-size'] },
  ],
};
