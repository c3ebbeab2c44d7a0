import { parsePlan } from '@cloudwright/terraform-plan';
import { UsageFile } from '../usage/usage-file';
import { testOptions } from './__tests__/test-pricing';
import { RECOMMENDATION_CATEGORIES, analyzeResource, compareSizingOptions, optimizeForCost, type OptimizeOptions } from './optimize';

const PROVIDER = { aws: 'registry.terraform.io/hashicorp/aws', google: 'registry.terraform.io/hashicorp/google' };

/** A plan document as `terraform show -json` writes it, with a configuration giving the references between resources. */
function planOf(resources: { address: string; after: Record<string, unknown>; refs?: string[] }[]) {
  return parsePlan({
    format_version: '1.2',
    resource_changes: resources.map((r) => {
      const [type = '', name = ''] = r.address.split('.');
      const google = type.startsWith('google_');
      return { address: r.address, mode: 'managed', type, name, provider_name: google ? PROVIDER.google : PROVIDER.aws, change: { actions: ['create'], before: null, after: { ...(google ? { region: 'us-central1' } : { region: 'us-east-1' }), ...r.after }, after_unknown: {} } };
    }),
    configuration: { root_module: { resources: resources.map((r) => ({ address: r.address, expressions: { ref: { references: r.refs ?? [] } } })) } },
  });
}

const PLAN = planOf([
  { address: 'aws_instance.web', after: { instance_type: 'm6i.xlarge', root_block_device: [{ volume_size: 30, volume_type: 'gp2' }] } },
  { address: 'aws_instance.legacy', after: { instance_type: 'm4.large' } },
  { address: 'aws_instance.worker', after: { instance_type: 'm6i.large', tags: { stateless: 'true' } } },
  { address: 'aws_instance.idle', after: { instance_type: 't3.medium' } },
  { address: 'aws_eip.unused', after: {} },
  { address: 'aws_eip.used', after: { instance: 'i-0123456789' } },
  { address: 'aws_ebs_volume.data', after: { type: 'gp2', size: 100 } },
  { address: 'aws_ebs_volume.loose', after: { type: 'gp3', size: 50 } },
  { address: 'aws_volume_attachment.att', after: { device_name: '/dev/sdf' }, refs: ['aws_ebs_volume.data.id', 'aws_instance.web.id'] },
  { address: 'google_compute_instance.old', after: { machine_type: 'n1-standard-2', zone: 'us-central1-a' } },
  { address: 'google_storage_bucket.logs', after: { storage_class: 'STANDARD', location: 'US-CENTRAL1' } },
  { address: 'aws_s3_bucket.archive', after: { bucket: 'archive' } },
]);

const OPTIONS: OptimizeOptions = {
  ...testOptions(),
  usage: new UsageFile(
    new Map(),
    new Map<string, Record<string, number>>([
      ['google_storage_bucket.logs', { storage_gb: 1000 }],
      ['aws_s3_bucket.archive', { standard_storage_gb: 2000 }],
    ]),
  ),
  utilisation: {
    'aws_instance.web': { cpuP95: 15, memP95: 20 },
    'aws_instance.idle': { cpuP95: 1, memP95: 5 },
    'google_storage_bucket.logs': { lastAccessDays: 90 },
    'aws_s3_bucket.archive': { lastAccessDays: 45 },
  },
};

