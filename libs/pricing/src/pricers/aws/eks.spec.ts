import { awsEksCluster, awsEksNodeGroup, eksExtendedSupport } from './eks';
import { lines, priceOne, unsupportedReason } from './test-plan';

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
    const r = priceOne({ type: 'aws_eks_node_group', after: { instance_types: ['m5.large'], scaling_config: [{ desired_size: 3, min_size: 1, max_size: 5 }], disk_size: 50 } });
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

  it('is unsupported with a launch template and no instance_types, or an unknown instance type', () => {
    expect(unsupportedReason({ type: 'aws_eks_node_group', after: { scaling_config: [{ desired_size: 2 }], launch_template: [{ name: 'lt' }] } })).toMatch(/launch template/);
    expect(unsupportedReason({ type: 'aws_eks_node_group', after: { instance_types: ['x9.huge'], scaling_config: [{ desired_size: 2 }] } })).toBe('no list price for instance type x9.huge (Linux/UNIX) in us-east-1');
  });
});
