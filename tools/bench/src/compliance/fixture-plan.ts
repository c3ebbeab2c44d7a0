import { BUILTIN_RULES, type FixtureResource, type ResourceFixture } from '@cloudwright/compliance';

/**
 * A synthetic `terraform show -json` plan built from the rules' own pass, fail and unknown fixtures (subjects with their
 * companion resources, wired through the configuration's `depends_on` as a real plan wires them), repeated until it
 * holds `count` resources — so every resource rule is evaluated on resources it concerns, with every framework mapped.
 */
export function fixturePlan(count: number): { plan: object; rulesCovered: number } {
  const changes: object[] = [];
  const config: object[] = [];
  const covered = new Set<string>();
  let round = 0;
  while (changes.length < count) {
    for (const rule of BUILTIN_RULES) {
      if (rule.scope !== 'resource') continue;
      const fixtures: readonly ResourceFixture[] = [...rule.fixtures.pass, ...rule.fixtures.fail, ...(rule.fixtures.unknown ?? [])];
      fixtures.forEach((fixture, i) => {
        if (changes.length >= count) return;
        const type = fixture.type ?? rule.resourceTypes.find((t) => t !== '*') ?? 'aws_instance';
        const subject = `${type}.${rule.id.toLowerCase().replace(/-/g, '_')}_${round}_${i}`;
        const related = fixture.related ?? [];
        const relatedAddresses = related.map((r, j) => `${r.type ?? 'null_resource'}.${rule.id.toLowerCase().replace(/-/g, '_')}_${round}_${i}_${j}`);
        push(changes, config, subject, type, fixture, relatedAddresses.filter((_a, j) => related[j]?.referencedBySubject === true));
        related.forEach((r, j) => {
          if (changes.length >= count) return;
          push(changes, config, relatedAddresses[j] ?? '', r.type ?? 'null_resource', r, r.refersToSubject === false ? [] : [subject]);
        });
        covered.add(rule.id);
      });
    }
    round += 1;
  }
  return {
    plan: {
      format_version: '1.2',
      terraform_version: '1.9.5',
      resource_changes: changes,
      configuration: { root_module: { resources: config } },
    },
    rulesCovered: covered.size,
  };
}

function push(changes: object[], config: object[], address: string, type: string, fixture: FixtureResource, dependsOn: string[]): void {
  const name = address.slice(address.indexOf('.') + 1);
  const provider = type.startsWith('aws_') ? 'aws' : type.startsWith('azurerm_') ? 'azurerm' : type.startsWith('google_') ? 'google' : 'null';
  changes.push({
    address,
    mode: 'managed',
    type,
    name,
    provider_name: `registry.terraform.io/hashicorp/${provider}`,
    change: { actions: ['create'], before: null, after: fixture.values, after_unknown: fixture.unknown ?? {} },
  });
  config.push({ address, mode: 'managed', type, name, provider_config_key: provider, expressions: {}, ...(dependsOn.length > 0 ? { depends_on: dependsOn } : {}) });
}
