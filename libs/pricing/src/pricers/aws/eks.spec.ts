import { awsEksCluster, awsEksNodeGroup, eksExtendedSupport } from './eks';
import type { CostEstimate } from '../../engine/estimate';
import { estimateOf, lines, priceOne, unsupportedReason, type TestChange } from './test-plan';

describe(awsEksCluster.types[0] ?? 'aws_eks_cluster', () => {
  it('prices a cluster in standard support', () => {
    // $0.10/h × 730 = $73
    expect(priceOne({ type: 'aws_eks_cluster', after: { name: 'c', version: '1.34' } }).monthlyCost.toDecimalString()).toBe('73');
  });

  it('prices a version past standard support at the extended support price unless the policy is STANDARD', () => {
    // $0.60/h × 730 = $438
    expect(priceOne({ type: 'aws_eks_cluster', after: { name: 'c', version: '1.24' } }).monthlyCost.toDecimalString()).toBe('438');
    expect(priceOne({ type: 'aws_eks_cluster', after: { name: 'c', version: '1.24', upgrade_policy: [{ support_type: 'STANDARD' }] } }).monthlyCost.toDecimalString()).toBe('73');
  });

  it('knows the support calendar', () => {
    expect(eksExtendedSupport('1.29', '2025-03-22')).toBe(false);
    expect(eksExtendedSupport('1.29', '2025-03-24')).toBe(true);
    expect(eksExtendedSupport('1.20', '2025-01-01')).toBe(true);
    expect(eksExtendedSupport('1.40', '2025-01-01')).toBeUndefined();
  });
});

