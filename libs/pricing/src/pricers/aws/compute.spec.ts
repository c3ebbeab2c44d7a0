import { awsAutoscalingGroup, awsEbsVolume, awsEip, awsInstance } from './compute';
import type { CostEstimate } from '../../engine/estimate';
import { lines, priceOne, unsupportedReason, estimateOf, type TestChange } from './test-plan';

describe(awsInstance.types[0] ?? 'aws_instance', () => {
  it('prices a Linux on-demand instance with its default root volume', () => {
    const r = priceOne({ type: 'aws_instance', after: { instance_type: 'm5.large' } });
    expect(lines(r)).toEqual({
      // m5.large us-east-1 Linux on-demand $0.096/h × 730 = $70.08
      'Instance usage (Linux/UNIX, on-demand, m5.large)': '70.08',
      // gp2 $0.10/GB-month × 8 GB (assumed AMI size) = $0.80
      'root_block_device: Storage (general purpose SSD, gp2)': '0.8',
    });
    expect(r.monthlyCost.toDecimalString()).toBe('70.88');
    expect(r.assumptions.map((a) => a.attribute)).toEqual(expect.arrayContaining(['root_block_device[0].volume_size', 'root_block_device[0].volume_type', 'ami']));
  });

  it('prices instance hours in the EU regions', () => {
    // c6g.large eu-central-1 Linux $0.078/h × 730 = $56.94; r6g.large eu-west-1 $0.113/h × 730 = $82.49
    // (vantage-sh/ec2instances.info instance pages, 3-decimal prices)
    const fra = priceOne({ type: 'aws_instance', after: { instance_type: 'c6g.large' } }, { region: 'eu-central-1' });
    expect(lines(fra)['Instance usage (Linux/UNIX, on-demand, c6g.large)']).toBe('56.94');
    const dub = priceOne({ type: 'aws_instance', after: { instance_type: 'r6g.large' } }, { region: 'eu-west-1' });
    expect(lines(dub)['Instance usage (Linux/UNIX, on-demand, r6g.large)']).toBe('82.49');
  });

  it('prices the root and EBS block devices of every type with IOPS and throughput', () => {
    const r = priceOne({
      type: 'aws_instance',
      after: {
        instance_type: 't3.medium',
        root_block_device: [{ volume_type: 'gp3', volume_size: 50, iops: 4000, throughput: 250 }],
        ebs_block_device: [
          { volume_type: 'io1', volume_size: 40, iops: 1000 },
          { volume_type: 'sc1', volume_size: 30 },
          { volume_type: 'standard', volume_size: 20 },
        ],
      },
    }, { usage: 'version: 0.1\nresource_usage:\n  aws_instance.r0:\n    monthly_standard_io_requests: 2000000\n' });
    expect(lines(r)).toEqual({
      // t3.medium $0.0416/h × 730 = $30.368
      'Instance usage (Linux/UNIX, on-demand, t3.medium)': '30.368',
      // gp3 $0.08 × 50 = $4; (4000 − 3000) IOPS × $0.005 = $5; (250 − 125) MBps × $0.04 = $5
      'root_block_device: Storage (general purpose SSD, gp3)': '4',
      'root_block_device: Provisioned IOPS (gp3, above 3,000)': '5',
      'root_block_device: Provisioned throughput (gp3, above 125 MBps)': '5',
      // io1 $0.125 × 40 = $5; 1000 IOPS × $0.065 = $65 (as in Infracost's golden instance_test)
      'ebs_block_device[0]: Storage (provisioned IOPS SSD, io1)': '5',
      'ebs_block_device[0]: Provisioned IOPS (io1)': '65',
      // sc1 $0.015 × 30 = $0.45
      'ebs_block_device[1]: Storage (cold HDD, sc1)': '0.45',
      // magnetic $0.05 × 20 = $1; 2M I/O × $0.05 per 1M = $0.10
      'ebs_block_device[2]: Storage (magnetic)': '1',
      'ebs_block_device[2]: I/O requests (magnetic)': '0.1',
    });
  });

  it('prices in eu-central-1 and eu-west-1 from their own list prices', () => {
    // m5.large eu-central-1 $0.115/h × 730 = $83.95; gp2 $0.119 × 8 = $0.952
    expect(priceOne({ type: 'aws_instance', after: { instance_type: 'm5.large' } }, { region: 'eu-central-1' }).monthlyCost.toDecimalString()).toBe('84.902');
    // t3.medium eu-west-1 $0.0456/h × 730 = $33.288; gp2 $0.11 × 8 = $0.88
    expect(priceOne({ type: 'aws_instance', after: { instance_type: 't3.medium' } }, { region: 'eu-west-1' }).monthlyCost.toDecimalString()).toBe('34.168');
  });

  it('adds detailed monitoring and prices Windows when password data is requested', () => {
    const r = priceOne({ type: 'aws_instance', after: { instance_type: 'm5.large', monitoring: true, get_password_data: true, root_block_device: [{ volume_type: 'gp2', volume_size: 30 }] } });
    expect(lines(r)).toEqual({
      // m5.large Windows us-east-1 $0.188/h × 730 = $137.24
      'Instance usage (Windows, on-demand, m5.large)': '137.24',
      // 7 metrics × $0.30 = $2.10
      'EC2 detailed monitoring': '2.1',
      'root_block_device: Storage (general purpose SSD, gp2)': '3',
    });
  });

  it('uses the 1-year and 3-year reserved prices for a commitment, storage stays on-demand', () => {
    const change = { type: 'aws_instance', after: { instance_type: 't3.medium' } };
    // t3.medium Standard RI no upfront: 1y $0.0261/h × 730 = $19.053; 3y $0.018/h × 730 = $13.14
    const y1 = priceOne(change, { commitment: '1y' });
    expect(y1.components[0]?.monthlyCost.toDecimalString()).toBe('19.053');
    expect(y1.components[0]?.term).toBe('1y');
    expect(y1.components[1]?.term).toBe('on-demand');
    expect(priceOne(change, { commitment: '3y' }).components[0]?.monthlyCost.toDecimalString()).toBe('13.14');
  });

  it('marks a spot instance and notes how spot is priced', () => {
    const r = priceOne({ type: 'aws_instance', after: { instance_type: 'm5.large', instance_market_options: [{ market_type: 'spot' }] } });
    expect(r.components[0]?.name).toBe('Instance usage (Linux/UNIX, spot, m5.large)');
    expect(r.assumptions.some((a) => a.attribute === 'instance_market_options')).toBe(true);
  });

  it('is unsupported for an instance type missing from the catalog, a region without prices, unknown type and dedicated tenancy', () => {
    expect(unsupportedReason({ type: 'aws_instance', after: { instance_type: 'x9.huge' } })).toBe('no list price for instance type x9.huge (Linux/UNIX) in us-east-1');
    expect(unsupportedReason({ type: 'aws_instance', after: { instance_type: 'm5.large' } }, { region: 'ap-southeast-2' })).toBe('no list price for instance type m5.large (Linux/UNIX) in ap-southeast-2');
    expect(unsupportedReason({ type: 'aws_instance', after: {}, afterUnknown: { instance_type: true } })).toMatch(/instance_type is unknown at plan time/);
    expect(unsupportedReason({ type: 'aws_instance', after: { instance_type: 'm5.large', tenancy: 'dedicated' } })).toMatch(/dedicated tenancy is not priced/);
  });

  it('records assumptions for values unknown at plan time', () => {
    const r = priceOne({ type: 'aws_instance', after: { instance_type: 'm5.large', root_block_device: [{}] }, afterUnknown: { root_block_device: [{ volume_size: true, volume_type: true }] } });
    const size = r.assumptions.find((a) => a.attribute === 'root_block_device[0].volume_size');
    expect(size).toMatchObject({ assumed: '8', cause: 'unknown at plan time' });
  });

  it('gives the diff of an update and the saving of a delete', () => {
    const est = estimateOf([
      { type: 'aws_instance', name: 'resized', actions: ['update'], before: { instance_type: 'm5.large' }, after: { instance_type: 'm5.xlarge' } },
      { type: 'aws_instance', name: 'gone', actions: ['delete'], before: { instance_type: 't3.micro' } },
    ]);
    const [resized, gone] = est.resources;
    // m5.xlarge $0.192 × 730 = $140.16 vs m5.large $70.08 (root disk unchanged)
    expect(resized?.diffMonthlyCost.toDecimalString()).toBe('70.08');
    // t3.micro $0.0104 × 730 = $7.592 + root gp2 $0.80
    expect(gone?.monthlyCost.toDecimalString()).toBe('0');
    expect(gone?.diffMonthlyCost.toDecimalString()).toBe('-8.392');
  });
});

