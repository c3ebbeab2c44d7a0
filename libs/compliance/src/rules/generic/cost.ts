import type { CheckResult, ResourceCheckContext, ResourceRule } from '../../model';
import { fail, notApplicable, pass, readAttr } from '../common/checks';
import { sizeInfo } from './sizes';
import { environmentKind } from './util';

/** Compute cost rules: right-sizing and spot capacity outside production, commitments in production. */

/** The size attribute of each compute type. */
export const SIZE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  aws_instance: ['instance_type'],
  aws_launch_template: ['instance_type'],
  aws_db_instance: ['instance_class'],
  aws_rds_cluster_instance: ['instance_class'],
  azurerm_linux_virtual_machine: ['size'],
  azurerm_windows_virtual_machine: ['size'],
  azurerm_virtual_machine: ['vm_size'],
  azurerm_linux_virtual_machine_scale_set: ['sku'],
  azurerm_windows_virtual_machine_scale_set: ['sku'],
  azurerm_kubernetes_cluster_node_pool: ['vm_size'],
  google_compute_instance: ['machine_type'],
  google_compute_instance_template: ['machine_type'],
  google_compute_region_instance_template: ['machine_type'],
};

const OVERSIZED_VCPUS = 32;

export function rightSizeCheck(ctx: ResourceCheckContext): CheckResult {
  if (environmentKind(ctx.stack) !== 'non-production') return notApplicable('only judged in non-production environments (dev, test, staging, qa, sandbox)');
  const { path, value } = readAttr(ctx.values, SIZE_ATTRIBUTES[ctx.resource.type] ?? []);
  const expected = `a size under ${OVERSIZED_VCPUS} vCPU in ${ctx.stack.environment ?? 'non-production'}`;
  if (value.state === 'unknown') return { status: 'unknown', found: `${path} is known only after apply`, expected, attribute: path };
  if (value.state === 'absent' || typeof value.value !== 'string') return notApplicable(`${path} not set`);
  const info = sizeInfo(ctx.resource.cloud, value.value);
  if (info && (info.vcpus === 'host' || info.vcpus >= OVERSIZED_VCPUS)) {
    const vcpus = info.vcpus === 'host' ? 'a whole bare-metal host' : `${info.vcpus} vCPU`;
    return fail(`${path} = ${JSON.stringify(value.value)} (${vcpus})`, expected, path);
  }
  return pass(`${path} = ${JSON.stringify(value.value)}${info ? ` (${String(info.vcpus)} vCPU)` : ''}`, expected, path);
}

type Capacity = 'spot' | 'on-demand' | 'unknown';