describe(awsEksNodeGroup.types[0] ?? 'aws_eks_node_group', () => {
  it('prices desired size × instance hours plus each node disk', () => {
    const r = priceOne({ type: 'aws_eks_node_group', after: { instance_types: ['m5.large'], scaling_config: [{ desired_size: 3, min_size: 1, max_size: 5 }], disk_size: 50, launch_template: [] } });
    expect(lines(r)).toEqual({
      // 3 × $0.096 × 730 = $210.24
      'Instance usage (Linux/UNIX, on-demand, m5.large)': '210.24',
      // 3 × 50 GB × gp2 $0.10 = $15
      'Node disk: Storage (general purpose SSD, gp2)': '15',
    });
  });

  it('assumes t3.medium and 20 GB when not set, and spot capacity', () => {
    const r = priceOne({ type: 'aws_eks_node_group', after: { scaling_config: [{ desired_size: 2 }], capacity_type: 'SPOT' } });
    // 2 × t3.medium $0.0416 × 730 = $60.736 (spot term, on-demand upper bound), 2 × 20 GB × $0.10 = $4
    expect(lines(r)).toEqual({ 'Instance usage (Linux/UNIX, spot, t3.medium)': '60.736', 'Node disk: Storage (general purpose SSD, gp2)': '4' });
    expect(r.assumptions.map((a) => a.attribute)).toEqual(expect.arrayContaining(['instance_types[0]', 'capacity_type', 'disk_size']));
  });

  const nodesOf = (estimate: CostEstimate) => {
    const found = estimate.resources.find((r) => r.type === 'aws_eks_node_group');
    if (!found) throw new Error(`node group not priced: ${estimate.unsupported.map((u) => u.reason).join('; ')}`);
    return found;
  };
  const nodeGroup = (after: Record<string, unknown>): TestChange => ({
    type: 'aws_eks_node_group',
    name: 'nodes',
    after: { cluster_name: 'c', ...after, launch_template: [{ id: null, version: null }] },
    afterUnknown: { launch_template: [{ id: true, version: true }] },
    expressions: {
      cluster_name: { references: ['aws_eks_cluster.c.name', 'aws_eks_cluster.c'] },
      launch_template: [{ id: { references: ['aws_launch_template.nodes.id', 'aws_launch_template.nodes'] }, version: { references: ['aws_launch_template.nodes.latest_version', 'aws_launch_template.nodes'] } }],
    },
  });

  it('takes the instance type and disks of the launch template it refers to when instance_types is not set', () => {
    const r = nodesOf(
      estimateOf([
        nodeGroup({ scaling_config: [{ desired_size: 2, min_size: 1, max_size: 4 }] }),
        {
          type: 'aws_launch_template',
          name: 'nodes',
          after: { instance_type: 'm6i.large', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 50, volume_type: 'gp3', iops: 4000, throughput: 125 }] }] },
          afterUnknown: { id: true, latest_version: true },
        },
        { type: 'aws_eks_cluster', name: 'c', after: { name: 'c', version: '1.31' } },
      ]),
    );
    expect(lines(r)).toEqual({
      // 2 × m6i.large $0.096/h × 730 = $140.16
      'Instance usage (Linux/UNIX, on-demand, m6i.large)': '140.16',
      // 2 × 50 GB gp3 × $0.08 = $8; 2 × (4,000 − 3,000) IOPS × $0.005 = $10
      'block_device_mappings[0] (/dev/xvda): Storage (general purpose SSD, gp3)': '8',
      'block_device_mappings[0] (/dev/xvda): Provisioned IOPS (gp3, above 3,000)': '10',
    });
  });

  it('keeps instance_types when set, prices the AMI root volume of a template without mappings, and assumes t3.medium when neither sets a type', () => {
    const template = (after: Record<string, unknown>): TestChange => ({ type: 'aws_launch_template', name: 'nodes', after, afterUnknown: { id: true } });
    const withTypes = nodesOf(estimateOf([nodeGroup({ instance_types: ['t3.medium'], scaling_config: [{ desired_size: 3 }] }), template({ key_name: 'ops' })]));
    expect(lines(withTypes)).toEqual({
      // 3 × t3.medium $0.0416 × 730 = $91.104
      'Instance usage (Linux/UNIX, on-demand, t3.medium)': '91.104',
      // 3 × the EKS-optimized AMI's 20 GB gp2 root volume × $0.10 = $6
      'root volume (AMI): Storage (general purpose SSD, gp2)': '6',
    });
    const neither = nodesOf(estimateOf([nodeGroup({ scaling_config: [{ desired_size: 1 }] }), template({ monitoring: [{ enabled: true }] })]));
    expect(lines(neither)).toEqual({
      // t3.medium $0.0416 × 730 = $30.368; 7 detailed monitoring metrics × $0.30 = $2.10; 20 GB gp2 root $2
      'Instance usage (Linux/UNIX, on-demand, t3.medium)': '30.368',
      'EC2 detailed monitoring': '2.1',
      'root volume (AMI): Storage (general purpose SSD, gp2)': '2',
    });
    expect(neither.assumptions).toEqual(expect.arrayContaining([expect.objectContaining({ attribute: 'aws_launch_template.nodes.instance_type', assumed: 't3.medium', cause: 'not set' })]));
  });

  it('prices instance_types without disks when the launch template is not in the plan, and says so', () => {
    const r = priceOne({ type: 'aws_eks_node_group', after: { instance_types: ['m5.large'], scaling_config: [{ desired_size: 1 }], launch_template: [{ name: 'lt' }] } });
    expect(lines(r)).toEqual({ 'Instance usage (Linux/UNIX, on-demand, m5.large)': '70.08' });
    expect(r.assumptions).toEqual(expect.arrayContaining([expect.objectContaining({ attribute: 'launch_template', assumed: 'no node disks', cause: 'not in the plan' })]));
  });

  it('is unsupported with a launch template outside the plan and no instance_types, or an unknown instance type', () => {
    expect(unsupportedReason({ type: 'aws_eks_node_group', after: { scaling_config: [{ desired_size: 2 }], launch_template: [{ name: 'lt' }] } })).toBe(
      'the instance type of this node group comes from launch template lt, which is not a resource of this plan; set instance_types',
    );
    const unknownType = estimateOf([nodeGroup({ scaling_config: [{ desired_size: 2 }] }), { type: 'aws_launch_template', name: 'nodes', after: {}, afterUnknown: { id: true, instance_type: true } }]);
    expect(unknownType.unsupported.map((u) => u.reason)).toEqual(['aws_launch_template.nodes.instance_type is unknown at plan time, so the nodes cannot be priced']);
    expect(unsupportedReason({ type: 'aws_eks_node_group', after: { instance_types: ['x9.huge'], scaling_config: [{ desired_size: 2 }] } })).toBe('no list price for instance type x9.huge (Linux/UNIX) in us-east-1');
  });
});