describe(awsEbsVolume.types[0] ?? 'aws_ebs_volume', () => {
  it('prices gp3 with IOPS and throughput above the included baseline', () => {
    // gp3 100 GB × $0.08 = $8; 6000 − 3000 IOPS × $0.005 = $15; 500 − 125 MBps × $0.04 = $15
    expect(priceOne({ type: 'aws_ebs_volume', after: { type: 'gp3', size: 100, iops: 6000, throughput: 500 } }).monthlyCost.toDecimalString()).toBe('38');
  });

  it('splits io2 IOPS into the list price tiers', () => {
    const r = priceOne({ type: 'aws_ebs_volume', after: { type: 'io2', size: 100, iops: 40000 } });
    expect(lines(r)).toEqual({
      // io2 $0.125 × 100 = $12.50
      'Storage (provisioned IOPS SSD, io2)': '12.5',
      // 32,000 × $0.065 = $2,080; 8,000 × $0.0455 = $364
      'Provisioned IOPS (io2) (first 32,000 IOPS)': '2080',
      'Provisioned IOPS (io2) (next 32,000 IOPS)': '364',
    });
  });

  it('prices st1 in eu-west-1 and assumes gp2 when the type is not set', () => {
    // st1 eu-west-1 $0.05 × 500 = $25
    expect(priceOne({ type: 'aws_ebs_volume', after: { type: 'st1', size: 500 } }, { region: 'eu-west-1' }).monthlyCost.toDecimalString()).toBe('25');
    const r = priceOne({ type: 'aws_ebs_volume', after: { size: 10 } });
    expect(r.monthlyCost.toDecimalString()).toBe('1');
    expect(r.assumptions[0]).toMatchObject({ attribute: 'type', assumed: 'gp2', cause: 'not set' });
  });

  it('is unsupported for an unknown volume type or a type without a price in the region', () => {
    expect(unsupportedReason({ type: 'aws_ebs_volume', after: { type: 'gp9', size: 10 } })).toMatch(/unknown EBS volume type gp9/);
    expect(unsupportedReason({ type: 'aws_ebs_volume', after: { type: 'io2', size: 10, iops: 100 } }, { region: 'eu-central-1' })).toMatch(/no list price for ebs:io2:storage in eu-central-1/);
  });
});

