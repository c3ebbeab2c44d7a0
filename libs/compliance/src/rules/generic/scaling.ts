import type { CheckResult, ResourceCheckContext, ResourceRule } from '../../model';
import { fail, pass } from '../common/checks';
import { SCALE_GROUPS } from './architecture';
import { anyTrue } from './util';

/** Autoscaling of scale groups (ASG, VMSS, MIG) and AKS node pools. */

const AZURE_AUTOSCALE = 'azurerm_monitor_autoscale_setting';
const GCP_AUTOSCALERS = ['google_compute_autoscaler', 'google_compute_region_autoscaler'];

export function scaleGroupAutoscalingCheck(ctx: ResourceCheckContext): CheckResult {
  const { resource, values } = ctx;
  if (resource.type === 'aws_autoscaling_group') {
    const expected = 'min_size < max_size (with scaling policies)';
    const min = values.get('min_size');
    const max = values.get('max_size');
    if (min.state === 'unknown' || max.state === 'unknown') return { status: 'unknown', found: 'min_size / max_size known only after apply', expected, attribute: 'max_size' };
    const lo = values.number('min_size');
    const hi = values.number('max_size');
    if (lo !== undefined && hi !== undefined && lo >= hi) return fail(`min_size = max_size = ${hi} (fixed size: no autoscaling)`, expected, 'max_size');
    return pass(`min_size = ${String(lo)}, max_size = ${String(hi)}`, expected, 'max_size');
  }
  if (SCALE_GROUPS.azure.includes(resource.type)) {
    const expected = `an ${AZURE_AUTOSCALE} targeting the scale set`;
    const settings = ctx.referencing(AZURE_AUTOSCALE);
    if (settings.length > 0) return pass(`${settings[0]?.address ?? AZURE_AUTOSCALE} targets it`, expected, AZURE_AUTOSCALE);
    return fail(`no ${AZURE_AUTOSCALE} targets the scale set (fixed instance count)`, expected, AZURE_AUTOSCALE);
  }
  const expected = 'a google_compute_autoscaler / google_compute_region_autoscaler targeting the group';
  const autoscalers = ctx.referencing(GCP_AUTOSCALERS);
  if (autoscalers.length > 0) return pass(`${autoscalers[0]?.address ?? 'autoscaler'} targets it`, expected, 'autoscaler');
  return fail('no autoscaler targets the managed instance group (fixed target_size)', expected, 'autoscaler');
}

const AKS_ATTRS: Readonly<Record<string, readonly string[]>> = {
  azurerm_kubernetes_cluster: ['default_node_pool.0.auto_scaling_enabled', 'default_node_pool.0.enable_auto_scaling'],
  azurerm_kubernetes_cluster_node_pool: ['auto_scaling_enabled', 'enable_auto_scaling'],
};

export function aksAutoscalingCheck(ctx: ResourceCheckContext): CheckResult {
  const attrs = AKS_ATTRS[ctx.resource.type] ?? [];
  const expected = `${attrs[0] ?? 'auto_scaling_enabled'} = true (with min_count / max_count)`;
  const state = anyTrue(ctx.values, attrs);
  if (state === true) return pass(`${attrs[0] ?? ''} = true`, expected, attrs[0]);
  if (state === 'unknown') return { status: 'unknown', found: 'auto scaling setting known only after apply', expected, attribute: attrs[0] };
  return fail(`auto scaling off (${attrs.join(' / ')} false or not set; default false)`, expected, attrs[0]);
}