describe(optimizeForCost.name, () => {
  const report = optimizeForCost(PLAN, OPTIONS);
  const rec = (id: string) => report.recommendations.find((r) => r.id === id);
  const saved = (id: string) => rec(id)?.savedMonthlyCost.toDecimalString();

  it('right-sizes an under-used instance down the family ladder, priced by the Estimator', () => {
    const r = rec('rightsize:aws_instance.web');
    expect(r?.title).toBe('Right-size aws_instance.web from m6i.xlarge to m6i.large');
    // 0.2 $/h × 730 + 30 GB gp2 → 0.1 $/h × 730 + 30 GB gp2
    expect(r?.currentMonthlyCost.toDecimalString()).toBe('149');
    expect(r?.optimisedMonthlyCost.toDecimalString()).toBe('76');
    expect(r?.savedMonthlyCost.toDecimalString()).toBe('73');
    expect(r?.impact).toBe('medium');
    expect(r?.category).toBe('cost');
    expect(r?.steps[0]).toBe('Set instance_type = "m6i.large"');
  });

  it('does not right-size without utilisation', () => {
    expect(rec('rightsize:aws_instance.legacy')).toBeUndefined();
  });

  it('prices a 1-year commitment for steady resources with the commitment term', () => {
    // 1y price 0.12 $/h; the gp2 root volume stays on-demand
    expect(saved('commitment:aws_instance.web')).toBe('58.4');
    expect(saved('commitment:aws_instance.legacy')).toBe('35.04');
    expect(rec('commitment:aws_instance.web')?.why).toMatch(/3 years: \$61\.40 a month/);
    expect(rec('commitment:aws_instance.worker')).toBeUndefined();
    expect(rec('commitment:aws_instance.idle')).toBeUndefined();
  });

  it('recommends no commitment where the catalog has no commitment price (on-demand fallback: no saving)', () => {
    const noTerm = optimizeForCost(planOf([{ address: 'aws_instance.c5', after: { instance_type: 'c5.large' } }]), testOptions());
    expect(noTerm.recommendations.map((r) => r.id)).not.toContain('commitment:aws_instance.c5');
    expect(noTerm.recommendations.every((r) => r.savedMonthlyCost.amount.gt(0))).toBe(true);
  });

  it('moves previous-generation types to the current generation', () => {
    expect(saved('previous-generation:aws_instance.legacy')).toBe('14.6');
    expect(rec('previous-generation:google_compute_instance.old')?.title).toBe('Move google_compute_instance.old from previous-generation n1-standard-2 to n2-standard-2');
    expect(saved('previous-generation:google_compute_instance.old')).toBe('3.65');
  });

  it('runs stateless (tagged) instances on spot', () => {
    const r = rec('spot:aws_instance.worker');
    // 0.1 × 0.3 spot × 730 + 8 GB gp2 default root volume
    expect(r?.optimisedMonthlyCost.toDecimalString()).toBe('22.7');
    expect(r?.savedMonthlyCost.toDecimalString()).toBe('51.1');
    expect(r?.risk).toBe('high');
    expect(rec('spot:aws_instance.web')).toBeUndefined();
  });

  it('flags idle resources at their whole cost', () => {
    expect(saved('idle:aws_instance.idle')).toBe('30');
    expect(rec('rightsize:aws_instance.idle')).toBeUndefined();
  });

  it('changes storage classes: gp2 → gp3 always, Nearline only for cold data', () => {
    expect(saved('storage-class:aws_ebs_volume.data')).toBe('2');
    expect(saved('storage-class:aws_instance.web')).toBe('0.6');
    expect(rec('storage-class:aws_ebs_volume.loose')).toBeUndefined();
    expect(saved('storage-class:google_storage_bucket.logs')).toBe('10');
    const warm = optimizeForCost(PLAN, { ...OPTIONS, utilisation: { 'google_storage_bucket.logs': { lastAccessDays: 3 } } });
    expect(warm.recommendations.find((r) => r.id === 'storage-class:google_storage_bucket.logs')).toBeUndefined();
  });

  it('moves cold S3 data with a lifecycle rule, priced by moving the usage between classes', () => {
    const r = rec('storage-class:aws_s3_bucket.archive');
    // 2000 GB × 0.02 Standard → × 0.0125 Standard-IA
    expect(r?.currentMonthlyCost.toDecimalString()).toBe('40');
    expect(r?.optimisedMonthlyCost.toDecimalString()).toBe('25');
    expect(r?.title).toMatch(/Standard-IA/);
    const colder = optimizeForCost(PLAN, { ...OPTIONS, utilisation: { 'aws_s3_bucket.archive': { lastAccessDays: 120 } } });
    expect(colder.recommendations.find((x) => x.id === 'storage-class:aws_s3_bucket.archive')?.optimisedMonthlyCost.toDecimalString()).toBe('8');
  });

  it('finds unattached disks and addresses, not attached ones', () => {
    expect(saved('orphaned:aws_eip.unused')).toBe('3.65');
    expect(saved('orphaned:aws_ebs_volume.loose')).toBe('4');
    expect(rec('orphaned:aws_eip.used')).toBeUndefined();
    expect(rec('orphaned:aws_ebs_volume.data')).toBeUndefined();
  });

  it('sorts by saving, uses the five categories, and counts the largest saving per resource', () => {
    const savings = report.recommendations.map((r) => r.savedMonthlyCost.amount.toNumber());
    expect(savings).toEqual([...savings].sort((a, b) => b - a));
    expect(report.recommendations.every((r) => (RECOMMENDATION_CATEGORIES as readonly string[]).includes(r.category))).toBe(true);
    expect(report.potentialMonthlySavings.toDecimalString()).toBe('251.53');
    expect(report.currentMonthlyCost.toDecimalString()).toBe('492.25');
    expect(report.recommendations.every((r) => r.savedMonthlyCost.amount.gt(0))).toBe(true);
  });

  it('lists resources it cannot price, with the reason', () => {
    const plan = planOf([{ address: 'aws_instance.x', after: { instance_type: 'x9.huge' } }]);
    const r = optimizeForCost(plan, testOptions());
    expect(r.unpriced).toEqual(['aws_instance.x: no list price for ec2:x9.huge in us-east-1']);
    expect(r.recommendations).toEqual([]);
  });

  it('rejects utilisation for a resource that is not in the plan', () => {
    expect(() => optimizeForCost(PLAN, { ...testOptions(), utilisation: { 'aws_instance.nope': { cpuP95: 1 } } })).toThrow(/utilisation.aws_instance.nope: no such resource in the plan/);
  });
});

