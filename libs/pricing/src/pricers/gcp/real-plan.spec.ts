import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePlanText } from '@cloudwright/terraform-plan';
import { estimatePlan } from '../../engine/estimate';
import { GCP_PRICERS } from './index';

const REAL_PLAN = resolve(__dirname, '../../../../..', '../shared/data/terraform-plans/gcp-firewall-modules-tf0.13.json');

describe('GCP_PRICERS on a real Terraform plan', () => {
  it('registers one pricer per type, each with a declared cloud of gcp', () => {
    const types = GCP_PRICERS.flatMap((p) => p.types);
    expect(new Set(types).size).toBe(types.length);
    expect(GCP_PRICERS.every((p) => p.cloud === 'gcp')).toBe(true);
  });

  if (existsSync(REAL_PLAN)) {
    it('lists every google_* resource of the checkov GCP modules plan as priced or free, none unsupported', () => {
      const estimate = estimatePlan(parsePlanText(readFileSync(REAL_PLAN, 'utf8')));
      const google = [...estimate.resources, ...estimate.free, ...estimate.unsupported].filter((r) => r.type.startsWith('google_'));
      // 11 resources: networks, network peerings and firewall rules, which Google does not bill for by themselves.
      expect(google).toHaveLength(11);
      expect(estimate.unsupported).toEqual([]);
      expect(estimate.free.map((f) => f.type).sort()).toEqual(expect.arrayContaining(['google_compute_firewall', 'google_compute_network']));
      expect(estimate.totalMonthlyCost.toFixed(2)).toBe('0.00');
    });
  } else {
    it('skips the real Terraform plan test: ../shared/data is absent', () => {
      console.warn(`SKIPPED: real GCP Terraform plan test, because ../shared/data is absent (looked for ${REAL_PLAN})`);
      expect(existsSync(REAL_PLAN)).toBe(false);
    });
  }
});