export const SCALING_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-GEN-0021',
    scope: 'resource',
    title: 'Scale groups scale automatically',
    description:
      'An autoscaling group with min = max, a scale set without autoscale settings or a managed instance group without an autoscaler runs a fixed fleet: over-provisioned at night, saturated at peak.',
    category: 'performance',
    severity: 'low',
    clouds: ['aws', 'azure', 'gcp'],
    resourceTypes: [...SCALE_GROUPS.aws, ...SCALE_GROUPS.azure, ...SCALE_GROUPS.gcp],
    controls: ['perf.autoscaling'],
    check: scaleGroupAutoscalingCheck,
    remediation: {
      text: 'Give the group a range and a scaling policy: ASG min_size < max_size with a target-tracking policy, an azurerm_monitor_autoscale_setting for the scale set, a google_compute_autoscaler for the instance group.',
      terraform:
        'resource "aws_autoscaling_policy" "cpu" {\n  name                   = "cpu-target"\n  autoscaling_group_name = aws_autoscaling_group.web.name\n  policy_type            = "TargetTrackingScaling"\n  target_tracking_configuration {\n    predefined_metric_specification {\n      predefined_metric_type = "ASGAverageCPUUtilization"\n    }\n    target_value = 60\n  }\n}',
      bicep:
        "resource autoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = {\n  name: 'vmss-autoscale'\n  location: location\n  properties: {\n    enabled: true\n    targetResourceUri: vmss.id\n    profiles: [ { name: 'default', capacity: { minimum: '2', maximum: '6', default: '2' }, rules: [] } ]\n  }\n}",
      effort: 'medium',
    },
    references: [
      'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html',
      'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-autoscale-overview',
      'https://cloud.google.com/compute/docs/autoscaler',
    ],
    differs: 'An ASG with min_size < max_size passes even when its scaling policies live in another stack (scheduled actions, cluster autoscaler).',
    fixtures: {
      pass: [
        { values: { min_size: 2, max_size: 6 } },
        { type: 'azurerm_linux_virtual_machine_scale_set', values: { instances: 2 }, related: [{ type: AZURE_AUTOSCALE, values: { enabled: true } }] },
        { type: 'google_compute_instance_group_manager', values: { target_size: 2 }, related: [{ type: 'google_compute_autoscaler', values: {} }] },
      ],
      fail: [
        { values: { min_size: 3, max_size: 3 } },
        { type: 'azurerm_windows_virtual_machine_scale_set', values: { instances: 3 } },
        { type: 'google_compute_region_instance_group_manager', values: { target_size: 3 } },
      ],
      unknown: [{ values: { min_size: 1 }, unknown: { max_size: true } }],
    },
  },
  {
    id: 'CW-GEN-0022',
    scope: 'resource',
    title: 'AKS node pools autoscale',
    description: 'An AKS node pool without the cluster autoscaler keeps a fixed node count: pods stay pending at peak and idle nodes are paid for off-peak.',
    category: 'performance',
    severity: 'low',
    clouds: ['azure'],
    resourceTypes: Object.keys(AKS_ATTRS),
    controls: ['perf.autoscaling'],
    check: aksAutoscalingCheck,
    remediation: {
      text: 'Enable the cluster autoscaler on the node pool with min_count and max_count (azurerm 4.x: auto_scaling_enabled; 3.x: enable_auto_scaling).',
      terraform: 'default_node_pool {\n  name                 = "system"\n  vm_size              = "Standard_D4s_v5"\n  auto_scaling_enabled = true   # enable_auto_scaling in azurerm 3.x\n  min_count            = 2\n  max_count            = 5\n}',
      bicep: "agentPoolProfiles: [\n  {\n    name: 'system'\n    enableAutoScaling: true\n    minCount: 2\n    maxCount: 5\n  }\n]",
      effort: 'low',
    },
    references: ['https://learn.microsoft.com/azure/aks/cluster-autoscaler', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster'],
    differs: 'Reads both the azurerm 4.x (auto_scaling_enabled) and 3.x (enable_auto_scaling) names.',
    fixtures: {
      pass: [
        { values: { default_node_pool: [{ auto_scaling_enabled: true, min_count: 2, max_count: 5 }] } },
        { values: { default_node_pool: [{ enable_auto_scaling: true, min_count: 2, max_count: 5 }] }, note: 'azurerm 3.x' },
        { type: 'azurerm_kubernetes_cluster_node_pool', values: { auto_scaling_enabled: true } },
      ],
      fail: [{ values: { default_node_pool: [{ auto_scaling_enabled: false, node_count: 3 }] } }, { type: 'azurerm_kubernetes_cluster_node_pool', values: { node_count: 3 } }],
      unknown: [{ values: { default_node_pool: [{}] }, unknown: { default_node_pool: [{ auto_scaling_enabled: true }] } }],
    },
  },
];