/** Whether the compute runs on spot/preemptible capacity. */
export function capacityOf(ctx: ResourceCheckContext): { capacity: Capacity; attribute: string; found: string } {
  const { values, resource } = ctx;
  const t = resource.type;
  const fromMarket = (prefix: string): { capacity: Capacity; attribute: string; found: string } => {
    const market = values.get(`${prefix}instance_market_options.0.market_type`);
    const attribute = `${prefix}instance_market_options.market_type`;
    if (market.state === 'unknown') return { capacity: 'unknown', attribute, found: `${attribute} known only after apply` };
    const spot = market.state === 'known' && typeof market.value === 'string' && market.value.toLowerCase() === 'spot';
    return { capacity: spot ? 'spot' : 'on-demand', attribute, found: spot ? `${attribute} = "spot"` : `${attribute} not "spot"` };
  };
  if (t === 'aws_instance' || t === 'aws_launch_template') return fromMarket('');
  if (t === 'aws_autoscaling_group') {
    const attribute = 'mixed_instances_policy.instances_distribution.on_demand_percentage_above_base_capacity';
    const pct = values.get('mixed_instances_policy.0.instances_distribution.0.on_demand_percentage_above_base_capacity');
    if (pct.state === 'unknown') return { capacity: 'unknown', attribute, found: `${attribute} known only after apply` };
    const n = values.number('mixed_instances_policy.0.instances_distribution.0.on_demand_percentage_above_base_capacity');
    if (values.blocks('mixed_instances_policy').length > 0 && n !== undefined && n < 100) return { capacity: 'spot', attribute, found: `${attribute} = ${n}` };
    const templates = ctx.referenced('aws_launch_template');
    if (templates.some((lt) => lt.values.string('instance_market_options.0.market_type')?.toLowerCase() === 'spot')) {
      return { capacity: 'spot', attribute: 'launch_template', found: 'launch template requests spot capacity' };
    }
    return { capacity: 'on-demand', attribute, found: 'no mixed_instances_policy with spot capacity (on-demand)' };
  }
  if (t.startsWith('azurerm_')) {
    const priority = values.get('priority');
    if (priority.state === 'unknown') return { capacity: 'unknown', attribute: 'priority', found: 'priority known only after apply' };
    const value = priority.state === 'known' && typeof priority.value === 'string' ? priority.value : 'Regular';
    return { capacity: value.toLowerCase() === 'spot' ? 'spot' : 'on-demand', attribute: 'priority', found: `priority = ${JSON.stringify(value)}${priority.state === 'absent' ? ' (default)' : ''}` };
  }
  // google_compute_instance / templates
  const preemptible = values.get('scheduling.0.preemptible');
  const model = values.get('scheduling.0.provisioning_model');
  if (preemptible.state === 'unknown' || model.state === 'unknown') return { capacity: 'unknown', attribute: 'scheduling', found: 'scheduling known only after apply' };
  const spot = values.boolean('scheduling.0.preemptible') === true || values.string('scheduling.0.provisioning_model')?.toUpperCase() === 'SPOT';
  return { capacity: spot ? 'spot' : 'on-demand', attribute: 'scheduling', found: spot ? 'scheduling: spot/preemptible' : 'scheduling.provisioning_model = "STANDARD"' };
}

export function spotCheck(ctx: ResourceCheckContext): CheckResult {
  if (environmentKind(ctx.stack) !== 'non-production') return notApplicable('only judged in non-production environments (dev, test, staging, qa, sandbox)');
  const expected = 'spot/preemptible capacity for interruptible non-production compute';
  const c = capacityOf(ctx);
  if (c.capacity === 'unknown') return { status: 'unknown', found: c.found, expected, attribute: c.attribute };
  return c.capacity === 'spot' ? pass(c.found, expected, c.attribute) : fail(c.found, expected, c.attribute);
}

export const COMMITMENT_EVIDENCE = 'compute-commitments';

export function commitmentCheck(ctx: ResourceCheckContext): CheckResult {
  if (environmentKind(ctx.stack) !== 'production') return notApplicable('only judged in production environments');
  const expected = `a 1- or 3-year commitment covering long-running production compute (evidence "${COMMITMENT_EVIDENCE}")`;
  if (ctx.resource.type !== 'aws_db_instance') {
    const c = capacityOf(ctx);
    if (c.capacity === 'spot') return notApplicable('spot/preemptible capacity is not committed');
    if (c.capacity === 'unknown') return { status: 'unknown', found: c.found, expected, attribute: c.attribute };
  }
  const evidence = ctx.stack.evidence?.[COMMITMENT_EVIDENCE];
  if (evidence?.value === true) return pass(`commitments in place (evidence "${COMMITMENT_EVIDENCE}"${evidence.source ? `: ${evidence.source}` : ''})`, expected);
  return fail(
    'on-demand production compute: advice — consider a 1-year or 3-year commitment (Savings Plans / Reserved Instances, Azure reservations or savings plan, GCP committed use discounts); commitments are bought outside Terraform',
    expected,
    COMMITMENT_EVIDENCE,
  );
}

