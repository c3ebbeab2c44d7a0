import type { Framework } from '../model';

/**
 * Google Cloud Well-Architected Framework (formerly Architecture Framework), Cost optimization pillar: the
 * recommendations under its four principles (align cloud spending with business value, foster a culture of cost
 * awareness, optimize resource usage, optimize continuously). Nothing is numbered in the text: ids are Cloudwright's
 * slugs of the recommendation titles (`COST-<title>`).
 */
export const GCP_ARCHITECTURE_FRAMEWORK_COST: Framework = {
  id: 'gcp-architecture-framework-cost',
  name: 'Google Cloud Well-Architected Framework — Cost Optimization Pillar',
  version: 'principles edition (last reviewed 2025-02-14)',
  publisher: 'Google Cloud',
  url: 'https://cloud.google.com/architecture/framework/cost-optimization',
  aliases: ['gcp-waf-cost', 'gcp-af-cost', 'google-well-architected-cost'],
  clouds: ['gcp'],
  requirements: [
    // Align cloud spending with business value
    { id: 'COST-prioritize-managed-services-and-serverless-products', title: 'Prioritize managed services and serverless products', controls: [] },
    { id: 'COST-balance-cost-efficiency-with-business-agility', title: 'Balance cost efficiency with business agility', controls: [] },
    { id: 'COST-enable-self-service-optimization', title: 'Enable self-service optimization', controls: [] },
    { id: 'COST-adopt-and-implement-finops', title: 'Adopt and implement FinOps', controls: [] },
    // Foster a culture of cost awareness
    { id: 'COST-provide-organization-wide-cost-visibility', title: 'Provide organization-wide cost visibility', controls: ['ev.dashboards', 'tag.cost-center'] },
    { id: 'COST-understand-resource-based-cost-optimization-options', title: 'Understand resource-based cost optimization options', controls: ['cost.right-size', 'perf.autoscaling'] },
    { id: 'COST-understand-discount-based-cost-optimization-options', title: 'Understand discount-based cost optimization options', controls: ['cost.commitment', 'cost.spot'] },
    { id: 'COST-incorporate-cost-estimates-into-architecture-blueprints', title: 'Incorporate cost estimates into architecture blueprints', controls: [] },
    { id: 'COST-use-a-consistent-and-standard-set-of-labels-for-all-your-resources', title: 'Use a consistent and standard set of labels for all your resources', controls: ['tag.cost-center', 'tag.owner', 'tag.environment'] },
    { id: 'COST-share-cost-reports-with-team-members', title: 'Share cost reports with team members', controls: ['ev.dashboards'] },
    // Optimize resource usage
    { id: 'COST-choose-environment-specific-resources', title: 'Choose environment-specific resources', controls: ['tag.environment', 'cost.right-size'] },
    { id: 'COST-choose-workload-specific-resources', title: 'Choose workload-specific resources', controls: ['cost.right-size', 'cost.current-generation', 'cost.spot', 'perf.autoscaling'] },
    { id: 'COST-select-regions-based-on-cost-requirements', title: 'Select regions based on cost requirements', controls: [] },
    { id: 'COST-use-built-in-cost-optimization-options', title: 'Use built-in cost optimization options', controls: ['perf.autoscaling', 'cost.lifecycle', 'cost.spot'] },
    { id: 'COST-optimize-resource-sharing', title: 'Optimize resource sharing', controls: [] },
    { id: 'COST-develop-and-maintain-reference-architectures', title: 'Develop and maintain reference architectures', controls: ['bp.infrastructure-as-code'] },
    { id: 'COST-enforce-cost-discipline-by-using-organization-policies', title: 'Enforce cost discipline by using organization policies', controls: [] },
    { id: 'COST-estimate-realistic-budgets-and-set-financial-boundaries', title: 'Estimate realistic budgets and set financial boundaries', controls: ['perf.quotas'] },
    // Optimize continuously
    { id: 'COST-focus-on-business-relevant-metrics', title: 'Focus on business-relevant metrics', controls: [] },
    { id: 'COST-use-observability-for-resource-optimization', title: 'Use observability for resource optimization', controls: ['cost.unused', 'cost.right-size', 'log.monitoring'] },
    { id: 'COST-balance-troubleshooting-needs-with-cost', title: 'Balance troubleshooting needs with cost', controls: ['cost.log-volume'] },
    { id: 'COST-tailor-data-collection-to-roles-and-set-role-specific-retention-policies', title: 'Tailor data collection to roles and set role-specific retention policies', controls: ['log.retention', 'cost.log-volume'] },
    { id: 'COST-consider-regulatory-and-compliance-requirements', title: 'Consider regulatory and compliance requirements', controls: ['log.retention'] },
    { id: 'COST-implement-smart-alerting', title: 'Implement smart alerting', controls: ['log.alerting'] },
  ],
};
