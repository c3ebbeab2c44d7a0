import { parsePlan } from '@cloudwright/terraform-plan';
import { Money } from '../money';
import { testOptions } from './__tests__/test-pricing';
import { compareCloudCosts, workloadFromPlan, type Workload } from './compare';
import { INSTANCE_EQUIVALENTS, SERVICE_EQUIVALENTS } from './equivalents';
import { syntheticPlan } from './synthetic-plan';

const WORKLOAD: Workload = {
  compute: [{ name: 'web', vcpu: 2, memoryGb: 8, count: 2 }],
  kubernetes: [{ name: 'apps', nodes: 3, vcpu: 4, memoryGb: 16 }],
  databases: [{ name: 'orders', engine: 'postgres', vcpu: 2, memoryGb: 8, storageGb: 100, ha: true }],
  objectStorageGb: 1000,
  loadBalancers: 1,
  natGateways: 1,
};

const costOf = (c: ReturnType<typeof compareCloudCosts>, cloud: string, item: string) => c.clouds.find((x) => x.cloud === cloud)?.items.find((i) => i.item === item)?.monthlyCost?.toDecimalString();

describe(compareCloudCosts.name, () => {
  const result = compareCloudCosts(WORKLOAD, testOptions());

  it('prices every item on every cloud through the Estimator (exact per-item costs)', () => {
    // m6i.large 0.1 $/h × 730 + 30 GB gp3 × 0.08, twice
    expect(costOf(result, 'aws', 'compute web')).toBe('150.8');
    // 2 × 0.2 $/h × 730 (Multi-AZ) + 2 × 100 GB × 0.1
    expect(costOf(result, 'aws', 'database orders')).toBe('312');
    // EKS 0.1 $/h + 3 × m6i.xlarge 0.2 $/h
    expect(costOf(result, 'aws', 'kubernetes apps')).toBe('511');
    expect(costOf(result, 'aws', 'object storage')).toBe('20');
    expect(costOf(result, 'aws', 'load balancers')).toBe('14.6');
    expect(costOf(result, 'aws', 'NAT gateways')).toBe('36.5');
    expect(costOf(result, 'azure', 'compute web')).toBe('169.6');
    expect(costOf(result, 'azure', 'database orders')).toBe('286.8');
    expect(costOf(result, 'azure', 'kubernetes apps')).toBe('554.8');
    expect(costOf(result, 'gcp', 'compute web')).toBe('137.4');
  });

  it('totals the priced items and ranks only complete clouds', () => {
    const aws = result.clouds.find((c) => c.cloud === 'aws');
    const azure = result.clouds.find((c) => c.cloud === 'azure');
    expect(aws?.total.toDecimalString()).toBe('1044.9');
    expect(azure?.total.toDecimalString()).toBe('1080.3');
    expect(aws?.complete).toBe(true);
    expect(result.cheapest).toBe('aws');
    expect(result.spread?.absolute.toDecimalString()).toBe('35.4');
    expect(result.spread?.pct).toBe('3.39');
  });

  it('reports an item a cloud cannot price instead of counting it as zero', () => {
    const gcp = result.clouds.find((c) => c.cloud === 'gcp');
    const db = gcp?.items.find((i) => i.item === 'database orders');
    expect(gcp?.complete).toBe(false);
    expect(db?.monthlyCost).toBeNull();
    expect(db?.unpriced.join()).toMatch(/google_sql_database_instance.orders: no list price for sql:db-custom-2-8192/);
    expect(result.notes.join(' ')).toMatch(/gcp: 1 items could not be priced/);
    // the partial total has the priced items only
    const priced = gcp?.items.flatMap((i) => (i.monthlyCost ? [i.monthlyCost] : [])) ?? [];
    expect(gcp?.total.toDecimalString()).toBe(Money.sum(priced).toDecimalString());
  });

  it('names the chosen equivalents and why', () => {
    const azure = result.clouds.find((c) => c.cloud === 'azure');
    expect(azure?.items.find((i) => i.item === 'compute web')?.equivalent).toBe('Standard_D2s_v5 ×2');
    expect(azure?.items.find((i) => i.item === 'compute web')?.why).toMatch(/exact match: 2 vCPU \/ 8 GiB/);
    expect(azure?.items.find((i) => i.item === 'database orders')?.equivalent).toBe('GP_Standard_D2ds_v5 (postgres, HA, 100 GB)');
    const up = compareCloudCosts({ compute: [{ vcpu: 3, memoryGb: 10 }] }, { ...testOptions(), clouds: ['aws'] });
    expect(up.clouds[0]?.items[0]?.equivalent).toBe('m6i.xlarge ×1');
    expect(up.clouds[0]?.items[0]?.why).toMatch(/smallest size above: 4 vCPU \/ 16 GiB for 3 vCPU \/ 10 GiB asked/);
  });

  it('derives per-item advantages and disadvantages from the numbers', () => {
    const gcp = result.clouds.find((c) => c.cloud === 'gcp');
    const azure = result.clouds.find((c) => c.cloud === 'azure');
    expect(gcp?.advantages).toContain('cheapest for compute web ($137.40 a month)');
    expect(azure?.disadvantages).toContain('most expensive for compute web ($169.60 a month)');
  });

  it('converts currency and honours regions and the cloud list', () => {
    const eur = compareCloudCosts({ natGateways: 2 }, { ...testOptions(), currency: 'EUR', clouds: ['aws', 'azure'], regions: { aws: 'eu-west-1' } });
    expect(eur.clouds.map((c) => [c.cloud, c.region, c.total.currency, c.total.toDecimalString()])).toEqual([
      ['aws', 'eu-west-1', 'EUR', '36.5'],
      ['azure', 'eastus', 'EUR', '32.85'],
    ]);
    expect(eur.cheapest).toBe('azure');
  });

  it('has a distinct synthetic resource per instance and region attributes the parser reads', () => {
    const aws = result.clouds.find((c) => c.cloud === 'aws');
    expect(aws?.items.find((i) => i.item === 'compute web')?.resources).toEqual(['aws_instance.web_0', 'aws_instance.web_1']);
    expect(aws?.estimate.resources.every((r) => r.region === 'us-east-1' && r.assumptions.every((a) => a.attribute !== 'region'))).toBe(true);
    const gcp = result.clouds.find((c) => c.cloud === 'gcp');
    expect(gcp?.estimate.resources.every((r) => r.region === 'us-central1')).toBe(true);
  });

  describe('with a Terraform plan', () => {
    const plan = syntheticPlan([
      { type: 'aws_instance', name: 'api', cloud: 'aws', region: 'us-east-1', values: { instance_type: 'm6i.xlarge', root_block_device: [{ volume_size: 30, volume_type: 'gp3' }] } },
      { type: 'aws_nat_gateway', name: 'nat', cloud: 'aws', region: 'us-east-1', values: {} },
      { type: 'aws_eip', name: 'ip', cloud: 'aws', region: 'us-east-1', values: {} },
    ]);

    it('maps main resources through the table and lists the rest as unmapped', () => {
      const mapped = workloadFromPlan(plan);
      expect(mapped.cloud).toBe('aws');
      expect(mapped.workload).toEqual({ compute: [{ name: 'aws_instance.api', vcpu: 4, memoryGb: 16, class: 'general' }], natGateways: 1 });
      expect(mapped.unmapped).toEqual(['aws_eip.ip']);
    });

    it('prices the plan as-is on its cloud and the equivalents on the others', () => {
      const c = compareCloudCosts({ plan }, testOptions());
      const aws = c.clouds.find((x) => x.cloud === 'aws');
      expect(aws?.basis).toBe('plan');
      // 0.2 × 730 + 30 × 0.08 + NAT 36.5 + EIP 3.65
      expect(aws?.total.toDecimalString()).toBe('188.55');
      const azure = c.clouds.find((x) => x.cloud === 'azure');
      expect(azure?.basis).toBe('plan-mapped');
      expect(azure?.items.map((i) => i.equivalent)).toEqual(['Standard_D4s_v5 ×1', `${SERVICE_EQUIVALENTS.natGateway.azure.label} ×1`]);
      expect(c.unmapped).toEqual(['aws_eip.ip']);
      expect(c.notes.join(' ')).toMatch(/1 resources have no equivalent/);
    });

    it('rejects a plan without cloud resources', () => {
      expect(() => compareCloudCosts({ plan: parsePlan({ format_version: '1.2', resource_changes: [] }) }, testOptions())).toThrow(/plan: it has no AWS, Azure or Google Cloud resources/);
    });
  });

  describe('rejects a bad workload with a message that says what and where', () => {
    it.each([
      ['an empty workload', {}, /workload: nothing to price/],
      ['a zero vCPU', { compute: [{ vcpu: 0, memoryGb: 8 }] }, /compute\[0\].vcpu: expected a positive number, got 0/],
      ['a fractional count', { compute: [{ vcpu: 2, memoryGb: 8, count: 1.5 }] }, /compute\[0\].count: expected a positive whole number, got 1.5/],
      ['a shape larger than the table', { compute: [{ vcpu: 512, memoryGb: 8 }] }, /compute\[0\]: no equivalent with at least 512 vCPU/],
      ['an unknown engine', { databases: [{ engine: 'oracle' as 'mysql', vcpu: 2, memoryGb: 8, storageGb: 10 }] }, /databases\[0\].engine: expected postgres or mysql, got "oracle"/],
      ['negative storage', { objectStorageGb: -1 }, /objectStorageGb: expected a positive number/],
    ])('%s', (_name, workload, message) => {
      expect(() => compareCloudCosts(workload as Workload, testOptions())).toThrow(message);
    });
  });

  it('has one row per shape and class in the equivalence table', () => {
    const keys = INSTANCE_EQUIVALENTS.map((r) => `${r.class}:${r.vcpu}:${r.memoryGb}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
