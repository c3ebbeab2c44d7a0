import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlanText, type ParsedPlan } from '@cloudwright/terraform-plan';
import { RuleIndex, evaluateRules, type RuleResult } from '../../engine/evaluate';
import { ResourceSet, resourcesFromPlan } from '../../engine/resource-set';
import { AZURE_RULES } from './index';

/**
 * The Azure rules on real `terraform show -json` plans from the shared data set (../shared/data/terraform-plans next
 * to the repository): nothing throws, and verdicts read off those plans by hand come out as expected.
 */
const PLANS_DIR = path.resolve(__dirname, '../../../../../../shared/data/terraform-plans');

const planFiles = fs.existsSync(PLANS_DIR) ? fs.readdirSync(PLANS_DIR).filter((f) => /^azure-.*\.json$/.test(f)).sort() : [];

function loadText(file: string): string {
  return fs.readFileSync(path.join(PLANS_DIR, file), 'utf8');
}

function evaluate(plan: ParsedPlan): RuleResult[] {
  const set = new ResourceSet(resourcesFromPlan(plan).resources);
  return evaluateRules(set, new RuleIndex(AZURE_RULES), {});
}

/** A test on one plan of the data set; when that plan is gone, a test saying so (no skipped tests). */
function planTest(file: string, name: string, body: () => void): void {
  if (planFiles.includes(file)) it(`${file}: ${name}`, body);
  else {
    it(`${file}: ${name} (plan missing)`, () => {
      console.warn(`shared data missing: ${file} not in ${PLANS_DIR}`);
      expect(planFiles).not.toContain(file);
    });
  }
}

function verdict(results: readonly RuleResult[], ruleId: string, address: string): RuleResult | undefined {
  return results.find((r) => r.rule.id === ruleId && r.resource?.address === address);
}

if (planFiles.length === 0) {
  describe('Azure rules on real plans', () => {
    it('needs the shared plan data set', () => {
      console.warn(`shared data missing: no azure-*.json plans in ${PLANS_DIR}; the real-plan checks of the Azure rules did not run`);
      expect(planFiles).toEqual([]);
    });
  });
} else {
  describe('Azure rules on real plans', () => {
    it.each(planFiles)('%s evaluates without throwing', (file) => {
      const results = evaluate(parsePlanText(loadText(file)));
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) expect(['pass', 'fail', 'unknown', 'not-applicable']).toContain(r.status);
    });

    const firewallPlan = 'azure-firewall-tf1.0.json';
    const referencesPlan = 'azure-resource-references-tf1.3.json';

    planTest(firewallPlan, 'firewalls alert on threat intelligence, the firewall subnet needs no NSG', () => {
      const results = evaluate(parsePlanText(loadText(firewallPlan)));
      // every azurerm_firewall carries threat_intel_mode = "Alert" and no firewall_policy_id
      for (const name of ['non_usage', 'premium', 'premium_virtual_hub', 'standard', 'standard_virtual_hub']) {
        const r = verdict(results, 'CW-AZ-0032', `azurerm_firewall.${name}`);
        expect(r?.status).toBe('pass');
        expect(r?.found).toBe('threat_intel_mode = "Alert"');
      }
      // azurerm_subnet.example is named AzureFirewallSubnet
      expect(verdict(results, 'CW-AZ-0028', 'azurerm_subnet.example')?.status).toBe('not-applicable');
      // the virtual network declares no inline subnets: after_unknown marks `subnet` unknown
      expect(verdict(results, 'CW-AZ-0028', 'azurerm_virtual_network.example')?.status).toBe('unknown');
    });

    planTest(referencesPlan, 'a Deny rule opens nothing; groups without inline rules are unknown', () => {
      const results = evaluate(parsePlanText(loadText(referencesPlan)));
      // azurerm_network_security_rule.pass: Inbound Deny Tcp from "*" to 3389
      for (const id of ['CW-AZ-0023', 'CW-AZ-0024', 'CW-AZ-0025']) {
        expect(verdict(results, id, 'azurerm_network_security_rule.pass')?.status).toBe('not-applicable');
        // both groups have security_rule unknown at plan time (no inline rules configured): never a fail
        expect(verdict(results, id, 'azurerm_network_security_group.fail')?.status).toBe('unknown');
        expect(verdict(results, id, 'azurerm_network_security_group.pass')?.status).toBe('unknown');
      }
    });

    planTest(referencesPlan, 'with the rule switched to Allow: RDP open to the internet is critical', () => {
      const doc = JSON.parse(loadText(referencesPlan)) as { resource_changes: { address: string; change: { after: Record<string, unknown> } }[] };
      const rule = doc.resource_changes.find((rc) => rc.address === 'azurerm_network_security_rule.pass');
      if (!rule) throw new Error('azurerm_network_security_rule.pass missing from the plan');
      rule.change.after.access = 'Allow';
      const results = evaluate(parsePlanText(JSON.stringify(doc)));
      const admin = verdict(results, 'CW-AZ-0023', 'azurerm_network_security_rule.pass');
      expect(admin?.status).toBe('fail');
      expect(admin?.rule.severity).toBe('critical');
      expect(admin?.found).toContain('3389');
      expect(verdict(results, 'CW-AZ-0024', 'azurerm_network_security_rule.pass')?.status).toBe('pass');
      expect(verdict(results, 'CW-AZ-0025', 'azurerm_network_security_rule.pass')?.status).toBe('pass');
    });
  });
}
