import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePlanText } from '@cloudwright/terraform-plan';
import { compareCloudCosts } from './compare';
import { optimizeForCost } from './optimize';

/** Real `terraform show -json` plans from the shared fixtures (outside the repository, next to it). */
const PLANS = resolve(__dirname, '../../../..', '../shared/data/terraform-plans');

describe('analyses on real Terraform plans (shipped catalog and pricers)', () => {
  if (!existsSync(PLANS)) {
    it('skips: ../shared/data is absent', () => {
      console.warn(`SKIPPED: analyses on real plans, because ../shared/data is absent (looked for ${PLANS})`);
      expect(existsSync(PLANS)).toBe(false);
    });
    return;
  }
  const files = readdirSync(PLANS).filter((f) => f.endsWith('.json'));

  it.each(files)('optimises %s: every recommendation saves money and every resource is priced or listed', (file) => {
    const plan = parsePlanText(readFileSync(resolve(PLANS, file), 'utf8'));
    const report = optimizeForCost(plan);
    for (const r of report.recommendations) {
      expect(r.savedMonthlyCost.amount.gt(0)).toBe(true);
      expect(r.currentMonthlyCost.minus(r.optimisedMonthlyCost).toDecimalString()).toBe(r.savedMonthlyCost.toDecimalString());
    }
    expect(report.potentialMonthlySavings.amount.lte(report.currentMonthlyCost.amount)).toBe(true);
  });

  it('finds commitment savings in aws-55-resources-tf0.12.json where the catalog lists a 1-year price, and none where it does not', () => {
    const text = readFileSync(resolve(PLANS, 'aws-55-resources-tf0.12.json'), 'utf8');
    // as written its instances are t2.nano in us-west-2, listed on-demand only: no commitment can be priced
    const asIs = optimizeForCost(parsePlanText(text)).recommendations;
    expect(asIs.filter((r) => r.kind === 'commitment' && r.resourceAddress.startsWith('aws_instance.'))).toEqual([]);
    // moved to us-east-1 on m5.large (a 1-year price is listed there) the same plan gets one for each instance
    const onM5 = optimizeForCost(parsePlanText(text.replaceAll('"t2.nano"', '"m5.large"').replaceAll('us-west-2', 'us-east-1'))).recommendations;
    expect(onM5.filter((r) => r.kind === 'commitment' && r.resourceAddress.startsWith('aws_instance.')).map((r) => r.resourceAddress).sort()).toEqual(['aws_instance.db_app', 'aws_instance.web_host']);
  });

  it('compares aws-drift-noop-tf1.0.json across the three clouds', () => {
    const plan = parsePlanText(readFileSync(resolve(PLANS, 'aws-drift-noop-tf1.0.json'), 'utf8'));
    const c = compareCloudCosts({ plan });
    expect(c.clouds.map((x) => x.basis)).toEqual(['plan', 'plan-mapped', 'plan-mapped']);
    expect(c.clouds[0]?.total.amount.gt(0)).toBe(true);
  });
});
