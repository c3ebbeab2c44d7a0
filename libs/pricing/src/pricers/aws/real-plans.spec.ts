import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePlanText } from '@cloudwright/terraform-plan';
import { estimatePlan } from '../../engine/estimate';
import { AWS_PRICERS } from './index';

/** Real `terraform show -json` plans from the shared fixtures (outside the repository, next to it). */
const PLANS = resolve(__dirname, '../../../../..', '../shared/data/terraform-plans');
const AWS_TYPES = new Set(AWS_PRICERS.flatMap((p) => p.types));

function estimateFile(name: string) {
  return estimatePlan(parsePlanText(readFileSync(resolve(PLANS, name), 'utf8')));
}

describe('AWS pricers on real plans', () => {
  if (!existsSync(PLANS)) {
    it('skips the real plan tests: ../shared/data is absent', () => {
      console.warn(`SKIPPED: AWS real plan tests, because ../shared/data is absent (looked for ${PLANS})`);
      expect(existsSync(PLANS)).toBe(false);
    });
    return;
  }

  it('prices the checkov 55-resource plan: instances, EBS, RDS, EKS, ELB, KMS, Lambda, S3', () => {
    const est = estimateFile('aws-55-resources-tf0.12.json');
    const unsupportedOfOurs = est.unsupported.filter((u) => AWS_TYPES.has(u.type));
    expect(unsupportedOfOurs).toEqual([]);
    const byType = (t: string) => est.resources.filter((r) => r.type === t);
    for (const t of ['aws_instance', 'aws_ebs_volume', 'aws_db_instance', 'aws_eks_cluster', 'aws_elb', 'aws_kms_key', 'aws_lambda_function', 'aws_s3_bucket']) {
      expect(byType(t).length).toBeGreaterThan(0);
    }
    // every always-on resource costs something; the total is that of a small test environment (tens to a few hundred dollars)
    for (const r of [...byType('aws_instance'), ...byType('aws_db_instance'), ...byType('aws_eks_cluster'), ...byType('aws_elb'), ...byType('aws_kms_key')]) {
      expect(r.monthlyCost.amount.gt(0)).toBe(true);
    }
    expect(byType('aws_eks_cluster')[0]?.monthlyCost.amount.gte(73)).toBe(true);
    expect(est.totalMonthlyCost.amount.gt(100)).toBe(true);
    expect(est.totalMonthlyCost.amount.lt(2000)).toBe(true);
  });

  it('prices the Infracost nested-modules plan with its update and no-op instances', () => {
    const est = estimateFile('aws-nested-modules-create-update-noop-tf0.14.json');
    expect(est.unsupported.filter((u) => AWS_TYPES.has(u.type))).toEqual([]);
    const instances = est.resources.filter((r) => r.type === 'aws_instance');
    expect(instances).toHaveLength(12);
    const update = est.resources.find((r) => r.type === 'aws_db_instance' && r.action === 'update');
    expect(update).toBeDefined();
    expect(update?.pastMonthlyCost.amount.gt(0)).toBe(true);
    // no-op resources cost the same before and after
    for (const r of est.resources.filter((x) => x.action === 'no-op')) expect(r.diffMonthlyCost.isZero()).toBe(true);
  });

  it('prices the drift plan, Route 53 zones and S3 buckets of the other plans', () => {
    const drift = estimateFile('aws-drift-noop-tf1.0.json');
    expect(drift.resources.map((r) => r.type).sort()).toEqual(['aws_ebs_volume', 'aws_instance']);
    // the 128 GB volume attached with aws_volume_attachment is priced once, on aws_ebs_volume (gp2 $0.10 × 128 = $12.80);
    // the instance is t2.nano $0.0058 × 730 = $4.234 plus its 8 GB gp2 root volume $0.80
    expect(drift.resources.find((r) => r.type === 'aws_ebs_volume')?.monthlyCost.toDecimalString()).toBe('12.8');
    expect(drift.resources.find((r) => r.type === 'aws_instance')?.monthlyCost.toDecimalString()).toBe('5.034');
    const zones = estimateFile('aws-for-each-modules-tf1.9.json').resources.filter((r) => r.type === 'aws_route53_zone');
    // $0.50 per hosted zone-month each
    expect(zones.map((z) => z.monthlyCost.toDecimalString())).toEqual(['0.5', '0.5']);
    const buckets = estimateFile('aws-nested-modules-connections-tf1.2.json').resources.filter((r) => r.type === 'aws_s3_bucket');
    expect(buckets).toHaveLength(4);
  });
});