describe(analyzeResource.name, () => {
  it('returns the recommendations of one resource', () => {
    const r = analyzeResource(PLAN, 'aws_instance.web', OPTIONS);
    expect(r.monthlyCost?.toDecimalString()).toBe('149');
    expect(r.recommendations.map((x) => x.kind).sort()).toEqual(['commitment', 'rightsize', 'storage-class']);
  });

  it('names the missing address', () => {
    expect(() => analyzeResource(PLAN, 'aws_instance.ghost', OPTIONS)).toThrow(/resource aws_instance.ghost is not in the plan \(resources: aws_instance.web, /);
  });
});

describe(compareSizingOptions.name, () => {
  it('prices every size of the family ladder against the current one', () => {
    const r = compareSizingOptions(PLAN, 'aws_instance.web', OPTIONS);
    expect(r.current).toBe('m6i.xlarge');
    expect(r.options.slice(0, 3).map((o) => [o.size, o.vcpu, o.memoryGb, o.monthlyCost?.toDecimalString(), o.diffMonthlyCost?.toDecimalString(), o.current])).toEqual([
      ['m6i.large', 2, 8, '76', '-73', false],
      ['m6i.xlarge', 4, 16, '149', '0', true],
      ['m6i.2xlarge', 8, 32, '295', '146', false],
    ]);
    const big = r.options.find((o) => o.size === 'm6i.4xlarge');
    expect(big?.monthlyCost).toBeNull();
    expect(big?.unpriced).toMatch(/no list price for ec2:m6i.4xlarge/);
  });

  it('prices the sizes given, always with the current one', () => {
    const r = compareSizingOptions(PLAN, 'aws_instance.web', { ...OPTIONS, sizes: ['r6i.large'] });
    expect(r.options.map((o) => [o.size, o.monthlyCost?.toDecimalString()])).toEqual([
      ['m6i.xlarge', '149'],
      ['r6i.large', '97.9'],
    ]);
  });

  it('rejects a resource without a size', () => {
    expect(() => compareSizingOptions(PLAN, 'aws_eip.unused', OPTIONS)).toThrow(/aws_eip.unused: aws_eip has no size to compare/);
  });
});