describe(awsEip.types[0] ?? 'aws_eip', () => {
  it('charges the public IPv4 hourly fee', () => {
    // $0.005/h × 730 = $3.65
    expect(priceOne({ type: 'aws_eip', after: { domain: 'vpc' } }, { region: 'eu-central-1' }).monthlyCost.toDecimalString()).toBe('3.65');
  });
});

describe(awsAutoscalingGroup.types[0] ?? 'aws_autoscaling_group', () => {
  it('prices desired capacity of a mixed instances policy, on-demand and spot shares', () => {
    const r = priceOne({
      type: 'aws_autoscaling_group',
      after: {
        min_size: 1,
        desired_capacity: 4,
        mixed_instances_policy: [{ instances_distribution: [{ on_demand_base_capacity: 1, on_demand_percentage_above_base_capacity: 0 }], launch_template: [{ override: [{ instance_type: 'c5.large' }] }] }],
      },
    });
    // 1 on-demand c5.large $0.085 × 730 = $62.05; 3 spot priced at the on-demand upper bound (no spot reference) = $186.15
    expect(lines(r)).toEqual({ 'Instance usage (Linux/UNIX, on-demand, c5.large)': '62.05', 'Instance usage (Linux/UNIX, spot, c5.large)': '186.15' });
  });

  /** `launch_template { id = aws_launch_template.<name>.id }` as `terraform show -json` writes it in the configuration. */
  const templateById = (name: string) => ({ launch_template: [{ id: { references: [`aws_launch_template.${name}.id`, `aws_launch_template.${name}`] }, version: { constant_value: '$Latest' } }] });
  const group = (after: Record<string, unknown>, expressions: Record<string, unknown>, extra: Partial<TestChange> = {}): TestChange => ({
    type: 'aws_autoscaling_group',
    name: 'web',
    after: { max_size: 10, ...after },
    afterUnknown: { launch_template: [{ id: true }] },
    expressions: { ...expressions, vpc_zone_identifier: { references: ['aws_subnet.a.id', 'aws_subnet.a'] } },
    ...extra,
  });
  const groupOf = (estimate: CostEstimate) => {
    const found = estimate.resources.find((r) => r.type === 'aws_autoscaling_group');
    if (!found) throw new Error(`group not priced: ${estimate.unsupported.map((u) => u.reason).join('; ')}`);
    return found;
  };

  it('prices desired capacity × the instance type, volumes and monitoring of the launch template it refers to by id', () => {
    const estimate = estimateOf([
      group({ desired_capacity: 3, min_size: 1, launch_template: [{ id: null, version: '$Latest' }] }, templateById('web')),
      {
        type: 'aws_launch_template',
        name: 'web',
        after: { name_prefix: 'web-', instance_type: 'm5.large', monitoring: [{ enabled: true }], block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 30, volume_type: 'gp3' }] }] },
        afterUnknown: { id: true },
      },
      // in the plan but not referenced by the group
      { type: 'aws_launch_template', name: 'batch', after: { instance_type: 'c5.xlarge' }, afterUnknown: { id: true } },
      { type: 'aws_subnet', name: 'a', after: { cidr_block: '10.0.1.0/24' } },
    ]);
    const r = groupOf(estimate);
    expect(lines(r)).toEqual({
      // 3 × m5.large $0.096/h × 730 = $210.24
      'Instance usage (Linux/UNIX, on-demand, m5.large)': '210.24',
      // 3 instances × 7 metrics × $0.30 = $6.30
      'EC2 detailed monitoring': '6.3',
      // 3 × 30 GB gp3 × $0.08 = $7.20 (3,000 IOPS and 125 MBps included)
      'block_device_mappings[0] (/dev/xvda): Storage (general purpose SSD, gp3)': '7.2',
    });
    expect(r.monthlyCost.toDecimalString()).toBe('223.74');
    // assumptions about the template's values name the template
    expect(r.assumptions.map((a) => a.attribute)).toEqual(
      expect.arrayContaining(['aws_launch_template.web.block_device_mappings[0].ebs[0].iops', 'aws_launch_template.web.block_device_mappings[0].ebs[0].throughput', 'aws_launch_template.web.image_id']),
    );
  });

  it('falls back to min_size, reads the template by name, adds the AMI root volume and prices spot market options as spot', () => {
    const r = groupOf(
      estimateOf([
        group({ min_size: 2, launch_template: [{ name: 'web-lt' }], launch_configuration: '', mixed_instances_policy: [] }, { launch_template: [{ name: { references: ['aws_launch_template.web.name', 'aws_launch_template.web'] } }] }, { afterUnknown: {} }),
        { type: 'aws_launch_template', name: 'web', after: { name: 'web-lt', instance_type: 't3.large', instance_market_options: [{ market_type: 'spot' }] }, afterUnknown: { id: true } },
      ]),
    );
    expect(lines(r)).toEqual({
      // 2 × t3.large $0.0832/h × 730 = $121.472 (spot term; the catalog has no spot reference, so the on-demand upper bound)
      'Instance usage (Linux/UNIX, spot, t3.large)': '121.472',
      // 2 × 8 GB gp2 (the AMI's root volume, assumed) × $0.10 = $1.60
      'root volume (AMI): Storage (general purpose SSD, gp2)': '1.6',
    });
    // the line says it took the on-demand price: the catalog has no t3.large spot reference in us-east-1
    expect(r.components[0]?.term).toBe('on-demand');
    expect(r.assumptions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ attribute: 'desired_capacity', assumed: '2', cause: 'not set' }),
        expect.objectContaining({ attribute: 'aws_launch_template.web.instance_market_options', assumed: 'spot' }),
        expect.objectContaining({ attribute: 'aws_launch_template.web.block_device_mappings', assumed: '8 GB gp2 root volume' }),
      ]),
    );
  });

  it('prices a launch configuration: instance type, root and EBS block devices, detailed monitoring on by default', () => {
    const r = groupOf(
      estimateOf([
        group({ desired_capacity: 2, min_size: 1, launch_template: [], mixed_instances_policy: [] }, { launch_configuration: { references: ['aws_launch_configuration.web.name', 'aws_launch_configuration.web'] } }, { afterUnknown: { launch_configuration: true } }),
        {
          type: 'aws_launch_configuration',
          name: 'web',
          after: { image_id: 'ami-123', instance_type: 'c5.xlarge', root_block_device: [{ volume_size: 20, volume_type: 'gp2' }], ebs_block_device: [{ device_name: '/dev/sdf', volume_size: 50, volume_type: 'io1', iops: 500 }] },
          afterUnknown: { id: true, name: true },
        },
      ]),
    );
    expect(lines(r)).toEqual({
      // 2 × c5.xlarge $0.17/h × 730 = $248.20
      'Instance usage (Linux/UNIX, on-demand, c5.xlarge)': '248.2',
      // enable_monitoring defaults to true: 2 × 7 metrics × $0.30 = $4.20
      'EC2 detailed monitoring': '4.2',
      // 2 × 20 GB gp2 × $0.10 = $4
      'root_block_device: Storage (general purpose SSD, gp2)': '4',
      // 2 × 50 GB io1 × $0.125 = $12.50; 2 × 500 IOPS × $0.065 = $65
      'ebs_block_device[0]: Storage (provisioned IOPS SSD, io1)': '12.5',
      'ebs_block_device[0]: Provisioned IOPS (io1)': '65',
    });
    expect(r.assumptions).toEqual(expect.arrayContaining([expect.objectContaining({ attribute: 'aws_launch_configuration.web.enable_monitoring', assumed: 'true', cause: 'not set' })]));
    // with spot_price and monitoring off
    const spot = groupOf(
      estimateOf([
        group({ desired_capacity: 1 }, { launch_configuration: { references: ['aws_launch_configuration.web.name', 'aws_launch_configuration.web'] } }, { afterUnknown: { launch_configuration: true } }),
        { type: 'aws_launch_configuration', name: 'web', after: { instance_type: 'c5.xlarge', spot_price: '0.05', enable_monitoring: false, root_block_device: [{ volume_size: 8, volume_type: 'gp3' }] } },
      ]),
    );
    // c5.xlarge $0.17 × 730 = $124.10 at the spot term (on-demand upper bound); 8 GB gp3 × $0.08 = $0.64
    expect(lines(spot)).toEqual({ 'Instance usage (Linux/UNIX, spot, c5.xlarge)': '124.1', 'root_block_device: Storage (general purpose SSD, gp3)': '0.64' });
  });

  it('takes the instance type of the launch template of a mixed instances policy without overrides, with the on-demand and spot shares', () => {
    const r = groupOf(
      estimateOf([
        group(
          {
            desired_capacity: 4,
            mixed_instances_policy: [
              { instances_distribution: [{ on_demand_base_capacity: 2, on_demand_percentage_above_base_capacity: 50 }], launch_template: [{ launch_template_specification: [{ launch_template_name: 'web' }] }] },
            ],
          },
          { mixed_instances_policy: [{ launch_template: [{ launch_template_specification: [{ launch_template_name: { references: ['aws_launch_template.web.name', 'aws_launch_template.web'] } }] }] }] },
          { afterUnknown: {} },
        ),
        { type: 'aws_launch_template', name: 'web', after: { name: 'web', instance_type: 'm5.large', block_device_mappings: [{ device_name: '/dev/sdf', ebs: [{ volume_size: 50, volume_type: 'gp2' }] }] } },
      ]),
    );
    expect(lines(r)).toEqual({
      // base 2 + 50% of the 2 above = 3 on-demand m5.large: 3 × $0.096 × 730 = $210.24; 1 spot at the on-demand upper bound $70.08
      'Instance usage (Linux/UNIX, on-demand, m5.large)': '210.24',
      'Instance usage (Linux/UNIX, spot, m5.large)': '70.08',
      // no mapping of the root device: 4 × 8 GB gp2 AMI root × $0.10 = $3.20; 4 × 50 GB gp2 /dev/sdf × $0.10 = $20
      'root volume (AMI): Storage (general purpose SSD, gp2)': '3.2',
      'block_device_mappings[0] (/dev/sdf): Storage (general purpose SSD, gp2)': '20',
    });
  });

  it('prices the change of a launch template on the group that uses it', () => {
    const estimate = estimateOf([
      group({ desired_capacity: 1, launch_template: [{ id: 'lt-1', version: '$Latest' }] }, templateById('web'), { actions: ['no-op'], before: { desired_capacity: 1, launch_template: [{ id: 'lt-1', version: '$Latest' }] }, afterUnknown: {} }),
      {
        type: 'aws_launch_template',
        name: 'web',
        actions: ['update'],
        before: { id: 'lt-1', instance_type: 'm5.large', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 10, volume_type: 'gp2' }] }] },
        after: { id: 'lt-1', instance_type: 'm5.xlarge', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 10, volume_type: 'gp2' }] }] },
      },
    ]);
    const r = groupOf(estimate);
    // m5.xlarge $0.192 × 730 = $140.16 + 10 GB gp2 $1 = $141.16, was m5.large $70.08 + $1 = $71.08
    expect([r.monthlyCost.toDecimalString(), r.pastMonthlyCost.toDecimalString(), r.diffMonthlyCost.toDecimalString()]).toEqual(['141.16', '71.08', '70.08']);
  });

  it('matches count instances by index and by a known template id, and refuses to guess between several', () => {
    const template = (index: number, instanceType: string, id: string): TestChange => ({ type: 'aws_launch_template', name: 'web', index, after: { id, instance_type: instanceType, block_device_mappings: [] } });
    const expressions = { launch_template: [{ id: { references: ['aws_launch_template.web[count.index].id', 'aws_launch_template.web'] } }] };
    const byIndex = estimateOf([
      group({ desired_capacity: 1, launch_template: [{ id: null }] }, expressions, { index: 0 }),
      group({ desired_capacity: 1, launch_template: [{ id: null }] }, expressions, { index: 1 }),
      template(0, 'm5.large', 'lt-a'),
      template(1, 't3.medium', 'lt-b'),
    ]);
    // each group gets the template with its own index: m5.large $70.08 and t3.medium $0.0416 × 730 = $30.368
    expect(byIndex.resources.filter((r) => r.type === 'aws_autoscaling_group').map((r) => r.components[0]?.monthlyCost.toDecimalString())).toEqual(['70.08', '30.368']);

    const byId = groupOf(estimateOf([group({ desired_capacity: 1, launch_template: [{ id: 'lt-b' }] }, expressions, { afterUnknown: {} }), template(0, 'm5.large', 'lt-a'), template(1, 't3.medium', 'lt-b')]));
    expect(byId.components[0]?.name).toBe('Instance usage (Linux/UNIX, on-demand, t3.medium)');

    const ambiguous = estimateOf([group({ desired_capacity: 1, launch_template: [{ id: null }] }, expressions), template(0, 'm5.large', 'lt-a'), template(1, 't3.medium', 'lt-b')]);
    expect(ambiguous.unsupported).toEqual([
      {
        address: 'aws_autoscaling_group.web',
        type: 'aws_autoscaling_group',
        reason: 'aws_autoscaling_group.web refers to 2 aws_launch_template resources (aws_launch_template.web[0], aws_launch_template.web[1]) and the plan does not say which one it uses',
      },
    ]);
  });

  it('is unsupported when the launch template is not in the plan or does not give a priceable instance type', () => {
    expect(unsupportedReason({ type: 'aws_autoscaling_group', after: { desired_capacity: 2, launch_template: [{ name: 'web' }] } })).toBe(
      'the instance type of this group comes from launch template web, which is not a resource of this plan; set mixed_instances_policy overrides or price the instances directly',
    );
    expect(unsupportedReason({ type: 'aws_autoscaling_group', after: { desired_capacity: 2, launch_configuration: 'web-lc' } })).toMatch(/comes from launch configuration web-lc, which is not a resource of this plan/);
    expect(unsupportedReason({ type: 'aws_autoscaling_group', after: { desired_capacity: 2 } })).toMatch(/sets no launch template, launch configuration or mixed instances policy override/);
    const reasonWith = (templateAfter: Record<string, unknown>, templateUnknown: Record<string, unknown> = {}) =>
      estimateOf([
        group({ desired_capacity: 2, launch_template: [{ id: null }] }, templateById('web')),
        { type: 'aws_launch_template', name: 'web', after: templateAfter, afterUnknown: { id: true, ...templateUnknown } },
      ]).unsupported.map((u) => u.reason);
    expect(reasonWith({}, { instance_type: true })).toEqual(["aws_launch_template.web.instance_type is unknown at plan time, so the group's instances cannot be priced"]);
    expect(reasonWith({ image_id: 'ami-1' })).toEqual(['aws_launch_template.web sets no instance_type and the group has no mixed_instances_policy override, so its instances cannot be priced']);
    expect(reasonWith({ instance_type: 'x9.huge' })).toEqual(['no list price for instance type x9.huge (Linux/UNIX) in us-east-1']);
    expect(reasonWith({ instance_type: 'm5.large', placement: [{ tenancy: 'dedicated' }] })).toEqual(['aws_launch_template.web: dedicated tenancy is not priced yet (only shared tenancy is in the catalog)']);
  });

  it('prices an override whose launch template is not in the plan without volumes, and says so', () => {
    const r = priceOne({ type: 'aws_autoscaling_group', after: { desired_capacity: 1, mixed_instances_policy: [{ launch_template: [{ launch_template_specification: [{ launch_template_name: 'elsewhere' }], override: [{ instance_type: 'c5.large' }] }] }] } });
    // c5.large $0.085 × 730 = $62.05
    expect(lines(r)).toEqual({ 'Instance usage (Linux/UNIX, on-demand, c5.large)': '62.05' });
    expect(r.assumptions).toEqual(expect.arrayContaining([expect.objectContaining({ attribute: 'launch_template', assumed: 'no volumes', cause: 'not in the plan' })]));
  });
});
