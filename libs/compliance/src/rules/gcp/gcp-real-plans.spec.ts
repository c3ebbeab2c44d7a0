import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePlanText } from '@cloudwright/terraform-plan';
import { RuleIndex, evaluateRules, type RuleResult } from '../../engine/evaluate';
import { ResourceSet, complianceResource, resourcesFromPlan } from '../../engine/resource-set';
import type { CheckResult, ResourceRule } from '../../model';
import { GCP_RULES } from './index';

/** libs/compliance/src/rules/gcp → repository root → ../shared/data/terraform-plans */
const PLANS = resolve(__dirname, '../../../../../../shared/data/terraform-plans');
const FIREWALL_PLAN = 'gcp-firewall-modules-tf0.13.json';

function evaluate(file: string): RuleResult[] {
  const plan = parsePlanText(readFileSync(resolve(PLANS, file), 'utf8'));
  const set = new ResourceSet(resourcesFromPlan(plan).resources);
  return evaluateRules(set, new RuleIndex(GCP_RULES), {});
}

function resourceRule(id: string): ResourceRule {
  const rule = GCP_RULES.find((r) => r.id === id);
  if (!rule || rule.scope !== 'resource') throw new Error(`no resource rule ${id}`);
  return rule;
}

/** Runs a rule on one resource change of the plan file, with its `after` values changed by `patch`. */
function onPlanResource(file: string, address: string, ruleId: string, patch: Record<string, unknown>): CheckResult {
  const doc = JSON.parse(readFileSync(resolve(PLANS, file), 'utf8')) as {
    resource_changes: { address: string; type: string; change: { after: Record<string, unknown>; after_unknown: Record<string, unknown> } }[];
  };
  const change = doc.resource_changes.find((c) => c.address === address);
  if (!change) throw new Error(`${address} not in ${file}`);
  const unknownTree = { ...change.change.after_unknown };
  for (const key of Object.keys(patch)) delete unknownTree[key];
  const resource = complianceResource({ address, type: change.type, values: { ...change.change.after, ...patch }, unknown: unknownTree });
  return resourceRule(ruleId).check(new ResourceSet([resource]).contextFor(resource, {}));
}

describe('GCP_RULES on real Terraform plans', () => {
  if (existsSync(PLANS)) {
    const files = readdirSync(PLANS).filter((f) => f.startsWith('gcp-') && f.endsWith('.json'));

    it('evaluates every gcp-*.json plan without throwing, each result with a valid status', () => {
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        let results: RuleResult[] = [];
        expect(() => {
          results = evaluate(file);
        }).not.toThrow();
        expect(results.length).toBeGreaterThan(0);
        for (const r of results) expect(['pass', 'fail', 'unknown', 'not-applicable']).toContain(r.status);
      }
    });

    describe(FIREWALL_PLAN, () => {
      const results = existsSync(resolve(PLANS, FIREWALL_PLAN)) ? evaluate(FIREWALL_PLAN) : [];
      const verdicts = (ruleId: string) =>
        results
          .filter((r) => r.rule.id === ruleId)
          .map((r) => `${r.resource?.address ?? '(plan)'} ${r.status}`)
          .sort();
      const firewalls = [
        'module.achia_test_valid_443.google_compute_firewall.custom[0]',
        'module.achia_test_valid_ports.google_compute_firewall.custom[0]',
        'module.achia_test_violating_no_ports.google_compute_firewall.custom[0]',
        'module.achia_test_violating_port.google_compute_firewall.custom[0]',
      ];
      const networks = [
        'google_compute_network.achia_test_nonpeered_network',
        'google_compute_network.achia_test_peered_nonwss_network',
        'google_compute_network.achia_test_peered_wss_network',
      ];

      it('judges the four firewall rules as egress: the ingress exposure rules are not applicable', () => {
        // every firewall of the plan has direction = "EGRESS" (source_ranges is computed, hence unknown)
        for (const id of ['CW-GCP-0023', 'CW-GCP-0024', 'CW-GCP-0025']) {
          expect(verdicts(id)).toEqual(firewalls.map((a) => `${a} not-applicable`));
        }
      });

      it('passes firewall logging: every rule has log_config { metadata = "INCLUDE_ALL_METADATA" }', () => {
        expect(verdicts('CW-GCP-0026')).toEqual(firewalls.map((a) => `${a} pass`));
      });

      it('fails the three auto-mode networks (auto_create_subnetworks = true) and passes their names', () => {
        expect(verdicts('CW-GCP-0028')).toEqual(networks.map((a) => `${a} fail`));
        expect(verdicts('CW-GCP-0027')).toEqual(networks.map((a) => `${a} pass`));
        const found = results.find((r) => r.rule.id === 'CW-GCP-0028')?.found;
        expect(found).toBe('auto_create_subnetworks = true');
      });

      it('evaluates no rule on the network peerings', () => {
        expect(results.filter((r) => r.resource?.type === 'google_compute_network_peering')).toEqual([]);
      });

      it('as ingress, the "no ports" rule is unknown while its computed source_ranges is unknown, and fails once it is 0.0.0.0/0', () => {
        const address = 'module.achia_test_violating_no_ports.google_compute_firewall.custom[0]';
        // allow { protocol = "tcp", ports = [] } — every TCP port
        const unknownSources = onPlanResource(FIREWALL_PLAN, address, 'CW-GCP-0025', { direction: 'INGRESS' });
        expect(unknownSources.status).toBe('unknown');
        expect(unknownSources.attribute).toBe('source_ranges');
        const open = onPlanResource(FIREWALL_PLAN, address, 'CW-GCP-0025', { direction: 'INGRESS', source_ranges: ['0.0.0.0/0'] });
        expect(open.status).toBe('fail');
        expect(open.found).toContain('tcp all ports');
        expect(onPlanResource(FIREWALL_PLAN, address, 'CW-GCP-0023', { direction: 'INGRESS', source_ranges: ['0.0.0.0/0'] }).status).toBe('fail');
      });

      it('as ingress from 0.0.0.0/0, the 80/443/3600 rule opens neither admin nor database ports', () => {
        const address = 'module.achia_test_violating_port.google_compute_firewall.custom[0]';
        const patch = { direction: 'INGRESS', source_ranges: ['0.0.0.0/0'] };
        expect(onPlanResource(FIREWALL_PLAN, address, 'CW-GCP-0023', patch).status).toBe('pass');
        expect(onPlanResource(FIREWALL_PLAN, address, 'CW-GCP-0024', patch).status).toBe('pass');
        expect(onPlanResource(FIREWALL_PLAN, address, 'CW-GCP-0025', patch).status).toBe('pass');
      });
    });
  } else {
    it('warns that the shared real-plan data is missing', () => {
      console.warn(`GCP real-plan tests not run: ../shared/data is absent (looked for ${PLANS})`);
      expect(existsSync(PLANS)).toBe(false);
    });
  }
});