const COMPUTE_FOR_SPOT = [
  'aws_instance',
  'aws_launch_template',
  'aws_autoscaling_group',
  'azurerm_linux_virtual_machine',
  'azurerm_windows_virtual_machine',
  'azurerm_linux_virtual_machine_scale_set',
  'azurerm_windows_virtual_machine_scale_set',
  'google_compute_instance',
  'google_compute_instance_template',
];
const COMPUTE_FOR_COMMITMENT = ['aws_instance', 'aws_db_instance', 'azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'google_compute_instance'];

const DEV = { environment: 'dev' };
const PROD = { environment: 'production' };

export const COST_RULES: readonly ResourceRule[] = [
  {
    id: 'CW-GEN-0023',
    scope: 'resource',
    title: 'Non-production compute is not oversized',
    description: 'Sizes of 32 vCPU and more (AWS 8xlarge, Azure D32/E32/F32, GCP *-32) or bare metal in dev, test or staging environments are usually waste: non-production rarely needs production-peak capacity.',
    category: 'cost',
    severity: 'low',
    clouds: ['aws', 'azure', 'gcp'],
    resourceTypes: Object.keys(SIZE_ATTRIBUTES),
    controls: ['cost.right-size'],
    check: rightSizeCheck,
    remediation: {
      text: 'Use a smaller size in non-production (size it per environment with a variable), and scale up only for load tests.',
      terraform: 'instance_type = var.environment == "production" ? "m6i.8xlarge" : "m6i.large"',
      bicep: "vmSize: environment == 'production' ? 'Standard_D32s_v5' : 'Standard_D4s_v5'",
      effort: 'low',
    },
    references: [
      'https://docs.aws.amazon.com/wellarchitected/latest/cost-optimization-pillar/welcome.html',
      'https://learn.microsoft.com/azure/well-architected/cost-optimization/',
      'https://cloud.google.com/compute/docs/instances/apply-machine-type-recommendations-for-instances',
    ],
    differs: 'Judged only when the stack names a non-production environment; sizes whose name does not state the vCPU count (Azure Dv2, DS14) are not judged.',
    fixtures: {
      pass: [
        { type: 'aws_instance', values: { instance_type: 'm6i.2xlarge' }, stack: DEV },
        { type: 'google_compute_instance', values: { machine_type: 'e2-standard-4' }, stack: DEV },
      ],
      fail: [
        { type: 'aws_instance', values: { instance_type: 'm6i.8xlarge' }, stack: DEV },
        { type: 'azurerm_linux_virtual_machine', values: { size: 'Standard_D32s_v5' }, stack: { environment: 'staging' } },
        { type: 'google_compute_instance', values: { machine_type: 'n2-standard-32' }, stack: { environment: 'qa' } },
        { type: 'aws_db_instance', values: { instance_class: 'db.r6g.16xlarge' }, stack: DEV },
      ],
      unknown: [{ type: 'aws_instance', values: {}, unknown: { instance_type: true }, stack: DEV }],
      notApplicable: [{ type: 'aws_instance', values: { instance_type: 'm6i.8xlarge' }, stack: PROD }, { type: 'aws_instance', values: { instance_type: 'm6i.8xlarge' } }],
    },
  },
  {
    id: 'CW-GEN-0024',
    scope: 'resource',
    title: 'Non-production compute uses spot or preemptible capacity',
    description: 'Spot/preemptible capacity costs 60–90% less than on-demand; non-production workloads usually tolerate interruptions.',
    category: 'cost',
    severity: 'info',
    clouds: ['aws', 'azure', 'gcp'],
    resourceTypes: COMPUTE_FOR_SPOT,
    controls: ['cost.spot'],
    check: spotCheck,
    remediation: {
      text: 'Request spot capacity for interruptible non-production compute (EC2 instance_market_options or an ASG mixed_instances_policy, Azure priority = "Spot", GCP provisioning_model = "SPOT").',
      terraform:
        '# aws_instance\ninstance_market_options {\n  market_type = "spot"\n}\n# azurerm VM\npriority        = "Spot"\neviction_policy = "Deallocate"\n# google_compute_instance\nscheduling {\n  provisioning_model = "SPOT"\n  preemptible        = true\n  automatic_restart  = false\n}',
      bicep: "priority: 'Spot'\nevictionPolicy: 'Deallocate'",
      effort: 'low',
    },
    references: [
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-spot-instances.html',
      'https://learn.microsoft.com/azure/virtual-machines/spot-vms',
      'https://cloud.google.com/compute/docs/instances/spot',
    ],
    differs: 'Advice (info) judged only when the stack names a non-production environment.',
    fixtures: {
      pass: [
        { type: 'aws_instance', values: { instance_market_options: [{ market_type: 'spot' }] }, stack: DEV },
        { type: 'azurerm_linux_virtual_machine', values: { priority: 'Spot' }, stack: DEV },
        { type: 'google_compute_instance', values: { scheduling: [{ provisioning_model: 'SPOT', preemptible: true }] }, stack: DEV },
        { type: 'aws_autoscaling_group', values: { mixed_instances_policy: [{ instances_distribution: [{ on_demand_percentage_above_base_capacity: 0 }] }] }, stack: DEV },
      ],
      fail: [
        { type: 'aws_instance', values: { instance_type: 't3.large' }, stack: DEV },
        { type: 'azurerm_windows_virtual_machine', values: { priority: 'Regular' }, stack: DEV },
        { type: 'google_compute_instance', values: { scheduling: [{ preemptible: false, provisioning_model: 'STANDARD' }] }, stack: { environment: 'test' } },
      ],
      unknown: [{ type: 'azurerm_linux_virtual_machine', values: {}, unknown: { priority: true }, stack: DEV }],
      notApplicable: [{ type: 'aws_instance', values: { instance_type: 't3.large' }, stack: PROD }],
    },
  },
  {
    id: 'CW-GEN-0025',
    scope: 'resource',
    title: 'Long-running production compute is covered by a commitment (advice)',
    description:
      'Production instances and databases that run all month cost 30–70% less under a 1- or 3-year commitment. Advice only: commitments are bought outside Terraform; record them as evidence "compute-commitments".',
    category: 'cost',
    severity: 'info',
    clouds: ['aws', 'azure', 'gcp'],
    resourceTypes: COMPUTE_FOR_COMMITMENT,
    controls: ['cost.commitment'],
    check: commitmentCheck,
    remediation: {
      text: 'Buy Savings Plans / Reserved Instances (AWS), reservations or a savings plan (Azure), or committed use discounts (GCP) for the steady baseline, then supply the evidence in the stack metadata.',
      terraform: '# stack metadata (not an attribute change)\nevidence:\n  compute-commitments:\n    value: true\n    source: "https://finance.example.com/commitments/2025"',
      bicep: "// reservations are bought in the portal or with 'az reservations'; record them as stack evidence",
      effort: 'medium',
    },
    references: [
      'https://docs.aws.amazon.com/savingsplans/latest/userguide/what-is-savings-plans.html',
      'https://learn.microsoft.com/azure/cost-management-billing/reservations/save-compute-costs-reservations',
      'https://cloud.google.com/compute/docs/instances/signing-up-committed-use-discounts',
    ],
    differs: 'Judged only in production; spot capacity is not applicable; passes when the stack supplies evidence "compute-commitments".',
    fixtures: {
      pass: [{ type: 'aws_instance', values: { instance_type: 'm6i.large' }, stack: { ...PROD, evidence: { [COMMITMENT_EVIDENCE]: { value: true } } } }],
      fail: [
        { type: 'aws_instance', values: { instance_type: 'm6i.large' }, stack: PROD },
        { type: 'google_compute_instance', values: { machine_type: 'n2-standard-8' }, stack: PROD },
      ],
      notApplicable: [
        { type: 'aws_instance', values: { instance_type: 'm6i.large' }, stack: DEV },
        { type: 'azurerm_linux_virtual_machine', values: { priority: 'Spot' }, stack: PROD },
      ],
    },
  },
];
